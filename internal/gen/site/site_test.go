package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"ruqsat/internal/rules"
	"ruqsat/internal/testrules"
)

// The page data is computed from the frozen test rules (testdata/fixture),
// so these tests do not change when legal staff edit the real rules.

func fixture(t *testing.T) *rules.Set {
	t.Helper()
	dir := t.TempDir()
	if err := testrules.Prepare(dir); err != nil {
		t.Fatal(err)
	}
	s, probs, err := rules.Load(os.DirFS(dir))
	if err != nil || len(probs) > 0 {
		t.Fatalf("loading the test rules: %v %v", err, probs)
	}
	return s
}

const today = "2026-06-01"

func TestEveryPageHasItsLayout(t *testing.T) {
	s := fixture(t)
	pages, err := New(s, today).Render()
	if err != nil {
		t.Fatal(err)
	}
	root, err := testrules.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	paths := map[rules.Lang][]string{}
	for l, ps := range pages.ByLang {
		seen := map[string]bool{}
		for _, p := range ps {
			if seen[p.Path] {
				t.Errorf("%s: two pages at %q", l, p.Path)
			}
			seen[p.Path] = true
			paths[l] = append(paths[l], p.Path)
			if _, err := os.Stat(filepath.Join(root, "layouts", p.Layout+".html")); err != nil {
				t.Errorf("%s %q: no layout %s.html", l, p.Path, p.Layout)
			}
			for _, o := range p.Outputs {
				if o != "html" {
					if _, err := os.Stat(filepath.Join(root, "layouts", p.Layout+"."+o+".xml")); err != nil {
						t.Errorf("%s %q: no layout for output %s", l, p.Path, o)
					}
				}
			}
		}
	}
	// Every page exists in every language: the language switch links them.
	if a, b := strings.Join(paths[rules.RU], ","), strings.Join(paths[rules.KK], ","); a != b {
		t.Errorf("ru and kk have different pages:\n%s\n%s", a, b)
	}
	if a, b := strings.Join(paths[rules.RU], ","), strings.Join(paths[rules.EN], ","); a != b {
		t.Errorf("ru and en have different pages:\n%s\n%s", a, b)
	}
}

func TestPageDataIsDeterministic(t *testing.T) {
	s := fixture(t)
	var first map[string][]byte
	for i := 0; i < 5; i++ {
		pages, err := New(s, today).Render()
		if err != nil {
			t.Fatal(err)
		}
		files, err := pages.Files()
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = files
			continue
		}
		for name, b := range files {
			if !bytes.Equal(b, first[name]) {
				t.Fatalf("%s differs between two runs: Hugo would re-render every page on every edit", name)
			}
		}
	}
}

func TestCompareEditions(t *testing.T) {
	s := fixture(t)
	c := loc{New(s, today), rules.EN}
	a, b := s.Edition("sts-license", "2013"), s.Edition("sts-license", "2023")
	cmp := c.compare(a, b)
	if cmp.From != "2013" || cmp.To != "2023" {
		t.Fatalf("compared %s → %s", cmp.From, cmp.To)
	}
	var fee, docs *ChangeRow
	for i, ch := range cmp.Changes {
		switch {
		case ch.What == "fee" && fee == nil:
			fee = &cmp.Changes[i]
		case ch.What == "documents" && docs == nil:
			docs = &cmp.Changes[i]
		}
	}
	// 2013 says a fee is due without an amount; 2023 gives it in MCI.
	if fee == nil || fee.Before.Fee == nil || fee.Before.Fee.MCI != "" || fee.Before.Fee.Free || fee.After.Fee.MCI == "" {
		t.Errorf("fee change: %+v", fee)
	}
	if fee != nil && fee.After.Fee.KZT != "" {
		t.Errorf("a comparison shows fees in MCI only, got tenge %q", fee.After.Fee.KZT)
	}
	ka, kb := a.Kind("issue"), b.Kind("issue")
	if docs == nil || docs.Kind == "" {
		t.Fatalf("document change: %+v", docs)
	}
	if both := ka.DocumentsRest == nil && kb.DocumentsRest == nil; both != (docs.Before != nil) {
		t.Errorf("document counts shown %v, both lists complete %v", docs.Before != nil, both)
	} else if both && (*docs.Before.Count != documents(ka) || *docs.After.Count != documents(kb)) {
		t.Errorf("document counts %d → %d, want %d → %d", *docs.Before.Count, *docs.After.Count, documents(ka), documents(kb))
	}
	if len(docs.Added)+len(docs.Removed)+len(docs.NotComparable) == 0 {
		t.Errorf("the issue lists of 2013 and 2023 differ; no document listed as added, removed or not comparable")
	}
	if len(docs.CiteFrom) == 0 || len(docs.CiteTo) == 0 {
		t.Errorf("the document row is not cited on both sides: %+v", docs)
	}
	// The same edition compared with itself changes nothing.
	if same := c.compare(b, b); len(same.Changes) != 0 {
		t.Errorf("an edition differs from itself: %+v", same.Changes)
	}
}

