package sitetest

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ruqsat/internal/i18n"
	"ruqsat/internal/rules"
)

// strs returns the site's interface strings, as the pages use them.
func strs(t *testing.T) *i18n.Table {
	t.Helper()
	tr, err := i18n.Load(os.DirFS(repoRoot(t)))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestHome opens the home page in each language, checks its language and
// title, and follows the first task to its service page.
func TestHome(t *testing.T) {
	tr := strs(t)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			tb := newTab(t)
			tb.open("/" + l + "/")
			if got := eval[string](tb, `document.documentElement.lang`); got != l {
				t.Errorf("<html lang=%q>, want %q", got, l)
			}
			if got, want := eval[string](tb, `document.title`), tr.T(rules.Lang(l), "site_title"); got != want {
				t.Errorf("title %q, want %q", got, want)
			}
			tasks := eval[[]string](tb, `[...document.querySelectorAll("ul.tasks a")].map(a => a.getAttribute("href"))`)
			if len(tasks) == 0 {
				t.Fatal("the task list has no links")
			}
			for _, h := range tasks {
				if !strings.HasPrefix(h, "/"+l+"/services/") {
					t.Errorf("task link %q does not lead to a service page in %s", h, l)
				}
			}
			service := eval[string](tb, `document.querySelector("ul.tasks a .task-service").textContent.trim()`)
			if _, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS("ul.tasks a"))); err != nil {
				t.Fatal(err)
			}
			if got := tb.path(); got != tasks[0] {
				t.Fatalf("the first task led to %s, want %s", got, tasks[0])
			}
			if h1 := eval[string](tb, `document.querySelector("main h1").textContent.trim()`); h1 != service {
				t.Errorf("service page h1 %q, want the task's service %q", h1, service)
			}
			check := eval[[]string](tb, `[...document.querySelectorAll("main a")].filter(a => /\/check\/$/.test(a.pathname)).map(a => a.textContent.trim())`)
			if want := tr.T(rules.Lang(l), "check_package"); !slices.Contains(check, want) {
				t.Errorf("no %q link on the service page (check links: %q)", want, check)
			}
			fee := eval[string](tb, `(document.querySelector("main .kzt") || {innerText: ""}).innerText`)
			if !regexp.MustCompile(`\d[\d\s\x{202F}\x{00A0}]*₸`).MatchString(fee) {
				t.Errorf("no fee in tenge on the service page: %q", fee)
			}
		})
	}
}

// TestSearch types queries into the search page and waits for the results
// through the ARIA live region. Kazakh queries are found in any form and
// without the Kazakh letters, through the stems of kkstem.js.
func TestSearch(t *testing.T) {
	cases := []struct {
		lang, query, want string
	}{
		{"kk", "куәліктер", "куәлік"},
		{"kk", "куалик", "куәлік"},
		{"kk", "куәлігі", "куәлік"},
		{"ru", "лицензии", "лицензия"},
		{"en", "certificates", "certificate"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.query, func(t *testing.T) {
			tb := newTab(t)
			hits := search(tb, c.lang, c.query)
			if len(hits) == 0 {
				t.Fatalf("no results for %q", c.query)
			}
			found := ""
			for _, h := range hits {
				if strings.Contains(strings.ToLower(fetch(t, tb.base+h)), c.want) {
					found = h
					break
				}
			}
			if found == "" {
				t.Errorf("none of the %d results for %q contains %q: %q", len(hits), c.query, c.want, hits)
			}
		})
	}
}

