package sitetest

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ruqsat/internal/build"
	"ruqsat/internal/serve"
)

// TestSearchShards indexes a copy of the built site in shards of a few
// pages, as the build does a site too large for one Pagefind run, and
// searches it in Chromium as a reader would: the bundle lists its shards,
// a service page from the last shard is found by its title, the abbreviation
// queries find what they find on the whole index, and no page comes twice.
func TestSearchShards(t *testing.T) {
	dir := t.TempDir()
	if err := copyDir(site(t), dir); err != nil {
		t.Fatal(err)
	}
	const shardPages = 40
	if _, err := build.SearchIndex(context.Background(), repoRoot(t), dir, build.SearchOptions{ShardPages: shardPages}, func(string) {}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serve.Site(dir))
	defer srv.Close()
	tb := newTabAt(t, srv.URL)
	h1 := regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, lang := range []string{"ru", "kk", "en"} {
		b, err := os.ReadFile(filepath.Join(dir, "pagefind", lang, "shards.json"))
		if err != nil {
			t.Fatal(err)
		}
		var shards []string
		if err := json.Unmarshal(b, &shards); err != nil {
			t.Fatal(err)
		}
		if len(shards) < 2 {
			t.Fatalf("%s: %d more shards at %d pages a shard, want at least 2", lang, len(shards), shardPages)
		}
		// The bundle's table of pages, which ranks the results, lists
		// every page of every shard of the language, and only those.
		b, err = os.ReadFile(filepath.Join(dir, "pagefind", lang, "pages.json"))
		if err != nil {
			t.Fatal(err)
		}
		var table map[string][2]any
		if err := json.Unmarshal(b, &table); err != nil {
			t.Fatal(err)
		}
		n := 0
		// A service of the last shard (its own page's address).
		service := regexp.MustCompile(`^/` + lang + `/(services/[^/]+/)$`)
		last := ""
		for i, sub := range append([]string{"/pagefind/" + lang + "/"}, shards...) {
			frags, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(sub), "fragment", "*.pf_fragment"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range frags {
				n++
				id := build.FragmentID(f)
				row, ok := table[id]
				u, _ := row[0].(string)
				switch {
				case !ok:
					t.Errorf("%s: page %s of %s is not in pages.json", lang, id, sub)
				case !strings.HasPrefix(u, "/"+lang+"/"):
					t.Errorf("%s: page %s has address %q in pages.json", lang, id, u)
				case i == len(shards) && service.MatchString(u):
					last = service.FindStringSubmatch(u)[1]
				}
			}
		}
		if n == 0 || len(table) != n {
			t.Errorf("%s: pages.json lists %d pages, the shards hold %d", lang, len(table), n)
		}
		if last == "" {
			t.Fatalf("%s: no service page in the last shard %s", lang, shards[len(shards)-1])
		}
		page, err := os.ReadFile(filepath.Join(dir, lang, last, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		m := h1.FindSubmatch(page)
		if m == nil {
			t.Fatalf("%s%s: no heading", lang, last)
		}
		title := strings.Join(strings.Fields(tag.ReplaceAllString(string(m[1]), " ")), " ")
		tb.open("/" + lang + "/search/")
		got := submitSearch(tb, lang, title)
		if !slices.Contains(got[:min(3, len(got))], last) {
			t.Errorf("%s %q: first results %v, want %s (last shard) among them", lang, title, got[:min(5, len(got))], last)
		}
		seen := map[string]bool{}
		for _, p := range got {
			if seen[p] {
				t.Errorf("%s %q: %s comes twice", lang, title, p)
			}
			seen[p] = true
		}
	}
	for _, c := range []struct{ lang, q, want string }{
		{"ru", "сколько стоит лицензия СТС", "services/sts-license/"},
		{"kk", "АТҚ лицензиясы қанша тұрады", "services/sts-license/"},
		{"en", "order 46/ke", "acts/knb-2019-46/"},
	} {
		tb.open("/" + c.lang + "/search/")
		if got := submitSearch(tb, c.lang, c.q); !slices.Contains(got[:min(3, len(got))], c.want) {
			t.Errorf("%s %q: first results %v, want %s among them", c.lang, c.q, got[:min(5, len(got))], c.want)
		}
	}
}
