package bluesky_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/publish"
	_ "github.com/repurpose/repurpose/publish/bluesky"
	"github.com/repurpose/repurpose/publish/publishtest"
)

const (
	blueskyTestHandle   = "news.example.com"
	blueskyTestPassword = "abcd-efgh-ijkl-mnop"
	blueskyTestDID      = "did:plc:z72i7hdynmk6r22z27h6tvur"
)

var blueskyTestEnv = publish.Env{Getenv: func(k string) string {
	if k == "BSKY_APP_PASSWORD" {
		return blueskyTestPassword
	}
	return ""
}}

// blueskyTIDRe is the syntax of a TID, the record key type of app.bsky.feed.post.
var blueskyTIDRe = regexp.MustCompile(`^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$`)

// The wire shapes of the lexicons, decoded strictly: an unknown or mistyped field fails.
type (
	blueskyTestRef struct {
		URI string `json:"uri"`
		CID string `json:"cid"`
	}
	blueskyTestFeature struct {
		Type string  `json:"$type"`
		URI  *string `json:"uri"`
		Tag  *string `json:"tag"`
	}
	blueskyTestFacet struct {
		Index struct {
			ByteStart *int `json:"byteStart"`
			ByteEnd   *int `json:"byteEnd"`
		} `json:"index"`
		Features []blueskyTestFeature `json:"features"`
	}
	blueskyTestRecord struct {
		Type      string             `json:"$type"`
		Text      *string            `json:"text"`
		CreatedAt string             `json:"createdAt"`
		Langs     []string           `json:"langs"`
		Facets    []blueskyTestFacet `json:"facets"`
		Reply     *struct {
			Root   *blueskyTestRef `json:"root"`
			Parent *blueskyTestRef `json:"parent"`
		} `json:"reply"`
	}
	blueskyTestCreate struct {
		Repo       string            `json:"repo"`
		Collection string            `json:"collection"`
		Rkey       string            `json:"rkey"`
		Record     blueskyTestRecord `json:"record"`
	}
)

// blueskyTestStored is a record the PDS holds.
type blueskyTestStored struct {
	Rkey   string
	Ref    blueskyTestRef
	Record blueskyTestRecord
}

// blueskyPDS is a PDS that checks every call the way the reference PDS reads it: an app
// password session, records created under their key in the session's repo, a create at
// a key already taken refused (as existsStatus/existsError say), getRecord.
type blueskyPDS struct {
	t   *testing.T
	srv *httptest.Server
	// existsStatus, existsError and existsMessage answer a create at a taken key;
	// default 400 RecordAlreadyExists (the reference PDS with atproto#4728).
	existsStatus  int
	existsError   string
	existsMessage string
	// fail, when set, may answer a createRecord itself (n counts them from 0).
	fail func(n int, w http.ResponseWriter, r *http.Request) bool

	mu       sync.Mutex
	calls    []string        // method names, in order
	sessions int             // sessions created
	valid    map[string]bool // access tokens the PDS accepts
	creates  int
	records  []blueskyTestStored
}

func newBlueskyPDS(t *testing.T) *blueskyPDS {
	s := &blueskyPDS{t: t, valid: map[string]bool{}, existsStatus: http.StatusBadRequest,
		existsError: "RecordAlreadyExists", existsMessage: "Record already exists: app.bsky.feed.post/"}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func blueskyXRPCError(w http.ResponseWriter, status int, name, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":%q,"message":%q}`, name, msg)
}

func (s *blueskyPDS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	s.mu.Lock()
	s.calls = append(s.calls, method)
	s.mu.Unlock()
	bad := func(format string, args ...any) {
		s.t.Errorf(method+": "+format, args...)
		blueskyXRPCError(w, http.StatusBadRequest, "InvalidRequest", fmt.Sprintf(format, args...))
	}
	switch method {
	case "com.atproto.server.createSession":
		s.createSession(w, r, bad)
	case "com.atproto.repo.createRecord":
		s.createRecord(w, r, bad)
	case "com.atproto.repo.getRecord":
		s.getRecord(w, r, bad)
	default:
		bad("unexpected %s %s", r.Method, r.URL.Path)
	}
}

func blueskyDecode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return fmt.Errorf("Content-Type = %q, want application/json", ct)
	}
	d := json.NewDecoder(r.Body)
	d.DisallowUnknownFields()
	return d.Decode(v)
}

