package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSearchShards: a site of two families of services, a-* then b-*
// (like the STS and CIPF services, or a larger site's clones), is indexed
// in shards that each hold both families, none over the limit, every
// service exactly once and the pages outside services/ in the first.
// Filled in order, the first shards held only a-* services and the last
// only b-*, and Pagefind's scores from the two could not be compared.
func TestSearchShards(t *testing.T) {
	site := t.TempDir()
	write := func(p string) {
		p = filepath.Join(site, "ru", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<main data-pagefind-body>x</main>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html")
	write("acts/index.html")
	write("services/index.html")
	const perService, services, limit = 10, 6, 45
	for _, fam := range []string{"a", "b"} {
		for i := 1; i <= services; i++ {
			for p := range perService {
				write(filepath.Join("services", fam+"-"+string(rune('0'+i)), string(rune('a'+p)), "index.html"))
			}
		}
	}
	globs, err := searchShards(site, "ru", limit)
	if err != nil {
		t.Fatal(err)
	}
	// 123 pages: three shards of at most 45.
	if len(globs) != 3 {
		t.Fatalf("%d shards, want 3: %q", len(globs), globs)
	}
	svc := regexp.MustCompile(`services/([ab])-(\d)/\*\*`)
	seen := map[string]int{}
	for i, g := range globs {
		fams := map[string]int{}
		for _, m := range svc.FindAllStringSubmatch(g, -1) {
			fams[m[1]]++
			seen[m[1]+m[2]]++
		}
		pages := perService * (fams["a"] + fams["b"])
		if i == 0 {
			if !strings.Contains(g, "acts/**/*.html") || !strings.Contains(g, "services/*.html") || !strings.Contains(g, "index.html") {
				t.Errorf("shard 0 %q lacks the pages outside services/", g)
			}
			pages += 3
		}
		if pages > limit {
			t.Errorf("shard %d holds %d pages, over %d: %q", i, pages, limit, g)
		}
		if fams["a"] == 0 || fams["b"] == 0 {
			t.Errorf("shard %d holds one family of services only: %q", i, g)
		}
	}
	if len(seen) != 2*services {
		t.Errorf("%d services in the shards, want %d", len(seen), 2*services)
	}
	for s, n := range seen {
		if n != 1 {
			t.Errorf("service %s in %d shards", s, n)
		}
	}
}
