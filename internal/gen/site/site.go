// Package site computes the site's pages from the rule data: for every
// page and language, its title, its place in the site and its data — the
// rule facts resolved into that language (see view.go). It writes them as
// JSON under _gen/data/pages/, which content/_content.gotmpl turns into
// Hugo pages; the layouts in layouts/ render every page, with the
// interface strings of i18n/. No HTML is written here.
//
// It also writes the files served as they are (static.go): the rule data
// export and the JSON Schemas of the rule data.
package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"ruqsat/internal/coverage"
	"ruqsat/internal/kkstem"
	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/internal/syncdir"
)

// DataDir is where the page data goes, relative to the repository root;
// config.toml mounts its pages/ as Hugo's data and its views/ as assets.
const DataDir = "_gen/data"

// Generator computes the pages of one rule set.
type Generator struct {
	Set *rules.Set
	// Today is the date the site speaks of as "now": it picks the MCI for
	// fees in tenge and the editions in force. Builds pass the build date.
	Today string
	cov   *coverage.Matrix
	vocab map[string][]rules.VocabTerm // vocabulary lists by their rules/vocab.yaml key
	units legalfmt.Units
}

// New prepares a generator.
func New(s *rules.Set, today string) *Generator {
	return &Generator{Set: s, Today: today, cov: coverage.Compute(s), vocab: s.Vocab.Lists(), units: legalfmt.NewUnits(s.Vocab)}
}

// Page is one page of one language, as content/_content.gotmpl adds it.
type Page struct {
	// Path is the page's path under its language, "" for the home page.
	Path string `json:"path"`
	// Kind is Hugo's: home, section (a page with pages under it) or page.
	Kind   string `json:"kind"`
	Layout string `json:"layout"`
	// Title is the part of the page's title that comes from the rule data
	// (a service's or an act's name), with Edition on edition pages; the
	// content adapter adds the interface strings around it.
	Title   string `json:"title,omitempty"`
	Edition string `json:"edition,omitempty"`
	// Description is the page's summary for search engines and previews
	// (the content adapter gives pages without one a general summary).
	Description string `json:"description,omitempty"`
	Weight      int    `json:"weight,omitempty"`
	// Outputs are Hugo's output formats, when not only HTML.
	Outputs []string `json:"outputs,omitempty"`
	Params  Params   `json:"params"`
}

// Params are what the layouts read from .Params.
type Params struct {
	// RuleFiles are the rule files the page is made from.
	RuleFiles []string `json:"rule_files,omitempty"`
	// Unsearched pages stay out of the search index (checklists repeat
	// their edition page; checker pages are a form).
	Unsearched bool `json:"unsearched,omitempty"`
	Search     bool `json:"search,omitempty"`
	// TextLang is the language of an act's text on its page (act-text).
	TextLang string `json:"text_lang,omitempty"`
	Checker  bool   `json:"checker,omitempty"`
	// KKStems are the Kazakh stems of the page's words, for the search
	// index (Pagefind has no Kazakh stemmer).
	KKStems string `json:"kk_stems,omitempty"`
	// Key names the page's data among the language's views.
	Key string `json:"key"`
	// V is the page's data, of the type its layout expects, as the page
	// is made. Render encodes it into View and lets it go: as JSON it
	// takes a fraction of the memory (at 100 times today's rules the
	// pages step's heap peaked at 3.0 GB with every page's data held as
	// Go values, and at 1.0 GB with it held as JSON).
	V any `json:"-"`
	// View is the page's data as JSON, written apart from the pages (see
	// Files); nil for a page without data.
	View []byte `json:"-"`
}

// Pages are the pages of every language.
type Pages struct {
	ByLang map[rules.Lang][]Page
	// Dates are what every page's script needs, per language (the views'
	// "_site" entry).
	Dates map[rules.Lang]SiteDates
}

// Count is the number of pages of every language.
func (ps Pages) Count() int {
	n := 0
	for _, p := range ps.ByLang {
		n += len(p)
	}
	return n
}

