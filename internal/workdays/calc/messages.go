package calc

import (
	"strconv"
	"strings"
	"time"
)

func tr(ru, kk, en string) Texts {
	return Texts{"ru": ru, "kk": kk, "en": en}
}

// messages are what Deadline's warnings, errors and explanations say, by
// code; {1}, {2}… are replaced by the arguments. A test makes sure every
// code used has all three languages.
var messages = map[string]Texts{
	// Errors: the deadline cannot be computed.
	"unknown-service": tr(
		"нет услуги «{1}» (есть: {2})",
		"«{1}» қызметі жоқ (бары: {2})",
		"no service \"{1}\" (services: {2})"),
	"unknown-edition": tr(
		"у услуги {1} нет редакции {2} (есть: {3})",
		"{1} қызметінің {2} редакциясы жоқ (бары: {3})",
		"service {1} has no edition {2} (editions: {3})"),
	"no-kinds": tr(
		"у услуги {1} нет редакции с видами заявлений в источниках",
		"{1} қызметінде дереккөздерде өтініш түрлері бар редакция жоқ",
		"service {1} has no edition whose application kinds are in the sources"),
	"edition-no-kinds": tr(
		"в редакции {1} {2} виды заявлений в источниках не приведены",
		"{1} {2} редакциясында өтініш түрлері дереккөздерде келтірілмеген",
		"edition {2} of {1} gives no application kinds in the sources"),
	"unknown-kind": tr(
		"в редакции {1} {2} нет вида заявления «{3}» (есть: {4})",
		"{1} {2} редакциясында «{3}» өтініш түрі жоқ (бары: {4})",
		"edition {2} of {1} has no application kind \"{3}\" (kinds: {4})"),
	"out-of-range": tr(
		"календарь не считает {1} год: он охватывает {2}–{3} годы",
		"күнтізбе {1} жылды есептемейді: ол {2}–{3} жылдарды қамтиды",
		"the calendar cannot compute {1}: it covers {2}–{3}"),
	"no-window": tr(
		"данные редакции {1} {2} не дают срока для переоформления после изменения",
		"{1} {2} редакциясының деректері өзгерістен кейін қайта ресімдеу мерзімін бермейді",
		"the data of edition {2} of {1} gives no term to apply for renewal after a change"),
	"bad-request": tr(
		"запрос непонятен: {1}",
		"сұрау түсініксіз: {1}",
		"the request is not understood: {1}"),
	"no-calendar": tr(
		"в данных правил нет календаря (rules/tables/calendar.yaml)",
		"қағида деректерінде күнтізбе жоқ (rules/tables/calendar.yaml)",
		"the rule data has no calendar (rules/tables/calendar.yaml)"),

	// Warnings: the deadline is computed, but a person should know this.
	"term-unknown": tr(
		"срок для этого вида заявления в источниках не указан ({1}): дату решения посчитать нельзя",
		"бұл өтініш түрінің мерзімі дереккөздерде көрсетілмеген ({1}): шешім күнін есептеу мүмкін емес",
		"the sources give no term for this application kind ({1}): the decision date cannot be computed"),
	"term-not-days": tr(
		"срок этого вида заявления указан не в днях: дату решения посчитать нельзя",
		"бұл өтініш түрінің мерзімі күнмен көрсетілмеген: шешім күнін есептеу мүмкін емес",
		"the term of this application kind is not given in days: the decision date cannot be computed"),
	"term-start": tr(
		"срок отсчитывается не от подачи заявления ({1}): дату решения по дате подачи посчитать нельзя",
		"мерзім өтініш берілген кезден емес есептеледі ({1}): шешім күнін өтініш берілген күн бойынша есептеу мүмкін емес",
		"the term does not run from the filing ({1}): the decision date cannot be computed from the filing date"),
	"year-unconfirmed": tr(
		"календарь {1} года не подтверждён: официальный календарь не записан, дни посчитаны по правилу (праздники закона и перенос по Трудовому кодексу), переносы выходных приказами не учтены",
		"{1} жылғы күнтізбе расталмаған: ресми күнтізбе жазылмаған, күндер қағида бойынша есептелді (заңдағы мерекелер және Еңбек кодексі бойынша ауыстыру), демалыс күндерін бұйрықтармен ауыстыру ескерілмеген",
		"the {1} calendar is not confirmed: no official calendar is recorded, so the days were computed by rule (the law's holidays and the Labour Code's carry-over) without any order moving days off"),
	"floating-unknown": tr(
		"дата праздника «{2}» в {1} году неизвестна: он не учтён, и срок может оказаться на рабочий день позже",
		"{1} жылы «{2}» мерекесінің күні белгісіз: ол ескерілмеді, мерзім бір жұмыс күніне кейін болуы мүмкін",
		"the date of {2} in {1} is not known: it is not counted, and the deadline may be one working day later"),
	"floating-provisional": tr(
		"дата праздника «{2}» ({1}) предварительная и может сдвинуться на день",
		"«{2}» мерекесінің күні ({1}) алдын ала белгіленген және бір күнге жылжуы мүмкін",
		"the date of {2} ({1}) is preliminary and may move by a day"),
	"day-off": tr(
		"{1} ({2}) приходится на нерабочий день: акт не говорит, переносится ли срок",
		"{1} ({2}) жұмыс емес күнге түседі: акт мерзімнің ауыса ма, жоқ па — айтпайды",
		"{1} ({2}) falls on a day off: the act does not say whether the term moves"),
	"receipt-not-stated": tr(
		"правила этой редакции (в источниках) не говорят, когда принимается заявление, поданное после рабочего времени или в выходной: за день поступления принят день подачи",
		"осы редакцияның қағидалары (дереккөздерде) жұмыс уақытынан кейін немесе демалыс күні берілген өтініштің қашан қабылданатынын айтпайды: түскен күн ретінде берілген күн алынды",
		"this edition's rules (in the sources) do not say when an application filed after hours or on a day off is received: the filing date is taken as the day of receipt"),
	"no-time": tr(
		"время подачи не указано: считается, что заявление подано в рабочее время",
		"өтініш берілген уақыт көрсетілмеген: ол жұмыс уақытында берілді деп есептеледі",
		"no time of filing given: the application is taken to have been filed within working hours"),
	"step-no-days": tr(
		"для этапа {1} источники не дают срока: даты этого и следующих этапов не посчитаны",
		"{1}-кезең үшін дереккөздер мерзім бермейді: осы және келесі кезеңдердің күндері есептелмеді",
		"the sources give no days for step {1}: the dates of this and later steps are not computed"),

	// Why the application counts as received on a day.
	"received-in-hours": tr(
		"подано в рабочий день до окончания рабочего времени услугодателя ({1}): принято в тот же день",
		"жұмыс күні көрсетілетін қызметті берушінің жұмыс уақыты аяқталғанға дейін ({1}) берілді: сол күні қабылданды",
		"filed on a working day before the provider's working hours end ({1}): received the same day"),
	"received-after-hours": tr(
		"подано после окончания рабочего времени услугодателя ({1}): принято следующим рабочим днём",
		"көрсетілетін қызметті берушінің жұмыс уақыты аяқталғаннан кейін ({1}) берілді: келесі жұмыс күні қабылданды",
		"filed after the provider's working hours end ({1}): received on the next working day"),
	"received-day-off": tr(
		"подано в нерабочий день ({1}): принято следующим рабочим днём",
		"жұмыс емес күні ({1}) берілді: келесі жұмыс күні қабылданды",
		"filed on a day off ({1}): received on the next working day"),
	"received-no-time": tr(
		"подано в рабочий день; время не указано",
		"жұмыс күні берілді; уақыты көрсетілмеген",
		"filed on a working day; no time given"),
	"received-as-filed": tr(
		"за день поступления принят день подачи",
		"түскен күн ретінде берілген күн алынды",
		"the filing date is taken as the day of receipt"),

	// Steps.
	"step-optional": tr(
		"только если этот этап понадобится; дата не считается",
		"тек осы кезең қажет болса; күні есептелмейді",
		"only if this step happens; no date is computed"),
	"step-not-counted": tr(
		"в срок не входит; дата не считается",
		"мерзімге кірмейді; күні есептелмейді",
		"not part of the term; no date is computed"),
	"step-after-gap": tr(
		"дата не посчитана: у одного из предыдущих этапов нет срока",
		"күні есептелмеді: алдыңғы кезеңдердің бірінің мерзімі жоқ",
		"no date: an earlier step has no days"),

	// Days of the calendar.
	"day-weekend": tr("выходной день", "демалыс күні", "weekly day off"),
	"day-holiday": tr("праздник: {1}", "мереке: {1}", "holiday: {1}"),
	"day-carried": tr(
		"выходной, перенесённый с праздника {1} ({2})",
		"мерекеден ({1}, {2}) ауыстырылған демалыс күні",
		"day off carried over from {1} ({2})"),
	"day-moved-off": tr(
		"выходной, перенесённый приказом с {1}",
		"бұйрықпен {1} күнінен ауыстырылған демалыс күні",
		"day off moved by order from {1}"),
	"day-moved-working": tr(
		"рабочий день по приказу (выходной перенесён на {1})",
		"бұйрық бойынша жұмыс күні (демалыс күні {1} күніне ауыстырылды)",
		"working day by order (the day off moved to {1})"),
}

