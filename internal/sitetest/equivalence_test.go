package sitetest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ruqsat/internal/build"
	"ruqsat/internal/testrules"
)

var update = flag.Bool("update", false, "rewrite testdata/fixture-pages.txt from the site built now")

// goldenPages is what the site built from the frozen test rules says: the
// text and the links of every page. It was first written by the site
// generator that rendered page bodies in Go, before every page moved to
// Hugo's layouts, and pins that the move changed nothing a reader sees.
// A deliberate change of the pages is recorded with -update, and the diff
// of this file is the review of what readers will see differently.
const goldenPages = "testdata/fixture-pages.txt"

// fixtureToday is the date the fixture site is built on: fixed, so that
// fees in tenge and "in force" do not move with the calendar.
const fixtureToday = "2026-06-01"

func TestPagesEquivalent(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site")
	}
	root := repoRoot(t)
	repo := filepath.Join(t.TempDir(), "repo")
	if err := scaledRepo(root, repo, 1); err != nil {
		t.Fatal(err)
	}
	// The frozen rules replace the real ones: the pages then change only
	// when the site's code, layouts or strings do.
	for _, d := range []string{"rules", "sources"} {
		if err := os.RemoveAll(filepath.Join(repo, d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := testrules.Prepare(repo); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(repo, "public")
	if _, err := build.Run(context.Background(), build.Options{Root: repo, Out: out, Today: fixtureToday, SkipSearch: true}); err != nil {
		t.Fatal(err)
	}
	got, err := pageDigest(out)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(goldenPages, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPages)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the pages' text or links changed (go test ./internal/sitetest -run TestPagesEquivalent -update records a deliberate change):\n%s", lineDiff(string(want), string(got), 40))
	}
}

// pageDigest lists, for every HTML page under dir, its path, the text a
// reader sees in its main content and footer, and every link it has.
func pageDigest(dir string) ([]byte, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var b bytes.Buffer
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "=== %s\n", filepath.ToSlash(rel))
		var text strings.Builder
		var links []string
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
				return
			}
			// An act's text is the source file's lines (TestActText in
			// internal/gen/site checks them): only its units are pinned.
			if n.Type == html.ElementNode && hasClass(n, "act-text") {
				text.WriteString("\n[the act's text]\n")
				var units func(n *html.Node)
				units = func(n *html.Node) {
					if n.Type == html.ElementNode && hasClass(n, "u") {
						for _, a := range n.Attr {
							if a.Key == "id" {
								text.WriteString("unit " + a.Val + "\n")
							}
						}
					}
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						units(c)
					}
				}
				units(n)
				return
			}
			if n.Type == html.TextNode {
				text.WriteString(n.Data)
				text.WriteByte(' ')
			}
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					if a.Key == "href" || a.Key == "src" {
						// A stylesheet's fingerprint changes with every
						// edit of the CSS, which is not what this pins.
						links = append(links, n.Data+" "+fingerprint.ReplaceAllString(a.Val, "."))
					}
				}
				// Block boundaries become line breaks, so that a diff
				// points at the paragraph or row that changed.
				switch n.Data {
				case "p", "li", "tr", "dt", "dd", "h1", "h2", "h3", "h4", "section", "details", "summary", "caption", "table", "div", "br":
					text.WriteByte('\n')
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		for _, line := range strings.Split(text.String(), "\n") {
			if line = strings.Join(strings.Fields(line), " "); line != "" {
				b.WriteString(line + "\n")
			}
		}
		for _, l := range links {
			b.WriteString("-> " + l + "\n")
		}
	}
	return b.Bytes(), nil
}

var fingerprint = regexp.MustCompile(`\.[0-9a-f]{64}\.`)

// lineDiff shows the lines only in want (-) and only in got (+), each
// under the page it belongs to.
func lineDiff(want, got string, max int) string {
	var out []string
	only := func(a, b []string, sign string) {
		left := map[string]int{}
		for _, l := range b {
			left[l]++
		}
		page := ""
		for _, l := range a {
			if strings.HasPrefix(l, "=== ") {
				page = l
			}
			if left[l] > 0 {
				left[l]--
				continue
			}
			out = append(out, page+"\n  "+sign+" "+l)
		}
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	only(w, g, "-")
	only(g, w, "+")
	if len(out) > max {
		out = append(out[:max], fmt.Sprintf("… and %d more", len(out)-max))
	}
	return strings.Join(out, "\n")
}
