package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ruqsat/internal/rules"
)

// searchHit is one result as the search page shows it.
type searchHit struct {
	Path  string `json:"path"`  // under /<lang>/
	Now   string `json:"now"`   // the badge's status: in-force, repealed, coming, unknown, none
	Badge string `json:"badge"` // the badge's text
}

// searchHits returns the results on the page after submitSearch.
func searchHits(tb *tab, lang string) []searchHit {
	tb.t.Helper()
	hits := eval[[]searchHit](tb, `[...document.querySelectorAll("#search-results > li")].map(li => {
		const b = li.querySelector(".search-status");
		return {path: li.querySelector("a").pathname, now: b ? b.dataset.now : "", badge: b ? b.textContent.trim() : ""};
	})`)
	for i := range hits {
		hits[i].Path = strings.TrimPrefix(hits[i].Path, "/"+lang+"/")
	}
	return hits
}

// TestSearchKazakhWithoutLetters: «кулик», «куэлик» and «куелик» (куәлік
// typed without ә and і, with э or е for ә) find the licence page that
// lists «куәлік» among its first three results.
func TestSearchKazakhWithoutLetters(t *testing.T) {
	dir := site(t)
	// The service pages whose text lists the word.
	var want []string
	for _, sv := range ruleSet(t).Services {
		p := "services/" + sv.ID + "/"
		b, err := os.ReadFile(filepath.Join(dir, "kk", p, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "куәлік") {
			want = append(want, p)
		}
	}
	if len(want) == 0 {
		t.Fatal("no Kazakh service page lists «куәлік»: the test has nothing to look for")
	}
	tb := newTab(t)
	tb.open("/kk/search/")
	for _, q := range []string{"кулик", "куэлик", "куелик", "куәлік"} {
		got := submitSearch(tb, "kk", q)
		top := got[:min(3, len(got))]
		if !slices.ContainsFunc(top, func(p string) bool { return slices.Contains(want, p) }) {
			t.Errorf("%q: first results %v, want one of %v", q, top, want)
		}
	}
}

// TestSearchServiceFirst: a question about a licence's price, with the
// abbreviation people use, has the licence's service page first.
func TestSearchServiceFirst(t *testing.T) {
	cases := []struct{ lang, q, want string }{
		{"ru", "сколько стоит лицензия СТС", "services/sts-license/"},
		{"kk", "АТҚ лицензиясы қанша тұрады", "services/sts-license/"},
		{"en", "how much does an STS licence cost", "services/sts-license/"},
		{"ru", "приказ 46/қе", "acts/knb-2019-46/"},
		{"en", "order 46/ke", "acts/knb-2019-46/"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.q, func(t *testing.T) {
			tb := newTab(t)
			tb.open("/" + c.lang + "/search/")
			got := submitSearch(tb, c.lang, c.q)
			if len(got) == 0 || got[0] != c.want {
				t.Errorf("results %v, want %s first", got[:min(5, len(got))], c.want)
			}
		})
	}
}

// TestSearchStatusAndOrder runs queries without a year (each service's
// name and everyday words) and checks every result: each shows a status
// badge (an edition, an act and a service page their status, the others
// what kind of page they are), editions and service pages their year, and
// no edition that is not in force comes before the service's edition in
// force.
func TestSearchStatusAndOrder(t *testing.T) {
	set := ruleSet(t)
	queries := map[string][]string{
		"ru": {"лицензия", "правила оказания", "срок рассмотрения", "заявление"},
		"kk": {"лицензия", "өтініш", "мерзімі"},
		"en": {"licence", "application", "term"},
	}
	for _, sv := range set.Services {
		for _, l := range langs {
			queries[l] = append(queries[l], sv.Name.Get(rules.Lang(l)).Text)
		}
	}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			tb := newTab(t)
			tb.open("/" + lang + "/search/")
			checked := 0
			for _, q := range queries[lang] {
				submitSearch(tb, lang, q)
				hits := searchHits(tb, lang)
				inForce := map[string]int{} // service → rank of its edition in force
				for i, h := range hits {
					if svc, ok := editionService(h.Path); ok && h.Now == "in-force" {
						if _, seen := inForce[svc]; !seen {
							inForce[svc] = i
						}
					}
				}
				for i, h := range hits {
					checked++
					if h.Badge == "" || h.Now == "" {
						t.Errorf("%q: result %d (%s) shows no status", q, i+1, h.Path)
					}
					svc, isEdition := editionService(h.Path)
					isService := strings.HasPrefix(h.Path, "services/") && strings.Count(h.Path, "/") == 2
					isAct := strings.HasPrefix(h.Path, "acts/") && h.Path != "acts/"
					if (isEdition || isService || isAct) && !slices.Contains([]string{"in-force", "repealed", "coming", "unknown"}, h.Now) {
						t.Errorf("%q: %s shows %q (%s), not a legal status", q, h.Path, h.Now, h.Badge)
					}
					if (isEdition || isService) && !containsYear(h.Badge) {
						t.Errorf("%q: %s's badge %q has no edition year", q, h.Path, h.Badge)
					}
					if isEdition && h.Now != "in-force" {
						if r, ok := inForce[svc]; ok && r > i {
							t.Errorf("%q: %s (%s) at %d outranks the edition in force at %d", q, h.Path, h.Now, i+1, r+1)
						}
					}
				}
			}
			if checked < 20 {
				t.Errorf("only %d results checked", checked)
			}
		})
	}
}