func TestFeeInTenge(t *testing.T) {
	s := fixture(t)
	g := New(s, today)
	kzt, from := CurrentMCI(s.MCI, today)
	if kzt == 0 {
		t.Fatal("the test rules have no MCI for", today)
	}
	k := s.Edition("sts-license", "2023").Kind("issue")
	if k == nil || k.Fee.MCI == nil {
		t.Fatal("the 2023 issue fee is not in MCI")
	}
	f := loc{g, rules.RU}.fee(k.Fee, false)
	if f.MCI == "" || f.KZT == "" || f.Rate == "" || !strings.Contains(f.RateFrom, from[:4]) {
		t.Errorf("fee %+v at MCI %d from %s", f, kzt, from)
	}
	// Before the first MCI in the table, no tenge are given.
	early := loc{New(s, "1990-01-01"), rules.RU}.fee(k.Fee, false)
	if early.KZT != "" || early.MCI == "" {
		t.Errorf("fee before any MCI: %+v", early)
	}
}

func TestCitations(t *testing.T) {
	s := fixture(t)
	c := loc{New(s, today), rules.KK}
	e := s.Edition("sts-license", "2023")
	ct := c.cite(e.Name.Cite[0])
	if ct.Short == "" || ct.Unit == "" || len(ct.Lines) == 0 || !strings.HasPrefix(ct.Key, ct.Act+"|") {
		t.Errorf("citation %+v", ct)
	}
	// A Kazakh reader is sent to the words of the act in a language the
	// act has, at the unit's anchor: the 2023 order is in the sources in
	// English only.
	if want := "acts/" + ct.Act + "/text/en/#" + rules.UnitAnchor(e.Name.Cite[0].At); ct.Act != "knb-2023-1" || ct.Path != want {
		t.Errorf("citation leads to %q, want %q", ct.Path, want)
	}
	// A citation of an act the rules do not hold is shown by its id.
	unknown := c.cite(rules.Cite{Act: "no-such-act", At: "p/1"})
	if unknown.Short != "" || unknown.Key != "no-such-act" {
		t.Errorf("citation of an unknown act: %+v", unknown)
	}
	// Every page's data marshals, with the texts in the page's language.
	pages, err := New(s, today).Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages.ByLang[rules.KK] {
		if _, err := json.Marshal(p); err != nil {
			t.Errorf("%s: %v", p.Path, err)
		}
	}
}

func TestGaps(t *testing.T) {
	s := fixture(t)
	c := loc{New(s, today), rules.EN}
	no := false
	if g := c.gap(rules.Gap{Applies: &no}); g == nil || !g.NA {
		t.Errorf("not applicable: %+v", g)
	}
	if g := c.gap(rules.Gap{}); g != nil {
		t.Errorf("a known fact has a gap: %+v", g)
	}
	g := c.gap(rules.Gap{Unknown: "elsewhere", See: "knb-2023-1"})
	if g == nil || g.Reason == "" || g.Reason == "elsewhere" || g.See == nil || g.See.Short == "" {
		t.Errorf("gap elsewhere: %+v", g)
	}
}

func TestStems(t *testing.T) {
	v := Fact{Text: &Text{Text: "Лицензиялар беру"}, Cite: []Cite{{Key: "knb-2023-1|p/5", Act: "knb-2023-1"}}}
	view, err := encodeJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	got := stems("Рұқсат", view)
	if got == "" || strings.Contains(got, "knb") {
		t.Errorf("stems %q: want the words, not the identifiers", got)
	}
}

