// Package bluesky is the publisher of type "bluesky": AT Protocol records with fixed
// keys, facets, image and link preview embeds.
// It registers itself with publish; see package publish for the layout.
package bluesky

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/repurpose/repurpose/channel"

	"github.com/repurpose/repurpose/publish"
)

func init() {
	publish.Register(publish.Spec{
		Type:    "bluesky",
		Summary: "posts to a Bluesky (AT Protocol) account with an app password (a thread as replies)",
		Fields: []publish.Field{
			{Name: "service", Doc: "the account's PDS, default https://bsky.social"},
			{Name: "handle", Required: true, Doc: "the account's handle, like example.bsky.social"},
			{Name: "app_password", Required: true, Secret: true, Doc: "an app password of the account"},
		},
		New: newBluesky,
	})
}

const (
	blueskyDefaultService = "https://bsky.social"
	blueskyPostCollection = "app.bsky.feed.post"
)

type bluesky struct {
	service  string // base URL, no trailing slash
	handle   string
	password string
	client   *http.Client

	// mu guards session, shared by the posts of the account: createSession is rate
	// limited far more tightly than posting.
	mu      sync.Mutex
	session *blueskySession
}

type blueskySession struct {
	AccessJwt string `json:"accessJwt"`
	DID       string `json:"did"`
}

func newBluesky(a *publish.Account) (publish.Publisher, error) {
	service := a.Get("service")
	if service == "" {
		service = blueskyDefaultService
	}
	service, err := publish.BaseURL(service)
	if err != nil {
		return nil, fmt.Errorf("accounts.%s.service: %w", a.Name, err)
	}
	handle := strings.TrimPrefix(strings.TrimSpace(a.Get("handle")), "@")
	password, err := a.Secret("app_password")
	if err != nil {
		return nil, err
	}
	return &bluesky{service: service, handle: handle, password: password, client: a.HTTP()}, nil
}

// Idempotent: every record has a fixed key made from Post.ID, so a repeated create fails
// instead of posting twice, and the record already there is the answer.
func (*bluesky) Idempotent() {}

// blueskyRef is a com.atproto.repo.strongRef: what createRecord and getRecord answer and
// what a reply points to.
type blueskyRef struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}

type blueskyReply struct {
	Root   blueskyRef `json:"root"`
	Parent blueskyRef `json:"parent"`
}

// blueskyPost is an app.bsky.feed.post record.
type blueskyPost struct {
	Type      string          `json:"$type"`
	Text      string          `json:"text"`
	CreatedAt string          `json:"createdAt"`
	Langs     []string        `json:"langs,omitempty"`
	Facets    []channel.Facet `json:"facets,omitempty"`
	Reply     *blueskyReply   `json:"reply,omitempty"`
	Embed     any             `json:"embed,omitempty"`
}

// blueskyMedia: up to four images, or a link preview's thumbnail, each at most
// 1,000,000 bytes (the lexicon's maxSize; larger ones are refused, not re-encoded).
var blueskyMedia = publish.MediaRules{Channel: "Bluesky", Kinds: map[string]int{publish.MediaCard: 4, publish.MediaPreview: 1}, MaxImage: 1_000_000}

// blueskyImage is one image of an app.bsky.embed.images embed.
type blueskyImage struct {
	Alt         string             `json:"alt"`
	Image       json.RawMessage    `json:"image"`
	AspectRatio blueskyAspectRatio `json:"aspectRatio"`
}

type blueskyAspectRatio struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

