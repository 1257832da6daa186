package sitetest

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ruqsat/checker"
	"ruqsat/checker/kzid"
	"ruqsat/schemas"
)

// The "Check my package" pages run the checker compiled to WebAssembly.
// These tests drive them as an applicant would, and hold the browser to
// the command line: the same package must give the same findings.

// openChecker opens a checker page and waits until the WebAssembly checker
// has loaded its checklists and built the form.
func openChecker(tb *tab, path string) {
	tb.t.Helper()
	tb.open(path)
	waitFor(tb, `document.getElementById("checker").dataset.readyMs !== undefined`, 60*time.Second)
}

func waitFor(tb *tab, cond string, timeout time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if eval[bool](tb, "!!("+cond+")") {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("timed out waiting for %s", cond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// shot saves a full-page screenshot of the tab into $RUQSAT_SCREENSHOTS, if
// set, for people to look at the checker in each state.
func shot(tb *tab, name string) {
	tb.t.Helper()
	dir := os.Getenv("RUQSAT_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	png := run(tb, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// libraryChecker is the checker as the command line builds it.
func libraryChecker(t testing.TB) *checker.Checker {
	t.Helper()
	sub, err := fs.Sub(schemas.Checklists, "checklists")
	if err != nil {
		t.Fatal(err)
	}
	ck, err := checker.New(sub, schemas.BaseURL+"checklists/")
	if err != nil {
		t.Fatal(err)
	}
	return ck
}

// normalized is a report as JSON, with the package name left out (the
// browser names a dropped package after its folder or file too, but tests
// pass it differently).
func normalized(t testing.TB, r *checker.Report) string {
	t.Helper()
	r.Package = ""
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCheckerMatchesCLI checks every example package in the browser (the
// folders as if dropped, the zips as if chosen) and compares the report
// with the library's for the same bytes: same verdict, same findings, same
// messages, same order.
func TestCheckerMatchesCLI(t *testing.T) {
	ck := libraryChecker(t)
	tb := newTab(t)
	openChecker(tb, "/en/check/")
	root := filepath.Join(repoRoot(t), "examples")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Name() == "README.md" {
			continue
		}
		n++
		var js string
		var lib *checker.Report
		if strings.HasSuffix(e.Name(), ".zip") {
			b, err := os.ReadFile(filepath.Join(root, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			lib = ck.CheckZip(b, e.Name(), checker.Options{Today: today})
			js = fmt.Sprintf(`ruqsat.checkZip({zip: b64(%q), name: %q, today: %q})`, base64.StdEncoding.EncodeToString(b), e.Name(), today)
		} else {
			files := map[string][]byte{}
			err := filepath.WalkDir(filepath.Join(root, e.Name()), func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(root, p)
				files[filepath.ToSlash(rel)] = b
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			lib = ck.CheckFiles(e.Name(), files, checker.Options{Today: today})
			var b strings.Builder
			b.WriteString("{")
			keys := make([]string, 0, len(files))
			for k := range files {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for i, k := range keys {
				if i > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, "%q: b64(%q)", k, base64.StdEncoding.EncodeToString(files[k]))
			}
			b.WriteString("}")
			js = fmt.Sprintf(`ruqsat.check({files: %s, name: %q, today: %q})`, b.String(), e.Name(), today)
		}
		got := eval[string](tb, `(function(){ function b64(s){ const r = atob(s), a = new Uint8Array(r.length); for (let i = 0; i < r.length; i++) a[i] = r.charCodeAt(i); return a; } return `+js+`; })()`)
		var br checker.Report
		if err := json.Unmarshal([]byte(got), &br); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if want, have := normalized(t, lib), normalized(t, &br); want != have {
			t.Errorf("%s: the browser's report differs from the library's\nlibrary: %s\nbrowser: %s", e.Name(), want, have)
		}
		// And the same verdict as the command line (folder read from disk).
		if cli := ck.CheckPath(filepath.Join(root, e.Name()), checker.Options{Today: today}); cli.Verdict != br.Verdict {
			t.Errorf("%s: CLI says %s, browser %s", e.Name(), cli.Verdict, br.Verdict)
		}
	}
	if n < 30 {
		t.Errorf("only %d examples", n)
	}
}

// validBIN returns a BIN with a correct check digit.
func validBIN() string {
	for serial := 12345; ; serial++ {
		first := fmt.Sprintf("190140%05d", serial)
		if d, ok := kzid.CheckDigit(first); ok {
			return first + string(d)
		}
	}
}

// TestCheckerForm fills the guided form for the 2023 STS licence in each
// language, as an applicant would, and watches the verdict change: ready to
// submit, then a removed document, a wrong fee and a mistyped BIN each give
// their finding beside the item. No request may leave the page while the
// applicant works: the page makes none after it has loaded.
func TestCheckerForm(t *testing.T) {
	ex := filepath.Join(repoRoot(t), "examples", "sts-license-2023-issue-pass", "docs")
	verdictWords := map[string]string{"ru": "Готов к подаче", "kk": "Беруге дайын", "en": "Ready to submit"}
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			tb := newTab(t)
			openChecker(tb, "/"+l+"/services/sts-license/check/")
			if got := eval[string](tb, `document.querySelector("meta[http-equiv='Content-Security-Policy']").content`); !strings.Contains(got, "connect-src 'self'") || !strings.Contains(got, "default-src 'self'") {
				t.Errorf("the checker page's CSP does not confine requests: %q", got)
			}
			before := tb.requestCount()
			set := func(sel, val string) {
				tb.do(chromedp.SetValue(chromedp.CSS(sel), val), chromedp.Evaluate[chromedp.Void](
					`document.querySelector(`+jsString(sel)+`).dispatchEvent(new Event("input", {bubbles: true}))`))
			}
			tb.do(
				chromedp.Click(chromedp.CSS("#q-applicant-legal-entity")),
				chromedp.Click(chromedp.CSS("#q-payment-bank")),
				chromedp.Click(chromedp.CSS("#sub-development-production")),
			)
			set("#f-applicant-name", "ТОО «Тест»")
			set("#f-applicant-bin", validBIN())
			set("#f-applicant-address", "Астана")
			set("#f-filed", "2026-11-20")
			set("#f-fee-paid", "86500")
			set("#f-fee-date", "2026-11-18")
			tb.do(
				chromedp.SetUploadFiles(chromedp.CSS("#item-application"), []string{filepath.Join(ex, "application.p7s")}),
				chromedp.SetUploadFiles(chromedp.CSS("#item-fee-receipt"), []string{filepath.Join(ex, "fee-receipt.pdf")}),
				chromedp.SetUploadFiles(chromedp.CSS("#item-qualification-form"), []string{filepath.Join(ex, "qualification-form.pdf")}),
			)
			waitFor(tb, `document.getElementById("checker").dataset.verdict === "pass"`, 20*time.Second)
			shot(tb, l+"-checker-pass")
			if s := eval[string](tb, `document.getElementById("checker-status").textContent`); !strings.Contains(s, verdictWords[l]) {
				t.Errorf("status %q does not say %q", s, verdictWords[l])
			}
			if live := eval[string](tb, `document.getElementById("checker-status").getAttribute("aria-live")`); live != "polite" {
				t.Errorf("results are not announced: aria-live=%q", live)
			}
			t.Logf("%s: ready in %s ms, last check %s ms", l,
				eval[string](tb, `document.getElementById("checker").dataset.readyMs`),
				eval[string](tb, `document.getElementById("checker").dataset.checkMs`))

			// Remove the fee receipt: the finding shows in the results and
			// beside the item, which is marked.
			tb.do(chromedp.Evaluate[chromedp.Void](`(function(){ const i = document.getElementById("item-fee-receipt"); i.value = ""; i.dispatchEvent(new Event("change", {bubbles: true})); })()`))
			waitFor(tb, `document.getElementById("checker").dataset.verdict === "fail"`, 20*time.Second)
			shot(tb, l+"-checker-missing-document")
			if !eval[bool](tb, `document.querySelector("#checker-results [data-code='document/missing']") !== null`) {
				t.Error("a removed document is not reported as missing")
			}
			if !eval[bool](tb, `document.querySelector("#findings-fee-receipt [data-code='document/missing']") !== null && document.getElementById("slot-fee-receipt").dataset.state === "error"`) {
				t.Error("the fee receipt's slot does not show its finding")
			}
			tb.do(chromedp.SetUploadFiles(chromedp.CSS("#item-fee-receipt"), []string{filepath.Join(ex, "fee-receipt.pdf")}))
			waitFor(tb, `document.getElementById("checker").dataset.verdict === "pass"`, 20*time.Second)
			// A wrong fee, then a mistyped BIN.
			set("#f-fee-paid", "70000")
			waitFor(tb, `document.querySelector("#checker-results [data-code='fee/mismatch']") !== null`, 20*time.Second)
			set("#f-fee-paid", "86500")
			bad := []byte(validBIN())
			bad[11] = '0' + (bad[11]-'0'+1)%10
			set("#f-applicant-bin", string(bad))
			waitFor(tb, `document.querySelector("#checker-results [data-code='applicant/bin-invalid']") !== null`, 20*time.Second)
			shot(tb, l+"-checker-bad-bin")
			if after := tb.requestCount(); after != before {
				t.Errorf("filling the form made %d request(s); nothing may leave the page", after-before)
			}
		})
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestCheckerZip chooses an example .zip in the drop zone's file input: the
// same verdict as the command line, and nothing sent anywhere.
func TestCheckerZip(t *testing.T) {
	tb := newTab(t)
	openChecker(tb, "/kk/check/")
	// A person takes longer than the page's warm-up to pick a file.
	waitFor(tb, `document.getElementById("checker").dataset.warm === "1"`, 30*time.Second)
	before := tb.requestCount()
	zip := filepath.Join(repoRoot(t), "examples", "sts-license-2023-issue-pass.zip")
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{zip}))
	waitFor(tb, `document.getElementById("checker").dataset.verdict === "pass"`, 20*time.Second)
	shot(tb, "kk-checker-zip")
	if after := tb.requestCount(); after != before {
		t.Errorf("checking a package made %d request(s)", after-before)
	}
	t.Logf("zip verdict in %s ms (first check of the page)", eval[string](tb, `document.getElementById("checker").dataset.checkMs`))
	// Timing of repeated checks of the same bytes, once the files are read:
	// reported, not asserted (this machine's load varies).
	b, err := os.ReadFile(zip)
	if err != nil {
		t.Fatal(err)
	}
	ms := eval[[]float64](tb, fmt.Sprintf(`(function(){ const r = atob(%q), a = new Uint8Array(r.length); for (let i = 0; i < r.length; i++) a[i] = r.charCodeAt(i);
		const out = []; for (let i = 0; i < 15; i++) { const t0 = performance.now(); ruqsat.checkZip({zip: a, name: "p.zip", today: %q}); out.push(performance.now() - t0); } return out; })()`, base64.StdEncoding.EncodeToString(b), today))
	sort.Float64s(ms)
	t.Logf("checkZip in the browser: median %.1f ms, min %.1f, max %.1f over %d runs", ms[len(ms)/2], ms[0], ms[len(ms)-1], len(ms))
	if v := runAxe(tb); len(v) > 0 {
		t.Errorf("axe on the checker page with results: %+v", v)
	}
}

// TestCheckerWeight adds up what a checker page loads, compressed as it is
// served (brotli where a .br file exists, else gzip): under 1.5 MB.
func TestCheckerWeight(t *testing.T) {
	dir := site(t)
	files := []string{"en/check/index.html", "check/ruqsat.wasm", "check/wasm_exec.js", "js/check.js", "js/site.js", "schemas/checklists/bundle.json"}
	css, _ := filepath.Glob(filepath.Join(dir, "css", "*.css"))
	for _, c := range css {
		rel, _ := filepath.Rel(dir, c)
		files = append(files, rel)
	}
	total := 0
	for _, f := range files {
		p := filepath.Join(dir, f)
		if b, err := os.ReadFile(p + ".br"); err == nil {
			total += len(b)
			t.Logf("%-40s %8d bytes brotli", f, len(b))
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write(b)
		w.Close()
		total += z.Len()
		t.Logf("%-40s %8d bytes gzip", f, z.Len())
	}
	t.Logf("total %d bytes", total)
	if total > 1500*1000 {
		t.Errorf("the checker page loads %d bytes compressed, over 1.5 MB", total)
	}
}

// TestCheckerKeyboard uses the form with the keyboard only: Tab reaches
// every control in order, Space picks an answer, and the verdict in the
// live region follows.
func TestCheckerKeyboard(t *testing.T) {
	tb := newTab(t)
	openChecker(tb, "/ru/services/sts-license/check/")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)`))
	var order []string
	for i := 0; i < 60; i++ {
		tb.do(chromedp.KeyEvent("\t"))
		id := eval[string](tb, `document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ""`)
		order = append(order, id)
		if id == "chk-download" {
			break
		}
	}
	seen := map[string]int{}
	for i, id := range order {
		if _, ok := seen[id]; !ok {
			seen[id] = i
		}
	}
	want := []string{"chk-edition", "chk-kind", "q-applicant-legal-entity", "q-payment-gateway", "f-applicant-name", "f-fee-paid", "item-qualification-form", "chk-remember", "chk-download"}
	last := -1
	for _, id := range want {
		i, ok := seen[id]
		if !ok {
			t.Errorf("Tab never reaches #%s; order: %v", id, order)
			continue
		}
		if i < last {
			t.Errorf("#%s comes before the controls above it; order: %v", id, order)
		}
		last = i
	}
	// Focus the applicant question with the keyboard and answer it.
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("q-applicant-legal-entity").focus()`))
	tb.do(chromedp.KeyEvent(" "))
	if !eval[bool](tb, `document.getElementById("q-applicant-legal-entity").checked`) {
		t.Fatal("Space does not pick the focused answer")
	}
	tb.do(chromedp.KeyEvent(kb.ArrowDown))
	if !eval[bool](tb, `document.getElementById("q-applicant-branch").checked`) {
		t.Error("the arrow keys do not move between answers")
	}
	waitFor(tb, `/ошиб/.test(document.getElementById("checker-status").textContent)`, 20*time.Second)
}
