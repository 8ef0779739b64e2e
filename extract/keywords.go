package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract/marks"
	"github.com/repurpose/repurpose/extract/segment"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/parse"
)

// Keyword phrase bounds: long-tail phrases of two to four words (dictionary words in
// Japanese and Chinese), each seen at least twice.
const (
	minPhraseWords = 2
	maxPhraseWords = 4
	minPhraseCount = 2
)

// keywords are the document's long-tail phrases, best first, from its sections that
// posts may come from (not its authors' bios, references or glossary), each in its most common
// spelling ("Platform Engineering", "cadena de suministro", "プラットフォームチーム").
// Longer phrases score higher at the same frequency, and a phrase seen mostly inside a
// longer one gives way to it. Frequent single words fill up when phrases run out.
func (a *Analysis) Keywords(n int) []string {
	// Phrases are counted by a hash of their folded words (see PhraseKey), so the hot
	// loop neither lower-cases nor allocates; spellings are substrings of the text.
	type gram struct {
		count   int
		words   int
		surface string // the most frequent spelling so far
		spaced  string // the folded words with spaces between, in languages without them
		best    int
		others  map[string]int // further spellings, rare
	}
	// Sized for the corpus's rate of about one distinct phrase per 20-25 bytes of text,
	// so the table rarely grows while counting.
	size := 0
	for _, c := range a.Candidates {
		size += len(c.Text)
	}
	if segment.Segmented(a.Lang) {
		size = min(size, segment.Sample) // all that is segmented
	}
	size /= 20
	index := make(map[uint64]int32, size)
	grams := make([]gram, 0, size)
	var scratch phraseScratch
	count := func(p, spaced string, key uint64, words int) {
		i, ok := index[key]
		if !ok {
			i = int32(len(grams))
			index[key] = i
			grams = append(grams, gram{words: words, surface: p, spaced: spaced})
		}
		g := &grams[i]
		g.count++
		if p == g.surface {
			g.best++
			return
		}
		if g.others == nil {
			g.others = map[string]int{}
		}
		g.others[p]++
		n := g.others[p]
		// Ties go to the alphabetically first spelling, for determinism.
		if n > g.best || n == g.best && p < g.surface {
			g.others[g.surface] = g.best
			delete(g.others, p)
			g.surface, g.best = p, n
		}
	}
	if segment.Segmented(a.Lang) {
		sampled := 0
		for _, c := range a.Candidates {
			if a.skipped[c.Section] {
				continue
			}
			if sampled += len(c.Text); sampled > segment.Sample {
				break
			}
			segment.Phrases(c.Text, a.Lang, maxPhraseWords, func(p, spaced string, words int) {
				key := uint64(fnvOffset)
				for k := 0; k < len(spaced); k++ {
					key = (key ^ uint64(spaced[k])) * fnvPrime
				}
				count(p, spaced, key, words)
			})
		}
	} else {
		for _, c := range a.Candidates {
			if !a.skipped[c.Section] {
				phrasesOf(c.Text, a.Lang, &scratch, func(p string, key uint64, words int) { count(p, "", key, words) })
			}
		}
	}
	type entry struct {
		key, surface string
		words, count int
		dominated    bool
		score        float64
	}
	byKey := map[string]*entry{}
	for _, g := range grams {
		if g.count < minPhraseCount {
			continue
		}
		e := &entry{key: PhraseKey(g.surface, a.Lang), surface: g.surface, words: g.words, count: g.count}
		if g.spaced != "" {
			e.key = g.spaced // words apart, so sub-phrases are found below
		}
		byKey[e.key] = e
	}
	// A phrase that mostly occurs inside a longer one ("supply chain" in "software supply
	// chain security") is dominated by it. Sub-phrases of a frequent phrase are at least
	// as frequent, so byKey holds them all.
	var starts []int // of each word of a key, and one past its end
	for _, e := range byKey {
		// The sub-phrase of words i..j-1 is the key from the start of word i to the
		// space before word j: a substring, nothing to join.
		starts = append(starts[:0], 0)
		for i := 0; i < len(e.key); i++ {
			if e.key[i] == ' ' {
				starts = append(starts, i+1)
			}
		}
		starts = append(starts, len(e.key)+1)
		words := len(starts) - 1
		for i := 0; i < words; i++ {
			for j := i + minPhraseWords; j <= words; j++ {
				if j-i == words {
					continue
				}
				if sub := byKey[e.key[starts[i]:starts[j]-1]]; sub != nil && e.count*10 >= sub.count*7 {
					sub.dominated = true
				}
			}
		}
	}
	var list []*entry
	for _, e := range byKey {
		if !e.dominated {
			e.score = float64(e.count) * (1 + 0.35*float64(min(e.words, maxPhraseWords)-minPhraseWords))
			if e.words < minPhraseWords {
				e.score -= 1e6 // single words only after every phrase
			}
			list = append(list, e)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		return list[i].key < list[j].key
	})
	var out, keys []string
	// Each phrase tried may read the whole text (partOfAWord): a few per keyword at most.
	for _, e := range list[:min(len(list), 4*n)] {
		if len(out) == n {
			break
		}
		// One phrase inside another says it twice ("ride time", "one-way ride time"), and
		// "Brennard's finance team" or "d'échec de première" starts mid-phrase.
		// Nor is "Consegne fallite" a keyword beside "consegna fallita", nor "last year".
		if slices.ContainsFunc(keys, func(k string) bool { return within(k, e.key) || within(e.key, k) || sameStems(k, e.key) }) ||
			noisy(e.key, a.Lang) || genericPhrases[e.key] || cutPhrase(e.surface, a.Lang) || segment.Segmented(a.Lang) && a.partOfAWord(e.surface) {
			continue
		}
		out, keys = append(out, a.commonCase(e.surface)), append(keys, e.key)
	}
	return out
}

