package site

import (
	"ruqsat/internal/coverage"
	"ruqsat/internal/rules"
)

// Edition is what an edition's pages show (the edition page, its
// checklist, and the service page for its current and latest full
// editions).
type Edition struct {
	Service     string  `json:"service"`
	ServiceName string  `json:"service_name"`
	Edition     string  `json:"edition"`
	File        string  `json:"file"`
	Act         *ActRef `json:"act,omitempty"`
	Status      string  `json:"status"` // the act's on the site's today: in-force, repealed, coming, unknown
	Period      *Period `json:"period,omitempty"`
	// Newer is the edition in force on the site's today, when this one is
	// older.
	Newer string `json:"newer,omitempty"`

	Name        Fact       `json:"name"`
	Provider    Fact       `json:"provider"`
	Applicants  Labels     `json:"applicants"`
	Channels    Labels     `json:"channels"`
	ServiceForm Labels     `json:"service_form"`
	Result      Fact       `json:"result"`
	ResultForm  Labels     `json:"result_form"`
	Subspecies  ItemList   `json:"subspecies"`
	Payment     Labels     `json:"payment"`
	Kinds       []Kind     `json:"kinds,omitempty"`
	KindsGap    *Gap       `json:"kinds_gap,omitempty"`
	Renewal     Renewal    `json:"renewal"`
	Refusals    Refusals   `json:"refusals"`
	Appeals     Appeals    `json:"appeals"`
	Qualify     Qualify    `json:"qualification"`
	Contacts    Contacts   `json:"contacts"`
	Forms       Forms      `json:"forms"`
	LegalBasis  ItemList   `json:"legal_basis"`
	Provisions  []Labeled  `json:"provisions,omitempty"`
	Follows     []Lineage  `json:"follows,omitempty"`
	Conflicts   []Conflict `json:"conflicts,omitempty"`
	Notes       []Item     `json:"notes,omitempty"`
	Coverage    Coverage   `json:"coverage"`
	// GapGroups are the missing facts by reason, each reason said once
	// (an edition whose procedure the sources do not give).
	GapGroups []GapGroup `json:"gap_groups,omitempty"`
	// Provenance: the notices the facts above call for (provenance.go),
	// shown at the top of the edition's section.
	Provenance []ProvNotice `json:"provenance,omitempty"`
}

// Fact is a text fact: known (Text) or not (Gap).
type Fact struct {
	Gap  *Gap   `json:"gap,omitempty"`
	Text *Text  `json:"text,omitempty"`
	Cite []Cite `json:"cite,omitempty"`
}

// Labels is a fact given as vocabulary ids, written out.
type Labels struct {
	Gap    *Gap     `json:"gap,omitempty"`
	Labels []string `json:"labels,omitempty"`
	Note   *Text    `json:"note,omitempty"`
	Cite   []Cite   `json:"cite,omitempty"`
}

// ItemList is a list fact.
type ItemList struct {
	Gap   *Gap   `json:"gap,omitempty"`
	Items []Item `json:"items,omitempty"`
}

// Labeled is a text under a label (a provision under its topic, a refusal
// ground under its group).
type Labeled struct {
	Label string `json:"label,omitempty"`
	Item
}

// Kind is one application kind.
type Kind struct {
	ID            string     `json:"id"`
	Label         string     `json:"label"`
	Term          Term       `json:"term"`
	Fee           Fee        `json:"fee"`
	StepsGap      *Gap       `json:"steps_gap,omitempty"`
	Steps         []Step     `json:"steps,omitempty"`
	DocumentsGap  *Gap       `json:"documents_gap,omitempty"`
	Documents     []Document `json:"documents,omitempty"`
	DocumentsRest *Gap       `json:"documents_rest,omitempty"`
	// FeeNow is the fee an act other than the rules sets for this kind on
	// the site's today, which replaces Fee; FeeComing are later ones. Only
	// on the edition in force on the site's today.
	FeeNow    *Fee  `json:"fee_now,omitempty"`
	FeeComing []Fee `json:"fee_coming,omitempty"`
	// Channels are the ways this kind may be filed where the act gives it
	// fewer than the edition's (rules: a kind's channels); nil: the
	// edition's.
	Channels *Labels `json:"channels,omitempty"`
}

// Step is one step of the procedure.
type Step struct {
	Actor    string `json:"actor"`
	Days     *int   `json:"days,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Counts   string `json:"counts,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	Item
}

// Document is one item of a document list.
type Document struct {
	ID        string      `json:"id"`
	Medium    string      `json:"medium"`
	Signed    bool        `json:"signed,omitempty"`
	Certified string      `json:"certified,omitempty"`
	Copies    int         `json:"copies,omitempty"`
	IfAny     bool        `json:"if_any,omitempty"`
	Fetched   bool        `json:"fetched,omitempty"`
	When      []Condition `json:"when,omitempty"`
	Item
}

