package extract

import (
	"testing"

	"github.com/repurpose/repurpose/parse"
)

// TestTheAuthorsVoiceIsNotPosted: a sentence whose subject is the authors ("we are
// seeing", "our recommendation", "Estamos viendo", "Stiamo assistendo", 我们, 우리,
// 私たち) would make whoever shares the post speak for them; a word that merely starts
// like the pronoun ("Weekly", "weighed", Dutch "Weekelijkse") is no voice.
func TestTheAuthorsVoiceIsNotPosted(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "We are seeing more teams adopt policy as code every quarter.", false},
		{"en", "Our recommendation is to sign every artifact before it leaves the pipeline.", false},
		{"en", "Most platform teams we interviewed treat paging as a fire hose.", false},
		{"en", "Weekly releases cut the change failure rate in half across the company.", true},
		{"en", "The release board weighed every option before the migration to the new cluster.", true},
		{"es", "Estamos viendo un aumento de los ataques a la cadena de suministro.", false},
		{"es", "Los cambios más importantes que vemos afectan a todos los equipos de plataforma.", false},
		{"es", "Nuestra recomendación es firmar cada artefacto antes de publicarlo.", false},
		{"es", "Los extremos del clúster reciben los ataques más frecuentes de la red.", true},
		{"it", "Stiamo assistendo a una crescita delle politiche di sicurezza come codice.", false},
		{"it", "Abbiamo misurato i tempi di rilascio di dodici team di piattaforma.", false},
		{"pt", "Estamos vendo mais equipes adotarem políticas de segurança como código.", false},
		{"pt", "Nós recomendamos assinar cada artefato antes de publicá-lo.", false},
		{"fr", "Nous constatons une hausse des attaques sur la chaîne d'approvisionnement.", false},
		{"fr", "Notre recommandation est de signer chaque artefact avant sa publication.", false},
		{"de", "Wir sehen immer mehr Angriffe auf die Lieferkette von Containern.", false},
		{"de", "Unsere Empfehlung lautet, jedes Artefakt vor der Veröffentlichung zu signieren.", false},
		{"nl", "We zien steeds meer aanvallen op de toeleveringsketen van containers.", false},
		{"nl", "Wij raden aan om elk artefact vóór publicatie te ondertekenen.", false},
		{"nl", "Wekelijkse releases halveren het aantal mislukte wijzigingen.", true},
		{"zh", "我们看到越来越多的团队采用策略即代码。", false},
		{"ja", "私たちはサプライチェーンへの攻撃の増加を目にしています。", false},
		{"ko", "저희 팀은 매주 릴리스하며 실패가 줄었습니다.", false},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
	// Nor does it follow another sentence in a thread or a teaser's passage.
	if Followable("Most platform teams we interviewed treat paging as a fire hose.", "en") ||
		Followable("我们将在这里建议度量标准。", "zh") {
		t.Error("a sentence in the authors' voice may follow another in a post")
	}
}

