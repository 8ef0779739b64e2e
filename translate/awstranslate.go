package translate

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awstranslate "github.com/aws/aws-sdk-go-v2/service/translate"
	"github.com/aws/aws-sdk-go-v2/service/translate/types"
	"github.com/aws/smithy-go"
)

// AWSTranslate is a Provider backed by Amazon Translate's TranslateText.
// Kept terms are protected by a custom terminology that maps each term to
// itself in every target language; EnsureTerminology imports it.
type AWSTranslate struct {
	client      *awstranslate.Client
	terminology string // name of the custom terminology holding the kept terms; "" for none
}

// NewAWSTranslate returns a provider using cfg (region, credentials, HTTP
// client, retries). endpoint, when not empty, replaces the service endpoint
// (a VPC endpoint, or a local server in tests). terminology names the custom
// terminology applied to texts containing kept terms; "" applies none, and
// kept terms are then only checked, not protected.
func NewAWSTranslate(cfg aws.Config, endpoint, terminology string) *AWSTranslate {
	client := awstranslate.NewFromConfig(cfg, func(o *awstranslate.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	return &AWSTranslate{client: client, terminology: terminology}
}

// Name implements Provider.
func (a *AWSTranslate) Name() string { return "aws" }

// Translate implements Provider with one TranslateText call per non-blank
// text (the API takes one text per call), in order, stopping at the first
// error.
func (a *AWSTranslate) Translate(ctx context.Context, req Request) (Result, error) {
	req, err := prepare(a.Name(), req)
	if err != nil {
		return Result{}, err
	}
	out := append([]string(nil), req.Texts...)
	if sameLanguage(req.Source, req.Target) {
		return Result{Texts: out}, nil
	}
	src, tgt := awsLang(req.Source), awsLang(req.Target)
	for i, text := range req.Texts {
		if strings.TrimSpace(text) == "" {
			continue // the API rejects empty text; there is nothing to translate
		}
		in := &awstranslate.TranslateTextInput{
			Text:               aws.String(text),
			SourceLanguageCode: aws.String(src),
			TargetLanguageCode: aws.String(tgt),
		}
		// Only where a kept term occurs: a terminology is one more thing
		// that can fail (deleted, wrong source language) and adds nothing
		// elsewhere.
		if a.terminology != "" && containsAny([]string{text}, req.Keep) {
			in.TerminologyNames = []string{a.terminology}
		}
		res, err := a.client.TranslateText(ctx, in)
		if err != nil {
			return Result{}, a.classify("translate", err)
		}
		out[i] = aws.ToString(res.TranslatedText)
	}
	if err := checkKept(a.Name(), req.Keep, req.Texts, out); err != nil {
		return Result{}, err
	}
	return Result{Texts: out}, nil
}

// EnsureTerminology imports (or replaces: MergeStrategy OVERWRITE) the custom
// terminology name so that every term stays untranslated from sourceLang into
// each of targets. name "" means the provider's own terminology. It is
// idempotent; call it whenever the brand terms or the regions' locales
// change.
//
// The CSV has one column per language, source first (header "en,es,de"),
// and every row repeats the term in each column: translating a term to
// itself is how a terminology keeps it.
func (a *AWSTranslate) EnsureTerminology(ctx context.Context, name string, terms []string, sourceLang string, targets []string) error {
	if name == "" {
		name = a.terminology
	}
	fail := func(msg string) error {
		return &Error{Op: "import terminology", Provider: a.Name(), Kind: KindPermanent, Msg: msg}
	}
	if name == "" {
		return fail("no terminology name")
	}
	src := awsLang(sourceLang)
	if src == "" || src == "auto" {
		return fail("a terminology needs an explicit source language")
	}
	header := []string{src}
	seenLang := map[string]bool{src: true}
	for _, t := range targets {
		if c := awsLang(t); c != "" && !seenLang[c] {
			seenLang[c] = true
			header = append(header, c)
		}
	}
	if len(header) < 2 {
		return fail("no target languages besides the source")
	}

	var buf bytes.Buffer
	w := csv.NewWriter(&buf) // quotes terms containing commas or quotes
	rows := 0
	_ = w.Write(header)
	seenTerm := map[string]bool{}
	for _, term := range terms {
		if strings.TrimSpace(term) == "" || seenTerm[term] {
			continue
		}
		seenTerm[term] = true
		row := make([]string, len(header))
		for i := range row {
			row[i] = term
		}
		_ = w.Write(row)
		rows++
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return &Error{Op: "import terminology", Provider: a.Name(), Kind: KindPermanent, Msg: "encode CSV", Err: err}
	}
	if rows == 0 {
		return fail("no terms")
	}

	_, err := a.client.ImportTerminology(ctx, &awstranslate.ImportTerminologyInput{
		Name:          aws.String(name),
		MergeStrategy: types.MergeStrategyOverwrite,
		Description:   aws.String("Names kept untranslated (managed by repurpose)"),
		TerminologyData: &types.TerminologyData{
			File:           buf.Bytes(),
			Format:         types.TerminologyDataFormatCsv,
			Directionality: types.DirectionalityUni,
		},
	})
	if err != nil {
		return a.classify("import terminology", err)
	}
	return nil
}

// awsDefaultRetryAfter applies to throttling, which Amazon Translate signals
// without a Retry-After header. The SDK's own retryer has already backed off
// by the time we see it.
const awsDefaultRetryAfter = 5 * time.Second

// classify maps an SDK error to this package's kinds, in one place.
func (a *AWSTranslate) classify(op string, err error) error {
	e := &Error{Op: op, Provider: a.Name(), Kind: KindTransient, Err: err}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		e.Status = re.HTTPStatusCode()
	}
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		return e // no answer from the service: network trouble, a cancelled ctx
	}
	e.Code, e.Msg = ae.ErrorCode(), ae.ErrorMessage()
	switch e.Code {
	case "ThrottlingException", "TooManyRequestsException", "ThrottledException", "RequestLimitExceeded":
		after := awsDefaultRetryAfter
		if re != nil && re.Response != nil {
			if d, ok := parseRetryAfter(re.Response.Header.Get("Retry-After"), time.Now()); ok {
				after = d
			}
		}
		return &RetryLater{Provider: a.Name(), After: after, Msg: fmt.Sprintf("%s: %s", e.Code, e.Msg)}
	case "UnsupportedLanguagePairException", "ValidationException", "DetectedLanguageLowConfidenceException",
		"InvalidRequestException", "InvalidParameterValueException", "TextSizeLimitExceededException",
		"ResourceNotFoundException", "LimitExceededException", "UnsupportedDisplayLanguageCodeException",
		"AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
		"IncompleteSignature", "InvalidClientTokenId", "MissingAuthenticationToken":
		e.Kind = KindPermanent
	}
	return e
}

// awsLang maps a BCP 47 tag to Amazon Translate's codes: the primary subtag,
// except for the regional variants it supports, Brazilian Portuguese (its
// "pt") and the two Chinese scripts.
func awsLang(tag string) string {
	switch canonical(tag) {
	case "pt-br":
		return "pt"
	case "pt-pt":
		return "pt-PT"
	case "fr-ca":
		return "fr-CA"
	case "es-mx":
		return "es-MX"
	case "zh-hans", "zh-cn", "zh-sg":
		return "zh"
	case "zh-hant", "zh-tw", "zh-hk", "zh-mo":
		return "zh-TW"
	}
	return primary(tag)
}

var _ Provider = (*AWSTranslate)(nil)
