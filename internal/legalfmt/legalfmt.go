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

// Units spell the units of acts (rules/README.md) in each language, from
// rules/vocab.yaml units: "app1/app1/p8/sp1" → «прил. 1, прил. 1, п. 8,
// подп. 1)».
type Units map[string]rules.Texts

// NewUnits indexes the vocabulary's units by id.
func NewUnits(v *rules.Vocab) Units {
	u := Units{}
	if v != nil {
		for _, t := range v.Units {
			u[t.ID] = t.Texts
		}
	}
	return u
}

// Segment splits a unit segment into its name and number: "row1.17" →
// "row", "1.17"; "instr" → "instr", "".
func Segment(seg string) (name, num string) {
	i := 0
	for i < len(seg) && seg[i] >= 'a' && seg[i] <= 'z' {
		i++
	}
	return seg[:i], seg[i:]
}

// Label spells an act unit such as "app1/app1/p8/sp1" for readers. A
// segment whose name is not a known unit is shown as written (lint
// rejects it in the rule data).
func (u Units) Label(l rules.Lang, at string) string {
	var parts []string
	for _, seg := range strings.Split(at, "/") {
		name, num := Segment(seg)
		t, ok := u[name]
		lbl := t.String(l)
		if !ok || lbl == "" {
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

// DateFormat is how FormatDate writes a date in a language, for scripts
// that must write dates the same way: Pattern has {d}, {m} and {y}, and
// Months are the month names in the form the pattern takes.
func DateFormat(l rules.Lang) (pattern string, monthNames []string) {
	switch l {
	case rules.RU:
		return "{d} {m} {y} г.", months[l]
	case rules.KK:
		return "{y} жылғы {d} {m}", months[l]
	}
	return "{d} {m} {y}", months[l]
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

// Count writes n with its noun in the right form for l: Russian has three
// plural forms (1 файл, 2 файла, 5 файлов), English two, and Kazakh keeps
// the noun singular after a number.
func Count(n int, l rules.Lang, ru [3]string, kk, en string) string {
	switch l {
	case rules.RU:
		form := 2
		switch {
		case n%10 == 1 && n%100 != 11:
			form = 0
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			form = 1
		}
		return strconv.Itoa(n) + " " + ru[form]
	case rules.KK:
		return strconv.Itoa(n) + " " + kk
	}
	if n != 1 {
		en += "s"
	}
	return strconv.Itoa(n) + " " + en
}
