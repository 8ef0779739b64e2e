package digest_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/digest"
	"github.com/repurpose/repurpose/errs"
	"github.com/repurpose/repurpose/internal/testservices"
	"github.com/repurpose/repurpose/record"
	"github.com/repurpose/repurpose/record/recordtest"
	"github.com/repurpose/repurpose/review"
)

// world is an approved document in a record on a real redis-server, and what digests need.
type world struct {
	redis  *testservices.RedisServer
	rec    *record.Store
	source *record.Source
	file   *config.File
	env    map[string]string
	// smtpTLS trusts the test SMTP server's certificate.
	smtpTLS *tls.Config
}

func newWorld(t *testing.T, redis *testservices.RedisServer, users string) *world {
	t.Helper()
	svc := recordtest.Start(t) // S3 for the record
	if redis == nil {
		redis = testservices.NewRedis(t)
	}
	now := func() time.Time { return time.Now().UTC() }
	rec := record.New(svc.Config, svc.S3, redis.Client(), nil, now, slog.New(slog.DiscardHandler))
	f, err := config.ParseFile(strings.NewReader(users))
	if err != nil {
		t.Fatal(err)
	}
	w := &world{redis: redis, rec: rec, file: f, env: map[string]string{}}
	w.source = recordtest.Save(t, rec, svc.Config, "queues.md", recordtest.Doc, time.Now())
	if _, err := review.New(rec, svc.Config, now).ApproveSource(t.Context(), w.source.ID, "mia"); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) service(t *testing.T) *digest.Service {
	t.Helper()
	s := digest.New(digest.Options{File: w.file, SMTPTLS: w.smtpTLS, PublicURL: "https://toolkit.example.com", Topics: w.rec,
		Redis: w.redis.Client(), Leases: record.NewLocks(w.redis.Client()), Getenv: func(k string) string { return w.env[k] },
		Key: func(context.Context) ([]byte, error) { return []byte("0123456789abcdef0123456789abcdef"), nil }})
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	return s
}

// smtpServer is a real SMTP server (emersion/go-smtp) on a loopback port that keeps what
// it is sent, and takes AUTH PLAIN with one username and password.
type smtpServer struct {
	addr   string
	client *tls.Config // trusts the server's certificate
	mu     sync.Mutex
	msgs   []received
}

type received struct {
	from, user string
	to         []string
	data       []byte
}

func startSMTP(t *testing.T) *smtpServer {
	t.Helper()
	s := &smtpServer{}
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	// STARTTLS with httptest's certificate for 127.0.0.1, which its client trusts.
	certs := httptest.NewUnstartedServer(http.NotFoundHandler())
	certs.StartTLS()
	t.Cleanup(certs.Close)
	srv.TLSConfig = certs.TLS
	s.client = certs.Client().Transport.(*http.Transport).TLSClientConfig
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *smtpServer) NewSession(*smtp.Conn) (smtp.Session, error) { return &smtpSession{srv: s}, nil }

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

type smtpSession struct {
	srv *smtpServer
	cur received
}

func (ss *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *smtpSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != "toolkit" || pass != "s3cret" {
			return errors.New("bad credentials")
		}
		ss.cur.user = user
		return nil
	}), nil
}

func (ss *smtpSession) Mail(from string, _ *smtp.MailOptions) error { ss.cur.from = from; return nil }
func (ss *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.cur.to = append(ss.cur.to, to)
	return nil
}

func (ss *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if ss.cur.user == "" {
		return errors.New("authenticate first")
	}
	ss.cur.data = b
	ss.srv.mu.Lock()
	ss.srv.msgs = append(ss.srv.msgs, ss.cur)
	ss.srv.mu.Unlock()
	ss.cur = received{user: ss.cur.user}
	return nil
}

func (ss *smtpSession) Reset()        { ss.cur = received{user: ss.cur.user} }
func (ss *smtpSession) Logout() error { return nil }

// hooks is a local HTTP receiver of incoming-webhook posts, by path.
type hooks struct {
	url    string
	mu     sync.Mutex
	got    map[string][][]byte
	status int
}

func startHooks(t *testing.T) *hooks {
	h := &hooks{got: map[string][][]byte{}, status: http.StatusOK}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "want a JSON POST", http.StatusBadRequest)
			return
		}
		if h.status != http.StatusOK {
			http.Error(w, "no_service", h.status)
			return
		}
		h.got[r.URL.Path] = append(h.got[r.URL.Path], b)
		w.Write([]byte("ok"))
	}))
	t.Cleanup(srv.Close)
	h.url = srv.URL
	return h
}

