package checker_test

import (
	"strings"
	"testing"

	"ruqsat/checker"
)

// TestVerdicts pins the four outcomes: ready only for the edition in force
// on the filing date with every check run; an edition named that was not
// in force is an error naming the one that was, unless the check is
// explicitly historical; a package for another service than the page's is
// refused; every report ends with what no check can see.
func TestVerdicts(t *testing.T) {
	ck := newChecker(t)
	// The 2023 edition named for a filing in 2015, before it took effect
	// (by the test rules no edition was in force then).
	early := strings.NewReplacer(`filed: "2026-11-02"`, `filed: "2015-06-01"`, `date: "2026-10-30"`, `date: "2015-05-29"`, `paid: 86500`, `paid: 39640`).Replace(passManifest)
	cases := []struct {
		name      string
		text      string
		opt       checker.Options
		verdict   checker.Verdict
		code      string // a finding the report must give
		unchecked bool   // … listed as not checked
		says      string // … whose English message says this
	}{
		{"ready", passManifest, checker.Options{}, checker.Pass, "edition/chosen", false, "2023"},
		{"repealed edition", passManifest, checker.Options{Edition: "2013"}, checker.Fail, "edition/not-in-force", false, "The 2023 edition was"},
		{"edition not yet in force", early, checker.Options{}, checker.Fail, "edition/not-in-force", false, "No edition in the sources"},
		{"edition not yet in force, historical", early, checker.Options{Historical: true}, checker.Incomplete, "edition/historical", true, "cannot be ready"},
		{"other service's page", passManifest, checker.Options{Service: "cipf-license"}, checker.CannotCheck, "service/other-page", false, "this page checks packages for"},
		{"the page's own service", passManifest, checker.Options{Service: "sts-license"}, checker.Pass, "edition/chosen", false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := checkManifest(t, ck, "manifest.yaml", c.text, c.opt)
			if rep.Verdict != c.verdict {
				t.Fatalf("verdict %s, want %s\n%s", rep.Verdict, c.verdict, dump(rep))
			}
			var f *checker.Finding
			for i := range rep.Findings {
				if rep.Findings[i].Code == c.code {
					f = &rep.Findings[i]
				}
			}
			if f == nil {
				t.Fatalf("no %s finding\n%s", c.code, dump(rep))
			}
			if f.Unchecked != c.unchecked {
				t.Errorf("%s: unchecked %v, want %v", c.code, f.Unchecked, c.unchecked)
			}
			if !strings.Contains(f.Message["en"], c.says) {
				t.Errorf("%s says %q, want it to say %q", c.code, f.Message["en"], c.says)
			}
			if (rep.Verdict == checker.Incomplete) != (len(rep.NotChecked()) > 0 && rep.Verdict != checker.Fail && rep.Verdict != checker.CannotCheck) {
				t.Errorf("verdict %s with %d findings not checked", rep.Verdict, len(rep.NotChecked()))
			}
			if len(rep.CannotSee) < 4 {
				t.Fatalf("the report lists %d things no check can see", len(rep.CannotSee))
			}
			for _, m := range rep.CannotSee {
				for _, l := range checker.Langs {
					if strings.TrimSpace(m[l]) == "" {
						t.Errorf("a point of what the check cannot see has no %s text: %v", l, m)
					}
				}
			}
		})
	}
}

// TestIncompleteExamples checks that the examples of the test rule set
// whose checklists are partial in the sources are incomplete, never ready,
// and list what was not checked.
func TestIncompleteExamples(t *testing.T) {
	ck := newChecker(t)
	n := 0
	for _, s := range ck.Services() {
		for _, e := range s.Editions {
			for _, k := range e.Kinds {
				if !k.Partial {
					continue
				}
				n++
				rep := ck.CheckPath(fixtureRoot(t)+"/examples/"+s.ID+"-"+e.Edition+"-"+k.Kind+"-incomplete-partial-list", checker.Options{Today: "2026-11-29"})
				if rep.Verdict != checker.Incomplete {
					t.Errorf("%s %s %s: verdict %s, want incomplete\n%s", s.ID, e.Edition, k.Kind, rep.Verdict, dump(rep))
				}
				found := false
				for _, f := range rep.NotChecked() {
					found = found || f.Code == "checklist/partial"
				}
				if !found {
					t.Errorf("%s %s %s: checklist/partial is not among what was not checked", s.ID, e.Edition, k.Kind)
				}
			}
		}
	}
	if n == 0 {
		t.Error("the test rule set has no partial checklist")
	}
}
