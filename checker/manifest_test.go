package checker_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ruqsat/checker"
)

// checkManifest checks a package of fuzzFiles and one manifest.
func checkManifest(t *testing.T, ck *checker.Checker, name, text string, o checker.Options) *checker.Report {
	t.Helper()
	files := map[string][]byte{}
	for k, v := range fuzzFiles() {
		files[k] = v
	}
	files[name] = []byte(text)
	if o.Today == "" {
		o.Today = "2026-11-29"
	}
	return ck.CheckFiles("pkg", files, o)
}

// TestManifestParsing pins how manifests that do not parse, or parse into
// something hostile, are reported: the code, and the line and column a
// person would look at.
func TestManifestParsing(t *testing.T) {
	ck := newChecker(t)
	cases := []struct {
		name, file, text string
		code             string
		line, col        int
	}{
		// yaml.v3 counts its parser's lines from 0; the report counts from 1.
		{"yaml-open-list", "manifest.yaml", "ruqsat: 1\nservice: sts-license\nkind: [issue\nanswers: {}\n", "manifest/syntax", 3, 1},
		{"yaml-no-key", "manifest.yaml", "ruqsat: 1\nservice: sts-license\n  kind: issue\n", "manifest/syntax", 3, 1},
		// ... and its scanner's from 1.
		{"yaml-tab", "manifest.yaml", "ruqsat: 1\nanswers:\n\tapplicant: x\n", "manifest/syntax", 3, 1},
		{"yaml-colon", "manifest.yaml", "ruqsat: 1\nservice: a: b\n", "manifest/syntax", 2, 1},
		{"json-comma", "manifest.json", "{\"ruqsat\": 1,\n \"kind\": \"issue\",,\n}", "manifest/syntax", 2, 18},
		{"json-literal", "manifest.json", "{\"ruqsat\": 1,\n \"a\": tru\n}", "manifest/syntax", 2, 7},
		{"json-cut", "manifest.json", "{\"ruqsat\": 1,\n \"a\": [1,", "manifest/syntax", 2, 10},
		{"json-two", "manifest.json", "{}\n{}", "manifest/syntax", 2, 1},
		{"json-empty", "manifest.json", "", "manifest/syntax", 1, 1},
		{"json-dup", "manifest.json", "{\"a\": 1,\n \"a\": 2}", "manifest/syntax", 2, 2},
		{"yaml-dup", "manifest.yaml", "a: 1\nb: 2\na: 3\n", "manifest/syntax", 3, 1},
		{"utf8", "manifest.yaml", "a: 1\nb: \xff\n", "manifest/utf8", 2, 1},
		{"yaml-empty", "manifest.yaml", "", "manifest/not-object", 0, 0},
		{"yaml-comments-only", "manifest.yaml", "# nothing\n", "manifest/not-object", 0, 0},
		{"json-list", "manifest.json", "[]", "manifest/not-object", 0, 0},
		{"json-deep", "manifest.json", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "manifest/too-deep", 1, 33},
		{"yaml-deep-flow", "manifest.yaml", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "manifest/too-deep", 1, 1},
		{"yaml-alias-loop", "manifest.yaml", "a: &a [*a]\n", "manifest/too-deep", 0, 0},
		{"yaml-alias-loop-map", "manifest.yaml", "ruqsat: 1\nanswers: &a\n  x: *a\n", "manifest/too-deep", 0, 0},
		{"yaml-laughs", "manifest.yaml", seedManifests()["laughs"].text, "manifest/too-many-values", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			rep := checkManifest(t, ck, c.file, c.text, checker.Options{})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if rep.Verdict != checker.CannotCheck || len(rep.Findings) == 0 {
				t.Fatalf("verdict %s, findings:\n%s", rep.Verdict, dump(rep))
			}
			f := rep.Findings[0]
			if f.Code != c.code || f.Line != c.line || f.Column != c.col {
				t.Errorf("got %s at %d:%d, want %s at %d:%d\n%s", f.Code, f.Line, f.Column, c.code, c.line, c.col, dump(rep))
			}
		})
	}
}

