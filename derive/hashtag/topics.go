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
	{"#AI", []string{"artificial intelligence", "ai"}},
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
	{"#Fintech", []string{"fintech", "fintechs"}},
	{"#HealthTech", []string{"healthtech", "digital health"}},
	{"#EdTech", []string{"edtech"}},
	{"#Blockchain", []string{"blockchain"}},
	{"#IoT", []string{"internet of things", "iot"}},
	{"#5G", []string{"5g"}},
	{"#APIs", []string{"api-first", "api design", "api management"}},
	{"#Pricing", []string{"usage-based pricing", "pricing strategy", "pricing model", "saas pricing", "value-based pricing", "price increase", "price increases", "discounting"}},
	{"#CustomerOnboarding", []string{"customer onboarding"}},
	// Industries and fields of work B2B feeds follow.
	{"#SupplyChain", []string{"supply chain", "supply chains"}},
	{"#Logistics", []string{"logistics"}},
	{"#LastMile", []string{"last mile", "last-mile delivery"}},
	{"#ColdChain", []string{"cold chain"}},
	{"#WarehouseAutomation", []string{"warehouse automation"}},
	{"#Ecommerce", []string{"ecommerce", "e-commerce"}},
	{"#Retail", []string{"retail"}},
	{"#Manufacturing", []string{"manufacturing"}},
	{"#SmartFactory", []string{"smart factory", "smart factories"}},
	{"#Industry40", []string{"industry 4.0"}},
	{"#IIoT", []string{"iiot", "industrial iot"}},
	{"#PredictiveMaintenance", []string{"predictive maintenance"}},
	{"#EnergyEfficiency", []string{"energy efficiency"}},
	{"#EnergyManagement", []string{"energy management"}},
	{"#RenewableEnergy", []string{"renewable energy", "renewables"}},
	{"#NetZero", []string{"net zero", "net-zero"}},
	{"#Decarbonization", []string{"decarbonization", "decarbonisation"}},
	{"#ESG", []string{"esg"}},
	{"#CSRD", []string{"csrd"}},
	{"#ElectricVehicles", []string{"electric vehicles", "electric vehicle", "fleet electrification", "electric fleet", "electric delivery fleet", "fleet electrification"}},
	{"#EVCharging", []string{"ev charging", "charging infrastructure"}},
	{"#FleetManagement", []string{"fleet management"}},
	{"#SmartBuildings", []string{"smart building", "smart buildings"}},
	{"#HVAC", []string{"hvac"}},
	{"#HRTech", []string{"hr tech", "hr technology"}},
	{"#Recruiting", []string{"recruiting", "recruitment"}},
	{"#Onboarding", []string{"onboarding"}},
	{"#Payroll", []string{"payroll"}},
	{"#AccountsPayable", []string{"accounts payable"}},
	{"#Payments", []string{"b2b payments", "cross-border payments", "payment processing"}},
	{"#KYC", []string{"kyc"}},
	{"#AML", []string{"aml", "anti-money laundering"}},
	{"#OpenBanking", []string{"open banking"}},
	{"#Insurtech", []string{"insurtech", "insurtechs"}},
	{"#Procurement", []string{"procurement"}},
	{"#CustomerService", []string{"customer service", "customer support"}},
	{"#ContactCenter", []string{"contact center", "contact centre", "call center", "call centre", "call centers", "call centres"}},
	{"#Churn", []string{"churn"}},
	{"#CustomerRetention", []string{"customer retention"}},
	{"#EmailMarketing", []string{"email marketing"}},
	{"#MarketingAutomation", []string{"marketing automation"}},
	{"#RevenueManagement", []string{"revenue management"}},
	{"#Hospitality", []string{"hospitality", "hotel industry"}},
	{"#eHealth", []string{"ehealth", "e-health"}},
	{"#Interoperability", []string{"interoperability"}},
	{"#ClinicalTrials", []string{"clinical trials", "clinical trial"}},
	{"#FoodSafety", []string{"food safety"}},
	{"#AgTech", []string{"agtech", "agritech"}},
	{"#PrecisionAgriculture", []string{"precision agriculture", "precision farming"}},
	{"#SmallBusiness", []string{"small business", "small businesses"}},
	{"#DataProtection", []string{"data protection"}},
	{"#LGPD", []string{"lgpd"}},
	{"#FieldService", []string{"field service"}},
	{"#DataCenter", []string{"data center", "data centre", "data centers", "data centres"}},
	{"#Telecom", []string{"telecom", "telecoms", "telecommunications"}},
	{"#LossPrevention", []string{"loss prevention"}},
	{"#Fundraising", []string{"fundraising", "donor retention"}},
	{"#Accounting", []string{"accounting", "bookkeeping"}},
	{"#PropertyManagement", []string{"property management"}},
	{"#EInvoicing", []string{"e-invoicing", "electronic invoicing", "e-invoice", "e-invoices"}},
	{"#AccountsReceivable", []string{"accounts receivable"}},
	{"#CyberInsurance", []string{"cyber insurance"}},
	{"#Insurance", []string{"insurance", "insurer", "insurers"}},
	{"#ContractManagement", []string{"contract management", "contract lifecycle management"}},
	{"#MarketingAttribution", []string{"marketing attribution", "attribution model", "attribution models", "attribution"}},
	{"#IdentitySecurity", []string{"identity security", "identity and access management"}},
	{"#SecurityAwareness", []string{"security awareness"}},
	{"#Ransomware", []string{"ransomware"}},
	{"#Construction", []string{"construction industry", "construction"}},
	{"#Healthcare", []string{"healthcare", "health care"}},
	{"#Dentistry", []string{"dental practice", "dental practices", "dentistry", "dental lab", "dental labs"}},
	{"#VetMed", []string{"veterinary", "veterinary practice", "veterinary clinics"}},
	{"#Nonprofit", []string{"nonprofit", "nonprofits", "non-profit", "non-profits"}},
	{"#FreeTrial", []string{"free trial", "free trials"}},
	{"#ProductLedGrowth", []string{"product-led growth"}},
	{"#EmailDeliverability", []string{"email deliverability", "deliverability"}},
	{"#DemandForecasting", []string{"demand forecasting", "forecast accuracy", "forecast error"}},
	{"#FacilityManagement", []string{"facility management", "facilities management"}},
	{"#CMMS", []string{"cmms"}},
	{"#PreventiveMaintenance", []string{"preventive maintenance"}},
	{"#WaterManagement", []string{"water management", "water reuse", "water loss", "non-revenue water"}},
	{"#QualityManagement", []string{"quality management", "quality control", "quality assurance"}},
	{"#SkillsBasedHiring", []string{"skills-based hiring"}},
	{"#CustomerSuccess", []string{"customer success"}},
	{"#RevOps", []string{"revenue operations", "revops"}},
	{"#Telehealth", []string{"telehealth", "telemedicine"}},
	{"#WorkplaceSafety", []string{"workplace safety", "occupational safety"}},
	{"#NIS2", []string{"nis2"}},
	{"#Peppol", []string{"peppol"}},
	{"#GMAO", []string{"gmao"}},
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
	{"#SicurezzaInformatica", []string{"sicurezza informatica"}},
	{"#IA", []string{"ia"}},
	{"#CadenaDeSuministro", []string{"cadena de suministro"}},
	{"#CadeiaDeSuprimentos", []string{"cadeia de suprimentos"}},
	{"#Lieferkette", []string{"lieferkette", "lieferketten"}},
	{"#Logística", []string{"logística"}},
	{"#Logistique", []string{"logistique"}},
	{"#Logistik", []string{"logistik"}},
	{"#Logistica", []string{"logistica"}},
	{"#Logistiek", []string{"logistiek"}},
	{"#ÚltimaMilla", []string{"última milla"}},
	{"#ÚltimaMilha", []string{"última milha"}},
	{"#UltimoMiglio", []string{"ultimo miglio"}},
	{"#DernierKilomètre", []string{"dernier kilomètre"}},
	{"#CadenaDeFrío", []string{"cadena de frío"}},
	{"#CadeiaDeFrio", []string{"cadeia de frio"}},
	{"#ChaîneDuFroid", []string{"chaîne du froid"}},
	{"#Kühlkette", []string{"kühlkette"}},
	{"#CatenaDelFreddo", []string{"catena del freddo"}},
	{"#ComercioElectrónico", []string{"comercio electrónico"}},
	{"#Industria40", []string{"industria 4.0"}},
	{"#Indústria40", []string{"indústria 4.0"}},
	{"#Industrie40", []string{"industrie 4.0"}},
	{"#MantenimientoPredictivo", []string{"mantenimiento predictivo"}},
	{"#ManutençãoPreditiva", []string{"manutenção preditiva"}},
	{"#MaintenancePrédictive", []string{"maintenance prédictive"}},
	{"#ManutenzionePredittiva", []string{"manutenzione predittiva"}},
	{"#VoorspellendOnderhoud", []string{"voorspellend onderhoud"}},
	{"#EficienciaEnergética", []string{"eficiencia energética"}},
	{"#EficiênciaEnergética", []string{"eficiência energética"}},
	{"#EfficacitéÉnergétique", []string{"efficacité énergétique"}},
	{"#Energieeffizienz", []string{"energieeffizienz"}},
	{"#EfficienzaEnergetica", []string{"efficienza energetica"}},
	{"#GestiónEnergética", []string{"gestión energética"}},
	{"#Energiemanagement", []string{"energiemanagement"}},
	{"#EnergíasRenovables", []string{"energías renovables"}},
	{"#ÉnergiesRenouvelables", []string{"énergies renouvelables"}},
	{"#ErneuerbareEnergien", []string{"erneuerbare energien"}},
	{"#EnergieRinnovabili", []string{"energie rinnovabili"}},
	{"#Descarbonización", []string{"descarbonización"}},
	{"#Descarbonização", []string{"descarbonização"}},
	{"#Décarbonation", []string{"décarbonation"}},
	{"#Dekarbonisierung", []string{"dekarbonisierung"}},
	{"#Decarbonizzazione", []string{"decarbonizzazione"}},
	{"#Elektromobilität", []string{"elektromobilität"}},
	{"#MovilidadEléctrica", []string{"movilidad eléctrica"}},
	{"#MobilidadeElétrica", []string{"mobilidade elétrica"}},
	{"#MobilitéÉlectrique", []string{"mobilité électrique"}},
	{"#MobilitàElettrica", []string{"mobilità elettrica"}},
	{"#RecursosHumanos", []string{"recursos humanos"}},
	{"#RRHH", []string{"rrhh", "rr hh"}},
	{"#RessourcesHumaines", []string{"ressources humaines"}},
	{"#RisorseUmane", []string{"risorse umane"}},
	{"#Reclutamiento", []string{"reclutamiento"}},
	{"#Recrutement", []string{"recrutement"}},
	{"#Recrutamento", []string{"recrutamento"}},
	{"#Teletrabajo", []string{"teletrabajo"}},
	{"#Teletrabalho", []string{"teletrabalho"}},
	{"#TrabalhoRemoto", []string{"trabalho remoto"}},
	{"#Télétravail", []string{"télétravail"}},
	{"#SmartWorking", []string{"smart working"}},
	{"#Thuiswerken", []string{"thuiswerken"}},
	{"#HybrideWerken", []string{"hybride werken"}},
	{"#Paie", []string{"paie"}},
	{"#FolhaDePagamento", []string{"folha de pagamento"}},
	{"#Lohnabrechnung", []string{"lohnabrechnung"}},
	{"#AtenciónAlCliente", []string{"atención al cliente"}},
	{"#AtendimentoAoCliente", []string{"atendimento ao cliente"}},
	{"#ServiceClient", []string{"service client", "relation client"}},
	{"#Kundenservice", []string{"kundenservice"}},
	{"#AssistenzaClienti", []string{"assistenza clienti"}},
	{"#Klantenservice", []string{"klantenservice"}},
	{"#ExperienciaDelCliente", []string{"experiencia del cliente"}},
	{"#ExperiênciaDoCliente", []string{"experiência do cliente"}},
	{"#ExpérienceClient", []string{"expérience client"}},
	{"#Hotelería", []string{"hotelería"}},
	{"#Hotelaria", []string{"hotelaria"}},
	{"#SaludDigital", []string{"salud digital"}},
	{"#SaúdeDigital", []string{"saúde digital"}},
	{"#SantéNumérique", []string{"santé numérique"}},
	{"#SanitàDigitale", []string{"sanità digitale"}},
	{"#Interoperabilidad", []string{"interoperabilidad"}},
	{"#Interoperabilidade", []string{"interoperabilidade"}},
	{"#Interopérabilité", []string{"interopérabilité"}},
	{"#Interoperabilität", []string{"interoperabilität"}},
	{"#Interoperabilità", []string{"interoperabilità"}},
	{"#EnsayosClínicos", []string{"ensayos clínicos"}},
	{"#EnsaiosClínicos", []string{"ensaios clínicos"}},
	{"#EssaisCliniques", []string{"essais cliniques"}},
	{"#KlinischeStudien", []string{"klinische studien"}},
	{"#SperimentazioniCliniche", []string{"sperimentazioni cliniche"}},
	{"#SeguridadAlimentaria", []string{"seguridad alimentaria"}},
	{"#SegurançaAlimentar", []string{"segurança alimentar"}},
	{"#SécuritéAlimentaire", []string{"sécurité alimentaire"}},
	{"#Lebensmittelsicherheit", []string{"lebensmittelsicherheit"}},
	{"#SicurezzaAlimentare", []string{"sicurezza alimentare"}},
	{"#Voedselveiligheid", []string{"voedselveiligheid"}},
	{"#AgriculturaDePrecisión", []string{"agricultura de precisión"}},
	{"#AgriculturaDePrecisão", []string{"agricultura de precisão"}},
	{"#AgricultureDePrécision", []string{"agriculture de précision"}},
	{"#AgricolturaDiPrecisione", []string{"agricoltura di precisione"}},
	{"#Präzisionslandwirtschaft", []string{"präzisionslandwirtschaft"}},
	{"#Precisielandbouw", []string{"precisielandbouw"}},
	{"#Agronegócio", []string{"agronegócio"}},
	{"#CréditoRural", []string{"crédito rural"}},
	{"#Viticoltura", []string{"viticoltura"}},
	{"#Viticultura", []string{"viticultura"}},
	{"#Pymes", []string{"pymes", "pyme"}},
	{"#PME", []string{"pme", "pmes"}},
	{"#PMI", []string{"pmi"}},
	{"#KMU", []string{"kmu", "kleinbetriebe", "kleinen betrieben"}},
	{"#MKB", []string{"mkb"}},
	{"#ProtecciónDeDatos", []string{"protección de datos"}},
	{"#ProteçãoDeDados", []string{"proteção de dados"}},
	{"#ProtectionDesDonnées", []string{"protection des données"}},
	{"#ProtezioneDeiDati", []string{"protezione dei dati"}},
	{"#Telecomunicações", []string{"telecomunicações"}},
	{"#Telecomunicaciones", []string{"telecomunicaciones"}},
	{"#ERechnung", []string{"e-rechnung", "e-rechnungen"}},
	{"#FacturaElectrónica", []string{"factura electrónica", "facturación electrónica"}},
	{"#NotaFiscalEletrônica", []string{"nota fiscal eletrônica"}},
	{"#FaturaEletrónica", []string{"fatura eletrónica", "faturação eletrónica"}},
	{"#FacturationÉlectronique", []string{"facturation électronique", "facture électronique"}},
	{"#FatturaElettronica", []string{"fattura elettronica", "fatturazione elettronica"}},
	{"#EFacturatie", []string{"e-facturatie", "e-factureren"}},
	{"#Buchhaltung", []string{"buchhaltung"}},
	{"#Contabilidad", []string{"contabilidad"}},
	{"#Comptabilité", []string{"comptabilité"}},
	{"#Contabilità", []string{"contabilità"}},
	{"#Boekhouding", []string{"boekhouding"}},
	{"#Instandhaltung", []string{"instandhaltung"}},
	{"#MantenimientoIndustrial", []string{"mantenimiento industrial"}},
	{"#ManutençãoIndustrial", []string{"manutenção industrial"}},
	{"#MaintenanceIndustrielle", []string{"maintenance industrielle"}},
	{"#ManutenzioneIndustriale", []string{"manutenzione industriale"}},
	{"#Wärmepumpe", []string{"wärmepumpe", "wärmepumpen"}},
	{"#Qualitätssicherung", []string{"qualitätssicherung"}},
	{"#Arbeitssicherheit", []string{"arbeitssicherheit"}},
	{"#SécuritéAuTravail", []string{"sécurité au travail", "sécurité en entrepôt", "presque-accidents"}},
	{"#SeguridadLaboral", []string{"seguridad laboral"}},
	{"#SaúdeOcupacional", []string{"saúde ocupacional"}},
	{"#Fachkräftemangel", []string{"fachkräftemangel"}},
	{"#HybridesArbeiten", []string{"hybrides arbeiten", "hybride arbeit"}},
	{"#Seguros", []string{"seguros", "aseguradoras", "seguradoras"}},
	{"#Assurance", []string{"assurance", "assureurs"}},
	{"#Versicherung", []string{"versicherung", "versicherungen", "versicherer"}},
	{"#Assicurazioni", []string{"assicurazioni"}},
	{"#Verzekeringen", []string{"verzekeringen", "verzekeraars"}},
	{"#Cyberbeveiliging", []string{"cyberbeveiliging"}},
	{"#PagamentiDigitali", []string{"pagamenti digitali"}},
	{"#PagosDigitales", []string{"pagos digitales"}},
	{"#PagamentosDigitais", []string{"pagamentos digitais"}},
	{"#GestãoDeFrotas", []string{"gestão de frotas"}},
	{"#GestiónDeFlotas", []string{"gestión de flotas"}},
	{"#RiegoDePrecisión", []string{"riego de precisión"}},
	{"#IrrigaçãoDePrecisão", []string{"irrigação de precisão"}},
	{"#ServicioTécnico", []string{"servicio técnico"}},
	{"#CaptaciónDeFondos", []string{"captación de fondos"}},
	{"#Ospitalità", []string{"ospitalità"}},
	{"#Hôtellerie", []string{"hôtellerie"}},
	{"#EauPotable", []string{"eau potable"}},
	{"#Fraude", []string{"fraude"}},
	// Tags feeds follow in Japanese, Chinese and Korean, found where the text writes them.
	{"#クラウドネイティブ", []string{"クラウドネイティブ"}},
	{"#プラットフォームエンジニアリング", []string{"プラットフォームエンジニアリング"}},
	{"#サイバーセキュリティ", []string{"サイバーセキュリティ"}},
	{"#云原生", []string{"云原生"}},
	{"#平台工程", []string{"平台工程"}},
	{"#网络安全", []string{"网络安全"}},
	{"#클라우드네이티브", []string{"클라우드 네이티브", "클라우드네이티브"}},
	{"#플랫폼엔지니어링", []string{"플랫폼 엔지니어링", "플랫폼엔지니어링"}},
	{"#人工知能", []string{"人工知能"}},
	{"#生成AI", []string{"生成AI"}},
	{"#人工智能", []string{"人工智能"}},
	{"#인공지능", []string{"인공지능"}},
	{"#DX", []string{"デジタルトランスフォーメーション"}},
	{"#数字化转型", []string{"数字化转型"}},
	{"#디지털전환", []string{"디지털 전환", "디지털전환"}},
	{"#サプライチェーン", []string{"サプライチェーン"}},
	{"#供应链", []string{"供应链"}},
	{"#공급망", []string{"공급망"}},
	{"#物流", []string{"物流"}},
	{"#물류", []string{"물류"}},
	{"#コールドチェーン", []string{"コールドチェーン"}},
	{"#冷链", []string{"冷链"}},
	{"#콜드체인", []string{"콜드체인"}},
	{"#电商", []string{"电商", "电子商务"}},
	{"#이커머스", []string{"이커머스"}},
	{"#智能仓储", []string{"智能仓储", "智慧仓储"}},
	{"#智能制造", []string{"智能制造", "智能工厂"}},
	{"#スマートファクトリー", []string{"スマートファクトリー", "スマート工場"}},
	{"#스마트팩토리", []string{"스마트팩토리", "스마트 팩토리", "스마트공장"}},
	{"#予知保全", []string{"予知保全"}},
	{"#预测性维护", []string{"预测性维护"}},
	{"#예지보전", []string{"예지보전"}},
	{"#省エネ", []string{"省エネ"}},
	{"#节能", []string{"节能"}},
	{"#에너지효율", []string{"에너지 효율", "에너지효율"}},
	{"#電気自動車", []string{"電気自動車"}},
	{"#新能源汽车", []string{"新能源汽车", "电动汽车"}},
	{"#전기차", []string{"전기차"}},
	{"#カスタマーサポート", []string{"カスタマーサポート"}},
	{"#コールセンター", []string{"コールセンター", "コンタクトセンター"}},
	{"#客户服务", []string{"客户服务", "客服中心"}},
	{"#고객서비스", []string{"고객 서비스", "고객서비스", "고객센터"}},
	{"#临床试验", []string{"临床试验"}},
	{"#治験", []string{"治験"}},
	{"#임상시험", []string{"임상시험"}},
	{"#食品安全", []string{"食品安全"}},
	{"#跨境支付", []string{"跨境支付"}},
	{"#反洗钱", []string{"反洗钱"}},
	{"#收益管理", []string{"收益管理"}},
	{"#핀테크", []string{"핀테크"}},
	{"#フィンテック", []string{"フィンテック"}},
	{"#金融科技", []string{"金融科技"}},
	{"#ゼロトラスト", []string{"ゼロトラスト"}},
	{"#零信任", []string{"零信任"}},
	{"#제로트러스트", []string{"제로 트러스트", "제로트러스트"}},
	{"#スマート農業", []string{"スマート農業"}},
	{"#智慧农业", []string{"智慧农业", "精准农业"}},
	{"#스마트팜", []string{"스마트팜", "스마트 팜"}},
	{"#インボイス制度", []string{"インボイス制度"}},
	{"#電子帳簿保存法", []string{"電子帳簿保存法"}},
	{"#給与計算", []string{"給与計算"}},
	{"#外観検査", []string{"外観検査"}},
	{"#施工管理", []string{"施工管理"}},
	{"#人手不足", []string{"人手不足"}},
	{"#IT資産管理", []string{"IT資産管理"}},
	{"#調剤薬局", []string{"調剤薬局"}},
	{"#労働安全", []string{"労働安全", "安全衛生"}},
	{"#経理", []string{"経理"}},
	{"#电子发票", []string{"电子发票", "数电发票"}},
	{"#医疗设备", []string{"医疗设备"}},
	{"#数字标牌", []string{"数字标牌"}},
	{"#连锁药店", []string{"连锁药店"}},
	{"#光伏", []string{"光伏"}},
	{"#口腔诊所", []string{"口腔诊所", "口腔门诊"}},
	{"#전자세금계산서", []string{"전자세금계산서"}},
	{"#매출채권", []string{"매출채권"}},
	{"#전자계약", []string{"전자계약"}},
	{"#Telematics", []string{"telematics"}},
	{"#FoodWaste", []string{"food waste"}},
	{"#LegalTech", []string{"legal tech", "legaltech", "law firm", "law firms"}},
	{"#Irrigation", []string{"irrigation"}},
	{"#HeatPumps", []string{"heat pump", "heat pumps"}},
	{"#Pharmacy", []string{"pharmacy", "pharmacies"}},
	{"#EdTech", []string{"edtech", "education technology"}},
	{"#EmployeeOnboarding", []string{"employee onboarding"}},
	{"#ConstructionSafety", []string{"construction safety", "site safety"}},
	{"#Ecommerce", []string{"e-commerce", "ecommerce"}},
	{"#RealEstate", []string{"real estate"}},
	{"#Fintech", []string{"fintech"}},
	{"#SupplyChain", []string{"supply chain"}},
	{"#CircularEconomy", []string{"circular economy"}},
	{"#WasteManagement", []string{"waste management"}},
	{"#TimeTracking", []string{"time tracking"}},
	{"#DesperdicioAlimentario", []string{"desperdicio alimentario", "desperdicio de alimentos"}},
	{"#Hostelería", []string{"hostelería", "restaurantes", "restauración organizada"}},
	{"#Riego", []string{"riego"}},
	{"#Farmacia", []string{"farmacia", "farmacias"}},
	{"#Telemática", []string{"telemática"}},
	{"#Abogacía", []string{"abogacía", "despachos de abogados", "despacho de abogados"}},
	{"#BombaDeCalor", []string{"bomba de calor", "bombas de calor"}},
	{"#ComercioElectrónico", []string{"comercio electrónico"}},
	{"#RecursosHumanos", []string{"recursos humanos"}},
	{"#Veterinaria", []string{"veterinaria", "clínicas veterinarias", "cliniche veterinarie"}},
	{"#DesperdícioDeAlimentos", []string{"desperdício de alimentos"}},
	{"#Irrigação", []string{"irrigação"}},
	{"#Farmácia", []string{"farmácia", "farmácias"}},
	{"#SegurançaDigital", []string{"segurança digital"}},
	{"#EducaçãoPública", []string{"escolas públicas", "escola pública", "rede pública de ensino"}},
	{"#Veterinária", []string{"veterinária", "clínicas veterinárias"}},
	{"#Advocacia", []string{"advocacia", "escritórios de advocacia"}},
	{"#GaspillageAlimentaire", []string{"gaspillage alimentaire"}},
	{"#Pharmacie", []string{"pharmacie", "pharmacies"}},
	{"#Vétérinaire", []string{"vétérinaire", "vétérinaires", "cliniques vétérinaires", "clinique vétérinaire"}},
	{"#PompeÀChaleur", []string{"pompe à chaleur", "pompes à chaleur"}},
	{"#Télématique", []string{"télématique"}},
	{"#RessourcesHumaines", []string{"ressources humaines"}},
	{"#Lebensmittelverschwendung", []string{"lebensmittelverschwendung"}},
	{"#Bewässerung", []string{"bewässerung"}},
	{"#Apotheke", []string{"apotheke", "apotheken"}},
	{"#Tiermedizin", []string{"tiermedizin", "tierarztpraxis", "tierarztpraxen"}},
	{"#Zeiterfassung", []string{"zeiterfassung"}},
	{"#Anwaltskanzlei", []string{"anwaltskanzlei", "anwaltskanzleien", "kanzlei", "kanzleien"}},
	{"#Telematik", []string{"telematik"}},
	{"#Personalwesen", []string{"personalwesen"}},
	{"#SprecoAlimentare", []string{"spreco alimentare"}},
	{"#Irrigazione", []string{"irrigazione"}},
	{"#RisparmioIdrico", []string{"risparmio idrico"}},
	{"#PompaDiCalore", []string{"pompa di calore", "pompe di calore"}},
	{"#RisorseUmane", []string{"risorse umane"}},
	{"#StudiLegali", []string{"studi legali", "studio legale"}},
	{"#Voedselverspilling", []string{"voedselverspilling"}},
	{"#Irrigatie", []string{"irrigatie"}},
	{"#Apotheek", []string{"apotheek", "apotheken"}},
	{"#Dierenarts", []string{"dierenarts", "dierenartsen", "dierenkliniek"}},
	{"#Warmtepomp", []string{"warmtepomp", "warmtepompen"}},
	{"#Utiliteitsbouw", []string{"utiliteitsbouw"}},
	{"#Advocatuur", []string{"advocatuur", "advocatenkantoor", "advocatenkantoren"}},
	{"#人事労務", []string{"人事労務", "労務管理"}},
	{"#食品ロス", []string{"食品ロス"}},
	{"#薬局", []string{"調剤薬局"}},
	{"#動物病院", []string{"動物病院"}},
	{"#建設業", []string{"建設業"}},
	{"#法律事務所", []string{"法律事務所"}},
	{"#食品浪费", []string{"食品浪费"}},
	{"#人力资源", []string{"人力资源"}},
	{"#施工安全", []string{"施工安全", "建筑安全"}},
	{"#律师事务所", []string{"律师事务所"}},
	{"#宠物医院", []string{"宠物医院"}},
	{"#건설안전", []string{"건설 안전", "건설현장 안전", "건설 현장 안전"}},
	{"#약국", []string{"약국"}},
	{"#인사관리", []string{"인사관리", "인사 관리"}},
	{"#동물병원", []string{"동물병원"}},
	{"#음식물쓰레기", []string{"음식물 쓰레기", "음식물쓰레기"}},
	{"#Alberghi", []string{"hotel indipendenti", "albergatori", "strutture ricettive"}},
	{"#Ascensori", []string{"ascensori"}},
	{"#TransportePúblico", []string{"autobuses urbanos", "transporte público", "transporte urbano"}},
	{"#ReutilizaciónDeAgua", []string{"reutilización de agua"}},
	{"#StudentTransportation", []string{"school transportation", "school bus", "school buses"}},
	{"#Elektromobilität", []string{"elektromobilität", "elektrische nutzfahrzeuge", "e-nutzfahrzeuge"}},
	{"#CirurgiaAmbulatorial", []string{"cirurgia ambulatorial"}},
	{"#IT資産管理", []string{"IT資産管理"}},
	{"#安全管理", []string{"ヒヤリハット", "安全管理"}},
	{"#친환경포장", []string{"포장재", "친환경 포장", "단일소재"}},
	{"#산업안전", []string{"안전사고", "산업안전"}},
	{"#랜섬웨어", []string{"랜섬웨어"}},
	{"#보험", []string{"보험사", "손해보험", "보험금"}},
}