// TestCompareNeverInvents checks every comparison of the test rules and of
// the real rules: a document is "removed" only when the newer list is
// complete in the sources, "added" only when the older one is, counts are
// compared only between complete lists, and every row is cited on the
// sides that state it.
func TestCompareNeverInvents(t *testing.T) {
	sets := map[string]*rules.Set{"test rules": fixture(t)}
	if root, err := testrules.RepoRoot(); err == nil {
		s, probs, err := rules.Load(os.DirFS(root))
		if err != nil || len(probs) > 0 {
			t.Fatalf("loading the rules: %v %v", err, probs)
		}
		sets["rules"] = s
	}
	for name, s := range sets {
		c := loc{New(s, today), rules.EN}
		claims := 0
		for _, sv := range s.Services {
			for i := 1; i < len(sv.Editions); i++ {
				a, b := sv.Editions[i-1], sv.Editions[i]
				for _, ch := range c.compare(a, b).Changes {
					where := name + " " + sv.ID + " " + a.Edition + "→" + b.Edition + " " + ch.What + " " + ch.Kind
					if len(ch.CiteFrom) == 0 && len(ch.CiteTo) == 0 {
						t.Errorf("%s: the row cites neither edition", where)
					}
					if ch.What != "documents" {
						continue
					}
					var ka, kb *rules.Kind
					for j := range b.Kinds.Items {
						if c.vocab("kinds", b.Kinds.Items[j].ID) == ch.Kind {
							kb = &b.Kinds.Items[j]
							ka = a.Kind(kb.ID)
						}
					}
					if ka == nil || kb == nil {
						t.Fatalf("%s: kind not found", where)
					}
					if len(ch.Removed) > 0 && kb.DocumentsRest != nil {
						t.Errorf("%s: claims %q removed although the %s list is incomplete in the sources", where, ch.Removed, b.Edition)
					}
					if len(ch.Added) > 0 && ka.DocumentsRest != nil {
						t.Errorf("%s: claims %q added although the %s list is incomplete in the sources", where, ch.Added, a.Edition)
					}
					if ch.Before != nil && (ka.DocumentsRest != nil || kb.DocumentsRest != nil) {
						t.Errorf("%s: compares counts of an incomplete list", where)
					}
					claims += len(ch.Added) + len(ch.Removed) + len(ch.NotComparable)
				}
			}
		}
		if claims == 0 {
			t.Errorf("%s: no document differences at all; the test checks nothing", name)
		}
	}
}

// TestIncompleteListNotRemoved makes the newer list of a comparison
// incomplete: what it lacks is no longer "removed" but not comparable.
func TestIncompleteListNotRemoved(t *testing.T) {
	s := fixture(t)
	c := loc{New(s, today), rules.EN}
	a := s.Edition("sts-license", "2013")
	b := *s.Edition("sts-license", "2023")
	b.Kinds.Items = append([]rules.Kind(nil), b.Kinds.Items...)
	var full *ChangeRow
	for _, ch := range c.compare(a, &b).Changes {
		if ch.What == "documents" && ch.Kind == c.vocab("kinds", "issue") {
			full = &ch
		}
	}
	for i := range b.Kinds.Items {
		if b.Kinds.Items[i].ID == "issue" {
			b.Kinds.Items[i].DocumentsRest = &rules.Rest{Gap: rules.Gap{Unknown: "not-in-sources"}}
		}
	}
	var cut *ChangeRow
	for _, ch := range c.compare(a, &b).Changes {
		if ch.What == "documents" && ch.Kind == c.vocab("kinds", "issue") {
			cut = &ch
		}
	}
	if full == nil || cut == nil {
		t.Fatal("no document row")
	}
	if len(cut.Removed) != 0 || cut.Before != nil {
		t.Errorf("with the newer list incomplete: removed %q, counts %v", cut.Removed, cut.Before)
	}
	if len(full.Removed) > 0 && len(cut.NotComparable) < len(full.Removed) {
		t.Errorf("removed %q became not comparable %q", full.Removed, cut.NotComparable)
	}
	if len(cut.Incomplete) != 1 || cut.Incomplete[0] != "2023" {
		t.Errorf("incomplete editions %q, want [2023]", cut.Incomplete)
	}
}

