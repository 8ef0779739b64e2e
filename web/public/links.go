package public

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/links"
	"github.com/repurpose/repurpose/web/httpx"
)

// The HTTP side of tracked links (package links): /r/{code}, the conversion postback and
// the conversion pixel.

var redirectSeconds = promauto.NewHistogram(prometheus.HistogramOpts{
	Name: "repurpose_redirect_seconds", Help: "Time to answer /r/{code}.",
	Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .1},
})

// previewAgents are the user agents of link-preview fetchers (and crawlers): they show a
// card, not a person arriving.
var previewAgents = []string{"twitterbot", "linkedinbot", "slackbot", "facebookexternalhit", "discordbot",
	"telegrambot", "whatsapp", "skypeuripreview", "applebot", "googlebot", "bingbot", "embedly", "redditbot",
	"mastodon/", "cardyb", "iframely", "pinterest", "bot", "crawler", "spider", "preview"}

func isPreview(r *http.Request) bool {
	if r.Method == http.MethodHead {
		return true
	}
	ua := strings.ToLower(r.UserAgent())
	for _, a := range previewAgents {
		if strings.Contains(ua, a) {
			return true
		}
	}
	return ua == ""
}

// Redirect serves /r/{code}: 302 to the link's target with a click ID, or a 404 page for
// a code it does not know (never a redirect to anywhere else).
func (pb *Public) Redirect(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	defer func() { redirectSeconds.Observe(time.Since(start).Seconds()) }()
	target, err := pb.tk.Links().Follow(r.Context(), r.PathValue("code"), pb.auth.ClientIP(r), r.UserAgent(), isPreview(r))
	if errors.Is(err, errs.NotFound) {
		notFoundLink(w)
		return
	}
	if err != nil {
		http.Error(w, "this link cannot be followed right now; try again in a moment", http.StatusServiceUnavailable)
		return
	}
	h := w.Header()                                    // canonical keys set directly: this is the hot path
	h["Cache-Control"] = []string{"private, no-store"} // every click comes back here
	h["Location"] = []string{target}
	w.WriteHeader(http.StatusFound)
}

func notFoundLink(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, "<!doctype html><meta charset=utf-8><title>Unknown link</title><p>This link is not known. Check that it was copied whole.</p>\n")
}

// Conversions serves POST /api/v1/conversions: {"click_id"} (or {"code", "returning"}).
// It is open, like the pixel, because landing pages call it; it only counts.
func (pb *Public) Conversions(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ClickID   string `json:"click_id"`
		Code      string `json:"code"`
		Returning bool   `json:"returning"`
	}
	if err := httpx.DecodeJSON(r, &req, 4096, false); err != nil || (req.ClickID == "") == (req.Code == "") {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `send {"click_id": "..."} (from the landing page's URL) or {"code": "..."}`)
		return
	}
	if req.ClickID != "" { // a forged one is told so, and counts against nothing
		if _, err := pb.tk.Links().ClickCode(r.Context(), req.ClickID); pb.Failed(w, r, err) {
			return
		}
	}
	if wait, err := pb.tk.Links().ConversionWait(r.Context(), pb.auth.ClientIP(r)); err != nil || wait > 0 {
		if err == nil {
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			httpx.WriteError(w, http.StatusTooManyRequests, "rate_limited", fmt.Sprintf("at most %d conversions a minute from one address; try again later", links.ConversionsPerMinute))
			return
		}
		pb.Failed(w, r, err)
		return
	}
	code, returning, err := pb.tk.Links().Convert(r.Context(), req.ClickID, req.Code, req.Returning)
	if pb.Failed(w, r, err) {
		return
	}
	httpx.WriteJSON(w, http.StatusAccepted, map[string]any{"code": code, "returning": returning})
}

// pixel is a transparent 1×1 GIF.
var pixel = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// ConversionPixel serves /c/{code}.gif[?click=ID]: a conversion counted by an image on the
// thank-you page. It always answers the image, so a page never shows a broken one.
func (pb *Public) ConversionPixel(w http.ResponseWriter, r *http.Request) {
	code, ok := strings.CutSuffix(r.PathValue("file"), ".gif")
	if wait, err := pb.tk.Links().ConversionWait(r.Context(), pb.auth.ClientIP(r)); ok && (err != nil || wait > 0) {
		pb.log.InfoContext(r.Context(), "links: conversion pixel over its address's limit", "code", code, "err", err)
	} else if ok {
		if _, _, err := pb.tk.Links().Convert(r.Context(), r.URL.Query().Get("click"), code, r.URL.Query().Get("returning") == "1"); err != nil {
			pb.log.InfoContext(r.Context(), "links: conversion pixel not counted", "code", code, "err", err)
		}
	}
	h := w.Header()
	h.Set("Content-Type", "image/gif")
	h.Set("Cache-Control", "no-store")
	w.Write(pixel)
}