func (s *blueskyPDS) createSession(w http.ResponseWriter, r *http.Request, bad func(string, ...any)) {
	if r.Method != http.MethodPost {
		bad("method %s", r.Method)
		return
	}
	var in struct {
		Identifier *string `json:"identifier"`
		Password   *string `json:"password"`
	}
	if err := blueskyDecode(r, &in); err != nil || in.Identifier == nil || in.Password == nil {
		bad("body: %v (identifier and password are required)", err)
		return
	}
	if *in.Identifier != blueskyTestHandle || *in.Password != blueskyTestPassword {
		blueskyXRPCError(w, http.StatusUnauthorized, "AuthenticationRequired", "Invalid identifier or password")
		return
	}
	s.mu.Lock()
	s.sessions++
	token := fmt.Sprintf("access-jwt-%d", s.sessions)
	s.valid[token] = true
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"accessJwt":%q,"refreshJwt":"refresh-jwt","handle":%q,"did":%q,"active":true}`,
		token, blueskyTestHandle, blueskyTestDID)
}

// expire makes every session so far expired.
func (s *blueskyPDS) expire() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.valid)
}

func (s *blueskyPDS) createRecord(w http.ResponseWriter, r *http.Request, bad func(string, ...any)) {
	if r.Method != http.MethodPost {
		bad("method %s", r.Method)
		return
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	valid := s.valid[token]
	n := s.creates
	s.creates++
	s.mu.Unlock()
	if !ok || !valid {
		blueskyXRPCError(w, http.StatusBadRequest, "ExpiredToken", "Token has expired")
		return
	}
	var in blueskyTestCreate
	if err := blueskyDecode(r, &in); err != nil {
		bad("body: %v", err)
		return
	}
	rec := in.Record
	switch {
	case in.Repo != blueskyTestDID:
		bad("repo = %q, want the session's DID", in.Repo)
		return
	case in.Collection != "app.bsky.feed.post":
		bad("collection = %q", in.Collection)
		return
	case !blueskyTIDRe.MatchString(in.Rkey):
		bad("rkey %q is not a TID (the key type of app.bsky.feed.post)", in.Rkey)
		return
	case rec.Type != "app.bsky.feed.post":
		bad("record $type = %q", rec.Type)
		return
	case rec.Text == nil || *rec.Text == "":
		bad("record has no text")
		return
	}
	if at, err := time.Parse(time.RFC3339, rec.CreatedAt); err != nil || !strings.HasSuffix(rec.CreatedAt, "Z") || at.Location() != time.UTC {
		bad("createdAt %q is not an RFC 3339 UTC time: %v", rec.CreatedAt, err)
		return
	}
	if rec.Facets != nil && len(rec.Facets) == 0 {
		bad("facets is an empty array; leave it out")
		return
	}
	for _, f := range rec.Facets {
		if msg := blueskyCheckFacet(*rec.Text, f); msg != "" {
			bad("facet: %s", msg)
			return
		}
	}
	if s.fail != nil && s.fail(n, w, r) {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if rec.Reply != nil {
		for _, ref := range []*blueskyTestRef{rec.Reply.Root, rec.Reply.Parent} {
			if ref == nil || !s.holds(*ref) {
				bad("reply %+v does not name a record with its cid", ref)
				return
			}
		}
	}
	for _, st := range s.records {
		if st.Rkey == in.Rkey {
			msg := s.existsMessage
			if strings.HasSuffix(msg, "/") {
				msg += in.Rkey
			}
			blueskyXRPCError(w, s.existsStatus, s.existsError, msg)
			return
		}
	}
	st := blueskyTestStored{Rkey: in.Rkey, Record: rec, Ref: blueskyTestRef{
		URI: "at://" + blueskyTestDID + "/app.bsky.feed.post/" + in.Rkey,
		CID: fmt.Sprintf("bafyreib%04dpost", len(s.records)),
	}}
	s.records = append(s.records, st)
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"uri":%q,"cid":%q,"commit":{"cid":"bafyreicommit","rev":"3lrev"},"validationStatus":"valid"}`, st.Ref.URI, st.Ref.CID)
}

