package build

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The site search (static/js/search.js) suggests spellings from the words
// of the index when a word of a query finds nothing: searchWords lists,
// for each language, the words of the indexed pages, most frequent first,
// in <bundle>/words-<lang>.json.

// maxWords bounds a language's list; the rarest words go first.
const maxWords = 30000

func writeSearchWords(site, bundle string, langs []string) error {
	for _, l := range langs {
		counts, err := countWords(filepath.Join(site, l))
		if err != nil {
			return err
		}
		words := make([]string, 0, len(counts))
		for w := range counts {
			words = append(words, w)
		}
		sort.Slice(words, func(i, j int) bool {
			if counts[words[i]] != counts[words[j]] {
				return counts[words[i]] > counts[words[j]]
			}
			return words[i] < words[j]
		})
		if len(words) > maxWords {
			words = words[:maxWords]
		}
		b, err := json.Marshal(words)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(bundle, "words-"+l+".json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// countWords counts the words of the indexed text of every page under
// dir, reading the pages on every core. Pages with the same text (a
// synthetic larger site's clones) count once.
func countWords(dir string) (map[string]int, error) {
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "index.html" {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	var (
		mu     sync.Mutex
		counts = map[string]int{}
		seen   = map[[sha256.Size]byte]bool{}
		next   atomic.Int64
		wg     sync.WaitGroup
		first  error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return
				}
				b, err := os.ReadFile(pages[i])
				if err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
					return
				}
				words := indexedWords(b)
				sum := sha256.Sum256([]byte(strings.Join(words, " ")))
				mu.Lock()
				if !seen[sum] {
					seen[sum] = true
					for _, w := range words {
						counts[w]++
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return counts, first
}

// indexedWords returns the words of the text Pagefind indexes on a page:
// inside <main data-pagefind-body>, outside elements marked
// data-pagefind-ignore, scripts and styles; lower-cased, ё as е, of three
// letters or more.
func indexedWords(page []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var words []string
	inMain := false
	skip, skipName := 0, "" // depth in an ignored element, and its name
	for {
		switch z.Next() {
		case html.ErrorToken:
			return words
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			n := string(name)
			ignored := false
			body := false
			for hasAttr {
				var k []byte
				k, _, hasAttr = z.TagAttr()
				switch string(k) {
				case "data-pagefind-ignore":
					ignored = true
				case "data-pagefind-body":
					body = true
				}
			}
			switch {
			case skip > 0:
				if n == skipName {
					skip++
				}
			case n == "main" && body:
				inMain = true
			case inMain && (ignored || n == "script" || n == "style"):
				skip, skipName = 1, n
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			switch {
			case skip > 0:
				if n == skipName {
					skip--
				}
			case n == "main":
				inMain = false
			}
		case html.TextToken:
			if !inMain || skip > 0 {
				continue
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(string(z.Text())), func(c rune) bool { return !unicode.IsLetter(c) }) {
				if utf8.RuneCountInString(w) >= 3 {
					words = append(words, strings.ReplaceAll(w, "ё", "е"))
				}
			}
		}
	}
}
