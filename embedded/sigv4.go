package embedded

import (
	"crypto/subtle"
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// maxClockSkew is how far a request's X-Amz-Date may be from now, as in AWS.
const maxClockSkew = 15 * time.Minute

// requireSigV4 answers 403 to every request not signed with AWS Signature Version 4 (the
// Authorization header form the SDKs and the CLI use) by the endpoint's credentials.
// gofakes3 checks no signature, so the AWS SDK's own signer signs the request again over
// the headers the client signed, and the two signatures must match.
func requireSigV4(next http.Handler, creds aws.Credentials) http.Handler {
	signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }) // S3 does not escape twice
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkSigV4(r, signer, creds); err != nil {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusForbidden)
			_ = xml.NewEncoder(w).Encode(struct {
				XMLName xml.Name `xml:"Error"`
				Code    string
				Message string
			}{Code: "AccessDenied", Message: err.Error()})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func checkSigV4(r *http.Request, signer *v4.Signer, creds aws.Credentials) error {
	got := r.Header.Get("Authorization")
	params, ok := strings.CutPrefix(got, "AWS4-HMAC-SHA256 ")
	if !ok {
		return errors.New("sign requests with AWS Signature Version 4, using the access key and secret repurpose up printed")
	}
	field := map[string]string{}
	for _, f := range strings.Split(params, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
		field[k] = v
	}
	scope := strings.Split(field["Credential"], "/") // key/date/region/service/aws4_request
	if len(scope) != 5 || subtle.ConstantTimeCompare([]byte(scope[0]), []byte(creds.AccessKeyID)) != 1 {
		return errors.New("unknown access key: use the one repurpose up printed")
	}
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil || when.Format("20060102") != scope[1] {
		return errors.New("the request has no valid X-Amz-Date")
	}
	if skew := time.Since(when).Abs(); skew > maxClockSkew {
		return errors.New("the request's time is more than 15 minutes from the server's")
	}
	payload := r.Header.Get("X-Amz-Content-Sha256")
	if payload == "" {
		return errors.New("the request has no X-Amz-Content-Sha256")
	}
	// The request as the client signed it: its raw path and query, and the headers it
	// named (host and content-length are the signer's own).
	path, _, _ := strings.Cut(r.RequestURI, "?")
	again := &http.Request{Method: r.Method, Host: r.Host, Header: http.Header{},
		URL: &url.URL{Scheme: "http", Host: r.Host, Opaque: path, RawQuery: r.URL.RawQuery}}
	for _, h := range strings.Split(field["SignedHeaders"], ";") {
		switch h {
		case "host":
		case "content-length":
			again.ContentLength = r.ContentLength
		default:
			again.Header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
		}
	}
	if err := signer.SignHTTP(r.Context(), creds, again, payload, scope[3], scope[2], when); err != nil {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(again.Header.Get("Authorization")), []byte(got)) != 1 {
		return errors.New("the signature does not match: sign with the secret repurpose up printed")
	}
	return nil
}
