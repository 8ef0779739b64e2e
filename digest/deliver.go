package digest

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/errs"
)

// mailer sends digests through the configured SMTP server.
type mailer struct {
	from string
	opts []mail.Option
	host string
}

func newMailer(d config.Digests, getenv func(string) string, tc *tls.Config) (*mailer, error) {
	s := d.SMTP
	opts := []mail.Option{mail.WithPort(s.Port), mail.WithTimeout(30 * time.Second)}
	if tc != nil {
		tc = tc.Clone()
		if tc.ServerName == "" {
			tc.ServerName = s.Host // go-mail sets it only on its own configuration
		}
		opts = append(opts, mail.WithTLSConfig(tc))
	}
	switch s.TLS {
	case "tls":
		opts = append(opts, mail.WithSSL())
	case "none":
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	}
	if s.Username != "" {
		password := strings.TrimSpace(getenv(s.PasswordEnv))
		if password == "" {
			return nil, fmt.Errorf("digests.smtp.password_env: the environment variable %s is not set", s.PasswordEnv)
		}
		// The strongest mechanism the server offers; PLAIN only over TLS or to this machine.
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(s.Username), mail.WithPassword(password))
	}
	return &mailer{from: d.From, opts: opts, host: s.Host}, nil
}

func (m *mailer) send(ctx context.Context, to string, dg *Digest) error {
	msg := mail.NewMsg()
	if err := msg.From(m.from); err != nil {
		return err
	}
	if err := msg.To(to); err != nil {
		return err
	}
	msg.Subject(dg.Subject())
	msg.SetDate()
	msg.SetMessageID()
	// RFC 2369, and RFC 8058's one-click POST where the toolkit is on https.
	if err := msg.SetListUnsubscribeOneClick(dg.UnsubscribeURL); err != nil {
		msg.SetListUnsubscribe(dg.UnsubscribeURL)
	}
	msg.SetBodyString(mail.TypeTextPlain, dg.Text())
	html, err := dg.HTML()
	if err != nil {
		return err
	}
	msg.AddAlternativeString(mail.TypeTextHTML, html)
	c, err := mail.NewClient(m.host, m.opts...)
	if err != nil {
		return err
	}
	return c.DialAndSendWithContext(ctx, msg)
}

// deliver sends dg to each of a person's destinations; To names those reached.
func (s *Service) deliver(ctx context.Context, p person, dg *Digest) (Result, error) {
	var res Result
	var failed []error
	try := func(name string, err error) {
		if err != nil {
			failed = append(failed, fmt.Errorf("%s: %w", name, err))
		} else {
			res.To = append(res.To, name)
		}
	}
	if p.d.Email != "" {
		if s.mail == nil { // Check said why
			try("e-mail "+p.d.Email, errors.New("the SMTP server is not configured"))
		} else {
			try("e-mail "+p.d.Email, s.mail.send(ctx, p.d.Email, dg))
		}
	}
	if p.slack != "" {
		try("Slack", s.post(ctx, p.slack, dg.Slack()))
	}
	if p.teams != "" {
		try("Microsoft Teams", s.post(ctx, p.teams, dg.Teams()))
	}
	return res, errors.Join(failed...)
}

// post sends an incoming-webhook message. The URL is a secret: errors never show it.
func (s *Service) post(ctx context.Context, url string, payload any) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return errors.New("the webhook URL is not valid")
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.opt.HTTP.Do(req)
	if err != nil {
		return errs.E("digest.post", errs.Unavailable, "the webhook cannot be reached")
	}
	defer resp.Body.Close()
	said, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("the webhook answered %s: %s", resp.Status, strings.TrimSpace(string(said)))
	}
	return nil
}
