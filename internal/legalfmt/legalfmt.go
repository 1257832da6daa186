// Package legalfmt writes legal references, dates and amounts the way each
// language writes them in legal text: act units («прил. 1, п. 8»), dates
// («28 июня 2019 г.», «2019 жылғы 28 маусымдағы»), tenge and MCI.
package legalfmt

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"ruqsat/internal/rules"
)

// unitLabels name the segments of an act unit (rules/README.md) in each
// language; {n} is the segment's number.
var unitLabels = map[string]map[rules.Lang]string{
	"p":        {rules.RU: "п. {n}", rules.KK: "{n}-тармақ", rules.EN: "item {n}"},
	"sp":       {rules.RU: "подп. {n})", rules.KK: "{n}) тармақша", rules.EN: "sub-item {n})"},
	"app":      {rules.RU: "прил. {n}", rules.KK: "{n}-қосымша", rules.EN: "appendix {n}"},
	"ch":       {rules.RU: "гл. {n}", rules.KK: "{n}-тарау", rules.EN: "chapter {n}"},
	"std":      {rules.RU: "стандарт {n}", rules.KK: "{n}-стандарт", rules.EN: "standard {n}"},
	"instr":    {rules.RU: "Инструкция", rules.KK: "Нұсқаулық", rules.EN: "Instruction"},
	"form":     {rules.RU: "форма {n}", rules.KK: "{n}-нысан", rules.EN: "form {n}"},
	"row":      {rules.RU: "строка {n}", rules.KK: "{n}-жол", rules.EN: "row {n}"},
	"title":    {rules.RU: "название", rules.KK: "атауы", rules.EN: "title"},
	"head":     {rules.RU: "заголовок", rules.KK: "тақырыбы", rules.EN: "heading"},
	"header":   {rules.RU: "реквизиты", rules.KK: "деректемелер", rules.EN: "header"},
	"preamble": {rules.RU: "преамбула", rules.KK: "кіріспе", rules.EN: "preamble"},
	"approval": {rules.RU: "гриф утверждения", rules.KK: "бекіту белгісі", rules.EN: "approval block"},
	"sign":     {rules.RU: "подпись", rules.KK: "қолтаңба", rules.EN: "signature"},
	"bp":       {rules.RU: "справочник бизнес-процессов", rules.KK: "бизнес-процестер анықтамалығы", rules.EN: "business-process reference"},
	"stamp":    {rules.RU: "штамп {n}", rules.KK: "{n}-мөртабан", rules.EN: "stamp {n}"},
	"note":     {rules.RU: "примечание", rules.KK: "ескертпе", rules.EN: "note"},
	"restate":  {rules.RU: "новая редакция {n}", rules.KK: "{n} жаңа редакциясы", rules.EN: "restatement {n}"},
	"add":      {rules.RU: "дополнение {n}", rules.KK: "{n} толықтыру", rules.EN: "addition {n}"},
	"codes":    {rules.RU: "коды ТН ВЭД", rules.KK: "СЭҚ ТН кодтары", rules.EN: "customs codes"},
	"final":    {rules.RU: "заключительная часть", rules.KK: "қорытынды бөлігі", rules.EN: "final part"},
}

// UnitLabel spells an act unit such as "app1/app1/p8/sp1" for readers.
func UnitLabel(l rules.Lang, at string) string {
	var parts []string
	for _, seg := range strings.Split(at, "/") {
		i := len(seg)
		for i > 0 && seg[i-1] >= '0' && seg[i-1] <= '9' {
			i--
		}
		name, num := seg[:i], seg[i:]
		lbl, ok := unitLabels[name][l]
		if !ok {
			parts = append(parts, seg)
			continue
		}
		parts = append(parts, strings.TrimSpace(strings.ReplaceAll(lbl, "{n}", num)))
	}
	return strings.Join(parts, ", ")
}

var months = map[rules.Lang][]string{
	rules.RU: {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	rules.KK: {"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"},
	rules.EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// FormatDate writes 2006-01-02 the way each language writes dates in legal
// text: «28 июня 2019 г.», «2019 жылғы 28 маусымдағы», "28 June 2019".
func FormatDate(l rules.Lang, iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	m := months[l][t.Month()-1]
	switch l {
	case rules.RU:
		return fmt.Sprintf("%d %s %d г.", t.Day(), m, t.Year())
	case rules.KK:
		return fmt.Sprintf("%d жылғы %d %s", t.Year(), t.Day(), m)
	}
	return fmt.Sprintf("%d %s %d", t.Day(), m, t.Year())
}

// FormatKZT groups thousands with a thin no-break space: 86 500.
func FormatKZT(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// FormatMCI writes an MCI multiple: 20, or 0.5 with the language's comma.
func FormatMCI(l rules.Lang, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if l != rules.EN {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}
