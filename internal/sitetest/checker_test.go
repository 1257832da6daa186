package sitetest

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"go.yaml.in/yaml/v3"

	"ruqsat/checker"
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
	saveShot(tb, name, chromedp.FullScreenshot(100))
}

// viewShot is shot of what the viewport shows, e.g. an overlay at its top.
func viewShot(tb *tab, name string) {
	tb.t.Helper()
	saveShot(tb, name, chromedp.CaptureScreenshot())
}

func saveShot(tb *tab, name string, capture chromedp.Action[[]byte]) {
	tb.t.Helper()
	dir := os.Getenv("RUQSAT_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), run(tb, capture), 0o644); err != nil {
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
	// The signature module, which the page loads when a package holds a
	// signature: the reports must then be the library's.
	eval[bool](tb, `(ruqsatLoadSig(), true)`)
	waitFor(tb, `!!window.ruqsatSig`, 60*time.Second)
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

// checkedService is the service whose checker page the form tests fill:
// the one whose passing examples show every part of the form (answers,
// subspecies, applicant, fee, signed and scanned documents).
const checkedService = "sts-license"

// pageChecklist returns the edition and application kind the checker page
// chose (by default the edition in force on the site's today), and the
// x-ruqsat annotation of that checklist as generated from the rule data.
func pageChecklist(tb *tab, service string) (edition, kind string, cl checklistMeta) {
	tb.t.Helper()
	edition = eval[string](tb, `document.getElementById("chk-edition").value`)
	kind = eval[string](tb, `document.getElementById("chk-kind").value`)
	if edition == "" || kind == "" {
		tb.t.Fatalf("the checker page chose no edition (%q) or kind (%q)", edition, kind)
	}
	dir := filepath.Join(repoRoot(tb.t), "schemas", "checklists")
	var index struct {
		Services map[string]struct {
			Editions []struct {
				Edition string
				Kinds   []struct{ Kind, Checklist string }
			}
		}
	}
	readJSON(tb.t, filepath.Join(dir, "index.json"), &index)
	for _, e := range index.Services[service].Editions {
		for _, k := range e.Kinds {
			if e.Edition == edition && k.Kind == kind && k.Checklist != "" {
				var schema struct {
					Meta checklistMeta `json:"x-ruqsat"`
				}
				readJSON(tb.t, filepath.Join(dir, k.Checklist), &schema)
				return edition, kind, schema.Meta
			}
		}
	}
	tb.t.Fatalf("schemas/checklists/index.json has no checklist for %s %s %s", service, edition, kind)
	return
}

// checklistMeta is what the tests read of a checklist's x-ruqsat
// annotation: the questions, the items and the fee.
type checklistMeta struct {
	Questions []struct {
		ID        string
		Options   []struct{ ID string }
		AskedWhen []map[string][]string `json:"asked_when"`
	}
	Documents []struct {
		ID      string
		Medium  string
		When    map[string][]string
		IfAny   bool `json:"if_any"`
		Fetched bool
	}
	Fee *struct {
		Due bool
		MCI *float64
	}
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// passExample is the generated passing package of a checklist
// (examples/<service>-<edition>-<kind>-pass): what an applicant who meets
// every requirement fills in and attaches.
type passExample struct {
	Dir       string            `yaml:"-"`
	Verdict   string            `yaml:"-"`
	Edition   string            `yaml:"edition"`
	Filed     string            `yaml:"filed"`
	Answers   map[string]any    `yaml:"answers"`
	Applicant map[string]string `yaml:"applicant"`
	Fee       map[string]any    `yaml:"fee"`
	Change    map[string]string `yaml:"change"`
	Info      map[string]string `yaml:"info"`
	Documents map[string]any    `yaml:"documents"`
}

// readPassExample reads the generated example of the checklist that meets
// every requirement: -pass, or -incomplete-signature-chain where its
// signatures are made with the test key (valid, the applicant's, but not
// issued by the NCA). Verdict is what the checker gives it.
func readPassExample(t testing.TB, service, edition, kind string) *passExample {
	t.Helper()
	base := service + "-" + edition + "-" + kind
	if _, err := os.Stat(filepath.Join(repoRoot(t), "examples", base+"-pass")); err == nil {
		ex := readExample(t, base+"-pass", edition)
		ex.Verdict = "pass"
		return ex
	}
	ex := readExample(t, base+"-incomplete-signature-chain", edition)
	ex.Verdict = "incomplete"
	return ex
}

// verdictOfExample is the verdict an example's name says.
func verdictOfExample(name string) string {
	for _, v := range []string{"pass", "fail", "incomplete", "cannot"} {
		if strings.Contains(name, "-"+v+"-") || strings.HasSuffix(strings.TrimSuffix(name, ".zip"), "-"+v) {
			return v
		}
	}
	return ""
}

// readExample reads examples/<name>, whose edition must be edition.
func readExample(t testing.TB, name, edition string) *passExample {
	t.Helper()
	ex := &passExample{Dir: filepath.Join(repoRoot(t), "examples", name)}
	b, err := os.ReadFile(filepath.Join(ex.Dir, "manifest.yaml"))
	if err != nil {
		t.Fatalf("no example %s for the checklist the page chose: %v", name, err)
	}
	if err := yaml.Unmarshal(b, ex); err != nil {
		t.Fatalf("%s: %v", ex.Dir, err)
	}
	if ex.Edition != "" && ex.Edition != edition {
		t.Fatalf("%s names edition %s", ex.Dir, ex.Edition)
	}
	return ex
}

// files returns the example's files of a checklist item, on disk.
func (ex *passExample) files(t testing.TB, item string) []string {
	t.Helper()
	var rel []string
	switch v := ex.Documents[item].(type) {
	case string:
		rel = []string{v}
	case []any:
		for _, p := range v {
			s, ok := p.(string)
			if !ok {
				t.Fatalf("%s: documents.%s holds %v", ex.Dir, item, p)
			}
			rel = append(rel, s)
		}
	default:
		t.Fatalf("%s: documents.%s holds %v", ex.Dir, item, v)
	}
	var out []string
	for _, p := range rel {
		out = append(out, filepath.Join(ex.Dir, filepath.FromSlash(p)))
	}
	return out
}

// fields returns the form's fields (data-field) with the example's values.
// The filing date is always set: the form starts it at today.
func (ex *passExample) fields() map[string]string {
	f := map[string]string{"filed": ex.Filed}
	for k, v := range ex.Applicant {
		f["applicant."+k] = v
	}
	for k, v := range ex.Fee {
		if d, ok := v.(time.Time); ok { // an unquoted date in YAML
			v = d.Format(time.DateOnly)
		}
		f["fee."+k] = fmt.Sprint(v)
	}
	for k, v := range ex.Change {
		f["change."+k] = v
	}
	return f
}

// TestCheckerForm fills the guided form in each language, as an applicant
// would, with the generated passing example of the checklist the page
// chose (its answers, applicant, fee, dates and one upload per item), and
// watches the verdict change: ready to submit, then a removed document, a
// wrong fee and a mistyped BIN (or IIN) each give their finding. No request
// may leave the page while the applicant works: the page makes none after
// it has loaded.
func TestCheckerForm(t *testing.T) {
	verdictWords := map[string]map[string]string{
		"pass":       {"ru": "Готов к подаче", "kk": "Беруге дайын", "en": "Ready to submit"},
		"incomplete": {"ru": "проверено не всё", "kk": "бәрі тексерілмеді", "en": "not everything could be checked"},
	}
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			tb := newTab(t)
			openChecker(tb, "/"+l+"/services/"+checkedService+"/check/")
			if got := eval[string](tb, `document.querySelector("meta[http-equiv='Content-Security-Policy']").content`); !strings.Contains(got, "connect-src 'self'") || !strings.Contains(got, "default-src 'self'") {
				t.Errorf("the checker page's CSP does not confine requests: %q", got)
			}
			edition, kind, cl := pageChecklist(tb, checkedService)
			ex := readPassExample(t, checkedService, edition, kind)
			t.Logf("%s: the page checks edition %s, %s; filling in %s", l, edition, kind, filepath.Base(ex.Dir))
			// The signature module, fetched by the page on the first
			// signed file: fetched here, so only what checking sends counts.
			eval[bool](tb, `(ruqsatLoadSig(), true)`)
			waitFor(tb, `!!window.ruqsatSig`, 60*time.Second)
			before := tb.requestCount()
			set, upload := fillExample(t, tb, ex)
			field := func(name string) string { return `[data-field="` + name + `"]` }
			items := slices.Sorted(maps.Keys(ex.Documents))
			waitFor(tb, `document.getElementById("checker").dataset.verdict === `+jsString(ex.Verdict), 20*time.Second)
			shot(tb, l+"-checker-pass")
			if s := eval[string](tb, `document.getElementById("checker-status").textContent`); !strings.Contains(s, verdictWords[ex.Verdict][l]) {
				t.Errorf("status %q does not say %q", s, verdictWords[ex.Verdict][l])
			}
			if live := eval[string](tb, `document.getElementById("checker-status").getAttribute("aria-live")`); live != "polite" {
				t.Errorf("results are not announced: aria-live=%q", live)
			}
			t.Logf("%s: ready in %s ms, last check %s ms", l,
				eval[string](tb, `document.getElementById("checker").dataset.readyMs`),
				eval[string](tb, `document.getElementById("checker").dataset.checkMs`))

			// Remove the first document of the example that the checklist
			// requires (not "if any"): the finding shows in the results and
			// beside the item, which is marked.
			required := map[string]bool{}
			for _, d := range cl.Documents {
				required[d.ID] = !d.IfAny && !d.Fetched
			}
			removed := ""
			for _, id := range items {
				if required[id] {
					removed = id
					break
				}
			}
			if removed == "" {
				t.Fatalf("the example attaches no document the checklist requires: %q", items)
			}
			tb.do(chromedp.Evaluate[chromedp.Void](`(function(){ const i = document.getElementById(` + jsString("item-"+removed) + `); i.value = ""; i.dispatchEvent(new Event("change", {bubbles: true})); })()`))
			waitFor(tb, `document.getElementById("checker").dataset.verdict === "fail"`, 20*time.Second)
			shot(tb, l+"-checker-missing-document")
			if !eval[bool](tb, `document.querySelector("#checker-results [data-code='document/missing']") !== null`) {
				t.Errorf("the removed document %s is not reported as missing", removed)
			}
			if !eval[bool](tb, `document.querySelector(`+jsString("#findings-"+removed+" [data-code='document/missing']")+`) !== null && document.getElementById(`+jsString("slot-"+removed)+`).dataset.state === "error"`) {
				t.Errorf("the slot of %s does not show its finding", removed)
			}
			upload(removed)
			waitFor(tb, `document.getElementById("checker").dataset.verdict === `+jsString(ex.Verdict), 20*time.Second)

			// A fifth too little paid, where the checklist gives the amount,
			// then a typo in the applicant's BIN or IIN (its check digit).
			paid, ok := ex.Fee["paid"].(int)
			switch {
			case cl.Fee == nil || !cl.Fee.Due || cl.Fee.MCI == nil:
				t.Logf("the checklist gives no fee amount to check (%+v): no wrong fee to try", cl.Fee)
			case !ok || paid <= 0:
				t.Errorf("%s pays no fee (%v), though the checklist gives its amount", filepath.Base(ex.Dir), ex.Fee)
			default:
				set(field("fee.paid"), strconv.Itoa(paid-max(1, paid/5)))
				waitFor(tb, `document.querySelector("#checker-results [data-code='fee/mismatch']") !== null`, 20*time.Second)
				set(field("fee.paid"), strconv.Itoa(paid))
				waitFor(tb, `document.getElementById("checker").dataset.verdict === `+jsString(ex.Verdict), 20*time.Second)
			}
			idField := ""
			for _, f := range []string{"bin", "iin"} {
				if ex.Applicant[f] != "" {
					idField = f
				}
			}
			if idField == "" {
				t.Fatalf("%s gives the applicant no BIN or IIN", filepath.Base(ex.Dir))
			}
			bad := []byte(ex.Applicant[idField])
			last := len(bad) - 1
			bad[last] = '0' + (bad[last]-'0'+1)%10
			set(field("applicant."+idField), string(bad))
			waitFor(tb, `document.querySelector("#checker-results [data-code='applicant/`+idField+`-invalid']") !== null`, 20*time.Second)
			shot(tb, l+"-checker-bad-"+idField)
			if after := tb.requestCount(); after != before {
				t.Errorf("filling the form made %d request(s); nothing may leave the page", after-before)
			}
		})
	}
}

