package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // cards and logos may be JPEG
	_ "image/png"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"unicode/utf8"
)

// Kinds of media a post carries (the derivative's media kinds).
const (
	// MediaCard is an image shown with the post (a stat, quote or title card).
	MediaCard = "card"
	// MediaCarousel is a PDF of slides, posted as a LinkedIn document.
	MediaCarousel = "carousel"
	// MediaPreview is the link preview's thumbnail (the Open Graph image).
	MediaPreview = "og"
)

// Bounds on what a post may carry, whatever the channel; each channel's own are tighter.
const (
	maxMediaPerPost = 4
	MaxImageBytes   = 5 << 20  // X's limit for images, the lowest but Bluesky's
	maxPDFBytes     = 20 << 20 // a carousel of 10 slides is well under 1 MB
	maxAltRunes     = 1000     // X's alt text limit, the lowest
	maxTitleRunes   = 200
)

// Media is one file a post carries. Bytes are the file itself; the JSON form (outbox,
// webhook) describes it and the files travel beside it.
type Media struct {
	Kind        string `json:"kind"`
	Name        string `json:"name"` // the file's name, like {sha256}.png
	ContentType string `json:"content_type"`
	// Alt says what the image says, in the post's language (required for cards).
	Alt string `json:"alt,omitempty"`
	// Title is a carousel document's title (LinkedIn shows it above the slides), or a
	// link preview's page title; Description is a link preview's page description.
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Width       int    `json:"width,omitempty"`
	Height      int    `json:"height,omitempty"`
	SHA256      string `json:"sha256"`
	// URL is the file's public address, for channels that fetch media themselves
	// (Threads) and for webhook receivers.
	URL   string `json:"url,omitempty"`
	Bytes []byte `json:"-"`
}

// MediaRules is what one channel takes: how many of each kind, and the largest image
// in bytes; Channel names it in messages.
type MediaRules struct {
	Channel  string
	Kinds    map[string]int
	MaxImage int
}

// FirstMedia is the first medium of kind (nil for none).
func FirstMedia(ms []Media, kind string) *Media {
	for i := range ms {
		if ms[i].Kind == kind {
			return &ms[i]
		}
	}
	return nil
}

// CheckMedia refuses, before anything is sent, media the channel cannot take or that
// is not what it says: unknown kinds, too many, too large, a file whose bytes are not
// its content type, a card without alt text. It fills in the SHA-256 and an image's
// size when they are missing.
func CheckMedia(p *Post, rules MediaRules) error {
	if len(p.Media) > maxMediaPerPost {
		return &Error{Kind: Refused, Msg: fmt.Sprintf("a post carries at most %d files, this one %d", maxMediaPerPost, len(p.Media))}
	}
	counts := map[string]int{}
	for i := range p.Media {
		m := &p.Media[i]
		refuse := func(format string, args ...any) error {
			return &Error{Kind: Refused, Msg: fmt.Sprintf("media %d (%s %s): ", i+1, m.Kind, m.Name) + fmt.Sprintf(format, args...)}
		}
		limit, ok := rules.Kinds[m.Kind]
		switch {
		case m.Kind != MediaCard && m.Kind != MediaCarousel && m.Kind != MediaPreview:
			return refuse("%q is not a kind of media (card, carousel or og)", m.Kind)
		case !ok:
			return refuse("%s cannot take a %s", rules.Channel, mediaKindName(m.Kind))
		}
		if counts[m.Kind]++; counts[m.Kind] > limit {
			return refuse("%s takes at most %d %s per post", rules.Channel, limit, mediaKindName(m.Kind))
		}
		if len(m.Bytes) == 0 {
			return refuse("the file is empty")
		}
		sniffed := http.DetectContentType(m.Bytes)
		if m.Kind == MediaCarousel {
			if sniffed != "application/pdf" || !strings.HasPrefix(m.ContentType, "application/pdf") {
				return refuse("a carousel is a PDF, this is %s", sniffed)
			}
			if len(m.Bytes) > maxPDFBytes {
				return refuse("the PDF is %d bytes, more than %d", len(m.Bytes), maxPDFBytes)
			}
			if strings.TrimSpace(m.Title) == "" || utf8.RuneCountInString(m.Title) > maxTitleRunes {
				return refuse("a carousel needs a title of at most %d characters", maxTitleRunes)
			}
		} else {
			if sniffed != "image/png" && sniffed != "image/jpeg" || m.ContentType != sniffed {
				return refuse("images are PNG or JPEG and say so; this is %s sent as %q", sniffed, m.ContentType)
			}
			if len(m.Bytes) > rules.MaxImage {
				return refuse("the image is %d bytes; %s takes at most %d", len(m.Bytes), rules.Channel, rules.MaxImage)
			}
			if m.Width == 0 || m.Height == 0 {
				cfg, _, err := image.DecodeConfig(bytes.NewReader(m.Bytes))
				if err != nil {
					return refuse("cannot read the image: %v", err)
				}
				m.Width, m.Height = cfg.Width, cfg.Height
			}
		}
		if m.Kind == MediaCard && strings.TrimSpace(m.Alt) == "" {
			return refuse("a card needs alt text")
		}
		if utf8.RuneCountInString(m.Alt) > maxAltRunes {
			return refuse("the alt text is longer than %d characters", maxAltRunes)
		}
		h := sha256.Sum256(m.Bytes)
		if sum := hex.EncodeToString(h[:]); m.SHA256 == "" {
			m.SHA256 = sum
		} else if m.SHA256 != sum {
			return refuse("the file's SHA-256 is not the one it names")
		}
		if m.Name == "" {
			m.Name = m.SHA256 + MediaExt(m.ContentType)
		}
	}
	return nil
}

