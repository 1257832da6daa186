package checker

import (
	"math"
	"strconv"
	"strings"
)

// Words for messages: a manifest's fields, value types and lists of
// answers, items and kinds named as an applicant names them, never as
// JSON pointers or ids. The pointer and the ids stay in the finding's
// path, item and detail fields, for programs and for people editing the
// manifest by hand.

// fieldWords name the manifest's own fields, by path of keys joined
// with dots.
var fieldWords = map[string]map[string]string{
	"service":            {"ru": "услуга", "kk": "қызмет", "en": "the service"},
	"kind":               {"ru": "вид заявления", "kk": "өтініш түрі", "en": "the application kind"},
	"edition":            {"ru": "редакция правил", "kk": "қағидалар редакциясы", "en": "the edition of the rules"},
	"filed":              {"ru": "дата подачи", "kk": "берілген күні", "en": "the filing date"},
	"ruqsat":             {"ru": "версия формата пакета", "kk": "топтама пішімінің нұсқасы", "en": "the package format version"},
	"answers":            {"ru": "ответы на вопросы", "kk": "сұрақтарға жауаптар", "en": "the answers"},
	"answers.subspecies": {"ru": "подвиды деятельности", "kk": "қызметтің кіші түрлері", "en": "the activity subspecies"},
	"applicant":          {"ru": "сведения о заявителе", "kk": "өтініш беруші туралы мәліметтер", "en": "the applicant's details"},
	"applicant.name":     {"ru": "наименование или ФИО заявителя", "kk": "өтініш берушінің атауы немесе Т.А.Ә.", "en": "the applicant's name"},
	"applicant.bin":      {"ru": "БИН заявителя", "kk": "өтініш берушінің БСН-і", "en": "the applicant's BIN"},
	"applicant.iin":      {"ru": "ИИН заявителя", "kk": "өтініш берушінің ЖСН-і", "en": "the applicant's IIN"},
	"applicant.address":  {"ru": "адрес заявителя", "kk": "өтініш берушінің мекенжайы", "en": "the applicant's address"},
	"applicant.email":    {"ru": "электронная почта заявителя", "kk": "өтініш берушінің электрондық поштасы", "en": "the applicant's e-mail"},
	"applicant.phone":    {"ru": "телефон заявителя", "kk": "өтініш берушінің телефоны", "en": "the applicant's phone"},
	"fee":                {"ru": "сведения об оплате сбора", "kk": "алымды төлеу туралы мәліметтер", "en": "the fee payment"},
	"fee.paid":           {"ru": "уплаченная сумма сбора", "kk": "төленген алым сомасы", "en": "the amount of the fee paid"},
	"fee.date":           {"ru": "дата оплаты сбора", "kk": "алымды төлеу күні", "en": "the fee's payment date"},
	"change":             {"ru": "сведения об изменении (для переоформления)", "kk": "өзгеріс туралы мәліметтер (қайта ресімдеу үшін)", "en": "the change behind the renewal"},
	"change.date":        {"ru": "дата изменения", "kk": "өзгеріс күні", "en": "the date of the change"},
	"change.what":        {"ru": "что изменилось", "kk": "не өзгергені", "en": "what changed"},
	"documents":          {"ru": "приложенные документы", "kk": "қоса берілген құжаттар", "en": "the attached documents"},
	"info":               {"ru": "сведения заявления", "kk": "өтініштегі мәліметтер", "en": "the application's information"},
}