// commonCase is a phrase whose first word is capitalised only because it opened a
// sentence or a heading ("Quarterly access reviews"), in lower case when the text
// writes that word in lower case more often than capitalised inside its sentences; a
// name ("Kubernetes operators") stays.
func (a *Analysis) commonCase(p string) string {
	first, rest, _ := strings.Cut(p, " ")
	r, size := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || first[size:] != strings.ToLower(first[size:]) || rest != strings.ToLower(rest) || a.Lang == "de" {
		return p // a name, an acronym or German, whose nouns are capitalised
	}
	lower := string(unicode.ToLower(r)) + first[size:]
	// Inside sentences, which spelling the text uses more ("kubernetes" a few times beside
	// "Kubernetes" many is a name).
	lowers, capitals := 0, 0
	for _, c := range a.Candidates {
		lowers += strings.Count(c.Text, " "+lower+" ")
		capitals += strings.Count(c.Text, " "+first+" ")
	}
	if lowers > capitals {
		return lower + p[len(first):]
	}
	return p
}

var keywordNoise = parse.WordSets(marks.KeywordNoise)

// genericPhrases are phrases every paper uses and no reader searches for (keys: lower
// case, without a plural's s).
var genericPhrases = map[string]bool{"best practice": true, "use case": true, "case study": true, "key finding": true,
	"next step": true, "lesson learned": true}

// noisy reports a keyword (its folded words) with a span of time, a count or a unit in it.
func noisy(key, lang string) bool {
	noise := keywordNoise[lang]
	for _, w := range strings.Fields(key) {
		if noise[w] || noise[w+"s"] { // keys drop a plural's s ("muchas" → "mucha")
			return true
		}
	}
	return false
}

// sameStems reports two keys of as many words whose words differ only in their endings:
// "consegna fallita" and "consegne fallite", "cost driver" and "cost drivers".
func sameStems(a, b string) bool {
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) != len(bw) || a == b {
		return false
	}
	for i := range aw {
		x, y := []rune(aw[i]), []rune(bw[i])
		common := 0
		for common < min(len(x), len(y)) && x[common] == y[common] {
			common++
		}
		if common < max(3, min(len(x), len(y))-2) {
			return false
		}
	}
	return true
}

