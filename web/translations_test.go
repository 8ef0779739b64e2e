package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/translate"
	"github.com/repurpose/repurpose/translations"
	"github.com/repurpose/repurpose/web/auth"
)

// fakeProvider translates into "German" by marking every word it may change, leaving
// kept terms as given, and records what it was asked.
type fakeProvider struct {
	mu   sync.Mutex
	reqs []translate.Request
	err  error
	// failEvery n > 0 refuses every nth request, as a provider that chokes on some texts.
	failEvery int
}

func (f *fakeProvider) Name() string { return "fake" }

func (f *fakeProvider) Translate(_ context.Context, req translate.Request) (translate.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = append(f.reqs, req)
	if f.err != nil {
		return translate.Result{}, f.err
	}
	if f.failEvery > 0 && len(f.reqs)%f.failEvery == 0 {
		return translate.Result{}, &translate.Error{Op: "translate", Provider: "fake", Kind: translate.KindPermanent, Msg: "text too hard"}
	}
	out := make([]string, len(req.Texts))
	for i, text := range req.Texts {
		words := strings.Fields(text)
		for j, w := range words {
			if !slices.ContainsFunc(req.Keep, func(k string) bool { return strings.Contains(w, k) }) {
				words[j] = "de_" + strings.ToLower(w)
			}
		}
		out[i] = strings.Join(words, " ")
	}
	return translate.Result{Texts: out}, nil
}

// translationAPI is a toolkit with regions emea (de, fr) and apac (ja), the brand
// spelling Kubernetes, and a token per user.
type translationAPI struct {
	tk     *testKit
	h      http.Handler
	tokens map[string]string // user name -> token
}

func newTranslationAPI(t *testing.T) *translationAPI {
	t.Helper()
	tk, _ := newTestToolkit(t)
	tk.cfg.File.Regions = []config.Region{
		{ID: "emea", Name: "Europe", Locales: []string{"de", "fr"}},
		{ID: "apac", Name: "Asia Pacific", Locales: []string{"ja"}},
	}
	tk.cfg.File.Brand.Spellings = []string{"Kubernetes"}
	a := &translationAPI{tk: tk, tokens: map[string]string{}}
	for _, u := range []config.User{
		{Name: "mia", Role: config.RoleMarketing},
		{Name: "eva", Role: config.RoleRegional, Regions: []string{"emea"}},
		{Name: "kenji", Role: config.RoleRegional, Regions: []string{"apac"}},
		{Name: "carl", Role: config.RoleContributor},
	} {
		a.tokens[u.Name] = "token-" + u.Name
		u.TokenSHA256 = auth.HashToken(a.tokens[u.Name])
		tk.cfg.File.Users = append(tk.cfg.File.Users, u)
	}
	a.h = tk.Handler()
	return a
}

func (a *translationAPI) call(t *testing.T, user, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+a.tokens[user])
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return rec
}

// want checks the status and decodes the JSON answer.
func want(t *testing.T, rec *httptest.ResponseRecorder, status int) map[string]json.RawMessage {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("HTTP %d, want %d: %s", rec.Code, status, rec.Body)
	}
	var out map[string]json.RawMessage
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func decode[T any](t *testing.T, raw json.RawMessage) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	return v
}

