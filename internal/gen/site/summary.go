package site

import (
	"ruqsat/internal/coverage"
	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// Summary is the top of a service page: what an applicant can act on,
// from the edition in force on the site's today. When that edition's
// procedure is not in the sources, Now says what to do instead.
type Summary struct {
	// Edition is the edition the facts below come from.
	Edition string `json:"edition"`
	// Kind is the main application kind's label (the first the act
	// lists: the issue of the licence or permit); Kinds the number of
	// kinds, so the page can say the others are below.
	Kind  string `json:"kind,omitempty"`
	Kinds int    `json:"kinds,omitempty"`
	// Fee is the main kind's fee today: the one an act other than the
	// rules sets on the site's today (By names it), else the rules' own.
	Fee *Fee `json:"fee,omitempty"`
	// Term is the main kind's term, without its note.
	Term *Term `json:"term,omitempty"`
	// Documents counts the main kind's document list as the act counts it.
	Documents *DocCount `json:"documents,omitempty"`
	// Channels are the ways to file, and Links the addresses the edition
	// names that the site links (tables/portals.yaml).
	Channels     []string     `json:"channels,omitempty"`
	ChannelsGap  *Gap         `json:"channels_gap,omitempty"`
	ChannelsCite []Cite       `json:"channels_cite,omitempty"`
	Links        []PortalLink `json:"links,omitempty"`
	Now          *WhatNow     `json:"now,omitempty"`
}

// DocCount is a document list counted as the act counts it: what the
// applicant provides, alternatives once (documents()). Always of them are
// needed whatever the case (an entry with no condition, or alternatives
// one of which is always needed); the rest only in some cases. More: the
// list is incomplete in the sources.
type DocCount struct {
	N      int    `json:"n"`
	Always int    `json:"always"`
	More   bool   `json:"more,omitempty"`
	Cite   []Cite `json:"cite,omitempty"`
}

// PortalLink is a web address an act names, linked (tables/portals.yaml).
type PortalLink struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Label string `json:"label"`
	// Host is the address as the act prints it.
	Host string `json:"host"`
	Cite []Cite `json:"cite,omitempty"`
}

// WhatNow is what to do when the current rules of a service are not in
// the sources: where they are published, where to file, whom to ask, and
// what the last edition in the sources said.
type WhatNow struct {
	// Act is the act holding the current rules, and its status.
	Act    *ActRef `json:"act,omitempty"`
	Status string  `json:"status,omitempty"`
	Period *Period `json:"period,omitempty"`
	// Amends are the acts it amends: the rules are their text as amended.
	Amends []ActRef `json:"amends,omitempty"`
	// Published is where the act and the acts it amends can be read as
	// published (their publication addresses in the rule data).
	Published []Publication `json:"published,omitempty"`
	// Links are the addresses the newest edition naming any gives; From
	// is that edition.
	Links     []PortalLink `json:"links,omitempty"`
	LinksFrom string       `json:"links_from,omitempty"`
	// Phones are the provider's phones from the newest edition giving
	// them (PhonesFrom).
	Phones     []Phone `json:"phones,omitempty"`
	PhonesFrom string  `json:"phones_from,omitempty"`
	// Last is the newest edition whose procedure the sources give, its
	// act, and when the next edition replaced it (ablative: i18n
	// now_last_until, «… бастап»), with the edition that did.
	Last     string  `json:"last,omitempty"`
	LastAct  *ActRef `json:"last_act,omitempty"`
	Until    string  `json:"until,omitempty"`
	UntilISO string  `json:"until_iso,omitempty"`
	Next     string  `json:"next,omitempty"`
}

// GapGroup is facts missing for one reason, said once: their labels are
// i18n fact_<id>; the notes and citations of their gaps, each once.
type GapGroup struct {
	Reason string   `json:"reason"`
	Facts  []string `json:"facts"`
	Notes  []*Text  `json:"notes,omitempty"`
	Cite   []Cite   `json:"cite,omitempty"`
}

