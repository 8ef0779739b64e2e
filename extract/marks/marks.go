// Package marks holds the words and phrases, per language, that tell the kind of claim a
// sentence makes: a definition, a stake, a risk, a consequence, a recommendation, a hedge,
// fluff, a truism, a comparison, a contrast, a measure. Lower case, spaces included where
// a mark must stand as a whole word. extract weighs hooks by them.
package marks

// Measure: numbers and units written as words, each with the spaces around it.
var Measure = map[string][]string{
	"en": {" one ", " two ", " three ", " four ", " five ", " six ", " seven ", " eight ", " nine ", " ten ", " twice ", " half ",
		" hour", " day ", " days ", " week", " month", " quarter ", " every release", " every change", " every commit"},
	"es": {" un día ", " dos ", " tres ", " cuatro ", " cinco ", " diez ", " horas ", " días ", " semana", " mes ", " meses "},
	"pt": {" um dia ", " dois ", " duas ", " três ", " quatro ", " cinco ", " dez ", " horas ", " dias ", " semana", " mês ", " meses "},
	"fr": {" un jour ", " deux ", " trois ", " quatre ", " cinq ", " dix ", " heures ", " jours ", " semaine", " mois "},
	"de": {" einen tag ", " zwei ", " drei ", " vier ", " fünf ", " zehn ", " stunden ", " tage", " woche", " monat"},
	"it": {" un giorno ", " due ", " tre ", " quattro ", " cinque ", " dieci ", " ore ", " giorni ", " settiman", " mese ", " mesi "},
	"nl": {" één ", " twee ", " drie ", " vier ", " vijf ", " tien ", " uur ", " dagen ", " week ", " weken ", " maand"},
}

// Definition: marks that make a sentence a definition or a description of parts: true, on
// topic, and bland as a hook ("An operator is a controller that…").
var Definition = map[string][]string{
	"en": {" is a ", " is an ", " are a ", " refers to ", " is defined as ", " are defined as ", " consists of ", " is composed of ",
		" is made up of ", " can be sorted into ", " can be divided into ", " defines how ", " describes ", " is the process of ", " is a set of ",
		" is part of ", " is one of ", " is part of the ", " forms part of ", " is responsible for ", " relies on ", " work in conjunction", " works in conjunction", " is used to "},
	"es": {" es un ", " es una ", " se refiere a ", " se define como ", " consiste en ", " se compone de ", " se divide en ", " se considera parte ", " forma parte de", " es parte de", " se encarga de", " es responsable de "},
	"pt": {" é um ", " é uma ", " refere-se a ", " se refere a ", " é definido como ", " consiste em ", " é composto ", " divide-se em ", " faz parte d", " é parte d", " é responsável por", " se encarrega d"},
	"fr": {" est un ", " est une ", " désigne ", " se définit comme ", " consiste en ", " se compose de ", " fait partie d", " est responsable d", " se charge d"},
	"de": {" ist ein ", " ist eine ", " bezeichnet ", " besteht aus ", " wird definiert als ", " ist teil ", " gehört zu ", " ist verantwortlich für", " ist zuständig für"},
	"it": {" è un ", " è una ", " si riferisce a ", " è definito come ", " consiste in ", " è composto da ", " si compone di ", " fa parte d", " è parte d", " coinvolge ", " è responsabile d", " si occupa d", " comporta in genere"},
	"nl": {" is een ", " verwijst naar ", " bestaat uit ", " wordt gedefinieerd als ", " maakt deel uit van", " is onderdeel van"},
	"ja": {"とは", "のことです", "のことである", "と呼ばれる", "で構成され", "を担当しています", "を担当する"},
	"zh": {"是指", "指的是", "是一种", "是一个", "是一组", "由以下", "包括以下", "分为", "负责"},
	"ko": {"이란 ", "란 ", "라는 것은", "으로 구성", "로 구성", "를 의미", "을 의미"},
}