func (h *hooks) posts(path string) [][]byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.got[path]
}

func (h *hooks) fail(status int) {
	h.mu.Lock()
	h.status = status
	h.mu.Unlock()
}

const anaSlack = "users:\n  - name: ana\n    role: contributor\n    token_sha256: " + sha + "\n    digest:\n      slack_webhook_env: ANA_SLACK\n"

const sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

// The digest goes by e-mail through a real SMTP server, over STARTTLS, authenticated, to the person's
// address, with the approved topics, links to them and a one-click unsubscribe; a second
// send finds nothing new and sends nothing.
func TestDigestByEmail(t *testing.T) {
	mailSrv := startSMTP(t)
	host, port, _ := net.SplitHostPort(mailSrv.addr)
	w := newWorld(t, nil, "digests:\n  from: Toolkit <toolkit@example.com>\n  smtp:\n    host: "+host+"\n    port: "+port+
		"\n    username: toolkit\n    password_env: SMTP_PASSWORD\n"+
		"users:\n  - name: ana\n    role: contributor\n    token_sha256: "+sha+"\n    digest:\n      email: ana@example.com\n      channels: [linkedin]\n")
	w.env["SMTP_PASSWORD"] = "s3cret"
	w.smtpTLS = mailSrv.client
	s := w.service(t)
	res, err := s.Send(t.Context(), "ana")
	if err != nil {
		t.Fatal(err)
	}
	msgs := mailSrv.messages()
	if len(msgs) != 1 || res.Topics == 0 || strings.Join(res.To, ",") != "e-mail ana@example.com" {
		t.Fatalf("sent %+v; server got %d messages", res, len(msgs))
	}
	m := msgs[0]
	if m.from != "toolkit@example.com" || strings.Join(m.to, ",") != "ana@example.com" || m.user != "toolkit" {
		t.Errorf("envelope from %q to %v as %q", m.from, m.to, m.user)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(m.data))
	if err != nil {
		t.Fatal(err)
	}
	unsub := msg.Header.Get("List-Unsubscribe")
	if !strings.HasPrefix(unsub, "<https://toolkit.example.com/digest/unsubscribe?token=") || msg.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe %q, -Post %q", unsub, msg.Header.Get("List-Unsubscribe-Post"))
	}
	if want := "new topic"; !strings.Contains(msg.Header.Get("Subject"), want) {
		t.Errorf("subject %q", msg.Header.Get("Subject"))
	}
	body := string(m.data)
	for _, want := range []string{"LinkedIn post", "Queues in practice", "https://toolkit.example.com/ui/topics/", "Stop these digests", "text/html"} {
		if !strings.Contains(body, want) {
			t.Errorf("the e-mail lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "Tweet · X") {
		t.Errorf("a tweet reached someone who follows only LinkedIn:\n%s", body)
	}

	res, err = s.Send(t.Context(), "ana")
	if err != nil || res.Topics != 0 || len(mailSrv.messages()) != 1 {
		t.Errorf("second send: %+v, %v; server has %d messages", res, err, len(mailSrv.messages()))
	}
}

// Slack and Teams get their documented incoming-webhook shapes: Slack a text fallback and
// Block Kit blocks; Teams a message with an Adaptive Card attachment.
func TestDigestToSlackAndTeams(t *testing.T) {
	h := startHooks(t)
	w := newWorld(t, nil, "users:\n  - name: ana\n    role: contributor\n    token_sha256: "+sha+
		"\n    digest:\n      every: daily\n      slack_webhook_env: ANA_SLACK\n      teams_webhook_env: ANA_TEAMS\n      channels: [x]\n      tags: [queues]\n      languages: [en]\n")
	w.env["ANA_SLACK"], w.env["ANA_TEAMS"] = h.url+"/slack", h.url+"/teams"
	res, err := w.service(t).Send(t.Context(), "ana")
	if err != nil || strings.Join(res.To, ",") != "Slack,Microsoft Teams" {
		t.Fatalf("send: %+v, %v", res, err)
	}
	var slack struct {
		Text   string `json:"text"`
		Blocks []struct {
			Type string `json:"type"`
			Text struct{ Type, Text string }
		} `json:"blocks"`
	}
	if p := h.posts("/slack"); len(p) != 1 || json.Unmarshal(p[0], &slack) != nil {
		t.Fatalf("slack got %q", p)
	}
	if !strings.HasSuffix(slack.Text, "new topics to share") || slack.Blocks[0].Type != "header" || len(slack.Blocks) != res.Topics+2 ||
		slack.Blocks[1].Text.Type != "mrkdwn" || !strings.Contains(slack.Blocks[1].Text.Text, "<https://toolkit.example.com/ui/topics/") {
		t.Errorf("slack message: %+v", slack)
	}
	var teams struct {
		Type        string `json:"type"`
		Attachments []struct {
			ContentType string `json:"contentType"`
			Content     struct {
				Type, Version string
				Body          []struct{ Type, Text string }
			} `json:"content"`
		} `json:"attachments"`
	}
	if p := h.posts("/teams"); len(p) != 1 || json.Unmarshal(p[0], &teams) != nil {
		t.Fatalf("teams got %q", p)
	}
	if teams.Type != "message" || len(teams.Attachments) != 1 || teams.Attachments[0].ContentType != "application/vnd.microsoft.card.adaptive" ||
		teams.Attachments[0].Content.Type != "AdaptiveCard" || !strings.Contains(string(h.posts("/teams")[0]), "Stop these digests](https://toolkit.example.com/digest/unsubscribe?token=") {
		t.Errorf("teams message: %s", h.posts("/teams")[0])
	}
	for _, b := range slack.Blocks[1 : len(slack.Blocks)-1] {
		if !strings.Contains(b.Text.Text, "X") && !strings.Contains(b.Text.Text, "Key point") && !strings.Contains(b.Text.Text, "Statistic") && !strings.Contains(b.Text.Text, "Quote") {
			t.Errorf("a topic off channel x reached ana: %q", b.Text.Text)
		}
	}
}

// Interests narrow the digest: a tag the document does not carry, or a language it is
// not in, leaves nothing to send, and nothing is sent.
func TestInterestsThatMatchNothingSendNothing(t *testing.T) {
	h := startHooks(t)
	for _, interest := range []string{"tags: [kubernetes]", "languages: [de]"} {
		w := newWorld(t, nil, anaSlack+"      "+interest+"\n")
		w.env["ANA_SLACK"] = h.url + "/slack"
		dg, err := w.service(t).Build(t.Context(), "ana")
		if err != nil || len(dg.Topics) != 0 {
			t.Fatalf("%s: %d topics, %v", interest, len(dg.Topics), err)
		}
		if res, err := w.service(t).Send(t.Context(), "ana"); err != nil || res.Topics != 0 {
			t.Errorf("%s: sent %+v, %v", interest, res, err)
		}
	}
	if p := h.posts("/slack"); len(p) != 0 {
		t.Errorf("empty digests were posted: %q", p)
	}
}

// What was sent is remembered in Redis across a restart of the server: no topic reaches
// the same person twice, and a failed delivery is not remembered, so it goes next time.
func TestNeverTheSameTopicTwice(t *testing.T) {
	h := startHooks(t)
	rs := testservices.NewRedisAOF(t)
	w := newWorld(t, rs, anaSlack)
	w.env["ANA_SLACK"] = h.url + "/slack"

	h.fail(http.StatusInternalServerError)
	if _, err := w.service(t).Send(t.Context(), "ana"); err == nil || !strings.Contains(err.Error(), "500") {
		t.Fatalf("a failing webhook: %v", err)
	}
	h.fail(http.StatusOK)
	s := w.service(t)
	first, err := s.Build(t.Context(), "ana")
	if err != nil || len(first.Topics) == 0 {
		t.Fatalf("after the failure: %d topics, %v", len(first.Topics), err)
	}
	if res, err := s.Send(t.Context(), "ana"); err != nil || res.Topics != len(first.Topics) {
		t.Fatalf("send: %+v, %v", res, err)
	}

	rs.Restart()
	s = w.service(t)
	again, err := s.Build(t.Context(), "ana")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range again.Topics {
		for _, f := range first.Topics {
			if a.ID == f.ID {
				t.Errorf("after a restart topic %s (%s) would be sent again", a.ID, a.Label)
			}
		}
	}
	if len(again.Topics) != min(first.More, digest.MaxTopics) {
		t.Errorf("the next digest has %d topics; the first left out %d", len(again.Topics), first.More)
	}
	if due, err := s.Due(t.Context()); err != nil || len(due) != 0 {
		t.Errorf("due right after a digest: %v, %v", due, err)
	}
	if p := h.posts("/slack"); len(p) != 1 {
		t.Errorf("%d posts", len(p))
	}
}

// Two schedulers on one Redis: one of them sends each round.
func TestOneSchedulerSendsEachRound(t *testing.T) {
	h := startHooks(t)
	w := newWorld(t, nil, anaSlack)
	w.env["ANA_SLACK"] = h.url + "/slack"
	a, b := w.service(t), w.service(t)
	var wg sync.WaitGroup
	sent := make([]int, 2)
	for i, s := range []*digest.Service{a, b} {
		wg.Go(func() { sent[i] = s.RunOnce(t.Context()) })
	}
	wg.Wait()
	if sent[0]+sent[1] != 1 || len(h.posts("/slack")) != 1 {
		t.Errorf("schedulers sent %v; the receiver got %d posts", sent, len(h.posts("/slack")))
	}
}

// The unsubscribe link stops that person's digests and no one else's; a token altered to
// name someone else is refused.
func TestUnsubscribeIsSigned(t *testing.T) {
	h := startHooks(t)
	w := newWorld(t, nil, anaSlack+"  - name: bob\n    role: contributor\n    token_sha256: "+sha[:63]+"b\n    digest:\n      slack_webhook_env: BOB_SLACK\n")
	w.env["ANA_SLACK"], w.env["BOB_SLACK"] = h.url+"/ana", h.url+"/bob"
	s := w.service(t)
	link, err := s.UnsubscribeURL(t.Context(), "ana")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(link)
	token := u.Query().Get("token")
	name, _, _ := strings.Cut(token, ".")
	forged := strings.Replace(token, name, "Ym9i", 1) // "bob" with ana's signature
	for _, bad := range []string{forged, name + ".AAAA", "", "no-dot", token + "x"} {
		if _, err := s.Unsubscribe(t.Context(), bad); !errors.Is(err, errs.Forbidden) {
			t.Errorf("Unsubscribe(%q) = %v, want forbidden", bad, err)
		}
	}
	who, err := s.Unsubscribe(t.Context(), token)
	if err != nil || who != "ana" {
		t.Fatalf("unsubscribe: %q, %v", who, err)
	}
	if _, err := s.Send(t.Context(), "ana"); !errors.Is(err, errs.Conflict) {
		t.Errorf("send to an unsubscribed person: %v", err)
	}
	if due, _ := s.Due(t.Context()); strings.Join(due, ",") != "bob" {
		t.Errorf("due %v, want bob only", due)
	}
	if n := s.RunOnce(t.Context()); n != 1 || len(h.posts("/ana")) != 0 || len(h.posts("/bob")) != 1 {
		t.Errorf("round sent %d: ana %d, bob %d", n, len(h.posts("/ana")), len(h.posts("/bob")))
	}
}

// A webhook or SMTP password variable that is unset, or a webhook that is not https, is
// what Check reports, with the setting's path.
func TestWebhookVariablesAreChecked(t *testing.T) {
	f, err := config.ParseFile(strings.NewReader(anaSlack))
	if err != nil {
		t.Fatal(err)
	}
	for value, want := range map[string]string{"": "is not set", "http://hooks.slack.com/x": "must hold an https URL"} {
		err := digest.New(digest.Options{File: f, Getenv: func(string) string { return value }}).Check()
		if err == nil || !strings.Contains(err.Error(), "users[0].digest.slack_webhook_env: the environment variable ANA_SLACK "+want) {
			t.Errorf("%q: %v", value, err)
		}
	}
	f, err = config.ParseFile(strings.NewReader("digests:\n  from: toolkit@example.com\n  smtp:\n    host: smtp.example.com\n    username: toolkit\n    password_env: SMTP_PASSWORD\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := digest.New(digest.Options{File: f, Getenv: func(string) string { return "" }}).Check(); err == nil ||
		err.Error() != "digests.smtp.password_env: the environment variable SMTP_PASSWORD is not set" {
		t.Errorf("unset SMTP password: %v", err)
	}
}
