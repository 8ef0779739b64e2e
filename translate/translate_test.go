package translate

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"
)

type stubProvider struct{ calls int }

func (s *stubProvider) Name() string { return "stub" }
func (s *stubProvider) Translate(ctx context.Context, req Request) (Result, error) {
	s.calls++
	return Result{Texts: req.Texts}, nil
}

func TestRunWithoutProviderIsHumanOnly(t *testing.T) {
	_, err := Run(context.Background(), nil, Request{Texts: []string{"hi"}, Source: "en", Target: "es"})
	if !errors.Is(err, ErrHumanOnly) || !IsPermanent(err) || !IsFailure(err) {
		t.Errorf("err = %v, want ErrHumanOnly (permanent)", err)
	}
	p := &stubProvider{}
	if _, err := Run(context.Background(), p, Request{Texts: []string{"hi"}}); err != nil || p.calls != 1 {
		t.Errorf("Run did not delegate: %v, %d calls", err, p.calls)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{now.Add(45 * time.Second).Format(http.TimeFormat), 45 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"", 0, false},
		{"-5", 0, false},
		{"soon", 0, false},
	} {
		got, ok := parseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestLinesRoundTrip(t *testing.T) {
	texts := []string{"  one\r\ntwo  \r\n\r\n", "", "three"}
	lines, segs, q := splitLines(texts)
	if !slices.Equal(q, []string{"one", "two", "three"}) {
		t.Fatalf("q = %q", q)
	}
	got := joinLines(lines, segs, []string{"uno", "dos", "tres"})
	want := []string{"  uno\r\ndos  \r\n\r\n", "", "tres"}
	if !slices.Equal(got, want) {
		t.Errorf("joined = %q, want %q", got, want)
	}
}

func TestLanguageCodes(t *testing.T) {
	for _, tc := range []struct{ tag, aws, libre string }{
		{"en", "en", "en"},
		{"de-DE", "de", "de"},
		{"pt-BR", "pt", "pb"},
		{"pt_PT", "pt-PT", "pt"},
		{"zh-Hant", "zh-TW", "zt"},
		{"zh-Hans", "zh", "zh"},
		{"fr-CA", "fr-CA", "fr"},
		{"JA", "ja", "ja"},
	} {
		if got := awsLang(tc.tag); got != tc.aws {
			t.Errorf("awsLang(%q) = %q, want %q", tc.tag, got, tc.aws)
		}
		if got := libreLang(tc.tag); got != tc.libre {
			t.Errorf("libreLang(%q) = %q, want %q", tc.tag, got, tc.libre)
		}
	}
}