// within reports the words of inner as words of outer ("ride time" in "one-way ride time").
func within(inner, outer string) bool {
	return strings.Contains(" "+outer+" ", " "+inner+" ")
}

// cutPhrase reports a phrase that opens on a possessive ("Brennard's finance team"), an
// elided article or preposition ("d'échec de première présentation") or a unit ("Euro
// Umsatz", of "2,4 Millionen Euro Umsatz"), an adverb or a vague adjective, ends on the
// verb of a finding ("one-way ride time fell", "Contracts migrated"), an adverb or (in
// German) a word not capitalised as nouns are, or is a name in capitals ("DAVID OKAFOR",
// a transcript's speaker).
func cutPhrase(p, lang string) bool {
	capitals := strings.ContainsRune(p, ' ') && strings.ToUpper(p) == p && strings.ToLower(p) != p // "DAVID OKAFOR"
	if r, _ := utf8.DecodeRuneInString(p[strings.LastIndexByte(p, ' ')+1:]); lang == "de" && unicode.IsLower(r) {
		return true // German writes its nouns capitalised: "Prozesse brauchen" ends on a verb
	}
	if first, _, ok := strings.Cut(p, " "); ok && lang == "de" && (inflectedAdjective(first) || germanPrepositions[strings.ToLower(first)]) {
		return true // "strukturierten Daten", "automatischen Abgleich": a case's ending, not the keyword's form; "per E-Mail"
	}
	p = strings.ToLower(strings.ReplaceAll(p, "’", "'"))
	first, _, _ := strings.Cut(p, " ")
	last := p[strings.LastIndexByte(p, ' ')+1:]
	if lang == "nl" && first != last && dutchParticles[last] {
		return true // "leg vast", "vul aan": a verb and its particle
	}
	return strings.HasSuffix(first, "'s") || strings.HasPrefix(first, "d'") || strings.HasPrefix(first, "l'") ||
		strings.HasPrefix(first, "qu'") || units[first] || findingVerbs[last] || capitals || adverb(first) ||
		first != last && (len(last) > 5 && strings.HasSuffix(last, "ly") && !lyNouns[last] ||
			len(last) > 5 && strings.HasSuffix(last, "ed") || vagueAdjectives[first])
}

// lyNouns end a phrase as nouns do though they end as adverbs ("supply", "anomaly").
var lyNouns = parse.WordSet(`supply assembly anomaly monopoly family butterfly`)

// vagueAdjectives open a phrase that names no topic: "small number", "bad data", "harder
// work", "entire list", "nieuwe firewall".
var vagueAdjectives = parse.WordSet(`small big bad good great harder easier usual entire whole same certain various new
	nieuwe nieuw goede grote kleine nuevo nueva nuevos nuevas novo nova novos novas nouveau nouvelle nouveaux nouvelles nuovo nuova nuovi nuove`)

// inflectedAdjective reports a German adjective, lower case, with the ending of a case
// other than the nominative ("strukturierten", "automatischem"): the phrase is cut from
// a sentence, and its keyword reads "strukturierte Daten".
func inflectedAdjective(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && len(w) > 5 && (strings.HasSuffix(w, "en") || strings.HasSuffix(w, "em") || strings.HasSuffix(w, "es"))
}

// germanPrepositions open a phrase that is an adverbial, not a topic ("per E-Mail").
var germanPrepositions = parse.WordSet(`per pro je via ohne gegen durch seit unter zwischen`)

// dutchParticles end a Dutch verb that splits from them ("legt … vast"): a phrase that
// ends on one is a verb's, not a topic.
var dutchParticles = parse.WordSet(`vast op af aan uit mee door na toe terug bij weg in`)

