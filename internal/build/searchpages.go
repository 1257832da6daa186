package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The site search ranks a query's results by what each page is — its
// kind, edition year, period, act number and title, the Pagefind metadata
// of _partials/search-meta.html — and Pagefind gives those only with a
// result's data(), which fetches and reads the page's whole fragment and
// builds its excerpt. Ranking the candidates that way took most of a
// query's time (40 fragments for the 25 results shown). So the build
// writes, for each language bundle, pages.json: every indexed page of the
// language's shards by its Pagefind id, with its address and metadata.
// The search page loads it with the index, ranks every candidate from it,
// and reads fragments only for the excerpts of the results it shows.

// searchPage is one page of pages.json: [url, meta].
type searchPage [2]any

// fragmentPrefix begins every Pagefind fragment once inflated.
const fragmentPrefix = "pagefind_dcd"

// writeSearchPages writes bundle/pages.json from the fragments of the
// bundle and of its shards (directories under site, as shards.json lists
// them: "/pagefind/ru-1/").
func writeSearchPages(site, bundle string, shards []string) error {
	dirs := []string{bundle}
	for _, s := range shards {
		dirs = append(dirs, filepath.Join(site, filepath.FromSlash(strings.Trim(s, "/"))))
	}
	pages := map[string]searchPage{}
	for _, d := range dirs {
		files, err := filepath.Glob(filepath.Join(d, "fragment", "*.pf_fragment"))
		if err != nil {
			return err
		}
		for _, f := range files {
			fr, err := ReadFragment(f)
			if err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			pages[FragmentID(f)] = searchPage{fr.URL, fr.Meta}
		}
	}
	b, err := json.Marshal(pages)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(bundle, "pages.json"), b, 0o644)
}

// Fragment is what a Pagefind fragment holds of its page: the address,
// the metadata and the indexed text.
type Fragment struct {
	URL     string            `json:"url"`
	Meta    map[string]string `json:"meta"`
	Content string            `json:"content"`
}

// FragmentID is the Pagefind id of the page whose fragment file is path
// (a search result's id).
func FragmentID(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".pf_fragment")
}

// ReadFragment reads a Pagefind fragment file.
func ReadFragment(path string) (Fragment, error) {
	var f Fragment
	raw, err := os.ReadFile(path)
	if err != nil {
		return f, err
	}
	z, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return f, err
	}
	b, err := io.ReadAll(z)
	if err != nil {
		return f, err
	}
	rest, ok := bytes.CutPrefix(b, []byte(fragmentPrefix))
	if !ok {
		return f, fmt.Errorf("not a Pagefind fragment (no %q)", fragmentPrefix)
	}
	if err := json.Unmarshal(rest, &f); err != nil {
		return f, err
	}
	if f.URL == "" {
		return f, fmt.Errorf("a Pagefind fragment without a url")
	}
	return f, nil
}