// TestManifestJSON checks that a JSON manifest is read as JSON: escapes
// yaml.v3 refuses (\/ and surrogate pairs), tabs and a byte-order mark are
// fine, and positions are those of the JSON text.
func TestManifestJSON(t *testing.T) {
	ck := newChecker(t)
	rep := checkManifest(t, ck, "manifest.json", passJSON, checker.Options{})
	if rep.Verdict != checker.Pass {
		t.Fatalf("verdict %s:\n%s", rep.Verdict, dump(rep))
	}
	for _, f := range rep.Findings {
		if f.Code == "fee/ok" && (f.Line != 5 || f.Column != 18) {
			t.Errorf("fee/ok at %d:%d, want 5:18", f.Line, f.Column)
		}
	}
	// The same manifest as YAML passes too, with the same findings.
	yrep := checkManifest(t, ck, "manifest.yaml", passManifest, checker.Options{})
	if yrep.Verdict != checker.Pass || len(yrep.Findings) != len(rep.Findings) {
		t.Errorf("YAML: verdict %s:\n%s\nJSON:\n%s", yrep.Verdict, dump(yrep), dump(rep))
	}
}

// TestEditionFlag checks that --edition overrides the manifest's edition
// without the manifest's own edition being reported as wrong, and that an
// unknown edition from the flag is not blamed on the manifest.
func TestEditionFlag(t *testing.T) {
	ck := newChecker(t)
	text := strings.Replace(passManifest, `edition: "2023"`, `edition: "2013"`, 1)
	if rep := checkManifest(t, ck, "manifest.yaml", text, checker.Options{}); rep.Verdict != checker.Fail || rep.Edition != "2013" {
		t.Fatalf("without the flag: %s %s", rep.Verdict, rep.Edition)
	}
	rep := checkManifest(t, ck, "manifest.yaml", text, checker.Options{Edition: "2023"})
	if rep.Verdict != checker.Pass || rep.Edition != "2023" {
		t.Fatalf("with --edition 2023: %s %s\n%s", rep.Verdict, rep.Edition, dump(rep))
	}
	rep = checkManifest(t, ck, "manifest.yaml", text, checker.Options{Edition: "1999"})
	if f := rep.Findings[0]; f.Code != "edition/unknown" || f.Line != 0 {
		t.Errorf("--edition 1999: %s at line %d", f.Code, f.Line)
	}
}

// TestUnknownFieldAtKey checks that unknown fields are placed at their key,
// not at their value (which may be lines below).
func TestUnknownFieldAtKey(t *testing.T) {
	ck := newChecker(t)
	rep := checkManifest(t, ck, "manifest.yaml", passManifest+"colour:\n  - blue\n", checker.Options{})
	for _, f := range rep.Findings {
		if f.Code == "manifest/unknown-field" {
			if f.Line != 21 || f.Column != 1 {
				t.Errorf("at %d:%d, want 21:1", f.Line, f.Column)
			}
			return
		}
	}
	t.Errorf("no manifest/unknown-field:\n%s", dump(rep))
}