// Stakes: what a reader gains, loses or risks.
var Stakes = map[string][]string{
	"en": {" reduce", " cut ", " save", " increase", " improve", " prevent", " avoid", " risk", " cost ", " costs", " costly", " cost,", " cost.", " faster", " slower",
		" lose", " attack", " outage", " breach"},
	"es": {" reduc", " ahorr", " aument", " mejor", " evita", " riesgo", " fall", " cost", " ataque", " sin "},
	"pt": {" reduz", " economiz", " aument", " melhor", " evita", " risco", " falh", " cust", " ataque", " sem "},
	"fr": {" rédui", " économis", " augment", " amélior", " évite", " risque", " échou", " coût", " attaque", " sans "},
	"de": {" reduz", " spar", " erhöh", " verbesser", " verhinder", " risiko", " scheiter", " kost", " angriff", " ohne "},
	"it": {" riduc", " risparmi", " aument", " miglior", " evita", " rischio", " fallis", " costi ", " costo ", " attacc", " senza "}, // not " cost": costituisce, costruire
	"nl": {" verminder", " bespaar", " verhoog", " verbeter", " voorkom", " risico", " faal", " kost", " aanval", " zonder "},
	"ja": {"削減", "短縮", "向上", "防", "リスク", "失敗", "コスト", "攻撃"},
	"zh": {"减少", "降低", "节省", "提高", "提升", "防止", "避免", "风险", "失败", "成本", "攻击"},
	"ko": {"줄이", "절감", "향상", "높이", "방지", "위험", "실패", "비용", "공격"},
}

// Consequence: marks that tie a claim to its reason or its result.
var Consequence = map[string][]string{
	"en": {" because ", " so that ", " which means ", " leads to ", " lead to ", " results in ", " result in ", " as a result",
		" otherwise ", " unless ", " only when ", " only if ", " without ", " at the cost of ", " at the expense of "}, // "in order to" is a purpose, not a result
	"es": {" porque ", " para que ", " lo que significa ", " conduce a ", " da lugar a ", " como resultado", " de lo contrario", " a menos que ", " solo cuando ", " sin "},
	"pt": {" porque ", " para que ", " o que significa ", " leva a ", " resulta em ", " como resultado", " caso contrário", " a menos que ", " só quando ", " sem "},
	"fr": {" parce que ", " afin que ", " ce qui signifie ", " conduit à ", " entraîne ", " par conséquent", " sinon ", " à moins que ", " seulement si ", " sans "},
	"de": {" weil ", " damit ", " was bedeutet ", " führt zu ", " dadurch ", " deshalb ", " sonst ", " es sei denn ", " nur wenn ", " ohne "},
	"it": {" perché ", " affinché ", " il che significa ", " porta a ", " comporta ", " di conseguenza", " altrimenti ", " a meno che ", " solo se ", " senza "},
	"nl": {" omdat ", " zodat ", " wat betekent ", " leidt tot ", " daardoor ", " anders ", " tenzij ", " alleen als ", " zonder "},
	"ja": {"ため、", "ので", "によって", "により", "結果", "しないと", "なければ", "場合のみ"},
	"zh": {"因为", "因此", "从而", "导致", "以便", "否则", "除非", "只有", "如果没有"},
	"ko": {"때문에", "따라서", "그 결과", "하지 않으면", "없이는", "경우에만"},
}

// Advice: marks that make a sentence a recommendation: what the reader should do.
var Advice = map[string][]string{
	"en": {" should ", " must ", " need to ", " needs to ", " recommend", " make sure ", " ensure "},
	"es": {" debe ", " deben ", " debería", " se recomienda", " recomendamos", " es necesario ", " asegúre"},
	"pt": {" deve ", " devem ", " deveria", " recomenda", " é necessário ", " garant"},
	"fr": {" doit ", " doivent ", " devrait", " recommand", " il faut ", " assurez"},
	"de": {" sollte", " müssen ", " muss ", " empfehl", " stellen sie sicher"},
	"it": {" deve ", " devono ", " dovrebbe", " dovrebbero", " si raccomanda", " raccomand", " è necessario "},
	"nl": {" moet ", " moeten ", " zou moeten", " aanbevol", " zorg ervoor"},
	"ja": {"べき", "なければなりません", "必要があります", "推奨", "してください"},
	"zh": {"应该", "应当", "必须", "需要", "建议"},
	"ko": {"해야", "필요가 있", "권장", "하십시오", "하세요"},
}

