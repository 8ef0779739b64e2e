package web

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translations"
)

// atomDoc is the part of Atom (RFC 4287) a partner's reader relies on.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Links     []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

type jsonFeedDoc struct {
	Version  string `json:"version"`
	Title    string `json:"title"`
	FeedURL  string `json:"feed_url"`
	Language string `json:"language"`
	Items    []struct {
		ID            string `json:"id"`
		URL           string `json:"url"`
		Title         string `json:"title"`
		ContentText   string `json:"content_text"`
		DatePublished string `json:"date_published"`
	} `json:"items"`
}

const esDoc = "---\nlang: es\n---\n# Colas\n\n## Picos\n\nLas colas absorben picos de trabajo para que el 90% de las peticiones termine en un segundo.\n\n" +
	"Los reintentos necesitan espera exponencial, o una caída pequeña se vuelve grande para todos.\n\n" +
	"## Resultados\n\nLos errores del proceso de pago bajaron del 4% al 0,5% durante las rebajas de primavera.\n\n" +
	"Las quejas por pedidos perdidos desaparecieron en un mes.\n\n" +
	"## Capacidad\n\nUn grupo de trabajadores dimensionado para la carga media se queda atrás a los pocos minutos de un pico.\n\n" +
	"Escalar según la edad del mensaje más antiguo reacciona antes que escalar según el uso del procesador.\n\n" +
	"## Pruebas\n\nLas pruebas que detienen el intermediario diez minutos muestran si los productores guardan o pierden mensajes.\n\n" +
	"Las pruebas de carga con el triple del tráfico habitual revelan qué consumidor se rinde primero.\n\n" +
	"## Orden\n\nLa mayoría de las cargas no necesitan un orden global, solo un orden por cliente o por cuenta.\n\n" +
	"Las colas particionadas mantienen en orden los eventos de cada cliente mientras los trabajadores crecen.\n\n" +
	"## Costes\n\nLas colas añaden uno o dos segundos de espera a un trabajo que antes terminaba al instante.\n\n" +
	"Los operadores necesitan paneles de profundidad de cola, o un atasco silencioso crece durante días.\n\n" +
	"## Próximos pasos\n\nEmpiece por la ruta de escritura más cargada y mueva el resto servicio a servicio.\n\n" +
	"Revise los límites de reintentos cada trimestre, porque el tráfico cambia con las estaciones.\n\n" +
	"## Errores\n\nUna cola de mensajes fallidos evita que un mensaje envenenado bloquee el trabajo que viene detrás.\n\n" +
	"Los consumidores que fallan vuelven a tomar el mensaje, así que ningún trabajo se pierde por una caída.\n"

// feedFixture stores an English and a Spanish source, approves the English one whole and
// one Spanish snippet, and leaves the rest of the Spanish source in draft.
func feedFixture(t *testing.T) (tk *testKit, approved map[string]record.Derivative, drafts map[string]bool) {
	t.Helper()
	tk, _ = newTestToolkit(t)
	ctx := t.Context()
	en := save(t, tk, "q.md", doc, time.Unix(1000, 0))
	es := save(t, tk, "es.md", esDoc, time.Unix(2000, 0))
	if _, err := tk.reviews.ApproveSource(ctx, en.ID, "maria"); err != nil {
		t.Fatal(err)
	}
	_, esDs, err := tk.rec.SourceWithDerivatives(ctx, es.ID)
	if err != nil {
		t.Fatal(err)
	}
	drafts = map[string]bool{}
	var picked bool
	for _, d := range esDs {
		if d.Kind == channel.KindSnippet && !picked {
			if _, err := tk.reviews.Decide(ctx, d.ID, record.Approved, "maria"); err != nil {
				t.Fatal(err)
			}
			picked = true
			continue
		}
		drafts[d.ID] = true
	}
	if !picked {
		t.Fatal("the Spanish source gave no snippet")
	}
	all, err := tk.rec.Topics(ctx, record.TopicFilter{Status: record.Approved}, 1000, "")
	if err != nil {
		t.Fatal(err)
	}
	approved = map[string]record.Derivative{}
	for _, d := range all.Items {
		approved[d.ID] = d
	}
	return tk, approved, drafts
}

