package sitetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets axe-core checks: WCAG 2.0, 2.1 and 2.2 A and AA,
// and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource returns axe.min.js from the pinned npm tools.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		p := filepath.Join(repoRoot(t), "tools", "node_modules", "axe-core", "axe.min.js")
		b, err := os.ReadFile(p)
		if err != nil {
			axeErr = fmt.Errorf("%v (run `bash scripts/setup` to install the npm tools)", err)
			return
		}
		axeJS = string(b)
	})
	if axeErr != nil {
		t.Fatal(axeErr)
	}
	return axeJS
}

// axeViolation is what the test reports of an axe-core violation.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
	Nodes   int      `json:"nodes"`
}

// runAxe runs axe-core on the tab's page and returns the violations.
func runAxe(tb *tab) []axeViolation {
	tb.t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](axeSource(tb.t) + ";undefined"))
	tags, _ := json.Marshal(axeTags)
	js := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
		.then(r => JSON.stringify(r.violations.map(v => ({
			id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
			targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
		}))))`
	var vs []axeViolation
	if err := json.Unmarshal([]byte(eval[string](tb, js)), &vs); err != nil {
		tb.t.Fatal(err)
	}
	return vs
}

// TestAccessibility runs axe-core on one page of every template in every
// language; the search page is checked with results shown.
func TestAccessibility(t *testing.T) {
	browser(t)
	pages := pageTypes(t)
	for _, l := range langs {
		for _, p := range pages {
			t.Run(l+"/"+p.Name, func(t *testing.T) {
				t.Parallel() // tabs of one browser; -parallel bounds them
				tb := newTab(t)
				if p.Kind == "search" {
					if hits := search(tb, l, searchWord[l]); len(hits) == 0 {
						t.Errorf("no search results for %q to check", searchWord[l])
					}
				} else {
					tb.open("/" + l + "/" + p.Path)
				}
				for _, v := range runAxe(tb) {
					t.Errorf("/%s/%s: axe %s (%s) on %d element(s): %s; first: %s",
						l, p.Path, v.ID, v.Impact, v.Nodes, v.Help, strings.Join(v.Targets, " | "))
				}
			})
		}
	}
}

// searchWord is a query with many results in each language.
var searchWord = map[string]string{"ru": "лицензия", "kk": "куәлік", "en": "licence"}
