package extract

import "github.com/repurpose/repurpose/parse"

// stopwords are the function words of each language the ranker and keyword finder know:
// they carry no topic, so they neither score a sentence nor start a keyword phrase.
var stopwords = map[string]map[string]bool{
	"en": parse.WordSet(`a about above after again against all also an and any are as at be because been
		before being below between both but by can could did do does doing down during each few for
		from further had has have having he her here hers him his how i if in into is it its itself
		just more most must my no nor not now of off on once only or other our ours out over own
		same she should so some such than that the their theirs them then there these they this
		those through to too under until up us very was we were what when where which while who
		whom why will with would you your yours may might can't don't it's we'll we're they're
		one many much every well like however two three four five six seven eight nine ten
		first second third`),
	"es": parse.WordSet(`a al algo algunas algunos ante antes como con contra cual cuando de del desde donde
		durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este
		esto estos está están fue fueron ha han hasta hay la las le les lo los más me mi mientras
		muy no nos o otra otras otro otros para pero por porque que quien se ser si sin sobre son
		su sus también tanto te tiene tienen todo todos tu un una unas uno unos y ya puede pueden
		cada así debe deben sea ser mismo misma dos tres cuatro cinco seis siete ocho nueve diez
		primer primera primero segundo segunda`),
	"de": parse.WordSet(`aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du
		ein eine einem einen einer es für hat haben ich ihr im in ist ja kann mit nach nicht noch
		nur oder sich sie sind so über um und uns von vor war wie wir wird zu zum zur werden`),
	"fr": parse.WordSet(`a au aux avec ce ces cette dans de des du elle en est et eux il ils je la le les
		leur lui mais me même mes ne nos notre nous on ou par pas pour qu que qui sa se ses son sont
		sur ta te tes toi ton tu un une vos votre vous être été peut plus`),
	"pt": parse.WordSet(`a ao aos as à às com como da das de do dos e é ela elas ele eles em entre era essa esse
		esta este eu foi for há isso isto já la lhe mais mas me mesmo meu minha muito na nas não nem
		no nos nós num numa o os ou para pela pelas pelo pelos por qual quando que quem se sem ser
		seu seus sua suas são só também te tem têm um uma umas uns você vocês deve devem pode podem
		cada ainda sobre todo todos toda todas outro outra outros outras seja sejam estão está`),
	"it": parse.WordSet(`a ad al alla alle allo ai agli anche che chi ci come con cui da dal dalla dalle dai
		degli dei del della delle dello di e è ed era gli ha hanno i il in io la le lo loro ma mi
		ne nei nel nella nelle nello no non o per più può possono quale quali quando questo questa
		questi queste se si sia siano sono su sua suo sue suoi sul sulla tra fra un una uno ogni
		deve devono essere stato stata tutti tutte tutto anche molto ancora dovrebbe dovrebbero`),
	"nl": parse.WordSet(`aan al als bij dan dat de der deze die dit door een en er had heb hebben het hij hoe
		hun ik in is je kan kunnen maar met mij na naar niet nog nu of om onder ons ook op over te
		tot uit van voor was wat we wel wie wij wordt worden zal ze zij zijn zo zou moet moeten`),
}

// wordKind is what the term and phrase tokenizers need to know of a lower-cased word.
type wordKind uint8

const (
	stopWord      wordKind = 1 << iota // a stop word of the language or of English
	connectorWord                      // may join a keyword phrase (phraseConnectors)
)

// wordKinds merges, per language, its stop words, English ones and its phrase
// connectors, so a tokenizer looks a word up once; "" serves unknown languages.
var wordKinds = func() map[string]map[string]wordKind {
	kinds := map[string]map[string]wordKind{"": nil}
	for lang := range stopwords {
		kinds[lang] = nil
	}
	for lang := range phraseConnectors {
		kinds[lang] = nil
	}
	for lang := range kinds {
		k := map[string]wordKind{}
		for _, set := range []map[string]bool{stopwords["en"], stopwords[lang]} {
			for w := range set {
				k[w] |= stopWord
			}
		}
		for w := range phraseConnectors[lang] {
			k[w] |= connectorWord
		}
		kinds[lang] = k
	}
	return kinds
}()

// longestKindWord is the length in bytes of the longest word in wordKinds: longer words
// (a third of technical text) need no look-up.
var longestKindWord = func() int {
	n := 0
	for _, kinds := range wordKinds {
		for w := range kinds {
			n = max(n, len(w))
		}
	}
	return n
}()

// wordKindsOf is the word classes of lang (English stop words only when unknown).
func wordKindsOf(lang string) map[string]wordKind {
	if k, ok := wordKinds[lang]; ok {
		return k
	}
	return wordKinds[""]
}

// isStopword checks the document's language and English, which technical text in any
// language borrows.
func isStopword(lang, word string) bool {
	return stopwords[lang][word] || stopwords["en"][word]
}
