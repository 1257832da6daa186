package sitetest

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// brokenKazakh are forms a Kazakh lawyer would not write, each with what
// to write instead (issue 10; /work/shared/research/kazakh-dates.md).
var brokenKazakh = []struct {
	re   *regexp.Regexp
	want string
}{
	{regexp.MustCompile(`жылғы \d+ \p{L}+(?:дағы|дегі|тағы|тегі) (?:бастап|дейін|ерте|бұрын|күнгі)`), "a date in the case of its phrase: «1 қаңтардан бастап», «1 қаңтарға дейін», «27 шілдеден ерте емес», «… жағдай бойынша»"},
	{regexp.MustCompile(`\p{L}+(?:дағы|дегі|тағы|тегі) бұрын емес`), "«…-дан/-ден ерте емес»"},
	{regexp.MustCompile(`бұрын емес`), "«…-дан/-ден ерте емес» (not earlier than)"},
	{regexp.MustCompile(`\d+ жолдар`), "an ordinal with a hyphen for cited lines: «79-жол», «205–207-жолдар» (a count keeps the noun singular: «2297 жол»)"},
	{regexp.MustCompile(`(?i)басылым`), "«редакция» for an edition of an act"},
	{regexp.MustCompile(`Өтініш: беру`), "«Өтініш түрі: беру»"},
	{regexp.MustCompile(`Тізбе тәуелді`), "«Құжаттар тізбесін айқындайтын жауаптар»"},
}

var tagRE = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]+>`)

// TestKazakhPagesGrammar reads every Kazakh page of the built site (its
// text, not its markup) and fails on the broken forms above, naming the
// page, the words and the form to write. It also checks that the pages do
// use the case forms, so that it cannot pass on pages that lost their dates.
func TestKazakhPagesGrammar(t *testing.T) {
	root := filepath.Join(site(t), "kk")
	pages := 0
	good := map[string]int{}
	goodForms := map[string]*regexp.Regexp{
		"ablative + бастап":            regexp.MustCompile(`жылғы \d+ \p{L}+(?:дан|ден|тан|тен|нан|нен) бастап`),
		"attributive + жағдай бойынша": regexp.MustCompile(`жылғы \d+ \p{L}+(?:дағы|дегі|тағы|тегі) жағдай бойынша`),
		"line ordinal":                 regexp.MustCompile(`\d+(?:–\d+)?-жол`),
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		text := html.UnescapeString(tagRE.ReplaceAllString(string(b), " "))
		text = strings.Join(strings.Fields(text), " ")
		rel, _ := filepath.Rel(root, p)
		for _, bk := range brokenKazakh {
			for _, m := range bk.re.FindAllStringIndex(text, 3) {
				from, to := max(0, m[0]-40), min(len(text), m[1]+20)
				for from > 0 && !isRuneStart(text[from]) {
					from--
				}
				for to < len(text) && !isRuneStart(text[to]) {
					to++
				}
				t.Errorf("kk/%s: «%s» — write %s", rel, text[from:to], bk.want)
			}
		}
		for name, re := range goodForms {
			if re.MatchString(text) {
				good[name]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Errorf("only %d Kazakh pages found under %s", pages, root)
	}
	for name := range goodForms {
		if good[name] == 0 {
			t.Errorf("no Kazakh page has a %s: the scan saw no dates or lines to judge", name)
		}
	}
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// TestProvenanceUpFront opens one page of every template in each language
// and finds the line saying the site is unofficial in its header; on the
// edition whose act's only text in the sources is an unofficial
// translation (the act data says so, not a page list), it finds the notice
// above the first fact; and the "as of" beside a status follows the
// reader's date as the status does.
func TestProvenanceUpFront(t *testing.T) {
	tr := strs(t)
	set := ruleSet(t)
	for _, l := range langs {
		for _, p := range pageTypes(t) {
			t.Run(l+"/"+p.Name, func(t *testing.T) {
				tb := newTab(t)
				tb.open("/" + l + "/" + p.Path)
				got := eval[string](tb, `(() => { const e = document.querySelector("header .unofficial"); return e && e.offsetHeight > 0 ? e.textContent : ""; })()`)
				if want := tr.T(rules.Lang(l), "unofficial_line"); strings.TrimSpace(got) != want {
					t.Errorf("/%s/%s: the header's unofficial line reads %q, want %q", l, p.Path, got, want)
				}
			})
		}
	}

	// The edition resting on an unofficial translation, from the act data.
	var ed *rules.Edition
	for _, e := range set.Editions {
		a := set.Acts[e.Act]
		if a == nil || len(a.Seeds) == 0 || !e.Kinds.Known() {
			continue
		}
		official := false
		for _, sd := range a.Seeds {
			official = official || sd.Official
		}
		if !official {
			ed = e
		}
	}
	if ed == nil {
		t.Fatal("no edition with its procedure rests on an act whose only text is unofficial")
	}
	path := "/en/services/" + ed.Service + "/" + ed.Edition + "/"
	t.Run("translation-notice"+path, func(t *testing.T) {
		tb := newTab(t)
		tb.open(path)
		res := eval[map[string]any](tb, `(() => {
			const n = document.querySelector("main [data-prov=translation]");
			const fact = document.querySelector("main dl.facts-head dd, main dl.facts dd");
			if (!n || !fact) return {found: false};
			return {found: true, text: n.textContent,
				before: !!(n.compareDocumentPosition(fact) & Node.DOCUMENT_POSITION_FOLLOWING),
				inFootnotes: !!n.closest(".footnotes")};
		})()`)
		if res["found"] != true {
			t.Fatalf("%s: no machine-translation notice, or no fact", path)
		}
		text, _ := res["text"].(string)
		lead := strings.SplitN(tr.T(rules.EN, "prov_translation"), "%s", 2)[0]
		if !strings.Contains(text, lead) || !strings.Contains(text, tr.T(rules.EN, "prov_translation_check")) {
			t.Errorf("%s: the notice reads %q", path, text)
		}
		if res["before"] != true || res["inFootnotes"] == true {
			t.Errorf("%s: the notice is not above the first fact (%v)", path, res)
		}
		shot(tb, "provenance-en-"+ed.Service+"-"+ed.Edition)
	})

	// "As of" beside a status is the reader's date, in Kazakh in the case
	// «… жағдай бойынша» needs, like the status the script recomputes.
	day := "2031-03-15"
	t.Run("as-of-on-readers-date", func(t *testing.T) {
		tb := atDate(t, day)
		tb.open("/kk/acts/")
		got := eval[[]string](tb, `[...document.querySelectorAll(".asof-inline time")].map(e => e.getAttribute("datetime") + "|" + e.textContent)`)
		if len(got) == 0 {
			t.Fatal("/kk/acts/: no «as of» beside the statuses")
		}
		want := day + "|" + legalfmt.FormatDateIn(rules.KK, day, legalfmt.Attributive)
		for _, g := range got {
			if g != want {
				t.Errorf("/kk/acts/: «as of» %q, want %q", g, want)
				break
			}
		}
		if n := eval[int](tb, `document.querySelectorAll("[data-status]").length`); n > len(got) {
			t.Errorf("/kk/acts/: %d statuses but %d «as of» dates", n, len(got))
		}
		text := eval[string](tb, `document.querySelector(".asof-inline").textContent`)
		if want := "(" + fmt.Sprintf(tr.T(rules.KK, "as_of_short"), legalfmt.FormatDateIn(rules.KK, day, legalfmt.Attributive)) + ")"; text != want {
			t.Errorf("/kk/acts/: %q, want %q", text, want)
		}
	})
}
