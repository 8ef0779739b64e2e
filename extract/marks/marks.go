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

// Definition: marks that make a sentence a definition, a description of parts, a
// textbook account of how a mechanism works ("ensures that", "is designed to", "is
// usually achieved by flooding…", "se logra inundando…") or of what
// it is for ("An essential goal of a platform is to…", "The desire to… has motivated"):
// true, on topic, and bland as a hook ("An operator is a controller that…").
var Definition = map[string][]string{
	"en": {" is achieved by ", " are achieved by ", " is usually achieved", " is typically achieved", " is accomplished by ", " are accomplished by ", " is carried out by ", " are carried out by ", " generally involves", " typically involves", " usually involves", " is used primarily", " are used primarily", " is primarily used", " are primarily used", " is mainly used", " are mainly used", " is commonly used", " are commonly used", " is essentially a", " is fundamentally a", " is basically a", " is primarily a", " is essentially an", " is fundamentally an", " encompasses ", " encompass ", "the desire to ", " goal of ", " goal is to ", " objective of ", " objective is to ", " aim of ", " aim is to ", " purpose of ", " has motivated ", " have motivated ", " is a ", " is an ", " are a ", " ensures that ", " are composed of ", " are made up of ", " consist of ", " comprises ", " is comprised of ",
		" is designed to ", " are designed to ", " works by ", " refers to ", " is defined as ", " are defined as ", " consists of ", " is composed of ",
		" is made up of ", " can be sorted into ", " can be divided into ", " defines how ", " describes ", " is the process of ", " is a set of ",
		" is part of ", " is one of ", " is part of the ", " forms part of ", " is responsible for ", " relies on ", " work in conjunction", " works in conjunction", " is used to ",
		" is intended to ", " are intended to ", " is the practice of ", " is the discipline of ", " is the art of ",
		// A company's profile: "Hartwell Distribution operates 340 tractors…".
		" operates ", " employs "},
	"es": {" se logra ", " se logran ", " se consigue ", " se consiguen ", " se lleva a cabo ", " se llevan a cabo ", " se realiza mediante", " se realizan mediante", " generalmente involucra", " generalmente implica", " normalmente implica", " se utiliza principalmente", " se utilizan principalmente", " se usa principalmente", " se usan principalmente", " se utiliza comúnmente", " se utilizan comúnmente", " es fundamentalmente un", " es esencialmente un", " es básicamente un", " es principalmente un", " abarca ", " abarcan ", "el deseo de ", " objetivo de ", " objetivo es ", " finalidad de ", " propósito de ", " ha motivado ", " han motivado ", " es un ", " es una ", " garantiza que ", " asegura que ", " está diseñad", " están diseñad", " está compuest", " está formad", " están formad", " se refiere a ", " se define como ", " consiste en ", " se compone de ", " se divide en ", " se considera parte ", " forma parte de", " es parte de", " se encarga de", " es responsable de ", " está pensad", " están pensad"},
	"pt": {" é alcançad", " são alcançad", " se consegue ", " é realizado por", " é realizado através", " é obtid", " são obtid", " geralmente envolve", " normalmente envolve", " é usado principalmente", " são usados principalmente", " é utilizado principalmente", " são utilizados principalmente", " é fundamentalmente um", " é essencialmente um", " é basicamente um", " abrange ", " abrangem ", "o desejo de ", " objetivo de ", " objetivo é ", " finalidade de ", " propósito de ", " motivou ", " motivaram ", " é um ", " é uma ", " garante que ", " assegura que ", " é projetad", " são projetad", " é formad", " é constituíd", " refere-se a ", " se refere a ", " é definido como ", " consiste em ", " é composto ", " divide-se em ", " faz parte d", " é parte d", " é responsável por", " se encarrega d", " destina-se a", " destinam-se a"},
	"fr": {" s'obtient ", " s'obtiennent ", " est réalisé par", " est réalisée par", " est obtenu par", " est obtenue par", " implique généralement", " est principalement utilisé", " sont principalement utilisé", " sont utilisés principalement", " sont utilisées principalement", " est fondamentalement un", " est essentiellement un", " est avant tout un", " englobe ", " englobent ", "le désir de ", " objectif de ", " objectif est ", " but de ", " finalité de ", " a motivé ", " ont motivé ", " est un ", " est une ", " garantit que ", " assure que ", " est conçu", " sont conçu", " est composé", " est constitué", " désigne ", " se définit comme ", " consiste en ", " se compose de ", " fait partie d", " est responsable d", " se charge d", " est destiné", " sont destiné"},
	"de": {" wird erreicht, indem", " wird dadurch erreicht", " erfolgt durch ", " erfolgt in der regel", " wird durchgeführt, indem", " umfasst in der regel", " wird hauptsächlich verwendet", " werden hauptsächlich verwendet", " wird vor allem genutzt", " werden vor allem genutzt", " ist im grunde ein", " ist grundsätzlich ein", " ist im wesentlichen ein", " ist im kern ein", " umfasst ", " umfassen ", "der wunsch, ", " ziel von ", " ziel ist es", " ziel der ", " ziel des ", " zweck ", " hat motiviert", " haben motiviert", " ist ein ", " ist eine ", " stellt sicher, dass", " sorgt dafür, dass", " ist darauf ausgelegt", " setzt sich aus", " zusammengesetzt", " bezeichnet ", " besteht aus ", " wird definiert als ", " ist teil ", " gehört zu ", " ist verantwortlich für", " ist zuständig für"},
	"it": {" si ottiene ", " si ottengono ", " si realizza ", " si realizzano ", " avviene tramite", " avviene attraverso", " avviene mediante", " generalmente comporta", " vengono utilizzate principalmente", " vengono utilizzati principalmente", " viene utilizzato principalmente", " viene utilizzata principalmente", " sono utilizzati principalmente", " sono utilizzate principalmente", " è fondamentalmente un", " è essenzialmente un", " è sostanzialmente un", " è principalmente un", " comprende ", " comprendono ", "il desiderio di ", " obiettivo di ", " obiettivo è ", " scopo di ", " finalità di ", " ha motivato ", " hanno motivato ", " è un ", " è una ", " garantisce che ", " assicura che ", " è progettat", " sono progettat", " è costituit", " è format", " si riferisce a ", " è definito come ", " consiste in ", " è composto da ", " si compone di ", " fa parte d", " è parte d", " coinvolge ", " è responsabile d", " si occupa d", " comporta in genere", " è pensat", " sono pensat"},
	"nl": {" wordt bereikt door", " wordt uitgevoerd door", " worden uitgevoerd door", " wordt voornamelijk gebruikt", " worden voornamelijk gebruikt", " omvat doorgaans", " is in wezen een", " is eigenlijk een", " is in de kern een", " omvat ", " omvatten ", "de wens om ", " doel van ", " doel is ", " heeft gemotiveerd", " is een ", " zorgt ervoor dat", " garandeert dat", " is ontworpen", " zijn ontworpen", " is opgebouwd uit", " is samengesteld", " verwijst naar ", " bestaat uit ", " wordt gedefinieerd als ", " maakt deel uit van", " is onderdeel van"},
	"ja": {"目的は", "目標は", "目的とし", "とは", "を保証します", "ように設計", "から構成", "のことです", "のことである", "と呼ばれる", "で構成され", "を担当しています", "を担当する",
		"会社で、", "企業で、", "会社です", "企業です"},
	"zh": {"目的是", "目标是", "希望", "是指", "旨在", "组成", "构成", "指的是", "是一种", "是一个", "是一组", "由以下", "包括以下", "分为", "负责", "是一家"},
	"ko": {"목표는", "목적은", "이란 ", "보장합니다", "보장한다", "설계되었", "로 이루어", "으로 이루어", "란 ", "라는 것은", "으로 구성", "로 구성", "를 의미", "을 의미",
		"기업으로", "회사로", "기업이다", "회사다", "기업입니다", "회사입니다"},
}

// Stakes: what a reader gains, loses or risks.
var Stakes = map[string][]string{
	"en": {" doubles", " doubled", " doubling", " triples", " tripled", " halves", " halved", " reduce", " cut ", " save", " increase", " improve", " prevent", " avoid", " risk", " cost ", " costs", " costly", " cost,", " cost.", " faster", " slower",
		" lose", " attack", " outage", " breach", " fall by ", " falls by ", " fell by ", " drop by ", " drops by ", " dropped by ",
		" rise by ", " rises by ", " rose by ", " grow by ", " grows by ", " grew by "},
	"es": {" duplica", " triplica", " reduc", " ahorr", " aument", " mejor", " evita", " riesgo", " fall", " cost", " ataque", " sin "},
	"pt": {" dobra", " duplica", " triplica", " pela metade", " reduz", " economiz", " aument", " melhor", " evita", " risco", " falh", " cust", " ataque", " sem "},
	"fr": {" double ", " doublé", " triple ", " triplé", " divise par deux", " rédui", " économis", " augment", " amélior", " évite", " risque", " échou", " coût", " attaque", " sans "},
	"de": {" verdoppel", " verdreifach", " halbier", " reduz", " spar", " erhöh", " verbesser", " verhinder", " risiko", " scheiter", " kost", " angriff", " ohne "},
	"it": {" raddoppi", " triplic", " dimezz", " riduc", " ridur", " ridott", " risparmi", " aument", " miglior", " evita", " rischio", " fallis", " costi ", " costo ", " attacc", " senza "}, // not " cost": costituisce, costruire
	"nl": {" verdubbel", " verdrievoudig", " halveer", " verminder", " bespaar", " verhoog", " verbeter", " voorkom", " risico", " faal", " kost", " aanval", " zonder "},
	"ja": {"倍増", "半減", "半分", "減少", "減り", "減っ", "増加", "増え", "削減", "短縮", "向上", "防", "リスク", "失敗", "コスト", "攻撃"},
	"zh": {"翻倍", "翻一番", "减半", "下降", "增长", "减少", "降低", "节省", "提高", "提升", "防止", "避免", "风险", "失败", "成本", "攻击"},
	"ko": {"두 배", "절반", "줄었", "감소", "증가", "늘었", "줄이", "절감", "향상", "높이", "방지", "위험", "실패", "비용", "공격"},
}

// Purposes are the words that make a stake that follows them an aim rather than a result
// ("to reduce duplication", "para reducir", "per ridurre", "um Kosten zu senken"): a goal
// stated ("An essential goal is to reduce…") is no finding.
var Purposes = map[string]string{
	"en": "to help helps helping", "es": "para a", "pt": "para a", "fr": "pour à", "de": "zu um",
	"it": "per a di onde", "nl": "te om",
}

// Possibility: modal verbs that make a stake after them, anywhere later in the sentence,
// a promise rather than a result ("organizations can increase satisfaction", "puede
// reducir"). Languages that put the verb last (Japanese, Korean) are not listed: their
// modal follows the stake.
var Possibility = map[string][]string{
	"en": {" can ", " could "},
	"es": {" puede ", " pueden ", " podría", " podrán "},
	"pt": {" pode ", " podem ", " poderia", " poderão "},
	"fr": {" peut ", " peuvent ", " pourrait", " pourront "},
	"de": {" kann ", " können ", " könnte"},
	"it": {" può ", " possono ", " potrebbe", " potranno "},
	"nl": {" kan ", " kunnen ", " zou kunnen "},
	"zh": {"可以", "能够"},
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
	"en": {" should ", " must ", " need to ", " needs to ", " recommend", " make sure ", " ensure ", " advised ", " advisable "},
	"es": {" debe ", " deben ", " debería", " se recomienda", " recomendamos", " recomendable", " se aconseja", " es necesario ",
		" asegúre"},
	"pt": {" deve ", " devem ", " deveria", " recomenda", " aconselh", " é necessário ", " garant"},
	"fr": {" doit ", " doivent ", " devrait", " recommand", " conseill", " il faut ", " assurez"},
	"de": {" sollte", " müssen ", " muss ", " empfehl", " ratsam", " stellen sie sicher"},
	"it": {" deve ", " devono ", " dovrebbe", " dovrebbero", " si raccomanda", " raccomand", " si consiglia", " consigliat",
		" è necessario "},
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
		" lock-in", " toil", " burnout", " bottleneck", " silos", " frustrat", " waste", " unauthori", " leak",
		" arbitrary code", " arbitrary execution", " arbitrary command", " lose ", " loses ", " lost ", " losing "},
	"es": {" ataque", " atacante", " comprometid", " brecha", " malicios", " interrupci", " resistencia", " fuga", " desperdici",
		" frustra", " no autorizad", " código arbitrario", " pierde", " pérdida"},
	"pt": {" ataque", " atacante", " comprometid", " violaç", " malicios", " interrupç", " resistência", " vazamento", " desperdíc",
		" frustra", " não autorizad", " código arbitrário", " perde", " perda"},
	"fr": {" attaque", " attaquant", " compromis", " malveillant", " panne", " résistance", " fuite", " gaspill", " frustra",
		" non autoris", " code arbitraire", " perd"},
	"de": {" angriff", " angreifer", " kompromittier", " sicherheitslücke", " bösartig", " ausfall", " widerstand", " verschwend",
		" frust", " unbefugt", " beliebige code", " beliebigen code", " verlier", " verlust"},
	"it": {" attacc", " compromess", " violazion", " malevol", " dannos", " interruzion", " resistenza", " spreco", " frustra",
		" non autorizzat", " codice arbitrario", " perd"},
	"nl": {" aanval", " gecompromitteerd", " inbreuk", " kwaadaardig", " storing", " weerstand", " verspill", " frustr", " onbevoegd", " verlie"},
	"ja": {"攻撃者", "侵害", "悪意", "障害", "抵抗", "漏洩", "無駄", "不正アクセス", "損失", "失う", "失われ"},
	"zh": {"攻击者", "入侵", "泄露", "恶意", "中断", "宕机", "阻力", "浪费", "未经授权", "损失", "丢失"},
	"ko": {"공격자", "침해", "악의", "장애", "저항", "유출", "낭비", "무단", "손실", "잃"},
}

// Fluff: adjectives and phrases that stand in for a claim: "a comprehensive,
// holistic approach", "best practices".
var Fluff = map[string][]string{
	"en": {" comprehensive", " holistic", " seamless", " enhanced", " various ", " diverse ", " robust", " cutting-edge",
		" best practices", " leverag", " empower", " unlock", " journey", " realm", " can help ", " can assist ", " we can ensure "},
	"es": {" integral", " holístic", " diversos ", " diversas ", " robust", " mejores prácticas", " aprovech", " puede ayudar",
		" pueden ayudar"},
	"pt": {" abrangente", " holístic", " diversos ", " diversas ", " robust", " melhores práticas", " alavanc", " pode ajudar",
		" podem ajudar"},
	"fr": {" complet ", " holistique", " divers ", " diverses ", " robuste", " meilleures pratiques", " peut aider", " peuvent aider"},
	"de": {" umfassend", " ganzheitlich", " vielfältig", " robust", " best practices", " bewährte verfahren", " kann helfen",
		" können helfen"},
	"it": {" completo ", " olistic", " diversi ", " diverse ", " robust", " migliori pratiche", " best practice", " può aiutare",
		" possono aiutare"},
	"nl": {" uitgebreid", " holistisch", " diverse ", " robuust", " best practices", " kan helpen", " kunnen helpen"},
	"ja": {"ベストプラクティス", "包括的", "多様な", "さまざまな"},
	"zh": {"最佳实践", "全面", "各种", "多样"},
	"ko": {"모범 사례", "포괄적", "다양한"},
}

