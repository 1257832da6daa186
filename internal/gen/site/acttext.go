package site

import (
	"fmt"
	"sort"

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
	type unit struct {
		sp    rules.Span
		depth int
		u     TextUnit
	}
	var us []unit
	for _, u := range a.Outline {
		sp, ok := u.Lines[sd.Lang]
		if !ok {
			continue
		}
		if sp.First < 1 || sp.Last > len(src) || sp.First > sp.Last {
			return nil, fmt.Errorf("%s: unit %s: lines %d–%d not in %s", a.File, u.At, sp.First, sp.Last, sd.File)
		}
		us = append(us, unit{sp, len(u.At), TextUnit{rules.UnitAnchor(u.At), c.g.units.Label(c.l, u.At)}})
	}
	// Outer units open first: by first line, the longer first, then the
	// shorter path (a part and its only sub-part can share their lines).
	sort.SliceStable(us, func(i, j int) bool {
		a, b := us[i], us[j]
		if a.sp.First != b.sp.First {
			return a.sp.First < b.sp.First
		}
		if a.sp.Last != b.sp.Last {
			return a.sp.Last > b.sp.Last
		}
		return a.depth < b.depth
	})
	for i, line := range src {
		v.Lines[i] = TextLine{N: i + 1, Text: line}
	}
	var open []rules.Span
	for _, u := range us {
		for len(open) > 0 && open[len(open)-1].Last < u.sp.First {
			open = open[:len(open)-1]
		}
		if n := len(open); n > 0 && open[n-1].Last < u.sp.Last {
			return nil, fmt.Errorf("%s: unit %s crosses another unit in %s", a.File, u.u.Anchor, sd.File)
		}
		open = append(open, u.sp)
		l := &v.Lines[u.sp.First-1]
		l.Open = append(l.Open, u.u)
		e := &v.Lines[u.sp.Last-1]
		e.Close = append(e.Close, struct{}{})
	}
	return v, nil
}
