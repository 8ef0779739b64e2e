package derive

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repurpose/repurpose/extract"
	"github.com/repurpose/repurpose/parse"
)

// topicTags are hashtags feeds really follow, each with the phrases that name its topic
// in the languages the toolkit serves. A document without tags of its own gets the
// topics it is about: the ones its title names, else the one it names most often.
var topicTags = []struct {
	tag     string
	phrases []string
}{
	{"#AI", []string{"artificial intelligence", "inteligencia artificial", "inteligência artificial", "intelligence artificielle", "künstliche intelligenz", "intelligenza artificiale", "kunstmatige intelligentie", "人工知能", "人工智能", "인공지능"}},
	{"#GenAI", []string{"generative ai", "genai", "ia generativa", "ia générative", "生成ai", "生成式人工智能", "생성형 ai"}},
	{"#MachineLearning", []string{"machine learning", "aprendizaje automático", "aprendizado de máquina", "apprentissage automatique", "maschinelles lernen", "apprendimento automatico", "機械学習", "机器学习", "머신러닝"}},
	{"#CloudNative", []string{"cloud native", "cloud-native", "nativo de la nube", "nativa de la nube", "nativo en la nube", "nativa en la nube", "nativo da nuvem", "クラウドネイティブ", "云原生", "클라우드 네이티브"}},
	{"#Kubernetes", []string{"kubernetes", "k8s"}},
	{"#DevOps", []string{"devops"}},
	{"#DevSecOps", []string{"devsecops"}},
	{"#PlatformEngineering", []string{"platform engineering", "ingeniería de plataformas", "engenharia de plataforma", "ingegneria della piattaforma", "ingegneria delle piattaforme", "プラットフォームエンジニアリング", "平台工程", "플랫폼 엔지니어링"}},
	{"#SRE", []string{"site reliability engineering", "site reliability"}},
	{"#Observability", []string{"observability", "observabilidad", "observabilidade", "observabilité", "osservabilità", "オブザーバビリティ", "可观测性", "관측 가능성"}},
	{"#OpenSource", []string{"open source", "open-source", "código abierto", "código aberto", "オープンソース", "开源", "오픈 소스", "오픈소스"}},
	{"#Cybersecurity", []string{"cybersecurity", "cyber security", "ciberseguridad", "cibersegurança", "cybersécurité", "cybersicherheit", "sicurezza informatica", "cybersicurezza", "サイバーセキュリティ", "网络安全", "사이버 보안"}},
	{"#CloudSecurity", []string{"cloud security", "cloud native security", "seguridad nativa en la nube", "seguridad en la nube nativa", "seguridad en la nube", "segurança na nuvem", "sicurezza del cloud", "sicurezza cloud", "クラウドセキュリティ", "云安全", "클라우드 보안"}},
	{"#SupplyChainSecurity", []string{"supply chain security", "software supply chain", "cadena de suministro de software", "cadeia de suprimentos de software", "catena di approvvigionamento del software", "ソフトウェアサプライチェーン", "软件供应链", "소프트웨어 공급망"}},
	{"#ZeroTrust", []string{"zero trust", "confianza cero", "confiança zero", "ゼロトラスト", "零信任", "제로 트러스트"}},
	{"#SBOM", []string{"sbom", "software bill of materials"}},
	{"#Microservices", []string{"microservices", "microservicios", "microsserviços", "microservizi", "マイクロサービス", "微服务", "마이크로서비스"}},
	{"#Serverless", []string{"serverless"}},
	{"#InfrastructureAsCode", []string{"infrastructure as code", "infraestructura como código", "infraestrutura como código", "infrastruttura come codice"}},
	{"#GitOps", []string{"gitops"}},
	{"#DataPrivacy", []string{"data privacy", "privacidad de datos", "privacidade de dados", "protection des données", "datenschutz", "privacy dei dati", "データプライバシー", "数据隐私", "개인정보 보호"}},
	{"#GDPR", []string{"gdpr", "rgpd", "dsgvo"}},
	{"#DataScience", []string{"data science", "ciencia de datos", "ciência de dados", "データサイエンス", "数据科学", "데이터 과학"}},
	{"#Analytics", []string{"analytics", "analítica", "análisis de datos", "análise de dados"}},
	{"#SaaS", []string{"saas", "software as a service"}},
	{"#DigitalTransformation", []string{"digital transformation", "transformación digital", "transformação digital", "transformation numérique", "digitale transformation", "trasformazione digitale", "デジタルトランスフォーメーション", "数字化转型", "디지털 전환"}},
	{"#Automation", []string{"automation", "automatización", "automação", "automatisation", "automatisierung", "automazione", "自動化", "自动化", "자동화"}},
	{"#DeveloperExperience", []string{"developer experience", "experiencia del desarrollador", "experiência do desenvolvedor", "開発者体験", "开发者体验", "개발자 경험"}},
	{"#ContentMarketing", []string{"content marketing", "marketing de contenidos", "marketing de conteúdo"}},
	{"#B2BMarketing", []string{"b2b marketing", "marketing b2b"}},
	{"#SEO", []string{"search engine optimization", "seo"}},
	{"#CustomerExperience", []string{"customer experience", "experiencia del cliente", "experiência do cliente", "顧客体験", "客户体验", "고객 경험"}},
	{"#RemoteWork", []string{"remote work", "distributed team", "distributed teams", "trabajo remoto", "trabalho remoto", "télétravail", "リモートワーク", "远程办公", "원격 근무"}},
	{"#Sustainability", []string{"sustainability", "sostenibilidad", "sustentabilidade", "durabilité", "nachhaltigkeit", "sostenibilità", "サステナビリティ", "可持续发展", "지속 가능성"}},
	{"#Compliance", []string{"compliance", "cumplimiento normativo", "conformidade"}},
	{"#IncidentResponse", []string{"incident response", "respuesta a incidentes", "resposta a incidentes"}},
	{"#OnCall", []string{"on-call", "on call rotation", "alert fatigue"}},
	{"#Fintech", []string{"fintech"}},
	{"#HealthTech", []string{"healthtech", "digital health"}},
	{"#EdTech", []string{"edtech"}},
	{"#Blockchain", []string{"blockchain"}},
	{"#IoT", []string{"internet of things", "iot"}},
	{"#5G", []string{"5g"}},
	{"#APIs", []string{"api-first", "api design", "api management"}},
}