func (c loc) summary(sv *rules.Service, cur *rules.Edition) *Summary {
	if cur == nil {
		return nil
	}
	d := &Summary{Edition: cur.Edition}
	if cur.Channels.Known() {
		d.Channels, d.ChannelsCite = c.vocabs("channels", cur.Channels.Value), c.cites(cur.Channels.Cite)
	} else {
		d.ChannelsGap = c.gap(cur.Channels.Gap)
	}
	d.Links = c.portalLinks(cur)
	if !cur.Kinds.Known() || len(cur.Kinds.Items) == 0 {
		d.Now = c.whatNow(sv, cur)
		// A fee an act other than the rules sets may still be known.
		if ks := sv.FeeKinds(c.g.Set.Vocab); len(ks) > 0 {
			if f := sv.FeeOn(ks[0], c.g.Today); f != nil {
				fee := c.datedFee(*f, c.g.Today)
				d.Fee, d.Kind = &fee, c.vocab("kinds", ks[0])
			}
		}
		return d
	}
	k := &cur.Kinds.Items[0]
	d.Kind, d.Kinds = c.vocab("kinds", k.ID), len(cur.Kinds.Items)
	if f := sv.FeeOn(k.ID, c.g.Today); f != nil {
		fee := c.datedFee(*f, c.g.Today)
		d.Fee = &fee
	} else {
		fee := c.fee(k.Fee, false)
		fee.Note = nil
		d.Fee = &fee
	}
	t := c.term(k.Term)
	t.Note = nil
	d.Term = &t
	if k.Documents.Known() {
		groups := documentGroups(k)
		n := &DocCount{N: len(groups), More: k.DocumentsRest != nil, Cite: c.cites(documentCites(k))}
		for _, g := range groups {
			if len(g) > 1 || len(g[0].When) == 0 {
				n.Always++
			}
		}
		d.Documents = n
	}
	return d
}

// portalLinks are the addresses an edition's contacts name that the site
// links, in the order of the vocabulary, each once.
func (c loc) portalLinks(e *rules.Edition) []PortalLink {
	ps := c.g.Set.Portals
	if !e.Contacts.Known() {
		return nil
	}
	var out []PortalLink
	for _, p := range ps.List() {
		for _, w := range e.Contacts.Web {
			if at := ps.PortalAt(w.URL); at == nil || at.ID != p.ID {
				continue
			}
			out = append(out, PortalLink{ID: p.ID, URL: p.URL, Label: c.str(p.Texts), Host: w.URL, Cite: c.cites(w.Cite)})
			break
		}
	}
	return out
}

// portalHref is the address the site links for a web address an act
// prints, or "" when the vocabulary has no portal for it.
func (c loc) portalHref(written string) string {
	if p := c.g.Set.Portals.PortalAt(written); p != nil {
		return p.URL
	}
	return ""
}

func (c loc) whatNow(sv *rules.Service, cur *rules.Edition) *WhatNow {
	d := &WhatNow{Act: c.actRef(cur.Act)}
	if a := c.g.Set.Acts[cur.Act]; a != nil {
		d.Status, d.Period = c.g.Set.StatusOn(a, c.g.Today), c.period(a)
		d.Published = c.publications(a)
		for _, id := range a.Amends {
			if r := c.actRef(id); r != nil {
				d.Amends = append(d.Amends, *r)
			}
			if am := c.g.Set.Acts[id]; am != nil {
				d.Published = append(d.Published, c.publications(am)...)
			}
		}
	}
	// The newest edition up to the current one that names them.
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		e := sv.Editions[i]
		if e.Edition > cur.Edition {
			continue
		}
		if d.Links == nil {
			if l := c.portalLinks(e); len(l) > 0 {
				d.Links, d.LinksFrom = l, e.Edition
			}
		}
		if d.Phones == nil && e.Contacts.Known() && len(e.Contacts.Phones) > 0 {
			for _, p := range e.Contacts.Phones {
				d.Phones = append(d.Phones, Phone{p.Number, Item{c.text(p.Texts), c.cites(p.Cite)}})
			}
			d.PhonesFrom = e.Edition
		}
		if d.Last == "" && e.Kinds.Known() && len(e.Kinds.Items) > 0 {
			d.Last, d.LastAct = e.Edition, c.actRef(e.Act)
			if i+1 < len(sv.Editions) {
				next := sv.Editions[i+1]
				if a := c.g.Set.Acts[next.Act]; a != nil {
					if from := c.g.Set.Period(a).From; from != "" {
						d.Until, d.UntilISO, d.Next = c.dateText(from, legalfmt.Ablative), from, next.Edition
					}
				}
			}
		}
	}
	return d
}

