package toolkit

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Freshness is when a topic was approved: ?fresh=7d lists what was approved in the last
// week, on the API and on the topics page.
func TestFreshTopicsWereApprovedRecently(t *testing.T) {
	tk, srv := uiServer(t)
	ctx := t.Context()
	day0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := day0
	tk.now = func() time.Time { return clock }
	old := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	recent := save(t, tk, "es.md", esDoc, time.Unix(2000, 0))
	if _, err := tk.ApproveSource(ctx, old.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	clock = day0.Add(10 * 24 * time.Hour)
	if _, err := tk.ApproveSource(ctx, recent.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	clock = day0.Add(12 * 24 * time.Hour)

	sources := func(q url.Values) map[string]int {
		t.Helper()
		f, err := tk.topicFilter(q)
		if err != nil {
			t.Fatal(err)
		}
		p, err := tk.Topics(ctx, f, 1000, "")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, d := range p.Items {
			out[d.SourceID]++
		}
		return out
	}
	week := sources(url.Values{"fresh": {"7d"}})
	if week[recent.ID] == 0 || week[old.ID] != 0 {
		t.Errorf("fresh=7d lists %v, want only the source approved 2 days ago (%s)", week, recent.ID)
	}
	if month := sources(url.Values{"fresh": {"720h"}}); month[recent.ID] == 0 || month[old.ID] == 0 {
		t.Errorf("fresh=720h lists %v, want both sources", month)
	}
	for _, bad := range []string{"soon", "0d", "-3h"} {
		if _, err := tk.topicFilter(url.Values{"fresh": {bad}}); err == nil || !strings.Contains(err.Error(), "7d") {
			t.Errorf("fresh=%q: %v, want an error that shows the form", bad, err)
		}
	}

	c := browser(t)
	signIn(t, c, srv, "contributor", testPassword, "")
	res, body := do(t, c, "GET", srv.URL+"/ui/topics?fresh=7d", nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `<option value="7d" selected>`) ||
		!strings.Contains(body, "approved 11 Mar 2026") || strings.Contains(body, "approved 1 Mar 2026") {
		t.Errorf("topics page with fresh=7d: HTTP %d, the choice kept and only March 11 approvals shown?\n%s", res.StatusCode, body)
	}
	if res, body := do(t, c, "GET", srv.URL+"/ui/topics?fresh=soon", nil); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "7d or 36h") {
		t.Errorf("topics page with fresh=soon: HTTP %d\n%s", res.StatusCode, body)
	}
}