// Renewal is when a licence must be renewed.
type Renewal struct {
	Gap      *Gap     `json:"gap,omitempty"`
	Triggers ItemList `json:"triggers"`
	Window   Term     `json:"window"`
}

// Refusals are the grounds for refusal; a ground's label is its group,
// empty for general grounds.
type Refusals struct {
	Gap   *Gap      `json:"gap,omitempty"`
	Items []Labeled `json:"items,omitempty"`
}

// Appeals are the ways to appeal.
type Appeals struct {
	Gap   *Gap     `json:"gap,omitempty"`
	Items []Appeal `json:"items,omitempty"`
}

// Appeal is one way to appeal, with its time limit.
type Appeal struct {
	Days int    `json:"days,omitempty"`
	Unit string `json:"unit,omitempty"`
	Item
}

// Qualify are the qualification requirements.
type Qualify struct {
	Gap        *Gap        `json:"gap,omitempty"`
	Basis      *Item       `json:"basis,omitempty"`
	Checks     []Item      `json:"checks,omitempty"`
	Test       *QualTest   `json:"test,omitempty"`
	Experience *Experience `json:"experience,omitempty"`
}

// QualTest is the qualification test.
type QualTest struct {
	Gap         *Gap `json:"gap,omitempty"`
	Written     bool `json:"written,omitempty"`
	PassPercent int  `json:"pass_percent,omitempty"`
	Minutes     int  `json:"minutes,omitempty"`
	Item
}

// Experience is the experience required.
type Experience struct {
	Gap *Gap `json:"gap,omitempty"`
	Min int  `json:"min,omitempty"`
	Item
}

// Contacts are where and when to reach the provider.
type Contacts struct {
	Gap     *Gap     `json:"gap,omitempty"`
	Hours   []Hours  `json:"hours,omitempty"`
	Phones  []Phone  `json:"phones,omitempty"`
	Web     []Web    `json:"web,omitempty"`
	Offices []Office `json:"offices,omitempty"`
}

// Hours are someone's working hours.
type Hours struct {
	Who   string   `json:"who"`
	Days  string   `json:"days"`
	Open  string   `json:"open,omitempty"`
	Close string   `json:"close,omitempty"`
	Break []string `json:"break,omitempty"`
	Item
}

// Phone is a phone number.
type Phone struct {
	Number string `json:"number"`
	Item
}

// Web is a web address.
type Web struct {
	URL string `json:"url"`
	// Href is the address the site links (tables/portals.yaml), "" for an
	// address the vocabulary does not know, which stays plain text.
	Href string `json:"href,omitempty"`
	Item
}

// Office is a reception office.
type Office struct {
	Name    *Text    `json:"name,omitempty"`
	Address *Text    `json:"address,omitempty"`
	Phones  []string `json:"phones,omitempty"`
	Cite    []Cite   `json:"cite,omitempty"`
}

// Forms are the forms the act sets out.
type Forms struct {
	Gap   *Gap   `json:"gap,omitempty"`
	Items []Form `json:"items,omitempty"`
}

// Form is one form and its fields.
type Form struct {
	ID         string `json:"id"`
	Name       *Text  `json:"name,omitempty"`
	Cite       []Cite `json:"cite,omitempty"`
	Fields     []Item `json:"fields,omitempty"`
	FieldsRest *Gap   `json:"fields_rest,omitempty"`
}

// Lineage is how an edition relates to another service's edition.
type Lineage struct {
	Change      string `json:"change"`
	Service     string `json:"service"`
	ServiceName string `json:"service_name"`
	Edition     string `json:"edition"`
	Note        *Text  `json:"note,omitempty"`
}

// Conflict is two readings that disagree, and the one followed.
type Conflict struct {
	ID       string    `json:"id"`
	Summary  *Text     `json:"summary,omitempty"`
	Readings []Reading `json:"readings"`
	Reason   *Text     `json:"reason,omitempty"`
}

