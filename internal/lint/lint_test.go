package lint

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"ruqsat/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/cases/*.txtar")

// baseTree returns a small valid repository: testdata/base plus the real
// vocabulary, so that cases test the checks and not a private vocabulary.
func baseTree(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir("testdata/base", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/base", p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	vocab, err := os.ReadFile("../../rules/vocab.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m["rules/vocab.yaml"] = &fstest.MapFile{Data: vocab}
	return m
}

// testNow is "now" for the cases, so that no case depends on the real date.
var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, Almaty)

// report loads and lints fsys as of now and renders the problems as lint
// prints them.
func report(t *testing.T, fsys fs.FS, now time.Time) string {
	t.Helper()
	s, probs, err := rules.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) == 0 {
		probs = All(s, now)
	}
	return renderProblems(probs)
}

func renderProblems(probs []rules.Problem) string {
	var b strings.Builder
	for _, p := range probs {
		what, fix := Message(p, rules.EN)
		sev := ""
		if w := Severity(p.Severity, rules.EN); w != "" {
			sev = w + ": "
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s%s: %s\n\tfix: %s\n", p.File, p.Pos.Line, p.Pos.Col, sev, p.Code, what, fix)
	}
	return b.String()
}

// TestCases runs testdata/cases/*.txtar. Each case overlays files on the
// base tree (a section named "remove" lists files to delete) and gives in
// its "want" section the exact problems lint must print: file, line,
// column, severity (when a warning), code, message and fix.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/cases/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	if *update && os.Getenv("CI") != "" {
		t.Fatal("-update is refused in CI")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tree := baseTree(t)
			want, wantAt := "", -1
			for i, f := range ar.Files {
				switch f.Name {
				case "want":
					want, wantAt = string(f.Data), i
				case "remove":
					for _, p := range strings.Fields(string(f.Data)) {
						delete(tree, p)
					}
				default:
					tree[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			if wantAt < 0 {
				t.Fatal("case has no want section")
			}
			got := report(t, tree, testNow)
			if got == want {
				return
			}
			if *update {
				ar.Files[wantAt].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			t.Errorf("lint printed:\n%s\nwant:\n%s", got, want)
		})
	}
}

// TestRealData lints the project's own rule data: it must be clean, without
// warnings either. The real clock is right here: real entries of
// changes.yaml cannot lie in the future.
func TestRealData(t *testing.T) {
	// RUQSAT_ROOT points at an edited copy in the recipe scripts (this
	// package cannot import internal/testrules, which imports it).
	root := os.Getenv("RUQSAT_ROOT")
	if root == "" {
		root = "../.."
	}
	got := report(t, os.DirFS(root), time.Now())
	if got != "" {
		t.Errorf("the rule data has lint problems:\n%s", got)
	}
}

// TestMessagesComplete makes sure every message has all three languages and
// every code reported anywhere in the code has a message.
func TestMessagesComplete(t *testing.T) {
	for code, m := range messages {
		for _, l := range rules.Langs {
			if strings.TrimSpace(m.msg[l]) == "" || strings.TrimSpace(m.fix[l]) == "" {
				t.Errorf("%s: no %s message or fix", code, l)
			}
		}
	}
	for _, dir := range []string{".", "../rules", "../../cmd/ruqsat/lint.go"} {
		srcs, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if strings.HasSuffix(dir, ".go") {
			srcs = []string{dir}
		}
		for _, src := range srcs {
			if strings.HasSuffix(src, "_test.go") {
				continue
			}
			b, _ := os.ReadFile(src)
			for _, code := range codeLiterals(b) {
				if _, ok := messages[code]; !ok {
					t.Errorf("%s reports %q, which has no message", src, code)
				}
			}
		}
	}
}

// codeLiterals finds string literals shaped like problem codes ("a/b").
func codeLiterals(b []byte) []string {
	var out []string
	for _, part := range bytes.Split(b, []byte(`"`)) {
		s := string(part)
		if len(s) < 4 || len(s) > 40 || strings.Count(s, "/") != 1 || strings.ContainsAny(s, " .%*{}<>:=,()") {
			continue
		}
		prefix := s[:strings.Index(s, "/")]
		switch prefix {
		case "file", "yaml", "schema", "ref", "unique", "parity", "official", "hygiene", "term", "date", "changes", "number", "calendar":
			out = append(out, s)
		}
	}
	return out
}

// TestMessageLanguages pins messages whose words depend on the language
// beyond their template: JSON types in words, and plural forms.
func TestMessageLanguages(t *testing.T) {
	p := rules.Problem{Code: "schema/type", Args: []string{"/name/en", "string|object", "array", `en: "…"`}}
	for l, want := range map[rules.Lang]string{
		rules.RU: "/name/en: нужно записать текст или ключи со значениями (ключ: значение), а не список",
		rules.KK: "/name/en: мұнда тізім емес, мәтін немесе мәндері бар кілттер (кілт: мән) жазылуы керек",
		rules.EN: "/name/en: expected text or keys with values (key: value), found a list",
	} {
		if got, _ := Message(p, l); got != want {
			t.Errorf("%s: got %q, want %q", l, got, want)
		}
	}
	for _, c := range []struct {
		files, errs, warns int
		l                  rules.Lang
		want               string
	}{
		{52, 0, 0, rules.EN, "52 files, 0 problems"},
		{1, 1, 0, rules.EN, "1 file, 1 problem"},
		{52, 0, 2, rules.EN, "52 files, 0 errors, 2 warnings — warnings do not fail lint"},
		{52, 1, 1, rules.EN, "52 files, 1 error, 1 warning"},
		{52, 0, 0, rules.RU, "52 файла, 0 проблем"},
		{21, 1, 0, rules.RU, "21 файл, 1 проблема"},
		{11, 3, 0, rules.RU, "11 файлов, 3 проблемы"},
		{54, 0, 2, rules.RU, "54 файла, 0 ошибок, 2 предупреждения — предупреждения не мешают пройти проверку"},
		{54, 12, 1, rules.RU, "54 файла, 12 ошибок, 1 предупреждение"},
		{52, 0, 0, rules.KK, "52 файл, 0 мәселе"},
		{52, 0, 2, rules.KK, "52 файл, 0 қате, 2 ескерту — ескертулер тексеруден өтуге кедергі келтірмейді"},
	} {
		if got := Summary(c.files, c.errs, c.warns, c.l); got != c.want {
			t.Errorf("Summary(%d, %d, %d, %s) = %q, want %q", c.files, c.errs, c.warns, c.l, got, c.want)
		}
	}
}

// TestUnrecorded pins the warnings about rule files whose changes
// rules/changes.yaml does not record, given what version control says.
func TestUnrecorded(t *testing.T) {
	tree := baseTree(t)
	tree["rules/changes.yaml"] = &fstest.MapFile{Data: []byte(`changes:
  - date: 2026-11-20
    id: demo-term
    ru: Уточнён срок.
    kk: Мерзім нақтыланды.
    en: The term was made precise.
    files: [rules/services/demo/2020.yaml]
  - date: 2026-11-10
    id: first
    ru: Первая версия.
    kk: Алғашқы нұсқа.
    en: First version.
    files: [rules/services/, rules/acts/]
`)}
	s, probs, err := rules.Load(tree)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	for _, c := range []struct {
		name    string
		changes []FileChange
		want    string
	}{
		{"committed on the day of the newest entry", []FileChange{{File: "rules/services/demo/2020.yaml", Date: "2026-11-20"}}, ""},
		{"committed after it, named by no later entry", []FileChange{{File: "rules/services/demo/service.yaml", Date: "2026-11-21"}},
			"rules/services/demo/service.yaml:1:1: warning: changes/unrecorded: the file was changed on 2026-11-21, after the newest entry of rules/changes.yaml (2026-11-20), and no entry names it\n" +
				"\tfix: add an entry at the top of rules/changes.yaml saying what changed and why, with files: [rules/services/demo/service.yaml]\n"},
		{"committed before it, unnamed since", []FileChange{{File: "rules/services/demo/service.yaml", Date: "2026-11-15"}}, ""},
		{"uncommitted, no entry today", []FileChange{{File: "rules/services/demo/2020.yaml", Uncommitted: true}},
			"rules/services/demo/2020.yaml:1:1: warning: changes/uncommitted: the file has changes not yet committed, and no entry of rules/changes.yaml dated 2026-12-01 or later names it\n" +
				"\tfix: add an entry at the top of rules/changes.yaml saying what changed and why, with files: [rules/services/demo/2020.yaml]\n"},
		{"changes.yaml itself and files that are not rule files", []FileChange{{File: "rules/changes.yaml", Uncommitted: true}, {File: "rules/README.md", Uncommitted: true}}, ""},
	} {
		if got := renderProblems(Unrecorded(s, c.changes, testNow)); got != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
	// An entry dated today that names the file records an uncommitted edit.
	tree["rules/changes.yaml"].Data = append([]byte("changes:\n  - {date: 2026-12-01, id: today, ru: Правка., kk: Түзету., en: An edit., files: [rules/services/demo/2020.yaml]}\n"),
		tree["rules/changes.yaml"].Data[len("changes:\n"):]...)
	s, probs, err = rules.Load(tree)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	if got := Unrecorded(s, []FileChange{{File: "rules/services/demo/2020.yaml", Uncommitted: true}}, testNow); len(got) > 0 {
		t.Errorf("recorded edit warned about: %v", got)
	}
}

// TestSaysNumber pins how numbers are found in the seeds: digits, and the
// words for 1–100 in any case or as ordinals, but not inside a bigger
// number.
func TestSaysNumber(t *testing.T) {
	for _, c := range []struct {
		l    rules.Lang
		text string
		n    float64
		want bool
	}{
		{rules.RU, "в течение 15 рабочих дней", 15, true},
		{rules.RU, "в течение 15 рабочих дней", 5, false},
		{rules.RU, "приказ 2015 года", 15, false},
		{rules.RU, "сбор 0,5 МРП", 0.5, true},
		{rules.RU, "в течение пятнадцати рабочих дней", 15, true},
		{rules.RU, "в течение ПЯТИ рабочих дней", 5, true},
		{rules.RU, "на пятый день", 5, true},
		{rules.RU, "в течение двух рабочих дней", 2, true},
		{rules.RU, "не позднее трёх дней", 3, true},
		{rules.RU, "в течение одного рабочего дня", 1, true},
		{rules.RU, "однако заявление", 1, false},
		{rules.RU, "сорока пяти рабочих дней", 45, true},
		{rules.RU, "сорока пяти рабочих дней", 40, false},
		{rules.RU, "сорока пяти рабочих дней", 5, false},
		{rules.RU, "тридцати календарных дней", 30, true},
		{rules.RU, "двадцати МРП", 20, true},
		{rules.RU, "девяноста дней", 90, true},
		{rules.RU, "в семью", 7, true}, // a form of семь, whatever it means here
		{rules.RU, "сто дней", 100, true},
		{rules.KK, "он бес жұмыс күні ішінде", 15, true},
		{rules.KK, "он бес жұмыс күні ішінде", 10, false},
		{rules.KK, "он бес жұмыс күні ішінде", 5, false},
		{rules.KK, "екі жұмыс күні ішінде", 2, true},
		{rules.KK, "күнтізбелік отыз күн", 30, true},
		{rules.KK, "бесінші күні", 5, true},
		{rules.KK, "онда көрсетілген", 10, false},
		{rules.KK, "бірге ұсынылады", 1, false},
		{rules.KK, "жиырма бес күн", 25, true},
		{rules.KK, "үш жұмыс күні", 3, true},
		{rules.KK, "eкi жұмыс күні", 2, true}, // Latin e and i typed for Cyrillic
		{rules.EN, "within fifteen working days", 15, true},
		{rules.EN, "within Twenty-Five days", 25, true},
		{rules.EN, "within twenty-five days", 20, false},
		{rules.EN, "on the fifth day", 5, true},
		{rules.EN, "within thirty calendar days", 30, true},
		{rules.EN, "within two working days", 3, false},
	} {
		if got := saysNumber(c.text, c.n, c.l); got != c.want {
			t.Errorf("saysNumber(%q, %v, %s) = %v, want %v", c.text, c.n, c.l, got, c.want)
		}
	}
}

// A portal's url is linked as it is: only https:// and an address the act
// prints, nothing deeper.
func TestPortalURL(t *testing.T) {
	for url, ok := range map[string]bool{
		"https://www.egov.kz":          true,
		"https://www.egov.kz/":         true,
		"http://www.egov.kz":           false,
		"https://egov.kz":              false,
		"https://www.egov.kz/cms/ru":   false,
		"https://www.egov.kz/?q=1":     false,
		"https://user@www.egov.kz":     false,
		"https://www.egov.kz:8443":     false,
		"www.egov.kz":                  false,
		"https://www.egov.kz.evil.com": false,
	} {
		if got := portalURL(rules.Portal{URL: url, Written: []string{"www.egov.kz"}}); got != ok {
			t.Errorf("%s: well-formed %v, want %v", url, got, ok)
		}
	}
}