func getFeed(t *testing.T, h http.Handler, target string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// checkPartnerLink asserts link is backlink re-tagged for audience: same place and
// anchor, utm_source the partner, utm_medium syndication, the campaign kept.
func checkPartnerLink(t *testing.T, link, backlink, audience string) {
	t.Helper()
	got, err := url.Parse(link)
	if err != nil {
		t.Fatalf("link %q: %v", link, err)
	}
	orig, _ := url.Parse(backlink)
	q := got.Query()
	if q.Get("utm_source") != audience || q.Get("utm_medium") != "syndication" {
		t.Errorf("link %q: utm_source %q, utm_medium %q", link, q.Get("utm_source"), q.Get("utm_medium"))
	}
	if c := orig.Query().Get("utm_campaign"); c != "" && q.Get("utm_campaign") != c {
		t.Errorf("link %q lost utm_campaign %q", link, c)
	}
	if got.Fragment == "" || got.Fragment != orig.Fragment || got.Host != orig.Host || got.Path != orig.Path {
		t.Errorf("link %q does not point where %q does (with its #anchor)", link, backlink)
	}
}

func TestAtomFeedShowsApprovedSnippetsWithPartnerLinks(t *testing.T) {
	tk, approved, drafts := feedFixture(t)
	h := tk.Handler()
	w := getFeed(t, h, "/feeds/acme-news.atom", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cc := w.Header().Get("Cache-Control"); cc != "public, max-age=300" {
		t.Errorf("Cache-Control %q", cc)
	}
	var f atomDoc
	if err := xml.Unmarshal(w.Body.Bytes(), &f); err != nil {
		t.Fatalf("not Atom: %v\n%s", err, w.Body)
	}
	if f.ID == "" || f.Title == "" || f.Author.Name == "" {
		t.Errorf("feed id %q, title %q, author %q", f.ID, f.Title, f.Author.Name)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("feed updated %q: %v", f.Updated, err)
	}
	if len(f.Entries) == 0 {
		t.Fatal("no entries")
	}
	sawES := false
	for _, e := range f.Entries {
		id, ok := strings.CutPrefix(e.ID, "urn:repurpose:derivative:")
		if !ok {
			t.Fatalf("entry id %q", e.ID)
		}
		d, ok := approved[id]
		if !ok || drafts[id] {
			t.Fatalf("entry %s is not an approved derivative", id)
		}
		if d.Kind != channel.KindSnippet {
			t.Errorf("entry %s is a %s, want only snippets by default", id, d.Kind)
		}
		sawES = sawES || d.Locale == "es"
		if e.Title == "" || len([]rune(e.Title)) > 81 || strings.Contains(e.Title, "http") {
			t.Errorf("entry title %q", e.Title)
		}
		for _, ts := range []string{e.Updated, e.Published} {
			if _, err := time.Parse(time.RFC3339, ts); err != nil {
				t.Errorf("entry %s time %q: %v", id, ts, err)
			}
		}
		if len(e.Links) != 1 || e.Links[0].Href == "" {
			t.Fatalf("entry %s links %+v", id, e.Links)
		}
		checkPartnerLink(t, e.Links[0].Href, d.Backlink, "acme-news")
		if e.Content.Type != "text" || !strings.Contains(e.Content.Text, e.Links[0].Href) {
			t.Errorf("entry %s content (%s) %q does not carry the partner link", id, e.Content.Type, e.Content.Text)
		}
	}
	if !sawES {
		t.Error("the one approved Spanish snippet is missing")
	}
}

func TestJSONFeedFiltersByLocale(t *testing.T) {
	tk, approved, drafts := feedFixture(t)
	h := tk.Handler()
	w := getFeed(t, h, "/feeds/acme.json?locale=es", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/feed+json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	var f jsonFeedDoc
	if err := json.Unmarshal(w.Body.Bytes(), &f); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, w.Body)
	}
	if f.Version != "https://jsonfeed.org/version/1.1" || f.Title == "" || f.Language != "es" ||
		!strings.HasSuffix(f.FeedURL, "/feeds/acme.json?locale=es") {
		t.Errorf("feed version %q, title %q, language %q, feed_url %q", f.Version, f.Title, f.Language, f.FeedURL)
	}
	if len(f.Items) != 1 {
		t.Fatalf("%d items for locale es, want the one approved Spanish snippet", len(f.Items))
	}
	it := f.Items[0]
	id := strings.TrimPrefix(it.ID, "urn:repurpose:derivative:")
	d, ok := approved[id]
	if !ok || drafts[id] || d.Locale != "es" || d.Kind != channel.KindSnippet {
		t.Fatalf("item %s: approved %v, locale %q, kind %q", it.ID, ok, d.Locale, d.Kind)
	}
	if it.URL == "" || it.ContentText == "" || !strings.Contains(it.ContentText, it.URL) {
		t.Errorf("item url %q, content_text %q", it.URL, it.ContentText)
	}
	if _, err := time.Parse(time.RFC3339, it.DatePublished); err != nil {
		t.Errorf("date_published %q: %v", it.DatePublished, err)
	}
	checkPartnerLink(t, it.URL, d.Backlink, "acme")

	// English only, and every approved English snippet.
	w = getFeed(t, h, "/feeds/acme.json?locale=en&limit=500", nil)
	var en jsonFeedDoc
	if err := json.Unmarshal(w.Body.Bytes(), &en); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, d := range approved {
		if d.Locale == "en" && d.Kind == channel.KindSnippet {
			want++
		}
	}
	if len(en.Items) != want || want == 0 {
		t.Errorf("%d English items, want %d", len(en.Items), want)
	}

	// A filter nothing matches still gives a valid feed with "items": [].
	w = getFeed(t, h, "/feeds/acme.json?campaign=nope", nil)
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(w.Body.Bytes(), &raw); err != nil || string(raw["items"]) != "[]" {
		t.Errorf("empty feed: %v, items %s", err, raw["items"])
	}
}

func TestFeedLimitAndKind(t *testing.T) {
	tk, _, _ := feedFixture(t)
	h := tk.Handler()
	var f jsonFeedDoc
	w := getFeed(t, h, "/feeds/acme.json?limit=2", nil)
	if err := json.Unmarshal(w.Body.Bytes(), &f); err != nil || len(f.Items) != 2 {
		t.Errorf("limit=2 gave %d items (%v)", len(f.Items), err)
	}
	w = getFeed(t, h, "/feeds/acme.json?kind=tweet", nil)
	if err := json.Unmarshal(w.Body.Bytes(), &f); err != nil || len(f.Items) == 0 {
		t.Errorf("kind=tweet gave %d items (%v)", len(f.Items), err)
	}
	for _, q := range []string{"limit=0", "limit=501", "limit=x", "kind=bogus"} {
		if w := getFeed(t, h, "/feeds/acme.atom?"+q, nil); w.Code != http.StatusBadRequest {
			t.Errorf("?%s: status %d, want 400", q, w.Code)
		}
	}
}

func TestFeedAudienceMustBeAName(t *testing.T) {
	tk, _ := newTestToolkit(t)
	// Something to list: Topics on an empty index fails (HMGET with no fields).
	save(t, tk, "q.md", doc, time.Unix(1000, 0))
	h := tk.Handler()
	for _, p := range []string{"/feeds/Acme.atom", "/feeds/-acme.json", "/feeds/acme.rss", "/feeds/.atom",
		"/feeds/" + strings.Repeat("a", 65) + ".json", "/feeds/a%2Fb.atom", "/feeds/acme%20x.json"} {
		if w := getFeed(t, h, p, nil); w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, w.Code)
		}
	}
	if w := getFeed(t, h, "/feeds/"+strings.Repeat("a", 64)+".json", nil); w.Code != http.StatusOK {
		t.Errorf("a 64-character audience: status %d", w.Code)
	}
}

