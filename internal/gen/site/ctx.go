package site

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// ctx is what a page template may call: strings in the page's language,
// texts with their provenance, citations collected as footnotes.
type ctx struct {
	g     *Generator
	L     rules.Lang
	Path  string
	notes *footnotes
}

func (g *Generator) newCtx(l rules.Lang, path string) *ctx {
	return &ctx{g: g, L: l, Path: path, notes: &footnotes{index: map[string]int{}}}
}

// T returns an interface string.
func (c *ctx) T(key string, args ...any) string { return c.g.I18n.T(c.L, key, args...) }

// N returns an interface string in the plural form for n.
func (c *ctx) N(key string, n int) string { return c.g.I18n.N(c.L, key, n) }

// URL returns the site path of a page in this language.
func (c *ctx) URL(path string) string {
	path = strings.TrimPrefix(path, "/")
	return "/" + string(c.L) + "/" + path
}

// Lang returns the page's language code.
func (c *ctx) Lang() string { return string(c.L) }

// Today is the date the site speaks of as now.
func (c *ctx) Today() string { return c.g.Today }

// Set is the rule set.
func (c *ctx) Set() *rules.Set { return c.g.Set }

// Str returns a text in the page's language, as plain text.
func (c *ctx) Str(t rules.Texts) string { return t.String(c.L) }

// Text renders a text in the page's language, marking official wording.
// Texts that are this project's own wording carry no mark; every page that
// shows texts explains the mark.
func (c *ctx) Text(t rules.Texts) template.HTML {
	lt := t.Get(c.L)
	if lt == nil {
		return ""
	}
	s := template.HTMLEscapeString(lt.Text)
	if lt.Official {
		return template.HTML(fmt.Sprintf(`<span class="official">%s</span> <span class="prov" title="%s">%s</span>`,
			s, template.HTMLEscapeString(c.T("prov_official_title")), template.HTMLEscapeString(c.T("prov_official"))))
	}
	return template.HTML(s)
}

// TextP is Text for an optional text.
func (c *ctx) TextP(t *rules.Texts) template.HTML {
	if t == nil {
		return ""
	}
	return c.Text(*t)
}

// Vocab returns the label of a vocabulary id in a named list.
func (c *ctx) Vocab(list, id string) string {
	v := c.g.Set.Vocab
	if t := rules.Find(c.g.vocab[list], id); t != nil {
		return t.String(c.L)
	}
	if q := v.Question(list); q != nil {
		if t := rules.Find(q.Options, id); t != nil {
			return t.String(c.L)
		}
	}
	return id
}

// Question returns a question's text.
func (c *ctx) Question(id string) string {
	if q := c.g.Set.Vocab.Question(id); q != nil {
		return q.String(c.L)
	}
	return id
}

// Dur spells a duration: "15 working days", «15 рабочих дней».
func (c *ctx) Dur(days int, unit string) string {
	if unit == "" {
		return c.N("days", days)
	}
	return c.N("days_"+unit, days)
}

// TermText spells a term, or says why it is not known.
func (c *ctx) TermText(t rules.Term) template.HTML {
	if !t.Known() {
		return c.Gap(t.Gap)
	}
	var s string
	switch {
	case t.Days != nil:
		s = c.Dur(*t.Days, t.Unit)
	case t.Minutes > 0:
		s = c.N("minutes", t.Minutes)
	}
	if t.Max {
		s = c.T("no_later_than", s)
	}
	out := template.HTMLEscapeString(s)
	if t.From != "" {
		out += " " + template.HTMLEscapeString(c.Vocab("term_starts", t.From))
	}
	return template.HTML(out)
}

// Gap says why a fact is not in the sources.
func (c *ctx) Gap(g rules.Gap) template.HTML {
	if g.NotApplicable() {
		return template.HTML(`<span class="na">` + template.HTMLEscapeString(c.T("not_applicable")) + `</span>`)
	}
	s := `<span class="gap">` + template.HTMLEscapeString(c.T("not_in_sources")) + `: ` + template.HTMLEscapeString(c.Vocab("gaps", g.Unknown))
	if g.See != "" {
		if a := c.g.Set.Acts[g.See]; a != nil {
			s += ` (<a href="` + c.URL("acts/"+a.ID+"/") + `">` + template.HTMLEscapeString(a.Short.String(c.L)) + `</a>)`
		}
	}
	s += `</span>`
	if g.Note != nil {
		s += ` <span class="gap-note">` + template.HTMLEscapeString(g.Note.String(c.L)) + `</span>`
	}
	return template.HTML(s)
}

