package site

import (
	"fmt"

	"ruqsat/internal/rules"
)

// ActText is an act's text in one language, line by line as its source
// file gives it, each outline unit wrapping its lines under its anchor:
// every citation links to that anchor (rules.Act.CitePath), and the
// target is highlighted, so a reader lands on the cited words.
type ActText struct {
	Act  ActRef `json:"act"`
	Seed Seed   `json:"seed"`
	// Reader is true when the text is in the reader's language; Missing
	// when the act has no text in it at all (the page then says so).
	Reader  bool `json:"reader,omitempty"`
	Missing bool `json:"missing,omitempty"`
	// Others are the act's texts in its other languages.
	Others    []Seed        `json:"others,omitempty"`
	Published []Publication `json:"published,omitempty"`
	Lines     []TextLine    `json:"lines"`
}

// TextLine is a line of the source with the units that begin before it
// (outermost first) and the number of units that end after it. Text is
// "" for an empty line, which only opens or closes units.
type TextLine struct {
	N     int        `json:"n"`
	Text  string     `json:"t,omitempty"`
	Open  []TextUnit `json:"open,omitempty"`
	Close []struct{} `json:"close,omitempty"`
}

// TextUnit is an outline unit as its text shows it.
type TextUnit struct {
	Anchor string `json:"anchor"`
	Label  string `json:"label"`
}

// Publication is where an act can be read as published.
type Publication struct {
	URL       string `json:"url"`
	Lang      string `json:"lang"`
	Kind      string `json:"kind"`
	Publisher string `json:"publisher"`
	Note      *Text  `json:"note,omitempty"`
}

func (c loc) publications(a *rules.Act) []Publication {
	var out []Publication
	for _, p := range a.Published {
		out = append(out, Publication{URL: p.URL, Lang: string(p.Lang), Kind: p.Kind, Publisher: c.str(p.Publisher), Note: c.textP(p.Note)})
	}
	return out
}

// actText is the text of act a in the language of seed sd. Units whose
// lines cross are refused (lint says so first: ref/lines-cross).
func (c loc) actText(a *rules.Act, sd rules.Seed) (*ActText, error) {
	src, ok := c.g.Set.Seeds[sd.File]
	if !ok {
		return nil, fmt.Errorf("%s: no text %s", a.File, sd.File)
	}
	v := &ActText{Act: ActRef{a.ID, a.Short.String(c.l)}, Seed: c.seed(a, sd), Reader: sd.Lang == c.l,
		Missing: a.Seed(c.l) == nil, Published: c.publications(a), Lines: make([]TextLine, len(src))}
	for _, o := range a.Seeds {
		if o.Lang != sd.Lang {
			v.Others = append(v.Others, c.seed(a, o))
		}
	}
	for i, line := range src {
		v.Lines[i] = TextLine{N: i + 1, Text: line}
	}
	units, crossing := a.Nested(sd.Lang)
	if len(crossing) > 0 {
		return nil, fmt.Errorf("%s: unit %s crosses unit %s in %s", a.File, crossing[0].Unit.At, crossing[0].Outer.At, sd.File)
	}
	for _, u := range units {
		sp := u.Lines[sd.Lang]
		if sp.First < 1 || sp.Last > len(src) {
			return nil, fmt.Errorf("%s: unit %s: lines %d–%d not in %s", a.File, u.At, sp.First, sp.Last, sd.File)
		}
		l := &v.Lines[sp.First-1]
		l.Open = append(l.Open, TextUnit{rules.UnitAnchor(u.At), c.g.units.Label(c.l, u.At)})
		e := &v.Lines[sp.Last-1]
		e.Close = append(e.Close, struct{}{})
	}
	return v, nil
}
