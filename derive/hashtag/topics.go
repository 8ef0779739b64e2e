package hashtag

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/langid"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/internal/script"
	"github.com/repurpose/repurpose/internal/textcase"
	"github.com/repurpose/repurpose/parse"
)

// topicTags are hashtags feeds really follow, each with the English phrases that name
// its topic. A document without tags of its own gets the topics it is about: the ones
// its title names, else the one it names most often. A document in another language
// gets a topic only in the words it uses itself (Italian papers write "cloud native"):
// an English tag under a Chinese post, for a term the post never uses, is in the wrong
// language.
var topicTags = []struct {
	tag     string
	phrases []string
}{
	{"#AI", []string{"artificial intelligence"}},
	{"#GenAI", []string{"generative ai", "genai"}},
	{"#MachineLearning", []string{"machine learning"}},
	{"#CloudNative", []string{"cloud native", "cloud-native"}},
	{"#Kubernetes", []string{"kubernetes", "k8s"}},
	{"#DevOps", []string{"devops"}},
	{"#DevSecOps", []string{"devsecops"}},
	{"#PlatformEngineering", []string{"platform engineering"}},
	{"#SRE", []string{"site reliability engineering", "site reliability"}},
	{"#Observability", []string{"observability"}},
	{"#OpenSource", []string{"open source", "open-source"}},
	{"#Cybersecurity", []string{"cybersecurity", "cyber security"}},
	{"#CloudSecurity", []string{"cloud security", "cloud native security"}},
	{"#SupplyChainSecurity", []string{"supply chain security", "software supply chain"}},
	{"#ZeroTrust", []string{"zero trust"}},
	{"#SBOM", []string{"sbom", "software bill of materials"}},
	{"#Microservices", []string{"microservices"}},
	{"#Serverless", []string{"serverless"}},
	{"#InfrastructureAsCode", []string{"infrastructure as code"}},
	{"#GitOps", []string{"gitops"}},
	{"#DataPrivacy", []string{"data privacy"}},
	{"#GDPR", []string{"gdpr"}},
	{"#DataScience", []string{"data science"}},
	{"#SaaS", []string{"saas", "software as a service"}},
	{"#DigitalTransformation", []string{"digital transformation"}},
	{"#DeveloperExperience", []string{"developer experience"}},
	{"#ContentMarketing", []string{"content marketing"}},
	{"#B2BMarketing", []string{"b2b marketing"}},
	{"#SEO", []string{"search engine optimization", "seo"}},
	{"#CustomerExperience", []string{"customer experience"}},
	{"#RemoteWork", []string{"remote work", "distributed team", "distributed teams"}},
	{"#Sustainability", []string{"sustainability"}},
	{"#Compliance", []string{"compliance"}},
	{"#IncidentResponse", []string{"incident response"}},
	{"#OnCall", []string{"on-call", "on call rotation", "alert fatigue"}},
	{"#Fintech", []string{"fintech"}},
	{"#HealthTech", []string{"healthtech", "digital health"}},
	{"#EdTech", []string{"edtech"}},
	{"#Blockchain", []string{"blockchain"}},
	{"#IoT", []string{"internet of things", "iot"}},
	{"#5G", []string{"5g"}},
	{"#APIs", []string{"api-first", "api design", "api management"}},
	{"#Pricing", []string{"usage-based pricing", "pricing strategy", "pricing model", "saas pricing", "value-based pricing"}},
	{"#CustomerOnboarding", []string{"customer onboarding"}},
	// Tags feeds follow in the other languages with built-in texts, each spelled by its
	// own phrase, so a document in that language finds it in its own words.
	{"#Nachhaltigkeit", []string{"nachhaltigkeit"}},
	{"#Sostenibilità", []string{"sostenibilità"}},
	{"#Durabilité", []string{"durabilité"}},
	{"#Sostenibilidad", []string{"sostenibilidad"}},
	{"#Sustentabilidade", []string{"sustentabilidade"}},
	{"#Duurzaamheid", []string{"duurzaamheid"}},
	{"#DSGVO", []string{"dsgvo"}},
	{"#Datenschutz", []string{"datenschutz"}},
	{"#RGPD", []string{"rgpd"}},
	{"#Observabilidade", []string{"observabilidade"}},
	{"#Observabilidad", []string{"observabilidad"}},
	{"#Ciberseguridad", []string{"ciberseguridad"}},
	{"#Cibersegurança", []string{"cibersegurança"}},
	{"#Cybersécurité", []string{"cybersécurité"}},
	{"#Cybersicherheit", []string{"cybersicherheit"}},
	{"#InteligenciaArtificial", []string{"inteligencia artificial"}},
	{"#InteligênciaArtificial", []string{"inteligência artificial"}},
	{"#IntelligenceArtificielle", []string{"intelligence artificielle"}},
	{"#KünstlicheIntelligenz", []string{"künstliche intelligenz"}},
	{"#IntelligenzaArtificiale", []string{"intelligenza artificiale"}},
	// Tags feeds follow in Japanese, Chinese and Korean, found where the text writes them.
	{"#クラウドネイティブ", []string{"クラウドネイティブ"}},
	{"#プラットフォームエンジニアリング", []string{"プラットフォームエンジニアリング"}},
	{"#サイバーセキュリティ", []string{"サイバーセキュリティ"}},
	{"#云原生", []string{"云原生"}},
	{"#平台工程", []string{"平台工程"}},
	{"#网络安全", []string{"网络安全"}},
	{"#클라우드네이티브", []string{"클라우드 네이티브", "클라우드네이티브"}},
	{"#플랫폼엔지니어링", []string{"플랫폼 엔지니어링", "플랫폼엔지니어링"}},
}

