package lint

import (
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"ruqsat/internal/rules"
)

// textSite is one text found in the model, with the citations of the
// struct that holds it and the act its file is about.
type textSite struct {
	file  string
	pos   rules.Pos
	texts rules.Texts
	cites rules.Cites
	act   string // act the text's file belongs to, for uncited official texts
	unit  string // outline unit of that file's part ("" = whole act)
}

var (
	textsType = reflect.TypeOf(rules.Texts{})
	citesType = reflect.TypeOf(rules.Cites{})
	posType   = reflect.TypeOf(rules.Pos{})
)

// walkTexts calls fn for every Texts value reachable from v.
func walkTexts(v reflect.Value, site textSite, fn func(textSite)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), site, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), site, fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkTexts(iter.Value(), site, fn)
		}
	case reflect.Struct:
		if v.Type() == textsType {
			site.texts = v.Interface().(rules.Texts)
			fn(site)
			return
		}
		t := v.Type()
		if f, ok := t.FieldByName("Pos"); ok && f.Type == posType && len(f.Index) == 1 {
			if p := v.FieldByIndex(f.Index).Interface().(rules.Pos); p.Line > 0 {
				site.pos = p
			}
		}
		if f, ok := t.FieldByName("Cite"); ok && f.Type == citesType {
			if c := v.FieldByIndex(f.Index).Interface().(rules.Cites); len(c) > 0 {
				site.cites = c
			}
		}
		for i := 0; i < t.NumField(); i++ {
			// A service's editions are walked from their own files.
			if f := t.Field(i); f.IsExported() && f.Name != "Editions" {
				walkTexts(v.Field(i), site, fn)
			}
		}
	}
}

// allTexts visits every text of the rule set.
func allTexts(s *rules.Set, fn func(textSite)) {
	if s.Vocab != nil {
		walkTexts(reflect.ValueOf(s.Vocab), textSite{file: s.Vocab.File}, fn)
	}
	for _, a := range s.ActsByDate() {
		site := textSite{file: a.File, act: a.ID}
		if !a.InSources() {
			// An act outside the sources is known by what source acts say of
			// it: its official title can only be checked there.
			site = textSite{file: a.File, cites: a.Mentioned}
		}
		walkTexts(reflect.ValueOf(a), site, fn)
	}
	for _, sv := range s.Services {
		walkTexts(reflect.ValueOf(sv), textSite{file: sv.File}, fn)
		for _, e := range sv.Editions {
			walkTexts(reflect.ValueOf(e), textSite{file: e.File, act: e.Act, unit: e.Part}, fn)
		}
	}
	for _, x := range []any{s.MCI, s.Goods, s.Glossary, s.Changes, s.Calendar, s.Portals} {
		rv := reflect.ValueOf(x)
		if rv.IsNil() {
			continue
		}
		file := rv.Elem().FieldByName("File").String()
		site := textSite{file: file}
		if s.Goods != nil && x == any(s.Goods) {
			site.act = s.Goods.Act
		}
		walkTexts(rv, site, fn)
	}
}

func checkTexts(s *rules.Set, r *Reporter) {
	seeds := newSeedIndex(s)
	allTexts(s, func(t textSite) {
		if t.texts.Empty() {
			return
		}
		var have, miss []string
		for _, l := range rules.Langs {
			if lt := t.texts.Get(l); lt != nil && strings.TrimSpace(lt.Text) != "" {
				have = append(have, string(l))
			} else {
				miss = append(miss, string(l))
			}
		}
		if len(miss) > 0 {
			r.Add(t.file, t.pos, "parity/missing-lang", strings.Join(have, ", "), strings.Join(miss, ", "))
		}
		if ru, kk := t.texts.RU, t.texts.KK; ru != nil && kk != nil && len([]rune(ru.Text)) > 24 && ru.Text == kk.Text {
			r.Add(t.file, kk.Pos, "parity/copied")
		}
		for _, l := range rules.Langs {
			lt := t.texts.Get(l)
			if lt == nil {
				continue
			}
			hygiene(r, t.file, lt, l)
			if lt.Official {
				official(s, seeds, r, t, l, lt)
			}
		}
	})
}

var letterSpaced = regexp.MustCompile(`(?:^|[^\p{L}])((?:\p{L} ){3,}\p{L})(?:[^\p{L}]|$)`)

