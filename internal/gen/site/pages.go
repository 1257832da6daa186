package site

import (
	"strconv"

	"ruqsat/internal/coverage"
	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// Home is the home page: what readers come to do.
type Home struct {
	Tasks []Task `json:"tasks"`
}

// Task is one line of the home page.
type Task struct {
	Text        string `json:"text"`
	Service     string `json:"service"`
	ServiceName string `json:"service_name"`
}

// ServiceList is the services page.
type ServiceList struct {
	Services []ServiceCard `json:"services"`
}

// ServiceCard is a service in the list.
type ServiceCard struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Summary  *Text    `json:"summary,omitempty"`
	Editions []string `json:"editions"`
}

// Service is a service's page. Its editions are pages of their own; the
// layout takes their data from them.
type Service struct {
	ID      string `json:"id"`
	Summary *Text  `json:"summary,omitempty"`
	// Current is the edition in force on the site's today; Full the newest
	// whose procedure (the application kinds) the sources give, which may
	// be older, or "".
	Current string `json:"current"`
	// Coming are newer editions whose act is not yet in force.
	Coming   []ComingEdition `json:"coming,omitempty"`
	Full     string          `json:"full,omitempty"`
	Editions []string        `json:"editions"` // newest first
	// Fees are the fees set by acts other than the rules (a tax code), by
	// application kind: the one in force on the site's today and those
	// still to come.
	Fees []FeeRow `json:"fees,omitempty"`
	// FeesProvenance: the notices the fees' citations call for.
	FeesProvenance []ProvNotice `json:"fees_provenance,omitempty"`
	// Glance is the summary at the top of the page (summary.go).
	Glance *Summary `json:"glance,omitempty"`
}

// ComingEdition is an edition still to come, and when it takes effect.
type ComingEdition struct {
	Edition string `json:"edition"`
	From    string `json:"from"`
	FromISO string `json:"from_iso"`
}

// FeeRow is an application kind's fees from acts other than the rules:
// every entry, oldest first, each with when it applies, so that the page
// can mark the one in force on the reader's own date.
type FeeRow struct {
	Kind    string     `json:"kind"`
	Entries []FeeEntry `json:"entries"`
}

// FeeEntry is a fee from a date until the next entry's date.
type FeeEntry struct {
	Status string `json:"status"` // on the site's today: in-force, coming, repealed (superseded)
	Period Period `json:"period"`
	Fee
}

// Acts is the acts page: every act, oldest first.
type Acts struct {
	Acts []*Act `json:"acts"`
}

// Act is an act and how it relates to the others.
type Act struct {
	ID           string        `json:"id"`
	Short        string        `json:"short"`
	Title        *Text         `json:"title,omitempty"`
	Kind         string        `json:"kind"`
	Issuer       *Text         `json:"issuer,omitempty"`
	Number       *ActNumber    `json:"number,omitempty"`
	Date         Date          `json:"date"`
	Status       string        `json:"status"`
	Period       *Period       `json:"period,omitempty"`
	InSources    bool          `json:"in_sources,omitempty"`
	Registration *Registration `json:"registration,omitempty"`
	InForce      *InForce      `json:"in_force,omitempty"`
	RepealedBy   *RepealedBy   `json:"repealed_by,omitempty"`
	Signatory    *Item         `json:"signatory,omitempty"`
	Editions     []EditionRef  `json:"editions,omitempty"`
	AmendsActs   []ActRef      `json:"amends,omitempty"`
	AmendedBy    []ActRef      `json:"amended_by,omitempty"`
	Repeals      []ActRef      `json:"repeals,omitempty"`
	File         string        `json:"file"`
	Seeds        []Seed        `json:"seeds,omitempty"`
	Published    []Publication `json:"published,omitempty"`
	Outline      []OutlineUnit `json:"outline,omitempty"`
	Mentioned    []Cite        `json:"mentioned,omitempty"`
	Notes        []Item        `json:"notes,omitempty"`
	Conflicts    []Conflict    `json:"conflicts,omitempty"`
}

// ActNumber is an act's number as printed and in Latin letters.
type ActNumber struct {
	Native string `json:"native"`
	Latin  string `json:"latin"`
}