// Hedge: marks that make a claim a possibility: weaker than a finding.
var Hedge = map[string][]string{
	"en": {" might ", " may ", " could ", " can be ", " possibly ", " perhaps "},
	"es": {" podría", " puede ser ", " quizás ", " posiblemente "},
	"pt": {" poderia", " pode ser ", " talvez ", " possivelmente "},
	"fr": {" pourrait", " peut être ", " peut-être ", " éventuellement "},
	"de": {" könnte", " kann sein", " vielleicht ", " möglicherweise "},
	"it": {" potrebbe", " può essere ", " forse ", " eventualmente "},
	"nl": {" zou kunnen", " kan worden ", " misschien ", " mogelijk "},
	"ja": {"かもしれません", "可能性があります", "場合があります"},
	"zh": {"可能", "也许", "或许"},
	"ko": {"수도 있", "가능성이 있"},
}

// Risk: what goes wrong, the stakes a stranger stops for: an attacker, a
// breach, an outage, resistance, waste.
var Risk = map[string][]string{
	"en": {" attack", " compromise", " takeover", " breach", " exploit", " malicious", " outage", " downtime", " resistance",
		" lock-in", " toil", " burnout", " bottleneck", " silos", " frustrat", " waste", " unauthori", " leak"},
	"es": {" ataque", " atacante", " comprometid", " brecha", " malicios", " interrupci", " resistencia", " fuga", " desperdici",
		" frustra", " no autorizad"},
	"pt": {" ataque", " atacante", " comprometid", " violaç", " malicios", " interrupç", " resistência", " vazamento", " desperdíc",
		" frustra", " não autorizad"},
	"fr": {" attaque", " attaquant", " compromis", " malveillant", " panne", " résistance", " fuite", " gaspill", " frustra",
		" non autoris"},
	"de": {" angriff", " angreifer", " kompromittier", " sicherheitslücke", " bösartig", " ausfall", " widerstand", " verschwend",
		" frust", " unbefugt"},
	"it": {" attacc", " compromess", " violazion", " malevol", " dannos", " interruzion", " resistenza", " spreco", " frustra",
		" non autorizzat"},
	"nl": {" aanval", " gecompromitteerd", " inbreuk", " kwaadaardig", " storing", " weerstand", " verspill", " frustr", " onbevoegd"},
	"ja": {"攻撃者", "侵害", "悪意", "障害", "抵抗", "漏洩", "無駄", "不正アクセス"},
	"zh": {"攻击者", "入侵", "泄露", "恶意", "中断", "宕机", "阻力", "浪费", "未经授权"},
	"ko": {"공격자", "침해", "악의", "장애", "저항", "유출", "낭비", "무단"},
}

// Fluff: adjectives and phrases that stand in for a claim: "a comprehensive,
// holistic approach", "best practices".
var Fluff = map[string][]string{
	"en": {" comprehensive", " holistic", " seamless", " enhanced", " various ", " diverse ", " robust", " cutting-edge",
		" best practices", " leverag", " empower", " unlock", " journey", " realm", " can help ", " can assist ", " we can ensure "},
	"es": {" integral", " holístic", " diversos ", " diversas ", " robust", " mejores prácticas", " aprovech"},
	"pt": {" abrangente", " holístic", " diversos ", " diversas ", " robust", " melhores práticas", " alavanc"},
	"fr": {" complet ", " holistique", " divers ", " diverses ", " robuste", " meilleures pratiques"},
	"de": {" umfassend", " ganzheitlich", " vielfältig", " robust", " best practices", " bewährte verfahren"},
	"it": {" completo ", " olistic", " diversi ", " diverse ", " robust", " migliori pratiche", " best practice"},
	"nl": {" uitgebreid", " holistisch", " diverse ", " robuust", " best practices"},
	"ja": {"ベストプラクティス", "包括的", "多様な", "さまざまな"},
	"zh": {"最佳实践", "全面", "各种", "多样"},
	"ko": {"모범 사례", "포괄적", "다양한"},
}

