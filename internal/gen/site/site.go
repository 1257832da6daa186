// Package site generates the site's pages from the rule data: one Hugo
// content file per page and language, whose body is HTML rendered here,
// plus the machine-readable export and the Atom feeds. Hugo then adds the
// chrome (layout, navigation, language switch, search index).
package site

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"ruqsat/internal/coverage"
	"ruqsat/internal/i18n"
	"ruqsat/internal/kkstem"
	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/internal/syncdir"
)

//go:embed templates/*.html
var templateFS embed.FS

// Generator renders the pages of one rule set.
type Generator struct {
	Set  *rules.Set
	I18n *i18n.Table
	// Today is the date the site speaks of as "now": it picks the MCI for
	// fees in tenge and the editions in force. Builds pass the build date.
	Today string
	tmpl  *template.Template
	cov   *coverage.Matrix
	vocab map[string][]rules.VocabTerm // vocabulary lists by their rules/vocab.yaml key
}

// New prepares a generator; the templates are parsed once.
func New(s *rules.Set, tr *i18n.Table, today string) (*Generator, error) {
	g := &Generator{Set: s, I18n: tr, Today: today, cov: coverage.Compute(s), vocab: s.Vocab.Lists()}
	t, err := template.New("").Funcs(template.FuncMap{
		"join":     strings.Join,
		"add":      func(a, b int) int { return a + b },
		"deref":    func(p *int) int { return *p },
		"fmtDate":  legalfmt.FormatDate,
		"unit":     legalfmt.UnitLabel,
		"safeHTML": func(s string) template.HTML { return template.HTML(s) },
		"derefF":   func(p *float64) float64 { return *p },
		"kzt":      legalfmt.FormatKZT,
		"stkey":    func(s coverage.Status) string { return strings.ReplaceAll(string(s), "/", "") },
		"ids": func(list string, f rules.IDs) any {
			return struct {
				List string
				F    rules.IDs
			}{list, f}
		},
		"gl": glossCell,
	}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	g.tmpl = t
	return g, nil
}

// page is one file to write.
type page struct {
	path  string // under the language folder, e.g. "services/sts-license/_index.html"
	front map[string]any
	body  []byte
}

// Generate writes the content files for every language under dir/<lang>/
// and returns the number of pages. Each language folder is made to hold
// exactly its pages: no page of a deleted rule survives, and files whose
// bytes did not change are left alone, so Hugo's server re-renders only
// what an edit changed.
func (g *Generator) Generate(dir string) (int, error) {
	pages, err := g.Render()
	if err != nil {
		return 0, err
	}
	return pages.Count(), pages.Write(dir)
}

// Pages are rendered content files: language → path under the language
// folder → the file's bytes.
type Pages map[rules.Lang]map[string][]byte

// Count is the number of pages of every language.
func (ps Pages) Count() int {
	n := 0
	for _, files := range ps {
		n += len(files)
	}
	return n
}

// Write syncs each language folder under dir with its pages (see Generate).
func (ps Pages) Write(dir string) error {
	for l, files := range ps {
		if _, err := syncdir.Write(filepath.Join(dir, string(l)), files); err != nil {
			return err
		}
	}
	return nil
}

// Render renders every page in memory, writing nothing: the live preview
// renders while lint runs, and writes only when lint accepts the data.
func (g *Generator) Render() (Pages, error) {
	// The languages are independent: render them side by side.
	out := make([]map[string][]byte, len(rules.Langs))
	errs := make([]error, len(rules.Langs))
	var wg sync.WaitGroup
	for i, l := range rules.Langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pages, err := g.pages(l)
			if err != nil {
				errs[i] = err
				return
			}
			files := make(map[string][]byte, len(pages))
			for _, p := range pages {
				b, err := p.bytes()
				if err != nil {
					errs[i] = err
					return
				}
				files[p.path] = b
			}
			out[i] = files
		}()
	}
	wg.Wait()
	ps := Pages{}
	for i, l := range rules.Langs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		ps[l] = out[i]
	}
	return ps, nil
}

// bytes is the content file: YAML front matter, then the body.
func (p page) bytes() ([]byte, error) {
	var b bytes.Buffer
	fm, err := yaml.Marshal(p.front)
	if err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	b.Write(p.body)
	return b.Bytes(), nil
}

