package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"ruqsat/internal/rules"
)

// numberFact is a number a fact states with the citations that should
// say it: a term's days, a step's days, a fee in MCI, a renewal window.
type numberFact struct {
	file  string
	path  []string // where in file, placed only when warned about
	key   string   // the fact's key, for the message: days, mci
	value float64
	cites rules.Cites
	// parts add up to value when it may be stated as a sum: a term of a
	// regulation that gives only its steps' durations is their sum, and
	// the cited lines must then state each part.
	parts []int
}

// checkNumbers warns when a number written in a fact appears nowhere in
// the lines its citations point to, neither in digits nor in words of the
// seed's language: a typo (15 for 10) or a citation of the wrong lines.
// It is a warning, not an error, because a number may rightly be derived
// (a term that is the sum of its steps).
func checkNumbers(s *rules.Set, r *Reporter) {
	for _, e := range s.Editions {
		var facts []numberFact
		// add records the number at path, placed at the number itself.
		add := func(v float64, cites rules.Cites, path ...string) *numberFact {
			facts = append(facts, numberFact{file: e.File, path: path, key: path[len(path)-1], value: v, cites: cites})
			return &facts[len(facts)-1]
		}
		for ki, k := range e.Kinds.Items {
			kind := fmt.Sprint(ki)
			if k.Term.Known() && k.Term.Days != nil {
				add(float64(*k.Term.Days), k.Term.Cite, "kinds", kind, "term", "days").parts = stepDays(k)
			}
			for si, st := range k.Steps.Items {
				// 0 days is "on the same day": there is no number to find.
				if st.Days != nil && *st.Days > 0 {
					add(float64(*st.Days), st.Cite, "kinds", kind, "steps", fmt.Sprint(si), "days")
				}
			}
			if k.Fee.Known() && k.Fee.MCI != nil {
				add(*k.Fee.MCI, k.Fee.Cite, "kinds", kind, "fee", "mci")
			}
		}
		if w := e.Renewal.Window; e.Renewal.Known() && w.Known() && w.Days != nil {
			add(float64(*w.Days), w.Cite, "renewal", "window", "days")
		}
		for _, f := range facts {
			checkNumber(s, r, f)
		}
	}
}

// stepDays returns the days of the steps that make up a kind's term: those
// that always happen, count towards it and share its unit.
func stepDays(k rules.Kind) []int {
	var days []int
	for _, st := range k.Steps.Items {
		if st.Days != nil && !st.Optional && st.Counts != "no" && st.Counts != "within" && st.Unit == k.Term.Unit {
			days = append(days, *st.Days)
		}
	}
	return days
}

// citedText is the text of the lines a citation points to in one seed.
type citedText struct {
	seed  *rules.Seed
	span  rules.Span
	lines []string
}

// citedTexts returns, for each seed of the cited act, the lines the
// citation gives for its language, or the cited unit's lines when it
// gives none.
func citedTexts(s *rules.Set, ct rules.Cite) []citedText {
	a := s.Acts[ct.Act]
	if a == nil {
		return nil
	}
	u := a.Unit(ct.At)
	var out []citedText
	for i := range a.Seeds {
		sd := &a.Seeds[i]
		lines, ok := s.Seeds[sd.File]
		if !ok {
			continue
		}
		var sp *rules.Span
		if ct.Lines != nil {
			if ct.Lines.Single != nil && len(a.Seeds) == 1 {
				sp = ct.Lines.Single
			} else if x, ok := ct.Lines.ByLang[sd.Lang]; ok {
				sp = &x
			}
		}
		if sp == nil && u != nil {
			if x, ok := u.Lines[sd.Lang]; ok {
				sp = &x
			}
		}
		if sp == nil || sp.First < 1 || sp.Last > len(lines) || sp.First > sp.Last {
			continue
		}
		out = append(out, citedText{sd, *sp, lines[sp.First-1 : sp.Last]})
	}
	return out
}

func checkNumber(s *rules.Set, r *Reporter, f numberFact) {
	var texts []citedText
	for _, ct := range f.cites {
		texts = append(texts, citedTexts(s, ct)...)
	}
	if len(texts) == 0 {
		return // nothing cited to compare with (a gap, an act outside the sources)
	}
	for _, t := range texts {
		if saysNumber(strings.Join(t.lines, " "), f.value, t.seed.Lang) || saysSum(t, f) {
			return
		}
	}
	t := texts[0]
	r.Warn(f.file, s.PosOf(f.file, f.path...), "number/not-in-seed", f.key, formatNumber(f.value),
		rules.SourcesDir+"/"+t.seed.File+":"+spanString(t.span), excerpt(t.lines, rules.Span{First: 1, Last: len(t.lines)}))
}

