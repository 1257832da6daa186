package checker_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ruqsat/checker"
	"ruqsat/checker/contract"
	"ruqsat/internal/testrules"
)

// Messages are for applicants: they name fields, documents, questions and
// answers by their names in the reader's language. A JSON pointer, an id
// of the checklist, a parser's English or a developer's word in a message
// is a message the applicant cannot act on; those belong in the finding's
// path, item and detail fields.

var (
	// a JSON pointer: /applicant/bin, /fee/date
	pointerRe = regexp.MustCompile(`(^|[\s(«"':])/[a-z][a-z0-9_-]*`)
	// a dotted manifest field: applicant.name, fee.date (not the end of a
	// file's name, change-documents.pdf)
	dottedRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_/.-])((?:applicant|fee|change|answers|documents|info)\.[a-z]+)\b`)
	// a word written like an id: development-production
	idRe = regexp.MustCompile(`\b[a-z0-9]+(?:-[a-z0-9]+)+\b`)
	// a Latin word in lower case, in a Russian or Kazakh message
	latinRe = regexp.MustCompile(`(^|[^\p{L}\p{N}_-])([a-z]{2,})\b`)
	// a file in the package, named as the applicant named it, or its
	// extension
	fileRe = regexp.MustCompile(`[\p{L}\p{N}_./-]*/[\p{L}\p{N}_./-]+|[\p{L}\p{N}_-]*\.[a-z0-9]{2,5}\b`)
	// a quoted value: what the applicant wrote, when the manifest holds it
	quotedRe = regexp.MustCompile(`«([^«»]*)»|"([^"]*)"`)
)

// developerWords are phrases of the program, not of the applicant.
var developerWords = []string{
	"named in the manifest", "указана в манифесте", "манифестте көрсетілген",
	"applicant in the manifest", "заявитель в манифесте", "манифесттегі өтініш беруші",
	"JSON", "schema", "схем", "string", "expected", "filetype", "indefinite length",
	"did not find", "appears twice", "null",
}

// latinAllowed are the Latin words a Russian or Kazakh message may hold:
// commands and formats the applicant types or sees as they are.
var latinAllowed = map[string]bool{"openssl": true, "cms": true, "sign": true, "outform": true, "zip": true}

// checklistIDs are every id the checklists under root give: documents,
// questions, answers, subspecies and application kinds.
func checklistIDs(t *testing.T, root string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	dir := filepath.Join(root, "schemas", "checklists")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var top struct {
			Meta *contract.Meta `json:"x-ruqsat"`
		}
		if json.Unmarshal(b, &top) != nil || top.Meta == nil {
			return nil // index.json, package.schema.json, deadlines.json
		}
		m := top.Meta
		for _, d := range m.Documents {
			ids[d.ID] = true
		}
		for _, q := range m.Questions {
			ids[q.ID] = true
			for _, o := range q.Options {
				ids[o.ID] = true
			}
		}
		for _, s := range m.Subspecies {
			ids[s.ID] = true
		}
		ids[m.Kind] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 10 {
		t.Fatalf("only %d ids in the checklists under %s", len(ids), dir)
	}
	return ids
}

// plainWordsProblems lists what in a message is not for an applicant.
// manifest is the package's manifest text: a value quoted from it is the
// applicant's own, and may be anything.
func plainWordsProblems(msg, lang, manifest string, ids map[string]bool) []string {
	var out []string
	for _, w := range developerWords {
		if strings.Contains(msg, w) {
			out = append(out, "developer's words "+strconvQuote(w))
		}
	}
	if m := pointerRe.FindString(msg); m != "" {
		out = append(out, "a JSON pointer "+strconvQuote(strings.TrimSpace(m)))
	}
	if m := dottedRe.FindStringSubmatch(msg); m != nil {
		out = append(out, "a manifest field "+strconvQuote(m[1]))
	}
	// What the applicant wrote, quoted back, and file names are theirs.
	rest := quotedRe.ReplaceAllStringFunc(msg, func(q string) string {
		inner := strings.Trim(q, "«»\"")
		if inner != "" && strings.Contains(manifest, inner) {
			return " "
		}
		return q
	})
	rest = fileRe.ReplaceAllString(rest, " ")
	for _, m := range idRe.FindAllString(rest, -1) {
		if ids[m] {
			out = append(out, "the id "+strconvQuote(m))
		}
	}
	if lang != "en" {
		for _, m := range latinRe.FindAllStringSubmatch(rest, -1) {
			if !latinAllowed[m[2]] {
				out = append(out, "the Latin word "+strconvQuote(m[2]))
			}
		}
	}
	return out
}

