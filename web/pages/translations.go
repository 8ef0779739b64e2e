package pages

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/translations"
	"github.com/repurpose/repurpose/web/httpx"
)

// Regional teams' pages: the translation queue per locale, one translation's editor, and
// the approved snippets per region and locale.

// uiLocales are the locales of regions, sorted, each once.
func uiLocales(regions []config.Region) []string {
	var out []string
	for _, r := range regions {
		for _, l := range r.Locales {
			if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, l) }) {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return out
}

type translationsView struct {
	Locales  []string
	Locale   string
	Status   string
	Statuses []string
	Sources  []translations.SourceQueue
	Machine  bool   // a provider is configured: whole sources may be machine-translated
	Notice   string // what the last whole-source translation did
	Batch    int    // how many texts a script's batch asks for at once
}

// Translations is the translation queue of one locale, grouped by source, with each
// source's progress in every locale of the user.
func (pg *Regional) Translations(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	q := r.URL.Query()
	v := translationsView{Locales: uiLocales(pg.acc.Regions(p)), Locale: q.Get("locale"), Status: q.Get("status"),
		Statuses: translations.QueueStatuses[1:], Machine: pg.tk.Translations().Machine(), Batch: batchStep}
	if !slices.Contains(translations.QueueStatuses, v.Status) {
		v.Status = ""
	}
	if v.Locale == "" && len(v.Locales) > 0 {
		v.Locale = v.Locales[0]
	}
	if v.Locale == "" {
		pg.render(w, r, http.StatusOK, "translations", view{Title: "Translations", User: p, Data: v,
			Error: "No region is configured with locales yet: add regions to the configuration file."})
		return
	}
	if _, err := pg.acc.Translations(p, "", v.Locale); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	scope, err := pg.acc.Translations(p, "", "")
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	if v.Sources, err = pg.tk.Translations().BySource(r.Context(), scope, v.Locale, v.Status); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v.Notice = batchNotice(q, v.Locale)
	pg.render(w, r, http.StatusOK, "translations", view{Title: "Translations", User: p, Data: v})
}

// batchStep is how many texts the page's script asks for per request, so it can show
// progress; a form without the script asks for up to translations.BatchLimit at once.
const batchStep = 5

// batchNotice says what a whole-source translation did, from the numbers in its
// redirect (numbers only: no request text is shown back).
func batchNotice(q url.Values, locale string) string {
	if q.Get("batch") == "" {
		return ""
	}
	n := func(k string) int { i, _ := strconv.Atoi(q.Get(k)); return max(i, 0) }
	msg := fmt.Sprintf("%s machine-translated into %s as drafts: check them, then approve them.", plural(n("translated"), "text"), locale)
	if f := n("failed"); f > 0 {
		msg += fmt.Sprintf(" %s could not be translated: the reason is beside each.", plural(f, "text"))
	}
	if left := n("remaining"); left > 0 {
		msg += fmt.Sprintf(" %s not tried yet: translate the source again to go on.", plural(left, "text"))
	}
	return msg
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// TranslateSource machine-translates a source's texts still missing in a locale. The
// page's script asks in small batches (batch=N) and reads JSON to show progress; a plain
// form asks once and is sent back to the queue, whose failed texts show their reasons.
func (pg *Regional) TranslateSource(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
	sourceID, locale := r.PathValue("source"), r.PathValue("locale")
	wantJSON := strings.Contains(r.Header.Get("Accept"), "application/json")
	fail := func(err error) {
		if wantJSON {
			pg.Failed(w, r, err)
			return
		}
		pg.Error(w, r, p, err)
	}
	scope, err := pg.acc.Translations(p, "", locale)
	if err != nil {
		fail(err)
		return
	}
	n, _ := strconv.Atoi(r.PostFormValue("batch"))
	res, err := pg.tk.Translations().MachineSource(r.Context(), scope, sourceID, locale, p.Name,
		translations.BatchOptions{Max: n, Retry: r.PostFormValue("retry") != "", Log: pg.log})
	if err != nil {
		fail(err)
		return
	}
	if wantJSON {
		httpx.WriteJSON(w, http.StatusOK, res)
		return
	}
	q := url.Values{"locale": {locale}, "batch": {sourceID}, "translated": {strconv.Itoa(res.Translated)},
		"failed": {strconv.Itoa(len(res.Failed))}, "remaining": {strconv.Itoa(res.Remaining)}}
	http.Redirect(w, r, "/ui/translations?"+q.Encode()+"#src-"+sourceID, http.StatusSeeOther)
}

type translationView struct {
	Original   *record.Derivative
	Locale     string
	Current    *translations.View  // nil when there is none yet
	Draft      string              // what the editor holds
	Count      *review.CountResult // nil for threads and channels without a counter
	Over       bool                // the draft is longer than the channel allows
	Machine    bool                // a provider is configured
	Notice     string
	IsThread   bool
	EditorHint string
}

// translationNotices are what a page says after a successful form; ?done= picks one, so
// no request text is ever shown back.
var translationNotices = map[string]string{
	"saved":    "Draft saved. It needs approving before it is offered as a snippet.",
	"machine":  "Machine translation saved as a draft. Check it, then approve it.",
	"approved": "Translation approved: it is now offered as a snippet.",
	"rejected": "Translation rejected.",
}

// translationTarget reads the derivative and checks the locale for the translation pages.
func (pg *Regional) translationTarget(w http.ResponseWriter, r *http.Request, p *httpx.Principal) (*record.Derivative, string, bool) {
	d, locale, err := pg.acc.TranslationTarget(r, p)
	if err != nil {
		pg.Error(w, r, p, err)
		return nil, "", false
	}
	return d, locale, true
}

// Translation is one translation's editor.
func (pg *Regional) Translation(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	d, locale, ok := pg.translationTarget(w, r, p)
	if !ok {
		return
	}
	pg.renderTranslation(w, r, p, d, locale, http.StatusOK, "", nil, translationNotices[r.URL.Query().Get("done")])
}

// renderTranslation shows the editor; draft, when not nil, is what the user sent (kept
// after an error), else the current translation's text.
func (pg *Regional) renderTranslation(w http.ResponseWriter, r *http.Request, p *httpx.Principal, d *record.Derivative, locale string, status int, errMsg string, draft *string, notice string) {
	trs, err := pg.tk.Translations().Indexed(r.Context(), []string{translations.Key(d.ID, locale)})
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v := translationView{Original: d, Locale: locale, Current: trs[translations.Key(d.ID, locale)],
		Machine: pg.tk.Translations().Machine(), Notice: notice, IsThread: d.Kind == channel.KindThread}
	switch {
	case draft != nil:
		v.Draft = *draft
	case v.Current != nil:
		v.Draft = v.Current.Text
	}
	if v.IsThread {
		v.EditorHint = "A thread is translated post by post: end each post with its (1/n), (2/n) …"
	} else if c, err := review.Count(&pg.cfg.File, d.Channel, v.Draft); err == nil && c.Limit > 0 {
		// An empty editor is not over the limit: it has nothing yet. A blog teaser has
		// no limit, and so no counter.
		v.Count, v.Over = &c, c.WeightedLength > c.Limit
	}
	if strings.EqualFold(d.Locale, locale) && errMsg == "" {
		errMsg = "This text is already in " + d.Locale + ": there is nothing to translate."
		status = http.StatusConflict
	}
	pg.render(w, r, status, "translation", view{Title: "Translate into " + locale, User: p, Error: errMsg, Data: v})
}

// translationMessage is what a page says about a failed translation, and its status.
func (pg *Regional) translationMessage(r *http.Request, err error) (int, string) {
	status, _, msg := pg.Classify(r, err)
	return status, strings.ToUpper(msg[:1]) + msg[1:]
}

// Translate saves a person's translation (the form's text) or, with machine, asks the
// provider; errors are shown on the editor, keeping what was typed.
func (pg *Regional) Translate(machine bool) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		d, locale, ok := pg.translationTarget(w, r, p)
		if !ok {
			return
		}
		in := translations.Input{Machine: machine}
		var typed *string
		if !machine {
			text := strings.ReplaceAll(r.PostFormValue("text"), "\r\n", "\n")
			typed = &text
			// The editor shows the link as it will be posted; the record keeps its slot.
			if d.Backlink != "" {
				text = strings.ReplaceAll(text, d.Backlink, channel.LinkSlot)
			}
			in.Text = text
		}
		if _, err := pg.tk.Translations().Translate(r.Context(), d.ID, locale, in, p.Name); err != nil {
			status, msg := pg.translationMessage(r, err)
			pg.renderTranslation(w, r, p, d, locale, status, msg, typed, "")
			return
		}
		done := "saved"
		if machine {
			done = "machine"
		}
		http.Redirect(w, r, translationPath(d.ID, locale)+"?done="+done, http.StatusSeeOther)
	}
}