// TestDocumentsCountAlternatives: alternatives for different applicants
// under one item of the act count once; two documents one applicant gives
// under one item count twice; fetched documents not at all.
func TestDocumentsCountAlternatives(t *testing.T) {
	at := func(u string) rules.Cites { return rules.Cites{{Act: "x", At: u}} }
	k := &rules.Kind{Documents: rules.List[rules.Document]{Items: []rules.Document{
		{ID: "application", Cite: at("p4/sp1")},
		{ID: "charter", When: map[string][]string{"applicant": {"legal-entity"}}, Cite: at("p4/sp2")},
		{ID: "registration", When: map[string][]string{"applicant": {"legal-entity"}}, Cite: at("p4/sp2")},
		{ID: "identity", When: map[string][]string{"applicant": {"individual"}}, Cite: at("p4/sp2")},
		{ID: "ie-certificate", When: map[string][]string{"applicant": {"individual-entrepreneur"}}, Cite: at("p4/sp2")},
		{ID: "receipt", When: map[string][]string{"payment": {"bank"}}, Cite: at("p4/sp3")},
		{ID: "state-data", Fetched: true, Cite: at("p4/sp3")},
	}}}
	if n := documents(k); n != 4 {
		t.Errorf("documents = %d, want 4 (application; charter or identity or IE certificate; registration; receipt)", n)
	}
}

