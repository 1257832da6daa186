package sitetest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestWithoutJavaScript fetches one page of every template in every
// language over plain HTTP and checks that its main content is in the HTML
// the server sends, not built by a script.
func TestWithoutJavaScript(t *testing.T) {
	base := baseURL(t)
	// The element (tag.class) that holds each page type's content, and
	// how many of them at least; where the rule data gives the number of
	// the page's entries (pageRef.Items: services, acts, checklist rows,
	// gaps), at least that many.
	marker := map[string]struct {
		sel string
		min int
	}{
		"home":            {"ul.tasks a", 3},
		"services":        {"ul.services h2 a", 1},
		"service":         {"dl.facts dd", 5},
		"checklist":       {"table.checklist-table tbody tr", 1},
		"history":         {"table.changes tr", 3},
		"acts":            {"ol.act-timeline li", 1},
		"coverage":        {"table.coverage td", 8},
		"glossary":        {"table.glossary td", 10},
		"tables":          {"table.mci td", 3},
		"changes":         {"ol.changelog li", 1},
		"search":          {"form.search input", 1},
		"edition":         {"dl.facts dd", 5},
		"edition-cut-off": {"ul.gaps li", 1},
		"act-in-sources":  {"table.outline td", 3},
		"act-mentioned":   {"dl.facts dd", 3},
		"act-text":        {"div.act-text p", 1},
		"act-text-mt":     {"div.act-text p", 1},
	}
	for _, p := range pageTypes(t) {
		m, ok := marker[p.Kind]
		if !ok {
			t.Errorf("no content marker for page type %s (%s)", p.Kind, p.Path)
			continue
		}
		m.min = max(m.min, p.Items)
		for _, l := range langs {
			path := "/" + l + "/" + p.Path
			doc := parseHTML(t, fetch(t, base+path))
			main := findAll(doc, "main")
			if len(main) != 1 {
				t.Errorf("%s: %d <main> elements", path, len(main))
				continue
			}
			if h1 := findAll(main[0], "h1"); len(h1) != 1 || strings.TrimSpace(textOf(h1[0])) == "" {
				t.Errorf("%s: no h1 with text in <main>", path)
			}
			if n := len(findAll(main[0], m.sel)); n < m.min {
				t.Errorf("%s: %d × %s in the HTML, want at least %d", path, n, m.sel, m.min)
			}
		}
	}
}

// TestHreflang checks, on every page type in every language, that the page
// names its language and links its translations: an alternate for each
// language (and x-default) in <head>, and the language switch.
func TestHreflang(t *testing.T) {
	base := baseURL(t)
	for _, p := range pageTypes(t) {
		for _, l := range langs {
			path := "/" + l + "/" + p.Path
			doc := parseHTML(t, fetch(t, base+path))
			if h := findAll(doc, "html"); len(h) != 1 || attr(h[0], "lang") != l {
				t.Errorf("%s: <html lang> is not %q", path, l)
			}
			alt := map[string]string{}
			for _, n := range findAll(doc, "link") {
				if attr(n, "rel") == "alternate" && attr(n, "hreflang") != "" {
					alt[attr(n, "hreflang")] = attr(n, "href")
				}
			}
			for _, o := range langs {
				want := "/" + o + "/" + p.Path
				if alt[o] != want {
					t.Errorf("%s: hreflang=%s alternate is %q, want %q", path, o, alt[o], want)
				}
			}
			if want := "/ru/" + p.Path; alt["x-default"] != want {
				t.Errorf("%s: hreflang=x-default alternate is %q, want %q", path, alt["x-default"], want)
			}
			sw := findAll(doc, "nav.lang-switch")
			if len(sw) != 1 {
				t.Errorf("%s: no language switch", path)
				continue
			}
			for _, o := range langs {
				if o == l {
					continue
				}
				ok := false
				for _, a := range findAll(sw[0], "a") {
					if attr(a, "hreflang") == o && attr(a, "href") == "/"+o+"/"+p.Path {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s: the language switch has no link to /%s/%s", path, o, p.Path)
				}
			}
		}
	}
}

func parseHTML(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findAll returns the elements under n matching a selector of the forms
// "tag", "tag.class", ".class", with descendant steps separated by spaces:
// "table.changes tr".
func findAll(n *html.Node, sel string) []*html.Node {
	nodes := []*html.Node{n}
	for _, step := range strings.Fields(sel) {
		tag, class, _ := strings.Cut(step, ".")
		var next []*html.Node
		seen := map[*html.Node]bool{}
		for _, from := range nodes {
			walk(from, func(c *html.Node) {
				if c == from || seen[c] || c.Type != html.ElementNode {
					return
				}
				if tag != "" && c.Data != tag {
					return
				}
				if class != "" && !hasClass(c, class) {
					return
				}
				seen[c] = true
				next = append(next, c)
			})
		}
		nodes = next
	}
	return nodes
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}