// pages lists every page of one language.
func (g *Generator) pages(l rules.Lang) ([]page, error) {
	var out []page
	add := func(path, tmpl, key, title string, data any, files []string, extra map[string]any) error {
		ctx := g.newCtx(l, path)
		body, err := g.render(tmpl, ctx, data)
		if err != nil {
			return fmt.Errorf("%s (%s): %w", path, l, err)
		}
		front := map[string]any{"title": title, "translationKey": key}
		if len(files) > 0 {
			front["rule_files"] = files
		}
		for k, v := range extra {
			front[k] = v
		}
		if l == rules.KK {
			front["kk_stems"] = strings.Join(kkstem.Tokens(stripTags(string(body))+" "+title), " ")
		}
		out = append(out, page{path, front, body})
		return nil
	}
	T := func(k string) string { return g.I18n.T(l, k) }

	if err := add("_index.html", "home", "home", T("site_title"), g.homeData(l), nil, map[string]any{"description": T("site_description")}); err != nil {
		return nil, err
	}
	if err := add("services/_index.html", "services", "services", T("services_title"), g.Set.Services, nil, nil); err != nil {
		return nil, err
	}
	for _, sv := range g.Set.Services {
		files := []string{sv.File}
		for _, e := range sv.Editions {
			files = append(files, e.File)
		}
		base := "services/" + sv.ID + "/"
		if err := add(base+"_index.html", "service", "service/"+sv.ID, sv.Name.String(l), g.serviceData(l, sv), files,
			map[string]any{"description": sv.Summary.String(l), "weight": sv.Order}); err != nil {
			return nil, err
		}
		if err := add(base+"history/index.html", "history", "history/"+sv.ID, fmt.Sprintf("%s: %s", sv.Name.String(l), T("history_title")), g.historyData(l, sv), files, nil); err != nil {
			return nil, err
		}
		for _, e := range sv.Editions {
			title := fmt.Sprintf("%s — %s", sv.Name.String(l), fmt.Sprintf(T("edition_n"), e.Edition))
			if err := add(base+e.Edition+"/_index.html", "edition", "edition/"+e.Key(), title, g.editionData(l, e), []string{e.File}, nil); err != nil {
				return nil, err
			}
			if !e.Kinds.Known() {
				continue
			}
			// Checklists repeat their edition page, and checker pages are a
			// form: both stay out of the search index (see layouts/baseof.html).
			if err := add(base+e.Edition+"/checklist/index.html", "checklist", "checklist/"+e.Key(), fmt.Sprintf("%s: %s", T("checklist_title"), title), g.editionData(l, e), []string{e.File}, map[string]any{"unsearched": true}); err != nil {
				return nil, err
			}
		}
	}
	if err := add("acts/_index.html", "acts", "acts", T("acts_title"), g.actsData(l), g.actFiles(), nil); err != nil {
		return nil, err
	}
	for _, a := range g.Set.ActsByDate() {
		if err := add("acts/"+a.ID+"/index.html", "act", "act/"+a.ID, a.Short.String(l), g.actData(l, a), []string{a.File}, nil); err != nil {
			return nil, err
		}
	}
	if err := add("coverage/index.html", "coverage", "coverage", T("coverage_title"), g.coverageData(l), g.editionFiles(), nil); err != nil {
		return nil, err
	}
	if g.Set.Glossary != nil {
		if err := add("glossary/index.html", "glossary", "glossary", T("glossary_title"), g.Set.Glossary, []string{g.Set.Glossary.File}, nil); err != nil {
			return nil, err
		}
	}
	if err := add("tables/index.html", "tables", "tables", T("tables_title"), g.tablesData(l), g.tableFiles(), nil); err != nil {
		return nil, err
	}
	if err := add("changes/index.html", "changes", "changes", T("changes_title"), g.Set.Changes, []string{rules.Dir + "/changes.yaml"}, nil); err != nil {
		return nil, err
	}
	if err := add("search/index.html", "search", "search", T("search_title"), nil, nil, map[string]any{"search": true}); err != nil {
		return nil, err
	}
	checkPage := map[string]any{"checker": true, "unsearched": true, "description": T("chk_lead")}
	if err := add("check/index.html", "check", "check", T("check_title"), checkData{}, nil, checkPage); err != nil {
		return nil, err
	}
	for _, sv := range g.Set.Services {
		d := checkData{Service: sv}
		if full := g.serviceData(l, sv).Full; full != nil {
			d.Full = full.Edition
		}
		if err := add("services/"+sv.ID+"/check/index.html", "check", "check/"+sv.ID, T("check_title")+": "+sv.Name.String(l), d, nil, checkPage); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (g *Generator) render(name string, c *ctx, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := g.tmpl.ExecuteTemplate(&b, name, c.With(data)); err != nil {
		return nil, err
	}
	if c.notes.len() > 0 {
		b.WriteString(string(c.Footnotes()))
	}
	return b.Bytes(), nil
}

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

// stripTags removes markup so text can be tokenised for search.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, c := range s {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(c)
		}
	}
	return b.String()
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

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// checkData is what a "Check my package" page needs: the service it is
// for (nil on the general page) and its latest edition with a procedure.
type checkData struct {
	Service *rules.Service
	Full    *rules.Edition
}

// glossCell is one language of a glossary term, for the glossary table.
type glossCellData struct {
	Text     string
	Official bool
	Abbr     string
	Lang     string
	Cite     rules.Cites
}

func glossCell(t rules.GlossTerm, lang string) glossCellData {
	l := rules.Lang(lang)
	d := glossCellData{Lang: lang, Abbr: t.Abbr[l]}
	if lt := t.Get(l); lt != nil {
		d.Text, d.Official = lt.Text, lt.Official
	}
	if l == rules.EN {
		d.Cite = t.Cite
	}
	return d
}
