package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The check page's flow, as an applicant meets it: nothing is checked (and
// nothing is red) before they do something; after a drop the verdict is on
// the screen, focus is on the summary of problems, whose links lead to
// each problem; errors come before warnings, warnings before notes.

// verdictInView reports whether the verdict line is inside the viewport.
const verdictInView = `(function(){ const r = document.getElementById("checker-status").getBoundingClientRect();
	return r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1; })()`

// severityOrder is the severities of the results' findings in page order.
const severityOrder = `Array.from(document.querySelectorAll("#checker-results .result-group .finding")).map(li =>
	li.classList.contains("sev-error") ? 0 : li.classList.contains("sev-warning") ? 1 : 2)`

// TestCheckerFlow: on load, in each language, a neutral prompt and no
// verdict; a failing package dropped at phone width brings the verdict into
// view with focus on the summary, whose links move focus to the finding
// they name; errors first; axe finds nothing. Screenshots at 390 and 1280
// px (RUQSAT_SCREENSHOTS). The first and repeated drops' check times on a
// warm page are logged, with their medians.
func TestCheckerFlow(t *testing.T) {
	// The example with warnings, paid short: an error, warnings and notes.
	failing := filepath.Join(t.TempDir(), "sts-license-2023-issue-paid-short")
	if err := os.CopyFS(failing, os.DirFS(filepath.Join(repoRoot(t), "examples", "sts-license-2023-issue-incomplete-signature-chain-with-warnings"))); err != nil {
		t.Fatal(err)
	}
	man, err := os.ReadFile(filepath.Join(failing, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	short := regexp.MustCompile(`(?m)^(  paid: )\d+$`).ReplaceAll(man, []byte("${1}1000"))
	if string(short) == string(man) {
		t.Fatalf("no fee paid in the example's manifest:\n%s", man)
	}
	if err := os.WriteFile(filepath.Join(failing, "manifest.yaml"), short, 0o644); err != nil {
		t.Fatal(err)
	}
	zip := zipFolder(t, t.TempDir(), failing)
	var first, again []float64
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			tb := newTab(t)
			tb.do(chromedp.EmulateViewport(390, 844))
			openChecker(tb, "/"+l+"/services/"+checkedService+"/check/")
			tb.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
			waitFor(tb, `document.getElementById("checker").dataset.warm === "1"`, 30*time.Second)
			// Longer than the form's debounce: a check would have run.
			time.Sleep(400 * time.Millisecond)
			if v := eval[string](tb, `document.getElementById("checker").dataset.verdict || ""`); v != "" {
				t.Errorf("a verdict (%s) before the applicant did anything", v)
			}
			status := eval[string](tb, `document.getElementById("checker-status").textContent`)
			if status == "" || strings.Contains(strings.ToLower(status), map[string]string{"ru": "ошиб", "kk": "қате", "en": "error"}[l]) {
				t.Errorf("the status on load says %q, want the prompt", status)
			}
			if n := eval[int](tb, `document.querySelectorAll("#checker .sev-error, #checker [data-state=error], #checker .verdict-fail, #checker-summary").length`); n != 0 {
				t.Errorf("%d red things on load", n)
			}
			if c, bad := eval[string](tb, `getComputedStyle(document.getElementById("checker-status")).color`), "rgb(161, 29, 29)"; c == bad {
				t.Errorf("the prompt is in the colour of errors")
			}
			shot(tb, l+"-checker-load-390")
			tb.do(chromedp.EmulateViewport(viewW, viewH))
			shot(tb, l+"-checker-load-1280")
			tb.do(chromedp.EmulateViewport(390, 844))

			// A warm page (the signature module loaded, as after a first
			// signed package): the drop of a failing package.
			eval[bool](tb, `(ruqsatLoadSig(), true)`)
			waitFor(tb, `!!window.ruqsatSig`, 60*time.Second)
			tb.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
			drop := func() float64 {
				// The same file again fires no change: the input is emptied first.
				tb.do(chromedp.Evaluate[chromedp.Void](`delete document.getElementById("checker").dataset.checkMs; delete document.getElementById("checker").dataset.verdict; document.getElementById("pkg-zip").value = ""; window.scrollTo(0, 0)`))
				tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{zip}))
				waitFor(tb, `document.getElementById("checker").dataset.checkMs !== undefined && document.getElementById("checker").dataset.verdict === "fail"`, 20*time.Second)
				return eval[float64](tb, `parseFloat(document.getElementById("checker").dataset.checkMs)`)
			}
			first = append(first, drop())
			if !eval[bool](tb, verdictInView) {
				t.Errorf("after the drop the verdict is not on the screen (390 px): %v", eval[any](tb, `document.getElementById("checker-status").getBoundingClientRect().toJSON()`))
			}
			if id := eval[string](tb, `document.activeElement.id`); id != "checker-summary" {
				t.Errorf("after the drop focus is on #%s, want the summary", id)
			}
			viewShot(tb, l+"-checker-drop-390")
			order := eval[[]int](tb, severityOrder)
			if !sort.IntsAreSorted(order) || len(order) == 0 || order[0] != 0 {
				t.Errorf("findings not errors first, then warnings, then notes: %v", order)
			}
			links := eval[[]string](tb, `Array.from(document.querySelectorAll("#checker-summary a")).map(a => a.dataset.code)`)
			if len(links) < 2 || links[0] != "fee/mismatch" {
				t.Errorf("summary links %v, want the error first and then the warning", links)
			}
			for i := range links {
				js := fmt.Sprintf(`(function(){ const a = document.querySelectorAll("#checker-summary a")[%d]; a.click();
					const e = document.activeElement; return [a.getAttribute("href"), "#" + e.id, e.dataset.code || ""]; })()`, i)
				got := eval[[]string](tb, js)
				if got[0] != got[1] || got[2] != links[i] {
					t.Errorf("summary link %d (%s) to %s moves focus to %s (%s)", i, links[i], got[0], got[1], got[2])
				}
			}
			for i := 0; i < 5; i++ {
				again = append(again, drop())
			}
			tb.do(chromedp.EmulateViewport(viewW, viewH))
			shot(tb, l+"-checker-drop-1280")
			if v := runAxe(tb); len(v) > 0 {
				t.Errorf("axe on the check page after a failing check: %+v", v)
			}
		})
	}
	median := func(ms []float64) float64 {
		if len(ms) == 0 {
			return 0
		}
		s := append([]float64(nil), ms...)
		sort.Float64s(s)
		return s[len(s)/2]
	}
	t.Logf("first drop on a warm page: median %.1f ms %v; repeated drops: median %.1f ms %v", median(first), first, median(again), again)
}

