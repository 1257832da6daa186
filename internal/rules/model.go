// Package rules loads the rule data in rules/ into a typed model. It is the
// only package that reads rule files; everything downstream (lint, coverage,
// the site generator, the checklist generator) works on the model.
package rules

import "strconv"

// Lang is a language code of the texts: "ru", "kk" or "en".
type Lang string

// The three languages of every text, in display order.
const (
	RU Lang = "ru"
	KK Lang = "kk"
	EN Lang = "en"
)

// Langs lists the languages every text must have.
var Langs = []Lang{RU, KK, EN}

// Pos is a position in a rule file, both counted from 1.
type Pos struct {
	Line, Col int
}

func (p Pos) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) }

// LangText is one language's text and whether it is the act's own wording.
type LangText struct {
	Text     string
	Official bool // false: this project's translation or paraphrase
	Pos      Pos
}

// Texts holds a text in up to three languages. Lint requires all three.
type Texts struct {
	RU *LangText `yaml:"ru,omitempty"`
	KK *LangText `yaml:"kk,omitempty"`
	EN *LangText `yaml:"en,omitempty"`
}

// Get returns the text in lang, or nil when it is missing.
func (t Texts) Get(l Lang) *LangText {
	switch l {
	case RU:
		return t.RU
	case KK:
		return t.KK
	case EN:
		return t.EN
	}
	return nil
}

// String returns the text in lang, or "" when it is missing.
func (t Texts) String(l Lang) string {
	if lt := t.Get(l); lt != nil {
		return lt.Text
	}
	return ""
}

// Empty reports whether no language is given.
func (t Texts) Empty() bool { return t.RU == nil && t.KK == nil && t.EN == nil }

// Gap says why a fact is not in the sources, or that it does not apply.
// A fact whose Gap is zero is known.
type Gap struct {
	Unknown string `yaml:"unknown,omitempty"` // not-stated, cut-off, elsewhere, not-in-act
	See     string `yaml:"see,omitempty"`     // act id holding the fact, for elsewhere
	Applies *bool  `yaml:"applies,omitempty"` // false: the fact does not apply
	Note    *Texts `yaml:"note,omitempty"`
	// GapCite is where the act shows the gap (a list cut off, a form not
	// printed), from the gap's `cite` (read by decodeGap: facts that embed
	// a Gap have a cite of their own).
	GapCite Cites `yaml:"-"`
}

// Rest is the gap of a list the sources give only in part: what is missing
// and why.
type Rest struct{ Gap }

// Known reports whether the fact is given (neither unknown nor inapplicable).
func (g Gap) Known() bool { return g.Unknown == "" && g.Applies == nil }

// NotApplicable reports whether the fact was marked as not applying.
func (g Gap) NotApplicable() bool { return g.Applies != nil && !*g.Applies }

// Span is a line range in a seed file, First <= Last.
type Span struct{ First, Last int }

// Lines are the seed lines a citation points to: one range for an act with
// a single seed, or a range per language.
type Lines struct {
	Single *Span
	ByLang map[Lang]Span
	Pos    Pos
}

// Cite points a fact to an act, a unit of its outline and seed lines.
type Cite struct {
	Act   string `yaml:"act"`
	At    string `yaml:"at"`
	Lines *Lines `yaml:"lines,omitempty"`
	Pos   Pos    `yaml:"-"`
}

// Cites is one citation or several.
type Cites []Cite

// Cited is a text with its citations, the commonest shape of a fact.
type Cited struct {
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite"`
	Pos   Pos   `yaml:"-"`
}

// List is a list fact: its items, or a gap.
type List[T any] struct {
	Items []T
	Gap
	Pos Pos
}

// Known reports whether the list is given.
func (l List[T]) Known() bool { return l.Gap.Known() }
