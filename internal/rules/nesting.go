package rules

import (
	"slices"
	"strings"
)

// Crossing is a unit whose lines begin inside another unit's and end
// after it: the act's text could not wrap it.
type Crossing struct {
	Unit, Outer *Unit
	Lang        Lang
}

// Nested returns the units of act a that have lines in its text of
// language l, in the order they open in that text — outer units first: by
// first line, the longer first, then the shorter path (a part and its only
// sub-part can share their lines) — and the units that cross an open one,
// which are left out of the order. Units whose lines are reversed are left
// out (lint reports them: ref/lines-reversed).
//
// Lint reports the crossings (ref/lines-cross); the site wraps each unit's
// lines in the order given, which needs none.
func (a *Act) Nested(l Lang) ([]*Unit, []Crossing) {
	var us []*Unit
	for i := range a.Outline {
		if sp, ok := a.Outline[i].Lines[l]; ok && sp.First <= sp.Last {
			us = append(us, &a.Outline[i])
		}
	}
	slices.SortStableFunc(us, func(x, y *Unit) int {
		sx, sy := x.Lines[l], y.Lines[l]
		if sx.First != sy.First {
			return sx.First - sy.First
		}
		if sx.Last != sy.Last {
			return sy.Last - sx.Last
		}
		return strings.Count(x.At, "/") - strings.Count(y.At, "/")
	})
	var out []*Unit
	var crossing []Crossing
	var open []*Unit
	for _, u := range us {
		sp := u.Lines[l]
		for len(open) > 0 && open[len(open)-1].Lines[l].Last < sp.First {
			open = open[:len(open)-1]
		}
		if n := len(open); n > 0 && open[n-1].Lines[l].Last < sp.Last {
			crossing = append(crossing, Crossing{u, open[n-1], l})
			continue
		}
		open = append(open, u)
		out = append(out, u)
	}
	return out, crossing
}
