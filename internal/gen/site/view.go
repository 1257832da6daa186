package site

import (
	"sort"
	"strings"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// The types in this file are the page data's building blocks: rule facts
// resolved into one language (texts picked, vocabulary ids turned into
// labels, dates and numbers written out), ready for the layouts. Interface
// strings are not here: the layouts take them from i18n/ with Hugo's T.
// JSON names are lower case because Hugo lower-cases page parameters.

// Text is a text in the page's language; Official marks the act's own
// wording (else it is this project's). Where it is ours and the act's own
// wording exists in another language, Act is that wording, shown beside
// ours so that the reader sees what the act says.
type Text struct {
	Text     string    `json:"text"`
	Official bool      `json:"official,omitempty"`
	Act      *LangText `json:"act,omitempty"`
}

// LangText is a text in a named language.
type LangText struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// Cite is one citation: the layouts number it as a footnote and link it to
// the unit's words in the act's text.
type Cite struct {
	// Key identifies the citation on a page: one footnote per key.
	Key string `json:"key"`
	// Act is the act's id; Short its short name ("" when the act is not
	// in the rule data, and the footnote is then the bare id).
	Act   string `json:"act"`
	Short string `json:"short,omitempty"`
	Unit  string `json:"unit,omitempty"`
	// Path is where the footnote leads (rules.Act.CitePath): the unit in
	// the act's text in the reader's language, or in the language the
	// act has.
	Path string `json:"path,omitempty"`
	// Lines are the seed lines, per seed language.
	Lines []SeedLines `json:"lines,omitempty"`
	// Authority is where the act's text comes from when it is not one of
	// the original source acts: official, copy or secondary.
	Authority string `json:"authority,omitempty"`
}

// SeedLines is a line range in the seed text of one language.
type SeedLines struct {
	Seed string `json:"seed"`
	Span string `json:"span"`
}

// Gap says why a fact is not given: not applicable, or a reason and
// possibly the act that holds it.
type Gap struct {
	NA     bool    `json:"na,omitempty"`
	Reason string  `json:"reason,omitempty"`
	See    *ActRef `json:"see,omitempty"`
	Note   *Text   `json:"note,omitempty"`
	Cite   []Cite  `json:"cite,omitempty"` // where the act shows the gap
}

// ActRef names an act for a link.
type ActRef struct {
	ID    string `json:"id"`
	Short string `json:"short"`
}

// Date is a date for a <time> element: its ISO form and its words.
type Date struct {
	ISO  string `json:"iso"`
	Text string `json:"text"`
}

// Item is a text and its citations, the commonest fact.
type Item struct {
	Text *Text  `json:"text,omitempty"`
	Cite []Cite `json:"cite,omitempty"`
}

// Term is a time limit. The layouts spell it (plural forms are i18n).
type Term struct {
	Gap     *Gap   `json:"gap,omitempty"`
	Days    *int   `json:"days,omitempty"`
	Minutes int    `json:"minutes,omitempty"`
	Unit    string `json:"unit,omitempty"`
	From    string `json:"from,omitempty"`
	Max     bool   `json:"max,omitempty"`
	Note    *Text  `json:"note,omitempty"`
	Cite    []Cite `json:"cite,omitempty"`
}

// Fee is a state fee: free, in MCI (with tenge at the MCI of the site's
// today when the table has one), or due in an unknown amount.
type Fee struct {
	Gap *Gap `json:"gap,omitempty"`
	// Free is always written: a fee due in an amount the sources do not
	// give has no other field, and an empty object would read as no fee.
	Free bool   `json:"free"`
	MCI  string `json:"mci,omitempty"`
	// KZT is the amount at Rate tenge per MCI, in force since RateFrom
	// (ablative: i18n mci_at, «… бастап»).
	KZT      string `json:"kzt,omitempty"`
	Rate     string `json:"rate,omitempty"`
	RateFrom string `json:"rate_from,omitempty"`
	Note     *Text  `json:"note,omitempty"`
	Cite     []Cite `json:"cite,omitempty"`
	// From and By are set for a fee an act other than the rules sets from
	// a date (service.yaml fees): since when (ablative: i18n fee_set_by,
	// fee_now, fee_coming, «… бастап»), and which act.
	From string  `json:"from,omitempty"`
	By   *ActRef `json:"by,omitempty"`
	// NoRate: the fee is in MCI but the MCI table has no value for its
	// date, so no amount in tenge can be given.
	NoRate bool `json:"no_rate,omitempty"`
	// Live: the amount is in tenge at the MCI of the reader's date, which
	// the page's script recomputes (MCIValue is the rate in MCI).
	Live     bool    `json:"live,omitempty"`
	MCIValue float64 `json:"mci_value,omitempty"`
}

// Period is when an act is in force, for the site's script to decide its
// status on the reader's own date (rules.Set.StatusOn, the same rule).
type Period struct {
	From      string `json:"from,omitempty"`
	FromExact bool   `json:"from_exact,omitempty"`
	To        string `json:"to,omitempty"`
	Repealed  bool   `json:"repealed,omitempty"`
	// Unknown: the sources do not show whether the act still applies.
	Unknown bool `json:"unknown,omitempty"`
}

func (c loc) period(a *rules.Act) *Period {
	if a == nil {
		return nil
	}
	p := c.g.Set.Period(a)
	return &Period{From: p.From, FromExact: p.FromExact, To: p.To, Repealed: p.Repealed, Unknown: a.Status == rules.StatusUnknown}
}

// Condition is when a document is needed: the answers of one question
// (Question is set for yes/no questions, whose answer alone says little).
type Condition struct {
	Question string   `json:"question,omitempty"`
	Answers  []string `json:"answers"`
}

// loc resolves rule data into one language.
type loc struct {
	g *Generator
	l rules.Lang
}

func (c loc) text(t rules.Texts) *Text {
	lt := t.Get(c.l)
	if lt == nil {
		return nil
	}
	v := &Text{Text: lt.Text, Official: lt.Official}
	if !lt.Official {
		for _, l := range rules.Langs {
			if o := t.Get(l); o != nil && o.Official {
				v.Act = &LangText{string(l), o.Text}
				break
			}
		}
	}
	return v
}

func (c loc) textP(t *rules.Texts) *Text {
	if t == nil {
		return nil
	}
	return c.text(*t)
}

func (c loc) str(t rules.Texts) string { return t.String(c.l) }

func (c loc) item(x rules.Cited) Item { return Item{c.text(x.Texts), c.cites(x.Cite)} }

func (c loc) items(xs []rules.Cited) []Item {
	var out []Item
	for _, x := range xs {
		out = append(out, c.item(x))
	}
	return out
}

// date is a date standing alone (a table cell, an act's date): Kazakh
// nominative, «2026 жылғы 1 қаңтар».
func (c loc) date(iso string) Date { return c.dateIn(iso, legalfmt.Nominative) }

// dateIn is a date in the case the phrase around it needs (legalfmt.Case):
// the field's comment names the i18n phrase that takes it.
func (c loc) dateIn(iso string, k legalfmt.Case) Date {
	return Date{iso, legalfmt.FormatDateIn(c.l, iso, k)}
}

// dateText is dateIn's words alone.
func (c loc) dateText(iso string, k legalfmt.Case) string { return legalfmt.FormatDateIn(c.l, iso, k) }

// vocab returns the label of a vocabulary id in a named list, or the id.
func (c loc) vocab(list, id string) string {
	if t := rules.Find(c.g.vocab[list], id); t != nil {
		return t.String(c.l)
	}
	if q := c.g.Set.Vocab.Question(list); q != nil {
		if t := rules.Find(q.Options, id); t != nil {
			return t.String(c.l)
		}
	}
	return id
}

func (c loc) vocabs(list string, ids []string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, c.vocab(list, id))
	}
	return out
}