// Files are the page data files under DataDir: each language's pages
// (pages/<lang>.json, what the content adapter adds, read through
// hugo.Data) and each page's data (views/<lang>/<key>.json, what its
// layout reads through the view.html partial). config.toml mounts the
// views as assets, not data, because Hugo keeps all of hugo.Data in
// memory for the whole build: at 100 times today's rules that was 434 MB
// of JSON, 5.5 GB resident and 13 s of parsing before the first page was
// rendered. As assets, a page's data is read when the page is rendered,
// side by side with other pages, and Hugo's cache may let it go after.
func (ps Pages) Files() (map[string][]byte, error) {
	files := map[string][]byte{}
	encode := func(name string, v any) error {
		b, err := encodeJSON(v)
		files[name] = b
		return err
	}
	for l, pages := range ps.ByLang {
		view := func(key string) string { return "views/" + string(l) + "/" + key + ".json" }
		if err := encode(view("_site"), ps.Dates[l]); err != nil {
			return nil, err
		}
		for _, p := range pages {
			if p.Params.View != nil {
				files[view(p.Params.Key)] = p.Params.View
			}
		}
		if err := encode("pages/"+string(l)+".json", pages); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// Write syncs dir (the repository's DataDir) with the page data: files
// whose bytes did not change are left alone, so Hugo's server re-renders
// only when an edit changed something.
func (ps Pages) Write(dir string) error {
	files, err := ps.Files()
	if err != nil {
		return err
	}
	_, err = syncdir.Write(dir, files)
	return err
}

// Generate writes the page data under dir and returns the number of pages.
func (g *Generator) Generate(dir string) (int, error) {
	pages, err := g.Render()
	if err != nil {
		return 0, err
	}
	return pages.Count(), pages.Write(dir)
}

// Render computes every page in memory, writing nothing: the live preview
// computes while lint runs, and writes only when lint accepts the data.
func (g *Generator) Render() (Pages, error) {
	// The languages are independent: compute them side by side.
	out := make([][]Page, len(rules.Langs))
	errs := make([]error, len(rules.Langs))
	var wg sync.WaitGroup
	for i, l := range rules.Langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = g.pages(l)
		}()
	}
	wg.Wait()
	ps := Pages{ByLang: map[rules.Lang][]Page{}, Dates: map[rules.Lang]SiteDates{}}
	for i, l := range rules.Langs {
		if errs[i] != nil {
			return Pages{}, errs[i]
		}
		ps.ByLang[l], ps.Dates[l] = out[i], loc{g, l}.siteDates()
	}
	return ps, nil
}

// pages lists every page of one language.
func (g *Generator) pages(l rules.Lang) ([]Page, error) {
	c := loc{g, l}
	var out []Page
	var encErr error
	add := func(p Page) {
		p.Params.Key = p.Path
		if p.Path == "" {
			p.Params.Key = "home"
		}
		if p.Params.V != nil {
			b, err := encodeJSON(p.Params.V)
			if err != nil && encErr == nil {
				encErr = fmt.Errorf("page %s (%s): %w", p.Params.Key, l, err)
			}
			p.Params.View, p.Params.V = b, nil
		}
		if l == rules.KK && !p.Params.Unsearched {
			p.Params.KKStems = stems(p.Title, p.Params.View)
		}
		out = append(out, p)
	}
	add(Page{Kind: "home", Layout: "home", Params: Params{V: c.home()}})
	add(Page{Path: "services", Kind: "section", Layout: "services", Params: Params{V: c.services()}})
	for _, sv := range g.Set.Services {
		files := []string{sv.File}
		for _, e := range sv.Editions {
			files = append(files, e.File)
		}
		base := "services/" + sv.ID
		add(Page{Path: base, Kind: "section", Layout: "service", Title: c.str(sv.Name), Description: c.str(sv.Summary), Weight: sv.Order,
			Params: Params{RuleFiles: files, V: c.service(sv)}})
		add(Page{Path: base + "/history", Kind: "page", Layout: "history", Title: c.str(sv.Name),
			Params: Params{RuleFiles: files, V: c.history(sv)}})
		for _, e := range sv.Editions {
			add(Page{Path: base + "/" + e.Edition, Kind: "section", Layout: "edition", Title: c.str(sv.Name), Edition: e.Edition,
				Params: Params{RuleFiles: []string{e.File}, V: c.edition(e)}})
			if !e.Kinds.Known() {
				continue
			}
			// The checklist reads its edition's data from its parent page.
			add(Page{Path: base + "/" + e.Edition + "/checklist", Kind: "page", Layout: "checklist",
				Title: c.str(sv.Name), Edition: e.Edition,
				Params: Params{RuleFiles: []string{e.File}, Unsearched: true}})
		}
	}
	add(Page{Path: "acts", Kind: "section", Layout: "acts", Params: Params{RuleFiles: g.actFiles(), V: c.acts()}})
	for _, a := range g.Set.ActsByDate() {
		add(Page{Path: "acts/" + a.ID, Kind: "section", Layout: "act", Title: c.str(a.Short), Params: Params{RuleFiles: []string{a.File}, V: c.act(a)}})
		for _, sd := range a.Seeds {
			t, err := c.actText(a, sd)
			if err != nil {
				return nil, err
			}
			// The words of the act stay out of search: the pages that
			// explain them are what a search should find.
			add(Page{Path: strings.TrimSuffix(a.TextPath(sd.Lang), "/"), Kind: "page", Layout: "act-text", Title: c.str(a.Short),
				Params: Params{RuleFiles: []string{a.File, rules.SourcesDir + "/" + sd.File}, Unsearched: true, TextLang: string(sd.Lang), V: t}})
		}
	}
	add(Page{Path: "coverage", Kind: "page", Layout: "coverage", Params: Params{RuleFiles: g.editionFiles(), V: c.coverage()}})
	if g.Set.Glossary != nil {
		add(Page{Path: "glossary", Kind: "page", Layout: "glossary", Params: Params{RuleFiles: []string{g.Set.Glossary.File}, V: c.glossary()}})
	}
	add(Page{Path: "tables", Kind: "page", Layout: "tables", Params: Params{RuleFiles: g.tableFiles(), V: c.tables()}})
	add(Page{Path: "changes", Kind: "page", Layout: "changes", Outputs: []string{"html", "atom"},
		Params: Params{RuleFiles: []string{rules.Dir + "/changes.yaml"}, V: c.changes()}})
	add(Page{Path: "search", Kind: "page", Layout: "search", Params: Params{Search: true}})
	add(Page{Path: "check", Kind: "page", Layout: "check",
		Params: Params{Checker: true, Unsearched: true, V: c.check(nil)}})
	for _, sv := range g.Set.Services {
		add(Page{Path: "services/" + sv.ID + "/check", Kind: "page", Layout: "check", Title: c.str(sv.Name),
			Params: Params{Checker: true, Unsearched: true, V: c.check(sv)}})
	}
	return out, encErr
}