// hygiene finds typing and extraction damage: Latin look-alikes inside
// Cyrillic words, letter-spaced words and stray spaces.
func hygiene(r *Reporter, file string, lt *rules.LangText, l rules.Lang) {
	txt := lt.Text
	if txt != strings.TrimSpace(txt) || strings.Contains(txt, "  ") || strings.ContainsAny(txt, "\t\u00a0") {
		r.Add(file, lt.Pos, "hygiene/spaces")
	}
	for _, w := range strings.FieldsFunc(txt, func(c rune) bool { return !unicode.IsLetter(c) }) {
		var latin, cyr bool
		for _, c := range w {
			switch {
			case unicode.Is(unicode.Latin, c):
				latin = true
			case unicode.Is(unicode.Cyrillic, c):
				cyr = true
			}
		}
		if latin && cyr {
			if l == rules.KK && strings.ContainsAny(w, "iI") {
				r.Add(file, lt.Pos, "hygiene/latin-i", w)
			} else {
				r.Add(file, lt.Pos, "hygiene/mixed-script", w)
			}
		}
	}
	if m := letterSpaced.FindStringSubmatch(txt); m != nil {
		r.Add(file, lt.Pos, "hygiene/letter-spacing", m[1])
	}
}

// official checks that a text marked as the act's own wording is in the
// cited lines of the act's official seed in that language.
func official(s *rules.Set, seeds *seedIndex, r *Reporter, t textSite, l rules.Lang, lt *rules.LangText) {
	type rng struct {
		file        string
		first, last int
		label       string
	}
	var ranges []rng
	add := func(a *rules.Act, at string, sp *rules.Span) {
		sd := a.Seed(l)
		if sd == nil || !sd.Official {
			return
		}
		lines := s.Seeds[sd.File]
		first, last := 1, len(lines)
		if sp != nil {
			first, last = sp.First, sp.Last
		} else if u := a.Unit(at); u != nil {
			if us, ok := u.Lines[l]; ok {
				first, last = us.First, us.Last
			}
		}
		ranges = append(ranges, rng{sd.File, first, last, sd.File + ":" + spanString(rules.Span{First: first, Last: last})})
	}
	for _, c := range t.cites {
		a := s.Acts[c.Act]
		if a == nil {
			continue
		}
		var sp *rules.Span
		if c.Lines != nil {
			if c.Lines.Single != nil && len(a.Seeds) == 1 && a.Seeds[0].Lang == l {
				sp = c.Lines.Single
			} else if x, ok := c.Lines.ByLang[l]; ok {
				sp = &x
			}
		}
		add(a, c.At, sp) // without lines for l, the whole unit is searched
	}
	if len(t.cites) == 0 && t.act != "" {
		if a := s.Acts[t.act]; a != nil {
			add(a, t.unit, nil)
		}
	}
	if len(ranges) == 0 {
		r.Add(t.file, lt.Pos, "official/no-seed", string(l))
		return
	}
	want := normalize(lt.Text)
	var labels []string
	for _, g := range ranges {
		if strings.Contains(seeds.span(g.file, g.first, g.last), want) {
			return
		}
		labels = append(labels, g.label)
	}
	r.Add(t.file, lt.Pos, "official/not-in-seed", string(l), strings.Join(labels, ", "))
}

// seedIndex holds each seed normalized, with where each line starts, so a
// line range is a substring and not a join.
type seedIndex struct {
	text  map[string]string
	start map[string][]int // start[i] = offset of line i+1; one extra entry for the end
}

func newSeedIndex(s *rules.Set) *seedIndex {
	ix := &seedIndex{text: map[string]string{}, start: map[string][]int{}}
	for f, ls := range s.Seeds {
		var b strings.Builder
		starts := make([]int, 0, len(ls)+1)
		for _, l := range ls {
			starts = append(starts, b.Len())
			b.WriteString(normalize(l))
		}
		starts = append(starts, b.Len())
		ix.text[f], ix.start[f] = b.String(), starts
	}
	return ix
}

func (ix *seedIndex) span(file string, first, last int) string {
	starts := ix.start[file]
	n := len(starts) - 1
	if first < 1 {
		first = 1
	}
	if last > n {
		last = n
	}
	if first > last {
		return ""
	}
	return ix.text[file][starts[first-1]:starts[last]]
}

// lookalike maps Latin letters that look like Cyrillic ones to those, so
// that a Latin "і" typed by a scanner does not hide a match.
var lookalike = map[rune]rune{
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і',
	'k': 'к', 'm': 'м', 't': 'т', 'h': 'һ', 'b': 'в', 'n': 'п', 'u': 'и', 'r': 'г',
	'ё': 'е',
}

// normalize keeps only letters and digits, lower-cased, with look-alikes
// folded, so that letter-spacing, line breaks, quotes and dashes do not
// matter when comparing wording.
func normalize(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			continue
		}
		if m, ok := lookalike[c]; ok {
			c = m
		}
		b.WriteRune(c)
	}
	return b.String()
}
