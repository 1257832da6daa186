package sitetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// searchQuery is one query of testdata/search-queries.yaml.
type searchQuery struct {
	Lang string   `yaml:"lang"`
	Kind string   `yaml:"kind"`
	Q    string   `yaml:"q"`
	Want []string `yaml:"want"`
}

// minRecall3 is the share of a language's queries that must have a right
// page among their first three results.
const minRecall3 = 0.85

func loadSearchQueries(t testing.TB) []searchQuery {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "search-queries.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Queries []searchQuery `yaml:"queries"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatalf("testdata/search-queries.yaml: %v", err)
	}
	return f.Queries
}

// submitSearch types q into the search form of the page open in tb and
// submits it as a reader would, waits until #search-status has announced
// the outcome, and returns the result paths (under /<lang>/, e.g.
// "services/sts-license/") in their order.
func submitSearch(tb *tab, lang, q string) []string {
	tb.t.Helper()
	paths := eval[[]string](tb, fmt.Sprintf(`(async () => {
		const form = document.getElementById("search-form");
		const input = document.getElementById("search-q");
		const status = document.getElementById("search-status");
		const loading = JSON.parse(form.dataset.msgs).loading;
		input.value = %s;
		form.requestSubmit();
		const t0 = performance.now();
		for (;;) {
			const s = status.textContent.trim();
			if (s && s !== loading) break;
			if (performance.now() - t0 > 30000) throw new Error("no answer in 30 s");
			await new Promise(r => setTimeout(r, 10));
		}
		return [...document.querySelectorAll("#search-results > li > a:first-of-type")].map(a => a.pathname);
	})()`, jsString(q)))
	prefix := "/" + lang + "/"
	for i, p := range paths {
		paths[i] = strings.TrimPrefix(p, prefix)
	}
	return paths
}

// searchScores are the measures of one language's queries.
type searchScores struct {
	n                       int
	hits3, prec3, recipRank float64
}

func (s searchScores) recall3() float64    { return s.hits3 / float64(s.n) }
func (s searchScores) precision3() float64 { return s.prec3 / float64(s.n) }
func (s searchScores) mrr() float64        { return s.recipRank / float64(s.n) }

// score adds one query's results to s.
func (s *searchScores) score(results, want []string) (rank int) {
	s.n++
	right := 0
	for i, r := range results {
		if !slices.Contains(want, r) {
			continue
		}
		if i < 3 {
			right++
		}
		if rank == 0 {
			rank = i + 1
		}
	}
	if rank > 0 && rank <= 3 {
		s.hits3++
	}
	if rank > 0 {
		s.recipRank += 1 / float64(rank)
	}
	s.prec3 += float64(right) / 3
	return rank
}

// TestSearchQuality runs the query set of testdata/search-queries.yaml
// through each language's search page, one tab per language reused for all
// its queries (so a result that depends on an earlier search shows), and
// fails a language whose recall@3 is under minRecall3. The measures are
// logged, and written as JSON to $RUQSAT_SEARCH_SCORES when that is set.
func TestSearchQuality(t *testing.T) {
	queries := loadSearchQueries(t)
	scores := map[string]*searchScores{}
	for _, lang := range langs {
		var qs []searchQuery
		for _, q := range queries {
			if q.Lang == lang {
				qs = append(qs, q)
			}
		}
		if len(qs) < 20 {
			t.Errorf("%s: %d queries in the set, want at least 20", lang, len(qs))
		}
		t.Run(lang, func(t *testing.T) {
			tb := newTab(t)
			tb.open("/" + lang + "/search/")
			s := &searchScores{}
			scores[lang] = s
			for _, q := range qs {
				got := submitSearch(tb, lang, q.Q)
				if len(got) > 25 {
					got = got[:25]
				}
				rank := s.score(got, q.Want)
				if rank == 0 || rank > 3 {
					top := got[:min(3, len(got))]
					t.Logf("miss (%s) %q: want %v, rank %d, top 3 %v", q.Kind, q.Q, q.Want, rank, top)
				}
			}
			t.Logf("%s: %d queries, recall@3 %.2f, precision@3 %.2f, MRR %.2f",
				lang, s.n, s.recall3(), s.precision3(), s.mrr())
			if s.recall3() < minRecall3 {
				t.Errorf("%s: recall@3 %.2f, want at least %.2f", lang, s.recall3(), minRecall3)
			}
		})
	}
	if out := os.Getenv("RUQSAT_SEARCH_SCORES"); out != "" {
		m := map[string]map[string]float64{}
		for l, s := range scores {
			m[l] = map[string]float64{"queries": float64(s.n), "recall@3": s.recall3(), "precision@3": s.precision3(), "mrr": s.mrr()}
		}
		b, _ := json.MarshalIndent(m, "", "  ")
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Error(err)
		}
	}
}
