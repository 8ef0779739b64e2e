// Package pdf reads a PDF's text with its structure: headings, paragraphs, lists, footnotes,
// captions and tables kept apart, running headers and page numbers gone.
//
// Poppler's pdftohtml (Debian's poppler-utils) extracts the positioned text, each run with
// its font, in a separate process with its own time and memory limits: a hostile PDF can
// only take that process down. The layout analysis over its output is in layout.go.
// docs/inputs.md records why this engine was chosen.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/repurpose/repurpose/inputs/doc"
)

// maxOutput bounds what is read of a tool's output: text is far smaller than its PDF,
// and a bomb's output stops here.
const maxOutput = 64 << 20

// ErrNoEngine is returned when poppler-utils is not installed.
var ErrNoEngine = errors.New("reading PDFs needs pdftohtml and pdfinfo (Debian package poppler-utils)")

// Available reports whether the PDF engine is installed.
func Available() bool {
	_, err1 := exec.LookPath("pdftohtml")
	_, err2 := exec.LookPath("pdfinfo")
	return err1 == nil && err2 == nil
}

// Read reads a PDF within the limits.
func Read(ctx context.Context, data []byte, limits doc.Limits) (*doc.Document, error) {
	limits = limits.WithDefaults()
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\r \xef\xbb\xbf"), []byte("%PDF-")) && !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, doc.Errorf("this is not really a PDF: it does not begin as one — export it again as PDF")
	}
	if !Available() {
		return nil, ErrNoEngine
	}
	ctx, cancel := context.WithTimeout(ctx, limits.Timeout)
	defer cancel()
	f, err := os.CreateTemp("", "repurpose-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	info, err := runTool(ctx, limits, "pdfinfo", "-enc", "UTF-8", f.Name())
	if err != nil {
		return nil, err
	}
	meta := parseInfo(info)
	pages, _ := strconv.Atoi(meta["Pages"])
	if pages > limits.MaxPages {
		return nil, doc.Errorf("this PDF has %d pages; the limit is %d — split it into smaller documents", pages, limits.MaxPages)
	}
	xml, err := runTool(ctx, limits, "pdftohtml", "-xml", "-i", "-hidden", "-stdout", "-q", "-nodrm", "-enc", "UTF-8", "-l", strconv.Itoa(limits.MaxPages), f.Name())
	if err != nil {
		return nil, err
	}
	d, err := Layout(xml, limits)
	if err != nil {
		return nil, err
	}
	applyInfo(d, meta)
	d.Lang = catalogLang(data)
	if !d.HasText() {
		return nil, doc.Errorf("this PDF is a scan: it has no text to read — upload the document it was made from, or a PDF with selectable text")
	}
	return d, nil
}

// runTool runs a poppler tool under the time limit and an address-space limit, returning
// its standard output.
func runTool(ctx context.Context, limits doc.Limits, name string, args ...string) ([]byte, error) {
	argv := append([]string{name}, args...)
	if prlimit, err := exec.LookPath("prlimit"); err == nil {
		argv = append([]string{prlimit, "--as=" + strconv.FormatInt(limits.MaxMemory, 10), "--"}, argv...)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.WaitDelay = time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, left: 64 << 10}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, tooSlow(limits)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	body, readErr := io.ReadAll(io.LimitReader(out, maxOutput+1))
	if len(body) > maxOutput {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return nil, tooSlow(limits)
	case len(body) > maxOutput:
		return nil, doc.Errorf("this PDF holds more than %d MB of text — split it into smaller documents", maxOutput>>20)
	case readErr != nil:
		return nil, readErr
	case waitErr != nil:
		return nil, toolError(name, waitErr, stderr.String())
	}
	return body, nil
}

func tooSlow(limits doc.Limits) error {
	return doc.Errorf("this PDF took longer than %s to read — it may be damaged or built to be hard to read; export it again, or split it", limits.Timeout)
}

// toolError turns a failed run into a reason a marketer can act on.
func toolError(name string, err error, stderr string) error {
	low := strings.ToLower(stderr)
	switch {
	case strings.Contains(low, "incorrect password") || strings.Contains(low, "encrypt"):
		return doc.Errorf("this PDF is encrypted with a password — save a copy without the password and upload that")
	case strings.Contains(low, "bad_alloc") || strings.Contains(low, "out of memory") || strings.Contains(low, "cannot allocate") || strings.Contains(low, "failed to map"):
		return doc.Errorf("this PDF needs more memory to read than allowed — it may be damaged or built to be hard to read; export it again")
	case strings.Contains(low, "may not be a pdf") || strings.Contains(low, "couldn't find trailer") || strings.Contains(low, "couldn't read xref") || strings.Contains(low, "syntax error"):
		return doc.Errorf("this is not really a PDF, or it is damaged beyond reading — export it again as PDF")
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ProcessState != nil && !exit.ProcessState.Exited() {
		return doc.Errorf("this PDF could not be read within its memory and time budget — it may be damaged; export it again")
	}
	return doc.Errorf("this PDF could not be read (%s) — export it again as PDF", firstLine(stderr, name+" failed"))
}

func firstLine(s, fallback string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return fallback
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s[:min(len(s), 200)]
}

type limitedWriter struct {
	w    io.Writer
	left int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	n := len(p)
	if l.left > 0 {
		k := min(n, l.left)
		l.w.Write(p[:k])
		l.left -= k
	}
	return n, nil
}

// langEntry is the document catalog's /Lang, a language tag in a literal string
// ("/Lang(en-US)"), as it stands uncompressed; a catalog inside a compressed object stream
// is not searched, and the text's own language decides then.
var langEntry = regexp.MustCompile(`/Lang\s*\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3})\)`)

// catalogLang is the language the PDF declares, or "": its primary subtag only ("en" of
// "en-US"), as the tag is often the writing tool's own locale rather than the readers'.
func catalogLang(data []byte) string {
	if m := langEntry.FindSubmatch(data); m != nil {
		primary, _, _ := strings.Cut(string(m[1]), "-")
		return strings.ToLower(primary)
	}
	return ""
}

// parseInfo reads pdfinfo's "Key: value" lines.
func parseInfo(out []byte) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}

// applyInfo takes title and author from the metadata unless they are a tool's placeholder.
func applyInfo(d *doc.Document, meta map[string]string) {
	if t := meta["Title"]; usefulTitle(t) {
		d.Title = t
	}
	if a := meta["Author"]; a != "" {
		d.Author = a
	}
	d.Meta = map[string]string{}
	for _, k := range []string{"Subject", "Keywords", "Creator", "Producer", "CreationDate"} {
		if v := meta[k]; v != "" {
			d.Meta[strings.ToLower(k)] = v
		}
	}
	if n, err := strconv.Atoi(meta["Pages"]); err == nil {
		d.Pages = n
	}
}

// usefulTitle rejects the titles tools leave behind: file names, "Untitled", "Microsoft
// Word - draft.docx", an export tool's marker.
func usefulTitle(t string) bool {
	low := strings.ToLower(strings.TrimSpace(t))
	if len(low) < 4 || strings.Contains(low, "untitled") || strings.HasPrefix(low, "microsoft ") {
		return false
	}
	for _, ext := range []string{".pdf", ".doc", ".docx", ".ppt", ".pptx", ".indd", ".tex", ".dvi"} {
		if strings.HasSuffix(low, ext) {
			return false
		}
	}
	if !strings.Contains(low, " ") && (strings.Contains(low, "-") || strings.Contains(low, "_")) {
		return false // googledoc-ready, draft_v3
	}
	return true
}