// Message renders code's message in l with args.
func Message(code string, l string, args ...string) string {
	m, ok := messages[code]
	if !ok {
		return code + " " + strings.Join(args, " ")
	}
	s := m[l]
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i+1)+"}", a)
	}
	return s
}

// all renders code's message in every language.
func all(code string, args ...string) Texts {
	out := Texts{}
	for _, l := range Langs {
		out[l] = Message(code, l, args...)
	}
	return out
}

// Codes lists every message code.
func Codes() []string {
	out := make([]string, 0, len(messages))
	for c := range messages {
		out = append(out, c)
	}
	return out
}

// Error is why a deadline cannot be computed: an unknown service, edition
// or kind, or a date the calendar does not cover. Message says it in a
// language.
type Error struct {
	Code string
	Args []string
}

func (e *Error) Error() string { return Message(e.Code, "en", e.Args...) }

// Message says what is wrong in l.
func (e *Error) Message(l string) string { return Message(e.Code, l, e.Args...) }

// weekdayNames are the days of the week in each language, Sunday first.
var weekdayNames = map[string][7]string{
	"ru": {"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"},
	"kk": {"жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"},
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
}

// WeekdayName is the day of the week of t in l, e.g. "пятница".
func WeekdayName(t time.Time, l string) string { return weekdayNames[l][t.Weekday()] }
