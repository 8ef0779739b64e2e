package cards

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
)

// FontFiles are the font files cards are set in: a Latin family (which also covers Greek
// and Cyrillic) and a CJK one for Chinese, Japanese and Korean, each regular and bold. A CJK
// file may be a collection (.ttc): the face for the document's language is picked from it
// by family name (Noto Sans CJK JP, KR, SC, TC, HK).
type FontFiles struct {
	Regular, Bold, CJKRegular, CJKBold string
}

// maxFontBytes bounds a font file read into memory; Noto Sans CJK Bold is about 20 MB.
const maxFontBytes = 64 << 20

// fontFile is a font file or collection read once per process. A collection's fonts are
// parsed only when first used: Noto Sans CJK holds ten, each tens of megabytes parsed.
// Parsed fonts are safe for concurrent use; the faces that shape and draw with them are
// not, so each fontSet has its own.
type fontFile struct {
	path     string
	mu       sync.Mutex
	loaders  []*opentype.Loader
	families []string
	fonts    []*font.Font
}

// fontFiles are the files read so far, by path.
var fontFiles = struct {
	sync.Mutex
	byPath map[string]*fontFile
}{byPath: map[string]*fontFile{}}

// openFontFile reads a font file or collection, once per process.
func openFontFile(path string) (*fontFile, error) {
	fontFiles.Lock()
	defer fontFiles.Unlock()
	if ff, ok := fontFiles.byPath[path]; ok {
		return ff, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w (install Debian's fonts-noto-core and fonts-noto-cjk, or name font files under brand.cards.fonts)", path, err)
	}
	if st.Size() > maxFontBytes {
		return nil, fmt.Errorf("font %s: %d bytes is more than the %d a font file may have", path, st.Size(), maxFontBytes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	loaders, err := opentype.NewLoaders(bytes.NewReader(b))
	if err != nil || len(loaders) == 0 {
		return nil, fmt.Errorf("font %s is not an OpenType or TrueType font (or collection): %v", path, err)
	}
	ff := &fontFile{path: path, loaders: loaders, fonts: make([]*font.Font, len(loaders))}
	for _, ld := range loaders {
		d, _ := font.Describe(ld, nil)
		ff.families = append(ff.families, d.Family)
	}
	// Parse the first font now, so a broken file is an error here and not mid-render.
	if _, err := ff.font(0); err != nil {
		return nil, err
	}
	fontFiles.byPath[path] = ff
	return ff, nil
}

// font is the file's font i, parsed on first use.
func (ff *fontFile) font(i int) (*font.Font, error) {
	ff.mu.Lock()
	defer ff.mu.Unlock()
	if ff.fonts[i] == nil {
		ft, err := font.NewFont(ff.loaders[i])
		if err != nil {
			return nil, fmt.Errorf("font %s (face %d): %w", ff.path, i, err)
		}
		ff.fonts[i] = ft
	}
	return ff.fonts[i], nil
}

const (
	regular = 0
	bold    = 1
)

// brandFonts are a brand's font files, by weight.
type brandFonts struct {
	latin, cjk [2]*fontFile
}

func openFonts(files FontFiles) (brandFonts, error) {
	var bf brandFonts
	for i, path := range [4]string{files.Regular, files.Bold, files.CJKRegular, files.CJKBold} {
		ff, err := openFontFile(path)
		if err != nil {
			return brandFonts{}, err
		}
		if i < 2 {
			bf.latin[i] = ff
		} else {
			bf.cjk[i-2] = ff
		}
	}
	return bf, nil
}

// fontSet is a brand's faces for one render at a time (faces cache glyph lookups and are
// not safe for concurrent use); a Renderer keeps a pool of them.
type fontSet struct {
	files brandFonts
	faces map[*font.Font]*font.Face
}

func newFontSet(files brandFonts) *fontSet {
	return &fontSet{files: files, faces: map[*font.Font]*font.Face{}}
}

// face is this set's face of a file's font i; a font that does not parse falls back to
// the file's first, which parsed when the file was opened.
func (fs *fontSet) face(ff *fontFile, i int) *font.Face {
	ft, err := ff.font(i)
	if err != nil {
		ft, _ = ff.font(0)
	}
	f, ok := fs.faces[ft]
	if !ok {
		f = font.NewFace(ft)
		fs.faces[ft] = f
	}
	return f
}

// cjkFamilySuffix is the Noto Sans CJK face that draws Han characters the way a language
// writes them: the same code point has different shapes in Japan, China, Taiwan and Korea.
func cjkFamilySuffix(lang string) string {
	tag := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	base, rest, _ := strings.Cut(tag, "-")
	switch base {
	case "ko":
		return " KR"
	case "zh":
		switch {
		case strings.Contains(rest, "hk") || strings.Contains(rest, "mo"):
			return " HK"
		case strings.Contains(rest, "hant") || strings.Contains(rest, "tw"):
			return " TC"
		}
		return " SC"
	}
	return " JP"
}

// isCJK reports whether a language is written in CJK script, so its text prefers the CJK
// face even for the Latin letters and digits it contains.
func isCJK(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	return base == "ja" || base == "zh" || base == "ko"
}

// cjkFace is the collection's face for a language, else its first (a single-font file).
func (fs *fontSet) cjkFace(weight int, lang string) *font.Face {
	ff := fs.files.cjk[weight]
	suffix := cjkFamilySuffix(lang)
	for i, family := range ff.families {
		if strings.HasSuffix(family, suffix) {
			return fs.face(ff, i)
		}
	}
	return fs.face(ff, 0)
}

// faces is an ordered font fallback list: each rune is set in the first face that has it.
type faces []*font.Face

// ResolveFace implements shaping.Fontmap.
func (fl faces) ResolveFace(r rune) *font.Face {
	for _, f := range fl {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return fl[0]
}

// has reports whether some face draws r.
func (fl faces) has(r rune) bool {
	for _, f := range fl {
		if _, ok := f.NominalGlyph(r); ok {
			return true
		}
	}
	return false
}

// facesFor is the fallback list for text of a language and weight.
func (fs *fontSet) facesFor(lang string, weight int) faces {
	latin := fs.face(fs.files.latin[weight], 0)
	if isCJK(lang) {
		return faces{fs.cjkFace(weight, lang), latin}
	}
	return faces{latin, fs.cjkFace(weight, lang)}
}

// languageOf is the go-text language of a tag, "" staying unknown.
func languageOf(lang string) language.Language {
	if lang == "" {
		return ""
	}
	return language.NewLanguage(lang)
}