// MCI returns an MCI multiple as tenge at today's index, e.g. "86 500 ₸".
func (c *ctx) MCI(v float64) template.HTML {
	kzt, from := CurrentMCI(c.g.Set.MCI, c.g.Today)
	m := legalfmt.FormatMCI(c.L, v)
	if kzt == 0 {
		return template.HTML(template.HTMLEscapeString(c.T("mci_n", m)))
	}
	total := int(v*float64(kzt) + 0.5)
	return template.HTML(fmt.Sprintf(`%s <span class="kzt">= %s ₸ <small>(%s)</small></span>`,
		template.HTMLEscapeString(c.T("mci_n", m)), legalfmt.FormatKZT(total),
		template.HTMLEscapeString(c.T("mci_at", legalfmt.FormatKZT(kzt), legalfmt.FormatDate(c.L, from)))))
}

// Cite registers citations as footnotes and returns their markers.
func (c *ctx) Cite(cs rules.Cites) template.HTML {
	if len(cs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<sup class="cite" data-pagefind-ignore>`)
	for i, ct := range cs {
		n, label := c.notes.add(c, ct)
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `<a href="#fn-%d" title="%s" aria-label="%s %d">%d</a>`, n, template.HTMLEscapeString(label), template.HTMLEscapeString(c.T("source")), n, n)
	}
	b.WriteString(`</sup>`)
	return template.HTML(b.String())
}

// CiteLabel is a citation written out: act, unit and seed lines.
func (c *ctx) CiteLabel(ct rules.Cite) string {
	a := c.g.Set.Acts[ct.Act]
	if a == nil {
		return ct.Act
	}
	s := a.Short.String(c.L) + ", " + legalfmt.UnitLabel(c.L, ct.At)
	if lines := c.lineText(a, ct); lines != "" {
		s += " (" + lines + ")"
	}
	return s
}

func (c *ctx) lineText(a *rules.Act, ct rules.Cite) string {
	span := func(sp rules.Span) string {
		if sp.First == sp.Last {
			return fmt.Sprint(sp.First)
		}
		return fmt.Sprintf("%d–%d", sp.First, sp.Last)
	}
	var parts []string
	if ct.Lines != nil && ct.Lines.Single != nil && len(a.Seeds) == 1 {
		parts = append(parts, c.T("seed_lines", c.T("seed_"+string(a.Seeds[0].Lang)), span(*ct.Lines.Single)))
	} else if ct.Lines != nil {
		for _, l := range rules.Langs {
			if sp, ok := ct.Lines.ByLang[l]; ok {
				parts = append(parts, c.T("seed_lines", c.T("seed_"+string(l)), span(sp)))
			}
		}
	} else if u := a.Unit(ct.At); u != nil {
		for _, l := range rules.Langs {
			if sp, ok := u.Lines[l]; ok {
				parts = append(parts, c.T("seed_lines", c.T("seed_"+string(l)), span(sp)))
			}
		}
	}
	return strings.Join(parts, "; ")
}

// Footnotes renders the page's sources list.
func (c *ctx) Footnotes() template.HTML {
	if c.notes.len() == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<section class="footnotes" aria-labelledby="sources-h" data-pagefind-ignore><h2 id="sources-h">%s</h2><ol>`, template.HTMLEscapeString(c.T("sources_h")))
	for i, ct := range c.notes.list {
		a := c.g.Set.Acts[ct.Act]
		link := template.HTMLEscapeString(c.CiteLabel(ct))
		if a != nil {
			link = fmt.Sprintf(`<a href="%s#%s">%s</a>`, c.URL("acts/"+a.ID+"/"), unitAnchor(ct.At), link)
		}
		fmt.Fprintf(&b, `<li id="fn-%d">%s</li>`, i+1, link)
	}
	b.WriteString(`</ol></section>`)
	return template.HTML(b.String())
}

// unitAnchor is the id of an outline unit on its act's page.
func unitAnchor(at string) string { return "u-" + strings.ReplaceAll(at, "/", "-") }

// UnitAnchor is unitAnchor for templates.
func (c *ctx) UnitAnchor(at string) string { return unitAnchor(at) }

