package legalfmt

import (
	"fmt"
	"strings"
	"testing"

	"ruqsat/internal/rules"
)

// The months × cases table of /work/shared/research/kazakh-dates.md §4
// (checked against the source acts where it is marked ✓), copied here
// rather than derived, so that a wrong rule in KKCase fails: the traps are
// ақпан/маусым/қазан/желтоқсан (-нан after н, м), қыркүйек (-те, -тен, -ке
// after к) and шілде/қараша (a final vowel: -ден, -ның/-нің).
var kkMonthTable = []struct {
	nom, loc, attr, abl, dat, gen string
}{
	{"қаңтар", "қаңтарда", "қаңтардағы", "қаңтардан", "қаңтарға", "қаңтардың"},
	{"ақпан", "ақпанда", "ақпандағы", "ақпаннан", "ақпанға", "ақпанның"},
	{"наурыз", "наурызда", "наурыздағы", "наурыздан", "наурызға", "наурыздың"},
	{"сәуір", "сәуірде", "сәуірдегі", "сәуірден", "сәуірге", "сәуірдің"},
	{"мамыр", "мамырда", "мамырдағы", "мамырдан", "мамырға", "мамырдың"},
	{"маусым", "маусымда", "маусымдағы", "маусымнан", "маусымға", "маусымның"},
	{"шілде", "шілдеде", "шілдедегі", "шілдеден", "шілдеге", "шілденің"},
	{"тамыз", "тамызда", "тамыздағы", "тамыздан", "тамызға", "тамыздың"},
	{"қыркүйек", "қыркүйекте", "қыркүйектегі", "қыркүйектен", "қыркүйекке", "қыркүйектің"},
	{"қазан", "қазанда", "қазандағы", "қазаннан", "қазанға", "қазанның"},
	{"қараша", "қарашада", "қарашадағы", "қарашадан", "қарашаға", "қарашаның"},
	{"желтоқсан", "желтоқсанда", "желтоқсандағы", "желтоқсаннан", "желтоқсанға", "желтоқсанның"},
}

func TestKKCaseEveryMonth(t *testing.T) {
	if len(kkMonthTable) != 12 {
		t.Fatalf("table has %d months", len(kkMonthTable))
	}
	for i, m := range kkMonthTable {
		want := map[Case]string{Nominative: m.nom, Locative: m.loc, Attributive: m.attr, Ablative: m.abl, Dative: m.dat, Genitive: m.gen}
		if got := months[rules.KK][i]; got != m.nom {
			t.Errorf("month %d is %q, want %q", i+1, got, m.nom)
		}
		for _, c := range Cases {
			if got := KKCase(m.nom, c); got != want[c] {
				t.Errorf("KKCase(%q, %s) = %q, want %q", m.nom, c, got, want[c])
			}
			if got := MonthNames(rules.KK, c)[i]; got != want[c] {
				t.Errorf("MonthNames(kk, %s)[%d] = %q, want %q", c, i, got, want[c])
			}
		}
	}
}

// Every case of every month as a whole date, and the phrases the site
// builds from them: the day is a bare number and the year takes «жылғы».
func TestFormatDateInKazakh(t *testing.T) {
	for i, m := range kkMonthTable {
		iso := fmt.Sprintf("2026-%02d-%02d", i+1, 27)
		for c, want := range map[Case]string{Nominative: m.nom, Locative: m.loc, Attributive: m.attr, Ablative: m.abl, Dative: m.dat, Genitive: m.gen} {
			if got, w := FormatDateIn(rules.KK, iso, c), "2026 жылғы 27 "+want; got != w {
				t.Errorf("FormatDateIn(kk, %s, %s) = %q, want %q", iso, c, got, w)
			}
		}
	}
	for _, tc := range []struct {
		iso     string
		c       Case
		pattern string
		want    string
	}{
		{"2026-01-01", Ablative, "%s бастап", "2026 жылғы 1 қаңтардан бастап"},
		{"2026-07-27", Ablative, "%s ерте емес", "2026 жылғы 27 шілдеден ерте емес"},
		{"2019-07-05", Locative, "%s тіркелді", "2019 жылғы 5 шілдеде тіркелді"},
		{"2013-01-29", Attributive, "%s № 50 қаулысы", "2013 жылғы 29 қаңтардағы № 50 қаулысы"},
		{"2026-12-05", Attributive, "%s жағдай бойынша", "2026 жылғы 5 желтоқсандағы жағдай бойынша"},
		{"2027-01-01", Dative, "%s дейін", "2027 жылғы 1 қаңтарға дейін"},
		{"2020-09-21", Ablative, "%s бастап", "2020 жылғы 21 қыркүйектен бастап"},
	} {
		if got := fmt.Sprintf(tc.pattern, FormatDateIn(rules.KK, tc.iso, tc.c)); got != tc.want {
			t.Errorf("%s in %s: %q, want %q", tc.iso, tc.c, got, tc.want)
		}
	}
	// FormatDate keeps its attributive form for the callers that qualify a noun.
	if got := FormatDate(rules.KK, "2019-06-28"); got != "2019 жылғы 28 маусымдағы" {
		t.Errorf("FormatDate(kk) = %q", got)
	}
}

// Russian and English carry the role in a preposition: one form for all.
func TestFormatDateInOtherLanguages(t *testing.T) {
	for _, c := range Cases {
		if got := FormatDateIn(rules.RU, "2026-01-01", c); got != "1 января 2026 г." {
			t.Errorf("ru %s: %q", c, got)
		}
		if got := FormatDateIn(rules.EN, "2026-09-21", c); got != "21 September 2026" {
			t.Errorf("en %s: %q", c, got)
		}
	}
	if got := FormatDateIn(rules.KK, "not a date", Ablative); got != "not a date" {
		t.Errorf("a non-date changed: %q", got)
	}
}

func TestDateFormatMatchesFormatDate(t *testing.T) {
	for _, l := range []rules.Lang{rules.RU, rules.KK, rules.EN} {
		p, ms := DateFormat(l)
		want := FormatDate(l, "2019-06-28")
		got := strings.NewReplacer("{d}", "28", "{m}", ms[5], "{y}", "2019").Replace(p)
		if got != want {
			t.Errorf("%s: pattern gives %q, FormatDate %q", l, got, want)
		}
	}
}