func (s *blueskyPDS) holds(ref blueskyTestRef) bool {
	for _, st := range s.records {
		if st.Ref == ref {
			return true
		}
	}
	return false
}

func blueskyCheckFacet(text string, f blueskyTestFacet) string {
	start, end := f.Index.ByteStart, f.Index.ByteEnd
	if start == nil || end == nil {
		return "index without byteStart and byteEnd"
	}
	if *start < 0 || *start >= *end || *end > len(text) {
		return fmt.Sprintf("range %d-%d outside the text's %d bytes", *start, *end, len(text))
	}
	if !utf8.RuneStart(text[*start]) || (*end < len(text) && !utf8.RuneStart(text[*end])) {
		return fmt.Sprintf("range %d-%d splits a character", *start, *end)
	}
	if len(f.Features) == 0 {
		return "no features"
	}
	for _, ft := range f.Features {
		switch {
		case ft.Type == "app.bsky.richtext.facet#link" && ft.URI != nil && ft.Tag == nil:
		case ft.Type == "app.bsky.richtext.facet#tag" && ft.Tag != nil && ft.URI == nil:
		default:
			return fmt.Sprintf("feature %+v", ft)
		}
	}
	return ""
}

func (s *blueskyPDS) getRecord(w http.ResponseWriter, r *http.Request, bad func(string, ...any)) {
	q := r.URL.Query()
	if r.Method != http.MethodGet || q.Get("repo") != blueskyTestDID || q.Get("collection") != "app.bsky.feed.post" || len(q) != 3 {
		bad("%s %s", r.Method, r.URL)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.records {
		if st.Rkey == q.Get("rkey") {
			value, _ := json.Marshal(st.Record)
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"uri":%q,"cid":%q,"value":%s}`, st.Ref.URI, st.Ref.CID, value)
			return
		}
	}
	blueskyXRPCError(w, http.StatusBadRequest, "RecordNotFound", "Could not locate record: at://"+blueskyTestDID+"/app.bsky.feed.post/"+q.Get("rkey"))
}

func (s *blueskyPDS) snapshot() (calls []string, sessions int, records []blueskyTestStored) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.calls...), s.sessions, append([]blueskyTestStored(nil), s.records...)
}

// newBlueskyTest is the account "sky" on the PDS at service, password from BSKY_APP_PASSWORD.
func newBlueskyTest(t *testing.T, service string) publish.Publisher {
	t.Helper()
	p, err := publish.New("sky", config.Account{Type: "bluesky", Settings: map[string]string{
		"service": service, "handle": blueskyTestHandle, "app_password_env": "BSKY_APP_PASSWORD"}}, blueskyTestEnv)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

func blueskyPostURL(rkey string) string {
	return "https://bsky.app/profile/" + blueskyTestHandle + "/post/" + rkey
}

func blueskyInt(n int) *int       { return &n }
func blueskyStr(s string) *string { return &s }

func blueskyLinkFacet(start, end int, uri string) blueskyTestFacet {
	f := blueskyTestFacet{Features: []blueskyTestFeature{{Type: "app.bsky.richtext.facet#link", URI: blueskyStr(uri)}}}
	f.Index.ByteStart, f.Index.ByteEnd = blueskyInt(start), blueskyInt(end)
	return f
}

func blueskyTagFacet(start, end int, tag string) blueskyTestFacet {
	f := blueskyTestFacet{Features: []blueskyTestFeature{{Type: "app.bsky.richtext.facet#tag", Tag: blueskyStr(tag)}}}
	f.Index.ByteStart, f.Index.ByteEnd = blueskyInt(start), blueskyInt(end)
	return f
}

const blueskyTestLink = "https://example.com/papers/quiet-power?utm_source=bluesky&utm_medium=social"

func TestBlueskySinglePost(t *testing.T) {
	s := newBlueskyPDS(t)
	p := newBlueskyTest(t, s.srv.URL+"/")
	if _, ok := p.(publish.Idempotent); !ok {
		t.Error("the bluesky publisher does not say it is idempotent")
	}
	rendered := channel.Render(channel.Bluesky, "Café — new paper: {link} #climate", blueskyTestLink)
	post := &publish.Post{ID: "plan-51c0", Channel: "bluesky", Locale: "de-DE", Text: rendered.Text, Link: blueskyTestLink,
		Facets: rendered.Facets, At: time.Date(2026, 3, 9, 14, 30, 0, 0, time.UTC)}

	before := time.Now().UTC().Truncate(time.Millisecond)
	res, err := p.Publish(context.Background(), post)
	after := time.Now().UTC()
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	calls, sessions, records := s.snapshot()
	if want := []string{"com.atproto.server.createSession", "com.atproto.repo.createRecord"}; !reflect.DeepEqual(calls, want) {
		t.Errorf("calls = %v, want %v", calls, want)
	}
	if sessions != 1 || len(records) != 1 {
		t.Fatalf("%d sessions, %d records; want 1 and 1", sessions, len(records))
	}
	rec := records[0]
	want := publish.Result{RemoteID: rec.Ref.URI, URL: blueskyPostURL(rec.Rkey), IDs: []string{rec.Ref.URI}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
	if !strings.HasPrefix(res.RemoteID, "at://"+blueskyTestDID+"/app.bsky.feed.post/") {
		t.Errorf("RemoteID %q is not the record's at:// URI", res.RemoteID)
	}
	if *rec.Record.Text != "Café — new paper: example.com/papers/quiet-power #climate" {
		t.Errorf("text = %q", *rec.Record.Text)
	}
	// Byte offsets, not characters: "é" and "—" take 2 and 3 bytes.
	wantFacets := []blueskyTestFacet{blueskyLinkFacet(21, 51, blueskyTestLink), blueskyTagFacet(52, 60, "climate")}
	if !reflect.DeepEqual(rec.Record.Facets, wantFacets) {
		t.Errorf("facets = %s, want %s", blueskyJSON(rec.Record.Facets), blueskyJSON(wantFacets))
	}
	if got := (*rec.Record.Text)[21:51]; got != "example.com/papers/quiet-power" {
		t.Errorf("the link facet covers %q", got)
	}
	if !reflect.DeepEqual(rec.Record.Langs, []string{"de-DE"}) {
		t.Errorf("langs = %v, want [de-DE]", rec.Record.Langs)
	}
	if rec.Record.Reply != nil {
		t.Errorf("a single post is a reply: %+v", rec.Record.Reply)
	}
	created, _ := time.Parse(time.RFC3339, rec.Record.CreatedAt)
	if created.Before(before) || created.After(after) {
		t.Errorf("createdAt %s is not the time of posting (%s to %s)", rec.Record.CreatedAt, before, after)
	}
}

func blueskyJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestBlueskyThreadIsReplies(t *testing.T) {
	s := newBlueskyPDS(t)
	p := newBlueskyTest(t, s.srv.URL)
	post := &publish.Post{ID: "plan-thread", Channel: "bluesky", Link: blueskyTestLink,
		At: time.Date(2026, 3, 9, 14, 30, 0, 0, time.UTC),
		Parts: []string{
			"Grids are quieter than you think (1/3)",
			"Storage evens out the peaks — über alles (2/3)",
			"Lies das Papier → example.com/papers/quiet-power #energy (3/3)",
		}}
	res, err := p.Publish(context.Background(), post)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	_, sessions, records := s.snapshot()
	if sessions != 1 {
		t.Errorf("%d sessions for one thread, want 1", sessions)
	}
	if len(records) != 3 {
		t.Fatalf("%d records, want 3", len(records))
	}
	for i, rec := range records {
		if *rec.Record.Text != post.Parts[i] {
			t.Errorf("record %d text = %q, want %q", i, *rec.Record.Text, post.Parts[i])
		}
		if rec.Record.Langs != nil {
			t.Errorf("record %d has langs %v though the post has no locale", i, rec.Record.Langs)
		}
		if i > 0 && rec.Rkey <= records[i-1].Rkey {
			t.Errorf("record keys %q, %q are not in thread order", records[i-1].Rkey, rec.Rkey)
		}
	}
	if records[0].Record.Reply != nil {
		t.Errorf("the first post is a reply: %+v", records[0].Record.Reply)
	}
	for i := 1; i < 3; i++ {
		reply := records[i].Record.Reply
		if reply == nil || *reply.Root != records[0].Ref || *reply.Parent != records[i-1].Ref {
			t.Errorf("post %d reply = %s, want root %+v and parent %+v", i+1, blueskyJSON(reply), records[0].Ref, records[i-1].Ref)
		}
	}
	// Post.Facets are Text's; each part's facets are found in the part: the display link
	// carries the full link, the hashtag its tag ("→" is 3 bytes).
	if records[0].Record.Facets != nil || records[1].Record.Facets != nil {
		t.Errorf("parts without links or tags have facets: %s, %s", blueskyJSON(records[0].Record.Facets), blueskyJSON(records[1].Record.Facets))
	}
	wantFacets := []blueskyTestFacet{blueskyLinkFacet(20, 50, blueskyTestLink), blueskyTagFacet(51, 58, "energy")}
	if !reflect.DeepEqual(records[2].Record.Facets, wantFacets) {
		t.Errorf("part 3 facets = %s, want %s", blueskyJSON(records[2].Record.Facets), blueskyJSON(wantFacets))
	}
	want := publish.Result{RemoteID: records[0].Ref.URI, URL: blueskyPostURL(records[0].Rkey),
		IDs: []string{records[0].Ref.URI, records[1].Ref.URI, records[2].Ref.URI}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result = %+v, want %+v", res, want)
	}
}

// A post's facets are found in its text when the plan gave none.
func TestBlueskyFindsFacetsOfAPlainPost(t *testing.T) {
	s := newBlueskyPDS(t)
	p := newBlueskyTest(t, s.srv.URL)
	post := &publish.Post{ID: "plan-plain", Link: "https://example.com/a", Text: "See https://example.com/a #grid"}
	if _, err := p.Publish(context.Background(), post); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	_, _, records := s.snapshot()
	if len(records) != 1 {
		t.Fatalf("%d records, want 1", len(records))
	}
	want := []blueskyTestFacet{blueskyLinkFacet(4, 25, "https://example.com/a"), blueskyTagFacet(26, 31, "grid")}
	if !reflect.DeepEqual(records[0].Record.Facets, want) {
		t.Errorf("facets = %s, want %s", blueskyJSON(records[0].Record.Facets), blueskyJSON(want))
	}
}

// The facets the plan gives are sent as they are, even ones the publisher could not find
// itself (a second link).
func TestBlueskySendsThePlannedFacets(t *testing.T) {
	s := newBlueskyPDS(t)
	p := newBlueskyTest(t, s.srv.URL)
	text := "Data: example.org/set — paper: example.com/p"
	planned := []channel.Facet{
		{Index: channel.FacetIndex{ByteStart: 6, ByteEnd: 21}, Features: []channel.FacetFeature{{Type: channel.FacetLink, URI: "https://example.org/set"}}},
		{Index: channel.FacetIndex{ByteStart: 33, ByteEnd: 46}, Features: []channel.FacetFeature{{Type: channel.FacetLink, URI: "https://example.com/p"}}},
	}
	post := &publish.Post{ID: "plan-two-links", Text: text, Link: "https://example.com/p", Facets: planned}
	if _, err := p.Publish(context.Background(), post); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	_, _, records := s.snapshot()
	if len(records) != 1 {
		t.Fatalf("%d records, want 1", len(records))
	}
	want := []blueskyTestFacet{blueskyLinkFacet(6, 21, "https://example.org/set"), blueskyLinkFacet(33, 46, "https://example.com/p")}
	if !reflect.DeepEqual(records[0].Record.Facets, want) {
		t.Errorf("facets = %s, want %s", blueskyJSON(records[0].Record.Facets), blueskyJSON(want))
	}
}

// A second attempt at the same post (a new process: a new publisher) creates at the same
// key, is refused, and returns the record of the first attempt, whichever way the PDS
// says the key is taken.
func TestBlueskyRetryReturnsTheExistingRecord(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		error  string
		msg    string
	}{
		{"400 RecordAlreadyExists (atproto#4728)", http.StatusBadRequest, "RecordAlreadyExists", "Record already exists: app.bsky.feed.post/"},
		// The reference PDS says nothing more today (atproto#3718).
		{"500 InternalServerError", http.StatusInternalServerError, "InternalServerError", "Internal Server Error"},
		{"409 RecordAlreadyExists", http.StatusConflict, "RecordAlreadyExists", "record already exists"},
		{"400 InvalidRequest", http.StatusBadRequest, "InvalidRequest", "Record already exists at app.bsky.feed.post/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newBlueskyPDS(t)
			s.existsStatus, s.existsError, s.existsMessage = tc.status, tc.error, tc.msg
			post := &publish.Post{ID: "plan-again", Text: "Once only", At: time.Date(2026, 3, 9, 14, 30, 0, 0, time.UTC)}
			first, err := newBlueskyTest(t, s.srv.URL).Publish(context.Background(), post)
			if err != nil {
				t.Fatalf("first attempt: %v", err)
			}
			again, err := newBlueskyTest(t, s.srv.URL).Publish(context.Background(), post)
			if err != nil {
				t.Fatalf("second attempt: %v", err)
			}
			calls, _, records := s.snapshot()
			if len(records) != 1 {
				t.Fatalf("%d records, want 1", len(records))
			}
			if !reflect.DeepEqual(again, first) {
				t.Errorf("second result = %+v, want the first's %+v", again, first)
			}
			if calls[len(calls)-1] != "com.atproto.repo.getRecord" {
				t.Errorf("calls = %v: the existing record was not looked up", calls)
			}
		})
	}
}

// A thread stopped half-way is finished by the next attempt: the posted part is found
// again and the rest reply to it.
func TestBlueskyThreadRetriedAfterAFailureFinishesIt(t *testing.T) {
	s := newBlueskyPDS(t)
	s.fail = func(n int, w http.ResponseWriter, _ *http.Request) bool {
		if n == 1 {
			blueskyXRPCError(w, http.StatusBadGateway, "UpstreamFailure", "upstream failed")
			return true
		}
		return false
	}
	p := newBlueskyTest(t, s.srv.URL)
	post := &publish.Post{ID: "plan-half", Parts: []string{"one (1/2)", "two (2/2)"}, At: time.Date(2026, 3, 9, 14, 30, 0, 0, time.UTC)}
	if _, err := p.Publish(context.Background(), post); publish.KindOf(err) != publish.Later {
		t.Fatalf("first attempt: %v (kind %v), want later", err, publish.KindOf(err))
	}
	res, err := p.Publish(context.Background(), post)
	if err != nil {
		t.Fatalf("second attempt: %v", err)
	}
	_, _, records := s.snapshot()
	if len(records) != 2 {
		t.Fatalf("%d records, want 2", len(records))
	}
	if r := records[1].Record.Reply; r == nil || *r.Root != records[0].Ref || *r.Parent != records[0].Ref {
		t.Errorf("the second part's reply = %s, want root and parent %+v", blueskyJSON(r), records[0].Ref)
	}
	if want := []string{records[0].Ref.URI, records[1].Ref.URI}; !reflect.DeepEqual(res.IDs, want) {
		t.Errorf("IDs = %v, want %v", res.IDs, want)
	}
}

// Different posts, and the parts of a thread, never share a key.
func TestBlueskyRecordKeysDifferByPostAndPart(t *testing.T) {
	s := newBlueskyPDS(t)
	p := newBlueskyTest(t, s.srv.URL)
	at := time.Date(2026, 3, 9, 14, 30, 0, 0, time.UTC)
	for _, post := range []*publish.Post{
		{ID: "plan-a", Text: "a", At: at},
		{ID: "plan-b", Text: "b", At: at},
		{ID: "plan-c", Parts: []string{"c1", "c2"}, At: at},
	} {
		if _, err := p.Publish(context.Background(), post); err != nil {
			t.Fatalf("%s: %v", post.ID, err)
		}
	}
	_, _, records := s.snapshot()
	if len(records) != 4 {
		t.Errorf("%d records, want 4: two posts were given the same key", len(records))
	}
}

func TestBlueskyExpiredSessionIsRenewedOnce(t *testing.T) {
	s := newBlueskyPDS(t)
	p := newBlueskyTest(t, s.srv.URL)
	if _, err := p.Publish(context.Background(), &publish.Post{ID: "plan-1", Text: "first"}); err != nil {
		t.Fatal(err)
	}
	s.expire()
	if _, err := p.Publish(context.Background(), &publish.Post{ID: "plan-2", Text: "second"}); err != nil {
		t.Fatalf("after the session expired: %v", err)
	}
	calls, sessions, records := s.snapshot()
	want := []string{
		"com.atproto.server.createSession", "com.atproto.repo.createRecord",
		"com.atproto.repo.createRecord", "com.atproto.server.createSession", "com.atproto.repo.createRecord",
	}
	if !reflect.DeepEqual(calls, want) || sessions != 2 || len(records) != 2 {
		t.Errorf("calls = %v (%d sessions, %d records), want %v", calls, sessions, len(records), want)
	}
}

func TestBlueskyTokenRefusedTwiceIsRefused(t *testing.T) {
	s := newBlueskyPDS(t)
	s.fail = func(n int, w http.ResponseWriter, _ *http.Request) bool {
		if n > 4 { // end a loop that would never stop
			blueskyXRPCError(w, http.StatusTooManyRequests, "RateLimitExceeded", "looping")
			return true
		}
		blueskyXRPCError(w, http.StatusUnauthorized, "InvalidToken", "Token could not be verified")
		return true
	}
	p := newBlueskyTest(t, s.srv.URL)
	_, err := p.Publish(context.Background(), &publish.Post{ID: "plan-x", Text: "x"})
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "Token could not be verified") {
		t.Errorf("error = %v (kind %v), want refused with the PDS's message", err, publish.KindOf(err))
	}
	calls, sessions, _ := s.snapshot()
	if sessions != 2 || len(calls) != 4 {
		t.Errorf("calls = %v: want one new session and one retry, no more", calls)
	}
}

func TestBlueskyFailures(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(w http.ResponseWriter, r *http.Request)
		kind   publish.Kind
		msg    string
		retry  time.Duration
	}{
		{"rate limited", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", "7")
			blueskyXRPCError(w, http.StatusTooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded")
		}, publish.Later, "Rate Limit Exceeded", 7 * time.Second},
		{"invalid record", func(w http.ResponseWriter, _ *http.Request) {
			blueskyXRPCError(w, http.StatusBadRequest, "InvalidRequest", "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes")
		}, publish.Refused, "Record/text must not be longer than 300 graphemes", 0},
		{"server error, nothing created", func(w http.ResponseWriter, _ *http.Request) {
			blueskyXRPCError(w, http.StatusInternalServerError, "InternalServerError", "Internal Server Error")
		}, publish.Later, "Internal Server Error", 0},
		{"no answer", func(w http.ResponseWriter, r *http.Request) {
			publishtest.HijackClose(t, w, r)
		}, publish.Unknown, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newBlueskyPDS(t)
			s.fail = func(_ int, w http.ResponseWriter, r *http.Request) bool { tc.answer(w, r); return true }
			_, err := newBlueskyTest(t, s.srv.URL).Publish(context.Background(), &publish.Post{ID: "plan-f", Text: "hello"})
			if publish.KindOf(err) != tc.kind {
				t.Errorf("kind = %v (%v), want %v", publish.KindOf(err), err, tc.kind)
			}
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v does not carry %q", err, tc.msg)
			}
			if got := publish.RetryAfter(err); got != tc.retry {
				t.Errorf("RetryAfter = %v, want %v", got, tc.retry)
			}
			if _, _, records := s.snapshot(); len(records) != 0 {
				t.Errorf("%d records", len(records))
			}
		})
	}
}

// Signing in posts nothing, so no answer to it is "later", not "unknown".
func TestBlueskySignInWithoutAnswerIsLater(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/xrpc/com.atproto.server.createSession" {
			t.Errorf("%s before a session", r.URL.Path)
		}
		publishtest.HijackClose(t, w, r)
	}))
	defer srv.Close()
	_, err := newBlueskyTest(t, srv.URL).Publish(context.Background(), &publish.Post{ID: "plan-s", Text: "x"})
	if publish.KindOf(err) != publish.Later {
		t.Errorf("kind = %v (%v), want later", publish.KindOf(err), err)
	}
}

func TestBlueskyWrongPasswordIsRefused(t *testing.T) {
	s := newBlueskyPDS(t)
	env := publish.Env{Getenv: func(string) string { return "wrong-password" }}
	p, err := publish.New("sky", config.Account{Type: "bluesky", Settings: map[string]string{
		"service": s.srv.URL, "handle": blueskyTestHandle, "app_password_env": "BSKY_APP_PASSWORD"}}, env)
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Publish(context.Background(), &publish.Post{ID: "plan-w", Text: "x"})
	if publish.KindOf(err) != publish.Refused || !strings.Contains(err.Error(), "Invalid identifier or password") {
		t.Errorf("error = %v (kind %v), want refused with the PDS's message", err, publish.KindOf(err))
	}
}

// blueskyRoundTrip answers every request with a 401, keeping the URLs asked for.
type blueskyRoundTrip struct {
	mu   sync.Mutex
	urls []string
}

func (rt *blueskyRoundTrip) RoundTrip(r *http.Request) (*http.Response, error) {
	rt.mu.Lock()
	rt.urls = append(rt.urls, r.URL.String())
	rt.mu.Unlock()
	return &http.Response{StatusCode: http.StatusUnauthorized, Header: http.Header{}, Request: r,
		Body: io.NopCloser(bytes.NewBufferString(`{"error":"AuthenticationRequired","message":"Invalid identifier or password"}`))}, nil
}

func TestBlueskyDefaultServiceIsBskySocial(t *testing.T) {
	rt := &blueskyRoundTrip{}
	env := blueskyTestEnv
	env.HTTP = &http.Client{Transport: rt}
	p, err := publish.New("sky", config.Account{Type: "bluesky", Settings: map[string]string{
		"handle": blueskyTestHandle, "app_password_env": "BSKY_APP_PASSWORD"}}, env)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = p.Publish(context.Background(), &publish.Post{ID: "plan-d", Text: "x"})
	if want := []string{"https://bsky.social/xrpc/com.atproto.server.createSession"}; !reflect.DeepEqual(rt.urls, want) {
		t.Errorf("asked %v, want %v", rt.urls, want)
	}
}

func TestBlueskyConfig(t *testing.T) {
	env := map[string]string{"P": "app-pass"}
	for _, tc := range []struct {
		name     string
		settings map[string]string
		want     []string // in the error; none: no error
	}{
		{"valid", map[string]string{"handle": "news.bsky.social", "app_password_env": "P"}, nil},
		{"own PDS", map[string]string{"service": "https://pds.example.com", "handle": "news.example.com", "app_password_env": "P"}, nil},
		{"no handle", map[string]string{"app_password_env": "P"}, []string{"accounts.sky.handle: required"}},
		{"no password", map[string]string{"handle": "news.bsky.social"}, []string{"accounts.sky.app_password_env: required"}},
		{"password in the clear", map[string]string{"handle": "news.bsky.social", "app_password": "abcd-efgh-ijkl-mnop"}, []string{"accounts.sky.app_password:", "app_password_env"}},
		{"password variable unset", map[string]string{"handle": "news.bsky.social", "app_password_env": "UNSET"}, []string{"accounts.sky.app_password_env", "UNSET"}},
		{"service not a URL", map[string]string{"service": "bsky.social", "handle": "news.bsky.social", "app_password_env": "P"}, []string{"accounts.sky.service:"}},
		{"unknown setting", map[string]string{"handle": "news.bsky.social", "app_password_env": "P", "token_env": "P"}, []string{"accounts.sky.token_env: is not a setting"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := publish.New("sky", config.Account{Type: "bluesky", Settings: tc.settings},
				publish.Env{Getenv: func(k string) string { return env[k] }})
			switch {
			case tc.want == nil && err != nil:
				t.Errorf("New: %v", err)
			case tc.want == nil && p == nil:
				t.Error("New gave no publisher")
			case tc.want != nil && err == nil:
				t.Errorf("New accepted the account, want an error with %q", tc.want)
			case tc.want != nil:
				for _, w := range tc.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("New error = %v, want one with %q", err, w)
					}
				}
			}
			if err != nil && strings.Contains(err.Error(), "abcd-efgh-ijkl-mnop") {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
}
