package pages

import (
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/repurpose/repurpose/inputs"
	"github.com/repurpose/repurpose/tasks"
	"github.com/repurpose/repurpose/web/httpx"
)

// The upload page puts files into the inbox, as `aws s3 cp` would, and queues them at
// once rather than waiting for the S3 event or the scan (the TaskID makes those no-ops).

// uploadAccept is what the file picker offers: the formats parse reads.
var uploadAccept = strings.Join(inputs.Extensions, ",")

// maxUploadFiles bounds one request, so its size is bounded too.
const maxUploadFiles = 20

// UploadReadTimeout is how long the upload page may take to receive its files and answer,
// beyond the server's read and write timeouts: up to maxUploadFiles large documents over
// a slow line. Only a signed-in reviewer gets this far.
const UploadReadTimeout = 10 * time.Minute

// UploadResult is what became of one uploaded file (the upload page shows it; app.js
// reads it as JSON).
type UploadResult struct {
	Name     string `json:"name"`
	OK       bool   `json:"ok"`
	SourceID string `json:"source_id,omitempty"`
	Error    string `json:"error,omitempty"`
}

// Upload puts the files into the inbox and queues them.
func (pg *Review) Upload(w http.ResponseWriter, r *http.Request, p *httpx.Principal) {
	limit := pg.cfg.File.Limits.MaxObjectBytes
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(UploadReadTimeout)) // not every ResponseWriter has deadlines
	_ = rc.SetWriteDeadline(time.Now().Add(UploadReadTimeout))
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadFiles*(limit+64<<10))
	var results []UploadResult
	mr, err := r.MultipartReader()
	if err != nil {
		results = append(results, UploadResult{Error: "send the files as multipart/form-data in a field named files"})
	}
	for mr != nil {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			results = append(results, UploadResult{Error: fmt.Sprintf("the upload was cut off or is larger than %d files of %d MiB", maxUploadFiles, limit>>20)})
			break
		}
		if part.FormName() != "files" || part.FileName() == "" {
			continue
		}
		if len(results) == maxUploadFiles {
			results = append(results, UploadResult{Name: part.FileName(), Error: fmt.Sprintf("at most %d files at once", maxUploadFiles)})
			break
		}
		results = append(results, pg.uploadOne(r, part, limit, p.Name))
	}
	status := http.StatusOK
	if len(results) == 0 {
		results = append(results, UploadResult{Error: "choose at least one file"})
	}
	if slices.ContainsFunc(results, func(u UploadResult) bool { return !u.OK }) {
		status = http.StatusBadRequest
	}
	if strings.Contains(r.Header.Get("Accept"), "application/json") { // app.js, one request per file
		httpx.WriteJSON(w, status, map[string]any{"files": results})
		return
	}
	pg.renderSources(w, r, p, status, results)
}

func (pg *Review) uploadOne(r *http.Request, part *multipart.Part, limit int64, by string) UploadResult {
	raw := part.FileName()
	name, reason := inboxName(raw)
	res := UploadResult{Name: raw}
	if reason != "" {
		res.Error = reason
		return res
	}
	body, err := io.ReadAll(io.LimitReader(part, limit+1))
	switch {
	case err != nil:
		res.Error = "the upload was cut off; try again"
		return res
	case len(body) == 0:
		res.Error = name + " is empty"
		return res
	case int64(len(body)) > limit:
		res.Error = fmt.Sprintf("%s is larger than the %d MiB limit", name, limit>>20)
		return res
	}
	ctx := r.Context()
	key := pg.cfg.Infra.Inbox.Prefix + name
	etag, err := pg.tk.S3().PutMeta(ctx, pg.cfg.Infra.Inbox.Bucket, key, body, inputs.ContentType(name), map[string]string{"uploaded-by": by})
	if err == nil {
		_, err = pg.tk.Record().Intake().Queue(ctx, tasks.Ingest{Bucket: pg.cfg.Infra.Inbox.Bucket, Key: key, ETag: etag, Size: int64(len(body))})
	}
	if err != nil {
		_, _, res.Error = pg.Classify(r, err)
		return res
	}
	res.OK, res.SourceID = true, tasks.SourceID(pg.cfg.Infra.Inbox.Bucket, key)
	return res
}

// inboxName is the key an uploaded file gets under the inbox prefix: its base name, as
// browsers may send a path. It says why when the name cannot be used.
func inboxName(raw string) (string, string) {
	name := path.Base(strings.ReplaceAll(raw, `\`, "/"))
	switch {
	case name == "." || name == "/" || strings.HasPrefix(name, ".") || len(name) > 200 ||
		strings.ContainsFunc(name, unicode.IsControl):
		return "", fmt.Sprintf("%q is not a usable file name", raw)
	case !slices.Contains(strings.Split(uploadAccept, ","), strings.ToLower(path.Ext(name))):
		return "", fmt.Sprintf("%s: only %s files can be uploaded", name, strings.ReplaceAll(uploadAccept, ",", " "))
	}
	return name, ""
}
