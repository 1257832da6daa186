package checker_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"ruqsat/checker"
	"ruqsat/checker/contract"
	"ruqsat/internal/testrules"
)

// checklistMetas reads the x-ruqsat annotation of every checklist under root.
func checklistMetas(t *testing.T, root string) map[string]*contract.Meta {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(root, "schemas", "checklists", "*-*.schema.json"))
	out := map[string]*contract.Meta{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var cl struct {
			Meta *contract.Meta `json:"x-ruqsat"`
		}
		if err := json.Unmarshal(b, &cl); err != nil {
			t.Fatal(err)
		}
		if cl.Meta != nil {
			out[filepath.Base(p)] = cl.Meta
		}
	}
	if len(out) == 0 {
		t.Fatalf("no checklists under %s", root)
	}
	return out
}

// TestPassExamplesAnswerOnlyAskedQuestions: a passing example answers no
// question that does not apply to it, so an example cannot hide a question
// the checklist wrongly requires (as the 2013 licence examples once
// answered "What do you need a duplicate of?" for an issue).
func TestPassExamplesAnswerOnlyAskedQuestions(t *testing.T) {
	root, err := testrules.DataRoot()
	if err != nil {
		t.Fatal(err)
	}
	ck := checkerAt(t, root)
	metas := checklistMetas(t, root)
	// Passing packages, and those not ready only because something
	// could not be checked: none may answer what does not apply.
	dirs, _ := filepath.Glob(filepath.Join(root, "examples", "*-pass*"))
	more, _ := filepath.Glob(filepath.Join(root, "examples", "*-incomplete-*"))
	dirs = append(dirs, more...)
	n := 0
	for _, dir := range dirs {
		if strings.HasSuffix(dir, ".zip") {
			continue // the same package as its folder
		}
		b, err := os.ReadFile(filepath.Join(dir, "manifest.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var man struct {
			Answers map[string]any `yaml:"answers"`
		}
		if err := yaml.Unmarshal(b, &man); err != nil {
			t.Fatal(err)
		}
		rep := ck.CheckPath(dir, checker.Options{Today: "2026-11-29", Historical: true})
		m := metas[rep.Checklist]
		if m == nil {
			t.Errorf("%s: no checklist (%s)", filepath.Base(dir), rep.Checklist)
			continue
		}
		n++
		for id := range man.Answers {
			if id == "subspecies" && len(m.Subspecies) > 0 {
				continue
			}
			q := m.Question(id)
			switch {
			case q == nil:
				t.Errorf("%s answers %q, which %s does not ask", filepath.Base(dir), id, rep.Checklist)
			case !q.Asked(man.Answers):
				t.Errorf("%s answers %q, which decides nothing for its other answers %v", filepath.Base(dir), id, man.Answers)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d passing examples checked", n)
	}
}

// TestUnaskedQuestionNeverRequired: for every checklist, question and
// combination of the other questions' answers, the checker asks for the
// answer exactly when the question decides something for those answers
// (contract.Question.Asked) — never for a question that does not apply.
func TestUnaskedQuestionNeverRequired(t *testing.T) {
	root, err := testrules.DataRoot()
	if err != nil {
		t.Fatal(err)
	}
	ck := checkerAt(t, root)
	metas := checklistMetas(t, root)
	checked, unasked := 0, 0
	for name, m := range metas {
		for qi := range m.Questions {
			q := &m.Questions[qi]
			for _, combo := range combos(m.Questions, q.ID) {
				man := map[string]any{"ruqsat": 1, "service": m.Service, "edition": m.Edition, "kind": m.Kind,
					"answers": combo, "documents": map[string]any{}}
				b, _ := json.Marshal(man)
				rep := ck.CheckFiles("p", map[string][]byte{"manifest.json": b}, checker.Options{Today: "2026-11-29", Historical: true})
				asked := false
				for _, f := range rep.Findings {
					if f.Code == "answer/missing" && strings.Contains(f.Message["en"], q.Text["en"]) {
						asked = true
					}
				}
				if want := q.Asked(combo); asked != want {
					t.Errorf("%s, answers %v: question %q required %v, want %v", name, combo, q.ID, asked, want)
				}
				checked++
				if !q.Asked(combo) {
					unasked++
				}
			}
		}
	}
	if checked == 0 || unasked == 0 {
		t.Fatalf("%d cases checked, %d of them with the question not asked: nothing tested", checked, unasked)
	}
}

// combos lists every combination of answers to the questions other than
// skip.
func combos(qs []contract.Question, skip string) []map[string]any {
	out := []map[string]any{{}}
	for _, q := range qs {
		if q.ID == skip {
			continue
		}
		var next []map[string]any
		for _, c := range out {
			for _, o := range q.Options {
				n := map[string]any{q.ID: o.ID}
				for k, v := range c {
					n[k] = v
				}
				next = append(next, n)
			}
		}
		out = next
	}
	return out
}
