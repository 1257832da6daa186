package checker_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"ruqsat/checker"
	"ruqsat/checker/pkgread"
)

var updateSeeds = flag.Bool("update-seeds", false, "rewrite the hand-made seeds in testdata/fuzz/FuzzManifest")

// minimalPDF passes filetype.CheckPDF: a header, a cross-reference table
// whose trailer names a /Root, startxref pointing at it, and %%EOF.
const minimalPDF = "%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"

// passManifest meets the sts-license 2023 issue checklist with the files of
// fuzzFiles.
const passManifest = `ruqsat: 1
service: sts-license
edition: "2023"
kind: issue
filed: "2026-11-02"
answers:
  applicant: legal-entity
  payment: bank
  subspecies: [development-production]
applicant:
  name: ТОО «Тест»
  bin: "190140123451"
  address: Астана, ул. Примерная, 1
fee:
  paid: 86500
  date: "2026-10-30"
documents:
  application: docs/application.pdf
  fee-receipt: docs/fee-receipt.pdf
  qualification-form: docs/qualification-form.pdf
`

// passJSON is passManifest as JSON, written the way JSON writers do.
const passJSON = "\ufeff{\n\t\"ruqsat\": 1, \"service\": \"sts-license\", \"edition\": \"2023\", \"kind\": \"issue\", \"filed\": \"2026-11-02\",\n" +
	"\t\"answers\": {\"applicant\": \"legal-entity\", \"payment\": \"bank\", \"subspecies\": [\"development-production\"]},\n" +
	"\t\"applicant\": {\"name\": \"\\u0422\\u041e\\u041e \\ud83d\\udee1\", \"bin\": \"190140123451\", \"address\": \"Астана\"},\n" +
	"\t\"fee\": {\"paid\": 86500, \"date\": \"2026-10-30\"},\n" +
	"\t\"documents\": {\"application\": \"docs\\/application.pdf\", \"fee-receipt\": \"docs/fee-receipt.pdf\", \"qualification-form\": [\"docs/qualification-form.pdf\"]}\n}\n"

// seedManifests are hand-made manifests for the fuzzer to start from: one
// that passes and the ways a manifest goes wrong. true marks JSON.
func seedManifests() map[string]struct {
	text string
	json bool
} {
	laughs := "ruqsat: 1\nservice: sts-license\nkind: issue\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 10; i++ {
		laughs += fmt.Sprintf("a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 9), ", "))
	}
	var deep strings.Builder
	deep.WriteString("ruqsat: 1\nservice: sts-license\n")
	for i := range 40 {
		deep.WriteString(strings.Repeat("  ", i) + fmt.Sprintf("k%d:\n", i))
	}
	type m = struct {
		text string
		json bool
	}
	return map[string]m{
		"pass":           {passManifest, false},
		"pass-json":      {passJSON, true},
		"wrong-fee":      {strings.Replace(passManifest, "86500", "69200", 1), false},
		"renewal":        {strings.Replace(strings.Replace(passManifest, "kind: issue", "kind: renewal", 1), "documents:", "change: {date: \"2026-01-01\", what: address}\ndocuments:", 1), false},
		"no-edition":     {strings.Replace(passManifest, "edition: \"2023\"\n", "", 1), false},
		"old-edition":    {strings.Replace(passManifest, "\"2023\"", "\"2013\"", 1), false},
		"not-in-sources": {"ruqsat: 1\nservice: cipf-license\nedition: \"2023\"\nkind: issue\n", false},
		"gateway":        {strings.Replace(strings.Replace(passManifest, "payment: bank", "payment: gateway", 1), "applicant: legal-entity", "applicant: individual", 1), false},
		"bad-paths":      {strings.Replace(passManifest, "docs/application.pdf", "../../etc/passwd", 1) + "  x: [/abs, \"C:\\\\x\", a/../../b]\n", false},
		"unknown-field":  {passManifest + "colour: blue\n", false},
		"types":          {strings.Replace(passManifest, "documents:", "documents: 5\nx:", 1), false},
		"open-list":      {"ruqsat: 1\nservice: sts-license\nkind: [issue\n", false},
		"json-comma":     {"{\"ruqsat\": 1,\n \"kind\": \"issue\",,\n}", true},
		"json-two":       {"{\"a\": 1}\n{\"b\": 2}", true},
		"dup":            {"service: sts-license\nservice: cipf-license\n", false},
		"utf8":           {"ruqsat: 1\nservice: \xd2\xce\xce\n", false},
		"alias-loop":     {"ruqsat: 1\nservice: sts-license\nanswers: &a\n  applicant: *a\n", false},
		"laughs":         {laughs, false},
		"deep-yaml":      {deep.String(), false},
		"deep-json":      {strings.Repeat("[", 1000) + strings.Repeat("]", 1000), true},
		"scalar":         {"sts-license", false},
		"empty":          {"", false},
		"merge":          {"base: &b {service: sts-license, kind: issue}\n<<: *b\nruqsat: 1\n", false},
		"tags":           {"ruqsat: !!str 1\nservice: !custom sts-license\nfiled: 2026-11-02\nfee: {paid: .inf, date: 2026-10-30}\n", false},
	}
}

