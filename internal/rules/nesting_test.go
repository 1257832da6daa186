package rules

import (
	"slices"
	"testing"
)

func TestNested(t *testing.T) {
	a := &Act{Outline: []Unit{
		{At: "p1/sp1", Lines: map[Lang]Span{RU: {3, 4}}},
		{At: "p1", Lines: map[Lang]Span{RU: {2, 6}, KK: {1, 1}}},
		{At: "p2", Lines: map[Lang]Span{RU: {7, 9}}},
		{At: "p2/sp1", Lines: map[Lang]Span{RU: {7, 9}}}, // a part and its only sub-part
		{At: "p3", Lines: map[Lang]Span{RU: {8, 12}}},    // begins inside p2, ends after it
		{At: "p4", Lines: map[Lang]Span{RU: {14, 13}}},   // reversed: lint's ref/lines-reversed
	}}
	units, crossing := a.Nested(RU)
	var got []string
	for _, u := range units {
		got = append(got, u.At)
	}
	if want := []string{"p1", "p1/sp1", "p2", "p2/sp1"}; !slices.Equal(got, want) {
		t.Errorf("opening order %v, want %v", got, want)
	}
	if len(crossing) != 1 || crossing[0].Unit.At != "p3" || crossing[0].Outer.At != "p2/sp1" {
		t.Errorf("crossing %+v, want p3 across p2/sp1", crossing)
	}
	if units, crossing := a.Nested(KK); len(units) != 1 || len(crossing) != 0 {
		t.Errorf("Kazakh text: %d units, %d crossing; want only p1", len(units), len(crossing))
	}
}
