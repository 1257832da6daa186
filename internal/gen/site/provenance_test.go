package site

import (
	"reflect"
	"testing"

	"ruqsat/internal/rules"
)

// kinds lists a notice list as "kind:act" strings.
func kinds(ns []ProvNotice) map[string]ProvNotice {
	m := map[string]ProvNotice{}
	for _, n := range ns {
		m[n.Kind+":"+n.Act.ID] = n
	}
	return m
}

// citesActs lists the acts an edition's page data cites.
func citesActs(v any) map[string]bool {
	m := map[string]bool{}
	for _, ct := range collectCites(reflect.ValueOf(v)) {
		m[ct.Act] = true
	}
	return m
}

// The notice at the top of an edition appears exactly where its facts
// rest on a text the act data marks unofficial (the 2023 order's English
// machine translation in the test rules) and nowhere else.
func TestProvenanceTranslation(t *testing.T) {
	s := fixture(t)
	sawTranslation := false
	for _, l := range rules.Langs {
		c := loc{New(s, today), l}
		for _, e := range s.Editions {
			v := c.edition(e)
			// An act all of whose texts in the sources are unofficial.
			unofficial := map[string]*rules.Seed{}
			for id := range citesActs(v) {
				a := s.Acts[id]
				if a == nil || len(a.Seeds) == 0 {
					continue
				}
				all := true
				for _, sd := range a.Seeds {
					all = all && !sd.Official
				}
				if all {
					unofficial[id] = &a.Seeds[0]
				}
			}
			got := kinds(v.Provenance)
			for id, sd := range unofficial {
				n, ok := got["translation:"+id]
				if !ok {
					t.Errorf("%s %s/%s: facts cite %s, whose only text is unofficial, but no notice says so: %+v", l, e.Service, e.Edition, id, v.Provenance)
					continue
				}
				sawTranslation = true
				if n.Lang != string(sd.Lang) || n.Source == nil || n.Source.Text == "" || n.Act.Short == "" {
					t.Errorf("%s %s/%s: the notice does not name the text: %+v", l, e.Service, e.Edition, n)
				}
			}
			for k, n := range got {
				if n.Kind == "translation" && unofficial[n.Act.ID] == nil {
					t.Errorf("%s %s/%s: notice %s, but %s has an official text", l, e.Service, e.Edition, k, n.Act.ID)
				}
				if n.Kind != "translation" {
					t.Errorf("%s %s/%s: notice %s, but no act in the test rules is a copy or secondary", l, e.Service, e.Edition, k)
				}
			}
		}
	}
	if !sawTranslation {
		t.Error("no edition of the test rules rests on an unofficial translation: the test checks nothing")
	}
	// The 2023 edition by name, as the issue describes it.
	v := loc{New(s, today), rules.EN}.edition(s.Edition("sts-license", "2023"))
	if _, ok := kinds(v.Provenance)["translation:knb-2023-1"]; !ok {
		t.Errorf("the 2023 edition has no machine-translation notice: %+v", v.Provenance)
	}
	v = loc{New(s, today), rules.EN}.edition(s.Edition("sts-license", "2013"))
	if _, ok := kinds(v.Provenance)["translation:knb-2023-1"]; ok && !citesActs(v)["knb-2023-1"] {
		t.Errorf("the 2013 edition has the 2023 notice without citing it")
	}
}

// A copy of an official text, or a secondary source, marked on the act's
// seed (authority), gives its notice on every edition that cites the act,
// with the seed's publisher and addresses, and only there.
func TestProvenanceCopyAndSecondary(t *testing.T) {
	for _, authority := range []string{"copy", "secondary"} {
		s := fixture(t)
		a := s.Acts["gov-2013-50"]
		if a == nil || len(a.Seeds) == 0 {
			t.Fatal("the test rules have no gov-2013-50 with a seed")
		}
		a.Seeds[0].Authority = authority
		a.Seeds[0].URL = "https://example.org/copy"
		a.Seeds[0].CopyOf = "https://adilet.zan.kz/kaz/docs/P1300000050"
		a.Seeds[0].Publisher = &rules.Texts{EN: &rules.LangText{Text: "a copy kept by someone"}}
		c := loc{New(s, today), rules.EN}
		with, without := 0, 0
		for _, e := range s.Editions {
			v := c.edition(e)
			n, ok := kinds(v.Provenance)[authority+":gov-2013-50"]
			switch cites := citesActs(v)["gov-2013-50"]; {
			case cites && !ok:
				t.Errorf("%s/%s cites gov-2013-50 (%s) without a notice", e.Service, e.Edition, authority)
			case !cites && ok:
				t.Errorf("%s/%s has a %s notice for gov-2013-50 without citing it", e.Service, e.Edition, authority)
			case ok:
				with++
				if n.URL != "https://example.org/copy" || n.CopyOf == "" || n.Source == nil || n.Source.Text != "a copy kept by someone" {
					t.Errorf("%s/%s: the notice does not name the copy: %+v", e.Service, e.Edition, n)
				}
			default:
				without++
			}
		}
		if with == 0 || without == 0 {
			t.Errorf("%s: %d editions with the notice, %d without: the test needs both", authority, with, without)
		}
	}
}
