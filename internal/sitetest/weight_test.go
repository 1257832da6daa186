package sitetest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// maxPageWeight bounds a page with its stylesheets and scripts, gzipped
// (50 KB; the search index and the checker's WebAssembly are not counted).
const maxPageWeight = 50_000

// maxActTextWeight bounds the page of an act's whole text (150 KB gzipped):
// a long act is one page, so that every citation lands in it, as long as
// it stays this light; past that it should be split by chapter.
const maxActTextWeight = 150_000

func isActText(page string) bool {
	return strings.Contains(page, "/acts/") && strings.Contains(page, "/text/")
}

type weight struct {
	page  string
	total int
	parts []string // "file size", for the report
}

// TestPageWeight gzips every HTML page together with the CSS and
// JavaScript it loads and checks the heaviest stays under maxPageWeight.
func TestPageWeight(t *testing.T) {
	dir := site(t)
	sizes := map[string]int{} // site path → gzipped size
	gz := func(p string) (int, error) {
		if n, ok := sizes[p]; ok {
			return n, nil
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return 0, err
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		w.Write(b)
		w.Close()
		sizes[p] = buf.Len()
		return buf.Len(), nil
	}
	var ws []weight
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel := "/" + filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		n, err := gz(rel)
		if err != nil {
			return err
		}
		w := weight{page: rel, total: n, parts: []string{fmt.Sprintf("html %d", n)}}
		assets, err := pageAssets(p, rel)
		if err != nil {
			return err
		}
		for _, a := range assets {
			n, err := gz(a)
			if err != nil {
				return fmt.Errorf("%s loads %s: %w", rel, a, err)
			}
			w.total += n
			w.parts = append(w.parts, fmt.Sprintf("%s %d", path.Base(a), n))
		}
		ws = append(ws, w)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) == 0 {
		t.Fatal("no pages")
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].total > ws[j].total })
	texts := 0
	for _, kind := range []struct {
		name  string
		texts bool
		max   int
	}{{"pages", false, maxPageWeight}, {"acts' texts", true, maxActTextWeight}} {
		var of []weight
		for _, w := range ws {
			if isActText(w.page) == kind.texts {
				of = append(of, w)
			}
		}
		if len(of) == 0 {
			t.Fatalf("no %s", kind.name)
		}
		t.Logf("heaviest %s:", kind.name)
		for _, w := range of[:min(5, len(of))] {
			t.Logf("%6d B gzip  %s (%s)", w.total, w.page, strings.Join(w.parts, " + "))
		}
		if w := of[0]; w.total >= kind.max {
			t.Errorf("%s weighs %d B gzipped with its CSS and JS, over %d B", w.page, w.total, kind.max)
		}
		if kind.texts {
			texts = len(of)
		}
	}
	if texts == 0 {
		t.Error("no act's text among the pages")
	}
}

// pageAssets lists the site's stylesheets and scripts a page loads, except
// the Pagefind index and WebAssembly.
func pageAssets(file, rel string) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return nil, err
	}
	base := pageURL(rel)
	seen := map[string]bool{}
	var out []string
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		var ref string
		switch {
		case n.Data == "script":
			ref = attr(n, "src")
		case n.Data == "link" && strings.Contains(" "+strings.ToLower(attr(n, "rel"))+" ", " stylesheet "):
			ref = attr(n, "href")
		case n.Data == "link" && strings.Contains(attr(n, "rel"), "preload"):
			ref = attr(n, "href")
		}
		if ref == "" {
			return
		}
		u, err := url.Parse(ref)
		if err != nil || u.Host != "" {
			return // TestLinks reports these
		}
		p := base.ResolveReference(u).Path
		if strings.HasPrefix(p, "/pagefind/") || strings.HasSuffix(p, ".wasm") || seen[p] {
			return
		}
		seen[p] = true
		out = append(out, p)
	})
	return out, nil
}