func TestFeedETagGivesNotModified(t *testing.T) {
	tk, _, _ := feedFixture(t)
	h := tk.Handler()
	for _, p := range []string{"/feeds/acme.atom", "/feeds/acme.json"} {
		first := getFeed(t, h, p, nil)
		etag := first.Header().Get("ETag")
		if first.Code != http.StatusOK || !strings.HasPrefix(etag, `"`) {
			t.Fatalf("%s: status %d, ETag %q", p, first.Code, etag)
		}
		if again := getFeed(t, h, p, nil); again.Header().Get("ETag") != etag || again.Body.String() != first.Body.String() {
			t.Errorf("%s: the same feed twice differs", p)
		}
		for _, inm := range []string{etag, `"other", W/` + etag, "*"} {
			w := getFeed(t, h, p, http.Header{"If-None-Match": {inm}})
			if w.Code != http.StatusNotModified || w.Body.Len() != 0 || w.Header().Get("ETag") != etag {
				t.Errorf("%s If-None-Match %s: status %d, %d bytes", p, inm, w.Code, w.Body.Len())
			}
		}
		if w := getFeed(t, h, p, http.Header{"If-None-Match": {`"stale"`}}); w.Code != http.StatusOK {
			t.Errorf("%s with a stale ETag: status %d", p, w.Code)
		}
	}
}

