package checker_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ruqsat/checker"
	"ruqsat/internal/testrules"
)

// wantVerdict reads the verdict an example's name promises.
func wantVerdict(name string) checker.Verdict {
	switch {
	case strings.Contains(name, "-fail-"):
		return checker.Fail
	case strings.Contains(name, "-cannot-"):
		return checker.CannotCheck
	}
	return checker.Pass
}

// TestExamples checks that every committed example package (or those of the
// tree in RUQSAT_ROOT) gets the verdict its name says against the committed
// checklists, and that every finding is explained in all three languages.
// Its expectations come from the examples' names, so it holds for any
// correct edit of the rules followed by `ruqsat gen`.
func TestExamples(t *testing.T) {
	root, err := testrules.DataRoot()
	if err != nil {
		t.Fatal(err)
	}
	ck := checkerAt(t, root)
	dir := filepath.Join(root, "examples")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Name() == "README.md" {
			continue
		}
		n++
		name := strings.TrimSuffix(e.Name(), ".zip")
		t.Run(e.Name(), func(t *testing.T) {
			rep := ck.CheckPath(filepath.Join(dir, e.Name()), checker.Options{Today: "2026-11-29"})
			if rep.Filed > "2026-11-29" && !strings.Contains(name, "-future-") {
				// An example of an edition still to come is filed on a day
				// in its period: checked as of that day, as an applicant
				// would then.
				rep = ck.CheckPath(filepath.Join(dir, e.Name()), checker.Options{Today: rep.Filed})
			}
			if want := wantVerdict(name); rep.Verdict != want {
				t.Errorf("verdict %s, want %s; findings:\n%s", rep.Verdict, want, dump(rep))
			}
			for _, f := range rep.Findings {
				for _, l := range checker.Langs {
					if strings.TrimSpace(f.Message[l]) == "" || strings.Contains(f.Message[l], "{") {
						t.Errorf("%s: message in %s is %q", f.Code, l, f.Message[l])
					}
				}
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d examples", n)
	}
}

func dump(r *checker.Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString("  " + string(f.Severity) + " " + f.Code + ": " + f.Message["en"] + "\n")
	}
	return b.String()
}

// TestExampleFindings pins the finding each failing example exists for, on
// the examples generated for the test rule set.
func TestExampleFindings(t *testing.T) {
	ck := newChecker(t)
	dir := filepath.Join(fixtureRoot(t), "examples")
	cases := map[string]string{
		"sts-license-2023-issue-fail-wrong-fee":          "fee/mismatch",
		"sts-license-2023-issue-fail-bad-bin":            "applicant/bin-invalid",
		"sts-license-2023-issue-fail-missing-bin":        "applicant/bin-missing",
		"sts-license-2023-issue-fail-wrong-file-type":    "document/file-type",
		"sts-license-2023-issue-fail-broken-pdf":         "document/pdf-broken",
		"sts-license-2023-issue-fail-encrypted-pdf":      "document/pdf-encrypted",
		"sts-license-2023-issue-fail-empty-file":         "document/file-empty",
		"sts-license-2023-issue-fail-missing-file":       "document/file-missing",
		"sts-license-2023-issue-fail-missing-document":   "document/missing",
		"sts-license-2023-issue-fail-unknown-item":       "document/unknown",
		"sts-license-2023-issue-fail-bad-answer":         "answer/invalid",
		"sts-license-2023-issue-fail-unknown-subspecies": "subspecies/unknown",
		"sts-license-2023-issue-fail-future-date":        "date/future",
		"sts-license-2023-issue-fail-fee-after-filing":   "date/fee-after-filing",
		"sts-license-2023-issue-fail-missing-fee":        "fee/missing",
		"sts-license-2023-issue-fail-unknown-field":      "document/unknown",
		"sts-license-2023-renewal-fail-late-renewal":     "renewal/late",
		"sts-license-2023-renewal-fail-no-change-date":   "renewal/no-change",
		"sts-license-2023-renewal-fail-wrong-fee":        "fee/mismatch",
		"sts-license-2013-issue-fail-bad-iin":            "applicant/iin-invalid",
		"cipf-license-2023-issue-cannot-not-in-sources":  "edition/not-in-sources",
		"sts-license-2023-issue-pass-individual-gateway": "document/not-signed",
		"sts-license-2023-issue-fail-broken-signature":   "document/cms-broken",
		"sts-license-2023-issue-fail-broken-image":       "document/image-broken",
		"sts-license-2023-issue-fail-missing-answer":     "answer/missing",
		"sts-license-2023-issue-fail-unknown-question":   "answer/unknown",
		"sts-license-2023-issue-fail-missing-subspecies": "subspecies/missing",
		"sts-license-2023-issue-fail-bad-path":           "document/bad-path",
		"sts-import-export-2013-issue-pass-with-fee":     "fee/not-due",
		"sts-import-export-2013-issue-pass-out-of-force": "edition/not-in-force",
		"sts-license-2023-issue-pass-near-start":         "edition/uncertain",
		"sts-license-2023-issue-fail-wrong-type":         "manifest/type",
		"sts-license-2023-issue-fail-bad-date":           "manifest/format",
		"sts-license-2023-issue-fail-short-bin":          "manifest/pattern",
		"sts-license-2023-issue-cannot-bad-manifest":     "manifest/syntax",
		"sts-license-2023-issue-cannot-unknown-kind":     "kind/unknown",
	}
	// One package shows the warnings and notes that do not fail it.
	for _, code := range []string{"document/extension", "document/not-required", "document/fetched", "package/unused-file"} {
		cases["sts-license-2023-issue-pass-with-warnings#"+code] = code
	}
	for key, code := range cases {
		name, _, _ := strings.Cut(key, "#")
		rep := ck.CheckPath(filepath.Join(dir, name), checker.Options{Today: "2026-11-29"})
		found := false
		for _, f := range rep.Findings {
			found = found || f.Code == code
		}
		if !found {
			t.Errorf("%s: no %s finding; got:\n%s", name, code, dump(rep))
		}
	}
}
