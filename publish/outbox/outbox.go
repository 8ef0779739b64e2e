// Package outbox is the publisher of type "outbox": each post as files in an S3
// bucket, for a CMS or a person to pick up.
// It registers itself with publish; see package publish for the layout.
package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/repurpose/repurpose/derive"

	"github.com/repurpose/repurpose/publish"
)

// The outbox writes each post as files in a bucket, for a CMS or a person to pick up:
// {prefix}{region}/{channel}/{YYYY-MM-DD}/{HHMM}-{id}.json (the date and time of the
// plan, UTC), beside a blog teaser its Markdown with front matter, and beside any post
// the files it carries, {HHMM}-{id}-{name}, which its JSON lists under "media". The key is the
// post's own, so writing it again is the same file: retries are safe.
func init() {
	publish.Register(publish.Spec{
		Type:    "outbox",
		Summary: "writes each post as JSON (and a blog teaser as Markdown) into an S3 bucket, per region, channel and date",
		Fields: []publish.Field{
			{Name: "bucket", Required: true, Doc: "the bucket the files go to"},
			{Name: "prefix", Doc: `the folder inside it, default "outbox/"`},
		},
		New: newOutbox,
	})
}

type outbox struct {
	objects              publish.ObjectWriter
	name, bucket, prefix string
}

func newOutbox(a *publish.Account) (publish.Publisher, error) {
	if a.Objects() == nil {
		return nil, fmt.Errorf("accounts.%s: the outbox needs the S3 store", a.Name)
	}
	prefix := a.Get("prefix")
	if prefix == "" {
		prefix = "outbox/"
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return &outbox{objects: a.Objects(), name: a.Name, bucket: a.Get("bucket"), prefix: strings.TrimPrefix(prefix, "/")}, nil
}

func (*outbox) Idempotent() {}

// Check finds a bucket that does not exist at start, rather than in every post waiting on it.
func (o *outbox) Check(ctx context.Context) error {
	b, ok := o.objects.(interface {
		Ping(ctx context.Context, bucket string) error
	})
	if !ok {
		return nil
	}
	if err := b.Ping(ctx, o.bucket); err != nil {
		return fmt.Errorf("accounts.%s.bucket: cannot reach s3://%s (create the bucket, or name one that exists): %w", o.name, o.bucket, err)
	}
	return nil
}

// outboxFile is what the JSON file holds.
type outboxFile struct {
	*publish.Post
	Blog  *derive.BlogTeaser `json:"blog,omitempty"`
	Media []outboxMedia      `json:"media,omitempty"`
}

// outboxMedia describes a file the post carries and names its key, beside the JSON.
type outboxMedia struct {
	publish.Media
	File string `json:"file"`
}

// outboxMediaRules: the outbox takes whatever a post carries.
var outboxMediaRules = publish.MediaRules{Channel: "the outbox", Kinds: map[string]int{publish.MediaCard: 4, publish.MediaCarousel: 1, publish.MediaPreview: 1}, MaxImage: publish.MaxImageBytes}

func (o *outbox) Publish(ctx context.Context, p *publish.Post) (publish.Result, error) {
	if err := publish.CheckMedia(p, outboxMediaRules); err != nil {
		return publish.Result{}, err
	}
	at := p.At.UTC()
	base := fmt.Sprintf("%s%s/%s/%s/%s-%s", o.prefix, p.Region, p.Channel, at.Format("2006-01-02"), at.Format("1504"), p.ID)
	file := outboxFile{Post: p, Blog: p.Blog}
	// The files go first: a reader that sees the JSON finds everything it names.
	for _, m := range p.Media {
		key := base + "-" + m.Name
		if err := o.put(ctx, key, m.Bytes, m.ContentType); err != nil {
			return publish.Result{}, err
		}
		file.Media = append(file.Media, outboxMedia{Media: m, File: key})
	}
	body, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return publish.Result{}, &publish.Error{Kind: publish.Refused, Msg: err.Error(), Err: err}
	}
	if p.Blog != nil {
		if err := o.put(ctx, base+".md", []byte(blogMarkdown(p)), "text/markdown; charset=utf-8"); err != nil {
			return publish.Result{}, err
		}
	}
	if err := o.put(ctx, base+".json", body, "application/json"); err != nil {
		return publish.Result{}, err
	}
	return publish.Result{RemoteID: base + ".json", URL: "s3://" + o.bucket + "/" + base + ".json"}, nil
}

func (o *outbox) put(ctx context.Context, key string, body []byte, ct string) error {
	if _, err := o.objects.Put(ctx, o.bucket, key, body, ct); err != nil {
		return &publish.Error{Kind: publish.Later, Msg: fmt.Sprintf("cannot write s3://%s/%s: %s", o.bucket, key, publish.Excerpt(err.Error())), Err: err}
	}
	return nil
}

// blogMarkdown is the teaser as a CMS takes it: YAML front matter, then the Markdown.
func blogMarkdown(p *publish.Post) string {
	b := p.Blog
	q := func(s string) string { v, _ := json.Marshal(s); return string(v) } // JSON strings are YAML strings
	var sb strings.Builder
	sb.WriteString("---\n")
	fmt.Fprintf(&sb, "title: %s\nslug: %s\ndate: %s\ndescription: %s\n", q(b.Title), q(b.Slug), p.At.UTC().Format("2006-01-02T15:04:05Z"), q(b.MetaDescription))
	if len(b.Keywords) > 0 {
		ks := make([]string, len(b.Keywords))
		for i, k := range b.Keywords {
			ks[i] = q(k)
		}
		fmt.Fprintf(&sb, "keywords: [%s]\n", strings.Join(ks, ", "))
	}
	if p.Page != "" {
		fmt.Fprintf(&sb, "canonical: %s\n", q(p.Page))
	}
	fmt.Fprintf(&sb, "lang: %s\n---\n\n%s\n", q(p.Locale), strings.TrimSpace(b.Markdown))
	return sb.String()
}