// Registration is an act's state registration.
type Registration struct {
	Gap     *Gap   `json:"gap,omitempty"`
	Number  string `json:"number,omitempty"`
	Date    *Date  `json:"date,omitempty"`
	DateGap *Gap   `json:"date_gap,omitempty"`
	Cite    []Cite `json:"cite,omitempty"`
}

// InForce is when an act enters into force.
type InForce struct {
	Gap       *Gap   `json:"gap,omitempty"`
	Rule      *Text  `json:"rule,omitempty"`
	Date      *Date  `json:"date,omitempty"`
	DateGap   *Gap   `json:"date_gap,omitempty"`
	NotBefore string `json:"not_before,omitempty"`
	Cite      []Cite `json:"cite,omitempty"`
}

// RepealedBy is the act that repealed an act, and when.
type RepealedBy struct {
	Gap          *Gap    `json:"gap,omitempty"`
	Act          *ActRef `json:"act,omitempty"`
	Effective    string  `json:"effective,omitempty"`
	EffectiveGap *Gap    `json:"effective_gap,omitempty"`
	NotBefore    string  `json:"not_before,omitempty"`
	Cite         []Cite  `json:"cite,omitempty"`
}

// EditionRef names an edition of a service.
type EditionRef struct {
	Service     string `json:"service"`
	ServiceName string `json:"service_name"`
	Edition     string `json:"edition"`
}