func strconvQuote(s string) string { return "«" + s + "»" }

// TestPlainWords checks every message the examples produce, the committed
// ones and the test rule set's, in all three languages.
func TestPlainWords(t *testing.T) {
	real, err := testrules.DataRoot()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, root := range []string{real, fixtureRoot(t)} {
		ids := checklistIDs(t, root)
		ck := checkerAt(t, root)
		dir := filepath.Join(root, "examples")
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() == "README.md" {
				continue
			}
			path := filepath.Join(dir, e.Name())
			manifest := ""
			for _, n := range []string{"manifest.yaml", "manifest.json"} {
				if b, err := os.ReadFile(filepath.Join(path, n)); err == nil {
					manifest = string(b)
				}
			}
			rep := ck.CheckPath(path, checker.Options{Today: "2026-11-29"})
			if rep.Filed > "2026-11-29" {
				rep = ck.CheckPath(path, checker.Options{Today: rep.Filed})
			}
			for _, f := range rep.Findings {
				for _, l := range checker.Langs {
					checked++
					for _, p := range plainWordsProblems(f.Message[l], l, manifest, ids) {
						t.Errorf("%s: %s [%s] holds %s: %q", e.Name(), f.Code, l, p, f.Message[l])
					}
				}
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d messages checked", checked)
	}
}

// TestPlainWordsCatches: the scan finds what it is for, so that a pass of
// TestPlainWords means something.
func TestPlainWordsCatches(t *testing.T) {
	ids := map[string]bool{"development-production": true, "legal-entity": true}
	bad := []struct{ msg, lang string }{
		{"/applicant/bin: ожидается string", "ru"},
		{"Укажите БИН (applicant.bin)", "ru"},
		{"Name the activity subspecies applied for: development-production, repair-sale", "en"},
		{"Checked against the 2013 edition: named in the manifest", "en"},
		{"Подпись не является документом CMS: filetype: cms-malformed at 0: BER indefinite length, not DER", "ru"},
		{"Манифестте қате бар (10-жол): did not find expected ',' or ']'", "kk"},
		{"Варианты: legal-entity, branch", "ru"},
		{"Give the amount paid (fee.paid, fee.date)", "en"},
	}
	for _, b := range bad {
		if len(plainWordsProblems(b.msg, b.lang, "", ids)) == 0 {
			t.Errorf("%q passes", b.msg)
		}
	}
	good := []struct{ msg, lang, manifest string }{
		{"Файл docs/development-production.pdf пуст", "ru", ""},
		{"The file docs/change-documents.pdf is in the package but belongs to no item", "en", ""},
		{"«import-export» — кіші түрі жоқ", "kk", "subspecies: [import-export]"},
		{"Файл docs/application.p7s — текст S/MIME (так сохраняет «openssl cms -sign» без «-outform DER»)", "ru", ""},
	}
	for _, g := range good {
		if p := plainWordsProblems(g.msg, g.lang, g.manifest, ids); len(p) > 0 {
			t.Errorf("%q: %v", g.msg, p)
		}
	}
}

// passingWith returns the files of the first passing example of the test
// rule set whose manifest holds every one of the texts, and its manifest.
func passingWith(t *testing.T, texts ...string) (map[string][]byte, string) {
	t.Helper()
	dir := filepath.Join(fixtureRoot(t), "examples")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		// A passing package, or one not ready only because its test
		// signature's chain cannot be followed to the NCA.
		if !e.IsDir() || !strings.HasSuffix(e.Name(), "-pass") && !strings.HasSuffix(e.Name(), "-incomplete-signature-chain") {
			continue
		}
		root := filepath.Join(dir, e.Name())
		man, err := os.ReadFile(filepath.Join(root, "manifest.yaml"))
		if err != nil {
			continue
		}
		all := true
		for _, s := range texts {
			all = all && strings.Contains(string(man), s)
		}
		if !all {
			continue
		}
		files := map[string][]byte{}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files, string(man)
	}
	t.Fatalf("no passing example of the test rule set holds %q", texts)
	return nil, ""
}