// TestACommonBeliefIsNotAClaim: a sentence stating what people often think, set up to be
// refuted, would post the view the author argues against.
func TestACommonBeliefIsNotAClaim(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Release engineering is often associated with build scripts and nothing else.", false},
		{"en", "Often, release engineering is “solely” associated with build scripts.", false},
		{"en", "It is commonly thought that more alerts make a safer system.", false},
		{"es", "Muchos creen que más alertas hacen un sistema más seguro.", false},
		{"it", "Si pensa comunemente che più allarmi rendano il sistema più sicuro.", false},
		{"de", "Es wird oft angenommen, dass mehr Alarme ein System sicherer machen.", false},
		// What one hears, and a belief given as the reason people hold back.
		{"fr", "On entend fréquemment que la seule réponse durable aux pertes consiste à renouveler les conduites.", false},
		{"en", "You often hear that the only lasting answer to leaks is to replace the pipes.", false},
		{"de", "Manche Betriebe zögern, weil sie glauben, für solche Angriffe zu klein zu sein.", false},
		{"it", "Si sente spesso dire che l'irrigazione a goccia costa troppo per un piccolo vigneto.", false},
		{"zh", "常听到一种说法：小诊所没有必要做会员管理。", false},
		{"ja", "業界では「機械化は接客の質を下げる」という意見も根強くあります。", false},
		{"ko", "흔히 듣는 말은 작은 회사는 공격 대상이 아니라는 것입니다.", false},
		{"fr", "Un litre d'eau potable sur cinq se perd entre l'usine et le robinet.", true},
		{"en", "Teams that measure adoption ship twice as often as teams that do not.", true},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestASubjectlessVerbOrAStrayInfinitiveIsAFragment: in Spanish, Italian and Portuguese a
// sentence may drop its subject ("Proporcionan…": they provide) and lean on the sentence
// that named it; one that opens with an infinitive and has no finite verb is an
// instruction out of its list. An infinitive that is the subject, an impersonal verb and
// a name stand alone.
func TestASubjectlessVerbOrAStrayInfinitiveIsAFragment(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"es", "Proporcionan mayor transparencia y una superficie de ataque menor.", false},
		{"es", "Permiten a los equipos desplegar sin esperar al equipo de operaciones.", false},
		{"it", "Forniscono maggiore trasparenza e una superficie di attacco ridotta.", false},
		{"it", "Sono necessari controlli aggiuntivi per ogni cluster condiviso.", false},
		{"pt", "Fornecem maior transparência e uma superfície de ataque menor.", false},
		// "It can include…": what can, the sentence before said.
		{"es", "Puede incluir tecnologías como la paridad o la duplicación, la codificación de borrado o las réplicas.", false},
		{"it", "Può includere tecnologie come la parità o la duplicazione, la codifica di cancellazione o le repliche.", false},
		{"pt", "Pode incluir tecnologias como a paridade ou a duplicação, a codificação de apagamento ou as réplicas.", false},
		{"es", "Un volumen cifrado puede incluir tecnologías como la paridad o la duplicación de los bloques.", true},
		{"es", "Debe cifrar cada volumen con una clave que rote el equipo de seguridad cada trimestre.", false},
		{"it", "Deve cifrare ogni volume con una chiave che il team di sicurezza ruota ogni trimestre.", false},
		{"es", "Mantener la interoperabilidad al mínimo cuando se introducen nuevos estándares.", false},
		{"it", "Garantire che sia possibile rilevare le modifiche non autorizzate.", false},
		{"pt", "Manter a interoperabilidade no mínimo ao introduzir novos padrões.", false},
		{"es", "Proteger la cadena de suministro es crítico para cada organización.", true},
		{"it", "Proteggere la catena di fornitura è fondamentale per ogni organizzazione.", true},
		{"pt", "Proteger a cadeia de suprimentos é essencial para cada organização.", true},
		{"es", "Los contenedores proporcionan mayor transparencia y una superficie de ataque menor.", true},
		{"es", "Existen varias amenazas que afectan a los orquestadores de contenedores.", true},
		{"es", "Open Policy Agent evalúa cada solicitud antes de admitirla en el clúster.", true},
		{"pt", "Docker Hub limita os downloads anônimos de imagens por hora.", true},
		{"it", "I container forniscono maggiore trasparenza e una superficie di attacco ridotta.", true},
	} {
		if got := Postable(tc.text, tc.lang); got != tc.want {
			t.Errorf("Postable(%s, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestHalfAContrastIsNeverPostedAlone: a sentence that the next one turns against
// ("However, …", in the same paragraph or opening the next) states the view the author
// argues against: it is never picked, though a passage that reaches it goes on into the
// contrast. A hedge ("it depends", "is not an exact science") is never picked either.
func TestHalfAContrastIsNeverPostedAlone(t *testing.T) {
	for _, tc := range []struct{ lang, view, turn, hedge, other string }{
		{"en", "Many teams treat every release as a rare event that needs a change board.",
			"However, the teams that ship weekly have fewer failed changes than the rest.",
			"Choosing a release cadence is not an exact science, and results may vary.",
			"Manual deploys cost each team two evenings a month in overtime."},
		{"es", "Muchos equipos tratan cada versión como un evento raro que necesita un comité.",
			"Sin embargo, los equipos que publican cada semana tienen menos cambios fallidos.",
			"La cadencia adecuada depende de las necesidades de cada organización.",
			"Los despliegues manuales cuestan a cada equipo dos tardes al mes."},
		{"it", "Molti team trattano ogni rilascio come un evento raro che richiede un comitato.",
			"Tuttavia, i team che rilasciano ogni settimana hanno meno modifiche fallite.",
			"La cadenza giusta dipende dalla topologia in uso dal sistema.",
			"I rilasci manuali costano a ogni team due serate al mese."},
		{"fr", "Beaucoup d'équipes traitent chaque version comme un événement rare soumis à un comité.",
			"Cependant, les équipes qui publient chaque semaine ont moins de changements en échec.",
			"Le choix de la cadence dépend des besoins de chaque organisation.",
			"Les déploiements manuels coûtent deux soirées par mois à chaque équipe."},
		{"de", "Viele Teams behandeln jedes Release als seltenes Ereignis mit einem Änderungsausschuss.",
			"Jedoch haben Teams, die wöchentlich ausliefern, weniger fehlgeschlagene Änderungen.",
			"Die richtige Kadenz hängt von den Bedürfnissen jeder Organisation ab.",
			"Manuelle Deployments kosten jedes Team zwei Abende im Monat."},
		{"zh", "许多团队把每次发布都当作需要变更委员会审批的罕见事件。",
			"但是，每周发布的团队失败的变更更少。",
			"合适的发布节奏取决于每个组织的需求。",
			"手动部署每月要花掉每个团队两个晚上。"},
		{"ja", "多くのチームはすべてのリリースを変更委員会が必要なまれな出来事として扱っています。",
			"しかし、毎週リリースするチームの方が失敗する変更は少ないのです。",
			"適切なリリース頻度は組織のニーズによって異なります。",
			"手作業のデプロイは各チームに毎月二晩の残業を強いています。"},
		{"ko", "많은 팀은 모든 릴리스를 변경 위원회가 필요한 드문 사건으로 취급합니다.",
			"하지만 매주 릴리스하는 팀은 실패한 변경이 더 적습니다.",
			"적절한 릴리스 주기는 조직의 요구에 따라 다릅니다.",
			"수동 배포는 각 팀에 매달 이틀 저녁의 초과 근무를 안깁니다."},
	} {
		for _, paras := range [][]string{{tc.view + " " + tc.turn}, {tc.view, tc.turn}} {
			doc := &parse.Document{Title: "Releases", Lang: tc.lang, Sections: []parse.Section{
				{Heading: "Cadence", Paragraphs: paras}, {Heading: "Cost", Paragraphs: []string{tc.hedge + " " + tc.other}}}}
			a := Analyze(doc)
			if c := candidate(t, a, tc.view); c.Score > 0 {
				t.Errorf("%s: half a contrast can be posted alone: %q", tc.lang, tc.view)
			}
			if c := candidate(t, a, tc.hedge); c.Score > 0 {
				t.Errorf("%s: a hedge can be picked: %q", tc.lang, tc.hedge)
			}
			if c := candidate(t, a, tc.other); c.Score <= 0 {
				t.Errorf("%s: a plain claim cannot be posted: %q", tc.lang, tc.other)
			}
			if !Followable(tc.turn, tc.lang) {
				t.Errorf("%s: the contrast cannot follow the view it answers: %q", tc.lang, tc.turn)
			}
		}
	}
}

// TestAFigureThatDependsIsStillAFinding: "depends on" with a figure states what was
// found, not a hedge.
func TestAFigureThatDependsIsStillAFinding(t *testing.T) {
	text := "Build time depends on the cache, and teams with a warm cache build 3x faster than the rest."
	if c := candidate(t, analysisOf("en", text), text); c.Score <= 0 {
		t.Errorf("a finding with its condition is never picked: %q", text)
	}
}

// TestDefinitionsWeighAsDefinitions: "X ensures that…", "X is composed of…", "X is
// designed to…" describe how a thing works; they never open a post as a finding.
func TestDefinitionsWeighAsDefinitions(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"en", "The reconciliation loop ensures that the declared state matches the running state of every release."},
		{"en", "A release train is composed of a schedule, a branch and a set of quality gates."},
		{"en", "The scheduler is designed to place each release job on the least loaded runner."},
		{"es", "El bucle de conciliación garantiza que el estado declarado coincida con el estado real."},
		{"it", "Il ciclo di riconciliazione garantisce che lo stato dichiarato corrisponda a quello reale."},
		{"pt", "O ciclo de reconciliação garante que o estado declarado corresponda ao estado real."},
		{"fr", "La boucle de réconciliation garantit que l'état déclaré correspond à l'état réel."},
		{"de", "Die Abgleichsschleife stellt sicher, dass der deklarierte Zustand dem tatsächlichen entspricht."},
		{"nl", "De reconciliatielus zorgt ervoor dat de gedeclareerde toestand overeenkomt met de werkelijke."},
		{"zh", "控制循环旨在使应用程序的实际状态与声明的状态保持一致。"},
		{"ja", "制御ループは宣言された状態と実際の状態が一致することを保証します。"},
		{"ko", "제어 루프는 선언된 상태와 실제 상태가 일치하도록 보장합니다."},
	} {
		c := Candidate{Text: tc.text}
		if f, finding := hookStrength(&c, tc.lang); f >= 1 || finding {
			t.Errorf("%s: %q weighs %.2f (finding %v), want a definition's weight", tc.lang, tc.text, f, finding)
		}
	}
}

// TestNotAlwaysIsACaveat: "A land grab of privileges is not always malicious" withholds
// its answer as "it depends" does: never picked, in any language with the mark.
func TestNotAlwaysIsACaveat(t *testing.T) {
	for _, tc := range []struct{ lang, caveat, other string }{
		{"en", "A broad grant of privileges to an operator is not always malicious in intent.",
			"Manual deploys cost each team two evenings a month in overtime."},
		{"es", "Una concesión amplia de privilegios a un operador no siempre es malintencionada.",
			"Los despliegues manuales cuestan a cada equipo dos tardes al mes."},
		{"it", "Una concessione ampia di privilegi a un operatore non sempre è malevola.",
			"I rilasci manuali costano a ogni team due serate al mese."},
		{"ja", "オペレーターへの広い権限付与は必ずしも悪意によるものではありません。",
			"手作業のデプロイは各チームに毎月二晩の残業を強いています。"},
	} {
		doc := &parse.Document{Title: "Releases", Lang: tc.lang, Sections: []parse.Section{
			{Heading: "Privileges", Paragraphs: []string{tc.caveat}}, {Heading: "Cost", Paragraphs: []string{tc.other}}}}
		a := Analyze(doc)
		if c := candidate(t, a, tc.caveat); c.Score > 0 {
			t.Errorf("%s: a caveat can be picked: %q", tc.lang, tc.caveat)
		}
		if c := candidate(t, a, tc.other); c.Score <= 0 {
			t.Errorf("%s: a plain claim cannot be posted: %q", tc.lang, tc.other)
		}
	}
}
