package examples

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ruqsat/checker/contract"
	genchecklist "ruqsat/internal/gen/checklist"
	"ruqsat/internal/rules"
)

// fixtureChecklists generates the checklists of the test rule set
// (testdata/fixture at the repository root).
func fixtureChecklists(t *testing.T) map[string][]byte {
	t.Helper()
	s, probs, err := rules.Load(os.DirFS(filepath.Join("..", "..", "..", "testdata", "fixture")))
	if err != nil || len(probs) > 0 {
		t.Fatalf("fixture: %v %v", err, probs)
	}
	files, err := genchecklist.Files(s)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func names(pkgs []Package) []string {
	var out []string
	for _, p := range pkgs {
		n := p.Name
		if p.Zip {
			n += ".zip"
		}
		out = append(out, n+" "+strings.Join(Expected(p.Files["manifest.yaml"]), " "))
	}
	return out
}

// TestRenamedIDs renames every document and every answer of every
// checklist: the examples need no id of the rules, so the same examples,
// expecting the same findings, come out.
func TestRenamedIDs(t *testing.T) {
	files := fixtureChecklists(t)
	want, err := Generate(files)
	if err != nil {
		t.Fatal(err)
	}
	renamed := map[string][]byte{}
	for name, b := range files {
		renamed[name] = b
		if !strings.HasSuffix(name, ".schema.json") {
			continue
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		if raw["x-ruqsat"] == nil {
			continue
		}
		var m contract.Meta
		if err := json.Unmarshal(raw["x-ruqsat"], &m); err != nil {
			t.Fatal(err)
		}
		for i := range m.Documents {
			d := &m.Documents[i]
			d.ID = "x-" + d.ID
			for q, as := range d.When {
				for j := range as {
					as[j] = "x-" + as[j]
				}
				d.When[q] = as
			}
		}
		for i := range m.Questions {
			for _, w := range m.Questions[i].AskedWhen {
				for q, as := range w {
					for j := range as {
						as[j] = "x-" + as[j]
					}
					w[q] = as
				}
			}
			for j := range m.Questions[i].Options {
				m.Questions[i].Options[j].ID = "x-" + m.Questions[i].Options[j].ID
			}
		}
		raw["x-ruqsat"], _ = json.Marshal(m)
		renamed[name], _ = json.Marshal(raw)
	}
	got, err := Generate(renamed)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := names(got), names(want); !slices.Equal(g, w) {
		t.Errorf("renamed ids give other examples:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
}

// TestScenarioErrors: a mistake in the scenarios, or a checklist they name
// that the rules do not have, is an error naming the file and line.
func TestScenarioErrors(t *testing.T) {
	files := fixtureChecklists(t)
	for _, c := range []struct{ yaml, want string }{
		{"groups:\n  - for: {service: no-such-service, edition: \"2023\"}\n    scenarios: []\n", `scenarios.yaml:2: no service "no-such-service"`},
		{"groups:\n  - for: {service: sts-license, edition: \"1999\"}\n    scenarios: []\n", `scenarios.yaml:2: sts-license 1999: no such checklist`},
		{"groups:\n  - scenarios:\n      - name: fail-x\n        comment: x\n        expect: [a/b]\n        change:\n          - paint: red\n", `scenarios.yaml:7: unknown change "paint"`},
		{"groups:\n  - scenarios:\n      - name: fail-x\n        comment: x\n        expect: [a/b]\n        change:\n          - remove-document: middle\n", `scenarios.yaml:7: no document selector "middle"`},
		{"groups:\n  - scenarios:\n      - name: x\n", `scenarios.yaml:3: scenario x: a name starts with`},
		{"colour: red\n", `scenarios.yaml:1: unknown key "colour"`},
		// A change a named checklist cannot take: the CIPF licence's
		// 2023 list is not in the sources, the STS licence of 2008 has
		// no renewal window.
		{"groups:\n  - for: {service: sts-license, edition: \"2008\"}\n    scenarios:\n      - name: fail-x\n        comment: x\n        expect: [a/b]\n        change:\n          - change: none\n", `scenarios.yaml:8: scenario fail-x cannot be made for sts-license-2008-issue: no renewal window`},
	} {
		_, err := generate(files, []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.yaml, err, c.want)
		}
	}
}

// TestNoRuleIDsInCode: no id of the real rules' documents or answers is
// written in this package's Go files: the examples come from the
// checklists and scenarios.yaml.
func TestNoRuleIDsInCode(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "schemas", "checklists")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	ids := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var cl checklist
		if err := json.Unmarshal(b, &cl); err != nil {
			t.Fatal(err)
		}
		for _, d := range cl.Meta.Documents {
			ids[d.ID] = true
		}
		for _, q := range cl.Meta.Questions {
			for _, o := range q.Options {
				ids[o.ID] = true
			}
		}
	}
	if len(ids) < 10 {
		t.Fatalf("only %d ids in %s", len(ids), dir)
	}
	srcs, _ := filepath.Glob("*.go")
	quoted := regexp.MustCompile(`"([a-z][a-z0-9-]*)"`)
	for _, src := range srcs {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range quoted.FindAllStringSubmatch(string(b), -1) {
			if ids[m[1]] {
				t.Errorf("%s names %q, an id of the rules", src, m[1])
			}
		}
	}
}
