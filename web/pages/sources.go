package pages

import (
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"

	"github.com/repurpose/repurpose/record"
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

// kindGroup is one kind's derivatives, in the order derive made them.
type kindGroup struct {
	Kind        string
	Derivatives []reviewItem
}

type reviewItem struct {
	record.Derivative
	BlogHTML template.HTML // sanitised; the only markup a page takes from a document
}

type sourceView struct {
	Source *record.Source
	Groups []kindGroup
	Drafts int
}

// ugc is bluemonday's policy for user-generated content: formatting and http(s) links,
// no scripts, styles or event handlers.
var ugc = bluemonday.UGCPolicy()

// Source is a source's review: its derivatives by kind.
func (pg *Review) Source(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	s, ds, err := pg.tk.Record().SourceWithDerivatives(r.Context(), r.PathValue("id"))
	if err != nil {
		pg.Error(w, r, p, err)
		return
	}
	v := sourceView{Source: s}
	at := map[string]int{}
	for _, d := range ds {
		if d.Status == record.Draft {
			v.Drafts++
		}
		item := reviewItem{Derivative: d}
		if d.Blog != nil {
			item.BlogHTML = template.HTML(ugc.Sanitize(d.Blog.HTML))
		}
		i, ok := at[string(d.Kind)]
		if !ok {
			i = len(v.Groups)
			at[string(d.Kind)] = i
			v.Groups = append(v.Groups, kindGroup{Kind: string(d.Kind)})
		}
		v.Groups[i].Derivatives = append(v.Groups[i].Derivatives, item)
	}
	title := s.Title
	if title == "" {
		title = s.Key
	}
	pg.render(w, r, http.StatusOK, "source", view{Title: title, User: p, Data: v})
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
		http.Redirect(w, r, "/ui/sources/"+d.SourceID+"#d-"+d.ID, http.StatusSeeOther)
	}
}
