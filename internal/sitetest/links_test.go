package sitetest

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// linkAttrs are the attributes that hold URLs, by element; "*" is any.
var linkAttrs = map[string][]string{
	"a": {"href"}, "area": {"href"}, "link": {"href"}, "base": {"href"},
	"script": {"src"}, "img": {"src", "srcset"}, "source": {"src", "srcset"},
	"iframe": {"src"}, "frame": {"src"}, "embed": {"src"}, "object": {"data"},
	"audio": {"src"}, "video": {"src", "poster"}, "track": {"src"},
	"input": {"src", "formaction"}, "button": {"formaction"}, "form": {"action"},
	"use": {"href", "xlink:href"}, "image": {"href", "xlink:href"},
	"*": {"background"},
}

// navRels are the <link rel> values that load nothing.
var navRels = map[string]bool{"alternate": true, "canonical": true, "author": true, "license": true, "help": true, "next": true, "prev": true}

// A linkChecker resolves the links of a built site against its files.
type linkChecker struct {
	dir  string
	ids  map[string]map[string]bool // site file → ids in it
	errs []string
	// external counts plain links to other sites, by host.
	external map[string]int
}

// TestLinks walks every HTML page, feed and stylesheet of the site, and the
// checklist schemas whose rules the checker links to, and
// checks that every link and every loaded resource resolves to a file of
// the site, and every #fragment to an element with that id. Pages may link
// to other sites with <a href> only; anything they load (scripts, styles,
// fonts, images, frames) must come from the site itself.
func TestLinks(t *testing.T) {
	lc := &linkChecker{dir: site(t), ids: map[string]map[string]bool{}, external: map[string]int{}}
	pages, feeds, styles, schemas := 0, 0, 0, 0
	err := filepath.WalkDir(lc.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := "/" + filepath.ToSlash(strings.TrimPrefix(p, lc.dir+string(filepath.Separator)))
		switch {
		case strings.HasSuffix(p, ".html"):
			pages++
			return lc.page(p, rel)
		case strings.HasSuffix(p, "atom.xml"):
			feeds++
			return lc.feed(p, rel)
		case strings.HasSuffix(p, ".css") && !strings.HasPrefix(rel, "/pagefind/"):
			styles++
			return lc.stylesheet(p, rel)
		case strings.HasPrefix(rel, "/schemas/checklists/") && strings.HasSuffix(p, ".json"):
			schemas++
			return lc.checklist(p, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lc.errs)
	for _, e := range lc.errs {
		t.Error(e)
	}
	var hosts []string
	for h, n := range lc.external {
		hosts = append(hosts, fmt.Sprintf("%s (%d)", h, n))
	}
	sort.Strings(hosts)
	t.Logf("checked %d pages, %d feeds, %d stylesheets, %d checklist schemas; links to other sites: %s",
		pages, feeds, styles, schemas, strings.Join(hosts, ", "))
	if pages < 100 {
		t.Errorf("only %d HTML pages in %s", pages, lc.dir)
	}
}

func (lc *linkChecker) errorf(format string, args ...any) {
	lc.errs = append(lc.errs, fmt.Sprintf(format, args...))
}

// pageURL is the address a file is served at: /ru/index.html → /ru/.
func pageURL(rel string) *url.URL {
	if strings.HasSuffix(rel, "/index.html") {
		rel = strings.TrimSuffix(rel, "index.html")
	}
	return &url.URL{Path: rel}
}

func (lc *linkChecker) page(file, rel string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	base := pageURL(rel)
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		attrs := slices.Concat(linkAttrs[n.Data], linkAttrs["*"])
		// A <link> that only names another document is a navigation;
		// stylesheets, icons, preloads and the like are loads.
		nav := n.Data == "a" || n.Data == "area" ||
			n.Data == "link" && navRels[strings.ToLower(attr(n, "rel"))]
		for _, a := range n.Attr {
			if !slices.Contains(attrs, a.Key) {
				continue
			}
			vals := []string{a.Val}
			if a.Key == "srcset" {
				vals = nil
				for _, c := range strings.Split(a.Val, ",") {
					if fs := strings.Fields(c); len(fs) > 0 {
						vals = append(vals, fs[0])
					}
				}
			}
			for _, v := range vals {
				lc.link(rel, base, "<"+n.Data+" "+a.Key+">", nav, v)
			}
		}
		if n.Data == "meta" && strings.EqualFold(attr(n, "http-equiv"), "refresh") {
			if _, u, ok := strings.Cut(attr(n, "content"), "url="); ok {
				lc.link(rel, base, "<meta refresh>", true, strings.TrimSpace(u))
			}
		}
		if s := attr(n, "style"); strings.Contains(s, "url(") {
			lc.cssURLs(rel, base, s)
		}
		if n.Data == "style" {
			lc.cssURLs(rel, base, textOf(n))
		}
	})
	return nil
}

