package rules

import "testing"

func TestCitePath(t *testing.T) {
	a := &Act{ID: "x", Seeds: []Seed{{Lang: RU}, {Lang: KK}}, Outline: []Unit{
		{At: "p1", Lines: map[Lang]Span{RU: {1, 2}, KK: {1, 3}}},
		{At: "p1/sp1", Lines: map[Lang]Span{KK: {2, 2}}},
	}}
	a.units = map[string]int{"p1": 0, "p1/sp1": 1}
	mentioned := &Act{ID: "y"}
	for _, c := range []struct {
		a    *Act
		l    Lang
		at   string
		want string
	}{
		{a, RU, "p1", "acts/x/text/ru/#u-p1"},
		{a, KK, "p1", "acts/x/text/kk/#u-p1"},
		{a, EN, "p1", "acts/x/text/ru/#u-p1"},         // no English text: the first the act has
		{a, RU, "p1/sp1", "acts/x/text/kk/#u-p1-sp1"}, // only the Kazakh text has the unit
		{a, RU, "p9", "acts/x/#u-p9"},                 // not in the outline: the act's page
		{a, RU, "", "acts/x/text/ru/"},
		{mentioned, RU, "p1", "acts/y/#u-p1"}, // no text in the sources
	} {
		if got := c.a.CitePath(c.l, c.at); got != c.want {
			t.Errorf("%s %s %q: %q, want %q", c.a.ID, c.l, c.at, got, c.want)
		}
	}
}