// fillExample fills the guided form with an example package as an
// applicant would: its answers (a question appears only once the answers
// it depends on are given, so they are clicked as they appear), fields,
// information and one upload per item. It returns how to set a field and
// upload an item's files again.
func fillExample(t *testing.T, tb *tab, ex *passExample) (set func(sel, val string), upload func(item string)) {
	t.Helper()
	// need fails at once where the form lacks what the example fills
	// in (a query would wait for it until the tab's timeout).
	need := func(sel, what string) {
		t.Helper()
		if !eval[bool](tb, `document.querySelector(`+jsString(sel)+`) !== null`) {
			t.Fatalf("the form has no %s for the example's %s", sel, what)
		}
	}
	set = func(sel, val string) {
		t.Helper()
		tb.do(chromedp.SetValue(chromedp.CSS(sel), val), chromedp.Evaluate[chromedp.Void](
			`document.querySelector(`+jsString(sel)+`).dispatchEvent(new Event("input", {bubbles: true}))`))
	}
	field := func(name string) string { return `[data-field="` + name + `"]` }
	upload = func(item string) {
		t.Helper()
		sel := "#item-" + item
		need(sel+`[type=file]`, "documents."+item)
		tb.do(chromedp.SetUploadFiles(chromedp.CSS(sel), ex.files(t, item)))
	}
	shown := func(sel string) bool {
		return eval[bool](tb, `(function(){ const e = document.querySelector(`+jsString(sel)+`); return !!e && !e.closest("[hidden]"); })()`)
	}
	left := slices.Sorted(maps.Keys(ex.Answers))
	for round := 0; len(left) > 0; round++ {
		var later []string
		for _, q := range left {
			if subs, ok := ex.Answers[q].([]any); ok && q == "subspecies" {
				for _, s := range subs {
					sel := fmt.Sprintf("#sub-%v", s)
					need(sel, "subspecies "+fmt.Sprint(s))
					tb.do(chromedp.Click(chromedp.CSS(sel)))
				}
				continue
			}
			sel := fmt.Sprintf("#q-%s-%v", q, ex.Answers[q])
			need(sel, "answer "+q)
			if !shown(sel) {
				later = append(later, q)
				continue
			}
			tb.do(chromedp.Click(chromedp.CSS(sel)))
		}
		if len(later) == len(left) {
			t.Fatalf("%s answers %q, which the form does not ask for its other answers", filepath.Base(ex.Dir), later)
		}
		left = later
	}
	fields := ex.fields()
	for _, f := range slices.Sorted(maps.Keys(fields)) {
		need(field(f), f)
		set(field(f), fields[f])
	}
	for _, id := range slices.Sorted(maps.Keys(ex.Info)) {
		need("#item-"+id+"[type=text]", "info."+id)
		set("#item-"+id, ex.Info[id])
	}
	for _, id := range slices.Sorted(maps.Keys(ex.Documents)) {
		upload(id)
	}
	return set, upload
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
	// The signature module is code the page fetches from its own site the
	// first time a package may hold a signature; fetched here, so that
	// what follows counts only what checking sends.
	eval[bool](tb, `(ruqsatLoadSig(), true)`)
	waitFor(tb, `!!window.ruqsatSig`, 60*time.Second)
	before := tb.requestCount()
	// The package the examples keep zipped, whichever it is, with the
	// verdict its name says.
	zips, _ := filepath.Glob(filepath.Join(repoRoot(t), "examples", "*.zip"))
	if len(zips) == 0 {
		t.Fatal("no example zip (examples/*.zip)")
	}
	zip := zips[0]
	want := verdictOfExample(filepath.Base(zip))
	if want == "" {
		t.Fatalf("%s: the name says no verdict", zip)
	}
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{zip}))
	waitFor(tb, `document.getElementById("checker").dataset.verdict === `+jsString(want), 20*time.Second)
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
	// The signature verifier is loaded only when a package holds a
	// signature: outside the first load, reported.
	sig, err := os.ReadFile(filepath.Join(dir, "check", "ruqsat-sig.wasm.br"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%-40s %8d bytes brotli, loaded on the first signature", "check/ruqsat-sig.wasm", len(sig))
	if b, _ := os.ReadFile(filepath.Join(dir, "js", "check.js")); !bytes.Contains(b, []byte("data-sig-wasm")) {
		t.Error("check.js does not load the signature module lazily")
	}
}

// TestCheckerKeyboard uses the form with the keyboard only: Tab reaches
// every control in order, Space picks an answer, and the verdict in the
// live region follows.
func TestCheckerKeyboard(t *testing.T) {
	tb := newTab(t)
	openChecker(tb, "/ru/services/"+checkedService+"/check/")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)`))
	_, _, cl := pageChecklist(tb, checkedService)
	var order []string
	for i := 0; i < 200; i++ {
		tb.do(chromedp.KeyEvent("\t"))
		id := eval[string](tb, `document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ""`)
		order = append(order, id)
		if id == "chk-check" {
			break
		}
	}
	seen := map[string]int{}
	for i, id := range order {
		if _, ok := seen[id]; !ok {
			seen[id] = i
		}
	}
	// The controls in the page's order, from the checklist: the first
	// answer of each question (Tab enters a radio group there), the fields,
	// and the last item shown before any answer (one without conditions).
	want := []string{"chk-edition", "chk-kind"}
	for _, q := range cl.Questions {
		if len(q.AskedWhen) > 0 {
			continue // asked only once the answers it depends on are given
		}
		want = append(want, "q-"+q.ID+"-"+q.Options[0].ID)
	}
	want = append(want, "f-applicant-name")
	if cl.Fee != nil && cl.Fee.Due && cl.Fee.MCI != nil {
		want = append(want, "f-fee-paid")
	}
	lastItem := ""
	for _, d := range cl.Documents {
		if !d.Fetched && d.Medium != "object" && len(d.When) == 0 {
			lastItem = "item-" + d.ID
		}
	}
	if lastItem != "" {
		want = append(want, lastItem)
	}
	// The download button is disabled until the form has been checked
	// (nothing is checked before the applicant does something): the check
	// button is the form's last control.
	want = append(want, "chk-remember", "chk-check")
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
	if len(cl.Questions) == 0 || len(cl.Questions[0].Options) < 2 {
		t.Fatalf("the checklist has no question with two answers to pick with the keyboard: %+v", cl.Questions)
	}
	// Focus the first question's first answer with the keyboard and answer
	// it, then move to the next answer.
	q := cl.Questions[0]
	first, next := "q-"+q.ID+"-"+q.Options[0].ID, "q-"+q.ID+"-"+q.Options[1].ID
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById(` + jsString(first) + `).focus()`))
	tb.do(chromedp.KeyEvent(" "))
	if !eval[bool](tb, `document.getElementById(`+jsString(first)+`).checked`) {
		t.Fatal("Space does not pick the focused answer")
	}
	tb.do(chromedp.KeyEvent(kb.ArrowDown))
	if !eval[bool](tb, `document.getElementById(`+jsString(next)+`).checked`) {
		t.Error("the arrow keys do not move between answers")
	}
	waitFor(tb, `/ошиб/.test(document.getElementById("checker-status").textContent)`, 20*time.Second)
}