// fieldName names the manifest value at path for a message: a field of
// the manifest in words, a document or question by its name in the
// checklist, a key the manifest invented by itself, quoted.
func (r *run) fieldName(path []string) map[string]string {
	if len(path) == 0 {
		return map[string]string{"ru": "манифест", "kk": "манифест", "en": "the manifest"}
	}
	if w, ok := fieldWords[strings.Join(path, ".")]; ok {
		return w
	}
	if len(path) >= 2 && r.cl != nil {
		switch path[0] {
		case "documents", "info":
			if d := r.cl.meta.Document(path[1]); d != nil {
				out := quoted(d.Name)
				if len(path) == 3 {
					n, _ := strconv.Atoi(path[2])
					for _, l := range Langs {
						out[l] = map[string]string{
							"ru": "файл " + strconv.Itoa(n+1) + " документа " + out[l],
							"kk": out[l] + " құжатының " + strconv.Itoa(n+1) + "-файлы",
							"en": "file " + strconv.Itoa(n+1) + " of " + out[l],
						}[l]
					}
				}
				return out
			}
		case "answers":
			if q := r.cl.meta.Question(path[1]); q != nil && len(path) == 2 {
				return quoted(q.Text)
			}
			if path[1] == "subspecies" {
				return fieldWords["answers.subspecies"]
			}
		}
	}
	return same("«" + path[len(path)-1] + "»")
}

// quoted puts each language's text in the quotation marks it uses.
func quoted(m map[string]string) map[string]string {
	out := map[string]string{}
	for _, l := range Langs {
		if l == "en" {
			out[l] = "\"" + localized(m, l) + "\""
		} else {
			out[l] = "«" + localized(m, l) + "»"
		}
	}
	return out
}

// typeWords name JSON Schema types as an applicant would.
var typeWords = map[string]map[string]string{
	"string":  {"ru": "текст", "kk": "мәтін", "en": "text"},
	"number":  {"ru": "число", "kk": "сан", "en": "a number"},
	"integer": {"ru": "целое число", "kk": "бүтін сан", "en": "a whole number"},
	"array":   {"ru": "список", "kk": "тізім", "en": "a list"},
	"object":  {"ru": "набор полей «название: значение»", "kk": "«атауы: мәні» өрістерінің жиыны", "en": "a set of \"name: value\" fields"},
	"boolean": {"ru": "да или нет", "kk": "иә немесе жоқ", "en": "yes or no"},
	"null":    {"ru": "пустое значение", "kk": "бос мән", "en": "an empty value"},
}

// typeName names the types a schema wanted, joined with "or".
func typeName(want []string, path []string) map[string]string {
	if len(path) >= 2 && path[0] == "documents" {
		return map[string]string{"ru": "имя файла в пакете или список имён", "kk": "топтамадағы файл атауы немесе атаулар тізімі", "en": "a file name in the package, or a list of them"}
	}
	or := map[string]string{"ru": " или ", "kk": " немесе ", "en": " or "}
	out := map[string]string{}
	for _, l := range Langs {
		var parts []string
		for _, t := range want {
			if w, ok := typeWords[t]; ok {
				parts = append(parts, w[l])
			} else {
				parts = append(parts, t)
			}
		}
		out[l] = strings.Join(parts, or[l])
	}
	return out
}

// names joins names in each language: the list of answers, items or kinds
// a message offers, as the reader reads them.
func names(ms []map[string]string) map[string]string {
	out := map[string]string{}
	for _, l := range Langs {
		var parts []string
		for _, m := range ms {
			parts = append(parts, quoted(m)[l])
		}
		out[l] = strings.Join(parts, ", ")
	}
	return out
}

// thinSpace is the narrow no-break space that groups thousands
// ("86 500 ₸"), as Russian and Kazakh typography write amounts, and
// that never breaks a number across lines.
const thinSpace = "\u202f"

// money writes an amount of tenge as people write it: thousands grouped
// with a narrow no-break space, tiyn only when there are any.
func money(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	whole := math.Floor(v)
	tiyn := math.Round((v - whole) * 100)
	if tiyn == 100 {
		whole, tiyn = whole+1, 0
	}
	s := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(thinSpace)
		}
		b.WriteRune(c)
	}
	out := b.String()
	if tiyn > 0 {
		out += "," + strconv.FormatFloat(100+tiyn, 'f', 0, 64)[1:]
	}
	if neg {
		out = "−" + out
	}
	return out + thinSpace + "₸"
}

