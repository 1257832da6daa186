package site

import (
	"ruqsat/internal/rules"
)

// History is a service's history page: an overview of its editions and
// what changed from each to the next.
type History struct {
	Overview    []OverviewRow `json:"overview"`
	Origin      []Lineage     `json:"origin,omitempty"`      // how the first edition relates to other services
	Comparisons []Comparison  `json:"comparisons,omitempty"` // oldest first
}

// OverviewRow sums up one edition for the at-a-glance table: the main
// application's term, fee and number of documents, and the channels. A
// nil field is not in the sources.
type OverviewRow struct {
	Edition       string   `json:"edition"`
	Kind          string   `json:"kind,omitempty"`
	Term          *Term    `json:"term,omitempty"`
	Fee           *Fee     `json:"fee,omitempty"`
	Documents     *int     `json:"documents,omitempty"`
	DocumentsMore bool     `json:"documents_more,omitempty"`
	Channels      []string `json:"channels,omitempty"`
}

// Comparison is what changed from one edition to the next.
type Comparison struct {
	From    string      `json:"from"`
	To      string      `json:"to"`
	Lineage []Lineage   `json:"lineage,omitempty"` // how To relates to editions of any service
	Changes []ChangeRow `json:"changes,omitempty"`
	// Unknown lists facts that cannot be compared because either edition
	// lacks them in the sources.
	Unknown []string `json:"unknown,omitempty"`
}

// ChangeRow is one difference between two editions.
type ChangeRow struct {
	What    string   `json:"what"` // fact id: name, applicants, channels, kinds, term, fee, documents, steps
	Kind    string   `json:"kind,omitempty"`
	Before  *Value   `json:"before,omitempty"`
	After   *Value   `json:"after,omitempty"`
	Added   []string `json:"added,omitempty"` // for lists: items only in the newer edition
	Removed []string `json:"removed,omitempty"`
	Changed []string `json:"changed,omitempty"`
}

// Value is one side of a change: a text, a term, a fee or a count (of
// steps_n or documents_n).
type Value struct {
	Text  string `json:"text,omitempty"`
	Term  *Term  `json:"term,omitempty"`
	Fee   *Fee   `json:"fee,omitempty"`
	Count *int   `json:"count,omitempty"`
	Of    string `json:"of,omitempty"`
}

func count(n int, of string) *Value { return &Value{Count: &n, Of: of} }

func (c loc) history(sv *rules.Service) History {
	var d History
	if len(sv.Editions) > 0 {
		d.Origin = c.lineage(sv.Editions[0].Follows)
	}
	for i := 1; i < len(sv.Editions); i++ {
		d.Comparisons = append(d.Comparisons, c.compare(sv.Editions[i-1], sv.Editions[i]))
	}
	for _, e := range sv.Editions {
		row := OverviewRow{Edition: e.Edition}
		if e.Channels.Known() {
			row.Channels = c.vocabs("channels", e.Channels.Value)
		}
		if e.Kinds.Known() && len(e.Kinds.Items) > 0 {
			k := e.Kinds.Items[0]
			row.Kind = c.vocab("kinds", k.ID)
			if k.Term.Known() {
				t := c.term(k.Term)
				t.Cite, t.Note = nil, nil
				row.Term = &t
			}
			if k.Fee.Known() {
				f := c.fee(k.Fee, true)
				f.Cite, f.Note = nil, nil
				row.Fee = &f
			}
			if k.Documents.Known() {
				n := attached(&k)
				row.Documents, row.DocumentsMore = &n, k.DocumentsRest != nil
			}
		}
		d.Overview = append(d.Overview, row)
	}
	return d
}

// sameTerm reports whether two terms read the same.
func sameTerm(a, b rules.Term) bool {
	return (a.Days == nil) == (b.Days == nil) && (a.Days == nil || *a.Days == *b.Days) &&
		a.Minutes == b.Minutes && a.Unit == b.Unit && a.From == b.From && a.Max == b.Max
}

// sameFee reports whether two fees read the same, leaving out the tenge.
func sameFee(a, b rules.Fee) bool {
	return a.Free() == b.Free() && (a.MCI == nil) == (b.MCI == nil) && (a.MCI == nil || *a.MCI == *b.MCI)
}