// saysSum reports whether the cited lines state f's value as the sum of
// its parts: the parts add up to it and the lines state each of them (a
// part of 0, "on the day of receipt", has no number to find).
func saysSum(t citedText, f numberFact) bool {
	if len(f.parts) < 2 {
		return false
	}
	sum := 0
	text := strings.Join(t.lines, " ")
	for _, p := range f.parts {
		sum += p
		if p > 0 && !saysNumber(text, float64(p), t.seed.Lang) {
			return false
		}
	}
	return float64(sum) == f.value
}

func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// saysNumber reports whether text states the number v, in digits or in
// words of lang.
func saysNumber(text string, v float64, l rules.Lang) bool {
	for _, d := range digitRuns(text) {
		if x, err := strconv.ParseFloat(strings.ReplaceAll(d, ",", "."), 64); err == nil && x == v {
			return true
		}
	}
	n := int(v)
	if float64(n) != v || n < 1 || n > 100 {
		return false
	}
	w := numberWords[l]
	if w == nil {
		return false
	}
	words := wordsOf(text, l)
	for _, seq := range w.forms(n) {
	next:
		for i := 0; i+len(seq) <= len(words); i++ {
			for j, re := range seq {
				if !re.MatchString(words[i+j]) {
					continue next
				}
			}
			// A ten followed by a unit, or a unit after a ten, is part of a
			// bigger number: "сорока пяти" says neither 40 nor 5.
			if len(seq) == 1 && (n >= 20 || (n == 10 && l == rules.KK)) && i+1 < len(words) && w.isUnit(words[i+1]) {
				continue
			}
			if n < 10 && i > 0 && w.isTen(words[i-1]) {
				continue
			}
			return true
		}
	}
	return false
}

// wordsOf splits text into lower-case words; in Russian and Kazakh, Latin
// letters that look like Cyrillic ones are folded, as scanned acts mix them.
func wordsOf(text string, l rules.Lang) []string {
	var b strings.Builder
	for _, c := range strings.ToLower(text) {
		if !unicode.IsLetter(c) {
			b.WriteRune(' ')
			continue
		}
		if m, ok := lookalike[c]; ok && l != rules.EN {
			c = m
		}
		b.WriteRune(c)
	}
	return strings.Fields(b.String())
}

// wordNumbers are the words for the numbers 1–100 in one language, each a
// regular expression matching every form of the word a legal text uses:
// its cases (пяти, пятью) and its ordinal (пятый, бесінші, fifth).
type wordNumbers struct {
	units, teens, tens [10]string // 1–9; 10–19; 20, 30 … 90 at index 2 … 9
	hundred            string
	cache              map[int][][]*regexp.Regexp
	mu                 sync.Mutex

	once          sync.Once
	unitRE, tenRE []*regexp.Regexp // for isUnit and isTen
}

func wordRE(re string) *regexp.Regexp { return regexp.MustCompile("^(?:" + re + ")$") }

func (w *wordNumbers) compile() {
	w.once.Do(func() {
		for _, u := range w.units[1:] {
			w.unitRE = append(w.unitRE, wordRE(u))
		}
		if w.units[0] != "" {
			w.tenRE = append(w.tenRE, wordRE(w.units[0]))
		}
		for _, t := range w.tens[2:] {
			w.tenRE = append(w.tenRE, wordRE(t))
		}
	})
}

// forms returns the word sequences that say n: "пятнадцати", "он бес",
// "twenty five" (a hyphen splits words like a space).
func (w *wordNumbers) forms(n int) [][]*regexp.Regexp {
	w.mu.Lock()
	defer w.mu.Unlock()
	if f, ok := w.cache[n]; ok {
		return f
	}
	var seqs [][]string
	switch {
	case n == 100:
		seqs = [][]string{{w.hundred}}
	case n >= 20:
		if n%10 == 0 {
			seqs = [][]string{{w.tens[n/10]}}
		} else {
			seqs = [][]string{{w.tens[n/10], w.units[n%10]}}
		}
	case n >= 10:
		seqs = [][]string{{w.teens[n-10]}}
		if w.units[0] != "" {
			// Kazakh says 15 as "он бес": ten, then the unit.
			seqs = append(seqs, []string{w.units[0], w.units[n-10]})
		}
	default:
		seqs = [][]string{{w.units[n]}}
	}
	var out [][]*regexp.Regexp
	for _, seq := range seqs {
		var res []*regexp.Regexp
		for _, re := range seq {
			if re == "" {
				res = nil
				break
			}
			res = append(res, wordRE(re))
		}
		if res != nil {
			out = append(out, res)
		}
	}
	if w.cache == nil {
		w.cache = map[int][][]*regexp.Regexp{}
	}
	w.cache[n] = out
	return out
}

// isUnit reports whether word says one of 1–9.
func (w *wordNumbers) isUnit(word string) bool {
	w.compile()
	for _, re := range w.unitRE {
		if re.MatchString(word) {
			return true
		}
	}
	return false
}

// isTen reports whether word says a ten that a unit may follow in one
// number: 20 … 90, and 10 in Kazakh ("он бес").
func (w *wordNumbers) isTen(word string) bool {
	w.compile()
	for _, re := range w.tenRE {
		if re.MatchString(word) {
			return true
		}
	}
	return false
}