// A partner's Spanish feed carries the approved Spanish translation of an English snippet
// beside the Spanish original, with its own entry ID and the partner's link; a draft
// translation stays out.
func TestLocaleFeedCarriesApprovedTranslations(t *testing.T) {
	tk, approved, _ := feedFixture(t)
	ctx := t.Context()
	var en []record.Derivative
	for _, d := range approved {
		if d.Locale == "en" && d.Kind == channel.KindSnippet {
			en = append(en, d)
		}
	}
	if len(en) < 2 {
		t.Fatalf("%d approved English snippets, want at least 2", len(en))
	}
	const words = "Las colas absorben los picos de trabajo."
	if _, err := tk.translations.Translate(ctx, en[0].ID, "es", translations.Input{Text: words}, "eva"); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.translations.Decide(ctx, en[0].ID, "es", record.Approved, "eva"); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.translations.Translate(ctx, en[1].ID, "es", translations.Input{Text: "Borrador sin revisar."}, "eva"); err != nil {
		t.Fatal(err)
	}
	w := getFeed(t, tk.Handler(), "/feeds/acme.json?locale=es", nil)
	var f jsonFeedDoc
	if err := json.Unmarshal(w.Body.Bytes(), &f); err != nil {
		t.Fatalf("HTTP %d, not JSON: %v\n%s", w.Code, err, w.Body)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items in the Spanish feed, want the Spanish snippet and the approved translation", len(f.Items))
	}
	var found bool
	for _, it := range f.Items {
		if strings.Contains(it.ContentText, "Borrador") {
			t.Errorf("a draft translation reached the feed: %q", it.ContentText)
		}
		if it.ID == "urn:repurpose:derivative:"+en[0].ID+"/es" {
			found = true
			if !strings.HasPrefix(it.ContentText, words) {
				t.Errorf("translated entry reads %q, want it to start with %q", it.ContentText, words)
			}
			checkPartnerLink(t, it.URL, en[0].Backlink, "acme")
		}
	}
	if !found {
		t.Errorf("no entry for the translation of %s: %+v", en[0].ID, f.Items)
	}
}
