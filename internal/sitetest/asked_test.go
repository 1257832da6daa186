package sitetest

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ruqsat/checker"
	"ruqsat/checker/contract"
)

// askedQuestions is what the library asks for a form's answers: each
// question contract.Question.Asked says decides something, after dropping
// the answers to questions not asked (which can stop another being
// asked) until nothing changes — what the page does before it writes the
// manifest.
func askedQuestions(m *contract.Meta, answers map[string]any) []string {
	a := map[string]any{}
	for k, v := range answers {
		a[k] = v
	}
	asked := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for i := range m.Questions {
			q := &m.Questions[i]
			asked[q.ID] = q.Asked(a)
			if _, given := a[q.ID]; given && !asked[q.ID] {
				delete(a, q.ID)
				changed = true
			}
		}
	}
	var out []string
	for id, ok := range asked {
		if ok {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// choose picks a service, edition and kind in the page's choosers, as the
// applicant does.
func choose(tb *tab, service, edition, kind string) {
	tb.t.Helper()
	for _, c := range [][2]string{{"chk-service", service}, {"chk-edition", edition}, {"chk-kind", kind}} {
		js := `(function(){ const s = document.getElementById(` + jsString(c[0]) + `); if (!s) return true;
			if (![...s.options].some(o => o.value === ` + jsString(c[1]) + `)) return false;
			s.value = ` + jsString(c[1]) + `; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`
		if !eval[bool](tb, js) {
			tb.t.Fatalf("#%s offers no %q", c[0], c[1])
		}
	}
}

// TestCheckerAskedQuestions: the form asks exactly the questions the
// library requires. For every checklist whose questions are asked only
// under some answers (asked_when in its x-ruqsat annotation), and every
// combination of answers (each question answered either way, or not at
// all), the questions the page shows are those contract.Question.Asked
// gives; then a complete 2013 licence issue, filled in from its example,
// needs no answer to the duplicate or renewal questions: no answer is
// missing, and the verdict is the library's.
func TestCheckerAskedQuestions(t *testing.T) {
	tb := newTab(t)
	openChecker(tb, "/en/check/")
	tb.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	dir := filepath.Join(repoRoot(t), "schemas", "checklists")
	paths, _ := filepath.Glob(filepath.Join(dir, "*-*.schema.json"))
	lists, combos := 0, 0
	for _, p := range paths {
		var schema struct {
			Meta contract.Meta `json:"x-ruqsat"`
		}
		readJSON(t, p, &schema)
		m := &schema.Meta
		conditional := slices.ContainsFunc(m.Questions, func(q contract.Question) bool { return len(q.AskedWhen) > 0 })
		if !conditional {
			continue
		}
		lists++
		choose(tb, m.Service, m.Edition, m.Kind)
		waitFor(tb, `document.querySelectorAll("#checker-questions fieldset[data-question]").length === `+fmt.Sprint(len(m.Questions)), 10*time.Second)
		// Every combination: "" leaves a question unanswered.
		all := []map[string]string{{}}
		for _, q := range m.Questions {
			var next []map[string]string
			for _, c := range all {
				for _, o := range append([]contract.Option{{ID: ""}}, q.Options...) {
					n := map[string]string{q.ID: o.ID}
					for k, v := range c {
						n[k] = v
					}
					next = append(next, n)
				}
			}
			all = next
		}
		// All combinations in one call: set the radios, let the form
		// react to the change, read the questions shown.
		b, _ := json.Marshal(all)
		got := eval[[]string](tb, `(function(all){
			return all.map(c => {
				document.querySelectorAll("#checker-questions input[type=radio]").forEach(i => { i.checked = c[i.name.slice(2)] === i.value; });
				document.querySelector("#checker-questions input").dispatchEvent(new Event("change", {bubbles: true}));
				return [...document.querySelectorAll("#checker-questions fieldset[data-question]")].filter(f => !f.hidden).map(f => f.dataset.question).sort().join(",");
			});
		})(`+string(b)+`)`)
		if len(got) != len(all) {
			t.Fatalf("%s %s %s: %d answers for %d combinations", m.Service, m.Edition, m.Kind, len(got), len(all))
		}
		for i, c := range all {
			answers := map[string]any{}
			for k, v := range c {
				if v != "" {
					answers[k] = v
				}
			}
			if len(m.Subspecies) > 0 {
				answers["subspecies"] = []any{}
			}
			if want := strings.Join(askedQuestions(m, answers), ","); got[i] != want {
				t.Errorf("%s %s %s, answers %v: the page asks [%s], the library [%s]", m.Service, m.Edition, m.Kind, c, got[i], want)
			}
			combos++
		}
	}
	if lists == 0 || combos == 0 {
		t.Fatal("no checklist asks a question only under some answers: nothing tested")
	}
	t.Logf("%d checklists, %d combinations of answers", lists, combos)

	// A complete paper issue under the 2013 edition, filled in from its
	// example: asked only whether on paper or on the portal and who
	// applies, it needs no other answer.
	tb = newTab(t)
	openChecker(tb, "/en/services/sts-license/check/")
	tb.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	choose(tb, "sts-license", "2013", "issue")
	ex := readExample(t, "sts-license-2013-issue-incomplete-fee-not-in-act", "2013")
	eval[bool](tb, `(ruqsatLoadSig(), true)`)
	waitFor(tb, `!!window.ruqsatSig`, 60*time.Second)
	fillExample(t, tb, ex)
	waitFor(tb, `document.getElementById("checker").dataset.verdict === "incomplete"`, 20*time.Second)
	shown := eval[string](tb, `[...document.querySelectorAll("#checker-questions fieldset[data-question]")].filter(f => !f.hidden).map(f => f.dataset.question).sort().join(",")`)
	if shown != "applicant,channel" {
		t.Errorf("the 2013 issue form asks %s; want applicant,channel", shown)
	}
	if eval[bool](tb, `document.querySelector("#checker-results [data-code='answer/missing']") !== null`) {
		t.Error("the 2013 issue form asks for a missing answer")
	}
	if eval[bool](tb, `document.querySelector("#checker-results .sev-error") !== null`) {
		t.Errorf("the complete 2013 issue has errors: %s", eval[string](tb, `document.getElementById("checker-results").innerText`))
	}
}

// TestCheckerDetail: a finding's technical details (the report's detail:
// the ids a manifest takes) are under its message, folded, in each
// language; the message comes first, and the detail is not in the summary
// of problems nor beside the form's items.
func TestCheckerDetail(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "examples", "sts-license-2023-issue-fail-bad-answer")
	zip := zipFolder(t, t.TempDir(), dir)
	want := libraryChecker(t).CheckPath(dir, checker.Options{Today: today})
	detail := ""
	for _, f := range want.Findings {
		if f.Code == "answer/invalid" {
			detail = f.Detail
		}
	}
	if detail == "" {
		t.Fatal("the example's answer/invalid has no detail: nothing to show")
	}
	summary := map[string]string{"ru": "Технические подробности", "kk": "Техникалық мәліметтер", "en": "Technical details"}
	for _, l := range langs {
		tb := newTab(t)
		openChecker(tb, "/"+l+"/services/"+checkedService+"/check/")
		waitFor(tb, `document.getElementById("checker").dataset.warm === "1"`, 30*time.Second)
		eval[bool](tb, `(ruqsatLoadSig(), true)`)
		waitFor(tb, `!!window.ruqsatSig`, 60*time.Second)
		tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{zip}))
		waitFor(tb, `document.getElementById("checker").dataset.verdict === "fail"`, 20*time.Second)
		viewShot(tb, l+"-checker-detail")
		got := eval[detailView](tb, `(function(){
			const li = document.querySelector('#checker-results .result-group [data-code="answer/invalid"]');
			const d = li && li.querySelector("details.finding-detail");
			if (!d) return {};
			const text = li.textContent;
			return {Open: d.open, Summary: d.querySelector("summary").textContent, Code: d.querySelector("code").textContent,
				MessageFirst: text.indexOf(d.textContent) > 0 && li.firstChild.className === "sev",
				InSummary: document.querySelectorAll("#checker-summary details").length,
				Count: document.querySelectorAll("#checker-results details.finding-detail").length};
		})()`)
		if got.Code != detail || got.Summary != summary[l] || got.Open || !got.MessageFirst || got.InSummary != 0 {
			t.Errorf("%s: the finding's details are %+v; want %q folded under %q, after the message", l, got, detail, summary[l])
		}
	}
}

// detailView is what TestCheckerDetail reads of a finding's details.
type detailView struct {
	Open             bool
	Summary, Code    string
	MessageFirst     bool
	InSummary, Count int
}
