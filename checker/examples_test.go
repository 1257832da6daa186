package checker_test

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ruqsat/checker"
	"ruqsat/internal/gen/examples"
	"ruqsat/internal/testrules"
)

// wantVerdict reads the verdict an example's name promises.
func wantVerdict(name string) checker.Verdict {
	switch {
	case strings.Contains(name, "-fail-"):
		return checker.Fail
	case strings.Contains(name, "-cannot-"):
		return checker.CannotCheck
	case strings.Contains(name, "-incomplete-"):
		return checker.Incomplete
	}
	return checker.Pass
}

// TestExamples checks that every committed example package (or those of the
// tree in RUQSAT_ROOT) gets the verdict its name says against the committed
// checklists, and that every finding is explained in all three languages.
// It also checks the findings each manifest expects (# expect: …). Its
// expectations come from the examples themselves, so it holds for any
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
			if miss := missingFindings(rep, expected(t, filepath.Join(dir, e.Name()))); len(miss) > 0 {
				t.Errorf("no %s finding, which the manifest expects; got:\n%s", strings.Join(miss, ", "), dump(rep))
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

// expected reads the findings a generated example says it exists for (its
// manifest's "# expect:" line), from a folder or a zip.
func expected(t *testing.T, path string) []string {
	t.Helper()
	var b []byte
	var err error
	if strings.HasSuffix(path, ".zip") {
		var z *zip.ReadCloser
		if z, err = zip.OpenReader(path); err == nil {
			defer z.Close()
			var f io.ReadCloser
			if f, err = z.Open("manifest.yaml"); err == nil {
				b, err = io.ReadAll(f)
				f.Close()
			}
		}
	} else {
		b, err = os.ReadFile(filepath.Join(path, "manifest.yaml"))
	}
	if err != nil {
		t.Fatal(err)
	}
	return examples.Expected(b)
}

// missingFindings returns the codes of want that rep does not give.
func missingFindings(rep *checker.Report, want []string) []string {
	var out []string
	for _, code := range want {
		found := false
		for _, f := range rep.Findings {
			found = found || f.Code == code
		}
		if !found {
			out = append(out, code)
		}
	}
	return out
}

// coveredFindings are the kinds of finding the checker gives for a
// readable package: the examples generated for the test rule set must
// show every one (internal/gen/examples/scenarios.yaml).
var coveredFindings = []string{
	"answer/invalid", "answer/missing", "answer/unknown", "channel/not-allowed", "edition/overlap",
	"applicant/bin-invalid", "applicant/bin-missing", "applicant/iin-invalid",
	"date/fee-after-filing", "date/future",
	"document/bad-path", "document/cms-broken", "document/extension", "document/fetched",
	"document/file-empty", "document/file-missing", "document/file-type", "document/image-broken",
	"document/missing", "document/not-required", "document/not-signed", "document/pdf-broken",
	"document/pdf-encrypted", "document/unknown",
	"edition/not-in-force", "edition/not-in-sources", "edition/uncertain",
	"fee/mismatch", "fee/missing", "fee/not-due",
	"kind/unknown",
	"manifest/format", "manifest/pattern", "manifest/syntax", "manifest/type",
	"package/unused-file",
	"renewal/late", "renewal/no-change", "renewal/reason-not-in-act", "renewal/reason-applicant",
	"signature/content-changed", "signature/expired", "signature/no-document", "signature/other-signer",
	"signature/personal-key", "signature/smime", "signature/chain-not-checked", "signature/self-signed",
	"subspecies/missing", "subspecies/unknown",
}

// TestExampleFindings checks, on the examples generated for the test rule
// set, that every example gives the findings its manifest says it exists
// for (# expect: …, from the scenarios), and that together they show every
// kind of finding in coveredFindings.
func TestExampleFindings(t *testing.T) {
	ck := newChecker(t)
	dir := filepath.Join(fixtureRoot(t), "examples")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, e := range entries {
		if e.Name() == "README.md" {
			continue
		}
		path := filepath.Join(dir, e.Name())
		want := expected(t, path)
		if len(want) == 0 {
			continue
		}
		rep := ck.CheckPath(path, checker.Options{Today: "2026-11-29"})
		if rep.Filed > "2026-11-29" {
			rep = ck.CheckPath(path, checker.Options{Today: rep.Filed})
		}
		if miss := missingFindings(rep, want); len(miss) > 0 {
			t.Errorf("%s: no %s finding; got:\n%s", e.Name(), strings.Join(miss, ", "), dump(rep))
		}
		for _, code := range want {
			covered[code] = true
		}
	}
	for _, code := range coveredFindings {
		if !covered[code] {
			t.Errorf("no example of the test rule set expects %s: add a scenario to internal/gen/examples/scenarios.yaml", code)
		}
	}
}