// ruOrd is an ordinal number's stem with its adjective endings (пятый,
// пятого, пятой…); ruCard a cardinal's stem with its case endings (пять,
// пяти, пятью).
func ruOrd(stem string) string {
	return stem + `(?:ый|ой|ий|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими|ей)`
}
func ruCard(stem string) string { return stem + `(?:ь|и|ью)` }
func ruNum(stem string) string  { return ruCard(stem) + "|" + ruOrd(stem) }

// kkNum is a Kazakh number word with its ordinal (бес, бесінші); other
// endings are left out, since short words would then match others (онда
// "there", бірге "together").
func kkNum(word string) string {
	return word + `(?:ыншы|інші|ншы|нші|сыншы|сінші)?`
}

// enNum is an English number word or its ordinal.
func enNum(word, ordinal string) string { return word + "|" + ordinal }

var numberWords = map[rules.Lang]*wordNumbers{
	rules.RU: {
		units: [10]string{"",
			`один|одн(?:а|о|ого|ой|ому|им|ом|у)|` + ruOrd("перв"),
			`дв(?:а|е|ух|ум|умя)|` + ruOrd("втор"),
			`тр(?:и|ех|ёх|ем|ём|емя)|трет(?:ий|ья|ье|ьего|ьему|ьим|ьем|ьей|ью|ьи|ьих|ьими)`,
			`четыр(?:е|ех|ёх|ем|ём|ьмя)|` + ruOrd("четв[её]рт"),
			ruNum("пят"), ruNum("шест"), ruCard("сем") + "|" + ruOrd("седьм"),
			`вос(?:емь|ьми|емью|ьмью)|` + ruOrd("восьм"), ruNum("девят"),
		},
		teens: [10]string{ruNum("десят"), ruNum("одиннадцат"), ruNum("двенадцат"), ruNum("тринадцат"),
			ruNum("четырнадцат"), ruNum("пятнадцат"), ruNum("шестнадцат"), ruNum("семнадцат"),
			ruNum("восемнадцат"), ruNum("девятнадцат")},
		tens: [10]string{"", "", ruNum("двадцат"), ruNum("тридцат"), `сорок(?:а)?|` + ruOrd("сорок"),
			`пят(?:ьдесят|идесяти|ьюдесятью)|` + ruOrd("пятидесят"),
			`шест(?:ьдесят|идесяти|ьюдесятью)|` + ruOrd("шестидесят"),
			`сем(?:ьдесят|идесяти|ьюдесятью)|` + ruOrd("семидесят"),
			`вос(?:емьдесят|ьмидесяти|емьюдесятью|ьмьюдесятью)|` + ruOrd("восьмидесят"),
			`девяност(?:о|а)|` + ruOrd("девяност")},
		hundred: `ст(?:о|а)|` + ruOrd("сот"),
	},
	rules.KK: {
		units: [10]string{kkNum("он"), kkNum("бір"), kkNum("екі"), kkNum("үш"), kkNum("төрт"), kkNum("бес"),
			kkNum("алты"), kkNum("жеті"), kkNum("сегіз"), kkNum("тоғыз")},
		teens: [10]string{kkNum("он")},
		tens: [10]string{"", "", kkNum("жиырма"), kkNum("отыз"), kkNum("қырық"), kkNum("елу"),
			kkNum("алпыс"), kkNum("жетпіс"), kkNum("сексен"), kkNum("тоқсан")},
		hundred: kkNum("жүз"),
	},
	rules.EN: {
		units: [10]string{"", enNum("one", "first"), enNum("two", "second"), enNum("three", "third"),
			enNum("four", "fourth"), enNum("five", "fifth"), enNum("six", "sixth"), enNum("seven", "seventh"),
			enNum("eight", "eighth"), enNum("nine", "ninth")},
		teens: [10]string{enNum("ten", "tenth"), enNum("eleven", "eleventh"), enNum("twelve", "twelfth"),
			enNum("thirteen", "thirteenth"), enNum("fourteen", "fourteenth"), enNum("fifteen", "fifteenth"),
			enNum("sixteen", "sixteenth"), enNum("seventeen", "seventeenth"), enNum("eighteen", "eighteenth"),
			enNum("nineteen", "nineteenth")},
		tens: [10]string{"", "", enNum("twenty", "twentieth"), enNum("thirty", "thirtieth"),
			enNum("forty", "fortieth"), enNum("fifty", "fiftieth"), enNum("sixty", "sixtieth"),
			enNum("seventy", "seventieth"), enNum("eighty", "eightieth"), enNum("ninety", "ninetieth")},
		hundred: enNum("hundred", "hundredth"),
	},
}

// digitRuns returns the numbers written in digits in text: "15", "0,5".
func digitRuns(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsDigit(rs[j]) || ((rs[j] == ',' || rs[j] == '.') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]))) {
			j++
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}