// TestActText checks the act's text as the site shows it: every line of
// the source once, in order; every unit of the outline wrapping exactly
// its lines, so that its anchor lands on the cited words.
func TestActText(t *testing.T) {
	s := fixture(t)
	checked := 0
	for _, a := range s.ActsByDate() {
		for _, sd := range a.Seeds {
			for _, l := range rules.Langs {
				v, err := loc{New(s, today), l}.actText(a, sd)
				if err != nil {
					t.Fatal(err)
				}
				src := s.Seeds[sd.File]
				if len(v.Lines) != len(src) {
					t.Fatalf("%s %s: %d lines, the source has %d", a.ID, sd.Lang, len(v.Lines), len(src))
				}
				if v.Reader != (sd.Lang == l) {
					t.Errorf("%s %s for %s: reader %v", a.ID, sd.Lang, l, v.Reader)
				}
				// Replay the wrapping: each unit must open at its first
				// line and close after its last.
				type opened struct {
					anchor string
					at     int
				}
				var stack []opened
				spans := map[string][2]int{}
				for i, ln := range v.Lines {
					if ln.N != i+1 || ln.Text != src[i] {
						t.Fatalf("%s %s: line %d is %d %q", a.ID, sd.Lang, i+1, ln.N, ln.Text)
					}
					for _, u := range ln.Open {
						stack = append(stack, opened{u.Anchor, ln.N})
					}
					for range ln.Close {
						if len(stack) == 0 {
							t.Fatalf("%s %s: line %d closes a unit that is not open", a.ID, sd.Lang, ln.N)
						}
						o := stack[len(stack)-1]
						stack = stack[:len(stack)-1]
						if _, dup := spans[o.anchor]; dup {
							t.Errorf("%s %s: %s wrapped twice", a.ID, sd.Lang, o.anchor)
						}
						spans[o.anchor] = [2]int{o.at, ln.N}
					}
				}
				if len(stack) != 0 {
					t.Errorf("%s %s: %d units never closed", a.ID, sd.Lang, len(stack))
				}
				for _, u := range a.Outline {
					sp, ok := u.Lines[sd.Lang]
					if !ok {
						continue
					}
					if got := spans[rules.UnitAnchor(u.At)]; got != [2]int{sp.First, sp.Last} {
						t.Errorf("%s %s: unit %s wraps lines %v, the outline says %d–%d", a.ID, sd.Lang, u.At, got, sp.First, sp.Last)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no unit of any act's text was checked")
	}
}

// TestActWording checks that where a text is ours, the act's own wording
// in another language comes with it, and never where the text is the
// act's own.
func TestActWording(t *testing.T) {
	s := fixture(t)
	g := New(s, today)
	tx := rules.Texts{
		RU: &rules.LangText{Text: "слова акта", Official: true},
		KK: &rules.LangText{Text: "біздің аударма"},
		EN: &rules.LangText{Text: "our translation"},
	}
	if v := (loc{g, rules.RU}).text(tx); v.Act != nil || !v.Official {
		t.Errorf("ru, the act's own wording: %+v", v)
	}
	for _, l := range []rules.Lang{rules.KK, rules.EN} {
		v := loc{g, l}.text(tx)
		if v.Official || v.Act == nil || v.Act.Lang != "ru" || v.Act.Text != "слова акта" {
			t.Errorf("%s, our translation: %+v, want the Russian wording beside it", l, v)
		}
	}
	ours := rules.Texts{RU: &rules.LangText{Text: "а"}, KK: &rules.LangText{Text: "ә"}, EN: &rules.LangText{Text: "a"}}
	if v := (loc{g, rules.EN}).text(ours); v.Act != nil {
		t.Errorf("no official wording anywhere, yet %+v", v.Act)
	}
}

// TestGapsCited: a gap that cites where the act shows it (a list cut off,
// a payment the act leaves to another) keeps its citation on the edition's
// page, wherever in the edition the gap is.
func TestGapsCited(t *testing.T) {
	s := fixture(t)
	for _, l := range rules.Langs {
		c := loc{New(s, today), l}
		n := 0
		for _, sv := range s.Services {
			for _, e := range sv.Editions {
				b, err := json.Marshal(c.edition(e))
				if err != nil {
					t.Fatal(err)
				}
				rules.EachGap(e, func(g *rules.Gap) {
					for _, ct := range g.GapCite {
						n++
						if key := c.cite(ct).Key; !strings.Contains(string(b), `"key":`+strconv.Quote(key)) {
							t.Errorf("%s %s/%s: the gap's citation %s is not on the page", l, e.Service, e.Edition, key)
						}
					}
				})
			}
		}
		if n < 8 {
			t.Errorf("%s: %d cited gaps in the fixture, want at least 8: the test would prove little", l, n)
		}
	}
}

// A kind with channels of its own shows them, in the page's language; a
// kind without shows none (the edition's apply).
func TestKindChannels(t *testing.T) {
	s := fixture(t)
	var k rules.Kind
	for _, sv := range s.Services {
		for _, e := range sv.Editions {
			if e.Kinds.Known() && len(e.Kinds.Items) > 0 {
				k = e.Kinds.Items[0]
			}
		}
	}
	if k.ID == "" {
		t.Fatal("the test rules have no application kind")
	}
	for _, l := range rules.Langs {
		c := loc{New(s, today), l}
		if v := c.kind(k); v.Channels != nil {
			t.Errorf("%s %s: channels %+v without channels of its own", l, k.ID, v.Channels)
		}
		own := k
		own.Channels = &rules.IDs{Value: []string{"in-person", "post"}}
		v := c.kind(own)
		want := []string{c.vocab("channels", "in-person"), c.vocab("channels", "post")}
		if v.Channels == nil || strings.Join(v.Channels.Labels, "|") != strings.Join(want, "|") {
			t.Errorf("%s %s: channels %+v, want %v", l, k.ID, v.Channels, want)
		}
	}
}

// TestViewFiles checks where each page's data goes: a file of its own,
// views/<lang>/<key>.json, which layouts/_partials/view.html reads by the
// page's key, holding that page's data and no other; plus each language's
// "_site" view. Two pages with one key would share a file: the count
// catches it. Render keeps the data as JSON only.
func TestViewFiles(t *testing.T) {
	pages, err := New(fixture(t), today).Render()
	if err != nil {
		t.Fatal(err)
	}
	files, err := pages.Files()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for l, ps := range pages.ByLang {
		want++
		if _, ok := files["views/"+string(l)+"/_site.json"]; !ok {
			t.Errorf("%s: no _site view", l)
		}
		for _, p := range ps {
			if p.Params.V != nil {
				t.Errorf("%s (%s): Render kept the page's data as Go values", p.Path, l)
			}
			if p.Params.View == nil {
				continue
			}
			want++
			name := "views/" + string(l) + "/" + p.Params.Key + ".json"
			b, ok := files[name]
			if !ok {
				t.Errorf("%s (%s): no %s", p.Path, l, name)
				continue
			}
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil || len(v) == 0 {
				t.Errorf("%s: not a page's data (%v)", name, err)
			}
			if !bytes.Equal(b, p.Params.View) {
				t.Errorf("%s does not hold the data of page %q", name, p.Path)
			}
		}
	}
	n := 0
	for name := range files {
		if strings.HasPrefix(name, "views/") {
			n++
		}
	}
	if n != want {
		t.Errorf("%d view files, want %d (one per page with data and language, and _site)", n, want)
	}
}