// Seed is a source text of an act.
type Seed struct {
	File     string `json:"file"`
	Lang     string `json:"lang"`
	Official bool   `json:"official,omitempty"`
	Note     *Text  `json:"note,omitempty"`
	// Where a text beyond the original source acts was read.
	Authority string `json:"authority,omitempty"`
	URL       string `json:"url,omitempty"`
	CopyOf    string `json:"copy_of,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Read      string `json:"read,omitempty"`
	// Path is the page of this text on the site.
	Path string `json:"path"`
}

func (c loc) seed(a *rules.Act, sd rules.Seed) Seed {
	v := Seed{File: sd.File, Lang: string(sd.Lang), Official: sd.Official, Note: c.textP(sd.Note),
		Authority: sd.Authority, URL: sd.URL, CopyOf: sd.CopyOf, Path: a.TextPath(sd.Lang)}
	if sd.Publisher != nil {
		v.Publisher = c.str(*sd.Publisher)
	}
	if sd.Read != "" {
		v.Read = c.dateText(sd.Read, legalfmt.Nominative) // i18n seed_read, «оқылған күні: …»
	}
	return v
}

// OutlineUnit is a unit of an act and its lines in each seed (in the order
// of the act's seeds; "" where a seed lacks it).
type OutlineUnit struct {
	Anchor string   `json:"anchor"`
	Unit   string   `json:"unit"`
	Lines  []string `json:"lines"`
}

// CoveragePage is the sources and coverage page.
type CoveragePage struct {
	Editions  []string      `json:"editions"`
	Rows      []CoverageRow `json:"rows"`
	Conflicts []ConflictAt  `json:"conflicts,omitempty"`
	Sources   []SourceText  `json:"sources,omitempty"`
}

// CoverageRow is a service and its editions' coverage (nil: no edition
// that year).
type CoverageRow struct {
	Service string          `json:"service"`
	Name    string          `json:"name"`
	Cells   []*CoverageCell `json:"cells"`
}

// CoverageCell is one edition's coverage, fact by fact.
type CoverageCell struct {
	Service   string         `json:"service"`
	Edition   string         `json:"edition"`
	Name      string         `json:"name"`
	Known     int            `json:"known"`
	Partial   int            `json:"partial"`
	Missing   int            `json:"missing"`
	Conflicts int            `json:"conflicts"`
	Facts     []CoverageFact `json:"facts"`
}

// CoverageFact is one fact's status in an edition, and why.
type CoverageFact struct {
	Fact      string     `json:"fact"`
	Status    string     `json:"status"` // known, partial, missing, na
	Reasons   []string   `json:"reasons,omitempty"`
	See       []ActRef   `json:"see,omitempty"`
	Conflicts []Numbered `json:"conflicts,omitempty"`
}

// Numbered is a conflict by its number in its edition (ids are English).
type Numbered struct {
	ID string `json:"id"`
	N  int    `json:"n"`
}

// ConflictAt is a conflict with where it was recorded: an edition (N is
// its number there) or an act.
type ConflictAt struct {
	Edition *EditionRef `json:"edition,omitempty"`
	N       int         `json:"n,omitempty"`
	Act     *ActRef     `json:"act,omitempty"`
	Conflict
}

// SourceText is one seed of an act in the sources.
type SourceText struct {
	Act ActRef `json:"act"`
	Seed
}

// Glossary is the glossary page: each term in the three languages.
type Glossary struct {
	Terms []GlossTerm `json:"terms"`
}

// GlossTerm is one term: a cell per language, ru, kk, en.
type GlossTerm struct {
	ID    string      `json:"id"`
	Cells []GlossCell `json:"cells"`
	Note  *Text       `json:"note,omitempty"`
}

// GlossCell is a term in one language.
type GlossCell struct {
	Lang     string `json:"lang"`
	Text     string `json:"text"`
	Official bool   `json:"official,omitempty"`
	Abbr     string `json:"abbr,omitempty"`
	// Search are the term's other forms for the site search (search.html).
	Search []string `json:"search,omitempty"`
	Cite   []Cite   `json:"cite,omitempty"`
}

// Tables is the reference tables page.
type Tables struct {
	MCI   *MCITable `json:"mci,omitempty"`
	Goods *Goods    `json:"goods,omitempty"`
}

// MCITable is the MCI by year, and the value in force on the site's today.
type MCITable struct {
	Today   string     `json:"today"`
	Current string     `json:"current,omitempty"`
	Since   string     `json:"since,omitempty"`
	Values  []MCIValue `json:"values"`
}

// MCIValue is the MCI from a date, and the law that set it.
type MCIValue struct {
	From Date   `json:"from"`
	KZT  string `json:"kzt"`
	Law  *Text  `json:"law,omitempty"`
}

// Goods is the list of special technical means.
type Goods struct {
	Title     Item        `json:"title"`
	Items     []GoodsItem `json:"items"`
	Codes     []GoodsCode `json:"codes"`
	CodesCite []Cite      `json:"codes_cite,omitempty"`
	Notes     []Item      `json:"notes,omitempty"`
}

// GoodsItem is one row of the goods list.
type GoodsItem struct {
	Includes []*Text `json:"includes,omitempty"`
	Item
}

// GoodsCode is a customs code; Ex marks "ex" codes, Doubtful the ones the
// act prints doubtfully.
type GoodsCode struct {
	Code     string `json:"code"`
	Ex       bool   `json:"ex,omitempty"`
	Doubtful bool   `json:"doubtful,omitempty"`
}

// Changes is the log of edits to the rule data.
type Changes struct {
	Changes []Change `json:"changes,omitempty"`
	// Updated is the newest change's time, for the feed.
	Updated string `json:"updated"`
}

// Change is one edit.
type Change struct {
	ID    string   `json:"id"`
	Date  Date     `json:"date"`
	Text  *Text    `json:"text,omitempty"`
	Files []string `json:"files"`
	// Headline is the text's first sentence, the entry's title in the feed.
	Headline string `json:"headline"`
	// Updated is the date as an Atom timestamp, in Astana time.
	Updated string `json:"updated"`
}

// Check is a "check my package" page: for one service, or for all.
type Check struct {
	Service string `json:"service,omitempty"`
	// Full is the service's newest edition with a procedure, for the
	// printable checklist when scripts do not run.
	Full  string `json:"full,omitempty"`
	Today string `json:"today"`
	// Kinds are the application kinds' labels, for the page's script.
	Kinds map[string]string `json:"kinds"`
}

// SiteDates is what the pages' script needs to decide, on the reader's own
// date, what the build decided on its date: the MCI by year and how dates
// are written. (Views key "_site".)
type SiteDates struct {
	Built   Date      `json:"built"`
	MCI     []MCIRate `json:"mci"`
	Pattern string    `json:"pattern"`
	Months  []string  `json:"months"`
	// MonthCases are the month names in each case (legalfmt.Case keys:
	// "abl", "attr"…), for the script to write a date where the phrase
	// needs another case than Pattern's (mci_at: «… бастап»).
	MonthCases map[string][]string `json:"month_cases"`
}

// MCIRate is an MCI value from a date.
type MCIRate struct {
	From string `json:"from"`
	KZT  int    `json:"kzt"`
}

func (c loc) siteDates() SiteDates {
	// Attributive: i18n as_of, «… жағдай бойынша»; site.js writes the
	// reader's date the same way (Pattern, Months).
	d := SiteDates{Built: c.dateIn(c.g.Today, legalfmt.Attributive)}
	d.Pattern, d.Months = legalfmt.DateFormat(c.l)
	d.MonthCases = map[string][]string{}
	for _, k := range legalfmt.Cases {
		d.MonthCases[k.String()] = legalfmt.MonthNames(c.l, k)
	}
	if m := c.g.Set.MCI; m != nil {
		for _, v := range m.Values {
			d.MCI = append(d.MCI, MCIRate{v.From, v.KZT})
		}
	}
	return d
}

func (c loc) home() Home {
	var d Home
	for _, sv := range c.g.Set.Services {
		for _, t := range sv.Tasks {
			d.Tasks = append(d.Tasks, Task{c.str(t), sv.ID, c.str(sv.Name)})
		}
	}
	return d
}

func (c loc) services() ServiceList {
	var d ServiceList
	for _, sv := range c.g.Set.Services {
		card := ServiceCard{ID: sv.ID, Name: c.str(sv.Name), Summary: c.text(sv.Summary)}
		for _, e := range sv.Editions {
			card.Editions = append(card.Editions, e.Edition)
		}
		d.Services = append(d.Services, card)
	}
	return d
}

func (c loc) service(sv *rules.Service) Service {
	d := Service{ID: sv.ID, Summary: c.text(sv.Summary)}
	cur, coming := c.g.current(sv)
	if cur != nil {
		d.Current = cur.Edition
	}
	for _, e := range coming {
		from := ""
		if a := c.g.Set.Acts[e.Act]; a != nil {
			from = c.g.Set.Period(a).From
		}
		// Ablative: i18n coming_edition, edition_took_effect («… бастап»).
		d.Coming = append(d.Coming, ComingEdition{e.Edition, c.dateText(from, legalfmt.Ablative), from})
	}
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		e := sv.Editions[i]
		d.Editions = append(d.Editions, e.Edition)
		if d.Full == "" && e.Kinds.Known() && (cur == nil || e.Edition <= cur.Edition) {
			d.Full = e.Edition
		}
	}
	for _, k := range sv.FeeKinds(c.g.Set.Vocab) {
		row := FeeRow{Kind: c.vocab("kinds", k)}
		all := sv.FeesAfter(k, "")
		for i, f := range all {
			e := FeeEntry{Period: Period{From: f.From, FromExact: true}}
			if i+1 < len(all) {
				e.Period.To, e.Period.Repealed = all[i+1].From, true
			}
			switch {
			case f.From > c.g.Today:
				e.Status, e.Fee = rules.StatusComing, c.datedFee(f, f.From)
			case e.Period.To != "" && e.Period.To <= c.g.Today:
				e.Status, e.Fee = rules.StatusRepealed, c.datedFee(f, f.From)
			default:
				e.Status, e.Fee = rules.StatusInForce, c.datedFee(f, c.g.Today)
			}
			row.Entries = append(row.Entries, e)
		}
		d.Fees = append(d.Fees, row)
	}
	d.FeesProvenance = c.provenance(d.Fees)
	d.Glance = c.summary(sv, cur)
	return d
}

func (c loc) act(a *rules.Act) *Act {
	s := c.g.Set
	v := &Act{ID: a.ID, Short: c.str(a.Short), Title: c.text(a.Title), Kind: c.vocab("act_kinds", a.Kind),
		Issuer: c.text(a.Issuer), Date: c.date(a.Date), Status: s.StatusOn(a, c.g.Today), InSources: a.InSources(), File: a.File,
		Mentioned: c.cites(a.Mentioned), Notes: c.items(a.Notes), Conflicts: c.conflicts(a.Conflicts), Period: c.period(a)}
	if n := a.Number; n != nil {
		v.Number = &ActNumber{n.Native, n.Latin}
	}
	if r := a.Registration; r != nil {
		v.Registration = &Registration{Gap: c.gap(r.Gap), Number: r.Number, DateGap: c.gap(r.Date.Gap), Cite: c.cites(r.Cite)}
		if r.Date.Value != "" {
			d := c.date(r.Date.Value)
			v.Registration.Date = &d
		}
	}
	if f := a.InForce; f != nil {
		v.InForce = &InForce{Gap: c.gap(f.Gap), Rule: c.text(f.Rule), DateGap: c.gap(f.Date.Gap), Cite: c.cites(f.Cite)}
		if f.Date.Value != "" {
			d := c.date(f.Date.Value)
			v.InForce.Date = &d
		}
		if f.NotBefore != "" {
			v.InForce.NotBefore = c.dateText(f.NotBefore, legalfmt.Ablative) // i18n not_before, «… ерте емес»
		}
	}
	if r := a.RepealedBy; r != nil {
		v.RepealedBy = &RepealedBy{Gap: c.gap(r.Gap), Act: c.actRef(r.Act), EffectiveGap: c.gap(r.Effective.Gap), Cite: c.cites(r.Cite)}
		if r.Effective.Value != "" {
			v.RepealedBy.Effective = c.dateText(r.Effective.Value, legalfmt.Nominative)
		}
		if r.NotBefore != "" {
			v.RepealedBy.NotBefore = c.dateText(r.NotBefore, legalfmt.Ablative)
		}
	}
	if sg := a.Signatory; sg != nil {
		it := c.item(*sg)
		v.Signatory = &it
	}
	for _, e := range s.Editions {
		if e.Act == a.ID {
			v.Editions = append(v.Editions, c.editionRef(e.Service, e.Edition))
		}
	}
	for _, o := range s.ActsByDate() {
		for _, id := range o.Amends {
			if id == a.ID {
				v.AmendedBy = append(v.AmendedBy, *c.actRef(o.ID))
			}
		}
		if o.RepealedBy != nil && o.RepealedBy.Act == a.ID {
			v.Repeals = append(v.Repeals, *c.actRef(o.ID))
		}
	}
	for _, id := range a.Amends {
		if r := c.actRef(id); r != nil {
			v.AmendsActs = append(v.AmendsActs, *r)
		}
	}
	for _, sd := range a.Seeds {
		v.Seeds = append(v.Seeds, c.seed(a, sd))
	}
	v.Published = c.publications(a)
	for _, u := range a.Outline {
		ou := OutlineUnit{Anchor: rules.UnitAnchor(u.At), Unit: c.g.units.Label(c.l, u.At)}
		for _, sd := range a.Seeds {
			span := ""
			if sp, ok := u.Lines[sd.Lang]; ok {
				span = spanText(sp)
			}
			ou.Lines = append(ou.Lines, span)
		}
		v.Outline = append(v.Outline, ou)
	}
	return v
}

func (c loc) editionRef(service, edition string) EditionRef {
	name := ""
	if sv := c.g.Set.Service(service); sv != nil {
		name = c.str(sv.Name)
	}
	return EditionRef{service, name, edition}
}

func (c loc) acts() Acts {
	var d Acts
	for _, a := range c.g.Set.ActsByDate() {
		d.Acts = append(d.Acts, c.act(a))
	}
	return d
}

func (c loc) coverage() CoveragePage {
	s, m := c.g.Set, c.g.cov
	d := CoveragePage{Editions: m.Editions}
	conflictNo := func(service, edition, id string) int {
		if e := s.Edition(service, edition); e != nil {
			for i, cf := range e.Conflicts {
				if cf.ID == id {
					return i + 1
				}
			}
		}
		return 0
	}
	for i, id := range m.Services {
		row := CoverageRow{Service: id}
		if sv := s.Service(id); sv != nil {
			row.Name = c.str(sv.Name)
		}
		for _, cell := range m.Cells[i] {
			if cell == nil {
				row.Cells = append(row.Cells, nil)
				continue
			}
			cv := &CoverageCell{Service: cell.Service, Edition: cell.Edition, Name: row.Name,
				Known: cell.Known, Partial: cell.Partial, Missing: cell.Missing, Conflicts: cell.Conflicts}
			for _, f := range cell.Facts {
				st := string(f.Status)
				if f.Status == coverage.NA {
					st = "na"
				}
				fv := CoverageFact{Fact: f.Fact, Status: st, Reasons: c.vocabs("gaps", f.Reasons)}
				for _, a := range f.See {
					if r := c.actRef(a); r != nil {
						fv.See = append(fv.See, *r)
					}
				}
				for _, cf := range f.Conflicts {
					fv.Conflicts = append(fv.Conflicts, Numbered{cf, conflictNo(cell.Service, cell.Edition, cf)})
				}
				cv.Facts = append(cv.Facts, fv)
			}
			row.Cells = append(row.Cells, cv)
		}
		d.Rows = append(d.Rows, row)
	}
	for _, a := range s.ActsByDate() {
		for _, cf := range c.conflicts(a.Conflicts) {
			d.Conflicts = append(d.Conflicts, ConflictAt{Act: c.actRef(a.ID), Conflict: cf})
		}
		if a.InSources() {
			for _, sd := range a.Seeds {
				d.Sources = append(d.Sources, SourceText{*c.actRef(a.ID), c.seed(a, sd)})
			}
		}
	}
	for _, e := range s.Editions {
		for i, cf := range c.conflicts(e.Conflicts) {
			ref := c.editionRef(e.Service, e.Edition)
			d.Conflicts = append(d.Conflicts, ConflictAt{Edition: &ref, N: i + 1, Conflict: cf})
		}
	}
	return d
}

func (c loc) glossary() Glossary {
	var d Glossary
	for _, t := range c.g.Set.Glossary.Terms {
		gt := GlossTerm{ID: t.ID, Note: c.textP(t.Note)}
		for _, l := range rules.Langs {
			cell := GlossCell{Lang: string(l), Abbr: t.Abbr[l], Search: t.Search[l]}
			if lt := t.Get(l); lt != nil {
				cell.Text, cell.Official = lt.Text, lt.Official
			}
			// The citation follows the last column, once per term.
			if l == rules.EN {
				cell.Cite = c.cites(t.Cite)
			}
			gt.Cells = append(gt.Cells, cell)
		}
		d.Terms = append(d.Terms, gt)
	}
	return d
}

func (c loc) tables() Tables {
	var d Tables
	s := c.g.Set
	if s.MCI != nil {
		t := &MCITable{Today: c.dateText(c.g.Today, legalfmt.Attributive)} // i18n mci_current, «… АЕК»
		if kzt, from := CurrentMCI(s.MCI, c.g.Today); kzt != 0 {
			t.Current, t.Since = legalfmt.FormatKZT(kzt), c.dateText(from, legalfmt.Ablative) // i18n since, «… бастап»
		}
		for _, v := range s.MCI.Values {
			t.Values = append(t.Values, MCIValue{c.date(v.From), legalfmt.FormatKZT(v.KZT), c.text(v.Law)})
		}
		d.MCI = t
	}
	if gs := s.Goods; gs != nil {
		g := &Goods{Title: c.item(gs.Title), CodesCite: c.cites(gs.CodesCite), Notes: c.items(gs.Notes)}
		for _, it := range gs.Items {
			gi := GoodsItem{Item: Item{c.text(it.Texts), c.cites(it.Cite)}}
			for _, in := range it.Includes {
				gi.Includes = append(gi.Includes, c.text(in))
			}
			g.Items = append(g.Items, gi)
		}
		for _, cd := range gs.Codes {
			g.Codes = append(g.Codes, GoodsCode{cd.Code, cd.Ex, cd.Doubtful != nil})
		}
		d.Goods = g
	}
	return d
}

func (c loc) changes() Changes {
	d := Changes{Updated: "2026-01-01T00:00:00Z"}
	if ch := c.g.Set.Changes; ch != nil {
		for i, x := range ch.Changes {
			if u := x.Date + "T00:00:00+05:00"; i == 0 || u > d.Updated {
				d.Updated = u
			}
			d.Changes = append(d.Changes, Change{x.ID, c.date(x.Date), c.text(x.Texts), x.Files, firstSentence(x.String(c.l)), x.Date + "T00:00:00+05:00"})
		}
	}
	return d
}

func (c loc) check(sv *rules.Service) Check {
	d := Check{Today: c.g.Today, Kinds: map[string]string{}}
	for _, k := range c.g.Set.Vocab.Kinds {
		d.Kinds[k.ID] = c.str(k.Texts)
	}
	if sv != nil {
		d.Service = sv.ID
		d.Full = c.service(sv).Full
	}
	return d
}

func spanText(sp rules.Span) string {
	if sp.First == sp.Last {
		return strconv.Itoa(sp.First)
	}
	return strconv.Itoa(sp.First) + "–" + strconv.Itoa(sp.Last)
}