// TestSearchStateless: a query gives the same results on a fresh page and
// after other searches on the same page.
func TestSearchStateless(t *testing.T) {
	for _, c := range []struct{ lang, q string }{{"ru", "ввоз СТС"}, {"kk", "шифрлау куралдарын акелу"}, {"en", "CIPF licence"}} {
		fresh := newTab(t)
		fresh.open("/" + c.lang + "/search/")
		want := submitSearch(fresh, c.lang, c.q)
		used := newTab(t)
		used.open("/" + c.lang + "/search/")
		for _, other := range []string{"лицензия", "куәлік", "import", "xyzzy", "2019", c.q + " 2013"} {
			submitSearch(used, c.lang, other)
		}
		if got := submitSearch(used, c.lang, c.q); !slices.Equal(got, want) {
			t.Errorf("%s %q after other searches: %v\nfresh: %v", c.lang, c.q, got, want)
		}
	}
}

// TestSearchHelp: a query that finds nothing offers the same query in the
// other languages and the list of services; a misspelt word is offered its
// spelling from the index.
func TestSearchHelp(t *testing.T) {
	set := ruleSet(t)
	for _, lang := range langs {
		tb := newTab(t)
		tb.open("/" + lang + "/search/")
		if got := submitSearch(tb, lang, "щщщзз"); len(got) != 0 {
			t.Errorf("%s: nonsense found %v", lang, got)
		}
		links := eval[[]string](tb, `[...document.querySelectorAll("#search-help a")].map(a => a.pathname + a.search)`)
		for _, l := range langs {
			if l == lang {
				continue
			}
			if !slices.ContainsFunc(links, func(s string) bool { return strings.HasPrefix(s, "/"+l+"/search/?q=") }) {
				t.Errorf("%s: no link to the %s search in %v", lang, l, links)
			}
		}
		for _, sv := range set.Services {
			if !slices.Contains(links, "/"+lang+"/services/"+sv.ID+"/") {
				t.Errorf("%s: the help does not list service %s", lang, sv.ID)
			}
		}
	}
	tb := newTab(t)
	tb.open("/ru/search/")
	submitSearch(tb, "ru", "лецензия")
	sugg := eval[[]string](tb, `[...document.querySelectorAll("#search-help a")].map(a => a.textContent)`)
	if !slices.Contains(sugg, "лицензия") {
		t.Errorf("«лецензия»: suggestions %v, want «лицензия»", sugg)
	}
}

func editionService(p string) (string, bool) {
	parts := strings.Split(strings.TrimSuffix(p, "/"), "/")
	if len(parts) == 3 && parts[0] == "services" && len(parts[2]) == 4 && parts[2][0] >= '1' && parts[2][0] <= '2' {
		return parts[1], true
	}
	return "", false
}

func containsYear(s string) bool {
	for y := 1990; y <= 2100; y++ {
		if strings.Contains(s, fmt.Sprint(y)) {
			return true
		}
	}
	return false
}

// TestSearchExcerpts: the results are listed from the bundle's table of
// pages, and each result's excerpt — the page's text around the words
// found, marked — is read once the result is on screen: the first results
// show theirs, and the last one, far below, gets its own when scrolled to.
func TestSearchExcerpts(t *testing.T) {
	tb := newTab(t)
	tb.open("/ru/search/")
	got := submitSearch(tb, "ru", "лицензия")
	if len(got) < 10 {
		t.Fatalf("%d results for «лицензия», want 10 or more to have some below the screen", len(got))
	}
	excerpts := func(sel string) string {
		return `(() => { const ps = [...document.querySelectorAll("#search-results > li` + sel + ` > p")]; return ps.length && ps.every(p => p.querySelector("mark")) ? ps.map(p => p.textContent).join("\n") : null; })()`
	}
	first := run(tb, chromedp.Poll[string](excerpts(":nth-child(-n+3)"), chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	for _, e := range strings.Split(first, "\n") {
		if !strings.Contains(strings.ToLower(e), "лиценз") {
			t.Errorf("excerpt %q does not show the word searched", e)
		}
	}
	if eval[bool](tb, `document.querySelector("#search-results > li:last-child > p").innerHTML !== ""`) {
		t.Error("the last result's excerpt was read before it came near the screen")
	}
	eval[bool](tb, `(document.querySelector("#search-results > li:last-child").scrollIntoView(), true)`)
	run(tb, chromedp.Poll[string](excerpts(":last-child"), chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
}