type footnotes struct {
	list  []rules.Cite
	index map[string]int
}

func (f *footnotes) len() int { return len(f.list) }

func (f *footnotes) add(c *ctx, ct rules.Cite) (int, string) {
	label := c.CiteLabel(ct)
	key := ct.Act + "|" + ct.At + "|" + label
	if n, ok := f.index[key]; ok {
		return n, label
	}
	f.list = append(f.list, ct)
	f.index[key] = len(f.list)
	return len(f.list), label
}

// With wraps data for a nested template, keeping the page context.
func (c *ctx) With(d any) any {
	return struct {
		*ctx
		D any
	}{c, d}
}

// When spells a document's conditions: the answers it applies to.
func (c *ctx) When(w map[string][]string) string {
	var parts []string
	for _, q := range sortedKeys(w) {
		var labels []string
		for _, a := range w[q] {
			labels = append(labels, c.Vocab(q, a))
		}
		if q == "subspecies" {
			parts = append(parts, strings.Join(labels, c.T("or")))
			continue
		}
		if qu := c.g.Set.Vocab.Question(q); qu != nil && len(qu.Options) == 2 && (qu.Options[0].ID == "yes" || qu.Options[0].ID == "no") {
			parts = append(parts, qu.String(c.L)+" — "+strings.Join(labels, c.T("or")))
			continue
		}
		parts = append(parts, strings.Join(labels, c.T("or")))
	}
	return strings.Join(parts, "; ")
}

// Subspecies returns the label of a subspecies id of an edition.
func (c *ctx) Subspecies(e *rules.Edition, id string) string {
	for _, s := range e.Subspecies.Items {
		if s.ID == id {
			return s.String(c.L)
		}
	}
	return id
}

// ActOf returns an act by id.
func (c *ctx) ActOf(id string) *rules.Act { return c.g.Set.Acts[id] }

// EditionOf returns an edition.
func (c *ctx) EditionOf(service, year string) *rules.Edition { return c.g.Set.Edition(service, year) }

// ConflictNo is the number of a recorded conflict among its edition's
// conflicts, from 1: the coverage page links conflicts by number, not by
// their ids (which are English).
func (c *ctx) ConflictNo(service, edition, id string) int {
	if e := c.g.Set.Edition(service, edition); e != nil {
		for i, cf := range e.Conflicts {
			if cf.ID == id {
				return i + 1
			}
		}
	}
	return 0
}

// ServiceOf returns a service.
func (c *ctx) ServiceOf(id string) *rules.Service { return c.g.Set.Service(id) }

// SearchMsgs are the search page's messages for its script, as JSON.
func (c *ctx) SearchMsgs() string {
	b, _ := json.Marshal(map[string]string{
		"loading": c.T("search_loading"), "none": c.T("search_none"),
		"results": c.T("search_results"), "unavailable": c.T("search_unavailable"),
	})
	return string(b)
}

// checkKeys are the interface strings the checker page's script uses; their
// keys there drop the "chk_" prefix.
var checkKeys = []string{
	"chk_edition_current", "chk_edition_old", "chk_partial", "chk_subspecies", "chk_f_name", "chk_f_bin", "chk_f_iin",
	"chk_f_address", "chk_f_filed", "chk_f_fee_paid", "chk_f_fee_date", "chk_f_change_date", "chk_f_change_what",
	"chk_form_package", "chk_verdict_pass", "chk_verdict_fail", "chk_verdict_cannot-check", "chk_counts", "chk_general",
	"chk_sev_error", "chk_sev_warning", "chk_sev_info",
}

// CheckMsgs are the checker page's strings for its script, as JSON.
func (c *ctx) CheckMsgs() string {
	m := map[string]string{}
	for _, k := range checkKeys {
		m[strings.TrimPrefix(k, "chk_")] = c.T(k)
	}
	for _, k := range []string{"signed", "if_any"} {
		m[k] = c.T(k)
	}
	for _, k := range c.g.Set.Vocab.Kinds {
		m["kind_"+k.ID] = k.String(c.L)
	}
	for _, md := range []string{"electronic", "scan", "paper", "data", "carrier", "object"} {
		m["medium_"+md] = c.T("medium_" + md)
	}
	b, _ := json.Marshal(m)
	return string(b)
}