// topicTagsMin is how often a topic's phrase must occur in the text, outside the title,
// to name what the document is about rather than something it mentions.
const topicTagsMin = 3

// documentTopics are the topic tags of a document.
func documentTopics(a *extract.Analysis) []string {
	var body strings.Builder
	body.WriteString(proseOf(a))
	for _, s := range a.Doc.Sections {
		body.WriteString("\n")
		body.WriteString(s.Heading)
	}
	titleWords, textWords := lowerWords(a.Doc.Title), lowerWords(body.String())
	var title, text string // for phrases in scripts without spaces
	if a.Lang == "ja" || a.Lang == "zh" || a.Lang == "ko" {
		title, text = strings.Join(titleWords, " "), strings.Join(textWords, " ")
	}
	type hit struct {
		tag   string
		named bool
		count int
	}
	hits := make([]hit, len(topicTags))
	for i, t := range topicTags {
		hits[i].tag = t.tag
		for _, p := range t.phrases {
			// Particles attach to words in CJK and Korean: those phrases are found inside words.
			if r, _ := utf8.DecodeRuneInString(p); (parse.IsCJK(r) || unicode.Is(unicode.Hangul, r)) && text != "" {
				hits[i].named = hits[i].named || strings.Contains(title, p)
				hits[i].count += strings.Count(text, p)
			}
		}
	}
	// Other phrases are whole words ("seo" is not in "seoul"), looked up by their first.
	count := func(words []string, found func(i int)) {
		for w := range words {
			for _, p := range topicPhrases[words[w]] {
				if w+len(p.words) <= len(words) && slices.Equal(words[w:w+len(p.words)], p.words) {
					found(p.topic)
				}
			}
		}
	}
	count(titleWords, func(i int) { hits[i].named = true })
	count(textWords, func(i int) { hits[i].count++ })
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
		return out
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
			if r, _ := utf8.DecodeRuneInString(p); parse.IsCJK(r) || unicode.Is(unicode.Hangul, r) {
				continue
			}
			w := lowerWords(p)
			out[w[0]] = append(out[w[0]], topicPhrase{i, w})
		}
	}
	return out
}()

// topicPhrase is one of a topic's phrases: topicTags[topic], as words.
type topicPhrase struct {
	topic int
	words []string
}

// lowerWords are the words of s in lower case, without punctuation.
func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
