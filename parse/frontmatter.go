package parse

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/repurpose/repurpose/config"
)

// splitFrontMatter separates a leading YAML (---) or TOML (+++) block from the body. An
// opening line with no closing one is a Markdown thematic break, not front matter.
func splitFrontMatter(data []byte) (format string, head, body []byte) {
	var closers []string
	switch {
	case bytes.HasPrefix(data, []byte("---\n")):
		format, closers = "yaml", []string{"---", "..."}
	case bytes.HasPrefix(data, []byte("+++\n")):
		format, closers = "toml", []string{"+++"}
	default:
		return "", nil, data
	}
	rest := data[4:]
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		if end < 0 {
			end = len(rest) - off
		}
		line := strings.TrimRight(string(rest[off:off+end]), " \t")
		if slices.Contains(closers, line) {
			return format, rest[:off], rest[min(off+end+1, len(rest)):]
		}
		off += end + 1
	}
	return "", nil, data
}

// lineRe finds the line number in a YAML or TOML error.
var lineRe = regexp.MustCompile(`line (\d+)`)

// decodeFrontMatter reads the known keys; unknown keys are ignored so authors can keep
// their own (date, slug, categories...).
func decodeFrontMatter(format string, head []byte) (FrontMatter, error) {
	raw := map[string]any{}
	var err error
	if format == "toml" {
		err = toml.Unmarshal(head, &raw)
	} else {
		err = yaml.Unmarshal(head, &raw)
	}
	if err != nil {
		// Count lines from the top of the file: the opening delimiter is line 1.
		msg := lineRe.ReplaceAllStringFunc(err.Error(), func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
			return "line " + strconv.Itoa(n+1)
		})
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, "yaml: "), "toml: ")
		return FrontMatter{}, &InputError{Reason: "the front matter is malformed: " + msg}
	}
	return frontMatterFromMap(raw)
}

// frontMatterFromMap picks the known keys (case-insensitive) out of decoded metadata and
// checks the stage.
func frontMatterFromMap(raw map[string]any) (FrontMatter, error) {
	var fm FrontMatter
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys) // so "Title" vs "title" resolves the same way every time
	get := func(key string) any {
		if v, ok := raw[key]; ok {
			return v
		}
		for _, k := range keys {
			if strings.EqualFold(k, key) {
				return raw[k]
			}
		}
		return nil
	}
	fm.Title = scalar(get("title"))
	fm.CanonicalURL = scalar(get("canonical_url"))
	fm.Campaign = scalar(get("campaign"))
	fm.Persona = scalar(get("persona"))
	fm.Lang = scalar(get("lang"))
	fm.CTA = scalar(get("cta"))
	fm.DocType = cmp.Or(scalar(get("doc_type")), scalar(get("type")))
	fm.Categories = stringList(get("categories"))
	fm.Regions = stringList(get("regions"))
	fm.Tags = stringList(get("tags"))
	fm.Byline = scalar(get("author"))
	fm.Stage = strings.ToLower(scalar(get("stage")))
	if fm.Stage != "" && !slices.Contains(config.Stages, fm.Stage) {
		return fm, &InputError{Reason: fmt.Sprintf("the front matter stage %q is not valid — use one of: %s", fm.Stage, strings.Join(config.Stages, ", "))}
	}
	return fm, nil
}

// scalar is a front matter value as trimmed text ("" for missing or structured values).
func scalar(v any) string {
	switch v := v.(type) {
	case nil, map[string]any, []any:
		return ""
	case string:
		return strings.TrimSpace(v)
	default:
		return strings.TrimSpace(fmt.Sprint(v))
	}
}

// stringList accepts a list or a comma-separated string.
func stringList(v any) []string {
	var items []string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			items = append(items, scalar(e))
		}
	case string:
		items = strings.Split(v, ",")
	}
	var out []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
