package sitetest

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ruqsat/internal/rules"
)

// TestCitationsLand clicks a citation on every page template that cites,
// in each language, as a reader would: the footnote marker, then the
// footnote's link. It must land on the act's text, on the cited unit,
// highlighted and in view, and the highlighted words must be the unit's
// words in the source file (read here from the rule data, not the page).
func TestCitationsLand(t *testing.T) {
	set := ruleSet(t)
	// Templates whose facts carry citations: each must have one that
	// leads to an act's text.
	citing := map[string]bool{"service": true, "history": true, "edition": true, "act-in-sources": true, "act-mentioned": true, "coverage": true, "tables": true}
	for _, l := range langs {
		for _, p := range pageTypes(t) {
			t.Run(l+"/"+p.Name, func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				tb.open("/" + l + "/" + p.Path)
				// Mark the first marker whose footnote leads to a text.
				found := eval[bool](tb, `(() => {
					for (const m of document.querySelectorAll("sup.cite a[href^='#fn-']")) {
						const li = document.getElementById(m.getAttribute("href").slice(1));
						const a = li && li.querySelector("a[href*='/text/']");
						if (a) { m.dataset.test = "marker"; a.dataset.test = "link"; return true; }
					}
					return false;
				})()`)
				if !found {
					if citing[p.Kind] {
						t.Fatalf("/%s/%s: no citation leads to an act's text", l, p.Path)
					}
					return
				}
				tb.do(chromedp.Click(chromedp.CSS(`[data-test=marker]`)))
				if got := eval[string](tb, `document.querySelector(":target") ? document.querySelector(":target").id : ""`); !strings.HasPrefix(got, "fn-") {
					t.Fatalf("/%s/%s: the marker led to %q, not to its footnote", l, p.Path, got)
				}
				if _, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS(`[data-test=link]`))); err != nil {
					t.Fatal(err)
				}
				checkLanding(t, tb, set, l)
			})
		}
	}
}

// checkLanding checks the page a citation led to: the act's text, the
// cited unit targeted, highlighted, in view, holding the unit's words.
func checkLanding(t *testing.T, tb *tab, set *rules.Set, reader string) {
	t.Helper()
	u, err := url.Parse(run(tb, chromedp.Location()))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^/(ru|kk|en)/acts/([^/]+)/text/(ru|kk|en)/$`).FindStringSubmatch(u.Path)
	if m == nil || m[1] != reader {
		t.Fatalf("the citation led to %s, not to an act's text in the reader's site language %s", u, reader)
	}
	a := set.Acts[m[2]]
	if a == nil {
		t.Fatalf("%s: no act %s", u, m[2])
	}
	seed := a.Seed(rules.Lang(m[3]))
	if seed == nil {
		t.Fatalf("%s: act %s has no %s text", u, a.ID, m[3])
	}
	// The reader's language when the act has the unit in it.
	var unit *rules.Unit
	for i := range a.Outline {
		if rules.UnitAnchor(a.Outline[i].At) == u.Fragment {
			unit = &a.Outline[i]
		}
	}
	if unit == nil {
		t.Fatalf("%s: %q is no unit of %s", u, u.Fragment, a.ID)
	}
	if _, in := unit.Lines[rules.Lang(reader)]; in && m[3] != reader {
		t.Errorf("%s: the act has the unit in %s, the reader's language, but the link shows the %s text", u, reader, m[3])
	}
	sp := unit.Lines[seed.Lang]
	var want string
	for _, line := range set.Seeds[seed.File][sp.First-1 : sp.Last] {
		if want = strings.Join(strings.Fields(line), " "); want != "" {
			break
		}
	}
	type landing struct {
		ID, Text, Background string
		Top, Height          float64
		Viewport             float64
	}
	got := eval[landing](tb, `(() => {
		const e = document.querySelector(":target");
		if (!e) return {};
		const r = e.getBoundingClientRect();
		return {ID: e.id, Text: e.textContent.replace(/\s+/g, " ").trim(),
			Background: getComputedStyle(e).backgroundColor, Top: r.top, Height: r.height, Viewport: innerHeight};
	})()`)
	if got.ID != u.Fragment {
		t.Fatalf("%s: the page's target is %q", u, got.ID)
	}
	if got.Background == "" || got.Background == "rgba(0, 0, 0, 0)" || got.Background == "transparent" {
		t.Errorf("%s: the cited unit is not highlighted (background %q)", u, got.Background)
	}
	if got.Top < -got.Height || got.Top > got.Viewport {
		t.Errorf("%s: the cited unit is out of view (top %.0f px of %.0f)", u, got.Top, got.Viewport)
	}
	if want != "" && !strings.Contains(got.Text, want) {
		t.Errorf("%s: the highlighted words do not hold line %d of %s %q;\ngot %.200q", u, sp.First, seed.File, want, got.Text)
	}
	t.Logf("landed on %s: %.60q", u.RequestURI()+"#"+u.Fragment, want)
}

// TestCheckerRulesLand checks that every rule a checklist cites (and so
// every rule link in a checker report, CLI or browser) leads to a unit
// that exists in the act's text or page on the built site.
func TestCheckerRulesLand(t *testing.T) {
	dir := site(t)
	files, err := filepath.Glob(filepath.Join(dir, "schemas", "checklists", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no checklists in the built site (%v)", err)
	}
	ids := map[string]map[string]bool{} // page file → its ids
	idRe := regexp.MustCompile(`\sid="?([^"\s>]+)`)
	urlRe := regexp.MustCompile(`"(/(?:ru|kk|en)/acts/[^"#]+)#([^"]+)"`)
	checked := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(b) {
			t.Fatalf("%s is not JSON", f)
		}
		for _, m := range urlRe.FindAllStringSubmatch(string(b), -1) {
			page := filepath.Join(dir, filepath.FromSlash(m[1]), "index.html")
			if ids[page] == nil {
				html, err := os.ReadFile(page)
				if err != nil {
					t.Errorf("%s: rule link %s#%s: no such page", filepath.Base(f), m[1], m[2])
					ids[page] = map[string]bool{}
					continue
				}
				ids[page] = map[string]bool{}
				for _, id := range idRe.FindAllStringSubmatch(string(html), -1) {
					ids[page][id[1]] = true
				}
			}
			if !ids[page][m[2]] {
				t.Errorf("%s: rule link %s#%s: no such unit on the page", filepath.Base(f), m[1], m[2])
			}
			if !strings.Contains(m[1], "/text/") {
				t.Errorf("%s: rule link %s#%s leads to the act's page, not to its text", filepath.Base(f), m[1], m[2])
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no rule link in any checklist")
	}
	t.Logf("%d rule links in %d checklists land on their units", checked, len(files))
}