// search runs a query on the search page of lang and returns the result
// paths once #search-status announces them.
func search(tb *tab, lang, query string) []string {
	tb.t.Helper()
	tb.open("/" + lang + "/search/")
	tb.do(
		chromedp.SendKeys(chromedp.ID("search-q"), query),
		chromedp.Click(chromedp.CSS(`#search-form button[type=submit]`)),
	)
	status := run(tb, chromedp.Poll[string](`(() => {
		const s = document.getElementById("search-status").textContent.trim();
		const m = JSON.parse(document.getElementById("search-form").dataset.msgs);
		return s && s !== m.loading ? s : null;
	})()`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	hits := eval[[]string](tb, `[...document.querySelectorAll("#search-results a")].map(a => a.pathname)`)
	if len(hits) > 0 && !strings.Contains(status, strconv.Itoa(len(hits))) {
		tb.t.Errorf("status %q does not announce the %d results", status, len(hits))
	}
	return hits
}

// fetch returns a page's HTML, over plain HTTP.
func fetch(t testing.TB, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	return string(b)
}

// TestHistory checks the comparison of the editions of the service with
// the most: a comparison for each edition with the one before it, and for
// every change of an application kind's term in the rule data a visible
// row with the term before and after.
func TestHistory(t *testing.T) {
	tr := strs(t)
	set := ruleSet(t)
	sv := fullestService(set)
	if len(sv.Editions) < 2 {
		t.Fatalf("%s has %d edition(s): nothing to compare", sv.ID, len(sv.Editions))
	}
	type termChange struct {
		pair, kind, before, after string
	}
	var heads []string
	var changes []termChange
	// A term as the page spells it, e.g. "15 working days".
	days := func(term rules.Term) string {
		key := "days"
		if term.Unit != "" {
			key += "_" + term.Unit
		}
		f, _ := tr.Forms(rules.EN, key)
		form := f.Other // English: "one" for 1, else "other"
		if *term.Days == 1 && f.One != "" {
			form = f.One
		}
		return strings.ReplaceAll(form, "{{ .Count }}", strconv.Itoa(*term.Days))
	}
	for i := 1; i < len(sv.Editions); i++ {
		a, b := sv.Editions[i-1], sv.Editions[i]
		pair := a.Edition + " → " + b.Edition
		heads = append(heads, pair)
		if !a.Kinds.Known() || !b.Kinds.Known() {
			continue
		}
		for _, kb := range b.Kinds.Items {
			ka := a.Kind(kb.ID)
			if ka == nil || !ka.Term.Known() || !kb.Term.Known() || ka.Term.Days == nil || kb.Term.Days == nil {
				continue
			}
			if *ka.Term.Days != *kb.Term.Days || ka.Term.Unit != kb.Term.Unit {
				changes = append(changes, termChange{pair, kb.ID, days(ka.Term), days(kb.Term)})
			}
		}
	}
	tb := newTab(t)
	tb.open("/en/services/" + sv.ID + "/history/")
	if got := eval[[]string](tb, `[...document.querySelectorAll("section.comparison h2")].map(h => h.textContent.trim())`); !slices.Equal(got, heads) {
		t.Errorf("comparisons %q, want %q", got, heads)
	}
	type row struct {
		What, Before, After string
		Visible             bool
	}
	for _, c := range changes {
		rows := eval[[]row](tb, `(() => {
			const h = [...document.querySelectorAll("section.comparison h2")].find(h => h.textContent.trim() === `+jsString(c.pair)+`);
			if (!h) return [];
			return [...h.closest("section").querySelectorAll("table.changes tbody tr")].map(tr => ({
				// The cell as read, without its unseen separator (span.sep).
				What: tr.querySelector("th").innerText.replace(/[;:]\s*$/, "").trim(),
				Before: tr.cells[1].innerText.trim(),
				After: tr.cells[2].innerText.trim(),
				Visible: tr.checkVisibility(),
			}));
		})()`)
		kind := c.kind
		if v := rules.Find(set.Vocab.Kinds, c.kind); v != nil {
			kind = v.String(rules.EN)
		}
		what := tr.T(rules.EN, "fact_term") + " (" + kind + ")"
		ok := false
		for _, r := range rows {
			if r.What == what && strings.Contains(r.Before, c.before) && strings.Contains(r.After, c.after) {
				ok = true
				if !r.Visible {
					t.Errorf("%s: the row %q is not visible", c.pair, r.What)
				}
			}
		}
		if !ok {
			t.Errorf("%s: no row %q shows the term going from %s to %s: %+v", c.pair, what, c.before, c.after, rows)
		}
	}
	t.Logf("%d comparisons, %d changes of term", len(heads), len(changes))
}

// TestPrint prints a checklist to an A4 PDF, and checks that print media
// hide the site's header and navigation and show every row of the
// checklist, on no more pages than its rows need. The checklist is the one
// the service page offers to print, and what it must hold comes from the
// rule data.
func TestPrint(t *testing.T) {
	e := checklistEdition(fullestService(ruleSet(t)))
	if e == nil {
		t.Fatal("the rule data has no edition with a document list to print")
	}
	tables := checklistTables(e)
	docs := slices.Concat(tables...)
	tb := newTab(t)
	tb.open("/ru/services/" + e.Service + "/" + e.Edition + "/checklist/")
	pdf := run(tb, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("PrintToPDF returned no PDF (%d bytes)", len(pdf))
	}
	if dir := os.Getenv("RUQSAT_SCREENSHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "ru-checklist.pdf"), pdf, 0o644); err != nil {
			t.Error(err)
		}
	}
	// A table is not split across pages in print, so each may start a new
	// page, and a page holds at least rowsPerPage rows (a row is three to
	// six lines, a page holds about twice as many); the title with the
	// edition's facts, and the list of sources at the end, take a page each
	// at most.
	const rowsPerPage = 4
	bound := 2
	for _, rows := range tables {
		bound += max(1, (len(rows)+rowsPerPage-1)/rowsPerPage)
	}
	if n := pdfPages(pdf); n < 1 || n > bound {
		t.Errorf("the checklist of %d rows in %d table(s) prints on %d A4 pages, want 1 to %d", len(docs), len(tables), n, bound)
	} else {
		t.Logf("the checklist of %d rows in %d table(s) prints on %d A4 page(s) (at most %d), %d bytes", len(docs), len(tables), n, bound, len(pdf))
	}

	// The chrome around the checklist: hidden in print (display: none on
	// these, so nothing inside them renders either).
	hidden := []string{".site-header", ".site-nav", ".site-footer", ".crumbs", ".no-print"}
	inside := []string{".lang-switch", ".brand", ".print-button"}
	shown := []string{"main h1", "table.checklist-table"}
	type style struct {
		Display  string
		Rendered bool
	}
	styles := func() map[string]style {
		return eval[map[string]style](tb, `Object.fromEntries(`+jsList(slices.Concat(hidden, inside, shown))+`.map(s => {
			const e = document.querySelector(s);
			return [s, e ? {Display: getComputedStyle(e).display, Rendered: e.getClientRects().length > 0} : {Display: "missing"}];
		}))`)
	}
	for s, st := range styles() {
		if !st.Rendered {
			t.Errorf("on screen %s is not shown (display %s)", s, st.Display)
		}
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed := styles()
	if dir := os.Getenv("RUQSAT_SCREENSHOTS"); dir != "" {
		tb.do(chromedp.EmulateViewport(794, 1123)) // A4 at 96 dpi
		if err := os.WriteFile(filepath.Join(dir, "ru-checklist-print.png"), run(tb, chromedp.FullScreenshot(100)), 0o644); err != nil {
			t.Error(err)
		}
	}
	for _, s := range hidden {
		if st := printed[s]; st.Display != "none" {
			t.Errorf("in print %s has display %q, want none", s, st.Display)
		}
	}
	for _, s := range slices.Concat(hidden, inside) {
		if printed[s].Rendered {
			t.Errorf("in print %s is shown", s)
		}
	}
	for _, s := range shown {
		if !printed[s].Rendered {
			t.Errorf("in print %s is not shown (display %s)", s, printed[s].Display)
		}
	}

	// Every document of the rule data is a row in print, in the data's
	// order, with its text.
	type row struct {
		Text     string
		Rendered bool
	}
	rows := eval[[]row](tb, `[...document.querySelectorAll("table.checklist-table tbody tr")].map(tr => ({
		Text: tr.innerText, Rendered: tr.checkVisibility() && tr.getClientRects().length > 0,
	}))`)
	if len(rows) != len(docs) {
		t.Errorf("the printed checklist has %d rows, the rule data %d documents", len(rows), len(docs))
	}
	for i, d := range docs[:min(len(docs), len(rows))] {
		want := strings.Join(strings.Fields(d.String(rules.RU)), " ")
		if got := strings.Join(strings.Fields(rows[i].Text), " "); !strings.Contains(got, want) {
			t.Errorf("printed row %d is %q, want the document %s: %q", i+1, got, d.ID, want)
		}
		if !rows[i].Rendered {
			t.Errorf("in print the row of %s is not shown", d.ID)
		}
	}
}

// jsList writes strings as a JavaScript array literal.
func jsList(ss []string) string {
	var b strings.Builder
	b.WriteString("[")
	for i, s := range ss {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(strconv.Quote(s))
	}
	b.WriteString("]")
	return b.String()
}

// pdfPages counts the page objects of a PDF.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}
