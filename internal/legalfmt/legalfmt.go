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
	rules.KK: {"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
	rules.EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// Case is the grammatical role a date plays in its sentence. Russian and
// English write a date the same way in every role (the preposition is in
// the sentence: «с 1 января 2026 г.», "from 1 January 2026"); Kazakh puts
// a case ending on the month instead, so the sentence around the date
// decides its form (/work/shared/research/kazakh-dates.md):
//
//	Nominative  2026 жылғы 1 қаңтар         a date standing alone (a table cell)
//	Attributive 2026 жылғы 1 қаңтардағы     qualifies the noun after it (an act, «жағдай бойынша»)
//	Locative    2026 жылғы 1 қаңтарда       on that day («… тіркелді», «… күшіне енді»)
//	Ablative    2026 жылғы 1 қаңтардан      from («… бастап»), not earlier than («… ерте емес»)
//	Dative      2026 жылғы 1 қаңтарға       until («… дейін»)
//	Genitive    2026 жылғы 1 қаңтардың      of
type Case int

const (
	Nominative Case = iota
	Attributive
	Locative
	Ablative
	Dative
	Genitive
)

// Cases lists every case, for tables that give a script all the forms.
var Cases = []Case{Nominative, Attributive, Locative, Ablative, Dative, Genitive}

// String is the case's key in page data and scripts.
func (c Case) String() string {
	return [...]string{"nom", "attr", "loc", "abl", "dat", "gen"}[c]
}

// kkSound classifies the end of a Kazakh word for its suffixes: whether
// its last vowel is a back one (а о ұ ы) or a front one, and what its
// last sound is.
func kkSound(w string) (back bool, last rune) {
	r := []rune(w)
	last = r[len(r)-1]
	for i := len(r) - 1; i >= 0; i-- {
		switch r[i] {
		case 'а', 'о', 'ұ', 'ы', 'я':
			return true, last
		case 'ә', 'е', 'і', 'ө', 'ү', 'э', 'и':
			return false, last
		}
	}
	return true, last
}

func kkVowel(r rune) bool  { return strings.ContainsRune("аәеиоөұүыіэюяу", r) }
func kkNasal(r rune) bool  { return strings.ContainsRune("мнң", r) }
func kkVoiced(r rune) bool { return strings.ContainsRune("жзлрй", r) }
func pick(back bool, b, f string) string {
	if back {
		return b
	}
	return f
}

// KKCase puts a Kazakh word (a month name) into case c by vowel harmony
// and the voicing of its last sound: қаңтар → қаңтардан, ақпан →
// ақпаннан, қыркүйек → қыркүйектен, шілде → шілденің. "у" after a vowel
// is the glide, voiced like й; a word ending in a bare vowel takes the
// vowel forms.
func KKCase(w string, c Case) string {
	if w == "" {
		return w
	}
	back, last := kkSound(w)
	vowel, nasal := kkVowel(last), kkNasal(last)
	voiced := kkVoiced(last) || last == 'у'
	voiceless := !vowel && !nasal && !voiced
	d := "д" // locative, ablative, genitive consonant after vowels and voiced sounds
	if voiceless {
		d = "т"
	}
	switch c {
	case Attributive:
		return w + d + pick(back, "ағы", "егі")
	case Locative:
		return w + d + pick(back, "а", "е")
	case Ablative:
		if nasal {
			d = "н"
		}
		return w + d + pick(back, "ан", "ен")
	case Dative:
		if voiceless {
			return w + pick(back, "қа", "ке")
		}
		return w + pick(back, "ға", "ге")
	case Genitive:
		if vowel || nasal {
			d = "н"
		}
		return w + d + pick(back, "ың", "ің")
	}
	return w
}

// MonthNames are the month names of l in case c (only Kazakh changes).
func MonthNames(l rules.Lang, c Case) []string {
	ms := months[l]
	if l != rules.KK {
		return ms
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = KKCase(m, c)
	}
	return out
}

// DateFormat is how FormatDate writes a date in a language, for scripts
// that must write dates the same way: Pattern has {d}, {m} and {y}, and
// Months are the month names in the form the pattern takes (attributive
// in Kazakh: MonthNames gives the other cases).
func DateFormat(l rules.Lang) (pattern string, monthNames []string) {
	switch l {
	case rules.RU:
		return "{d} {m} {y} г.", months[l]
	case rules.KK:
		return "{y} жылғы {d} {m}", MonthNames(l, Attributive)
	}
	return "{d} {m} {y}", months[l]
}

// FormatDate writes 2006-01-02 the way each language writes dates in legal
// text where the date qualifies a noun: «28 июня 2019 г.», «2019 жылғы 28
// маусымдағы», "28 June 2019". FormatDateIn gives the other roles.
func FormatDate(l rules.Lang, iso string) string {
	return FormatDateIn(l, iso, Attributive)
}

// FormatDateIn writes a date in the form case c needs: Kazakh «2026 жылғы
// 1 қаңтардан» (Ablative, for «… бастап»); Russian and English are the
// same in every case. A string that is not a date is returned as is.
func FormatDateIn(l rules.Lang, iso string, c Case) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	m := months[l][t.Month()-1]
	switch l {
	case rules.RU:
		return fmt.Sprintf("%d %s %d г.", t.Day(), m, t.Year())
	case rules.KK:
		return fmt.Sprintf("%d жылғы %d %s", t.Year(), t.Day(), KKCase(m, c))
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
