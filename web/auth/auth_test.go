package auth

import (
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/repurpose/repurpose/config"
)

// The per-address sign-in limit counts the client, not the proxy in front: behind a
// trusted proxy the client is the right-most forwarded address that is not a proxy, and
// nobody else's X-Forwarded-For is believed.
func TestClientIPBehindTrustedProxies(t *testing.T) {
	a := New(&config.Config{Infra: config.Infra{TrustedProxies: []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32")}}}, nil, nil, nil)
	for _, tc := range []struct{ peer, xff, want string }{
		{"203.0.113.9:4000", "", "203.0.113.9"},
		{"203.0.113.9:4000", "198.51.100.1", "203.0.113.9"}, // not a proxy: its header is ignored
		{"10.1.2.3:4000", "198.51.100.1", "198.51.100.1"},
		{"10.1.2.3:4000", "6.6.6.6, 198.51.100.1, 192.0.2.7", "198.51.100.1"}, // spoofed left entry skipped
		{"10.1.2.3:4000", "garbage, 198.51.100.1", "198.51.100.1"},
		{"10.1.2.3:4000", "198.51.100.1, garbage", "10.1.2.3"},
		{"10.1.2.3:4000", "", "10.1.2.3"},
		{"[::ffff:10.1.2.3]:4000", "2001:db8::1", "2001:db8::1"},
	} {
		r := httptest.NewRequest("POST", "/signin", nil)
		r.RemoteAddr = tc.peer
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := a.ClientIP(r); got != tc.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %s, want %s", tc.peer, tc.xff, got, tc.want)
		}
	}
}
