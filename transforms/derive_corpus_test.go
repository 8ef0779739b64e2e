package transforms

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/repurpose/repurpose/config"
)

// corpusDocs are the shared corpus's documents (../../shared/corpus), read at test time.
func corpusDocs(t testing.TB) map[string][]byte {
	t.Helper()
	dir := sharedPath(t, "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{}
	for _, f := range files {
		if strings.EqualFold(filepath.Base(f), "README.md") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = data
	}
	if len(docs) == 0 {
		t.Skipf("no documents in %s", dir)
	}
	return docs
}

// testOptions are the options the property and golden tests derive with.
func testOptions(data []byte) Options {
	sum := sha256.Sum256(data)
	return Options{
		Version:       hex.EncodeToString(sum[:]),
		SourceID:      "src-test",
		CampaignName:  "launch",
		PublicPageURL: "https://toolkit.example.com/p/test",
		Campaign: config.Campaign{
			CTA: map[string]string{"awareness": "Read the full whitepaper", "decision": "Talk to our team"},
			UTM: config.UTM{Source: "{channel}", Medium: "social", Campaign: "{campaign}", Content: "{kind}-{ordinal}-{stage}"},
		},
	}
}

// TestDeriveCorpus checks the properties every real document must have.
func TestDeriveCorpus(t *testing.T) {
	for name, data := range corpusDocs(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(name, data, 10<<20)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			// The corpus names its language: cncf-....es.md
			if want := filepath.Ext(strings.TrimSuffix(name, filepath.Ext(name))); doc.Lang != want[1:] {
				t.Errorf("lang %q, want %q", doc.Lang, want[1:])
			}
			for _, d := range Derive(doc, testOptions(data)).Derivatives {
				if d.Locale != doc.Lang {
					t.Fatalf("derivative locale %q, document %q", d.Locale, doc.Lang)
				}
			}
			opt := testOptions(data)
			res := Derive(doc, opt)
			checkResult(t, res, 5)
			first, _ := json.Marshal(res)
			doc2, _ := Parse(name, data, 10<<20)
			again, _ := json.Marshal(Derive(doc2, opt))
			if !bytes.Equal(first, again) {
				t.Error("deriving twice gave different JSON")
			}
		})
	}
}

// checkResult asserts what every derived document must give; short documents may give
// fewer than minSnippets snippets.
func checkResult(t *testing.T, res Result, minSnippets int) {
	t.Helper()
	count := map[string]int{}
	ids := map[string]bool{}
	for _, d := range res.Derivatives {
		count[d.Kind]++
		if ids[d.ID] {
			t.Errorf("duplicate ID %s", d.ID)
		}
		ids[d.ID] = true
		if !strings.Contains(d.Template, LinkSlot) {
			t.Errorf("%s #%d: template has no link slot", d.Kind, d.Ordinal)
		}
		if d.Text != Render(d.Template, d.Backlink) {
			t.Errorf("%s #%d: text is not the template rendered with the backlink", d.Kind, d.Ordinal)
		}
		if d.Length == nil || !d.Length.Valid {
			t.Errorf("%s #%d: not valid: %+v", d.Kind, d.Ordinal, d.Length)
		}
		switch d.Kind {
		case KindTweet, KindSnippet:
			if l := CountX(d.Text); !l.Valid {
				t.Errorf("%s #%d invalid on X (%d): %q", d.Kind, d.Ordinal, l.Weighted, d.Text)
			}
		case KindThread:
			if n := len(d.Parts); n < minThread || n > maxThread {
				t.Errorf("thread has %d posts", n)
			}
			for i, p := range d.Parts {
				if l := CountX(p.Text); !l.Valid || l != p.Length {
					t.Errorf("thread post %d invalid on X (%d): %q", i+1, l.Weighted, p.Text)
				}
			}
		case KindLinkedIn:
			if n := utf8.RuneCountInString(d.Text); n > LimitLinkedIn {
				t.Errorf("linkedin post has %d characters", n)
			}
		case KindBlog:
			if n := utf8.RuneCountInString(d.Blog.MetaDescription); n > metaDescChars || n == 0 {
				t.Errorf("meta description has %d characters", n)
			}
			if n := len(d.Blog.Takeaways); n < minTakeaways || n > maxTakeaways {
				t.Errorf("blog has %d takeaways", n)
			}
		}
	}
	for kind, min := range map[string]int{KindTweet: 1, KindThread: 1, KindLinkedIn: 1, KindBlog: 1, KindSnippet: minSnippets} {
		if count[kind] < min {
			t.Errorf("%d %s derivatives, want at least %d (skipped: %+v)", count[kind], kind, min, res.Skipped)
		}
	}
}