func mediaKindName(kind string) string {
	switch kind {
	case MediaCarousel:
		return "carousel (PDF document)"
	case MediaPreview:
		return "link preview image"
	}
	return "card image"
}

// MediaExt is the file extension of a medium's content type.
func MediaExt(contentType string) string {
	switch contentType {
	case "image/jpeg":
		return ".jpg"
	case "application/pdf":
		return ".pdf"
	}
	return ".png"
}

// UploadedBefore is the remote ID of a file an earlier attempt of this post (or this
// attempt) uploaded ("" for none), and Remember records one this attempt did, so that a
// retry attaches it again instead of uploading a second copy.
func (r *Result) UploadedBefore(p *Post, m *Media) string {
	if id := r.Uploaded[m.SHA256]; id != "" {
		return id
	}
	return p.Uploaded[m.SHA256]
}

// Remember records that m was uploaded as id.
func (r *Result) Remember(m *Media, id string) {
	if r.Uploaded == nil {
		r.Uploaded = map[string]string{}
	}
	r.Uploaded[m.SHA256] = id
}

// UploadCards uploads the post's cards in order with upload and returns their IDs.
func UploadCards(p *Post, upload func(m *Media) (string, error)) ([]string, error) {
	var ids []string
	for i := range p.Media {
		if p.Media[i].Kind != MediaCard {
			continue
		}
		id, err := upload(&p.Media[i])
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// FormPart is one part of a multipart/form-data body: a field, or a file when it has
// a file name.
type FormPart struct {
	Name, Filename, ContentType string
	Body                        []byte
}

// FormField is a plain field; FormFile a medium's file.
func FormField(name, value string) FormPart { return FormPart{Name: name, Body: []byte(value)} }

func FormFile(name string, m *Media) FormPart {
	return FormPart{Name: name, Filename: m.Name, ContentType: m.ContentType, Body: m.Bytes}
}

// FormRequest is a POST of parts as multipart/form-data to url; an error is Refused
// (nothing was sent).
func FormRequest(url string, parts ...FormPart) (*http.Request, error) {
	body, ct, err := FormData(parts...)
	if err != nil {
		return nil, &Error{Kind: Refused, Msg: err.Error(), Err: err}
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, &Error{Kind: Refused, Msg: err.Error(), Err: err}
	}
	req.Header.Set("Content-Type", ct)
	return req, nil
}

// FormData is a multipart/form-data body of parts, in order, and its Content-Type.
func FormData(parts ...FormPart) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		disposition := fmt.Sprintf("form-data; name=%q", p.Name)
		if p.Filename != "" {
			disposition += fmt.Sprintf("; filename=%q", p.Filename)
		}
		h.Set("Content-Disposition", disposition)
		if p.ContentType != "" {
			h.Set("Content-Type", p.ContentType)
		}
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		if _, err := part.Write(p.Body); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