// TestCheckerBadCalls calls the WebAssembly checker's functions wrongly, as
// a page script with a bug would: no argument, wrong types. Each call
// returns a harmless value ("cannot check" for check and checkZip, never a
// verdict) and the checker keeps working afterwards.
func TestCheckerBadCalls(t *testing.T) {
	tb := newTab(t)
	openChecker(tb, "/en/check/")
	for _, c := range []struct{ call, want string }{
		{`JSON.parse(ruqsat.check()).verdict`, "cannot-check"},
		{`JSON.parse(ruqsat.check(42)).verdict`, "cannot-check"},
		{`JSON.parse(ruqsat.checkZip({zip: "not bytes"})).verdict`, "cannot-check"},
		{`JSON.parse(ruqsat.checkZip()).verdict`, "cannot-check"},
		{`String(ruqsat.checklist())`, "null"},
		{`String(ruqsat.editionOn())`, ""},
		{`typeof ruqsat.zip()`, "object"},
		{`ruqsat.init()`, "the checklist bundle is not JSON"},
	} {
		if got := eval[string](tb, c.call); got != c.want {
			t.Errorf("%s = %q, want %q", c.call, got, c.want)
		}
	}
	if n := eval[int](tb, `JSON.parse(ruqsat.services()).length`); n == 0 {
		t.Error("after the bad calls the checker lists no services: it stopped")
	}
}