// link checks one URL found in a page. A navigation (an <a href>) may go to
// another site; anything else must be loaded from this one.
func (lc *linkChecker) link(rel string, base *url.URL, where string, navigation bool, raw string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		if where == "<form action>" {
			return // the form submits to its own page
		}
		lc.errorf("%s: %s is empty", rel, where)
		return
	}
	if raw == "#" {
		lc.errorf("%s: %s is a bare #", rel, where)
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		lc.errorf("%s: %s %q: %v", rel, where, raw, err)
		return
	}
	switch u.Scheme {
	case "", "http", "https":
	case "mailto", "tel":
		if !navigation {
			lc.errorf("%s: %s %q", rel, where, raw)
		}
		return
	case "data":
		if navigation {
			lc.errorf("%s: %s links to a data: URL", rel, where)
		}
		return
	default:
		lc.errorf("%s: %s %q: scheme %s not allowed", rel, where, raw, u.Scheme)
		return
	}
	if u.Host != "" {
		if navigation {
			lc.external[u.Host]++
		} else {
			lc.errorf("%s: %s loads %q from a third-party origin", rel, where, raw)
		}
		return
	}
	lc.target(rel, where, base.ResolveReference(u))
}

// target checks that a resolved site URL names a file, and its fragment an
// element of that file.
func (lc *linkChecker) target(rel, where string, u *url.URL) {
	p := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") {
		p = path.Join(p, "index.html")
	}
	file := filepath.Join(lc.dir, filepath.FromSlash(p))
	st, err := os.Stat(file)
	if err == nil && st.IsDir() {
		p = path.Join(p, "index.html")
		file = filepath.Join(file, "index.html")
		_, err = os.Stat(file)
	}
	if err != nil {
		lc.errorf("%s: %s → %s: no such file", rel, where, u.Path)
		return
	}
	if u.Fragment == "" || !strings.HasSuffix(p, ".html") {
		return
	}
	ids, err := lc.idsOf(file)
	if err != nil {
		lc.errorf("%s: %v", rel, err)
		return
	}
	if !ids[u.Fragment] {
		lc.errorf("%s: %s → %s#%s: no element with that id", rel, where, u.Path, u.Fragment)
	}
}

// idsOf returns the ids (and <a name>s) of an HTML file.
func (lc *linkChecker) idsOf(file string) (map[string]bool, error) {
	if ids, ok := lc.ids[file]; ok {
		return ids, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id := attr(n, "id"); id != "" {
			ids[id] = true
		}
		if n.Data == "a" && attr(n, "name") != "" {
			ids[attr(n, "name")] = true
		}
	})
	lc.ids[file] = ids
	return ids, nil
}

// feed checks the links of an Atom feed.
func (lc *linkChecker) feed(file, rel string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var f struct {
		Links []struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			Links []struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	base := &url.URL{Path: rel}
	links := f.Links
	for _, e := range f.Entries {
		links = append(links, e.Links...)
	}
	for _, l := range links {
		lc.link(rel, base, "<link href>", true, l.Href)
	}
	return nil
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]`)

// stylesheet checks that a stylesheet loads nothing from another site
// (fonts, images, imports) and that what it loads exists.
func (lc *linkChecker) stylesheet(file, rel string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	lc.cssURLs(rel, &url.URL{Path: rel}, string(b))
	return nil
}

func (lc *linkChecker) cssURLs(rel string, base *url.URL, css string) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		v := m[1] + m[2]
		if strings.HasPrefix(v, "#") {
			continue // an SVG reference inside the document
		}
		lc.link(rel, base, "CSS url()", false, v)
	}
}

var sitePath = regexp.MustCompile(`"(/(?:ru|kk|en)/[^"#]*(?:#[^"]*)?)"`)

// checklist checks the site links in a checklist schema: the checker shows
// them with its findings, pointing to the rule behind each.
func (lc *linkChecker) checklist(file, rel string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, m := range sitePath.FindAllStringSubmatch(string(b), -1) {
		lc.link(rel, &url.URL{Path: "/"}, "site link", true, m[1])
	}
	return nil
}