// TestCheckerFormSummary: from the form, the check button brings the
// verdict into view and focus to the summary, whose links move focus to the
// field or item they concern: the BIN field for a mistyped BIN, a
// document's file input for a missing document.
func TestCheckerFormSummary(t *testing.T) {
	tb := newTab(t)
	tb.do(chromedp.EmulateViewport(390, 844))
	openChecker(tb, "/en/services/"+checkedService+"/check/")
	tb.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	_, _, cl := pageChecklist(tb, checkedService)
	// Answer every question with its first answer (a legal entity comes
	// first, which asks for the BIN), then type a BIN whose check digit is
	// wrong.
	for _, q := range cl.Questions {
		tb.do(chromedp.Click(chromedp.CSS("#q-" + q.ID + "-" + q.Options[0].ID)))
	}
	if !eval[bool](tb, `!!document.getElementById("f-applicant-bin") && !document.getElementById("f-applicant-bin").closest("[hidden]")`) {
		t.Fatalf("no BIN field after the first answers")
	}
	tb.do(chromedp.SetValue(chromedp.CSS("#f-applicant-bin"), "190140123452"), chromedp.Evaluate[chromedp.Void](
		`document.getElementById("f-applicant-bin").dispatchEvent(new Event("input", {bubbles: true}))`))
	waitFor(tb, `document.getElementById("checker").dataset.verdict === "fail"`, 20*time.Second)
	if eval[bool](tb, verdictInView) {
		t.Log("the verdict is already on the screen before the check button")
	}
	tb.do(chromedp.Click(chromedp.CSS("#chk-check")))
	waitFor(tb, `document.activeElement && document.activeElement.id === "checker-summary"`, 20*time.Second)
	if !eval[bool](tb, verdictInView) {
		t.Errorf("after the check button the verdict is not on the screen (390 px)")
	}
	viewShot(tb, "en-checker-form-summary-390")
	for code, want := range map[string]string{"applicant/bin-invalid": "f-applicant-bin", "document/missing": "item-"} {
		js := `(function(){ const a = document.querySelector('#checker-summary a[data-code="` + code + `"]'); if (!a) return "no link"; a.click(); return document.activeElement.id; })()`
		if got := eval[string](tb, js); !strings.HasPrefix(got, want) {
			t.Errorf("the summary link for %s moves focus to %q, want #%s…", code, got, want)
		}
	}
	if v := runAxe(tb); len(v) > 0 {
		t.Errorf("axe on the form with its summary: %+v", v)
	}
}