func (c loc) actRef(id string) *ActRef {
	a := c.g.Set.Acts[id]
	if a == nil {
		return nil
	}
	return &ActRef{a.ID, a.Short.String(c.l)}
}

func (c loc) gap(g rules.Gap) *Gap {
	if g.Known() {
		return nil
	}
	if g.NotApplicable() {
		return &Gap{NA: true}
	}
	v := &Gap{Reason: c.vocab("gaps", g.Unknown), Note: c.textP(g.Note), Cite: c.cites(g.GapCite)}
	if g.See != "" {
		v.See = c.actRef(g.See)
	}
	return v
}

func (c loc) rest(r *rules.Rest) *Gap {
	if r == nil {
		return nil
	}
	return c.gap(r.Gap)
}

func (c loc) cites(cs rules.Cites) []Cite {
	var out []Cite
	for _, ct := range cs {
		out = append(out, c.cite(ct))
	}
	return out
}

func (c loc) cite(ct rules.Cite) Cite {
	v := Cite{Act: ct.Act}
	a := c.g.Set.Acts[ct.Act]
	if a == nil {
		v.Key = ct.Act
		return v
	}
	v.Short, v.Unit, v.Path = a.Short.String(c.l), c.g.units.Label(c.l, ct.At), a.CitePath(c.l, ct.At)
	v.Authority = a.Authority()
	switch {
	case ct.Lines != nil && ct.Lines.Single != nil && len(a.Seeds) == 1:
		v.Lines = append(v.Lines, SeedLines{string(a.Seeds[0].Lang), spanText(*ct.Lines.Single)})
	case ct.Lines != nil:
		for _, l := range rules.Langs {
			if sp, ok := ct.Lines.ByLang[l]; ok {
				v.Lines = append(v.Lines, SeedLines{string(l), spanText(sp)})
			}
		}
	default:
		if u := a.Unit(ct.At); u != nil {
			for _, l := range rules.Langs {
				if sp, ok := u.Lines[l]; ok {
					v.Lines = append(v.Lines, SeedLines{string(l), spanText(sp)})
				}
			}
		}
	}
	key := []string{ct.Act, ct.At}
	for _, ln := range v.Lines {
		key = append(key, ln.Seed+ln.Span)
	}
	v.Key = strings.Join(key, "|")
	return v
}