// TestWriteFuzzSeeds writes seedManifests to testdata/fuzz/FuzzManifest,
// where plain `go test` runs them.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*updateSeeds {
		t.Skip("run with -update-seeds to rewrite the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzManifest")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, s := range seedManifests() {
		data := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\nbool(%v)\n", s.text, s.json)
		if err := os.WriteFile(filepath.Join(dir, "seed-"+name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fuzzFiles are the files beside the manifest: three minimal PDFs under the
// names passManifest uses, the passing example's own files, and a few of
// the wrong kind.
var fuzzFiles = sync.OnceValue(func() map[string][]byte {
	files := map[string][]byte{
		"docs/application.pdf":        []byte(minimalPDF),
		"docs/fee-receipt.pdf":        []byte(minimalPDF),
		"docs/qualification-form.pdf": []byte(minimalPDF),
		"docs/empty.pdf":              {},
		"docs/broken.pdf":             []byte("%PDF-1.7\nno end"),
		"docs/photo.jpg":              []byte("\xff\xd8\xff\xe0 not really"),
		"docs/signature.p7s":          []byte("0\x82\x01\x00 not really"),
	}
	ex := filepath.Join("..", "examples", "sts-license-2023-issue-incomplete-signature-chain")
	filepath.WalkDir(ex, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), "manifest.") {
			return nil
		}
		if b, err := os.ReadFile(p); err == nil {
			rel, _ := filepath.Rel(ex, p)
			files[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	return files
})

// exampleManifests are the manifests of the generated examples, read at
// start so that the fuzzer begins from every checklist.
func exampleManifests(t testing.TB) [][]byte {
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "*", "manifest.*"))
	sort.Strings(paths)
	var out [][]byte
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// FuzzManifest checks a package whose manifest is the fuzzer's bytes (as
// manifest.json when asJSON, else manifest.yaml). Whatever they hold, the
// check must not panic or hang, must give one of the four verdicts, agree
// with its findings (pass exactly when no finding is an error; cannot-check
// only with an error), explain every finding in ru, kk and en, and make a
// report that encodes as JSON.
func FuzzManifest(f *testing.F) {
	ck := newChecker(f)
	for _, s := range seedManifests() {
		f.Add([]byte(s.text), s.json)
	}
	for _, b := range exampleManifests(f) {
		f.Add(b, false)
	}
	f.Fuzz(func(t *testing.T, manifest []byte, asJSON bool) {
		files := map[string][]byte{}
		for k, v := range fuzzFiles() {
			files[k] = v
		}
		name := "manifest.yaml"
		if asJSON {
			name = "manifest.json"
		}
		files[name] = manifest
		p, err := pkgread.ReadMemory("fuzz", files, pkgread.DefaultLimits())
		if err != nil {
			t.Fatalf("ReadMemory: %v", err) // the files are fine; only the manifest varies
		}
		rep := ck.Check(p, checker.Options{Today: "2026-11-29"})
		if rep == nil {
			t.Fatal("no report")
		}
		errs, _, _ := rep.Counts()
		switch rep.Verdict {
		case checker.Pass:
			if errs > 0 {
				t.Fatalf("pass with %d errors:\n%s", errs, dump(rep))
			}
		case checker.Fail:
			if errs == 0 {
				t.Fatalf("fail without errors:\n%s", dump(rep))
			}
		case checker.Incomplete:
			if errs > 0 || len(rep.NotChecked()) == 0 {
				t.Fatalf("incomplete with %d errors and %d unchecked:\n%s", errs, len(rep.NotChecked()), dump(rep))
			}
		case checker.CannotCheck:
			if errs == 0 {
				t.Fatalf("cannot-check without an error:\n%s", dump(rep))
			}
		default:
			t.Fatalf("verdict %q", rep.Verdict)
		}
		for _, f := range rep.Findings {
			if f.Code == "" || (f.Severity != checker.Error && f.Severity != checker.Warning && f.Severity != checker.Info) {
				t.Fatalf("finding %+v", f)
			}
			for _, l := range checker.Langs {
				if strings.TrimSpace(f.Message[l]) == "" {
					t.Fatalf("%s has no message in %s: %q", f.Code, l, f.Message)
				}
				if f.Message[l] == f.Code {
					t.Fatalf("%s has no message text (only its code)", f.Code)
				}
			}
		}
		if _, err := json.Marshal(rep); err != nil {
			t.Fatalf("report does not encode: %v", err)
		}
	})
}
