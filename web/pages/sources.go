package pages

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/microcosm-cc/bluemonday"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/review"
	"github.com/repurpose/repurpose/web/httpx"
)

// Marketing's pages: what came out of each source, and its review.

type sourcesView struct {
	Sources []record.Source
	Uploads []UploadResult // what the last upload did, when the page answers one
	Accept  string
	MaxMiB  int64
}

// Sources lists the sources with the upload form.
func (pg *Review) Sources(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	pg.renderSources(w, r, p, http.StatusOK, nil)
}

func (pg *Review) renderSources(w http.ResponseWriter, r *http.Request, p *httpx.Principal, status int, uploads []UploadResult) {
	page, err := pg.tk.Record().Sources(r.Context(), 200, "", nil)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	pg.render(w, r, status, "sources", view{Title: "Sources", User: p, Data: sourcesView{
		Sources: page.Items, Uploads: uploads, Accept: uploadAccept, MaxMiB: pg.cfg.File.Limits.MaxObjectBytes >> 20}})
}

// kindGroup is one kind's derivatives, in the order derive made them, with how many of
// them are drafts (what its bulk decision would decide).
type kindGroup struct {
	Kind, Label string
	Derivatives []reviewItem
	Drafts      int
}

type reviewItem struct {
	record.Derivative
	Label    string
	Next     string        // the ID of the post shown after this one: where a decision moves on to
	BlogHTML template.HTML // sanitised; the only markup a page takes from a document
	Preview  *postPreview
	Editable bool
	// EditText is what the editor holds: the post, or the text of a refused edit, with
	// Refused saying why and Count its count as a save counts it.
	EditText string
	Refused  string
	Count    *review.CountResult
}

type sourceView struct {
	Source *record.Source
	Groups []kindGroup
	Drafts int // drafts of the whole source
	Filter reviewFilter
	// The filters' choices, with how many derivatives each holds.
	Kinds, Channels, Statuses []option
	Shown, Total              int
	Notice                    string
}

// ugc is bluemonday's policy for user-generated content: formatting and http(s) links,
// no scripts, styles or event handlers.
var ugc = bluemonday.UGCPolicy()

// Source is a source's review: its derivatives by kind, filtered as asked.
func (pg *Review) Source(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	pg.renderSource(w, r, p, r.PathValue("id"), filterOf(r.URL.Query()), http.StatusOK, nil)
}

// renderSource shows a source's review; a refused edit is shown on its card, in place.
func (pg *Review) renderSource(w http.ResponseWriter, r *http.Request, p *httpx.Principal, id string, f reviewFilter, status int, refused *refusal) {
	s, ds, err := pg.tk.Record().SourceWithDerivatives(r.Context(), id)
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v := sourceView{Source: s, Filter: f, Total: len(ds), Notice: decidedNotice(r.URL.Query()),
		Kinds:    options(ds, reviewKind, kindName),
		Channels: options(ds, func(d record.Derivative) string { return string(d.Channel) }, func(c string) string { return channelName(channel.Name(c)) }),
		Statuses: options(ds, func(d record.Derivative) string { return string(d.Status) }, func(st string) string { return st })}
	at := map[string]int{}
	for _, d := range ds {
		if d.Status == record.Draft {
			v.Drafts++
		}
		if !f.match(d) && (refused == nil || refused.ID != d.ID) {
			continue
		}
		v.Shown++
		item := reviewItem{Derivative: d, Label: label(d), Preview: previewOf(d, s.Title), Editable: editable(d), EditText: d.Text}
		if d.Blog != nil {
			item.BlogHTML = template.HTML(ugc.Sanitize(d.Blog.HTML))
		}
		if refused != nil && refused.ID == d.ID {
			item.EditText, item.Refused = refused.Text, refused.Msg
		}
		if item.Editable {
			item.Count = pg.editorCount(&d, item.EditText)
		}
		k := reviewKind(d)
		i, ok := at[k]
		if !ok {
			i = len(v.Groups)
			at[k] = i
			v.Groups = append(v.Groups, kindGroup{Kind: k, Label: kindName(k)})
		}
		if d.Status == record.Draft {
			v.Groups[i].Drafts++
		}
		v.Groups[i].Derivatives = append(v.Groups[i].Derivatives, item)
	}
	var prev *reviewItem
	for gi := range v.Groups {
		for di := range v.Groups[gi].Derivatives {
			if prev != nil {
				prev.Next = v.Groups[gi].Derivatives[di].ID
			}
			prev = &v.Groups[gi].Derivatives[di]
		}
	}
	title := s.Title
	if title == "" {
		title = s.Key
	}
	pg.render(w, r, status, "source", view{Title: title, User: p, Data: v})
}

// ApproveSource approves every draft of a source.
func (pg *Review) ApproveSource(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	id := r.PathValue("id")
	if _, err := pg.tk.Review().ApproveSource(r.Context(), id, p.Name); err != nil {
		pg.Error(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+id, http.StatusSeeOther)
}

// Decide approves or rejects one derivative.
func (pg *Review) Decide(status record.ReviewStatus) httpx.Handler {
	return func(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
		d, err := pg.tk.Review().Decide(r.Context(), r.PathValue("id"), status, p.Name)
		if err != nil {
			pg.Error(w, r, p, err)
			return
		}
		// Back to the decided post, or, where the filter now hides it, to the next one.
		f, at := filterOf(r.URL.Query()), d.ID
		if f.Status != "" && f.Status != string(status) {
			at = r.FormValue("next")
		}
		frag := ""
		if at != "" && !strings.ContainsAny(at, "#?/&") {
			frag = "d-" + at
		}
		http.Redirect(w, r, f.sourceURL(d.SourceID, frag), http.StatusSeeOther)
	}
}