func (c loc) term(t rules.Term) Term {
	// A term's callers print its citation, a gap's included (term.html).
	v := Term{Gap: c.gap(t.Gap), Note: c.textP(t.Note), Cite: c.cites(append(t.Cite[:len(t.Cite):len(t.Cite)], t.GapCite...))}
	if v.Gap == nil {
		v.Days, v.Minutes, v.Unit, v.Max = t.Days, t.Minutes, t.Unit, t.Max
		if t.From != "" {
			v.From = c.vocab("term_starts", t.From)
		}
	}
	return v
}

// fee is a fee; plain leaves out the tenge, for comparing editions.
func (c loc) fee(f rules.Fee, plain bool) Fee { return c.feeAt(f, plain, c.g.Today) }

// datedFee is a fee set from a date, in tenge at the MCI of day.
func (c loc) datedFee(d rules.DatedFee, day string) Fee {
	f := c.feeAt(d.Fee(), false, day)
	f.From, f.By = c.dateText(d.From, legalfmt.Ablative), c.actRef(d.By)
	return f
}

// feeAt is a fee in tenge at the MCI in force on day.
func (c loc) feeAt(f rules.Fee, plain bool, day string) Fee {
	v := Fee{Gap: c.gap(f.Gap), Note: c.textP(f.Note), Cite: c.cites(f.Cite)}
	if v.Gap != nil {
		return v
	}
	switch {
	case f.Free():
		v.Free = true
	case f.MCI != nil:
		v.MCI, v.MCIValue = legalfmt.FormatMCI(c.l, *f.MCI), *f.MCI
		kzt, from := CurrentMCI(c.g.Set.MCI, day)
		switch {
		case plain:
		case kzt == 0 || from[:4] != day[:4]:
			// The MCI is set for each year: an older year's value is
			// not the one in force, and the amount is not known.
			v.NoRate = true
		default:
			v.KZT = legalfmt.FormatKZT(int(*f.MCI*float64(kzt) + 0.5))
			v.Rate, v.RateFrom = legalfmt.FormatKZT(kzt), c.dateText(from, legalfmt.Ablative)
		}
		v.Live = !plain && day == c.g.Today
	}
	return v
}

// when lists a document's conditions, by question id.
func (c loc) when(w map[string][]string) []Condition {
	var out []Condition
	for _, q := range sortedKeys(w) {
		cond := Condition{Answers: c.vocabs(q, w[q])}
		if q != "subspecies" {
			if qu := c.g.Set.Vocab.Question(q); qu != nil && qu.YesNo {
				cond.Question = qu.String(c.l)
			}
		}
		out = append(out, cond)
	}
	return out
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