// Reading is one side of a conflict. Lang is set when the key is a
// language (the Russian and Kazakh texts disagree); Unit when the key
// names a unit of the act.
type Reading struct {
	Key      string `json:"key"`
	Lang     string `json:"lang,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Quote    string `json:"quote"`
	Followed bool   `json:"followed,omitempty"`
	Cite     []Cite `json:"cite,omitempty"`
}

// Coverage counts how much of an edition the sources give.
type Coverage struct {
	Known     int       `json:"known"`
	Facts     int       `json:"facts"`
	Partial   int       `json:"partial"`
	Conflicts int       `json:"conflicts"`
	Missing   []Missing `json:"missing,omitempty"`
}

// Missing is a fact the sources do not give in full, and why.
type Missing struct {
	Fact    string   `json:"fact"`
	Reasons []string `json:"reasons,omitempty"`
}

func (c loc) edition(e *rules.Edition) *Edition {
	sv := c.g.Set.Service(e.Service)
	v := &Edition{
		Service: e.Service, ServiceName: c.str(sv.Name), Edition: e.Edition, File: e.File,
		Act:         c.actRef(e.Act),
		Name:        c.fact(e.Name),
		Provider:    c.fact(e.Provider),
		Applicants:  c.labels("applicants", e.Applicants),
		Channels:    c.labels("channels", e.Channels),
		ResultForm:  c.labels("result_forms", e.ResultForm),
		Payment:     c.labels("payment_methods", e.Payment),
		Result:      c.fact(e.Result),
		ServiceForm: Labels{Gap: c.gap(e.ServiceForm.Gap), Cite: c.cites(e.ServiceForm.Cite)},
		Subspecies:  ItemList{Gap: c.gap(e.Subspecies.Gap)},
		KindsGap:    c.gap(e.Kinds.Gap),
		LegalBasis:  ItemList{Gap: c.gap(e.LegalBasis.Gap), Items: c.items(e.LegalBasis.Items)},
		Notes:       c.items(e.Notes),
		Conflicts:   c.conflicts(e.Conflicts),
	}
	if a := c.g.Set.Acts[e.Act]; a != nil {
		v.Status, v.Period = c.g.Set.StatusOn(a, c.g.Today), c.period(a)
	}
	cur, _ := c.g.current(sv)
	if cur != nil && cur != e && cur.Edition > e.Edition {
		v.Newer = cur.Edition
	}
	if v.ServiceForm.Gap == nil {
		v.ServiceForm.Labels = []string{c.vocab("service_forms", e.ServiceForm.Value)}
	}
	for _, s := range e.Subspecies.Items {
		v.Subspecies.Items = append(v.Subspecies.Items, Item{c.text(s.Texts), c.cites(s.Cite)})
	}
	for _, k := range e.Kinds.Items {
		kv := c.kind(k)
		if cur == e {
			if f := sv.FeeOn(k.ID, c.g.Today); f != nil {
				now := c.datedFee(*f, c.g.Today)
				kv.FeeNow = &now
			}
			for _, f := range sv.FeesAfter(k.ID, c.g.Today) {
				kv.FeeComing = append(kv.FeeComing, c.datedFee(f, f.From))
			}
		}
		v.Kinds = append(v.Kinds, kv)
	}
	v.Renewal = Renewal{Gap: c.gap(e.Renewal.Gap), Window: c.term(e.Renewal.Window),
		Triggers: ItemList{Gap: c.gap(e.Renewal.Triggers.Gap), Items: c.items(rules.TriggerTexts(e.Renewal.Triggers.Items))}}
	v.Refusals.Gap = c.gap(e.Refusals.Gap)
	for _, r := range e.Refusals.Items {
		lr := Labeled{Item: Item{c.text(r.Texts), c.cites(r.Cite)}}
		if r.Group != "general" {
			lr.Label = c.vocab("refusal_groups", r.Group)
		}
		v.Refusals.Items = append(v.Refusals.Items, lr)
	}
	v.Appeals.Gap = c.gap(e.Appeals.Gap)
	for _, a := range e.Appeals.Items {
		v.Appeals.Items = append(v.Appeals.Items, Appeal{a.Days, a.Unit, Item{c.text(a.Texts), c.cites(a.Cite)}})
	}
	q := e.Qualify
	v.Qualify = Qualify{Gap: c.gap(q.Gap), Checks: c.items(q.Checks)}
	if q.Basis != nil {
		b := c.item(*q.Basis)
		v.Qualify.Basis = &b
	}
	if t := q.Test; t != nil {
		v.Qualify.Test = &QualTest{c.gap(t.Gap), t.Written, t.PassPercent, t.Minutes, Item{c.text(t.Texts), c.cites(t.Cite)}}
	}
	if x := q.Experience; x != nil {
		v.Qualify.Experience = &Experience{c.gap(x.Gap), x.Min, Item{c.text(x.Texts), c.cites(x.Cite)}}
	}
	ct := e.Contacts
	v.Contacts.Gap = c.gap(ct.Gap)
	for _, h := range ct.Hours {
		v.Contacts.Hours = append(v.Contacts.Hours, Hours{c.vocab("actors", h.Who), h.Days, h.Open, h.Close, h.Break, Item{c.text(h.Texts), c.cites(h.Cite)}})
	}
	for _, p := range ct.Phones {
		v.Contacts.Phones = append(v.Contacts.Phones, Phone{p.Number, Item{c.text(p.Texts), c.cites(p.Cite)}})
	}
	for _, w := range ct.Web {
		v.Contacts.Web = append(v.Contacts.Web, Web{w.URL, c.portalHref(w.URL), Item{c.text(w.Texts), c.cites(w.Cite)}})
	}
	for _, o := range ct.Offices {
		v.Contacts.Offices = append(v.Contacts.Offices, Office{c.text(o.Name), c.text(o.Address), o.Phones, c.cites(o.Cite)})
	}
	v.Forms.Gap = c.gap(e.Forms.Gap)
	for _, f := range e.Forms.Items {
		v.Forms.Items = append(v.Forms.Items, Form{f.ID, c.text(f.Name), c.cites(f.Cite), c.items(f.Fields), c.rest(f.FieldsRest)})
	}
	for _, p := range e.Provisions {
		v.Provisions = append(v.Provisions, Labeled{c.vocab("topics", p.Topic), Item{c.text(p.Texts), c.cites(p.Cite)}})
	}
	v.Follows = c.lineage(e.Follows)
	cov := coverage.Of(e)
	v.Coverage = Coverage{Known: cov.Known, Facts: len(cov.Facts), Partial: cov.Partial, Conflicts: cov.Conflicts}
	for _, f := range cov.Facts {
		if f.Status != coverage.Known {
			v.Coverage.Missing = append(v.Coverage.Missing, Missing{f.Fact, c.vocabs("gaps", f.Reasons)})
		}
	}
	if !e.Kinds.Known() {
		v.GapGroups = c.gapGroups(e)
	}
	v.Provenance = c.provenance(v)
	return v
}

func (c loc) fact(f rules.TextFact) Fact {
	if g := c.gap(f.Gap); g != nil {
		return Fact{Gap: g}
	}
	return Fact{Text: c.text(f.Texts), Cite: c.cites(f.Cite)}
}

func (c loc) labels(list string, f rules.IDs) Labels {
	if g := c.gap(f.Gap); g != nil {
		return Labels{Gap: g}
	}
	return Labels{Labels: c.vocabs(list, f.Value), Note: c.textP(f.Note), Cite: c.cites(f.Cite)}
}

func (c loc) kind(k rules.Kind) Kind {
	v := Kind{ID: k.ID, Label: c.vocab("kinds", k.ID), Term: c.term(k.Term), Fee: c.fee(k.Fee, false),
		StepsGap: c.gap(k.Steps.Gap), DocumentsGap: c.gap(k.Documents.Gap), DocumentsRest: c.rest(k.DocumentsRest)}
	if k.Channels != nil {
		ch := c.labels("channels", *k.Channels)
		v.Channels = &ch
	}
	for _, s := range k.Steps.Items {
		v.Steps = append(v.Steps, Step{c.vocab("actors", s.Actor), s.Days, s.Unit, s.Counts, s.Optional, Item{c.text(s.Texts), c.cites(s.Cite)}})
	}
	for _, d := range k.Documents.Items {
		v.Documents = append(v.Documents, Document{d.ID, d.Medium, d.Signed, d.Certified, d.Copies, d.IfAny, d.Fetched, c.when(d.When), Item{c.text(d.Texts), c.cites(d.Cite)}})
	}
	return v
}

func (c loc) lineage(ls []rules.Lineage) []Lineage {
	var out []Lineage
	for _, f := range ls {
		name := ""
		if sv := c.g.Set.Service(f.Service); sv != nil {
			name = c.str(sv.Name)
		}
		out = append(out, Lineage{f.Change, f.Service, name, f.Edition, c.text(f.Note)})
	}
	return out
}

func (c loc) conflicts(cs []rules.Conflict) []Conflict {
	var out []Conflict
	for _, cf := range cs {
		v := Conflict{ID: cf.ID, Summary: c.text(cf.Summary), Reason: c.text(cf.Reason)}
		for _, k := range sortedKeys(cf.Readings) {
			r := cf.Readings[k]
			rv := Reading{Key: k, Quote: r.Quote, Followed: k == cf.Followed, Cite: c.cites(r.Cite)}
			switch {
			case k == "ru" || k == "kk" || k == "en":
				rv.Lang = k
			case len(r.Cite) > 0:
				rv.Unit = c.g.units.Label(c.l, r.Cite[0].At)
			}
			v.Readings = append(v.Readings, rv)
		}
		out = append(out, v)
	}
	return out
}