// TestManyUnknownKeys checks that a manifest with tens of thousands of
// unknown keys, each a finding, is checked in linear time: placing each
// finding once walked the tree, 14 s for 45 000 keys. Ten times the keys
// must take about ten times as long, not a hundred (the bound, 40, leaves
// room for a busy machine; each size is timed at its best of two runs).
func TestManyUnknownKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("45 000 findings")
	}
	ck := newChecker(t)
	manifest := func(n int) string {
		var b strings.Builder
		b.WriteString("ruqsat: 1\nservice: sts-license\nedition: \"2023\"\nkind: issue\ndocuments:\n")
		for i := range n {
			fmt.Fprintf(&b, "  d%d: x\n", i)
		}
		return b.String()
	}
	best := func(n int) (time.Duration, *checker.Report) {
		text := manifest(n)
		var d time.Duration
		var rep *checker.Report
		for i := range 3 {
			start := time.Now()
			rep = checkManifest(t, ck, "manifest.yaml", text, checker.Options{})
			if e := time.Since(start); i == 0 || e < d {
				d = e
			}
		}
		return d, rep
	}
	small, _ := best(4500)
	large, rep := best(45000)
	t.Logf("4 500 keys: %v; 45 000 keys: %v (×%.1f)", small, large, float64(large)/float64(small))
	if large > 40*small {
		t.Errorf("10× the keys took %.0f× as long", float64(large)/float64(small))
	}
	n := 0
	for _, f := range rep.Findings {
		if f.Code == "document/unknown" {
			n++
			if want := 6 + n - 1; n < 3 && f.Line != want {
				t.Errorf("finding %d at line %d, want %d", n, f.Line, want)
			}
		}
	}
	if n != 45000 {
		t.Errorf("%d document/unknown findings, want 45000", n)
	}
}

// TestImpossibleDates checks that a date the schema's format lets through
// but no application can have (year 0000) is one error at its own line,
// without a second message from the fee or renewal checks; a 13th month is
// the schema's format error.
func TestImpossibleDates(t *testing.T) {
	ck := newChecker(t)
	for _, c := range []struct{ from, to, code string }{
		{`date: "2026-10-30"`, `date: "0000-12-29"`, "date/implausible"},
		{`filed: "2026-11-02"`, `filed: "0000-11-02"`, "date/implausible"},
		{`date: "2026-10-30"`, `date: "2026-13-01"`, "manifest/format"},
		{`filed: "2026-11-02"`, `filed: "2026-02-30"`, "manifest/format"},
	} {
		text := strings.Replace(passManifest, c.from, c.to, 1)
		if text == passManifest {
			t.Fatalf("%s is not in the test manifest", c.from)
		}
		rep := checkManifest(t, ck, "manifest.yaml", text, checker.Options{})
		var errs []string
		for _, f := range rep.Findings {
			if f.Severity == checker.Error {
				errs = append(errs, f.Code)
			}
		}
		if rep.Verdict != checker.Fail || len(errs) != 1 || errs[0] != c.code {
			t.Errorf("%s: verdict %s, errors %v; want one %s\n%s", c.to, rep.Verdict, errs, c.code, dump(rep))
		}
	}
}

// TestMessagesDeterministic checks that text from a manifest that looks
// like a placeholder is left as written, and the report is the same bytes
// on every run.
func TestMessagesDeterministic(t *testing.T) {
	ck := newChecker(t)
	text := strings.Replace(passManifest, "service: sts-license", `service: "{list} {got}"`, 1)
	var first string
	for i := 0; i < 1000; i++ {
		rep := checkManifest(t, ck, "manifest.yaml", text, checker.Options{})
		got := dump(rep)
		if i == 0 {
			first = got
			if !strings.Contains(got, `"{list} {got}"`) {
				t.Fatalf("the manifest's text is not quoted as written:\n%s", got)
			}
			continue
		}
		if got != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, got, first)
		}
	}
}

// TestChecklistFault checks that a checklist that does not compile (our
// fault) is reported as the program's fault, not as the applicant's package
// being unreadable.
func TestChecklistFault(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(fixtureRoot(t), "schemas", "checklists")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sts-license-2023-issue.schema.json"), []byte(`{"type": 5}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ck, err := checker.New(os.DirFS(dir), "https://ruqsat.invalid/schemas/checklists/")
	if err != nil {
		t.Fatal(err)
	}
	rep := checkManifest(t, ck, "manifest.yaml", passManifest, checker.Options{})
	if rep.Verdict != checker.CannotCheck || len(rep.Findings) == 0 || rep.Findings[0].Code != "checker/fault" {
		t.Fatalf("verdict %s, findings:\n%s", rep.Verdict, dump(rep))
	}
	if m := rep.Findings[0].Message["en"]; !strings.Contains(m, "not in your package") {
		t.Errorf("message %q", m)
	}
}