// encodeJSON is how page data is written: as JSON, with <, > and & as
// they are (Hugo reads it, not a browser).
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// stems are the Kazakh stems of a page's title and of the texts in its
// data (view, the page's JSON: every string but identifiers, paths and
// dates in ISO form).
func stems(title string, view []byte) string {
	var tree any
	if len(view) > 0 {
		if err := json.Unmarshal(view, &tree); err != nil {
			return ""
		}
	}
	var words strings.Builder
	words.WriteString(title)
	var walk func(key string, x any)
	walk = func(key string, x any) {
		switch x := x.(type) {
		case map[string]any:
			for _, k := range sortedKeys(x) { // the same page data every run
				walk(k, x[k])
			}
		case []any:
			for _, y := range x {
				walk(key, y)
			}
		case string:
			if !notWords[key] {
				words.WriteString(" ")
				words.WriteString(x)
			}
		}
	}
	walk("", tree)
	return strings.Join(kkstem.Tokens(words.String()), " ")
}

// notWords are the page data's fields that hold identifiers, not words.
var notWords = map[string]bool{"key": true, "act": true, "anchor": true, "id": true, "service": true, "edition": true,
	"file": true, "iso": true, "seed": true, "span": true, "medium": true, "certified": true, "counts": true,
	"lang": true, "status": true, "fact": true, "what": true, "of": true, "today": true, "files": true,
	"updated": true, "current": true, "full": true, "editions": true, "newer": true,
	"unit": true, "days": true, "open": true, "close": true, "break": true, "url": true, "number": true,
	"copy_of": true, "href": true, "host": true, "until_iso": true, "links_from": true, "phones_from": true,
	"last": true, "next": true, "facts": true}

func (g *Generator) actFiles() []string {
	var fs []string
	for _, a := range g.Set.ActsByDate() {
		fs = append(fs, a.File)
	}
	return fs
}

func (g *Generator) editionFiles() []string {
	var fs []string
	for _, e := range g.Set.Editions {
		fs = append(fs, e.File)
	}
	return fs
}

func (g *Generator) tableFiles() []string {
	var fs []string
	if g.Set.MCI != nil {
		fs = append(fs, g.Set.MCI.File)
	}
	if g.Set.Goods != nil {
		fs = append(fs, g.Set.Goods.File)
	}
	return fs
}

// current returns a service's edition in force on the site's today — the
// newest whose act has come into force — and the newer ones still to come.
// When every edition is still to come, the newest is the current one.
func (g *Generator) current(sv *rules.Service) (cur *rules.Edition, coming []*rules.Edition) {
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		e := sv.Editions[i]
		if a := g.Set.Acts[e.Act]; a != nil && g.Set.StatusOn(a, g.Today) == rules.StatusComing {
			coming = append(coming, e)
			continue
		}
		return e, coming
	}
	if len(sv.Editions) > 0 {
		return sv.Editions[len(sv.Editions)-1], coming
	}
	return nil, coming
}

// CurrentMCI returns the MCI in force on day (2006-01-02) and when it
// started, or 0 when the table has no value that early.
func CurrentMCI(t *rules.MCI, day string) (int, string) {
	if t == nil {
		return 0, ""
	}
	kzt, from := 0, ""
	for _, v := range t.Values {
		if v.From <= day {
			kzt, from = v.KZT, v.From
		}
	}
	return kzt, from
}

// Today returns the current date as 2006-01-02 in Astana time (UTC+5).
func Today() string {
	return time.Now().In(time.FixedZone("Asia/Almaty", 5*3600)).Format("2006-01-02")
}
