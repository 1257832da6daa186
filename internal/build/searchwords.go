package build

import (
	"encoding/json"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// The site search (static/js/search.js) suggests spellings from the words
// of the index when a word of a query finds nothing: searchWords lists,
// for each language, the words of the indexed pages, most frequent first,
// in <bundle>/words-<lang>.json.

var (
	mainRe   = regexp.MustCompile(`(?s)<main[^>]*data-pagefind-body[^>]*>(.*?)</main>`)
	ignoreRe = regexp.MustCompile(`(?s)<(nav|aside|section|sup)[^>]*data-pagefind-ignore[^>]*>.*?</(nav|aside|section|sup)>`)
	tagRe    = regexp.MustCompile(`<[^>]*>`)
)

// maxWords bounds a language's list; the rarest words go first.
const maxWords = 30000

func writeSearchWords(site, bundle string, langs []string) error {
	for _, l := range langs {
		counts := map[string]int{}
		// Pages with the same text (a synthetic larger site's clones)
		// are read once.
		seen := map[string]bool{}
		err := filepath.WalkDir(filepath.Join(site, l), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() != "index.html" {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m := mainRe.FindSubmatch(b)
			if m == nil {
				return nil
			}
			body := ignoreRe.ReplaceAll(m[1], nil)
			text := html.UnescapeString(string(tagRe.ReplaceAll(body, []byte(" "))))
			if seen[text] {
				return nil
			}
			seen[text] = true
			for _, w := range strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return !unicode.IsLetter(c) }) {
				if len([]rune(w)) >= 3 {
					counts[strings.ReplaceAll(w, "ё", "е")]++
				}
			}
			return nil
		})
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
