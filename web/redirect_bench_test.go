package web

import (
	"net/http/httptest"
	"testing"

	"github.com/repurpose/repurpose/record"
)

// BenchmarkRedirect is the handler's own cost per click (Redis writes happen off the
// request, in batches): what /r/{code} adds to a bare redirect.
func BenchmarkRedirect(b *testing.B) {
	tk, _, d := trackedFixture(b)
	h := tk.Handler()
	path := "/r/" + record.TrackedCode(d.ID, string(d.Channel), "")
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r := httptest.NewRequest("GET", path, nil)
			r.Header.Set("User-Agent", "Mozilla/5.0 (bench)")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != 302 {
				b.Fatal(w.Code)
			}
		}
	})
	tk.links.Flush()
}