// compare lists the differences between two editions of a service in the
// facts readers care about: name, who may apply, channels, application
// kinds, and per kind the term, fee, steps and documents.
func (c loc) compare(a, b *rules.Edition) Comparison {
	l := c.l
	cmp := Comparison{From: a.Edition, To: b.Edition, Lineage: c.lineage(b.Follows)}
	unknown := func(what string) {
		for _, u := range cmp.Unknown {
			if u == what {
				return
			}
		}
		cmp.Unknown = append(cmp.Unknown, what)
	}
	if a.Name.Known() && b.Name.Known() && a.Name.String(l) != b.Name.String(l) {
		cmp.Changes = append(cmp.Changes, ChangeRow{What: "name", Before: &Value{Text: a.Name.String(l)}, After: &Value{Text: b.Name.String(l)}})
	}
	ids := func(what, list string, x, y rules.IDs) {
		if !x.Known() || !y.Known() {
			unknown(what)
			return
		}
		added, removed := diffIDs(x.Value, y.Value)
		if len(added)+len(removed) == 0 {
			return
		}
		cmp.Changes = append(cmp.Changes, ChangeRow{What: what, Added: c.vocabs(list, added), Removed: c.vocabs(list, removed)})
	}
	ids("applicants", "applicants", a.Applicants, b.Applicants)
	ids("channels", "channels", a.Channels, b.Channels)
	ids("result_form", "result_forms", a.ResultForm, b.ResultForm)

	if !a.Kinds.Known() || !b.Kinds.Known() {
		unknown("kinds")
		return cmp
	}
	var ka, kb []string
	for _, k := range a.Kinds.Items {
		ka = append(ka, k.ID)
	}
	for _, k := range b.Kinds.Items {
		kb = append(kb, k.ID)
	}
	if added, removed := diffIDs(ka, kb); len(added)+len(removed) > 0 {
		cmp.Changes = append(cmp.Changes, ChangeRow{What: "kinds", Added: c.vocabs("kinds", added), Removed: c.vocabs("kinds", removed)})
	}
	for _, kb := range b.Kinds.Items {
		ka := a.Kind(kb.ID)
		if ka == nil {
			continue
		}
		kind := c.vocab("kinds", kb.ID)
		if ka.Term.Known() && kb.Term.Known() {
			if !sameTerm(ka.Term, kb.Term) {
				x, y := c.term(ka.Term), c.term(kb.Term)
				x.Cite, x.Note, y.Cite, y.Note = nil, nil, nil, nil
				cmp.Changes = append(cmp.Changes, ChangeRow{What: "term", Kind: kind, Before: &Value{Term: &x}, After: &Value{Term: &y}})
			}
		} else {
			unknown("terms")
		}
		if ka.Fee.Known() && kb.Fee.Known() {
			if !sameFee(ka.Fee, kb.Fee) {
				x, y := c.fee(ka.Fee, true), c.fee(kb.Fee, true)
				x.Cite, x.Note, y.Cite, y.Note = nil, nil, nil, nil
				cmp.Changes = append(cmp.Changes, ChangeRow{What: "fee", Kind: kind, Before: &Value{Fee: &x}, After: &Value{Fee: &y}})
			}
		} else {
			unknown("fees")
		}
		if ka.Steps.Known() && kb.Steps.Known() {
			if len(ka.Steps.Items) != len(kb.Steps.Items) {
				cmp.Changes = append(cmp.Changes, ChangeRow{What: "steps", Kind: kind,
					Before: count(len(ka.Steps.Items), "steps_n"), After: count(len(kb.Steps.Items), "steps_n")})
			}
		} else {
			unknown("steps")
		}
		if ka.Documents.Known() && kb.Documents.Known() {
			ch := ChangeRow{What: "documents", Kind: kind,
				Before: count(attached(ka), "documents_n"), After: count(attached(&kb), "documents_n")}
			for _, d := range kb.Documents.Items {
				old := ka.Document(d.ID)
				switch {
				case old == nil:
					ch.Added = append(ch.Added, d.String(l))
				case old.Medium != d.Medium || old.Certified != d.Certified || !sameWhen(old.When, d.When) || old.Signed != d.Signed:
					ch.Changed = append(ch.Changed, d.String(l))
				}
			}
			for _, d := range ka.Documents.Items {
				if kb.Document(d.ID) == nil {
					ch.Removed = append(ch.Removed, d.String(l))
				}
			}
			if len(ch.Added)+len(ch.Removed)+len(ch.Changed) > 0 || *ch.Before.Count != *ch.After.Count {
				cmp.Changes = append(cmp.Changes, ch)
			}
			if ka.DocumentsRest != nil || kb.DocumentsRest != nil {
				unknown("documents")
			}
		} else {
			unknown("documents")
		}
	}
	return cmp
}

// diffIDs returns the ids only in b (added) and only in a (removed).
func diffIDs(a, b []string) (added, removed []string) {
	in := func(l []string, s string) bool {
		for _, x := range l {
			if x == s {
				return true
			}
		}
		return false
	}
	for _, x := range b {
		if !in(a, x) {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !in(b, x) {
			removed = append(removed, x)
		}
	}
	return added, removed
}

func sameWhen(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		vb, ok := b[k]
		if !ok || len(va) != len(vb) {
			return false
		}
		for i := range va {
			if va[i] != vb[i] {
				return false
			}
		}
	}
	return true
}

// attached counts the items of a document list the applicant provides
// (leaving out what the provider obtains itself), as both the overview and
// the comparisons count them.
func attached(k *rules.Kind) int {
	n := 0
	for _, d := range k.Documents.Items {
		if !d.Fetched {
			n++
		}
	}
	return n
}
