package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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
	if docs == nil || *docs.Before.Count != attached(ka) || *docs.After.Count != attached(kb) || docs.Kind == "" {
		t.Errorf("document change: %+v", docs)
	}
	if docs != nil && len(docs.Added)+len(docs.Removed) == 0 {
		t.Errorf("the issue lists of 2013 and 2023 differ; no document listed as added or removed")
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
	if ct.Short == "" || ct.Unit == "" || ct.Anchor == "" || len(ct.Lines) == 0 || !strings.HasPrefix(ct.Key, ct.Act+"|") {
		t.Errorf("citation %+v", ct)
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
	got := stems("Рұқсат", v)
	if got == "" || strings.Contains(got, "knb") {
		t.Errorf("stems %q: want the words, not the identifiers", got)
	}
}
