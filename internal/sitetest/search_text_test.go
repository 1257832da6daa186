package sitetest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"ruqsat/internal/build"
)

// TestSearchTextSeparated: in the search index, a list's term and its
// description, and two cells of a table, stay separate words. Pagefind
// reads <dt>, <dd>, <th> and <td> as inline, so «Срок» followed by «15
// рабочих дней» was indexed as «Срок15» — not found by «срок», and shown
// so in the results' excerpts — until each got its unseen separator
// (span.sep). For every indexed page of every language, each pair of
// neighbouring cells or list items whose texts meet letter to letter must
// not be run together in the page's indexed text.
func TestSearchTextSeparated(t *testing.T) {
	dir := site(t)
	pairs := 0
	for _, lang := range langs {
		frags, err := filepath.Glob(filepath.Join(dir, "pagefind", lang, "fragment", "*.pf_fragment"))
		if err != nil || len(frags) == 0 {
			t.Fatalf("%s: no fragments (%v)", lang, err)
		}
		for _, f := range frags {
			fr, err := build.ReadFragment(f)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			url, content := fr.URL, fr.Content
			page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(url), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range descendants(doc) {
				if !isCell(n) {
					continue
				}
				next := n.NextSibling
				for next != nil && next.Type != html.ElementNode {
					next = next.NextSibling
				}
				if next == nil || !isCell(next) {
					continue
				}
				a, b := indexedText(n), indexedText(next)
				last, first := lastWord(a), firstWord(b)
				if last == "" || first == "" {
					continue
				}
				glued := last + first
				if !strings.ContainsFunc(glued, unicode.IsLetter) {
					continue // two numbers: "1" "11" would match any 111
				}
				pairs++
				if containsWord(content, glued) {
					t.Errorf("%s: %q and %q are indexed as one word %q", url, last, first, glued)
				}
			}
		}
	}
	if pairs < 100 {
		t.Errorf("only %d neighbouring cells and list items checked: the test finds too little to look at", pairs)
	}
}

// descendants lists the nodes under n, in document order.
func descendants(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, c)
		out = append(out, descendants(c)...)
	}
	return out
}

func isCell(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "dt", "dd", "th", "td":
		return true
	}
	return false
}

// indexedText is the text of n as Pagefind indexes it: without what is
// marked data-pagefind-ignore, and without the separators under test.
func indexedText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "data-pagefind-ignore" || (a.Key == "class" && strings.Contains(" "+a.Val+" ", " sep ")) {
					return
				}
			}
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if (j == 0 || !isWordRune(before)) && (j+len(w) == len(s) || !isWordRune(after)) {
			return true
		}
		i = j + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lastWord is the word s ends with, "" if it ends otherwise.
func lastWord(s string) string {
	rs := []rune(s)
	i := len(rs)
	for i > 0 && isWordRune(rs[i-1]) {
		i--
	}
	return string(rs[i:])
}

// firstWord is the word s begins with, "" if it begins otherwise.
func firstWord(s string) string {
	rs := []rune(s)
	i := 0
	for i < len(rs) && isWordRune(rs[i]) {
		i++
	}
	return string(rs[:i])
}
