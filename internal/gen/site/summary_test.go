package site

import (
	"strings"
	"testing"

	"ruqsat/internal/coverage"
	"ruqsat/internal/rules"
)

// The summary at the top of a service page says what the current
// edition's data says: its main kind's fee today, term and documents as
// the act counts them, and the portals its contacts name, linked by the
// vocabulary's https addresses. Expectations come from the test rules.
func TestSummary(t *testing.T) {
	s := fixture(t)
	g := New(s, today)
	for _, l := range rules.Langs {
		c := loc{g, l}
		for _, sv := range s.Services {
			cur, _ := g.current(sv)
			d := c.service(sv).Glance
			if cur == nil {
				if d != nil {
					t.Errorf("%s %s: a summary without an edition", l, sv.ID)
				}
				continue
			}
			if d == nil || d.Edition != cur.Edition {
				t.Fatalf("%s %s: summary %+v, want the current edition %s", l, sv.ID, d, cur.Edition)
			}
			if !cur.Kinds.Known() {
				// What to do now instead of a procedure the sources lack.
				if d.Now == nil || d.Term != nil || d.Documents != nil {
					t.Errorf("%s %s: edition %s has no procedure in the sources; summary %+v", l, sv.ID, cur.Edition, d)
				} else if d.Now.Act == nil || d.Now.Act.ID != cur.Act {
					t.Errorf("%s %s: what to do now names act %+v, want %s", l, sv.ID, d.Now.Act, cur.Act)
				}
				// Where to read the rules: the act's and the amended
				// acts' publication addresses, each once.
				want := 0
				if a := s.Acts[cur.Act]; a != nil {
					want = len(a.Published)
					for _, id := range a.Amends {
						if am := s.Acts[id]; am != nil {
							want += len(am.Published)
						}
					}
				}
				if want == 0 {
					t.Errorf("%s %s: the test rules give no publication address for act %s or the acts it amends", l, sv.ID, cur.Act)
				}
				if len(d.Now.Published) != want {
					t.Errorf("%s %s: what to do now gives %d publication addresses, want %d", l, sv.ID, len(d.Now.Published), want)
				}
				for _, e := range sv.Editions {
					if e.Edition < cur.Edition && e.Kinds.Known() && d.Now.Last < e.Edition {
						t.Errorf("%s %s: last edition with a procedure %q, but %s has one", l, sv.ID, d.Now.Last, e.Edition)
					}
				}
				continue
			}
			k := &cur.Kinds.Items[0]
			if d.Now != nil || d.Kind != c.vocab("kinds", k.ID) || d.Fee == nil || d.Term == nil {
				t.Fatalf("%s %s: summary %+v for kind %s", l, sv.ID, d, k.ID)
			}
			if f := sv.FeeOn(k.ID, today); f != nil {
				if want := c.datedFee(*f, today); d.Fee.MCI != want.MCI || d.Fee.KZT != want.KZT || d.Fee.By == nil {
					t.Errorf("%s %s: fee today %+v, want the one set by %s: %+v", l, sv.ID, d.Fee, f.By, want)
				}
			} else if want := c.fee(k.Fee, false); d.Fee.MCI != want.MCI || d.Fee.KZT != want.KZT || d.Fee.Free != want.Free {
				t.Errorf("%s %s: fee %+v, want %+v", l, sv.ID, d.Fee, want)
			}
			if want := c.term(k.Term); (d.Term.Days == nil) != (want.Days == nil) || (want.Days != nil && *d.Term.Days != *want.Days) || d.Term.Unit != want.Unit {
				t.Errorf("%s %s: term %+v, want %+v", l, sv.ID, d.Term, want)
			}
			if k.Documents.Known() {
				n := d.Documents
				if n == nil || n.N != documents(k) || n.Always > n.N || n.More != (k.DocumentsRest != nil) || len(n.Cite) == 0 {
					t.Errorf("%s %s: documents %+v, want %d entries as the act counts them", l, sv.ID, n, documents(k))
				}
				// Every entry without conditions is needed in every case.
				plain := 0
				for _, grp := range documentGroups(k) {
					if len(grp) == 1 && len(grp[0].When) == 0 {
						plain++
					}
				}
				if n != nil && n.Always < plain {
					t.Errorf("%s %s: %d entries needed in every case, but %d have no condition", l, sv.ID, n.Always, plain)
				}
			}
			checkLinks(t, s, cur, d.Links)
		}
	}
}

// checkLinks: each portal the edition's contacts name is linked once, by
// the vocabulary's https address, and nothing else is.
func checkLinks(t *testing.T, s *rules.Set, e *rules.Edition, links []PortalLink) {
	t.Helper()
	want := map[string]string{}
	if e.Contacts.Known() {
		for _, w := range e.Contacts.Web {
			if p := s.Portals.PortalAt(w.URL); p != nil {
				want[p.ID] = p.URL
			}
		}
	}
	if len(links) != len(want) {
		t.Errorf("%s/%s: links %+v, want the portals %v", e.Service, e.Edition, links, want)
	}
	for _, ln := range links {
		if want[ln.ID] != ln.URL || !strings.HasPrefix(ln.URL, "https://") || ln.Label == "" || len(ln.Cite) == 0 {
			t.Errorf("%s/%s: link %+v, want %q, labelled and cited", e.Service, e.Edition, ln, want[ln.ID])
		}
	}
}

// A contact's web address is linked when the vocabulary knows it, and
// stays text otherwise.
func TestContactLinks(t *testing.T) {
	s := fixture(t)
	c := loc{New(s, today), rules.RU}
	seen := 0
	for _, e := range s.Editions {
		for _, w := range c.edition(e).Contacts.Web {
			p := s.Portals.PortalAt(w.URL)
			switch {
			case p == nil && w.Href != "":
				t.Errorf("%s/%s: %s linked to %s, which the vocabulary does not name", e.Service, e.Edition, w.URL, w.Href)
			case p != nil && w.Href != p.URL:
				t.Errorf("%s/%s: %s linked to %q, want %s", e.Service, e.Edition, w.URL, w.Href, p.URL)
			case p != nil:
				seen++
			}
		}
	}
	if seen == 0 {
		t.Error("no contact of the test rules is linked: the test tests nothing")
	}
}

// Where the sources lack an edition's procedure, each reason its facts
// are missing is said once, covering every missing fact exactly once.
func TestGapGroups(t *testing.T) {
	s := fixture(t)
	c := loc{New(s, today), rules.EN}
	tested := 0
	for _, e := range s.Editions {
		v := c.edition(e)
		if e.Kinds.Known() {
			if v.GapGroups != nil {
				t.Errorf("%s/%s: gap groups on an edition with its procedure", e.Service, e.Edition)
			}
			continue
		}
		tested++
		missing := map[string]bool{}
		for _, f := range coverage.Of(e).Facts {
			if f.Status != coverage.Known && f.Status != coverage.NA {
				missing[f.Fact] = true
			}
		}
		reasons := map[string]bool{}
		for _, grp := range v.GapGroups {
			if reasons[grp.Reason] {
				t.Errorf("%s/%s: reason %q said twice", e.Service, e.Edition, grp.Reason)
			}
			reasons[grp.Reason] = true
			for _, f := range grp.Facts {
				if !missing[f] {
					t.Errorf("%s/%s: %s listed twice or not missing", e.Service, e.Edition, f)
				}
				delete(missing, f)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s/%s: missing facts not said: %v", e.Service, e.Edition, missing)
		}
	}
	if tested == 0 {
		t.Error("the test rules have no edition without its procedure")
	}
}
