package web

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translate"
	"github.com/repurpose/repurpose/translations"
)

// translationUI is uiServer with regions emea (de, fr) and apac (ja); the regional user
// works in emea. It returns an approved single-post derivative of text.
func translationUI(t *testing.T, text string) (*testKit, string, *record.Derivative) {
	t.Helper()
	tk, srv := uiServer(t)
	tk.cfg.File.Regions = []config.Region{
		{ID: "emea", Name: "Europe", Locales: []string{"de", "fr"}},
		{ID: "apac", Name: "Asia Pacific", Locales: []string{"ja"}},
	}
	s := save(t, tk, "q.md", text, time.Unix(1000, 0))
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "setup"); err != nil {
		t.Fatal(err)
	}
	for i := range ds {
		if ds[i].Kind != channel.KindThread && len(ds[i].Parts) == 0 && ds[i].Channel == channel.X {
			return tk, srv.URL, &ds[i]
		}
	}
	t.Fatal("no single X post among the derivatives")
	return nil, "", nil
}

func TestRegionalTranslatesApprovesAndSeesSnippet(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	page := "/ui/translations/" + d.ID + "/de"

	res, body := do(t, c, "GET", base+"/ui/translations", nil)
	if res.StatusCode != 200 || !strings.Contains(body, `href="`+page+`"`) || !strings.Contains(body, `<span class="badge missing">missing</span>`) {
		t.Fatalf("queue: %d\n%s", res.StatusCode, body)
	}
	if strings.Contains(body, "<option>ja</option>") {
		t.Error("the locale picker offers another region's locale")
	}
	if !strings.Contains(body, `href="/ui/translations" aria-current="page">Translations</a>`) || !strings.Contains(body, `href="/ui/snippets"`) {
		t.Error("the nav lacks Translations and Snippets")
	}

	res, body = do(t, c, "GET", base+page, nil)
	if res.StatusCode != 200 || !strings.Contains(body, `<textarea id="editor" name="text"`) || !strings.Contains(body, `data-channel="x"`) ||
		!strings.Contains(body, `id="counter"`) || !strings.Contains(body, html.EscapeString(d.Text)) {
		t.Fatalf("editor: %d\n%s", res.StatusCode, body)
	}
	if strings.Contains(body, "Machine translate") || strings.Contains(body, "/approve") {
		t.Error("the editor offers machine translation without a provider, or approval with no translation")
	}

	// An empty text is refused on the page itself.
	res, body = do(t, c, "POST", base+page, url.Values{"text": {"  "}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, `class="error" role="alert"`) {
		t.Fatalf("empty text: %d\n%s", res.StatusCode, body)
	}

	// The link as shown is kept as the link, not added twice.
	res, _ = do(t, c, "POST", base+page, url.Values{"text": {"Warteschlangen in der Praxis. " + d.Backlink}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=saved" {
		t.Fatalf("save: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, body = do(t, c, "GET", base+page+"?done=saved", nil)
	if res.StatusCode != 200 || !strings.Contains(body, "Draft saved") || !strings.Contains(body, `<span class="badge draft">draft</span>`) ||
		!strings.Contains(body, "Warteschlangen in der Praxis.") {
		t.Fatalf("after saving: %d\n%s", res.StatusCode, body)
	}
	trs, _ := tk.translations.Indexed(t.Context(), []string{translations.Key(d.ID, "de")})
	if tv := trs[translations.Key(d.ID, "de")]; tv == nil || tv.By != "regional" || strings.Count(tv.Text, d.Backlink) != 1 {
		t.Fatalf("saved translation = %+v", tv)
	}
	if _, body := do(t, c, "GET", base+"/ui/snippets?region=emea&locale=de", nil); strings.Contains(body, "Warteschlangen") {
		t.Error("a draft is offered as a snippet")
	}

	res, _ = do(t, c, "POST", base+page+"/approve", url.Values{})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=approved" {
		t.Fatalf("approve: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, body = do(t, c, "GET", base+"/ui/snippets?region=emea&locale=de", nil)
	if res.StatusCode != 200 || !strings.Contains(body, "Warteschlangen in der Praxis.") ||
		!strings.Contains(body, `href="/api/v1/snippets.csv?locale=de&amp;region=emea"`) {
		t.Fatalf("snippets: %d\n%s", res.StatusCode, body)
	}
	// The CSV link works with the session cookie.
	res, body = do(t, c, "GET", base+"/api/v1/snippets.csv?locale=de&region=emea", nil)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || !strings.Contains(body, "Warteschlangen") {
		t.Fatalf("CSV: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
}

func TestMachineTranslateOnThePage(t *testing.T) {
	tk, base, d := translationUI(t, doc)
	fake := &fakeProvider{err: &translate.Error{Op: "translate", Provider: "fake", Kind: translate.KindPermanent, Msg: "unsupported language pair"}}
	tk.translations.SetProvider(fake)
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	page := "/ui/translations/" + d.ID + "/fr"
	if _, body := do(t, c, "GET", base+page, nil); !strings.Contains(body, `action="`+page+`/machine"`) {
		t.Fatalf("no machine translate button with a provider:\n%s", body)
	}
	res, body := do(t, c, "POST", base+page+"/machine", url.Values{})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "unsupported language pair") {
		t.Fatalf("provider refusal: %d\n%s", res.StatusCode, body)
	}
	fake.err = nil
	res, _ = do(t, c, "POST", base+page+"/machine", url.Values{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("machine translate: %d", res.StatusCode)
	}
	if _, body := do(t, c, "GET", base+page+"?done=machine", nil); !strings.Contains(body, "machine (fake)") || !strings.Contains(body, "de_") {
		t.Fatalf("machine draft not shown:\n%s", body)
	}
}

func TestRegionalCannotOpenAnotherRegionsLocale(t *testing.T) {
	_, base, d := translationUI(t, doc)
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	for _, rq := range []struct{ method, path string }{
		{"GET", "/ui/translations/" + d.ID + "/ja"},
		{"POST", "/ui/translations/" + d.ID + "/ja"},
		{"POST", "/ui/translations/" + d.ID + "/ja/approve"},
		{"GET", "/ui/translations?locale=ja"},
		{"GET", "/ui/snippets?region=apac"},
	} {
		res, body := do(t, c, rq.method, base+rq.path, url.Values{"text": {"こんにちは"}})
		if rq.method == "GET" {
			res, body = do(t, c, rq.method, base+rq.path, nil)
		}
		if res.StatusCode != http.StatusForbidden || !strings.Contains(body, `class="error" role="alert"`) {
			t.Errorf("%s %s: %d, want a 403 page", rq.method, rq.path, res.StatusCode)
		}
	}
	// Contributors have no translation pages, and no nav links to them.
	c2 := browser(t)
	signIn(t, c2, srvFrom(base), "contributor", testPassword, "")
	if res, _ := do(t, c2, "GET", base+"/ui/translations", nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("contributor on /ui/translations: %d", res.StatusCode)
	}
	if _, body := do(t, c2, "GET", base+"/ui/topics", nil); strings.Contains(body, `href="/ui/translations"`) {
		t.Error("contributor's nav links to Translations")
	}
}

func TestTranslationPagesEscapeDocumentText(t *testing.T) {
	tk, base, d := translationUI(t, hostile)
	c := browser(t)
	signIn(t, c, srvFrom(base), "regional", testPassword, "")
	page := "/ui/translations/" + d.ID + "/de"
	if res, _ := do(t, c, "POST", base+page, url.Values{"text": {`<script>alert("de")</script> Übersetzung`}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	if res, _ := do(t, c, "POST", base+page+"/approve", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d", res.StatusCode)
	}
	for _, p := range []string{"/ui/translations?locale=de", page, "/ui/snippets?locale=de"} {
		res, body := do(t, c, "GET", base+p, nil)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("%s holds a raw <script>", p)
		}
		if p != "/ui/translations?locale=de" && !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("%s does not show the escaped script", p)
		}
		if csp := res.Header.Get("Content-Security-Policy"); csp != uiCSP {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if strings.Contains(body, " style=") || strings.Contains(body, " onclick=") {
			t.Errorf("%s has inline style or script", p)
		}
	}
	_ = tk
}

// srvFrom is enough of an httptest.Server for signIn, which only reads its URL.
func srvFrom(base string) *httptest.Server { return &httptest.Server{URL: base} }