// gapGroups are an edition's missing facts by reason, in the order of
// the coverage, with the notes and citations their gaps carry.
func (c loc) gapGroups(e *rules.Edition) []GapGroup {
	cites := gapCites(e)
	var out []GapGroup
	at := map[string]int{}
	for _, f := range coverage.Of(e).Facts {
		if f.Status == coverage.Known || f.Status == coverage.NA {
			continue
		}
		reason := "partial"
		if len(f.Reasons) > 0 {
			reason = f.Reasons[0]
		}
		i, ok := at[reason]
		if !ok {
			i = len(out)
			at[reason] = i
			out = append(out, GapGroup{Reason: c.vocab("gaps", reason)})
		}
		g := &out[i]
		g.Facts = append(g.Facts, f.Fact)
		for _, ct := range c.cites(cites[f.Fact]) {
			if !hasCite(g.Cite, ct.Key) {
				g.Cite = append(g.Cite, ct)
			}
		}
		if n := gapNotes(e)[f.Fact]; n != nil {
			if t := c.textP(n); t != nil && !hasText(g.Notes, t.Text) {
				g.Notes = append(g.Notes, t)
			}
		}
	}
	return out
}

// topGaps are the gaps of an edition's facts, by coverage fact id.
func topGaps(e *rules.Edition) map[string]rules.Gap {
	return map[string]rules.Gap{
		"name": e.Name.Gap, "provider": e.Provider.Gap, "legal_basis": e.LegalBasis.Gap, "applicants": e.Applicants.Gap,
		"channels": e.Channels.Gap, "service_form": e.ServiceForm.Gap, "result": e.Result.Gap, "result_form": e.ResultForm.Gap,
		"subspecies": e.Subspecies.Gap, "kinds": e.Kinds.Gap, "payment": e.Payment.Gap, "renewal": e.Renewal.Gap,
		"refusal_grounds": e.Refusals.Gap, "appeals": e.Appeals.Gap, "qualification": e.Qualify.Gap,
		"contacts": e.Contacts.Gap, "forms": e.Forms.Gap,
	}
}

// gapCites are the citations written beside the gaps of an edition's
// facts, by coverage fact id.
func gapCites(e *rules.Edition) map[string]rules.Cites {
	m := map[string]rules.Cites{}
	for id, g := range topGaps(e) {
		if !g.Known() && len(g.GapCite) > 0 {
			m[id] = g.GapCite
		}
	}
	return m
}

// gapNotes are the notes of the gaps of an edition's facts.
func gapNotes(e *rules.Edition) map[string]*rules.Texts {
	m := map[string]*rules.Texts{}
	for id, g := range topGaps(e) {
		if g.Note != nil {
			m[id] = g.Note
		}
	}
	return m
}

func hasCite(cs []Cite, key string) bool {
	for _, c := range cs {
		if c.Key == key {
			return true
		}
	}
	return false
}

func hasText(ts []*Text, s string) bool {
	for _, t := range ts {
		if t.Text == s {
			return true
		}
	}
	return false
}