// withDetail keeps what the message leaves out (ids to write, a library's
// own words) in the finding's detail field.
func (f Finding) withDetail(s string) Finding {
	f.Detail = s
	return f
}

// syntaxWhy says in words what a YAML or JSON parser's error most likely
// means; its own text goes to the finding's detail.
func syntaxWhy(lib string) map[string]string {
	switch {
	case strings.Contains(lib, "more data after"):
		return map[string]string{"ru": "после конца манифеста есть лишний текст; уберите его", "kk": "манифест аяқталғаннан кейін артық мәтін бар; оны алып тастаңыз", "en": "there is more text after the end of the manifest; remove it"}
	case strings.Contains(lib, "tab") || strings.Contains(lib, "cannot start any token"):
		return map[string]string{"ru": "в строке недопустимый символ, например табуляция в отступе; делайте отступы пробелами", "kk": "жолда рұқсат етілмеген таңба бар, мысалы шегіністегі табуляция; шегіністі бос орынмен жасаңыз", "en": "the line holds a character not allowed there, such as a tab in the indent; indent with spaces"}
	case strings.Contains(lib, "mapping values are not allowed"):
		return map[string]string{"ru": "двоеточие внутри значения или неверный отступ; возьмите значение в кавычки или выровняйте отступ", "kk": "мән ішінде қос нүкте бар немесе шегініс дұрыс емес; мәнді тырнақшаға алыңыз немесе шегіністі түзетіңіз", "en": "a colon inside a value, or a wrong indent; put the value in quotes or align the indent"}
	case strings.Contains(lib, "did not find expected key") || strings.Contains(lib, "block"):
		return map[string]string{"ru": "неверный отступ; выровняйте строку с соседними полями", "kk": "шегініс дұрыс емес; жолды көршілес өрістермен теңестіріңіз", "en": "a wrong indent; align the line with the fields around it"}
	case strings.Contains(lib, "did not find expected") || strings.Contains(lib, "unexpected end") || strings.Contains(lib, "unterminated") || strings.Contains(lib, "EOF") || strings.Contains(lib, "found unexpected"):
		return map[string]string{"ru": "не закрыта скобка или кавычка, или пропущена запятая", "kk": "жақша немесе тырнақша жабылмаған, не үтір түсіп қалған", "en": "a bracket or quote is not closed, or a comma is missing"}
	}
	return map[string]string{"ru": "проверьте скобки, кавычки, запятые и отступы в этой строке", "kk": "осы жолдағы жақшаларды, тырнақшаларды, үтірлерді және шегіністерді тексеріңіз", "en": "check the brackets, quotes, commas and indents on this line"}
}

// cmsWhy says in words why a signature file is not a CMS signature; the
// parser's text goes to the finding's detail.
func cmsWhy(err error) map[string]string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "BER indefinite length"):
		return map[string]string{"ru": "подпись сохранена в кодировке BER, а нужна DER", "kk": "қолтаңба BER кодтауында сақталған, ал DER керек", "en": "it is saved in BER encoding, not DER"}
	case strings.Contains(msg, "not DER, PEM or base64") || strings.Contains(msg, "content type") || strings.Contains(msg, "PEM block"):
		return map[string]string{"ru": "это не файл подписи", "kk": "бұл қолтаңба файлы емес", "en": "it is not a signature file"}
	case strings.Contains(msg, "trailing data"):
		return map[string]string{"ru": "после подписи в файле лишние данные", "kk": "файлда қолтаңбадан кейін артық деректер бар", "en": "the file has extra data after the signature"}
	case strings.Contains(msg, "empty signature"):
		return map[string]string{"ru": "в файле нет значения подписи", "kk": "файлда қолтаңба мәні жоқ", "en": "the file holds no signature value"}
	}
	return map[string]string{"ru": "файл повреждён", "kk": "файл бүлінген", "en": "the file is damaged"}
}