type blueskyExternal struct {
	URI         string          `json:"uri"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Thumb       json.RawMessage `json:"thumb,omitempty"`
}

func (b *bluesky) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	var langs []string
	if p.Locale != "" {
		langs = []string{strings.ReplaceAll(p.Locale, "_", "-")} // BCP 47
	}
	if err := publish.CheckMedia(p, blueskyMedia); err != nil {
		return publish.Result{}, err
	}
	embed, err := b.embed(ctx, p)
	if err != nil {
		return publish.Result{}, err
	}
	if len(p.Parts) == 0 {
		facets := p.Facets
		if len(facets) == 0 {
			facets = blueskyFacets(p.Text, p.Link)
		}
		rkey := blueskyRecordKey(p.ID, p.At, -1)
		ref, err := b.create(ctx, rkey, blueskyPost{Text: p.Text, Langs: langs, Facets: facets, Embed: embed})
		if err != nil {
			return publish.Result{}, err
		}
		return publish.Result{RemoteID: ref.URI, URL: b.postURL(rkey), IDs: []string{ref.URI}}, nil
	}
	var res publish.Result
	var root blueskyRef
	var reply *blueskyReply // nil for the first post
	for i, part := range p.Parts {
		// Post.Facets are Text's; each part's are found in the part.
		rkey := blueskyRecordKey(p.ID, p.At, i)
		post := blueskyPost{Text: part, Langs: langs, Facets: blueskyFacets(part, p.Link), Reply: reply}
		if i == 0 {
			post.Embed = embed // the images go with the first post
		}
		ref, err := b.create(ctx, rkey, post)
		if err != nil {
			if i > 0 {
				return publish.Result{}, fmt.Errorf("post %d of %d of the thread: %w", i+1, len(p.Parts), err)
			}
			return publish.Result{}, err
		}
		if i == 0 {
			res.RemoteID, res.URL = ref.URI, b.postURL(rkey)
			root = *ref
		}
		reply = &blueskyReply{Root: root, Parent: *ref}
		res.IDs = append(res.IDs, ref.URI)
	}
	return res, nil
}

// embed uploads the post's images and makes its embed: the cards as
// app.bsky.embed.images with alt text and aspect ratio, or else the link preview as
// app.bsky.embed.external with its thumbnail (Bluesky shows a bare URL unless the
// poster supplies the preview). Blobs are not remembered between attempts: they are
// content-addressed, so uploading one again gives the same blob rather than a copy,
// and a blob no record references is soon dropped by the PDS.
func (b *bluesky) embed(ctx context.Context, p *publish.Post) (any, error) {
	var images []blueskyImage
	for i := range p.Media {
		if m := &p.Media[i]; m.Kind == publish.MediaCard {
			blob, err := b.uploadBlob(ctx, m)
			if err != nil {
				return nil, err
			}
			images = append(images, blueskyImage{Alt: m.Alt, Image: blob, AspectRatio: blueskyAspectRatio{m.Width, m.Height}})
		}
	}
	if len(images) > 0 {
		return map[string]any{"$type": "app.bsky.embed.images", "images": images}, nil
	}
	m := publish.FirstMedia(p.Media, publish.MediaPreview)
	if m == nil {
		return nil, nil
	}
	if p.Link == "" {
		return nil, &publish.Error{Kind: publish.Refused, Msg: "a link preview image needs the post's link"}
	}
	blob, err := b.uploadBlob(ctx, m)
	if err != nil {
		return nil, err
	}
	return map[string]any{"$type": "app.bsky.embed.external",
		"external": blueskyExternal{URI: p.Link, Title: m.Title, Description: m.Description, Thumb: blob}}, nil
}

// uploadBlob sends a file (com.atproto.repo.uploadBlob, the raw bytes) and returns the
// blob reference the record embeds.
func (b *bluesky) uploadBlob(ctx context.Context, m *publish.Media) (json.RawMessage, error) {
	body, _, err := b.xrpc(ctx, func(*blueskySession) (*http.Request, error) {
		req, err := http.NewRequest(http.MethodPost, b.service+"/xrpc/com.atproto.repo.uploadBlob", bytes.NewReader(m.Bytes))
		if err == nil {
			req.Header.Set("Content-Type", m.ContentType)
		}
		return req, err
	})
	if err != nil {
		return nil, publish.UploadFailed(err)
	}
	var out struct {
		Blob json.RawMessage `json:"blob"`
	}
	if json.Unmarshal(body, &out) != nil || len(out.Blob) == 0 || out.Blob[0] != '{' {
		return nil, &publish.Error{Kind: publish.Later, Msg: "the PDS's answer to the upload has no blob: " + publish.ServiceMessage(body, nil)}
	}
	return out.Blob, nil
}

func (b *bluesky) postURL(rkey string) string {
	return "https://bsky.app/profile/" + url.PathEscape(b.handle) + "/post/" + rkey
}

// create makes the record at rkey (com.atproto.repo.createRecord). When the PDS refuses
// because a record is already there, that record is ours from an earlier attempt: it
// is looked up and returned.
func (b *bluesky) create(ctx context.Context, rkey string, post blueskyPost) (*blueskyRef, error) {
	post.Type = blueskyPostCollection
	var did string
	body, xerr, err := b.xrpc(ctx, func(s *blueskySession) (*http.Request, error) {
		did = s.DID
		post.CreatedAt = time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
		return publish.JSONRequest(http.MethodPost, b.service+"/xrpc/com.atproto.repo.createRecord", map[string]any{
			"repo": s.DID, "collection": blueskyPostCollection, "rkey": rkey, "record": post,
		})
	})
	if err != nil {
		if !xerr.mayExist() {
			return nil, err
		}
		// Look only when the answer may mean "already exists"; if the look-up cannot
		// tell, the create's own error stands (retrying it is safe: same rkey).
		if ref, found := b.get(ctx, did, rkey); found {
			return ref, nil
		}
		return nil, err
	}
	var ref blueskyRef
	if err := json.Unmarshal(body, &ref); err != nil || ref.URI == "" {
		return nil, &publish.Error{Kind: publish.Unknown, Msg: "the PDS's answer names no record: " + publish.ServiceMessage(body, nil), Err: err}
	}
	return &ref, nil
}

// get fetches the post record at rkey (com.atproto.repo.getRecord, no auth needed).
func (b *bluesky) get(ctx context.Context, did, rkey string) (*blueskyRef, bool) {
	q := url.Values{"repo": {did}, "collection": {blueskyPostCollection}, "rkey": {rkey}}
	req, err := http.NewRequest(http.MethodGet, b.service+"/xrpc/com.atproto.repo.getRecord?"+q.Encode(), nil)
	if err != nil {
		return nil, false
	}
	req.Header.Set("Accept", "application/json")
	body, _, err := publish.Call(ctx, b.client, req, nil)
	if err != nil {
		return nil, false
	}
	var ref blueskyRef
	if json.Unmarshal(body, &ref) != nil || ref.URI == "" || ref.CID == "" {
		return nil, false
	}
	return &ref, true
}

// blueskyError is an XRPC error body: {"error": name, "message": ...}.
type blueskyError struct {
	Name    string `json:"error"`
	Message string `json:"message"`
}

// mayExist: the answer to a create may mean the record is already there. The reference
// PDS answers 500 InternalServerError today (bluesky-social/atproto#3718), 400
// RecordAlreadyExists once #4728 ships; other PDSes answer 409 RecordAlreadyExists.
func (e blueskyError) mayExist() bool {
	return e.Name == "RecordAlreadyExists" || e.Name == "InternalServerError" ||
		strings.Contains(strings.ToLower(e.Message), "already exists")
}

// xrpc sends the request build makes with the account's session, creating one when
// there is none, and once more when the PDS says the token has expired or is invalid.
// It returns the answer's body, or the XRPC error and the classified error.
func (b *bluesky) xrpc(ctx context.Context, build func(*blueskySession) (*http.Request, error)) ([]byte, blueskyError, error) {
	for retried := false; ; retried = true {
		s, err := b.currentSession(ctx)
		if err != nil {
			return nil, blueskyError{}, err
		}
		req, err := build(s)
		if err != nil {
			return nil, blueskyError{}, err
		}
		req.Header.Set("Authorization", "Bearer "+s.AccessJwt)
		var xerr blueskyError
		body, _, err := publish.Call(ctx, b.client, req, xerr.read)
		if err == nil {
			return body, blueskyError{}, nil
		}
		if !retried && publish.KindOf(err) == publish.Refused && (xerr.Name == "ExpiredToken" || xerr.Name == "InvalidToken") {
			b.dropSession(s)
			continue
		}
		return nil, xerr, err
	}
}

// read keeps an XRPC error body and says it for people: "Name: message".
func (e *blueskyError) read(body []byte) string {
	if json.Unmarshal(body, e) != nil {
		return ""
	}
	switch {
	case e.Name != "" && e.Message != "":
		return e.Name + ": " + e.Message
	case e.Message != "":
		return e.Message
	}
	return e.Name
}

// currentSession is the cached session, or a new one (com.atproto.server.createSession).
// The lock is held while creating, so concurrent posts make one session, not one each.
func (b *bluesky) currentSession(ctx context.Context) (*blueskySession, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.session != nil {
		return b.session, nil
	}
	req, err := publish.JSONRequest(http.MethodPost, b.service+"/xrpc/com.atproto.server.createSession",
		map[string]string{"identifier": b.handle, "password": b.password})
	if err != nil {
		return nil, err
	}
	var xerr blueskyError
	body, _, err := publish.Call(ctx, b.client, req, xerr.read)
	if err != nil {
		var e *publish.Error
		if errors.As(err, &e) && e.Kind == publish.Unknown {
			// Nothing is posted by signing in: trying again is safe.
			e.Kind = publish.Later
		}
		return nil, fmt.Errorf("signing in to %s as %s: %w", b.service, b.handle, err)
	}
	var s blueskySession
	if err := json.Unmarshal(body, &s); err != nil || s.AccessJwt == "" || s.DID == "" {
		return nil, &publish.Error{Kind: publish.Later, Msg: "the PDS's session answer has no accessJwt and did: " + publish.ServiceMessage(body, nil), Err: err}
	}
	b.session = &s
	return &s, nil
}

// dropSession forgets s unless another post has already replaced it.
func (b *bluesky) dropSession(s *blueskySession) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.session == s {
		b.session = nil
	}
}

// blueskyRecordKey is the record key of a post (part -1) or a thread's part. A post's
// key must be a TID (the lexicon's key type, which the PDS enforces): 53 bits of
// microseconds and 10 bits of clock ID. It is made from the planned instant's second
// (plus the part's index, so a thread's keys sort in order) and a hash of Post.ID for
// the microseconds and clock ID, so it is the same on every attempt and two posts
// planned for the same second collide only with odds of one in 2^30.
func blueskyRecordKey(id string, at time.Time, part int) string {
	key := id
	if part >= 0 {
		key += "-" + strconv.Itoa(part)
	}
	h := sha256.Sum256([]byte(key))
	n := binary.BigEndian.Uint64(h[:8])
	sec := max(at.Unix(), 0) + int64(max(part, 0))
	micros := uint64(sec)*1_000_000 + (n>>10)%1_000_000
	v := (micros<<10 | n&0x3ff) &^ (1 << 63)
	const alphabet = "234567abcdefghijklmnopqrstuvwxyz" // base32-sortable
	var b [13]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = alphabet[v&31]
		v >>= 5
	}
	return string(b[:])
}

// blueskyFacets finds the facets of a text posted as it is: a link facet over each
// occurrence of link, in full or in its display form, and a tag facet over each hashtag
// (as channel.Render finds them).
func blueskyFacets(text, link string) []channel.Facet {
	var facets []channel.Facet
	if link != "" {
		forms := []string{link}
		if d := channel.BlueskyDisplayLink(link); d != link {
			forms = append(forms, d)
		}
		for _, form := range forms {
			for from := 0; ; {
				i := strings.Index(text[from:], form)
				if i < 0 {
					break
				}
				start, end := from+i, from+i+len(form)
				from = end
				if blueskyOverlaps(facets, start, end) {
					continue // the display form inside the full link
				}
				facets = append(facets, channel.Facet{
					Index:    channel.FacetIndex{ByteStart: start, ByteEnd: end},
					Features: []channel.FacetFeature{{Type: channel.FacetLink, URI: link}},
				})
			}
		}
	}
	// With no link Render gives text's hashtag facets, provided it returns the
	// text unchanged (it trims, and drops a stray link slot).
	if tags := channel.Render(channel.Bluesky, text, ""); tags.Text == text {
		for _, f := range tags.Facets {
			if !blueskyOverlaps(facets, f.Index.ByteStart, f.Index.ByteEnd) {
				facets = append(facets, f)
			}
		}
	}
	sort.SliceStable(facets, func(i, j int) bool { return facets[i].Index.ByteStart < facets[j].Index.ByteStart })
	return facets
}

func blueskyOverlaps(facets []channel.Facet, start, end int) bool {
	for _, f := range facets {
		if start < f.Index.ByteEnd && f.Index.ByteStart < end {
			return true
		}
	}
	return false
}