// englishWords are the topic tags spelled as English words: a document in another
// language that quotes them ("Corporate Sustainability Reporting" in a German paper)
// does not get them, as an English tag under a German post is in the wrong language;
// its own language's tag (#Nachhaltigkeit) serves it. Names and acronyms (#Kubernetes,
// #GDPR, #SaaS) are every language's.
var englishWords = map[string]bool{
	"#MachineLearning": true, "#Cybersecurity": true, "#CloudSecurity": true, "#SupplyChainSecurity": true,
	"#DataPrivacy": true, "#DataScience": true, "#DigitalTransformation": true, "#DeveloperExperience": true,
	"#ContentMarketing": true, "#B2BMarketing": true, "#CustomerExperience": true, "#RemoteWork": true,
	"#Sustainability": true, "#Compliance": true, "#IncidentResponse": true, "#OnCall": true, "#Pricing": true,
	"#CustomerOnboarding": true, "#InfrastructureAsCode": true,
}

// topicTagsMin is how often a topic's phrase must occur in the text, outside the title,
// to name what the document is about rather than something it mentions.
const topicTagsMin = 3

// topicSample is how much of the prose is read for topics, in bytes.
const topicSample = 24 << 10

// documentTopics are the topic tags of a document.
func documentTopics(a *extract.Analysis) []string {
	type hit struct {
		tag   string
		named bool
		count int
	}
	hits := make([]hit, len(topicTags))
	for i, t := range topicTags {
		hits[i].tag = t.tag
	}
	// Phrases are whole words ("seo" is not in "seoul"), looked up by their first.
	english := langid.Base(a.Lang) == "en"
	count := func(words []string, found func(i int)) {
		for w := range words {
			for _, p := range topicPhrases[words[w]] {
				if (english || p.spellsTag && !englishWords[topicTags[p.topic].tag]) && w+len(p.words) <= len(words) && slices.Equal(words[w:w+len(p.words)], p.words) {
					found(p.topic)
				}
			}
		}
	}
	// Scripts without spaces have no words to compare: their phrases are found in the text.
	cjk := hasCJKPhrases[langid.Base(a.Lang)]
	count(lowerWords(a.Doc.Title), func(i int) { hits[i].named = true })
	if cjk {
		for _, p := range cjkTopicPhrases {
			hits[p.topic].named = hits[p.topic].named || strings.Contains(a.Doc.Title, p.text)
		}
	}
	// The topics the title names are what the document is about; without one, the topic
	// it names most. A topic it only mentions often (a capability of the subject, a
	// neighbouring field) would tag the post with something it is not about.
	var out []string
	for _, h := range hits {
		if h.named {
			out = append(out, h.tag)
		}
	}
	if len(out) > 0 {
		return out // the text is not read
	}
	var body strings.Builder
	for _, s := range a.Doc.Sections {
		body.WriteString(s.Heading)
		body.WriteString("\n")
	}
	// What a document is about shows in its headings and first pages; reading all of a
	// long paper would only cost time.
	body.WriteString(proseOf(a, topicSample))
	count(lowerWords(body.String()), func(i int) { hits[i].count++ })
	if text := body.String(); cjk {
		for _, p := range cjkTopicPhrases {
			hits[p.topic].count += strings.Count(text, p.text)
		}
	}
	top := slices.MaxFunc(hits, func(x, y hit) int { return cmp.Compare(x.count, y.count) })
	if top.count < topicTagsMin {
		return nil
	}
	return []string{top.tag}
}

// topicPhrases are topicTags' phrases written with spaces, as words, by their first word.
var topicPhrases = func() map[string][]topicPhrase {
	out := map[string][]topicPhrase{}
	for i, t := range topicTags {
		for _, p := range t.phrases {
			w := lowerWords(p)
			out[w[0]] = append(out[w[0]], topicPhrase{topic: i, words: w,
				spellsTag: strings.Join(w, "") == strings.ToLower(strings.TrimPrefix(t.tag, "#"))})
		}
	}
	return out
}()

// hasCJKPhrases are the languages whose topics cjkTopicPhrases name.
var hasCJKPhrases = map[string]bool{"ja": true, "zh": true, "ko": true}

// cjkTopicPhrases are topicTags' phrases in Chinese, Japanese and Korean script, as
// written: counted in the text, not compared word by word.
var cjkTopicPhrases = func() []topicPhrase {
	var out []topicPhrase
	for i, t := range topicTags {
		for _, p := range t.phrases {
			if r, _ := utf8.DecodeRuneInString(p); script.CJK(r) || unicode.Is(unicode.Hangul, r) {
				out = append(out, topicPhrase{topic: i, text: p})
			}
		}
	}
	return out
}()

// topicPhrase is one of a topic's phrases: topicTags[topic], as words (text for
// cjkTopicPhrases).
type topicPhrase struct {
	topic int
	words []string
	text  string
	// spellsTag: the phrase is the tag's own words ("zero trust" for #ZeroTrust).
	spellsTag bool
}

// lowerWords are the words of s in lower case, without punctuation: runs of letters and
// digits.
func lowerWords(s string) []string { return parse.LettersAndDigits.Fields(textcase.Lower(s)) }

// TopicPhrases are the phrases that name a well-known topic tag ("#CloudNative"), none for
// another tag.
func TopicPhrases(tag string) []string {
	for _, t := range topicTags {
		if t.tag == tag {
			return t.phrases
		}
	}
	return nil
}