// kubeDoc states enough findings, one section each, for the tweets and a thread of
// findings besides (a thread is made of findings only, and opens with a figure the
// tweets left).
const kubeDoc = `---
tags: [Queues]
---
# Queues on Kubernetes

## Why

Kubernetes queues absorb bursts so that 90% of requests finish within a second even when traffic triples.

Retries need backoff, or a small outage becomes a large one for every customer at once.

## How

Measure queue depth, alert on the age of the oldest task, and add workers before the backlog grows.

A dead-letter queue keeps poison messages from blocking the work behind them.

## Results

After the change, checkout errors fell from 4% to 0.5% during the spring sale.

Support tickets about lost orders dropped to zero within a month.

## Capacity

A worker pool sized for the median load falls behind within minutes of a spike.

## Costs

Queue-backed checkouts cost 30% less to run than synchronous ones at the same peak.

## Alerts

Teams that alert on message age found 3 times as many stuck consumers as teams that alert on depth.

Autoscaling on the age of the oldest message reacts faster than scaling on processor load.

## Producers

Producers that batch messages into Kubernetes queues send fewer requests, because one call carries many messages.

## Timeouts

Short visibility timeouts on Kubernetes queues deliver slow messages twice, while long ones hide a crashed consumer for minutes.

## Priorities

Separate Kubernetes queues for urgent work keep a checkout message from waiting behind a nightly export, rather than one queue for everything.

## Retention

Kubernetes queues that keep messages for a week let a team replay a bad deploy, while a one-day retention loses the evidence.

## Consumers

Idempotent consumers on Kubernetes queues survive duplicate deliveries, because processing a message twice changes nothing.

## Testing

Chaos tests that stop a broker for ten minutes show whether producers buffer or drop.

Load tests with three times the usual traffic reveal which consumer gives up first.

## Costs

Teams that cap retries on Kubernetes queues spend 30% less on compute than teams that retry without limit, because a poison message stops costing money after its third attempt.

## What to do

Teams should alert on the oldest message's age, because a queue that grows quietly fails all at once.

Operators should drain a queue before a deploy, or the new workers inherit a backlog they cannot see.

Start with one dead-letter queue per consumer and review it every week.
`

// approvedTweet saves kubeDoc, approves it and returns its first tweet on X.
func approvedTweet(t *testing.T, tk *testKit, key string) (*record.Source, record.Derivative) {
	t.Helper()
	s := save(t, tk, key, kubeDoc, time.Unix(1000, 0))
	if _, err := tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	_, ds, err := tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Kind == channel.KindTweet && d.Channel == channel.X {
			return s, d
		}
	}
	t.Fatal("no tweet")
	return nil, record.Derivative{}
}