// englishWords are the topic tags spelled as English words: a document in another
// language that quotes them ("Corporate Sustainability Reporting" in a German paper)
// does not get them, as an English tag under a German post is in the wrong language;
// its own language's tag (#Nachhaltigkeit) serves it. Names and acronyms (#Kubernetes,
// #GDPR, #SaaS) are every language's.
var englishWords = map[string]bool{
	"#MachineLearning": true, "#CloudSecurity": true, "#SupplyChainSecurity": true,
	"#DataPrivacy": true, "#DataScience": true, "#DigitalTransformation": true, "#DeveloperExperience": true,
	"#ContentMarketing": true, "#B2BMarketing": true, "#CustomerExperience": true, "#RemoteWork": true,
	"#Sustainability": true, "#Compliance": true, "#IncidentResponse": true, "#OnCall": true, "#Pricing": true,
	"#CustomerOnboarding": true, "#InfrastructureAsCode": true, "#Logistics": true, "#LastMile": true, "#ColdChain": true,
	"#WarehouseAutomation": true, "#Manufacturing": true, "#Industry40": true, "#PredictiveMaintenance": true,
	"#EnergyEfficiency": true, "#EnergyManagement": true, "#RenewableEnergy": true, "#NetZero": true,
	"#Decarbonization": true, "#ElectricVehicles": true, "#EVCharging": true, "#FleetManagement": true,
	"#HRTech": true, "#Recruiting": true, "#Payroll": true, "#AccountsPayable": true, "#Payments": true,
	"#Procurement": true, "#CustomerService": true, "#ContactCenter": true, "#CustomerRetention": true,
	"#Hospitality": true, "#Interoperability": true, "#ClinicalTrials": true, "#FoodSafety": true,
	"#PrecisionAgriculture": true, "#SmallBusiness": true, "#DataProtection": true, "#FieldService": true,
	"#DataCenter": true, "#Telecom": true, "#LossPrevention": true, "#Fundraising": true, "#Accounting": true,
	"#PropertyManagement": true, "#EInvoicing": true, "#AccountsReceivable": true, "#CyberInsurance": true, "#Insurance": true,
	"#ContractManagement": true, "#MarketingAttribution": true, "#IdentitySecurity": true, "#SecurityAwareness": true,
	"#Construction": true, "#Healthcare": true, "#Dentistry": true, "#VetMed": true, "#Nonprofit": true, "#FreeTrial": true,
	"#ProductLedGrowth": true, "#EmailDeliverability": true, "#DemandForecasting": true, "#FacilityManagement": true,
	"#PreventiveMaintenance": true, "#WaterManagement": true, "#QualityManagement": true, "#SkillsBasedHiring": true,
	"#CustomerSuccess": true, "#Telehealth": true, "#WorkplaceSafety": true,
	"#Telematics": true, "#FoodWaste": true, "#LegalTech": true, "#HeatPumps": true, "#Pharmacy": true, "#EdTech": true,
	"#EmployeeOnboarding": true, "#ConstructionSafety": true, "#RealEstate": true, "#SupplyChain": true,
	"#CircularEconomy": true, "#WasteManagement": true, "#TimeTracking": true, "#StudentTransportation": true,
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
	// The narrower of two named topics says it ("#CyberInsurance", not "#Insurance" too).
	named := slices.Clone(out)
	out = slices.DeleteFunc(out, func(tag string) bool {
		return slices.ContainsFunc(named, func(other string) bool {
			return other != tag && strings.Contains(Fold(other), Fold(tag))
		})
	})
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
	// The most named topic that is no segment.
	slices.SortStableFunc(hits, func(x, y hit) int { return cmp.Compare(y.count, x.count) })
	for _, h := range hits {
		if h.count < topicTagsMin {
			break
		}
		if !segments[h.tag] {
			return []string{h.tag}
		}
	}
	return nil
}

