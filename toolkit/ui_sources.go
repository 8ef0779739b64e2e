package toolkit

import (
	"html/template"
	"net/http"

	"github.com/microcosm-cc/bluemonday"

	"github.com/repurpose/repurpose/record"
)

// Marketing's pages: what came out of each source, and its review.

type sourcesView struct {
	Sources []record.Source
	Uploads []uploadResult // what the last upload did, when the page answers one
	Accept  string
	MaxMiB  int64
}

func (t *Toolkit) uiSources(w http.ResponseWriter, r *http.Request, p *Principal) {
	t.renderSources(w, r, p, http.StatusOK, nil)
}

func (t *Toolkit) renderSources(w http.ResponseWriter, r *http.Request, p *Principal, status int, uploads []uploadResult) {
	page, err := t.rec.Sources(r.Context(), 200, "", nil)
	if err != nil {
		t.uiError(w, r, p, err)
		return
	}
	t.render(w, r, status, "sources", view{Title: "Sources", User: p, Data: sourcesView{
		Sources: page.Items, Uploads: uploads, Accept: uploadAccept, MaxMiB: t.cfg.File.Limits.MaxObjectBytes >> 20}})
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

func (t *Toolkit) uiSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	s, ds, err := t.rec.SourceWithDerivatives(r.Context(), r.PathValue("id"))
	if err != nil {
		t.uiError(w, r, p, err)
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
	t.render(w, r, http.StatusOK, "source", view{Title: title, User: p, Data: v})
}

func (t *Toolkit) uiApproveSource(w http.ResponseWriter, r *http.Request, p *Principal) {
	id := r.PathValue("id")
	if _, err := t.reviews.ApproveSource(r.Context(), id, p.Name); err != nil {
		t.uiError(w, r, p, err)
		return
	}
	http.Redirect(w, r, "/ui/sources/"+id, http.StatusSeeOther)
}

func (t *Toolkit) uiDecide(status record.ReviewStatus) func(http.ResponseWriter, *http.Request, *Principal) {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) {
		d, err := t.reviews.Decide(r.Context(), r.PathValue("id"), status, p.Name)
		if err != nil {
			t.uiError(w, r, p, err)
			return
		}
		http.Redirect(w, r, "/ui/sources/"+d.SourceID+"#d-"+d.ID, http.StatusSeeOther)
	}
}