func snippetsCSV(t *testing.T, rec *httptest.ResponseRecorder) [][]string {
	t.Helper()
	if rec.Code != http.StatusOK {
		t.Fatalf("CSV: HTTP %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=") || !strings.HasSuffix(cd, `.csv"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, rec.Body)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], []string{"id", "source", "kind", "channel", "locale", "text", "link", "status"}) {
		t.Fatalf("header %v", rows)
	}
	return rows[1:]
}

func TestHumanTranslationIsOfferedOnlyOnceApproved(t *testing.T) {
	a := newTranslationAPI(t)
	_, d := approvedTweet(t, a.tk, "kube.md")
	base := "/api/v1/derivatives/" + d.ID + "/translations/de"
	german := "Kubernetes-Warteschlangen fangen Lastspitzen ab.\n\nJetzt lesen\n#Queues"

	has := func(user string) (bool, bool) {
		out := want(t, a.call(t, user, "GET", "/api/v1/snippets?region=emea&locale=de", ""), http.StatusOK)
		inJSON := slices.ContainsFunc(decode[[]translations.Snippet](t, out["snippets"]), func(s translations.Snippet) bool {
			return s.ID == d.ID && s.Translated && s.Locale == "de"
		})
		rows := snippetsCSV(t, a.call(t, user, "GET", "/api/v1/snippets.csv?region=emea&locale=de", ""))
		inCSV := slices.ContainsFunc(rows, func(r []string) bool { return r[0] == d.ID && r[4] == "de" })
		return inJSON, inCSV
	}

	out := want(t, a.call(t, "eva", "POST", base, fmt.Sprintf(`{"text": %q}`, german)), http.StatusOK)
	tv := decode[translations.View](t, out["translation"])
	if tv.Status != record.Draft || tv.Machine || tv.By != "eva" || tv.Locale != "de" || tv.DerivativeID != d.ID {
		t.Errorf("draft %+v", tv)
	}
	// The person left the link out: the slot goes where the original has it, before the hashtags.
	if tv.Template != "Kubernetes-Warteschlangen fangen Lastspitzen ab.\n\nJetzt lesen "+channel.LinkSlot+"\n#Queues" {
		t.Errorf("template %q", tv.Template)
	}
	if !strings.Contains(tv.Text, d.Backlink) || !tv.Length.Valid || tv.Length.Limit != channel.LimitX {
		t.Errorf("text %q length %+v", tv.Text, tv.Length)
	}
	if j, c := has("eva"); j || c {
		t.Fatalf("a draft was offered: json %v csv %v", j, c)
	}
	// The queue shows it as a draft; other approved derivatives are missing.
	q := want(t, a.call(t, "eva", "GET", "/api/v1/translations?locale=de", ""), http.StatusOK)
	items := decode[[]translations.QueueItem](t, q["translations"])
	var draft, missing int
	for _, it := range items {
		switch {
		case it.Derivative.ID == d.ID && it.Status == string(record.Draft):
			draft++
		case it.Status == translations.Missing:
			missing++
		}
	}
	if draft != 1 || missing == 0 {
		t.Errorf("queue: %d drafts, %d missing of %d", draft, missing, len(items))
	}

	out = want(t, a.call(t, "eva", "POST", base+"/approve", ""), http.StatusOK)
	if tv := decode[translations.View](t, out["translation"]); tv.Status != record.Approved || tv.ReviewedBy != "eva" {
		t.Errorf("approved %+v", tv)
	}
	if j, c := has("eva"); !j || !c {
		t.Fatalf("an approved translation was not offered: json %v csv %v", j, c)
	}
	if j, _ := has("mia"); !j {
		t.Error("marketing does not see the approved translation")
	}
	// Not offered in another locale, and fr is still to do.
	out = want(t, a.call(t, "eva", "GET", "/api/v1/snippets?region=emea&locale=fr", ""), http.StatusOK)
	if slices.ContainsFunc(decode[[]translations.Snippet](t, out["snippets"]), func(s translations.Snippet) bool { return s.ID == d.ID }) {
		t.Error("the German translation was offered in French")
	}
	q = want(t, a.call(t, "eva", "GET", "/api/v1/translations?status=approved", ""), http.StatusOK)
	if items := decode[[]translations.QueueItem](t, q["translations"]); len(items) != 1 || items[0].Locale != "de" {
		t.Errorf("approved queue %+v", items)
	}
	// Rejecting takes it back out.
	want(t, a.call(t, "mia", "POST", base+"/reject", ""), http.StatusOK)
	if j, c := has("eva"); j || c {
		t.Error("a rejected translation is still offered")
	}
	// English originals are offered to English readers only: none here.
	out = want(t, a.call(t, "mia", "GET", "/api/v1/snippets?region=emea&locale=de", ""), http.StatusOK)
	for _, s := range decode[[]translations.Snippet](t, out["snippets"]) {
		if !s.Translated {
			t.Errorf("an English original offered in de: %+v", s)
		}
	}
}

func TestOriginalsInTheLocaleAreSnippetsAndRegionsAreHonoured(t *testing.T) {
	a := newTranslationAPI(t)
	a.tk.cfg.File.Regions = append(a.tk.cfg.File.Regions, config.Region{ID: "latam", Locales: []string{"es"}})
	es := "---\nlang: es\nregions: [latam]\n---\n# Colas\n\nLas colas absorben picos de trabajo para que el 90% de las peticiones termine en un segundo.\n\nLos reintentos necesitan espera exponencial, o una caída pequeña se vuelve grande.\n"
	s := save(t, a.tk, "es.md", es, time.Unix(1000, 0))
	if _, err := a.tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	rows := snippetsCSV(t, a.call(t, "mia", "GET", "/api/v1/snippets.csv?region=latam&locale=es", ""))
	if len(rows) == 0 {
		t.Fatal("no Spanish originals offered to latam")
	}
	for _, r := range rows {
		if r[1] != s.ID || r[4] != "es" || r[7] != "approved" || r[5] == "" {
			t.Errorf("row %q", r)
		}
	}
	// The document is for latam only: emea gets nothing of it, even in es.
	out := want(t, a.call(t, "mia", "GET", "/api/v1/snippets?region=emea", ""), http.StatusOK)
	if n := len(decode[[]translations.Snippet](t, out["snippets"])); n != 0 {
		t.Errorf("emea got %d snippets of a latam document", n)
	}
}

func TestMachineTranslationKeepsBrandNames(t *testing.T) {
	a := newTranslationAPI(t)
	fake := &fakeProvider{}
	a.tk.translations.SetProvider(fake)
	_, d := approvedTweet(t, a.tk, "kube.md")
	out := want(t, a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de", `{"machine": true}`), http.StatusOK)
	tv := decode[translations.View](t, out["translation"])
	if !tv.Machine || tv.Provider != "fake" || tv.Status != record.Draft {
		t.Errorf("%+v", tv)
	}
	if len(fake.reqs) != 1 || fake.reqs[0].Source != d.Locale || fake.reqs[0].Target != "de" || !slices.Contains(fake.reqs[0].Keep, "Kubernetes") {
		t.Fatalf("requests %+v", fake.reqs)
	}
	sentSlotOrTags := func(r translate.Request) {
		for _, text := range r.Texts {
			if strings.Contains(text, channel.LinkSlot) || strings.HasPrefix(text, "#") || strings.Contains(text, "/") {
				t.Errorf("sent the slot, hashtags or numbering to the engine: %q", text)
			}
		}
	}
	sentSlotOrTags(fake.reqs[0])
	if !strings.Contains(tv.Template, "Kubernetes") || !strings.Contains(tv.Template, "de_") {
		t.Errorf("template %q", tv.Template)
	}
	if strings.Count(tv.Template, channel.LinkSlot) != strings.Count(d.Template, channel.LinkSlot) {
		t.Errorf("the link slot was lost: %q", tv.Template)
	}
	if tags := d.Hashtags; len(tags) > 0 && !strings.Contains(tv.Template, tags[0]) {
		t.Errorf("hashtags %v not kept: %q", tags, tv.Template)
	}
	if !tv.Length.Valid {
		t.Errorf("length %+v", tv.Length)
	}

	// A thread is translated post by post, numbering kept.
	_, ds, _ := a.tk.rec.SourceWithDerivatives(t.Context(), d.SourceID)
	threads := 0
	for _, th := range ds {
		if th.Kind != channel.KindThread {
			continue
		}
		threads++
		out := want(t, a.call(t, "mia", "POST", "/api/v1/derivatives/"+th.ID+"/translations/fr", `{"machine": true}`), http.StatusOK)
		tv := decode[translations.View](t, out["translation"])
		sentSlotOrTags(fake.reqs[len(fake.reqs)-1])
		if len(tv.Parts) != len(th.Parts) {
			t.Fatalf("thread: %d parts, want %d", len(tv.Parts), len(th.Parts))
		}
		for i, p := range tv.Parts {
			if want := fmt.Sprintf("(%d/%d)", i+1, len(th.Parts)); !strings.HasSuffix(p.Template, want) || !p.Length.Valid {
				t.Errorf("part %d %q %+v", i, p.Template, p.Length)
			}
		}
	}

	if threads == 0 {
		t.Error("the document made no thread to translate")
	}

	// Rate limits and refusals keep their kinds.
	fake.err = &translate.RetryLater{Provider: "fake", After: 90 * time.Second}
	rec := a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/fr", `{"machine": true}`)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "90" {
		t.Errorf("rate limited: HTTP %d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	fake.err = &translate.Error{Op: "translate", Provider: "fake", Kind: translate.KindPermanent, Status: 400, Msg: "de is not supported"}
	rec = a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/fr", `{"machine": true}`)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "de is not supported") {
		t.Errorf("permanent: HTTP %d %s", rec.Code, rec.Body)
	}
}

func TestLongGermanIsRefittedForX(t *testing.T) {
	a := newTranslationAPI(t)
	_, d := approvedTweet(t, a.tk, "kube.md")
	german := "Kubernetes-Warteschlangen fangen Lastspitzen ab, sodass 90 % der Anfragen innerhalb einer Sekunde abgeschlossen werden, " +
		"selbst wenn sich der Datenverkehr verdreifacht. Wiederholungsversuche benötigen eine exponentielle Wartezeit, " +
		"sonst wird aus einem kleinen Ausfall ein großer für alle Kundinnen und Kunden gleichzeitig. " +
		"Messen Sie die Tiefe der Warteschlange und alarmieren Sie beim Alter der ältesten Aufgabe.\n\nJetzt das ganze Whitepaper lesen {link}\n#Queues"
	if l := channel.CountX(channel.Render(channel.X, german, "https://t.co/0123456789").Text); l.Valid {
		t.Fatalf("the test text fits already: %+v", l)
	}
	out := want(t, a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de", fmt.Sprintf(`{"text": %q}`, german)), http.StatusOK)
	tv := decode[translations.View](t, out["translation"])
	if !tv.Cut || !tv.Length.Valid || tv.Length.Weighted > 280 {
		t.Errorf("refit: cut %v length %+v", tv.Cut, tv.Length)
	}
	if !strings.HasSuffix(tv.Template, "\n\nJetzt das ganze Whitepaper lesen {link}\n#Queues") {
		t.Errorf("the CTA, link and hashtags were not kept: %q", tv.Template)
	}
	// A text whose tail alone is too long cannot be fitted.
	tooLong := "Kurz.\n\n" + strings.Repeat("Lesen ", 60) + "{link}"
	rec := a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de", fmt.Sprintf(`{"text": %q}`, tooLong))
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "280") {
		t.Errorf("unfit: HTTP %d %s", rec.Code, rec.Body)
	}
}

func TestRegionalUsersTranslateOnlyTheirLocales(t *testing.T) {
	a := newTranslationAPI(t)
	_, d := approvedTweet(t, a.tk, "kube.md")
	base := "/api/v1/derivatives/" + d.ID + "/translations/"
	body := `{"text": "Warteschlangen fangen Lastspitzen ab."}`
	want(t, a.call(t, "eva", "POST", base+"de", body), http.StatusOK)
	want(t, a.call(t, "eva", "POST", base+"de/approve", ""), http.StatusOK)
	for _, path := range []string{base + "ja", base + "ja/approve", base + "ja/reject"} {
		if rec := a.call(t, "eva", "POST", path, body); rec.Code != http.StatusForbidden {
			t.Errorf("eva POST %s: HTTP %d, want 403", path, rec.Code)
		}
	}
	if rec := a.call(t, "kenji", "POST", base+"de/approve", ""); rec.Code != http.StatusForbidden {
		t.Errorf("apac approving de: HTTP %d", rec.Code)
	}
	for _, path := range []string{"/api/v1/translations?locale=ja", "/api/v1/translations?region=apac", "/api/v1/snippets?region=apac", "/api/v1/snippets.csv?locale=ja"} {
		if rec := a.call(t, "eva", "GET", path, ""); rec.Code != http.StatusForbidden {
			t.Errorf("eva GET %s: HTTP %d, want 403", path, rec.Code)
		}
	}
	// By default eva's queue covers de and fr only.
	out := want(t, a.call(t, "eva", "GET", "/api/v1/translations", ""), http.StatusOK)
	if locales := decode[[]string](t, out["locales"]); !slices.Equal(locales, []string{"de", "fr"}) {
		t.Errorf("eva's locales %v", locales)
	}
	for _, it := range decode[[]translations.QueueItem](t, out["translations"]) {
		if it.Locale != "de" && it.Locale != "fr" {
			t.Errorf("eva sees %s", it.Locale)
		}
	}
	// Marketing may translate into any configured locale, not an unknown one.
	want(t, a.call(t, "mia", "POST", base+"ja", `{"text": "キューは負荷の急増を吸収します。"}`), http.StatusOK)
	if rec := a.call(t, "mia", "POST", base+"pt-BR", body); rec.Code != http.StatusBadRequest {
		t.Errorf("an unconfigured locale: HTTP %d", rec.Code)
	}
	// Contributors do not translate.
	if rec := a.call(t, "carl", "POST", base+"de", body); rec.Code != http.StatusForbidden {
		t.Errorf("contributor: HTTP %d", rec.Code)
	}
}

// A regional user cannot translate or approve, through the API, a document meant for
// another region: the API applies the pages' scope, and nothing is stored.
func TestRegionalCannotTranslateAnotherRegionsDocumentByAPI(t *testing.T) {
	a := newTranslationAPI(t)
	s := save(t, a.tk, "apac.md", strings.Replace(kubeDoc, "tags: [Queues]", "tags: [Queues]\nregions: [apac]", 1), time.Unix(1000, 0))
	if _, err := a.tk.reviews.ApproveSource(t.Context(), s.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	_, ds, err := a.tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	if err != nil || len(ds) == 0 {
		t.Fatalf("derivatives: %v", err)
	}
	base := "/api/v1/derivatives/" + ds[0].ID + "/translations/de"
	for _, path := range []string{base, base + "/approve", base + "/reject"} {
		if rec := a.call(t, "eva", "POST", path, `{"text": "Warteschlangen fangen Lastspitzen ab."}`); rec.Code != http.StatusNotFound {
			t.Errorf("emea POST %s on an apac document: HTTP %d %s, want 404", path, rec.Code, rec.Body)
		}
	}
	if trs, err := a.tk.translations.Indexed(t.Context(), []string{translations.Key(ds[0].ID, "de")}); err != nil || len(trs) != 0 {
		t.Errorf("translations stored for the apac document: %v %v", trs, err)
	}
}

func TestTranslationNeedsAnApprovedDerivativeAndAProviderForMachines(t *testing.T) {
	a := newTranslationAPI(t)
	s := save(t, a.tk, "draft.md", kubeDoc, time.Unix(1000, 0))
	_, ds, _ := a.tk.rec.SourceWithDerivatives(t.Context(), s.ID)
	rec := a.call(t, "mia", "POST", "/api/v1/derivatives/"+ds[0].ID+"/translations/de", `{"text": "Hallo."}`)
	if rec.Code != http.StatusConflict {
		t.Errorf("translating a draft: HTTP %d %s", rec.Code, rec.Body)
	}
	if rec := a.call(t, "eva", "POST", "/api/v1/derivatives/"+ds[0].ID+"/translations/de", `{"text": "Hallo."}`); rec.Code != http.StatusNotFound {
		t.Errorf("a regional user translating a draft they cannot see: HTTP %d %s, want 404", rec.Code, rec.Body)
	}
	_, d := approvedTweet(t, a.tk, "kube.md")
	rec = a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de", `{"machine": true}`)
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "no translation provider is configured: translation is human-only") {
		t.Errorf("no provider: HTTP %d %s", rec.Code, rec.Body)
	}
	for _, body := range []string{`{}`, `{"text": "  "}`, `not json`, `{"machine": true, "text": "x"}`} {
		if rec := a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de", body); rec.Code != http.StatusBadRequest {
			t.Errorf("body %s: HTTP %d", body, rec.Code)
		}
	}
	if rec := a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de/approve", ""); rec.Code != http.StatusNotFound {
		t.Errorf("approving a translation that does not exist: HTTP %d", rec.Code)
	}
	if rec := a.call(t, "eva", "POST", "/api/v1/derivatives/nope/translations/de", `{"text": "Hallo."}`); rec.Code != http.StatusNotFound {
		t.Errorf("no such derivative: HTTP %d", rec.Code)
	}
}

func TestReindexRestoresTranslationsAndNewVersionsStartWithout(t *testing.T) {
	a := newTranslationAPI(t)
	tk := a.tk
	ctx := t.Context()
	_, d := approvedTweet(t, tk, "kube.md")
	if _, err := tk.translations.Translate(ctx, d.ID, "de", translations.Input{Text: "Warteschlangen fangen Lastspitzen ab."}, "eva"); err != nil {
		t.Fatal(err)
	}
	if _, err := tk.translations.Decide(ctx, d.ID, "de", record.Approved, "eva"); err != nil {
		t.Fatal(err)
	}
	scope := translations.Scope{"de": {"emea"}}
	before, err := tk.translations.Snippets(ctx, scope)
	if err != nil || len(before) != 1 {
		t.Fatalf("before: %v %+v", err, before)
	}
	if err := tk.rdb.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if got, _ := tk.translations.Snippets(ctx, scope); len(got) != 0 {
		t.Fatalf("the index still holds %d snippets after FLUSHALL", len(got))
	}
	if _, err := tk.rec.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	after, err := tk.translations.Snippets(ctx, scope)
	if err != nil || len(after) != 1 || after[0].Text != before[0].Text || after[0].ID != d.ID {
		t.Fatalf("after reindex: %v %+v", err, after)
	}
	q, err := tk.translations.Queue(ctx, scope, string(record.Approved))
	if err != nil || len(q) != 1 || q[0].Translation.By != "eva" || q[0].Translation.ReviewedBy != "eva" {
		t.Fatalf("queue after reindex: %v %+v", err, q)
	}

	// A new version of the source starts with no translations.
	s2 := save(t, tk, "kube.md", kubeDoc+"\nA new paragraph about Kubernetes operators and their queues.\n", time.Unix(2000, 0))
	if _, err := tk.reviews.ApproveSource(ctx, s2.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	q, err = tk.translations.Queue(ctx, scope, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range q {
		if it.Status != translations.Missing {
			t.Errorf("the new version has a translation: %+v", it)
		}
	}
	if n, _ := tk.rdb.HLen(ctx, "repurpose:translation").Result(); n != 0 {
		t.Errorf("%d stale translations in the index", n)
	}
	if _, err := tk.translations.Translate(ctx, d.ID, "de", translations.Input{Text: "Hallo."}, "eva"); err == nil {
		t.Error("translated a derivative of a superseded version")
	}
}

// TestLibreTranslateWiring runs a machine translation through the real LibreTranslate
// client against a stand-in server, kept terms and all.
func TestLibreTranslateWiring(t *testing.T) {
	var mu sync.Mutex
	var got []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Q      []string `json:"q"`
			Source string   `json:"source"`
			Target string   `json:"target"`
			Format string   `json:"format"`
			APIKey string   `json:"api_key"`
		}
		if r.URL.Path != "/translate" || json.NewDecoder(r.Body).Decode(&body) != nil {
			http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
			return
		}
		mu.Lock()
		got = append(got, map[string]any{"source": body.Source, "target": body.Target, "format": body.Format, "key": body.APIKey})
		mu.Unlock()
		out := make([]string, len(body.Q))
		for i, q := range body.Q {
			// Upper-case what is not protected; spans marked translate="no" stay.
			var b strings.Builder
			inTag := false
			protected := 0
			rest := q
			for rest != "" {
				switch {
				case strings.HasPrefix(rest, `<span translate="no">`):
					protected++
				case strings.HasPrefix(rest, "</span>"):
					protected--
				}
				c := rest[0]
				if c == '<' {
					inTag = true
				}
				if inTag || protected > 0 {
					b.WriteByte(c)
				} else {
					b.WriteRune(unicode.ToUpper(rune(c)))
				}
				if c == '>' {
					inTag = false
				}
				rest = rest[1:]
			}
			out[i] = b.String()
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(srv.Close)

	a := newTranslationAPI(t)
	a.tk.translations.SetProvider(translate.NewLibreTranslate(srv.URL, "k3y", srv.Client()))
	_, d := approvedTweet(t, a.tk, "kube.md")
	out := want(t, a.call(t, "eva", "POST", "/api/v1/derivatives/"+d.ID+"/translations/de", `{"machine": true}`), http.StatusOK)
	tv := decode[translations.View](t, out["translation"])
	if tv.Provider != "libretranslate" || !tv.Machine {
		t.Errorf("%+v", tv)
	}
	if !strings.Contains(tv.Template, "Kubernetes") || !strings.Contains(tv.Template, channel.LinkSlot) || !strings.Contains(tv.Template, "QUEUES") {
		t.Errorf("template %q", tv.Template)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0]["target"] != "de" || got[0]["format"] != "html" || got[0]["key"] != "k3y" {
		t.Errorf("calls %v", got)
	}
}