// adverb reports an English adverb by its ending: "completely different" and "genuinely
// useful" describe, they name nothing ("supply", "family", "early" keep theirs).
func adverb(w string) bool {
	for _, end := range []string{"ally", "ously", "ively", "fully", "ently", "antly", "ately", "ingly", "inely", "etely"} {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

var (
	findingVerbs = parse.WordSet(`fell rose grew dropped reached increased decreased doubled tripled halved`)
	units        = parse.WordSet(`euro euros dollar dollars prozent percent mio mrd millionen milliarden million millions reais yuan`)
)

// partOfAWord reports a phrase of a language written without spaces that the text never
// has alone: the same character always before it or always after it ("间距LED" in
// "小间距LED", "预测性运" in "预测性运维") is a word the segmenter cut. A particle, or 的,
// may always follow a noun.
func (a *Analysis) partOfAWord(p string) bool {
	var before, after rune
	sameBefore, sameAfter := true, true
	seen := 0
	for _, c := range a.Candidates {
		for rest, at := c.Text, 0; ; {
			i := strings.Index(rest, p)
			if i < 0 {
				break
			}
			b, _ := utf8.DecodeLastRuneInString(c.Text[:at+i])
			f, _ := utf8.DecodeRuneInString(rest[i+len(p):])
			if seen == 0 {
				before, after = b, f
			}
			sameBefore = sameBefore && b == before
			sameAfter = sameAfter && f == after
			seen++
			at += i + len(p)
			rest = rest[i+len(p):]
		}
	}
	return seen > 0 && (sameBefore && wordRune(before) || sameAfter && wordRune(after))
}

// wordRune is a character that may continue a word: a Han character or katakana, not a
// particle, a function character (的, 和, 是…), a digit or punctuation.
func wordRune(r rune) bool {
	return (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r)) && !strings.ContainsRune("的了和与及在是中等对为将也都上下之其或并而由从", r)
}

// PhraseKey folds the spellings of one phrase together: lower case, and a plural "s"
// dropped from each word in languages that mark plurals so ("platform teams" and
// "Platform Team", "cargas de trabajo" and "carga de trabajo" are one keyword).
func PhraseKey(s, lang string) string {
	k := lowerASCII(s)
	if lang == "ja" || lang == "de" || !strings.Contains(k, "s ") && !strings.HasSuffix(k, "s") {
		return k
	}
	ws := strings.Split(k, " ")
	for i, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			ws[i] = w[:len(w)-1]
		}
	}
	return strings.Join(ws, " ")
}

// phraseConnectors may join two content words inside a phrase ("cadena de suministro",
// "separation of duties") but never start or end one.
var phraseConnectors = map[string]map[string]bool{
	"en": parse.WordSet(`of for per`),
	"es": parse.WordSet(`de del para`),
	"fr": parse.WordSet(`de du des pour`),
	"de": parse.WordSet(`für von`),
}

// phraseToken is a word (or, in Japanese, a script run) of a sentence.
type phraseToken struct {
	start, end int
	hash       uint64 // of the folded word: PhraseKey's folding, without allocating
	connector  bool
	scriptRun  byte // 'L'atin (any spaced script), 'K'atakana, 'H'an
}

// FNV-1a, to hash folded words and combine them into phrase keys.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// phrasesOf calls fn with every candidate keyword phrase of text, its key (a hash of its
// folded words) and its word count: runs of 2-4 adjacent words that start and end with
// a content word, never across punctuation or a stop word. Japanese and Chinese have no
// spaces and go to segment.Phrases instead. scratch is reused across calls.
func phrasesOf(text, lang string, scratch *phraseScratch, fn func(p string, key uint64, words int)) {
	run := scratch.run[:0]
	flush := func() {
		for i, t := range run {
			if t.connector {
				continue
			}
			key := uint64(fnvOffset)
			for j := i; j < len(run) && j-i < maxPhraseWords; j++ {
				key = (key ^ run[j].hash) * fnvPrime
				if run[j].connector {
					if run[j-1].connector {
						break
					}
					continue
				}
				if j > i {
					fn(text[t.start:run[j].end], key, j-i+1)
				}
			}
		}
		run = run[:0]
	}
	scratch.word = eachWordToken(text, lang, scratch.word, func(t phraseToken, adjacent, stop bool) {
		if !adjacent || stop {
			flush()
		}
		if stop || t.connector && len(run) == 0 {
			return // a phrase never starts with a connector
		}
		run = append(run, t)
	})
	flush()
	scratch.run = run
}