// DecideTranslation approves or rejects a translation.
func (pg *Regional) DecideTranslation(status record.ReviewStatus) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
		d, locale, ok := pg.translationTarget(w, r, p)
		if !ok {
			return
		}
		if _, err := pg.tk.Translations().Decide(r.Context(), d.ID, locale, status, p.Name); err != nil {
			code, msg := pg.translationMessage(r, err)
			pg.renderTranslation(w, r, p, d, locale, code, msg, nil, "")
			return
		}
		http.Redirect(w, r, translationPath(d.ID, locale)+"?done="+string(status), http.StatusSeeOther)
	}
}

func translationPath(id, locale string) string {
	return "/ui/translations/" + url.PathEscape(id) + "/" + url.PathEscape(locale)
}

type snippetsView struct {
	Regions  []config.Region
	Region   string
	Locales  []string
	Locale   string
	Snippets []translations.Snippet
	CSV      string
}

// Snippets lists the approved snippets per region and locale.
func (pg *Regional) Snippets(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	q := r.URL.Query()
	v := snippetsView{Regions: pg.acc.Regions(p), Region: q.Get("region"), Locale: q.Get("locale")}
	if len(v.Regions) == 0 && v.Locale == "" {
		pg.render(w, r, http.StatusOK, "snippets", view{Title: "Snippets", User: p, Data: v,
			Error: "No region is configured with locales yet: add regions to the configuration file."})
		return
	}
	v.Locales = uiLocales(v.Regions)
	if v.Region != "" {
		if reg := pg.acc.Region(v.Region); reg != nil {
			v.Locales = uiLocales([]config.Region{*reg})
		}
	}
	scope, err := pg.acc.Translations(p, v.Region, v.Locale)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	items, err := pg.tk.Translations().Snippets(r.Context(), scope)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v.Snippets = items
	csvQ := url.Values{}
	if v.Region != "" {
		csvQ.Set("region", v.Region)
	}
	if v.Locale != "" {
		csvQ.Set("locale", v.Locale)
	}
	v.CSV = "/api/v1/snippets.csv"
	if len(csvQ) > 0 {
		v.CSV += "?" + csvQ.Encode()
	}
	pg.render(w, r, http.StatusOK, "snippets", view{Title: "Snippets", User: p, Data: v})
}
