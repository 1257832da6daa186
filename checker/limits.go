package checker

// cannotSee is what no check of a package can see, whatever its verdict:
// the checker reads the manifest and the files' form, not the world they
// describe. Every report ends with it (Report.CannotSee), so that "ready
// to submit" is never read as "will be granted".
var cannotSee = []msg{
	{"Содержание документов: читаемы ли сканы, верно и полно ли то, что в них написано, и подлинны ли они.",
		"Құжаттардың мазмұны: сканерленген көшірмелердің оқылатыны, оларда жазылғанның дұрыстығы мен толықтығы және түпнұсқалығы.",
		"The content of the documents: whether scans are legible, whether what they say is true and complete, and whether they are genuine."},
	{"Помещения, оборудование и их защиту: их проверяет услугодатель, в том числе на месте.",
		"Үй-жайлар, жабдықтар және олардың қорғалуы: оларды көрсетілетін қызметті беруші, оның ішінде орнына барып, тексереді.",
		"Premises, equipment and their protection: the provider checks them, on site too."},
	{"Специалистов: их квалификацию, стаж, допуски и трудовые договоры.",
		"Мамандар: олардың біліктілігі, еңбек өтілі, рұқсаттары мен еңбек шарттары.",
		"Specialists: their qualifications, experience, clearances and employment contracts."},
	{"Сведения, которые услугодатель получает сам из государственных систем (регистрация, налоговая задолженность, судимость и т. п.).",
		"Көрсетілетін қызметті беруші мемлекеттік жүйелерден өзі алатын мәліметтер (тіркеу, салық берешегі, сотталғандық және т.б.).",
		"What the provider obtains itself from state systems (registration, tax debts, criminal records and the like)."},
	{"Не отозван ли сертификат ЭЦП: это знают только онлайн-службы НУЦ РК, их проверяет портал при подаче. Цепочку сертификата эта проверка проходит до корневых сертификатов НУЦ РК, которые в неё включены; где это невозможно, она так и говорит.",
		"ЭЦҚ сертификатының кері қайтарып алынбағаны: мұны тек ҚР ҰКО-ның онлайн қызметтері біледі, оны портал өтініш берген кезде тексереді. Сертификат тізбегін бұл тексеру өзіне енгізілген ҚР ҰКО түбірлік сертификаттарына дейін тексереді; мүмкін болмаған жерде соны айтады.",
		"Whether a signing certificate has been revoked: only the NCA's online services know; the portal checks it when you file. The certificate's chain is followed to the NCA root certificates this check holds; where it cannot be, the report says so."},
}

// CannotSee returns what no check can see, one map of ru, kk and en per
// point, in a fixed order.
func CannotSee() []map[string]string {
	out := make([]map[string]string, len(cannotSee))
	for i, m := range cannotSee {
		out[i] = map[string]string{"ru": m[0], "kk": m[1], "en": m[2]}
	}
	return out
}