// phraseScratch holds phrasesOf's buffers between calls: a word's folded bytes and the
// run of words a phrase may span.
type phraseScratch struct {
	word []byte
	run  []phraseToken
}

// eachWordToken calls fn with each word of text, saying whether it follows the previous
// one directly (nothing or one space between) and whether it is a stop word, number or
// one-letter word that breaks a phrase. scratch holds the lower-cased word.
func eachWordToken(text, lang string, scratch []byte, fn func(t phraseToken, adjacent, stop bool)) []byte {
	prevEnd := -1
	start, scriptRun := -1, byte(0)
	foldPlural := lang != "ja" && lang != "de" && lang != "ko"
	kinds := wordKindsOf(lang)
	particle := false
	emit := func(end int) {
		for end > start+1 && (text[end-1] == '-' || text[end-1] == '\'') {
			end-- // "teams'" and "end-" are words without their mark
		}
		w := text[start:end]
		adjacent := prevEnd >= 0 && (prevEnd == start || prevEnd+1 == start && text[prevEnd] == ' ')
		t := phraseToken{start: start, end: end, scriptRun: scriptRun}
		stop := false
		scratch = scratch[:0]
		if scriptRun == 'L' {
			for _, r := range w {
				switch {
				case 'A' <= r && r <= 'Z':
					scratch = append(scratch, byte(r)+'a'-'A')
				case r < utf8.RuneSelf:
					scratch = append(scratch, byte(r))
				default:
					scratch = utf8.AppendRune(scratch, unicode.ToLower(r))
				}
			}
			first, _ := utf8.DecodeRuneInString(w)
			stop = len(w) < 2 || !unicode.IsLetter(first)
			var k wordKind
			if len(scratch) <= longestKindWord {
				k = kinds.of(scratch)
			}
			t.connector = !stop && k&connectorWord != 0
			stop = stop || !t.connector && k&stopWord != 0
			if n := len(scratch); foldPlural && n > 3 && scratch[n-1] == 's' && scratch[n-2] != 's' {
				scratch = scratch[:n-1]
			}
			if lang == "ko" {
				stop = stop || segment.KoreanPredicate(w)
				if stem := segment.KoreanStem(w); !stop && len(stem) < len(w) {
					// "비용을", "비용이": the noun without its particle ends the phrase.
					t.end = start + len(stem)
					scratch = append(scratch[:0], stem...)
					particle = true
				}
			}
		} else {
			scratch = append(scratch, w...)
		}
		t.hash = fnvOffset
		for _, b := range scratch {
			t.hash = (t.hash ^ uint64(b)) * fnvPrime
		}
		fn(t, adjacent, stop)
		prevEnd, start = end, -1
		if particle {
			prevEnd, particle = -1, false // nothing runs on past a particle
		}
	}
	for i, r := range text {
		s := byte(0)
		switch {
		case r < utf8.RuneSelf && (isASCIIAlnum(byte(r)) || (r == '-' || r == '\'') && scriptRun == 'L' && start >= 0):
			s = 'L'
		case r == 'ー' || r == '・' && scriptRun == 'K' || r >= 0x30A1 && r <= 0x30FA:
			s = 'K'
		case r >= 0x3041 && r <= 0x3096:
			// hiragana (particles, endings), the most common characters of Japanese
		case script.Han(r):
			s = 'H'
		case r >= utf8.RuneSelf && !script.Hiragana(r) && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			s = 'L'
		}
		if start >= 0 && s != scriptRun {
			emit(i)
		}
		if s != 0 && start < 0 {
			start, scriptRun = i, s
		}
	}
	if start >= 0 {
		emit(len(text))
	}
	return scratch
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