// segments are the topics a document often names as parts of something else: the
// industries a benchmark breaks its sample down by (retail data in a dairy's forecast),
// small companies as one of its segments, AI as a product's feature. However often the
// text names them, they are not what it is about; they count only when the title names
// them.
var segments = map[string]bool{
	"#Manufacturing": true, "#Retail": true, "#Logistics": true, "#Logística": true, "#Logistique": true,
	"#Logistik": true, "#Logistica": true, "#Logistiek": true, "#物流": true, "#물류": true,
	"#Ecommerce": true, "#ComercioElectrónico": true, "#电商": true, "#이커머스": true,
	"#Hospitality": true, "#Hotelería": true, "#Hotelaria": true,
	"#Telecom": true, "#Telecomunicações": true, "#Telecomunicaciones": true,
	"#SmallBusiness": true, "#Pymes": true, "#PME": true, "#PMI": true, "#KMU": true, "#MKB": true,
	"#AI": true, "#IA": true, "#Accounting": true, "#Procurement": true, "#Onboarding": true, "#Churn": true,
	"#Insurance": true, "#Seguros": true, "#Assurance": true, "#Versicherung": true, "#Assicurazioni": true, "#Verzekeringen": true,
	"#보험": true, "#Construction": true, "#Healthcare": true, "#Buchhaltung": true, "#Contabilidad": true, "#Comptabilité": true,
	"#Contabilità": true, "#Boekhouding": true, "#経理": true, "#Fraude": true, "#人手不足": true, "#Fachkräftemangel": true,
}

// topicPhrases are topicTags' phrases written with spaces, as words, by their first word.
var topicPhrases = func() map[string][]topicPhrase {
	out := map[string][]topicPhrase{}
	for i, t := range topicTags {
		for _, p := range t.phrases {
			w := lowerWords(p)
			out[w[0]] = append(out[w[0]], topicPhrase{topic: i, words: w,
				spellsTag: spells(strings.Join(w, ""), strings.ToLower(strings.TrimPrefix(t.tag, "#")))})
		}
	}
	return out
}()

// spells reports whether a phrase's words, joined, are a tag's, up to a plural's ending
// ("fintechs" for #Fintech, "pyme" for #Pymes).
func spells(joined, tag string) bool {
	short, long := joined, tag
	if len(short) > len(long) {
		short, long = long, short
	}
	return strings.HasPrefix(long, short) && len(long)-len(short) <= 2
}

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
	// spellsTag: the phrase is the tag's own words ("zero trust" for #ZeroTrust; see spells).
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