// findingOf returns the report's one finding of a code, failing otherwise.
func findingOf(t *testing.T, rep *checker.Report, code string) checker.Finding {
	t.Helper()
	var out []checker.Finding
	for _, f := range rep.Findings {
		if f.Code == code {
			out = append(out, f)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d %s findings, want 1:\n%s", len(out), code, dump(rep))
	}
	return out[0]
}

// TestFeeShortfall: a fee paid short says how much is missing, with the
// sum that is due, in amounts written as people write them.
func TestFeeShortfall(t *testing.T) {
	ck := newChecker(t)
	files, man := passingWith(t, "paid: ")
	m := regexp.MustCompile(`(?m)^  paid: (\d+)$`).FindStringSubmatch(man)
	if m == nil {
		t.Fatalf("no paid amount in:\n%s", man)
	}
	rep := ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	if rep.Verdict == checker.Fail || rep.Verdict == checker.CannotCheck {
		t.Fatalf("the example has errors:\n%s", dump(rep))
	}
	due := m[1] // it pays what is due
	short := map[string]string{"1000": "1\u202f000\u202f₸", "17300": "17\u202f300\u202f₸"}
	for missing, written := range short {
		d, err1 := strconv.Atoi(due)
		s, err2 := strconv.Atoi(missing)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if s >= d {
			continue
		}
		files["manifest.yaml"] = []byte(strings.Replace(man, "  paid: "+due+"\n", "  paid: "+strconv.Itoa(d-s)+"\n", 1))
		rep := ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
		f := findingOf(t, rep, "fee/mismatch")
		for l, want := range map[string]string{
			"ru": "Доплатите недостающие " + written,
			"kk": "Жетіспейтін " + written + " сомасын төлеңіз",
			"en": "Pay the missing " + written,
		} {
			if !strings.HasPrefix(f.Message[l], want) {
				t.Errorf("%s: %q, want it to begin %q", l, f.Message[l], want)
			}
		}
		if dueWritten := groupDigits(due); !strings.Contains(f.Message["en"], "= "+dueWritten+"\u202f₸") {
			t.Errorf("en: %q does not give the %s due", f.Message["en"], dueWritten)
		}
		if !strings.Contains(f.Detail, "missing "+missing) {
			t.Errorf("detail %q does not give the digits of what is missing", f.Detail)
		}
		if f.Path != "/fee/paid" {
			t.Errorf("path %q", f.Path)
		}
	}
}

// TestUnquotedBIN: a BIN that YAML read as a number was given: the
// applicant is told to quote it (once), not to give it.
func TestUnquotedBIN(t *testing.T) {
	ck := newChecker(t)
	files, man := passingWith(t, `bin: "`)
	m := regexp.MustCompile(`bin: "(\d{12})"`).FindStringSubmatch(man)
	if m == nil {
		t.Fatalf("no BIN in:\n%s", man)
	}
	files["manifest.yaml"] = []byte(strings.Replace(man, m[0], "bin: "+m[1], 1))
	rep := ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	if rep.Verdict != checker.Fail {
		t.Errorf("verdict %s", rep.Verdict)
	}
	f := findingOf(t, rep, "applicant/bin-unquoted")
	for _, l := range checker.Langs {
		if !strings.Contains(f.Message[l], `"`+m[1]+`"`) {
			t.Errorf("%s: %q does not show the BIN quoted", l, f.Message[l])
		}
	}
	if f.Path != "/applicant/bin" || f.Line == 0 {
		t.Errorf("path %q line %d", f.Path, f.Line)
	}
	// One mistake, one message: no "give the BIN", no schema type error,
	// no signature "by someone else".
	for _, fd := range rep.Findings {
		switch fd.Code {
		case "applicant/bin-missing", "manifest/type", "signature/other-signer", "signature/personal-key":
			t.Errorf("also %s: %s", fd.Code, fd.Message["en"])
		}
	}
	// A BIN of 2000-2009 begins with 0: the digits are kept as written.
	zero := "0" + m[1][1:]
	files["manifest.yaml"] = []byte(strings.Replace(man, m[0], "bin: "+zero, 1))
	rep = ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	if f := findingOf(t, rep, "applicant/bin-unquoted"); !strings.Contains(f.Message["ru"], `"`+zero+`"`) {
		t.Errorf("ru: %q, want the digits %s as written", f.Message["ru"], zero)
	}
}

// groupDigits writes 86500 as 86 500, with a narrow no-break space.
func groupDigits(s string) string {
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	return b.String()
}
