package translate

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

const awsTargetPrefix = "AWSShineFrontendService_20170701."

// awsFailure is an error answer in the JSON 1.1 protocol's shape.
type awsFailure struct {
	status int
	typ    string // __type
	msg    string
}

// fakeAWSTranslate speaks Amazon Translate's JSON 1.1 protocol: it asserts
// every request (POST /, X-Amz-Target, Content-Type, a SigV4 Authorization
// for the translate service) and implements ImportTerminology and
// TranslateText, "translating" by upper-casing everything except the terms
// of the terminology named in the request.
type fakeAWSTranslate struct {
	t *testing.T

	mu      sync.Mutex
	terms   map[string][]string // terminology name -> terms (source column)
	imports []awsImport
	texts   []awsTextRequest
	fail    *awsFailure // when set, every request gets this answer
}

type awsImport struct {
	Name            string
	MergeStrategy   string
	Description     string
	TerminologyData struct {
		File           []byte // base64 on the wire; encoding/json decodes it
		Format         string
		Directionality string
	}
	CSV [][]string `json:"-"`
}

type awsTextRequest struct {
	Text               string
	SourceLanguageCode string
	TargetLanguageCode string
	TerminologyNames   []string
}

func newFakeAWSTranslate(t *testing.T) (*fakeAWSTranslate, *httptest.Server) {
	f := &fakeAWSTranslate{t: t, terms: map[string][]string{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeAWSTranslate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := f.t
	if r.Method != http.MethodPost || r.URL.Path != "/" {
		t.Errorf("request %s %s, want POST /", r.Method, r.URL.Path)
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-amz-json-1.1" {
		t.Errorf("Content-Type %q, want application/x-amz-json-1.1", r.Header.Get("Content-Type"))
	}
	auth := r.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential=AKIDTEST/") ||
		!strings.Contains(auth, "/us-east-1/translate/aws4_request") ||
		!strings.Contains(auth, "SignedHeaders=") || !strings.Contains(auth, "Signature=") {
		t.Errorf("Authorization %q is not a SigV4 signature for translate in us-east-1", auth)
	}
	if r.Header.Get("X-Amz-Date") == "" {
		t.Error("X-Amz-Date missing")
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		awsReply(w, f.fail.status, map[string]string{"__type": f.fail.typ, "message": f.fail.msg})
		return
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields() // only the documented members
	switch target := r.Header.Get("X-Amz-Target"); target {
	case awsTargetPrefix + "ImportTerminology":
		var in awsImport
		if err := dec.Decode(&in); err != nil {
			t.Errorf("ImportTerminology body: %v", err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(in.TerminologyData.File))).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Errorf("terminology CSV %q: %v", in.TerminologyData.File, err)
			awsReply(w, 400, map[string]string{"__type": "InvalidParameterValueException", "message": "bad CSV"})
			return
		}
		in.CSV = rows
		f.imports = append(f.imports, in)
		var terms []string
		for _, row := range rows[1:] {
			terms = append(terms, row[0])
		}
		f.terms[in.Name] = terms
		awsReply(w, 200, map[string]any{"TerminologyProperties": map[string]any{
			"Name": in.Name, "SourceLanguageCode": rows[0][0], "TargetLanguageCodes": rows[0][1:], "TermCount": len(terms),
		}})
	case awsTargetPrefix + "TranslateText":
		var in awsTextRequest
		if err := dec.Decode(&in); err != nil {
			t.Errorf("TranslateText body: %v", err)
		}
		if in.Text == "" || in.SourceLanguageCode == "" || in.TargetLanguageCode == "" {
			t.Errorf("TranslateText without a required member: %+v", in)
		}
		f.texts = append(f.texts, in)
		var keep []string
		var applied []map[string]any
		for _, name := range in.TerminologyNames {
			terms, ok := f.terms[name]
			if !ok {
				awsReply(w, 400, map[string]string{"__type": "ResourceNotFoundException", "message": "terminology " + name + " not found"})
				return
			}
			keep = append(keep, terms...)
			var used []map[string]string
			for _, k := range terms {
				if strings.Contains(in.Text, k) {
					used = append(used, map[string]string{"SourceText": k, "TargetText": k})
				}
			}
			applied = append(applied, map[string]any{"Name": name, "Terms": used})
		}
		slices.SortFunc(keep, func(a, b string) int { return len(b) - len(a) })
		awsReply(w, 200, map[string]any{
			"TranslatedText":       upperExcept(in.Text, keep),
			"SourceLanguageCode":   in.SourceLanguageCode,
			"TargetLanguageCode":   in.TargetLanguageCode,
			"AppliedTerminologies": applied,
		})
	default:
		t.Errorf("X-Amz-Target %q", target)
		awsReply(w, 400, map[string]string{"__type": "UnknownOperationException"})
	}
}

func awsReply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// upperExcept upper-cases s except for occurrences of keep (longest first).
func upperExcept(s string, keep []string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := ""
		for _, k := range keep {
			if strings.HasPrefix(s[i:], k) {
				matched = k
				break
			}
		}
		if matched != "" {
			b.WriteString(matched)
			i += len(matched)
			continue
		}
		b.WriteString(strings.ToUpper(s[i : i+1]))
		i++
	}
	return b.String()
}

// testAWSConfig builds the config by hand — static credentials, one attempt
// so error mapping is seen directly — instead of LoadDefaultConfig, which
// would read the machine's environment and AWS_CA_BUNDLE.
func testAWSConfig(t *testing.T, srv *httptest.Server) aws.Config {
	t.Setenv("AWS_CA_BUNDLE", "")
	return aws.Config{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDTEST", "SECRETTEST", ""),
		HTTPClient:       srv.Client(),
		RetryMaxAttempts: 1,
	}
}

func TestAWSTranslateTerminologyKeepsTerms(t *testing.T) {
	f, srv := newFakeAWSTranslate(t)
	at := NewAWSTranslate(testAWSConfig(t, srv), srv.URL, "repurpose-brand")
	ctx := context.Background()

	err := at.EnsureTerminology(ctx, "", []string{"Acme Cloud", "Acme", "Acme", " ", "Widgets, Inc."}, "en", []string{"es", "de", "pt-BR", "es", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.imports) != 1 {
		t.Fatalf("%d ImportTerminology calls, want 1", len(f.imports))
	}
	imp := f.imports[0]
	if imp.Name != "repurpose-brand" || imp.MergeStrategy != "OVERWRITE" ||
		imp.TerminologyData.Format != "CSV" || imp.TerminologyData.Directionality != "UNI" {
		t.Errorf("import = %+v", imp)
	}
	wantCSV := "en,es,de,pt\n" +
		"Acme Cloud,Acme Cloud,Acme Cloud,Acme Cloud\n" +
		"Acme,Acme,Acme,Acme\n" +
		`"Widgets, Inc.","Widgets, Inc.","Widgets, Inc.","Widgets, Inc."` + "\n"
	if got := string(imp.TerminologyData.File); got != wantCSV {
		t.Errorf("terminology CSV\n%s\nwant\n%s", got, wantCSV)
	}

	res, err := at.Translate(ctx, Request{
		Texts:  []string{"Acme Cloud makes deploys boring.\nTry Acme today.", "", "No brand here."},
		Source: "en",
		Target: "pt-BR",
		Keep:   []string{"Acme", "Acme Cloud"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Acme Cloud MAKES DEPLOYS BORING.\nTRY Acme TODAY.", "", "NO BRAND HERE."}
	if !slices.Equal(res.Texts, want) {
		t.Errorf("texts = %q, want %q", res.Texts, want)
	}
	if len(f.texts) != 2 {
		t.Fatalf("%d TranslateText calls, want 2 (blank text skipped)", len(f.texts))
	}
	first, second := f.texts[0], f.texts[1]
	if first.Text != "Acme Cloud makes deploys boring.\nTry Acme today." || first.SourceLanguageCode != "en" || first.TargetLanguageCode != "pt" {
		t.Errorf("first TranslateText = %+v", first)
	}
	if !slices.Equal(first.TerminologyNames, []string{"repurpose-brand"}) {
		t.Errorf("TerminologyNames = %q, want the brand terminology where kept terms occur", first.TerminologyNames)
	}
	if second.TerminologyNames != nil {
		t.Errorf("TerminologyNames = %q for a text without kept terms, want none", second.TerminologyNames)
	}
}

func TestAWSTranslateLostTermIsPermanent(t *testing.T) {
	_, srv := newFakeAWSTranslate(t)
	at := NewAWSTranslate(testAWSConfig(t, srv), srv.URL, "") // no terminology: nothing protects Globex
	_, err := at.Translate(context.Background(), Request{Texts: []string{"Globex rocks"}, Source: "en", Target: "es", Keep: []string{"Globex"}})
	if !IsPermanent(err) || !strings.Contains(err.Error(), `"Globex"`) {
		t.Errorf("err = %v, want a permanent error naming the lost term", err)
	}
}

func TestAWSTranslateErrors(t *testing.T) {
	cases := []struct {
		fail      awsFailure
		permanent bool
		limited   bool
	}{
		{fail: awsFailure{400, "ThrottlingException", "Rate exceeded"}, limited: true},
		{fail: awsFailure{400, "com.amazonaws.translate#TooManyRequestsException", "Too many requests"}, limited: true},
		{fail: awsFailure{400, "UnsupportedLanguagePairException", "Unsupported language pair: en to xx."}, permanent: true},
		{fail: awsFailure{400, "ValidationException", "1 validation error detected"}, permanent: true},
		{fail: awsFailure{400, "DetectedLanguageLowConfidenceException", "Language detection confidence is low"}, permanent: true},
		{fail: awsFailure{400, "TextSizeLimitExceededException", "Input text size exceeds limit"}, permanent: true},
		{fail: awsFailure{403, "AccessDeniedException", "User is not authorized to perform: translate:TranslateText"}, permanent: true},
		{fail: awsFailure{500, "InternalServerException", "Internal error"}},
		{fail: awsFailure{503, "ServiceUnavailableException", "Service unavailable"}},
	}
	for _, tc := range cases {
		t.Run(tc.fail.typ, func(t *testing.T) {
			f, srv := newFakeAWSTranslate(t)
			f.fail = &tc.fail
			at := NewAWSTranslate(testAWSConfig(t, srv), srv.URL, "")
			_, err := at.Translate(context.Background(), Request{Texts: []string{"hello"}, Source: "en", Target: "xx"})
			if err == nil {
				t.Fatal("no error")
			}
			if IsPermanent(err) != tc.permanent {
				t.Errorf("IsPermanent = %v, want %v (%v)", IsPermanent(err), tc.permanent, err)
			}
			after, limited := RetryAfter(err)
			if limited != tc.limited || (limited && after != awsDefaultRetryAfter) {
				t.Errorf("RetryAfter = %v, %v; want limited %v (%v)", after, limited, tc.limited, err)
			}
			if IsFailure(err) == tc.limited {
				t.Errorf("IsFailure = %v for %v", IsFailure(err), err)
			}
			if !strings.Contains(err.Error(), tc.fail.msg) {
				t.Errorf("error %q lacks the service's message %q", err, tc.fail.msg)
			}
			var e *Error
			if !tc.limited && (!errors.As(err, &e) || e.Status != tc.fail.status) {
				t.Errorf("error %v: want *Error with Status %d", err, tc.fail.status)
			}
		})
	}
}

func TestAWSEnsureTerminologyErrors(t *testing.T) {
	f, srv := newFakeAWSTranslate(t)
	at := NewAWSTranslate(testAWSConfig(t, srv), srv.URL, "brand")
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"no terms":   func() error { return at.EnsureTerminology(ctx, "", []string{" "}, "en", []string{"es"}) },
		"no targets": func() error { return at.EnsureTerminology(ctx, "", []string{"Acme"}, "en", []string{"en"}) },
		"auto":       func() error { return at.EnsureTerminology(ctx, "", []string{"Acme"}, "auto", []string{"es"}) },
	} {
		if err := call(); !IsPermanent(err) {
			t.Errorf("%s: err = %v, want permanent", name, err)
		}
	}
	if len(f.imports) != 0 {
		t.Errorf("invalid input reached the service: %+v", f.imports)
	}
	f.fail = &awsFailure{400, "LimitExceededException", "Terminology limit exceeded"}
	if err := at.EnsureTerminology(ctx, "", []string{"Acme"}, "en", []string{"es"}); !IsPermanent(err) || !strings.Contains(err.Error(), "limit exceeded") {
		t.Errorf("LimitExceededException: err = %v, want permanent with the message", err)
	}
}

func TestAWSTranslateNetworkError(t *testing.T) {
	_, srv := newFakeAWSTranslate(t)
	cfg := testAWSConfig(t, srv)
	url := srv.URL
	srv.Close()
	_, err := NewAWSTranslate(cfg, url, "").Translate(context.Background(), Request{Texts: []string{"hi"}, Source: "en", Target: "es"})
	if err == nil || IsPermanent(err) || !IsFailure(err) {
		t.Errorf("err = %v, want a transient failure", err)
	}
}