// Truism: marks that make a sentence true of almost anything: "X is essential", "plays a key
// role", "is crucial for".
var Truism = map[string][]string{
	"en": {" will be essential", " will be crucial", " will be critical", " will be vital", " will be key ", " gaining popularity", " growing in popularity", " gaining traction", "threat landscape", " adequately protected", " adequately secured", " properly protected", " properly secured", " often overlooked", " frequently overlooked", " often ignored", " often neglected", " often underestimated", " too often ", " should be aware", " must be aware", " need to be aware", " needs to be aware", " be mindful of", " should keep in mind", " require attention", " requires attention",
		" is essential", " are essential", " is crucial", " are crucial", " is important", " are important", " is vital", " are vital",
		" is critical", " are critical", " is key ", " plays a key role", " plays an important role", " plays a crucial role", " plays a vital role",
		" is a must", " is paramount", " is fundamental", " a critical component", " a key component", " an essential component", " a critical part", " an essential part", " a key part",
		"as the number of ", "as the amount of "}, // "As the number of X adds up, its complexity increases": a trend anyone could state; "…risks that are too often overlooked": said of every risk
	"es": {" será esencial", " serán esenciales", " será crucial", " serán cruciales", " será fundamental", " serán fundamentales", " ganando popularidad", "panorama de amenazas", " protegerse adecuadamente", " adecuadamente protegid", " protegidas adecuadamente", " protegidos adecuadamente", " se pasan por alto", " se pasa por alto", " a menudo se subestima", " a menudo se ignora", " deben ser conscientes", " debe ser consciente", " deben tener en cuenta", " debe tener en cuenta", " requieren atención", " requiere atención",
		" es esencial", " son esenciales", " es crucial", " son cruciales", " es importante", " son importantes", " es fundamental", " son fundamentales", " juega un papel", " componente crítico", " componente esencial", " componente clave", " parte esencial",
		"a medida que aumenta el número", "a medida que crece el número"},
	"pt": {" será essencial", " serão essenciais", " será crucial", " será fundamental", " serão fundamentais", " ganhando popularidade", "panorama de ameaças", " adequadamente protegid", " protegidos adequadamente", " protegidas adequadamente", " muitas vezes negligenciad", " frequentemente ignorad", " muitas vezes subestimad", " devem estar cientes", " deve estar ciente", " devem ter em mente", " deve ter em mente", " requerem atenção", " requer atenção",
		" é essencial", " são essenciais", " é crucial", " é importante", " são importantes", " é fundamental", " desempenha um papel", " componente crítico", " componente essencial", " parte essencial",
		"à medida que o número", "à medida que aumenta o número"},
	"fr": {" sera essentiel", " seront essentiels", " sera crucial", " sera fondamental", " gagne en popularité", "paysage des menaces", " correctement protégé", " protégés correctement", " protégées correctement", " souvent négligé", " souvent sous-estimé", " souvent ignoré", " doivent être conscients", " doit être conscient", " doivent garder à l'esprit", " nécessitent une attention",
		" est essentiel", " sont essentiels", " est crucial", " est important", " sont importants", " est fondamental", " joue un rôle",
		"à mesure que le nombre"},
	"de": {" wird entscheidend sein", " wird unerlässlich sein", " werden entscheidend sein", " an popularität", "bedrohungslandschaft", " angemessen geschützt", " ausreichend geschützt", " oft übersehen", " häufig übersehen", " oft unterschätzt", " häufig unterschätzt", " sollten sich bewusst sein", " muss sich bewusst sein", " sollten bedenken", " erfordern aufmerksamkeit",
		" ist wichtig", " sind wichtig", " ist entscheidend", " ist unerlässlich", " spielt eine wichtige rolle", " spielt eine zentrale rolle",
		"mit der zahl der", "je mehr "},
	"it": {" sarà essenziale", " saranno essenziali", " sarà cruciale", " sarà fondamentale", " saranno fondamentali", " guadagnando popolarità", "panorama delle minacce", " adeguatamente protett", " protetti adeguatamente", " protette adeguatamente", " spesso trascurat", " spesso sottovalutat", " spesso ignorat", " devono essere consapevoli", " deve essere consapevole", " devono tenere presente", " richiedono attenzione", " richiede attenzione",
		" è essenziale", " sono essenziali", " è cruciale", " è importante", " sono importanti", " è fondamentale", " sono fondamentali", " svolge un ruolo", " gioca un ruolo", " componente critico", " componente fondamentale", " componente essenziale", " parte essenziale",
		"all'aumentare del numero", "con l'aumentare del numero"},
	"nl": {" zal essentieel zijn", " zal cruciaal zijn", " aan populariteit", "dreigingslandschap", " adequaat beschermd", " goed beveiligd", " vaak over het hoofd gezien", " vaak onderschat", " moeten zich bewust zijn", " moet zich bewust zijn", " vereisen aandacht",
		" is essentieel", " is cruciaal", " is belangrijk", " zijn belangrijk", " speelt een belangrijke rol"},
	"ja": {"見落とされがち", "軽視されがち", "過小評価されがち", "認識する必要", "意識する必要", "注意が必要です",
		"重要です", "不可欠です", "重要な役割", "欠かせません"},
	"zh": {"常常被忽视", "往往被忽视", "经常被忽视", "常被忽视", "往往被低估", "应该意识到", "应当意识到", "需要意识到", "需要关注",
		"至关重要", "非常重要", "很重要", "不可或缺", "发挥着重要作用", "起着关键作用"},
	"ko": {"간과되기 쉽", "간과되는 경우가 많", "인식해야", "유의해야",
		"중요합니다", "필수적입니다", "중요한 역할"},
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
// (marks.Comparison' "more" or "from" say little there), a concession included ("Although
// tests catch known problems, they cannot stop everything"). Not "frente a", "rispetto" or
// a bare より: "evaluate against the frameworks", "により" (by means of) set nothing against.
var Contrast = map[string][]string{
	"en": {"although ", "even though ", " twice as ", " half as ", " times as ", ", where it took ", ", where they took ", ", where it used to ", ", where they used to ", " than ", " instead of ", " rather than ", " versus ", " vs ", ", not ", " not just ", " not only ", ", but "},
	"es": {"si bien ", "aunque ", " más que ", " menos que ", " mejor que ", " en lugar de ", " en vez de ", ", no ", " no solo ", ", pero ", " sino "},
	"pt": {"embora ", "ainda que ", " do que ", " em vez de ", ", não ", " não só ", " não apenas ", ", mas "},
	"fr": {"bien que ", "même si ", " plutôt que ", " plus que ", " moins que ", " au lieu de ", ", pas ", " non pas ", " pas seulement ", ", mais "},
	"de": {"obwohl ", "wenngleich ", " mehr als ", " weniger als ", " besser als ", " statt ", " anstatt ", ", nicht ", " nicht nur ", ", aber ", ", sondern "},
	"it": {"sebbene ", "benché ", "anche se ", " invece di ", " anziché ", ", non ", " non solo ", ", ma "},
	"nl": {"hoewel ", "ofschoon ", " meer dan ", " minder dan ", " beter dan ", " in plaats van ", ", niet ", " niet alleen ", ", maar "},
	"ja": {"ものの", "にもかかわらず", "よりも", "ではなく", "比べ"},
	"zh": {"虽然", "尽管", "而不是", "相比", "比起", "不是", "而非"},
	"ko": {"에도 불구하고", "보다", "대신", "아니라", "비해"},
}

// Juxtaposition: marks that set two facts side by side ("…, while the platform is the
// thinnest layer", "一方で"): a contrast only when the sentence says what is at stake in
// it (a gain or a loss, a risk, a measure); else two descriptions in one sentence.
var Juxtaposition = map[string][]string{
	"en": {", while ", " whereas "}, "es": {" mientras que "}, "pt": {" enquanto "}, "fr": {" tandis que "},
	"de": {" während "}, "it": {" mentre "}, "nl": {" terwijl "}, "ja": {"一方"},
}

// VagueComparison: a comparison with an unnamed past or with everything else ("more than
// previous paradigms", "than ever before", "que nunca"): it sets the claim against nothing a
// reader can check, so it is no contrast, however it is worded. Each mark overlaps the
// Contrast mark it cancels (" than ", " más que ", "よりも").
var VagueComparison = map[string][]string{
	"en": {" than ever", " than before", " than previous ", " than prior ", " than earlier ", " than past ", " than traditional ",
		" than conventional ", " than legacy ", " than older ", " than other approaches", " than other paradigms", " than anything "},
	"es": {" que nunca", " que antes", " que los anteriores", " que las anteriores", " que los tradicionales", " que las tradicionales",
		" que los enfoques ", " que los paradigmas "},
	"pt": {" do que nunca", " do que antes", " do que os anteriores", " do que as anteriores", " do que os tradicionais", " do que as tradicionais",
		" do que os paradigmas "},
	"fr": {" que jamais", " qu'auparavant", " qu’auparavant", " que les précédent", " que les paradigmes ", " que les approches traditionnelles"},
	"de": {" als je zuvor", " als jemals", " als bisher", " als früher", " als zuvor", " als frühere ", " als herkömmliche ", " als bisherige "},
	"it": {" che mai", " di prima", " che in passato", " rispetto al passato", " rispetto ai paradigmi ", " rispetto agli approcci tradizionali"},
	"nl": {" dan ooit", " dan voorheen", " dan vroeger", " dan eerdere ", " dan traditionele "},
	"ja": {"以前よりも", "従来よりも", "これまでよりも", "今までよりも", "かつてよりも"},
	"zh": {"相比以前", "相比以往", "相比过去", "相比传统"},
	"ko": {"이전보다", "기존보다", "과거보다", "그 어느 때보다"},
}

// Additive: the second half of "not only… but also", which adds a thing rather than
// setting one against another ("The mesh not only isolates services but also retries
// calls", "no sólo… sino también"): a list of features, however it is worded. It
// cancels the Contrast and Comparison marks it overlaps (", but", " sino ") and the
// NotOnly marks before it.
var Additive = map[string][]string{
	"en": {" but also ", ", but also ", " but even "},
	"es": {" sino también ", " sino que también ", " sino además "},
	"pt": {" mas também ", " como também ", " mas ainda "},
	"fr": {" mais aussi ", " mais également ", " mais encore "},
	"de": {" sondern auch ", ", sondern auch ", " sondern zudem "},
	"it": {" ma anche ", " ma pure ", " bensì anche "},
	"nl": {" maar ook ", ", maar ook "},
	"ja": {"だけでなく", "のみならず", "ばかりでなく"},
	"zh": {"不仅", "不但", "不只"},
	"ko": {"뿐만 아니라", "뿐 아니라"},
}

// RiskField: a risk named as a field of work ("risk management", "identificar riesgos",
// "modelli di minaccia"): what a process deals with, not a risk the sentence states. It
// cancels the Risk and Stakes marks it overlaps.
var RiskField = map[string][]string{
	"en": {" risk management", " managing risk", " manage risk", " risk assessment", " assess risk", " assessing risk",
		" identify risk", " identifying risk", " risk analysis", " threat model", " risk-based", " risk appetite", " risk tolerance"},
	"es": {" gestión de riesgos", " gestión del riesgo", " gestionar riesgos", " gestionar los riesgos", " evaluación de riesgos",
		" evaluación del riesgo", " evaluar los riesgos", " análisis de riesgos", " identificar riesgos", " identificar los riesgos",
		" modelos de amenazas", " modelado de amenazas", " basado en riesgos", " apetito de riesgo"},
	"pt": {" gestão de riscos", " gestão do risco", " gerenciamento de riscos", " avaliação de riscos", " análise de riscos",
		" identificar riscos", " identificar os riscos", " modelagem de ameaças", " modelos de ameaças", " baseada em riscos"},
	"fr": {" gestion des risques", " gestion du risque", " évaluation des risques", " analyse des risques", " identifier les risques",
		" modélisation des menaces", " modèles de menaces", " fondée sur les risques"},
	"de": {" risikomanagement", " risikobewertung", " risikoanalyse", " risiken zu identifizieren", " risiken identifizieren",
		" bedrohungsmodell", " risikobasiert"},
	"it": {" gestione del rischio", " gestione dei rischi", " valutazione del rischio", " valutazione dei rischi", " analisi dei rischi",
		" identificare i rischi", " identificare e affrontare i rischi", " modellazione delle minacce", " modelli di minaccia",
		" basato sul rischio", " basata sul rischio"},
	"nl": {" risicobeheer", " risicobeoordeling", " risicoanalyse", " risico's identificeren", " dreigingsmodel", " risicogebaseerd"},
}

// NotOnly: the first half of "not only… but also" (marks.Additive).
var NotOnly = map[string][]string{
	"en": {" not only ", " not just ", " not merely "},
	"es": {" no solo ", " no sólo ", " no solamente ", " no únicamente "},
	"pt": {" não só ", " não apenas ", " não somente "},
	"fr": {" pas seulement ", " non seulement ", " pas uniquement "},
	"de": {" nicht nur ", " nicht bloß "},
	"it": {" non solo ", " non soltanto ", " non solamente "},
	"nl": {" niet alleen ", " niet enkel "},
}

// Caveat: marks of a claim that withholds its answer ("it depends", "there is no
// one-size-fits-all", "is not always malicious"): true of every choice, a reason to read
// on nowhere.
var Caveat = map[string][]string{
	"en": {" is not always ", " are not always ", " isn't always ", " aren't always ", " is not necessarily ", " are not necessarily ", "it depends", " depends on ", "not an exact science", " is dependent on ", " are dependent on ", "one-size-fits-all", "one size fits all",
		"results may vary", "mileage may vary", "no silver bullet", "case-by-case", "case by case", "no single right", "no right answer"},
	"es": {" no siempre ", " no necesariamente ", "depende ", "no es una ciencia exacta", "talla única", "solución única", "los resultados pueden variar", "caso por caso", "no hay una respuesta"},
	"pt": {" nem sempre ", " não necessariamente ", "depende ", "não é uma ciência exata", "tamanho único", "solução única", "os resultados podem variar", "caso a caso", "não há uma resposta"},
	"fr": {" pas toujours ", " pas forcément ", "dépend ", "dépendent ", "pas une science exacte", "taille unique", "solution universelle", "les résultats peuvent varier", "au cas par cas"},
	"de": {" nicht immer ", " nicht unbedingt ", "es kommt darauf an", "hängt von ", "hängen von ", "abhängig von", "keine exakte wissenschaft", "einheitslösung", "patentrezept", "von fall zu fall"},
	"it": {" non sempre ", " non necessariamente ", "dipende ", "dipendono ", "non è una scienza esatta", "taglia unica", "soluzione universale", "i risultati possono variare", "caso per caso"},
	"nl": {" niet altijd ", " niet noodzakelijk ", "het hangt ervan af", "hangt af van", "hangen af van", "geen exacte wetenschap", "one-size-fits-all", "per geval"},
	"ja": {"必ずしも", "によって異なり", "次第です", "場合による", "一概には", "万能", "厳密な科学ではない"},
	"zh": {"不一定", "未必", "取决于", "视情况而定", "因情况而异", "没有放之四海而皆准", "一刀切", "并非精确的科学", "不是一门精确的科学"},
	"ko": {"에 따라 다릅", "에 달려 있", "경우에 따라", "만능", "정확한 과학이 아닙"},
}

// CounterView: a view the author goes on to argue against, a belief the document sets up
// to refute ("many believe", "is often associated with", a scare-quoted “solely”).
var CounterView = map[string][]string{
	"en": {"you often hear", "you will often hear", "you'll often hear", "we often hear", "one often hears", "it is commonly said", "a common belief", "the common belief", "a widespread belief", "received wisdom", "because they believe", "because they think", "believing they", "convinced they", "some say", "some people", "some argue", "it is often said", "it's often said", "is often claimed", "common misconception",
		"a myth", "the myth", "many believe", "many people believe", "critics", "skeptics", "sceptics", "one might argue",
		"you might think", "conventional wisdom", "contrary to", "is often associated with", "are often associated with",
		"commonly associated with", "is solely ", "are solely ", "“solely”", "\"solely\"", "commonly thought", "commonly believed",
		"widely believed", "it is often thought", "is often seen as", "are often seen as", "is often perceived", "are often perceived",
		" believe they are ", " think they are ", "some consultants", "some analysts", "some experts", "some vendors",
		"consultants argue", "analysts argue", "experts argue"},
	"es": {"se oye a menudo", "se oye con frecuencia", "se escucha a menudo", "se escucha con frecuencia", "es habitual oír", "es frecuente oír", "una creencia", "creencia extendida", "porque creen", "convencidos de que", " creen ser ", " creen que son ", "algunos expertos", "algunos analistas", "algunos consultores", "algunos dicen", "se suele decir", "un mito", "muchos creen", "los críticos", "se asocia a menudo", "a menudo se asocia",
		"suele asociarse", "únicamente con", "comúnmente se cree", "se cree comúnmente", "se suele pensar"},
	"pt": {"ouve-se muito", "ouve-se com frequência", "ouve-se frequentemente", "é comum ouvir", "uma crença", "crença comum", "porque acreditam", "convencidos de que", " acreditam ser ", " acreditam que são ", "alguns especialistas", "alguns analistas", "alguns consultores", "alguns dizem", "costuma-se dizer", "um mito", "muitos acreditam", "os críticos", "é frequentemente associad",
		"muitas vezes associad", "unicamente a", "acredita-se comumente", "costuma-se pensar"},
	"fr": {"on entend souvent", "on entend fréquemment", "on entend régulièrement", "on entend dire", "il est courant d'entendre", "idée reçue", "croyance répandue", "parce qu'ils pensent", "persuadés que", "convaincus que", "certains disent", "on dit souvent", "un mythe", "beaucoup pensent", "les critiques", "souvent associé", "est uniquement",
		"on pense souvent", "on croit souvent", "il est communément admis"},
	"de": {"man hört oft", "hört man oft", "man hört häufig", "hört man häufig", "verbreitete annahme", "verbreiteter irrtum", "weil sie glauben", "weil sie meinen", "in der annahme", "manche sagen", "oft heißt es", "ein mythos", "viele glauben", "kritiker", "oft mit", "wird oft als", "ausschließlich mit",
		"gemeinhin angenommen", "es wird oft angenommen"},
	"it": {"si sente spesso", "si sente dire", "capita spesso di sentire", "luogo comune", "convinzione diffusa", "credenza diffusa", "perché credono", "convinti che", "alcuni dicono", "si dice spesso", "un mito", "molti credono", "i critici", "spesso associat", "è solamente", "esclusivamente a",
		"si pensa comunemente", "comunemente si ritiene", "si crede spesso"},
	"nl": {"je hoort vaak", "hoor je vaak", "men hoort vaak", "wijdverbreide opvatting", "omdat ze denken", "omdat ze geloven", "sommigen zeggen", "vaak wordt gezegd", "een mythe", "velen denken", "critici", "vaak geassocieerd", "uitsluitend geassocieerd",
		"algemeen wordt aangenomen"},
	"ja": {"も根強く", "が根強く", "も根強い", "が根強い", "よく耳にします", "よく耳にする", "という声をよく聞", "と信じられて", "と考えている企業も", "と考えられがち", "と思われがち", "と誤解され", "よく言われ", "と結び付けられがち", "神話", "という声もある", "という意見もある"},
	"zh": {"常听到", "经常听到", "常有人说", "不少人以为", "很多人以为", "人们常认为", "通常被认为", "普遍认为", "常被误解", "往往被等同于", "很多人认为", "许多人认为", "误区", "有一种观点", "颇为流行", "一种流行的说法"},
	"ko": {"흔히 듣는", "자주 듣는", "흔히들", "이라고 믿", "라고 믿는", "흔히 생각", "흔히 여겨", "일반적으로 여겨", "많은 사람들이 생각", "오해", "일각에서는", "업계 일각", "주장이 나옵니다", "주장이 나온다"},
}

// ContrastOpeners are the first words of a sentence that turns against the one before it
// ("However, …", "Sin embargo", "しかし"): that one states the view it refutes. Spaced
// languages are matched as whole words at the start, the others as prefixes.
var ContrastOpeners = map[string][]string{
	"en": {"however", "but", "yet", "nevertheless", "nonetheless", "in reality", "in contrast", "on the contrary", "that said", "actually",
		"conversely", "by contrast",
		// The same subject denied: "…produces an impressive dataset. It does not produce a
		// single renegotiated renewal…"
		"it does not", "it doesn't", "it did not", "it didn't", "it is not", "it isn't", "that does not", "that doesn't",
		"that is not", "this does not", "this is not", "they do not", "they don't", "none of that", "none of this"},
	"es": {"sin embargo", "pero", "no obstante", "en cambio", "en realidad", "al contrario", "por el contrario", "a la inversa"},
	"pt": {"no entanto", "porém", "contudo", "mas", "todavia", "entretanto", "na realidade", "na verdade", "pelo contrário", "ao contrário"},
	"fr": {"cependant", "mais", "toutefois", "pourtant", "néanmoins", "en réalité", "en revanche", "au contraire", "à l'inverse", "à l’inverse", "a contrario", "inversement"},
	"de": {"jedoch", "aber", "allerdings", "doch", "dennoch", "trotzdem", "in wirklichkeit", "im gegenteil"},
	"it": {"tuttavia", "ma", "però", "eppure", "in realtà", "al contrario", "invece", "all'opposto"},
	"nl": {"maar", "echter", "toch", "desondanks", "in werkelijkheid", "integendeel"},
	"ja": {"しかし", "だが", "ところが", "でも", "とはいえ", "実際には", "むしろ"},
	"zh": {"但", "然而", "不过", "可是", "事实上", "实际上", "相反"},
	"ko": {"하지만", "그러나", "그렇지만", "그런데", "실제로는", "오히려"},
}

// Voice: words of a voice other than the brand's, a space-separated word list per
// language: one person's ("I believe") and the authors' in the first person plural ("we
// are seeing", "our recommendation", "Estamos viendo", "Stiamo assistendo"). Whole
// words: English "we", Dutch "we" and "ons", never part of another word. Spanish and
// Portuguese list verbs that carry the pronoun (their -amos/-emos endings are also
// nouns': "préstamos", "extremos"); Italian's -iamo ending is itself the mark.
var Voice = map[string]string{
	"en": `i i'm i've i'd i'll i’m i’ve my me mine myself we we're we've we'll we'd we’re we’ve we’ll we’d our ours ourselves`,
	"es": `yo mí mío mía conmigo nos nosotros nosotras nuestro nuestra nuestros nuestras estamos vemos hemos creemos recomendamos
		consideramos proponemos observamos esperamos queremos podemos debemos tenemos sabemos somos vimos hicimos
		ayudamos ofrecemos ponemos diseñamos desarrollamos`,
	"pt": `eu meu minha meus minhas comigo nós nosso nossa nossos nossas estamos vemos temos acreditamos recomendamos
		consideramos propomos observamos esperamos queremos podemos devemos sabemos somos vimos fizemos
		ajudamos oferecemos desenvolvemos`,
	"fr": `je j' moi mon ma mes nous notre nos`,
	"de": `ich mein meine meinen meinem meiner mir mich wir unser unsere unseren unserem unserer uns`,
	"it": `io mio mia miei mie noi nostro nostra nostri nostre`,
	"nl": `ik mijn mij wij we ons onze`,
}

// VoiceCJK are the same where words are not spaced (Korean's particles attach to them).
var VoiceCJK = map[string][]string{
	"ja": {"私は", "私が", "私の", "僕", "俺", "筆者は", "私たち", "我々", "われわれ", "当社", "弊社"},
	"zh": {"我认为", "我相信", "我的", "我是", "我想", "笔者", "我们", "本公司", "我司"},
	"ko": {"저는", "나는", "제가", "내가", "저의", "필자", "우리", "저희", "당사"},
}

// BareVerbs are, for the languages that drop the subject pronoun, the endings of a
// first word that is a finite verb of the third person plural ("Proporcionan…",
// "Forniscono…", "Fornecem…": "they provide", leaning on the sentence that named them),
// the singular forms common enough to list, and the words with such an ending that are
// not verbs.
var BareVerbs = map[string]struct{ Endings, Verbs, Not string }{
	"es": {"an en", `son están permite ofrece proporciona brinda garantiza incluye requiere facilita aporta contiene
		describe define establece puede debe da tiene cuenta emplea opera factura dispone`, `resumen imagen origen examen volumen régimen margen orden joven bien gran tan quien cien
		plan open token existen surgen aparecen quedan faltan abundan proliferan siguen`},
	"it": {"ano ono", `sono hanno permette offre fornisce garantisce include richiede consente contiene descrive
		definisce stabilisce può deve`, `piano mano umano strano lontano sano vano milano italiano quotidiano buono suono trono tono
		dono cono esistono restano mancano emergono`},
	"pt": {"am em", `são têm estão permite oferece fornece proporciona garante inclui requer facilita contém descreve
		define estabelece pode deve`, `bem também além porém sem quem nem cem imagem mensagem linguagem ordem origem viagem vantagem
		margem garagem homem item existem surgem aparecem restam faltam`},
}

// Infinitives are the endings of an infinitive, and the finite verbs that make one
// opening a sentence its subject ("Proteger la cadena es crítico"); without one, a
// sentence that opens with an infinitive is an instruction out of its list ("Mantener la
// interoperabilidad…", "Garantire che…"), as documents translated from a list often have.
var Infinitives = map[string]struct{ Endings, Finite string }{
	"es": {"ar er ir", `es son será sería era resulta permite permiten ayuda requiere reduce evita puede pueden debe deben
		implica supone significa exige garantiza mejora aumenta`},
	"it": {"are ere ire", `è sono sarà sarebbe era risulta permette aiuta richiede riduce evita consente può possono deve
		devono implica significa comporta garantisce migliora aumenta`},
	"pt": {"ar er ir", `é são será seria era resulta permite ajuda exige requer reduz evita pode podem deve devem implica
		significa garante melhora aumenta`},
	"fr": {"er ir", `est sont sera serait était permet permettent aide exige requiert réduit évite peut peuvent doit doivent
		implique signifie garantit améliore augmente diminue coûte reste`},
}

// ReferenceOpenersCJK are openings that lean on an earlier sentence (pronouns,
// demonstratives, connectives: "これ", "但", "하지만") in languages written without spaces
// between words, and in Korean, whose particles attach to the word: matched as prefixes.
var ReferenceOpenersCJK = map[string][]string{
	"ja": {"特に", "とりわけ", "これ", "それ", "あれ", "後で", "あとで", "半年後", "一年後", "1年後", "その後", "数か月後", "この", "その", "あの", "こうした", "そうした", "こう", "そう", "彼ら", "彼", "しかし", "また", "さらに", "そこで",
		"つまり", "ただし", "そして", "だが", "でも", "したがって", "従って", "そのため", "このため", "一方", "なお", "ところが", "同様に", "最後に",
		"例えば", "たとえば", "次に", "まず", "先に", "前章", "もう一つ", "もう一方", "もう片方", "他方", "他の", "要するに", "簡単に言えば", "一言で言えば",
		"結果として", "その結果", "むしろ", "第一に", "第二に", "第三に", "第四に", "ただ、", "逆に", "残り", "同社", "同氏", "実際", "実は", "にもかかわらず", "ここでは",
		"ここで", "同時に", "理由は", "原因は", "答えは", "その理由", "効果が", "効果は", "結果は", "結果が", "差は", "課題は", "問題は"},
	"zh": {"排在前", "排名前", "位列前", "特别是", "尤其是", "这", "那", "此", "该", "与之相对", "与此相对", "与之相比", "相对而言", "对此", "对于这", "更值得", "与之前相比", "与此前相比", "半年后", "一年后", "两年后", "三个月后", "之后", "此后", "其中", "它", "他们", "她们", "它们", "但", "然而", "因此", "所以", "而且", "此外", "另外", "同时", "不过",
		"于是", "因而", "并且", "总之", "最后", "也", "还", "如上", "如前",
		"例如", "比如", "正如", "如我们", "首先", "其次", "再次", "另一", "同样", "前面", "最重要的是", "更重要的是", "换句话说", "换言之",
		"简而言之", "总而言之", "进一步", "一方面",
		"结果", "反而", "相反", "第一，", "第二，", "第三，", "第四，", "其一", "其二", "其三", "实际上", "事实上", "其余", "相比之下", "与此相比", "原因很简单", "原因在于", "理由很简单",
		"原因并不", "原因是", "答案是", "答案很简单", "问题在于", "问题是", "效果", "差距"},
	"ko": {"동시에", "특히", "이것", "그것", "저것", "이러한", "그러한", "이런", "그런", "이는", "그는", "이 ", "그 ", "저 ", "그들", "하지만", "그러나", "그래서", "그럼에도", "그렇지만", "그렇다면",
		"따라서", "그러므로", "또한", "또", "게다가", "더욱이", "반면", "즉", "결국", "마지막으로", "그리고", "이에", "이를", "이와",
		"예를 들어", "예컨대", "먼저", "다음으로", "앞에서", "이처럼", "다른", "요컨대", "간단히 말해", "한편",
		"결과적으로", "그 결과", "여기에", "여기서", "이곳", "하위 그룹", "상위 그룹", "두 그룹", "오히려", "다만", "첫째", "둘째", "셋째", "넷째", "반대로", "나머지", "실제로", "내부 분석", "이어 ", "이어서", "이후 ", "이후에", "같은 방식으로", "건수로는", "금액으로는", "건수 기준으로는", "금액 기준으로는", "그 후", "이유는", "원인은", "답은"},
}

// BackReferencesCJK are demonstratives that point at something said before, wherever
// they stand in a sentence ("この", "该", "이러한").
var BackReferencesCJK = map[string][]string{
	"ja": {"この", "その", "これ", "それ", "こうした", "そうした", "こういった", "そういった", "上記", "前述", "同様の"},
	"zh": {"这", "该", "此", "上述", "那些", "那个", "其中", "这一比例", "还将"}, // "回收期还将明显缩短": still shorter than a figure before
	"ko": {" 여기에 ", " 여기서 ", " 이와 ", " 이에 ", "이러한", "그러한", "이런", "그런", "이를", "이것", "그것", "해당", "위의", "앞서", "이 비율", "이 수치", "이 중", "이들", "이 시간",
		"이 기간", "라는 뜻이다", "는 뜻이다", "라는 의미다", "는 의미다", "라는 뜻입니다", "는 뜻입니다", "라는 의미입니다", "는 의미입니다"},
}

// ReferenceOpeners are first words that lean on an earlier sentence: pronouns,
// demonstratives and connectives ("This means…", "However…", "Além disso…"), and
// gerunds of enabling ("Allowing for better validation reduces…"), which name what is
// made possible but not what makes it so.
var ReferenceOpeners = map[string]string{
	"en": `this it they these that those he she such its their them however also
		but and so yet thus therefore hence additionally furthermore moreover then here instead
		otherwise similarly likewise meanwhile nevertheless nonetheless consequently accordingly
		finally lastly besides rather indeed still above below another both technically overall
		alternatively conversely again now next first second third firstly secondly thirdly previously
		further allowing enabling permitting letting which whose`,
	"es": `y esto este esta estos estas ese esa eso esos esas ello ellos ellas su sus dicho
		dicha sin pero además también así aquí entonces por sin embargo asimismo igualmente
		finalmente luego incluso aun tampoco allí otro otra otros otras ambos ambas permitiendo`,
	"pt": `e isto isso este esta estes estas esse essa esses essas aquilo ele ela eles elas
		seu sua seus suas mas porém contudo entretanto além também assim aqui então portanto
		logo ademais ainda todavia finalmente dessa desse deste desta nesse nessa neste nesta outro outra
		outros outras ambos ambas permitindo`,
	"fr": `et ce c'est cet cette ces cela ceci il ils elle elles leur leurs mais aussi donc ainsi
		cependant toutefois pourtant néanmoins enfin puis alors de plus ensuite également
		autre autres permettant`,
	"de": `hier dort und gleichzeitig zugleich ebenfalls dies diese dieser dieses es sie er jedoch aber auch daher deshalb dabei
		dadurch damit somit außerdem zudem trotzdem allerdings folglich schließlich ebenso
		beide weitere dazu darunter davon daraus darauf dafür dagegen daneben darin daran`,
	"it": `e ciò questo questa questi queste quello quella quelli quelle esso essa essi
		esse essi loro suo sua suoi sue inoltre però tuttavia quindi pertanto dunque anche così
		infine ma invece altrimenti allora perciò qui tale tali altro altra altri altre entrambi
		entrambe consentendo permettendo`,
	"nl": `dit deze dat die hij zij ze hun zijn echter maar ook daarom dus bovendien
		verder daarnaast toch tenslotte vervolgens hierdoor daardoor hiermee beide andere en tegelijk tegelijkertijd
		ondertussen intussen eveneens`,
}

// VagueQuantifiers count without naming ("several", "varias", "alcune"): a sentence that
// ends on one ("…they share several main characteristics.") announces what the next
// sentences list, and alone it promises what it never says.
var VagueQuantifiers = map[string]string{
	"en": `several various numerous many some few multiple`,
	"es": `varias varios diversas diversos muchas muchos algunas algunos numerosas numerosos múltiples`,
	"pt": `várias vários diversas diversos muitas muitos algumas alguns numerosas numerosos múltiplas múltiplos`,
	"fr": `plusieurs divers diverses nombreuses nombreux quelques multiples`,
	"de": `mehrere einige verschiedene viele zahlreiche manche`,
	"it": `diverse diversi varie vari molte molti alcune alcuni numerose numerosi molteplici`,
	"nl": `verschillende meerdere diverse vele enkele talrijke`,
}

// AnotherOne are predicates that make the subject one more of a kind named before ("The
// mesh is another abstraction…", "è un'altra astrazione"): read alone, the first is missing.
var AnotherOne = map[string][]string{
	"en": {" is another ", " are other ", " is yet another ", " is one more "},
	"es": {" es otra ", " es otro ", " son otros ", " son otras "},
	"pt": {" é outra ", " é outro ", " são outros ", " são outras "},
	"fr": {" est un autre ", " est une autre ", " sont d'autres ", " sont d’autres "},
	"de": {" ist ein weiterer ", " ist eine weitere ", " ist ein weiteres ", " ist ein anderer ", " ist eine andere "},
	"it": {" è un altro ", " è un'altra ", " è un’altra ", " sono altri ", " sono altre "},
	"nl": {" is een andere ", " is een ander ", " is nog een "},
}

// ReferencePhrases are openings of several words that lean on what came before, in
// lower case: "for example", "most importantly", "as a result".
var ReferencePhrases = map[string][]string{
	"en": {"in particular,", "especially,", "the first weeks", "the first few weeks", "the first months", "in the first weeks", "in the first months", "during the first weeks", "said another way", "only then,", "only this way", "only that way", "to put that in perspective", "to put this in perspective", "put plainly", "to put it plainly", "plainly put", "put bluntly", "to put it bluntly", "to put it simply", "stated plainly", "for scale,", "the new system", "the new platform", "the example of", "put differently", "put simply", "simply put", "put another way", "said differently", "as for ", "in practical terms", "all told", "in total, ", "for example", "for instance", "most importantly", "more importantly", "in addition", "in other words",
		"in contrast", "on the other hand", "as a result", "in fact", "at the same time", "to this end", "in comparison",
		"to counter this", "as such", "as well as", "in this way", "in that case", "in turn", "of course", "even so",
		"with this", "with that", "because of this", "due to this", "as we", "as you", "like this", "the same",
		"example:", "e.g.", "the above", "the previous", "the next", "the following", "the latter", "the former", "the rest",
		"much of it", "most of it", "some of it", "all of it", "none of it", "part of it", "any of it", "much of this",
		"most of this", "some of this", "all of this", "none of this", "much of that", "all of that", "none of that", "all this ",
		"all of them", "each of them", "many of them", "most of them", "some of them", "none of them", "one of them", "both of them",
		"all of these", "many of these", "some of these", "each of these", "as with other", "like other", "unlike other", "other than that",
		"even more", "one possible", "another possible", "another way", "to further", "in a nutshell", "in short", "in summary",
		"in brief", "to sum up", "to summarize", "to summarise", "in either case", "in both cases", "in any case", "either way",
		"in this case", "in such cases", "on the one hand", "on one hand", "regardless of what", "regardless of which", "regardless of how", "regardless of whether", "all two ", "all three ", "all four ", "all five ",
		"all six ", "the other one", "the second one",
		// "Some build…", "Some are…": a pronoun for people or things named before ("Some
		// teams…" names them, and stands alone)
		"some are ", "some were ", "some have ", "some had ", "some may ", "some might ", "some can ", "some could ", "some will ",
		"some would ", "some should ", "some must ", "some do ", "some use ", "some build ", "some adopt ", "some prefer ",
		"some choose ", "some need ", "some rely ", "some take ", "some make ", "some treat ", "some go ", "others ",
		"ultimately, it ", "ultimately it ", "in the end",
		// The answer to a question, the result of a step, the reason for a choice the
		// sentence before named.
		"the answer ", "the answer:", "the result was", "the results were", "the outcome was", "the reason is", "the reason was",
		"the reason:", "the solution was", "the solution is", "the solution:", "the difference is", "the difference was", "the catch ",
		"the upshot", "the lesson ", "the fix was", "the culprit",
		// A context or a pair the sentence before set; the company it named.
		"on this point", "on that point", "in this context", "in that context", "neither of", "either of",
		"the first is", "the first concerns", "the second is", "the second concerns", "the third is", "the last is",
		// "Many had no idea…": many of those the sentence before named.
		"many are ", "many were ", "many have ", "many had ", "many said ", "most are ", "most were ", "most have ", "most had ",
		"most said ", "few are ", "few were ", "few have ", "few had ",
		// "When they back-tested…": a clause whose subject the sentence before named.
		"better still", "even better", "worse still", "even worse", "the remaining ",
		"when they ", "if they ", "as they ", "because they ", "once they ", "after they ", "before they ", "while they ",
		"although they ", "since they ", "because it ", "once it ", "when he ", "when she ", "if he ", "if she ",
		"the company's", "the firm's",
		// The business a case named before ("The chain estimated the effect at…").
		"the chain ", "the chain's", "the retailer ", "the manufacturer ", "the plant ", "the factory ", "the hospital ",
		"the operator ", "the carrier ", "the airline ", "the broker ", "the bank ", "part of the difference", "part of the gap",
		"the district ", "the board ", "the farm ", "the cooperative ", "the co-op ", "the department ",
		"the insurer ", "the startup ", "the client ",
		// Those the sentence before named; a case it set ("If that lifted…").
		"among them", "among these", "among those", "if that ", "if this ", "if so,", "the reasoning", "the logic is",
		"together they", "together, they", "between them", "combined, they", "yes,", "yes.", "no,", "no.",
		"the gap is", "the gap was", "the gap widened", "the gap narrowed", "the median gap", "this gap", "that gap",
		"the cost was", "the cost is", "the price was", "the effect was", "the impact was", "the payoff was", "the gain was",
		// A story or a case the sentences after it tell.
		"consider what", "consider a ", "consider an ", "consider the case", "consider this", "picture this", "picture a ",
		// Then and there: a time or a point the sentence before set.
		"after that", "after this", "before that", "since then", "by then", "from then on", "until then", "at that point",
		"at this point", "on top of that", "beyond that", "apart from that", "besides that",
		// A measure of what the sentence before named ("The median across all respondents fell…").
		"the median across", "the median among", "the median fell", "the median rose", "the median was", "the median is",
		"the average across", "the average among", "the average was", "the average is", "the mean was", "the mean is", "each one ", "conversely", "by contrast", "some argue", "some in the industry", "some say", "some will say", "some would say", "critics ", "skeptics ", "sceptics ", "the argument goes", "the usual argument", "the common argument", "it is often said", "it's often said", "many assume", "the common assumption", "it turned out", "as it turned out", "it turns out", "sounds reasonable", "sounds sensible", "sounds logical"},
	"es": {"en particular,", "lo que sí ", "las primeras semanas", "los primeros meses", "el primer mes ", "la primera semana", "durante las primeras semanas", "dicho de otro modo", "dicho de otra manera", "dicho de otra forma", "solo así", "sólo así", "solamente así", "el restante", "la restante", "los restantes", "las restantes", "el resto ", "para dar una idea", "para hacerse una idea", "las demás ", "los demás ", "el ejemplo de", "de otro lado,", "le siguen", "luego vienen", "era un ", "era una ", "en cuanto a ", "en términos prácticos", "en total, ", "el grupo ", "no todo es", "no todo son", "primero, ", "en primer lugar", "la empresa ", "por un lado", "por una parte", "mientras tanto", "entretanto", "por ejemplo", "por lo tanto", "por otro lado", "por otra parte", "en cambio", "en otras palabras", "de hecho",
		"al mismo tiempo", "como resultado", "a su vez", "de esta manera", "de este modo", "en este caso", "del mismo modo",
		"ejemplo:", "el anterior", "la anterior", "el siguiente", "la siguiente", "en resumen", "en pocas palabras", "en definitiva",
		"en suma", "algunos son ", "algunas son ", "algunos tienen ", "algunas tienen ", "algunos pueden ", "algunas pueden ",
		"algunos prefieren ", "algunas prefieren ", "otros ", "otras ", "en última instancia", "al final",
		"la respuesta ", "la respuesta:", "el resultado fue", "los resultados fueron", "la razón es", "la razón fue", "el motivo es",
		"el motivo fue", "la solución fue", "la solución es", "la diferencia es", "la diferencia fue", "después de eso", "después de esto",
		"a partir de ahí", "desde entonces", "en el mismo", "en la misma", "por eso", "con esto", "con ello",
		"en este contexto", "en este sentido", "ninguno de los dos", "ninguna de las dos", "hasta entonces", "hasta ese momento",
		"es decir", "o sea", "segundo, ", "tercero, ", "el razonamiento", "la lógica es", "cada uno ", "cada una ", "cada uno,", "cada una,", "a esto ", "a ello ", "a eso ", "a todo ello", "a la inversa", "por el contrario", "algunos sostienen", "algunos argumentan", "hay quien", "se suele decir", "los críticos", "resultó que", "resulta que", "suena razonable", "suena lógico", "parece razonable", "en cuanto a", "como se puede observar", "como puede observarse"},
	"pt": {"em particular,", "as primeiras semanas", "os primeiros meses", "no primeiro mês", "nas primeiras semanas", "dito de outra forma", "dito de outro modo", "dito de outra maneira", "só assim", "somente assim", "apenas assim", "o restante", "a restante", "os restantes", "as restantes", "o resto ", "não houve ", "para se ter uma ideia", "para dar uma ideia", "as demais ", "os demais ", "o exemplo d", "de outro,", "por outro,", "em seguida vêm", "era um ", "era uma ", "em termos práticos", "quanto a ", "quanto ao ", "quanto à ", "no total, ", "o grupo ", "a fazenda ", "a cooperativa ", "o gerente ", "primeiro, ", "em primeiro lugar", "parte da diferença", "parte dessa", "a empresa ", "ou seja", "segundo, ", "terceiro, ", "o raciocínio", "a lógica é", "por um lado", "é igualmente", "por exemplo", "por outro lado", "além disso", "em outras palavras", "de fato", "ao mesmo tempo", "como resultado",
		"desta forma", "dessa forma", "neste caso", "da mesma forma", "exemplo:", "o anterior", "a anterior", "o seguinte", "a seguinte",
		"em resumo", "em suma", "em poucas palavras", "alguns são ", "algumas são ", "alguns têm ", "algumas têm ", "alguns podem ",
		"algumas podem ", "outros ", "outras ", "em última análise", "em última instância", "no final",
		"a resposta ", "a resposta:", "o resultado foi", "os resultados foram", "a razão é", "a razão foi", "o motivo é", "o motivo foi",
		"a solução foi", "a solução é", "a diferença é", "a diferença foi", "por fim", "no entanto", "no mesmo", "na mesma", "nos mesmos",
		"nas mesmas", "depois disso", "a partir daí", "desde então", "por isso", "com isso", "diante disso", "nesse sentido",
		"neste contexto", "nesse contexto", "nenhum dos dois", "nenhuma das duas", "até então", "até aquele momento", "cada um ", "cada uma ", "a isso ", "a isto ", "somado a isso", "ao contrário", "pelo contrário", "há quem", "alguns argumentam", "alguns defendem", "costuma-se dizer", "os críticos", "acontece que", "descobriu-se que", "parece razoável", "soa razoável", "quanto a ", "quanto ao ", "quanto à ", "quanto aos ", "quanto às "},
	"fr": {"dans les faits", "en particulier,", "les premières semaines", "les premiers mois", "le premier mois", "durant les premières semaines", "dit autrement", "pour le dire autrement", "dit simplement", "c'est seulement ainsi", "ce n'est qu'ainsi", "seulement ainsi", "le reste ", "le restant", "les restants", "les restantes", "pour donner un ordre de grandeur", "pour donner une idée", "l'exemple de", "viennent ensuite", "vient ensuite", "pas seulement", "c'était un", "c'était une", "quant à ", "quant au ", "quant aux ", "au total, ", "en termes pratiques", "le groupe ", "l'écart médian", "l'écart est", "l'écart se", "cet écart", "l'entreprise ", "la société ", "sans compter", "c'est-à-dire", "autrement dit,", "d'une part", "d'un côté", "est tout aussi", "par exemple", "en outre", "de plus", "d'autre part", "en revanche", "en d'autres termes", "en effet",
		"en fait", "de ce fait", "par conséquent", "dans ce cas", "de même", "exemple:", "exemple :", "le précédent", "la précédente",
		"en bref", "en résumé", "en somme", "certains sont ", "certaines sont ", "certains ont ", "certaines ont ", "certains peuvent ",
		"certaines peuvent ", "en fin de compte", "au final",
		"la réponse ", "la réponse :", "le résultat a été", "le résultat fut", "la raison est", "la raison était", "la solution a été",
		"la solution est", "la différence est", "après cela", "depuis lors", "dans le même", "dans la même", "pour cela", "c'est pourquoi",
		"sur ce dernier point", "sur ce point", "à ce titre", "dans ce cadre", "dans ce contexte", "autrement dit", "aucun des deux", "jusque-là",
		"aucune des deux", "chacun ", "chacune ", "chacun,", "d'abord,", "d’abord,", "ensuite,", "enfin,", "à cela ", "à ceci ", "à l'inverse", "à l’inverse", "a contrario", "inversement", "certains en concluent", "certains affirment", "certains estiment", "d'aucuns", "on entend souvent", "les critiques", "il s'est avéré", "il s’est avéré", "il s'avère", "il s’avère", "cela semble raisonnable", "ça semble raisonnable", "quant à", "quant au", "quant aux"},
	"de": {"genau das", "genau dies", "eben das", "gerade das", "ihnen ist gemeinsam", "gemeinsam ist ihnen", "insbesondere ", "in den ersten wochen", "die ersten wochen", "in den ersten monaten", "anders gesagt", "anders formuliert", "nur so ", "erst so ", "in weiteren ", "die übrigen", "die restlichen", "der rest ", "solche ", "das heißt", "einerseits", "zum beispiel", "z. b.", "darüber hinaus", "mit anderen worten", "im gegensatz", "auf der anderen seite",
		"in diesem fall", "aus diesem grund", "beispiel:", "ein weiterer", "eine weitere", "ein weiteres",
		"kurz gesagt", "zusammenfassend", "letztendlich", "letzten endes", "am ende",
		"die antwort ", "die antwort:", "das ergebnis war", "der grund ist", "der grund war", "die lösung war", "die lösung ist",
		"der unterschied ist", "danach", "deswegen", "dadurch", "trotzdem", "außerdem", "zudem", "in derselben", "im selben", "in diesem zusammenhang", "keiner der beiden", "keine der beiden", "bis dahin", "dort ", "jeder davon", "jede davon", "manche sagen", "manche behaupten", "kritiker ", "oft heißt es", "häufig heißt es", "es stellte sich heraus", "wie sich herausstellte", "es zeigte sich", "klingt vernünftig", "klingt logisch", "hinzu kommt", "hinzu kommen", "dazu kommt", "dazu kommen"},
	"it": {"in particolare,", "le prime settimane", "nelle prime settimane", "i primi mesi", "nei primi mesi", "detto altrimenti", "detto in altri termini", "in altre parole", "solo così", "soltanto così", "solo in questo modo", "il restante", "la restante", "i restanti", "le restanti", "il resto ", "per dare un ordine di grandezza", "l'esempio d", "in realtà", "seguono ", "era un ", "era una ", "quanto a ", "quanto al ", "quanto alla ", "in termini pratici", "in totale, ", "il gruppo ", "in primo luogo", "innanzitutto, ", "l'azienda ", "la società ", "cioè", "vale a dire", "da un lato", "è altrettanto", "sono altrettanto", "ad esempio", "per esempio", "ad es", "in altre parole", "d'altra parte", "in effetti", "di conseguenza",
		"allo stesso tempo", "in questo caso", "in questo modo", "allo stesso modo", "oltre a ciò", "a tal fine",
		"esempio:", "un altro", "un'altra", "il precedente", "la precedente", "il seguente", "la seguente",
		"in sintesi", "in breve", "in poche parole", "in sostanza", "alcuni sono ", "alcune sono ", "alcuni hanno ", "alcune hanno ",
		"alcuni possono ", "alcune possono ", "altri ", "altre ", "in ultima analisi", "in definitiva", "alla fine",
		"la risposta ", "la risposta:", "il risultato è stato", "i risultati sono stati", "la ragione è", "il motivo è", "il motivo era",
		"la soluzione è stata", "la soluzione è", "la differenza è", "dopo di che", "dopodiché", "da allora", "nello stesso",
		"nella stessa", "per questo", "per questa ragione", "in questo contesto", "in tal senso", "nessuno dei due",
		"fino ad allora", "fino a quel momento", "si tratta di", "la prima riguarda", "la prima è", "il primo è", "la seconda riguarda", "la seconda è", "il secondo è",
		"nessuna delle due", "ciascuno ", "ciascuna ", "ognuno ", "ci ha ", "ci hanno ", "ci aveva ", "ne ha ", "ne hanno ", "ne consegue", "di conseguenza", "a ciò ", "all'opposto", "al contrario", "c'è chi", "alcuni sostengono", "si sente dire", "i critici", "si è scoperto", "è emerso che", "sembra ragionevole", "poi "},
	"nl": {"in het bijzonder", "de eerste weken", "in de eerste weken", "de eerste maanden", "anders gezegd", "anders geformuleerd", "alleen zo ", "pas dan ", "de overige", "de resterende", "de rest ", "enerzijds", "aan de ene kant", "bijvoorbeeld", "met andere woorden", "aan de andere kant", "in dit geval", "op deze manier", "als gevolg",
		"voorbeeld:", "een andere", "een ander", "kortom", "samengevat", "uiteindelijk", "per slot van rekening",
		"het antwoord ", "het antwoord:", "het resultaat was", "de reden is", "de reden was", "de oplossing was", "het verschil is",
		"in deze context", "geen van beide", "het bleek", "bleek dat", "klinkt redelijk", "wat betreft", "toen bleek", "in beide gevallen", "in allebei de gevallen"},
}

// OpeningPrepositions open a short phrase of time, place or measure before a sentence's
// subject ("For the first year or so, …", "En la práctica, …"); OpeningPronouns are the
// subjects after such a phrase that stand for what came before ("…, it was a clear
// improvement."). A phrase that opens a clause of its own ("After teams migrated, they…")
// names its subject, so "after", "before", "when" and "if" are not listed.
var (
	OpeningPrepositions = map[string]string{
		"en": `for in at by during within over on from under across throughout despite without unlike beyond`,
		"es": `durante en con sin para por tras desde hasta según`,
		"fr": `pour sans avec durant pendant malgré selon après dans depuis longtemps aujourd'hui désormais`,
		"pt": `durante em no na nos nas com sem para por após desde até segundo`,
		"it": `durante in nel nella nei nelle con senza per dopo da dal dalla fino secondo`,
	}
	OpeningPronouns = map[string]string{
		"en": `it they this these that those he she`,
		"es": `esto eso ello ellos ellas este esta estos estas`,
		"pt": `isto isso ele ela eles elas`,
		"it": `ciò questo questa questi queste esso essa essi esse`,
		"fr": `elle elles ils cela ceci`, // not "il": "il faut", "il existe" name no one
	}
)

// ObjectPronouns stand for what the sentence before named when a preposition alone
// comes before them ("Without them, …", "Sem eles, …", "Con esto, …").
var ObjectPronouns = map[string]string{
	"en": `it them this that these those him her`,
	"es": `ellos ellas ello esto eso él ella estos estas`,
	"pt": `eles elas isso isto ele ela estes estas`,
	"fr": `eux elle elles cela ceci lui`,
	"it": `loro esso essa essi esse ciò questo questi`,
}

// Ordinals and ListNouns open a sentence on one item of a list ("The second category",
// "El tercer paso"), in lower case.
var (
	Ordinals = map[string]string{
		"en": `first second third fourth fifth sixth last final other remaining`,
		"es": `primer primera segundo segunda tercer tercera cuarto cuarta quinto quinta último última otro otra`,
		"pt": `primeiro primeira segundo segunda terceiro terceira quarto quarta quinto quinta último última outro outra`,
		"fr": `premier première deuxième second seconde troisième quatrième cinquième dernier dernière autre`,
		"de": `erste zweite dritte vierte fünfte letzte andere`,
		"it": `primo prima secondo seconda terzo terza quarto quarta quinto quinta ultimo ultima altro altra`,
		"nl": `eerste tweede derde vierde vijfde laatste andere`,
	}
	ListNouns = map[string]string{
		"en": `category categories reason step lesson point option approach way area group factor pillar principle mistake
			problem issue challenge trend finding benefit rule type kind part question objection misconception myth barrier
			priority recommendation practice pattern theme driver change shift case`,
		"es": `categoría razón paso lección punto opción enfoque área grupo factor pilar principio error problema reto desafío
			tendencia hallazgo beneficio regla tipo parte pregunta objeción mito barrera prioridad recomendación práctica motivo cambio caso`,
		"pt": `categoria razão passo lição ponto opção abordagem área grupo fator pilar princípio erro problema desafio
			tendência achado benefício regra tipo parte pergunta objeção mito barreira prioridade recomendação prática motivo mudança caso`,
		"fr": `catégorie raison étape leçon point option approche domaine groupe facteur pilier principe erreur problème défi
			tendance constat bénéfice règle type partie question objection mythe obstacle priorité recommandation pratique changement`,
		"de": `kategorie grund schritt lektion punkt option ansatz bereich gruppe faktor säule prinzip fehler problem
			herausforderung trend befund vorteil regel typ teil frage einwand mythos hürde priorität empfehlung praxis`,
		"it": `categoria ragione passo lezione punto opzione approccio area gruppo fattore pilastro principio errore problema
			sfida tendenza risultato beneficio regola tipo parte domanda obiezione mito barriera priorità raccomandazione pratica motivo`,
		"nl": `categorie reden stap les punt optie aanpak gebied groep factor pijler principe fout probleem uitdaging trend
			bevinding voordeel regel type deel vraag bezwaar mythe drempel prioriteit aanbeveling`,
	}
)

// CountWords are the small numbers that announce a list ("…fall into three categories."),
// in lower case.
var CountWords = map[string]string{
	"en": `two three four five six seven`, "es": `dos tres cuatro cinco seis siete`,
	"pt": `dois duas três quatro cinco seis sete`, "fr": `deux trois quatre cinq six sept`,
	"de": `zwei drei vier fünf sechs sieben`, "it": `due tre quattro cinque sei sette`, "nl": `twee drie vier vijf zes zeven`,
}

// Headcount marks a company's size by its staff ("46 dipendenti", "4,200 employees"), or
// who a survey's respondents are ("응답자 소속 보험사의 규모는…"): with no comparison, a
// figure beside it is a profile, not a finding.
var Headcount = map[string][]string{
	"en": {" employees", " staff,", " people across", " workers across", "respondents' organizations", "respondents' companies", "of respondents work"},
	"es": {" empleados", " trabajadores,", "de los encuestados trabaja"}, "pt": {" funcionários", " colaboradores,", "dos respondentes atua", "dos respondentes trabalha"},
	"fr": {" salariés", " collaborateurs,", "des répondants travaillent"}, "de": {" mitarbeitende", " mitarbeiter", " beschäftigte"},
	"it": {" dipendenti", " addetti", "degli intervistati lavora"}, "nl": {" medewerkers", " werknemers"},
	"ja": {"従業員数", "名の従業員", "社員数", "回答者の所属", "回答企業の規模"}, "zh": {"员工", "名员工", "受访者所在", "受访企业规模"},
	"ko": {"직원 수", "명의 직원", "임직원", "응답자 소속", "응답자의 소속", "응답 기관의 규모", "응답 기업의 규모"},
}

// StudyBasis marks what a study rests on ("closed 214 engagements across North America",
// "wurden 300 Leiter befragt"): with no share and no comparison, its count is the
// basis, not what it found.
var StudyBasis = map[string][]string{
	"en": {" engagements across", " engagements in", "we interviewed", "were interviewed", "responses from", "we analyzed", "we analysed",
		"were analyzed", "were analysed", " surveyed ", "we polled", "were polled"},
	"es": {"analizamos", "entrevistamos", "fueron entrevistados", "fueron analizados", "encuestamos", "encuestó a", "fueron encuestados"},
	"pt": {"analisamos", "entrevistamos", "foram entrevistados", "foram analisados", "ouvimos", "ouviu", "foram ouvidos", "pesquisou"},
	"fr": {"nous avons analysé", "ont été interrogés", "ont été interviewés", "ont été analysés", "nous avons interrogé", "a interrogé",
		"ont été sondés", "a sondé"},
	"de": {"wurden befragt", "haben wir ausgewertet", "haben wir analysiert", "wurden ausgewertet", "haben wir befragt", "befragten wir", " befragte "},
	"it": {"abbiamo analizzato", "sono stati intervistati", "sono stati analizzati", "abbiamo intervistato", "ha intervistato"},
	"nl": {"werden ondervraagd", "hebben we geanalyseerd", "zijn geanalyseerd", "hebben we ondervraagd", "ondervroegen"},
	"ja": {"を対象に", "を対象として", "に対してアンケート", "有効回答"},
	"zh": {"进行了问卷调查", "进行了调研", "开展了调研", "开展调研", "有效问卷", "调研对象"},
	"ko": {"을 대상으로", "를 대상으로", "유효 응답"},
}

// TheCompany names a company the text named before ("the company", "la empresa"): a
// sentence whose subject it is, at its start or after a short opening ("Hoy, la
// empresa recorre…"), does not say which. Lower case, with the space after.
var TheCompany = map[string][]string{
	"en": {"the company ", "the firm "},
	"es": {"la empresa ", "la compañía "},
	"pt": {"a empresa ", "a companhia "},
	"fr": {"l'entreprise ", "l’entreprise ", "la société "},
	"de": {"das unternehmen ", "die firma "},
	"it": {"l'azienda ", "l’azienda ", "la società "},
	"nl": {"het bedrijf ", "de onderneming "},
}

// ThirdPersons are the subject pronouns for people or things named before, in lower case
// ("What happens the day they leave?"). Languages that drop the subject have none.
var ThirdPersons = map[string]string{
	"en": `they he she`,
	"fr": `ils elles`,
	"de": `sie er`,
	"nl": `ze zij hij`,
}

// ChangeVerbs say how a figure moved, in the third person: right after an opening and its
// comma ("Nos processos com avaliação ao vivo, caiu para 31 dias."), with no subject
// between, what moved is the sentence before's. Lower case.
var ChangeVerbs = map[string]string{
	"es": `cayó bajó subió creció aumentó disminuyó pasó llegó alcanzó se redujo`,
	"pt": `caiu baixou subiu cresceu aumentou diminuiu passou chegou atingiu`,
	"it": `scese salì crebbe aumentò diminuì passò arrivò raggiunse`,
	"fr": `chute baisse grimpe augmente diminue passe atteint`,
}

// SetUps ask the reader to imagine or assume a case ("Imagine a company with 200
// employees…", "직원 200명 규모의 제조기업을 가정해 보겠습니다"): the sentences after it
// tell the case, and alone it tells nothing. Lower case, anywhere in a sentence.
var SetUps = map[string][]string{
	"en": {"imagine a ", "imagine an ", "imagine you", "suppose a ", "suppose an ", "suppose you", "let's assume", "let us assume",
		"picture a ", "picture an ", "consider a company", "consider a business", "take a company", "take a business"},
	"es": {"imagine una ", "imagine un ", "imaginemos", "supongamos", "pensemos en una", "pensemos en un"},
	"pt": {"imagine uma ", "imagine um ", "imaginemos", "suponha", "vamos supor", "pense em uma", "pense em um"},
	"fr": {"imaginons", "imaginez", "supposons", "prenons une", "prenons un", "prenons l'exemple", "prenons l’exemple"},
	"de": {"stellen sie sich", "stell dir", "nehmen wir an", "nehmen wir ein"},
	"it": {"immaginiamo", "immagini un", "immaginate", "supponiamo", "prendiamo un", "prendiamo il caso"},
	"nl": {"stel je voor", "stel je een", "stel dat", "neem een bedrijf", "neem een organisatie"},
	"ja": {"と仮定", "を想定してみ", "考えてみましょう", "想像してみ", "とします。", "としましょう", "としてみましょう", "例として"},
	"zh": {"不妨设想", "设想一家", "假设一家", "假设某", "想象一下", "试想", "以一家", "举个例子"},
	"ko": {"가정해 보", "가정해보", "가정하면", "상상해 보", "상상해보", "라고 해 봅시다", "다고 해 봅시다", "고 가정"},
}

// MidConnectives lean on the sentence before from between commas after the subject
// ("The point, however, is…", "O ponto, portanto, é…").
var MidConnectives = map[string]string{
	"en": `however therefore thus though then also instead comparison contrast`,
	"es": `embargo tanto además entonces obstante parte lado`,
	"pt": `portanto porém contudo entanto então vez parte lado`,
	"fr": `cependant donc toutefois pourtant effet`,
	"de": `jedoch daher allerdings`,
	"it": `tuttavia quindi pertanto però inoltre invece`,
	"nl": `echter dus daarom`,
}

// LeaningAdverbs lean on the sentence before from just after the verb, where German and
// Dutch put them ("Transparenz ist dabei mehr als…", "Het team moet daarom…"), as
// Italian and French often do ("Il dato medio nasconde però…", "Il faut donc…"). Not
// "dafür", which points ahead as often ("sorgt dafür, dass…").
var LeaningAdverbs = map[string]string{
	"de": `dabei deshalb daher dadurch deswegen somit folglich außerdem zudem jedoch trotzdem allerdings hierbei demnach davon darin daran damit`,
	"nl": `daarom dus echter bovendien daardoor hierbij daarbij daarnaast`,
	"it": `però tuttavia quindi pertanto inoltre infatti dunque invece`,
	"fr": `donc cependant toutefois pourtant également ainsi`,
}

// Answers open a reply to a question the reader of a post never saw: an FAQ's answer
// under its question ("Nicht zwingend, aber…", "Yes, if…").
var Answers = map[string]string{
	"en": `yes no not depends usually generally`,
	"es": `sí si no depende`,
	"pt": `sim não depende`,
	"fr": `oui non pas cela`,
	"de": `ja nein nicht kommt`,
	"it": `sì si no non dipende`,
	"nl": `ja nee niet hangt`,
}

// Reasons open a sentence that gives the reason a question before it asked for
// ("¿Por qué importa? Porque un socio…"): alone, it answers a question the post never
// asked. Spaced languages as first words, the others as prefixes.
var Reasons = map[string][]string{
	"en": {"because"}, "es": {"porque"}, "pt": {"porque"}, "fr": {"parce", "car"}, "de": {"weil", "denn"},
	"it": {"perché", "poiché"}, "nl": {"omdat", "want"}, "zh": {"因为", "因為"}, "ja": {"なぜなら", "理由は"}, "ko": {"왜냐하면", "그 이유는"},
}

// ReportingVerbs follow a share that opens a sentence without its whole ("64% said…",
// "38 % ont découvert…"): the respondents it is a share of were named before.
var ReportingVerbs = map[string]string{
	"en": `said say says reported report have had are were do did use used plan expect agree believe saw see think
		ran made got took went grew fell rose spent sent kept felt found gave knew lost paid sold won wrote
		name cite track rely rank rate want need prefer consider`,
	"es": `dijo dijeron dice dicen afirma afirman declara declararon declaran tienen tenían son eran usan utilizan creen prevén`,
	"pt": `disse disseram diz dizem afirma afirmam declara declararam têm tinham são eram usam utilizam acreditam`,
	"fr": `ont avaient sont étaient disent déclarent déclarent estiment utilisent pensent prévoient`,
	"de": `sagen sagten gaben geben haben hatten sind waren nutzen planen erwarten`,
	"it": `ha hanno dichiara dichiarano sono erano usano utilizzano ritengono prevedono avviene avvengono riguarda riguardano`,
	"nl": `zeggen zeiden gaven hebben hadden zijn waren gebruiken verwachten`,
}

// Suffices are the verbs that say something is enough; SufficeFor the words that say
// for what ("enough to…", "suffit pour…"), without which the sentence before said it.
var (
	Suffices = map[string][]string{
		"en": {" suffices", " suffice", " is enough", " are enough", " is sufficient", " are sufficient"},
		"es": {" basta", " bastan", " es suficiente", " son suficientes"},
		"pt": {" basta", " bastam", " é suficiente", " são suficientes"},
		"fr": {" suffit", " suffisent", " est suffisant", " sont suffisant"},
		"de": {" genügt", " genügen", " reicht", " reichen", " ist ausreichend", " sind ausreichend"},
		"it": {" basta", " bastano", " è sufficiente", " sono sufficienti"},
		"nl": {" volstaat", " volstaan", " is genoeg", " zijn genoeg", " is voldoende", " zijn voldoende"},
	}
	SufficeFor = map[string][]string{
		"en": {" to ", " for "}, "es": {" para ", " que ", " con "}, "pt": {" para ", " que "}, "fr": {" pour ", " à ", " que "},
		"de": {" um ", " für ", " dass "}, "it": {" per ", " a ", " che "}, "nl": {" om ", " voor "},
	}
)

// BackReferencePhrases point at something said before from anywhere in a sentence: a
// time it named ("…lost real money that day"), what it did ("those that did so").
var BackReferencePhrases = map[string][]string{
	"en": {" the second group", " the first group", " the other group", " both groups", " the new system", " the new platform", " both.", " either.", " neither.", " is similar.", " was similar.", " are similar.", " were similar.", " of that is ", " of that was ", " of this is ", " of this was ", " that day", " that week", " that month", " that year", " that time", " those days", " do so", " does so", " did so",
		" doing so", " done so", " above help", " above helps", " above is", " above are", " above was", " above were",
		" mentioned above", " listed above", " described above", " shown above", " outlined above", " noted above",
		" discussed above", " than either", " of them",
		" than that,", " than that.", " than that every", " than that each", " than that alone",
		// "For about 60% of agents the answer was yes", "…, that dropped to under 5%".
		" the answer was yes", " the answer was no", " the answer is yes", " the answer is no",
		" has not.", " have not.", " did not.", " does not.", " is not.", " are not.", " was not.", " hasn't.", " haven't.",
		" didn't.", " doesn't.", " isn't.", " won't.", " cannot.", " that figure", " this figure", " that number", " this number", " third of that", " half of that", " quarter of that", " share of that", " part of that",
		" the figure is", " the figure was", " that implies",
		", that dropped", ", that fell", ", that rose", ", that went", ", that number", ", that figure", ", that share",
		// "Expand mapping to the next 100 parts": the next of a plan the post does not give.
		" the next 1", " the next 2", " the next 3", " the next 4", " the next 5", " the next 6", " the next 7", " the next 8", " the next 9", " since then",
		// "…the case you describe": a reply to someone whose words the post does not give.
		" you describe", " you described", " you're describing", " you mention", " you mentioned", " you raise", " you raised"},
	"es": {" segundo grupo", " primer grupo", " otro grupo", " ambos grupos", " el nuevo sistema", " del nuevo sistema", " la nueva plataforma", " lo han hecho", " lo hacen", " lo hicieron", " lo hace ", " ese día", " aquel día", " ese año", " aquel año",
		" de ellos", " de ellas", " lo han ", " la han ", " los han ", " las han ", " lo ha ", " la ha ", " de ello", " que eso", " que esto",
		" % restante", "% restante", " cada una,", " cada uno,", " de estos ", " de estas ", " de esos ", " de esas ", " no lo ", " no la ", " desde entonces"},
	"pt": {" segundo grupo", " primeiro grupo", " outro grupo", " ambos os grupos", " dele ", " dela ", " dele,", " dela,", " dele.", " dela.", " o novo sistema", " do novo sistema", " a nova plataforma", " o fizeram", " fizeram isso", " fazem isso", " naquele dia", " naquele ano", " nesse dia", " deles", " delas", " disso", " do que isso", " desses ", " dessas ",
		" destes ", " destas ",
		" % restante", "% restante", " cada uma,", " cada um,", " desde então"},
	"fr": {" second groupe", " premier groupe", " deuxième groupe", " autre groupe", " deux groupes", " le nouveau système", " du nouveau système", " la nouvelle plateforme", " une telle ", " un tel ", " de telles ", " de tels ", " d'y ", " d’y ", " l'ont fait", " le font", " l'a fait", " ce jour-là", " cette année-là", " d'entre eux", " d'entre elles",
		// "de les interdire": before a noun "de les" is "des", so here "les" is a pronoun.
		" de les ", " à les ", " de le ", " à le ", " depuis lors"},
	"de": {" zweiten gruppe", " ersten gruppe", " anderen gruppe", " beiden gruppen", " das neue system", " des neuen systems", " die neue plattform", " dies getan", " das getan", " dies tun", " an jenem tag", " in jenem jahr", " von ihnen", " seitdem"},
	"it": {" secondo gruppo", " primo gruppo", " altro gruppo", " entrambi i gruppi", " il nuovo sistema", " del nuovo sistema", " la nuova piattaforma", " lo hanno fatto", " lo fanno", " l'hanno fatto", " quel giorno", " quell'anno", " di loro", " tra loro", " l'hanno",
		" l'ha ", " li hanno", " lo ha ", " la ha ", " da allora"},
	"nl": {" dat gedaan", " die dag", " dat jaar", " van hen", " sindsdien"},
}

// Possessives stand for an owner the sentence names before them or the one before it
// named ("More than a third of their nurture emails…"); Quantities are the words that
// may come before one without naming it.
var (
	Possessives = map[string]string{
		"en": `their its her his`, "es": `sus su`, "pt": `seus suas seu sua`, "fr": `leurs leur ses son sa`,
		"de": `ihr ihre ihren ihrer ihrem sein seine seinen seiner seinem deren dessen`, "it": `loro suoi sue suo sua`, "nl": `hun zijn haar`,
	}
	Quantities = map[string]string{
		"en": `more than less fewer a an the third half quarter majority share rest bulk most many some all of one two three four five none each every nearly almost about over under least at only just percent in for`,
		"es": `más menos de del la el los las un una mitad tercio cuarto mayoría muchos muchas algunos algunas todos todas casi solo en para`,
		"pt": `mais menos de do da dos das o a os as um uma metade terço quarto maioria muitos muitas alguns algumas todos todas quase só apenas em para`,
		"fr": `plus moins de du des la le les un une moitié tiers quart plupart beaucoup certains certaines tous toutes presque seulement en pour`,
		"de": `mehr weniger als die der das ein eine hälfte drittel viertel meisten viele einige alle fast nur in für von`,
		"it": `più meno di del della dei delle il la lo i gli le un una metà terzo quarto maggior parte molti molte alcuni alcune tutti tutte quasi solo in per`,
		"nl": `meer minder dan de het een helft derde kwart meeste veel sommige alle bijna slechts in voor van`,
	}
)

// ListOrdinals open the items of a list written as sentences: First are the words of its
// first item, Later of the others ("Second, every team owned its migration."), lower case.
var ListOrdinals = map[string]struct{ First, Later []string }{
	"en": {[]string{"first,", "firstly", "first of all", "to begin with"}, []string{"second,", "secondly", "third,", "thirdly", "fourth,", "fourthly", "finally,", "lastly"}},
	"es": {[]string{"primero,", "en primer lugar", "primeramente"}, []string{"segundo,", "en segundo lugar", "tercero,", "en tercer lugar", "por último", "finalmente,"}},
	"pt": {[]string{"primeiro,", "em primeiro lugar", "primeiramente"}, []string{"segundo,", "em segundo lugar", "terceiro,", "em terceiro lugar", "por último", "por fim", "finalmente,"}},
	"fr": {[]string{"premièrement", "d'abord", "tout d'abord", "en premier lieu"}, []string{"deuxièmement", "troisièmement", "en deuxième lieu", "en second lieu", "enfin,", "finalement,"}},
	"de": {[]string{"erstens", "zunächst", "zuerst"}, []string{"zweitens", "drittens", "viertens", "schließlich", "zuletzt"}},
	"it": {[]string{"in primo luogo", "innanzitutto", "prima di tutto", "primo,"}, []string{"in secondo luogo", "in terzo luogo", "secondo,", "terzo,", "infine,", "infine "}},
	"nl": {[]string{"ten eerste", "allereerst", "eerst,"}, []string{"ten tweede", "ten derde", "tot slot", "ten slotte", "als laatste"}},
}

// Documents are the nouns that name a document (lower case, each with the space before
// it): a sentence led by one ("CNCF's initial Platforms White Paper describes…") is about
// that document, not a claim of the page it would describe.
var Documents = map[string][]string{
	"en": {" paper ", " papers ", " white paper", " whitepaper", " report ", " reports ", " ebook", " e-book", " handbook",
		" article ", " articles ", " blog post", " study ", " studies ", " survey ", " specification ", " document ",
		" documents ", " book ", " guidebook", " playbook", " edition "},
	"es": {" documento ", " libro blanco", " whitepaper", " informe ", " estudio ", " artículo ", " encuesta ", " guía ", " libro ", " edición "},
	"pt": {" documento ", " livro branco", " whitepaper", " relatório ", " estudo ", " artigo ", " pesquisa ", " guia ", " livro ", " edição "},
	"fr": {" document ", " livre blanc", " whitepaper", " rapport ", " étude ", " article ", " enquête ", " guide ", " livre ", " édition "},
	"de": {" dokument ", " whitepaper", " bericht ", " studie ", " artikel ", " umfrage ", " leitfaden", " handbuch", " buch ", " ausgabe "},
	"it": {" documento ", " libro bianco", " whitepaper", " rapporto ", " studio ", " articolo ", " sondaggio ", " guida ", " libro ", " edizione "},
	"nl": {" document ", " whitepaper", " rapport ", " studie ", " artikel ", " enquête ", " handleiding", " boek ", " editie "},
	"ja": {"白書", "ホワイトペーパー", "レポート", "報告書", "論文", "文書", "ガイド"},
	"zh": {"白皮书", "报告", "论文", "文档", "指南"},
	"ko": {" 백서", " 보고서", " 논문", " 문서", " 가이드"},
}

// Articles are the definite articles, and their forms joined to a preposition, as
// space-separated words ("l'" and "l’" stand before the word they join): a sentence that
// opens with one names a thing as already known ("After the installation, …").
var Articles = map[string]string{
	"en": "the", "es": "el la los las del al", "pt": "o a os as do da dos das no na ao à",
	"fr": "le la les l' l’ du des au aux", "de": "der die das den dem des beim im zum zur vom",
	"it": "il lo la i gli le l' l’ del dello della dei degli delle nel nello nella al allo alla", "nl": "de het",
}

// IndefiniteArticles introduce a thing the sentences after it may name with a definite
// one ("a mid-sized district… The district…"), as space-separated words.
var IndefiniteArticles = map[string]string{
	"en": "a an", "es": "un una", "pt": "um uma", "fr": "un une", "de": "ein eine einen einem einer", "it": "un uno una un'",
	"nl": "een",
}

// NounLinks join a noun to the one that qualifies it ("the labels for each level", "la
// gestión de los secretos"), as space-separated words: the thing a sentence names runs on
// through one.
var NounLinks = map[string]string{
	"en": "of for in on", "es": "de del para entre", "pt": "de do da dos das para entre", "fr": "de du des d' d’ pour entre",
	"de": "von vom für des der zwischen", "it": "di del della dei delle per tra fra", "nl": "van voor tussen",
}

// Stopwords are the function words of each language the ranker and keyword finder know:
// they carry no topic, so they neither score a sentence nor start a keyword phrase.
var Stopwords = map[string]string{
	"en": `a about above after again against all also an and any are as at be because been among amongst
		we've i've you've they've we'd i'd i'm that's there's here's what's let's got get gets
		before being below between both but by can could did do does doing down during each few for
		from further had has have having he her here hers him his how i if in into is it its itself
		just more most must my no nor not now of off on once only or other our ours out over own
		same she should so some such than that the their theirs them then there these they this
		those through to too under until up us very was we were what when where which while who
		whom why will with would you your yours may might can't don't it's we'll we're they're
		one many much every well like however two three four five six seven eight nine ten
		first second third
		actually really usually typically often simply even already quite rather million millions billion billions percent aren't isn't don't doesn't didn't won't can't wasn't weren't haven't hasn't it's that's there's they're we're you're`,
	"es": `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde
		durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estas este
		esto estos está están fue fueron ha han hasta hay la las le les lo los más me mi mientras
		muy no nos o otra otras otro otros para pero por porque que quien se ser si sin sobre son
		su sus también tanto te tiene tienen todo todos tu un una unas uno unos y ya puede pueden
		cada así debe deben sea ser mismo misma dos tres cuatro cinco seis siete ocho nueve diez
		primer primera primero segundo segunda además embargo obstante entonces
		veces millones millón euros parte mayor
		mil nuestra nuestro nuestras nuestros`,
	"de": `aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du
		ein eine einem einen einer es für hat haben ich ihr im in ist ja kann mit nach nicht noch
		nur oder sich sie sind so über um und uns von vor war wie wir wird zu zum zur werden wurde wurden worden
		waren hatte hatten gibt gab weil er wenn ob denn damit sodass
		ihre ihren ihrer ihrem ihr jede jeder jedes dieser diese dieses diesem diesen`,
	"fr": `a au aux avec ce ces cette dans de des du elle en est et eux il ils je la le les
		leur lui mais me même mes ne nos notre nous on ou par pas pour qu que qui sa se ses son sont
		sur ta te tes toi ton tu un une vos votre vous être été peut plus
		millions milliards euros fois
		chaque livre à premier première elles ont là où y ici aussi très tout tous toute toutes
		cela ceci celle celui ceux comme dont alors donc ainsi car si sans sous entre avant après`,
	"pt": `a ao aos as à às com como da das de do dos e é ela elas ele eles em entre era essa esse
		esta este eu foi for há isso isto já la lhe mais mas me mesmo meu minha muito na nas não nem
		no nos nós num numa o os ou para pela pelas pelo pelos por qual quando que quem se sem ser
		seu seus sua suas são só também te tem têm um uma umas uns você vocês deve devem pode podem
		cada ainda sobre todo todos toda todas outro outra outros outras seja sejam estão está
		além disso nisso daí aqui ali então porém contudo
		vezes milhões milhão bilhões reais parte maior quanto quanta
		mil`,
	"it": `a ad al alla alle allo ai agli anche che chi ci come con cui da dal dalla dalle dai sui sulle sugli sullo
		negli coi col
		degli dei del della delle dello di e è ed era gli ha hanno i il in io la le lo loro ma mi
		ne nei nel nella nelle nello no non o per più può possono quale quali quando questo questa
		questi queste se si sia siano sono su sua suo sue suoi sul sulla tra fra un una uno ogni
		deve devono essere stato stata tutti tutte tutto anche molto ancora dovrebbe dovrebbero
		milioni miliardi euro volte parte maggior`,
	"nl": `aan al als bij dan dat de der deze die dit door een en er had heb hebben het hij hoe
		hun ik in is je kan kunnen maar met mij na naar niet nog nu of om onder ons ook op over te
		tot uit van voor was wat we wel wie wij wordt worden zal ze zij zijn zo zou moet moeten
		weg eigen eigenlijk`,
	"ko": `것 것을 것이 것은 수 등 및 또는 그리고 이 그 저 있다 없다 위해 위한 통해 대한 대해 경우 때 더 가장 또한 모든 각 중 약 총 매우 다른 같은 이런 그런
		그렇지 않은 이상 이하 절반 다음과 같이 시 후 전 간`,
}

// DocumentPhrases are what a sentence about the document itself says (lower case):
// "this paper", "the next section", "refer to", "see figure".
var DocumentPhrases = map[string][]string{
	"en": {"the table below", "the following table", "table below shows", "write to me", "email me", "e-mail me", "drop me a line", "i can help", "happy to help", "we will present", "we'll present", "we present here", "in the case study", "in our case study", "the first two rows", "the first row", "the last row", "the top row", "the bottom row", "rows together", "let's take an example", "fictitious values", "fictitious name", "are illustrative", "is illustrative", "purely illustrative", "pdf edition", "pdf version", "download the full", "download the pdf", "download the report", "the full dataset", "methodology appendix", "quoted with permission", "name withheld", "names have been changed", "at their request", "as you can see", "were surveyed", "we surveyed", "the survey was fielded", "the survey was conducted", "responses were collected", "©", "all rights reserved", "not legal advice", "not financial advice", "for informational purposes", "does not constitute", "book a call", "schedule a call", "talk to our team", "contact our team", "get in touch", "figures below", "numbers below", "results below", "the recording", "the slides", "in your inbox", "follow-up email",
		"this webinar", "today's webinar", "today's session", "in the chat", "book a demo", "book a live demo", "book a live demonstration",
		"request a demo", "schedule a demo", "will host a webinar", "register at", "register for", "sign up at", "learn more at", "margin of error", "confidence level", "due to rounding", "may not sum to", "may not add up", "may not total", "this document", "this paper", "this whitepaper", "this white paper", "this report", "this section",
		"this chapter", "this guide", "this article", "this blog", "this post", "this book", "this model",
		"the following section", "following sections", "the next section", "next sections", "previous section",
		"as mentioned", "as described", "as discussed", "as noted", "as shown", "described below", "described above",
		"listed below", "shown below", "outlined below", "discussed below", "below are", "refer to", "can be found in", "are found in", "see also", "(see ", "see recommendations",
		"these documents", "the reader", "readers", "our example", "the example", "this example", "leave a comment", "join the",
		"if you are interested", "let us know", "contact us", "reach out", "thanks to", "thank you", "following graphic",
		"following diagram", "following figure", "following table", "the diagram", "the graphic", "illustrated", "shown in",
		"previous chapter", "next chapter", "following chapter", "this chapter", "above diagram", "above figure", "above table", "as seen",
		"discussed above", "mentioned above", "noted above", "stated above", "outlined above", "above-mentioned", "hereby",
		"subsequent section", "later section", "other publications", "this translation", "translation of this", "diagram of",
		"what do you think", "share your thoughts", "in the comments", "wrote a book", "published a whitepaper",
		"published a white paper", "published a paper", "a whitepaper titled", "a paper titled", "a book titled",
		"that document", "this reference architecture", "the content described",
		"it's important to note", "it is important to note", "note that", "keep in mind",
		"in this section", "we will", "we'll", "let's", "the goal of this", "the purpose of this", "the scope of this", "table of contents",
		"before diving into", "before we dive", "before delving into", "before we get into", "for complete context", "for full context",
		"for more context", "further insights", "further details", "are provided below", "final version", "the web page", "the webpage", "edition of the report", "edition of this report", "this year's edition", "edition of the survey", "edition of the study", "deserves a closer look", "is worth a closer look", "worth dwelling on", "deserves attention", "add up to more than 100", "sum to more than 100", "more than one answer", "multiple answers were", "as follows.", "is the following.", "are the following."},
	"es": {"la tabla siguiente", "la siguiente tabla", "el siguiente cuadro", "la tabla de abajo", "escríbeme", "escríbame", "puedo ayudar", "solicite un", "solicita un", "solicite una", "solicita una", "contáctenos", "contáctanos", "análisis gratuito", "diagnóstico gratuito", "demo gratuita", "vamos a presentar", "presentaremos", "en este capítulo", "en el estudio de caso", "en el caso práctico", "tomemos un ejemplo", "valores ficticios", "nombre ficticio", "es ilustrativo", "son ilustrativos", "es ilustrativa", "son ilustrativas", "se refieren a", "se refiere a", "versión en pdf", "versión pdf", "descargue el", "descarga el informe", "descargar el informe", "como se ve", "como se puede ver", "como se observa", "fueron encuestados", "se encuestó", "la encuesta se realizó", "©", "todos los derechos reservados", "margen de error", "nivel de confianza", "por redondeo", "debido al redondeo", "este documento", "este informe", "este artículo", "esta sección", "este capítulo", "esta guía", "el presente documento",
		"las siguientes secciones", "la siguiente sección", "las secciones siguientes", "la sección anterior", "como se mencionó",
		"como se describe", "como se ha descrito", "véase", "consulte", "ver la sección", "a continuación", "este documento técnico", "presente documento", "el siguiente diagrama",
		"la siguiente figura", "el lector", "los lectores", "antes de profundizar", "antes de adentrarnos", "para un contexto completo",
		"lea primero", "versión final", "edición del informe", "edición de este informe", "edición del estudio", "edición del barómetro", "merece atención", "merece una mirada", "vale la pena detenerse", "suman más de 100", "supera el 100", "más de una respuesta", "respuesta múltiple", "es la siguiente.", "son las siguientes.", "son los siguientes.", "más adelante", "como se indicó"},
	"pt": {"a tabela a seguir", "a tabela abaixo", "a seguinte tabela", "o quadro a seguir", "escreva para mim", "escreva-me", "me chame no", "posso ajudar", "fale com um especialista", "fale conosco", "agende uma", "solicite um", "solicite uma", "diagnóstico gratuito", "análise gratuita", "demonstração gratuita", "vamos apresentar", "apresentaremos", "neste capítulo", "no estudo de caso", "vejamos um exemplo", "valores fictícios", "nome fictício", "é ilustrativo", "são ilustrativos", "é ilustrativa", "são ilustrativas", "referem-se a", "refere-se a", "versão em pdf", "versão pdf", "baixe o relatório", "baixe o estudo", "faça o download", "como se vê", "como se pode ver", "foram entrevistados", "foram ouvidos", "a pesquisa foi realizada", "©", "todos os direitos reservados", "margem de erro", "nível de confiança", "arredondamento", "este documento", "este relatório", "este artigo", "esta seção", "esta secção", "este capítulo", "este guia",
		"as próximas seções", "a próxima seção", "as seções seguintes", "seção anterior", "conforme mencionado", "como mencionado",
		"consulte", "veja a seção", "a seguir", "abaixo", "presente documento", "o leitor", "os leitores", "antes de aprofundar",
		"antes de mergulhar", "para o contexto completo", "leia primeiro", "versão final", "edição do relatório", "edição deste relatório", "edição do estudo", "edição da pesquisa", "merece atenção", "merece um olhar", "soma ultrapassa", "ultrapassa 100", "mais de uma resposta", "mais de uma fonte", "é a seguinte.", "são as seguintes.", "são os seguintes.", "mais adiante", "como indicado"},
	"fr": {"le tableau suivant", "le tableau ci-dessous", "ce tableau", "écrivez-moi", "je peux vous aider", "contactez-nous", "demandez une démo", "demandez un", "diagnostic gratuit", "démo gratuite", "prenez rendez-vous", "nous allons présenter", "présenterons", "dans l'étude de cas", "prenons un exemple", "valeurs fictives", "nom fictif", "est illustratif", "sont illustratifs", "est illustrative", "sont illustratives", "se réfèrent à", "se rapportent à", "version pdf", "téléchargez le", "télécharger le rapport", "ont été interrogés", "l'enquête a été menée", "©", "tous droits réservés", "marge d'erreur", "niveau de confiance", "des arrondis", "arrondis à", "ce document", "ce livre blanc", "ce rapport", "cet article", "cette section", "ce chapitre", "ce guide",
		"les sections suivantes", "la section suivante", "section précédente", "comme mentionné", "comme décrit", "voir la section",
		"reportez-vous", "ci-dessous", "ci-dessus", "avant d'entrer dans", "avant de plonger", "pour un contexte complet", "lisez d'abord",
		"version finale", "édition du rapport", "édition de ce rapport", "édition du baromètre", "édition de l'étude", "mérite qu'on s'y arrête", "mérite qu’on s’y arrête", "mérite qu'on s'y attarde", "mérite attention", "mérite l'attention", "plus loin", "comme indiqué", "comme évoqué", "comme mentionné", "dépasse 100", "plusieurs réponses", "est la suivante.", "sont les suivantes.", "sont les suivants.", "se répartit comme suit"},
	"de": {"die folgende tabelle", "die tabelle unten", "folgende tabelle", "schreiben sie mir", "ich helfe ihnen gern", "kontaktieren sie uns", "vereinbaren sie", "fordern sie", "kostenlose analyse", "kostenlose demo", "kostenloses erstgespräch", "in diesem kapitel", "stellen wir vor", "dieser leitfaden", "diesen leitfaden", "dieser bericht", "diese studie", "am ende finden sie", "nehmen wir ein beispiel", "fiktive werte", "name geändert", "dienen der veranschaulichung", "dient der veranschaulichung", "beziehen sich auf", "bezieht sich auf", "pdf-version", "pdf-fassung", "laden sie den", "laden sie die", "zum download", "wurden befragt", "die befragung wurde", "©", "alle rechte vorbehalten", "fehlermarge", "fehlertoleranz", "konfidenzniveau", "rundungsdifferenz", "durch rundung", "aufgrund von rundung", "wegen rundung", "dieses dokument", "dieses whitepaper", "dieser bericht", "dieser artikel", "dieser abschnitt", "dieses kapitel",
		"die folgenden abschnitte", "im folgenden abschnitt", "nächsten abschnitt", "siehe abschnitt", "wie oben", "wie unten",
		"im folgenden", "bevor wir uns", "für den vollständigen kontext", "zuerst lesen", "endgültige fassung", "ausgabe des berichts", "ausgabe der studie", "ausgabe dieses berichts", "verdient einen genaueren blick", "lohnt einen genaueren blick", "verdient aufmerksamkeit", "mehrfachnennungen", "mehr als 100 prozent", "wie folgt", "ist folgende.", "sind folgende.", "weiter unten"},
	"it": {"la tabella seguente", "la seguente tabella", "la tabella qui sotto", "la tabella sotto", "scrivetemi", "scrivimi", "posso aiutarvi", "contattaci", "contattateci", "richiedi una demo", "richiedi un", "prenota una demo", "analisi gratuita", "presenteremo", "in questo capitolo", "nel caso di studio", "prendiamo un esempio", "valori fittizi", "nome di fantasia", "raccoglie i dati", "è illustrativo", "sono illustrativi", "è illustrativa", "sono illustrative", "si riferiscono a", "si riferisce a", "versione pdf", "scarica il", "scaricare il rapporto", "sono stati intervistati", "l'indagine è stata condotta", "©", "tutti i diritti riservati", "margine di errore", "livello di confidenza", "arrotondament", "questo documento", "questo whitepaper", "questo white paper", "questo rapporto", "questo articolo", "questa sezione",
		"questo capitolo", "questa guida", "le prossime sezioni", "le sezioni seguenti", "la sezione successiva", "sezione precedente",
		"si veda", "vedere la sezione", "fare riferimento", "fa riferimento", "come menzionato", "come descritto", "di seguito", "seguente sezione",
		"presente documento", "il lettore", "i lettori", "seguente diagramma", "seguente figura", "prima di approfondire",
		"prima di addentrarci", "per un contesto completo", "leggere prima", "versione finale", "edizione del rapporto", "edizione di questo rapporto", "edizione dell'osservatorio", "edizione dello studio", "merita attenzione", "merita un approfondimento", "supera il 100", "più risposte", "risposte multiple", "è la seguente.", "sono le seguenti.", "sono i seguenti.", "più avanti", "come indicato", "come si vede", "come si può vedere", "nella tabella", "nel grafico", "come mostra la tabella"},
	"nl": {"de volgende tabel", "de tabel hieronder", "onderstaande tabel", "mail me", "ik help je graag", "neem contact op", "vraag een demo", "vraag een gratis", "gratis analyse", "plan een demo", "pdf-versie", "download het", "©", "alle rechten voorbehouden", "foutmarge", "betrouwbaarheidsniveau", "afronding", "dit document", "dit rapport", "dit artikel", "deze sectie", "dit hoofdstuk", "de volgende secties", "de volgende sectie",
		"vorige sectie", "zie sectie", "zoals hierboven", "hieronder", "hierboven", "lees eerst", "definitieve versie", "verdient aandacht", "verdient een nadere blik", "meerdere antwoorden", "meer dan 100 procent", "als volgt", "is de volgende.", "zijn de volgende.", "verderop"},
	"ja": {"下表", "次の表", "以下の表", "下記の表", "お問い合わせください", "無料相談", "無料診断", "資料請求", "（仮名）", "(仮名)", "非公開としています", "希望により非公開", "社名は非公開", "社名非公開", "を対象に実施", "を対象とした調査", "©", "無断転載", "著作権", "誤差", "信頼水準", "四捨五入", "解説する。", "解説します。", "紹介する。", "紹介します。", "説明します。", "本書", "本稿", "本文書", "本資料", "本レポート", "本報告書", "冒頭で触れた", "冒頭で述べた", "本ドキュメント", "本ホワイトペーパー", "このドキュメント", "このホワイトペーパー", "この文書", "本章", "本節",
		"次のセクション", "以下のセクション", "前のセクション", "前述", "後述", "以下に", "下記", "上記", "参照",
		"以下の", "次の図", "下図", "上図", "読者", "上で述べ", "先に述べ", "前に述べ", "後で述べ", "本翻訳",
		"に飛び込む前に", "を掘り下げる前に", "に入る前に", "先にお読み", "まずお読み", "最終版", "以下の通り", "以下のとおり", "次の通り", "次のとおり",
		"なれば幸いです", "一助となれば"},
	"zh": {"下表", "如下表", "以下表格", "下面的表格", "欢迎联系", "免费咨询", "免费诊断", "预约演示", "化名", "调研对象", "本次调研共", "本次调查共", "©", "版权所有", "误差", "置信", "四舍五入", "将介绍", "将探讨", "将阐述", "本文", "本文档", "本白皮书", "本报告", "本资料", "本手册", "开头提到", "本节", "本章", "本部分", "下一节", "以下部分", "下文", "上文", "如前所述", "如上所述",
		"参见", "请参阅", "见下", "如下", "以下是", "以下为", "以下几", "以下将", "以下内容", "以下部分", "下图", "上图", "上述", "读者", "前面提到", "前文", "后文", "本译文",
		"在深入", "请先阅读", "最终版", "如下：", "如下。", "如下所示", "本指南", "本文件", "可为企业提供", "欢迎联系", "数据来源", "统计口径"},
	"ko": {"아래 표", "다음 표", "아래의 표", "문의해 주세요", "무료 상담", "무료 진단", "데모 신청", "표에서 보듯", "표에서 볼 수 있듯", "그림에서 보듯", "위 표", "아래 표", "가명", "대상으로 실시", "대상으로 진행", "응답자 구성", "©", "저작권", "무단 전재", "오차", "신뢰수준", "신뢰 수준", "반올림", "설명한다.", "다룬다.", "소개한다.", "살펴본다.", "제시한다.", "이 문서", "본 문서", "이 백서", "본 백서", "이 보고서", "본 보고서", "본 자료", "이 자료", "이 섹션", "이 장", "다음 섹션", "다음 장", "아래", "위에서", "앞서", "참조",
		"참고하십시오", "살펴보겠", "들어가기 전에", "살펴보기 전에", "먼저 읽", "최종본", "다음과 같습니다", "다음과 같다", "다음과 같이 나타", "도움이 되기를"},
}

// ShellNouns only name what the text around them said when a definite article opens the
// sentence on them and nothing qualifies them: "The solution cost under €2,000" (to
// what?), "Das Problem ist nicht…", "Les conséquences ne sont pas…"; and so do
// CaseNouns told in the past. Lower case, singular and plural.
var ShellNouns = map[string]string{
	"en": `error errors cost costs rate rates price prices limit threshold bottleneck solution solutions problem problems issue result results consequence consequences effect effects
		impact difference concern concerns challenge question answer reason reasons point idea lesson lessons goal
		aim objective benefit benefits advantage downside upside catch trick headline outcome outcomes change
		changes fix remedy effort savings saving gain gains improvement improvements information conclusion
		takeaway message irony paradox truth reality rest remainder latter former bits part parts measure measures
		step steps approach method figure figures reduction increase decline drop rise`,
	"es": `error errores costo costos coste costes tiempo tiempos límite umbral tasa precio solución soluciones problema problemas resultado resultados consecuencia consecuencias efecto efectos
		impacto diferencia preocupación reto desafío pregunta respuesta razón motivo idea lección objetivo meta
		beneficio beneficios ventaja ventajas cambio cambios mejora mejoras ahorro ahorros información conclusión
		mensaje resto medida medidas paso pasos enfoque método cifra cifras reducción aumento caída descenso subida`,
	"pt": `erro erros custo custos tempo tempos limite taxa preço solução soluções problema problemas resultado resultados consequência consequências efeito efeitos
		impacto diferença preocupação desafio pergunta resposta razão motivo ideia lição objetivo meta benefício
		benefícios vantagem vantagens mudança mudanças melhoria melhorias economia informação conclusão mensagem
		risco resto medida medidas passo passos abordagem método cifra cifras redução aumento queda`,
	"fr": `erreur erreurs coût coûts délai délais seuil taux prix solution solutions problème problèmes résultat résultats conséquence conséquences effet effets impact
		différence préoccupation défi question réponse raison idée leçon objectif but bénéfice bénéfices avantage
		avantages changement changements amélioration améliorations économie économies information conclusion
		message reste mesure mesures étape étapes approche méthode chiffre chiffres réduction hausse baisse augmentation`,
	"de": `fehler kosten zeit grenze schwelle quote preis lösung lösungen problem probleme ergebnis ergebnisse folge folgen effekt wirkung unterschied sorge
		herausforderung frage antwort grund idee lektion ziel nutzen vorteil vorteile änderung veränderung
		verbesserung einsparung einsparungen ersparnis information fazit botschaft rest maßnahme maßnahmen schritt
		schritte ansatz methode zahl zahlen reduktion senkung anstieg rückgang`,
	"it": `errore errori costo costi tempo tempi limite soglia tasso prezzo soluzione soluzioni problema problemi risultato risultati conseguenza conseguenze effetto effetti
		impatto differenza preoccupazione sfida domanda risposta ragione motivo idea lezione obiettivo beneficio
		benefici vantaggio vantaggi cambiamento cambiamenti miglioramento miglioramenti risparmio risparmi
		informazione conclusione messaggio resto misura misure passo passi approccio metodo cifra cifre riduzione aumento calo`,
	"nl": `fout fouten oplossing oplossingen probleem problemen resultaat resultaten gevolg gevolgen effect impact verschil
		zorg uitdaging vraag antwoord reden idee les doel voordeel voordelen verandering verbetering besparing
		informatie conclusie boodschap rest maatregel maatregelen stap stappen aanpak methode cijfer cijfers verlaging stijging daling`,
}

// CaseNouns name the one company, team or system a case or an anecdote is about: "The
// team spent 465 hours", "The studio quoted $60,000", "L'équipe a réduit…". Told in the
// past, they lean on the sentence that introduced them; in the present they are mostly a
// kind ("The platform team builds tools for other teams"). Lower case.
var CaseNouns = map[string]string{
	"en": `company team project client customer firm studio organization organisation business vendor supplier provider plant site
		factory system tool platform model pilot programme program initiative product app studios companies teams clients customers
		unit machine device van truck fleet building store shop office warehouse hospital clinic school city town farm lab`,
	"es": `empresa equipo proyecto cliente firma sistema herramienta plataforma modelo piloto programa iniciativa producto
		planta fábrica almacén tienda hotel hospital clínica granja explotación ayuntamiento`,
	"pt": `empresa equipe equipa projeto cliente sistema ferramenta plataforma modelo piloto programa iniciativa produto
		fábrica armazém loja hospital clínica fazenda prefeitura`,
	"fr": `entreprise équipe projet client société système outil plateforme modèle pilote programme initiative produit
		usine entrepôt magasin site hôpital clinique exploitation commune mairie`,
	"de": `unternehmen firma team projekt kunde system werkzeug tool plattform modell pilot programm initiative produkt
		werk lager standort krankenhaus klinik betrieb`,
	"it": `azienda squadra progetto cliente sistema strumento piattaforma modello pilota programma iniziativa prodotto
		stabilimento magazzino negozio ospedale clinica cava comune`,
	"nl": `bedrijf team project klant systeem tool platform model pilot programma initiatief product`,
}

// GenericQualifiers before a noun make a definite phrase name a kind, not a thing the
// text before named: "The average hospital spends…", "The biggest problem is…", "Das
// größte Problem…". Lower case.
var GenericQualifiers = map[string]string{
	"en": `average typical median mean ideal modern best worst biggest largest greatest smallest main key real only
		most least common usual classic traditional right wrong`,
	"es": `principal mayor menor mejor peor típico típica verdadero verdadera único única gran`,
	"pt": `principal maior menor melhor pior típico típica verdadeiro verdadeira único única grande`,
	"fr": `principal principale plus grand grande meilleur meilleure pire vrai vraie seul seule véritable`,
	"de": `meisten meiste größte größten wichtigste wichtigsten typische typischen durchschnittliche eigentliche einzige beste schlimmste`,
	"it": `principale maggiore migliore peggiore vero vera unico unica grande tipico tipica`,
	"nl": `grootste belangrijkste gemiddelde typische echte enige beste`,
}

// SharePrepositions after a sentence's opening share leave out what it is a share of:
// "17 % durante il trasporto primario…", "22% during the first mile.", a line of a
// breakdown the sentence before began. Lower case.
var SharePrepositions = map[string]string{
	"en": `during in on at for through via among`, "es": `durante en por para entre`, "pt": `durante em no na por para entre`,
	"fr": `pendant durant en dans sur pour par lors`, "de": `während im in bei für durch`,
	"it": `durante nel nella nei nelle in per tra fra su sul sulla`, "nl": `tijdens in bij voor`,
}

// LevelNouns name a level, stage or tier of the document's own scale: "No nível
// avançado, o reajuste…" leans on the scale the reader never saw. Lower case.
var LevelNouns = map[string]string{
	"en": `level tier stage phase`, "es": `nivel etapa fase`, "pt": `nível etapa fase estágio`,
	"fr": `niveau étape phase stade palier`, "de": `stufe phase ebene`, "it": `livello fase stadio`, "nl": `niveau fase`,
}

// DistalDemonstratives point back wherever they stand in a sentence: "…tinham alguma
// iniciativa nessa área", "en esa fase", "tale approccio", "the latter". Lower case words.
var DistalDemonstratives = map[string]string{
	"en": `latter aforementioned`,
	"es": `ese esa esos esas dicho dicha dichos dichas`,
	"pt": `esse essa esses essas nesse nessa nesses nessas desse dessa desses dessas naquele naquela aquele aquela`,
	"fr": `ledit ladite lesdits susmentionné susmentionnée`,
	"it": `tale tali suddetto suddetta suddetti suddette quel quella quei quegli quelle`,
	"de": `derselbe dieselbe dasselbe ebendiese`,
}

// NegatedOpenings open the second half of a contrast whose first half came before: "Pas
// grâce à un équipement miracle, mais…", "Not because the tools are bad". A negation and
// what may follow it, space-separated; the first word in lower case.
var NegatedOpenings = map[string]struct{ Negation, Then string }{
	"en": {"not", "because by through with from for in at just merely"},
	"fr": {"pas", "grâce à par pour avec en dans seulement uniquement parce"},
	"es": {"no", "por con gracias para desde porque solo sólo"},
	"pt": {"não", "por com graças para desde porque só apenas"},
	"it": {"non", "per con grazie perché solo soltanto"},
	"de": {"nicht", "durch wegen mit weil nur dank"},
}

// Nominals are the endings of a noun made from a verb, and the prepositions that may
// follow one: a sentence that opens on such a noun without its article is a heading or a
// list's item ("Calibración con datos históricos…", "Integração com o ERP…"), in the
// languages whose sentences give a subject its article.
var Nominals = map[string]struct{ Endings, Prepositions string }{
	"es": {`ción ciones sión siones miento mientos dad dades aje ajes ncia ncias`, `de del con en para por sobre entre sin a al`},
	"pt": {`ção ções são sões mento mentos dade dades agem agens ncia ncias`, `de do da dos das com em no na para por sobre entre sem`},
	"fr": {`tion tions sion sions ment ments age ages ité ités ance ances ence ences`, `de du des d' d’ avec pour par sur sans dans en à au aux`},
	"it": {`zione zioni sione sioni mento menti tà enza enze anza anze`, `di del della dei delle con per su sul tra fra senza in nel nella a al alla`},
}

// KindReferences name a kind of thing the sentence before described, wherever they stand:
// "…envisager ce type de tarification", "this kind of pricing". Lower case.
var KindReferences = map[string][]string{
	"en": {"this type of", "this kind of", "that kind of", "that type of", "this sort of", "such an approach", "such a model"},
	"es": {"este tipo de", "ese tipo de", "esta clase de", "este enfoque", "ese enfoque"},
	"pt": {"esse tipo de", "este tipo de", "essa abordagem", "esta abordagem"},
	"fr": {"ce type de", "ce genre de", "cette approche", "ce modèle", "ce dispositif"},
	"it": {"questo tipo di", "quel tipo di", "questo approccio", "questo modello"},
	"de": {"diese art von", "diese art", "dieser ansatz", "diesen ansatz", "dieses modell"},
}

// SalesQuestions open a question that sells rather than says: "Want to talk about your
// carrier program?", "¿Quiere saber más?". Lower case.
var SalesQuestions = map[string][]string{
	"en": {"want to ", "need help", "ready to ", "interested in ", "looking for ", "curious ", "would you like"},
	"es": {"¿quiere ", "¿quieres ", "¿necesita ", "¿le interesa", "¿te interesa"},
	"pt": {"quer ", "precisa de ajuda", "quer saber", "gostaria de"},
	"fr": {"envie de ", "vous souhaitez", "besoin d'aide", "besoin d’aide", "prêt à "},
	"de": {"möchten sie", "brauchen sie", "interesse an", "bereit für"},
	"it": {"vuoi ", "vuole ", "hai bisogno", "ha bisogno", "interessato a"},
}

// PastMarks tell a verb told in the past: Words, whole, and Endings of a word.
var PastMarks = map[string]struct{ Words, Endings string }{
	"en": {`was were had`, ``},
	"es": {`ha han había habían fue fueron era eran`, `ó aron ieron`},
	"pt": {`foi foram era eram tinha tinham`, `ou iu aram eram iram`},
	"fr": {`a ont avait avaient était étaient fut furent`, `ait aient`},
	"de": {`hat haben hatte hatten war waren wurde wurden`, `te ten`},
	"it": {`ha hanno aveva avevano era erano fu furono`, `ò`},
	"nl": {`heeft hebben had hadden was waren werd werden`, `de te den ten`},
}

// Relatives open a clause that says which thing a noun is ("the solution that worked
// best"), in lower case.
var Relatives = map[string]string{
	"en": "that which who whose", "es": "que cuyo cuya", "pt": "que cujo cuja", "fr": "qui que dont",
	"de": "die der das den dem", "it": "che cui", "nl": "die dat",
}

// KeywordNoise are words no keyword holds: spans of time, counts written out, vague
// quantities and units ("dix-huit mois", "last year", "pro Jahr", "ottocento metri",
// "muchas empresas", "tachtig monteurs") say when or how much, not what a page is about.
// Lower case.
var KeywordNoise = map[string]string{
	"en": `day days week weeks month months year years quarter quarters hour hours minute minutes ago last next
		one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million percent
		meter meters metre metres mile miles
		many few several most some much thirty forty fifty sixty seventy eighty ninety`,
	"es": `día días semana semanas mes meses año años trimestre hora horas minuto minutos pasado próximo
		uno dos tres cuatro cinco seis siete ocho nueve diez veinte cien mil millones metros kilómetros
		muchas muchos pocas pocos varias varios treinta cuarenta cincuenta sesenta setenta ochenta noventa`,
	"pt": `dia dias semana semanas mês meses ano anos trimestre hora horas minuto minutos passado próximo
		um dois três quatro cinco seis sete oito nove dez vinte cem mil milhões metros quilômetros
		muitas muitos poucas poucos várias vários trinta quarenta cinquenta sessenta setenta oitenta noventa`,
	"fr": `jour jours semaine semaines mois an ans année années trimestre heure heures minute minutes dernier
		dernière prochain suivants suivantes un deux trois quatre cinq six sept huit neuf dix onze douze
		dix-huit vingt cent mille millions mètres kilomètres
		beaucoup plusieurs nombreux nombreuses trente quarante cinquante soixante quatre-vingts`,
	"de": `tag tage tagen woche wochen monat monate monaten jahr jahre jahren jahres quartal stunde stunden
		minute minuten pro zwei drei vier fünf sechs sieben acht neun zehn zwanzig hundert tausend millionen
		meter kilometer prozent
		viele wenige einige mehrere dreißig vierzig fünfzig sechzig siebzig achtzig neunzig`,
	"it": `giorno giorni settimana settimane mese mesi anno anni trimestre ora ore minuto minuti scorso prossimo
		uno due tre quattro cinque sei sette otto nove dieci venti cento ottocento mille milioni metri chilometri
		molte molti poche pochi diverse diversi numerose numerosi trenta quaranta cinquanta sessanta settanta ottanta novanta`,
	"nl": `dag dagen week weken maand maanden jaar jaren kwartaal uur minuut minuten twee drie vier vijf zes
		zeven acht negen tien twintig honderd duizend miljoen meter kilometer
		veel weinig enkele meerdere dertig veertig vijftig zestig zeventig tachtig negentig`,
	"ja": `昨年 今年 来年 年間 ヶ月 か月 毎月 毎年`,
	"zh": `去年 今年 明年 每年 每月 个月`,
	"ko": `작년 올해 내년 개월 매년 매월`,
}