// Truism: marks that make a sentence true of almost anything: "X is essential", "plays a key
// role", "is crucial for".
var Truism = map[string][]string{
	"en": {" is essential", " are essential", " is crucial", " are crucial", " is important", " are important", " is vital", " are vital",
		" is critical", " are critical", " is key ", " plays a key role", " plays an important role", " plays a crucial role", " plays a vital role",
		" is a must", " is paramount", " is fundamental", " a critical component", " a key component", " an essential component", " a critical part", " an essential part", " a key part"},
	"es": {" es esencial", " son esenciales", " es crucial", " son cruciales", " es importante", " son importantes", " es fundamental", " son fundamentales", " juega un papel", " componente crítico", " componente esencial", " componente clave", " parte esencial"},
	"pt": {" é essencial", " são essenciais", " é crucial", " é importante", " são importantes", " é fundamental", " desempenha um papel", " componente crítico", " componente essencial", " parte essencial"},
	"fr": {" est essentiel", " sont essentiels", " est crucial", " est important", " sont importants", " est fondamental", " joue un rôle"},
	"de": {" ist wichtig", " sind wichtig", " ist entscheidend", " ist unerlässlich", " spielt eine wichtige rolle", " spielt eine zentrale rolle"},
	"it": {" è essenziale", " sono essenziali", " è cruciale", " è importante", " sono importanti", " è fondamentale", " sono fondamentali", " svolge un ruolo", " gioca un ruolo", " componente critico", " componente fondamentale", " componente essenziale", " parte essenziale"},
	"nl": {" is essentieel", " is cruciaal", " is belangrijk", " zijn belangrijk", " speelt een belangrijke rol"},
	"ja": {"重要です", "不可欠です", "重要な役割", "欠かせません"},
	"zh": {"至关重要", "非常重要", "很重要", "不可或缺", "发挥着重要作用", "起着关键作用"},
	"ko": {"중요합니다", "필수적입니다", "중요한 역할"},
}

// Comparison: marks of a comparison or a contrast inside a sentence.
var Comparison = map[string][]string{
	"en": {" than ", " compared ", " versus ", " vs ", " instead of ", " rather than ", " while ", " whereas ", " from ", " faster", " fewer ", " less ", " more ", ", not ", " not just ", " not only "},
	"es": {" más que ", " menos que ", " frente a ", " en comparación ", " en lugar de ", " mientras ", " más ", " menos ", ", no ", " no solo "},
	"pt": {" do que ", " em comparação ", " em vez de ", " enquanto ", " mais ", " menos ", ", não ", " não só ", " não apenas "},
	"fr": {" plus que ", " moins que ", " par rapport ", " au lieu de ", " tandis que ", " plus ", " moins ", ", pas ", " non pas ", " pas seulement "},
	"de": {" mehr als ", " weniger als ", " im vergleich ", " statt ", " während ", " mehr ", " weniger ", ", nicht ", " nicht nur "},
	"it": {" rispetto ", " invece di ", " mentre ", " più ", " meno ", ", non ", " non solo "},
	"nl": {" meer dan ", " minder dan ", " vergeleken ", " in plaats van ", " terwijl ", " meer ", " minder ", ", niet ", " niet alleen "},
	"ja": {"より", "比べ", "一方", "倍"},
	"zh": {"比", "相比", "而不是", "倍", "更"},
	"ko": {"보다", "비해", "대신", "배"},
}

// Contrast: marks that set two things against each other in a sentence without a figure
// (marks.Comparison' "more" or "from" say little there).
var Contrast = map[string][]string{
	"en": {" than ", " instead of ", " rather than ", " whereas ", ", while ", " versus ", " vs ", ", not ", " not just ", " not only ", ", but "},
	"es": {" más que ", " menos que ", " mejor que ", " en lugar de ", " en vez de ", " mientras que ", " frente a ", ", no ", " no solo ", ", pero ", " sino "},
	"pt": {" do que ", " em vez de ", " enquanto ", ", não ", " não só ", " não apenas ", ", mas "},
	"fr": {" plutôt que ", " plus que ", " moins que ", " au lieu de ", " tandis que ", ", pas ", " non pas ", " pas seulement ", ", mais "},
	"de": {" mehr als ", " weniger als ", " besser als ", " statt ", " anstatt ", " während ", ", nicht ", " nicht nur ", ", aber ", ", sondern "},
	"it": {" rispetto ", " invece di ", " anziché ", " mentre ", ", non ", " non solo ", ", ma "},
	"nl": {" meer dan ", " minder dan ", " beter dan ", " in plaats van ", " terwijl ", ", niet ", " niet alleen ", ", maar "},
	"ja": {"より", "ではなく", "一方", "比べ"},
	"zh": {"而不是", "相比", "比起", "不是", "而非"},
	"ko": {"보다", "대신", "아니라", "비해"},
}
