package site

import (
	"strings"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// change is one difference between two editions, ready to print.
type change struct {
	What    string // fact id: name, applicants, channels, kinds, term, fee, documents, steps
	Kind    string // application kind, for per-kind facts
	Before  string // plain text in the page language
	After   string
	Added   []string // for lists: items only in the newer edition
	Removed []string
	Changed []string
}

// comparison is what changed from one edition to the next.
type comparison struct {
	From, To *rules.Edition
	Lineage  []rules.Lineage // how To relates to editions of any service
	Changes  []change
	// Unknown lists facts that cannot be compared because either edition
	// lacks them in the sources.
	Unknown []string
}

type historyData struct {
	Service     *rules.Service
	Comparisons []comparison // oldest first
	First       *rules.Edition
	Overview    []overviewRow
}

// overviewRow sums up one edition for the at-a-glance table: the main
// application's term, fee and number of documents, and the channels.
type overviewRow struct {
	Edition   *rules.Edition
	Kind      string
	Term      string
	Fee       string
	Documents string
	Channels  string
}

func (g *Generator) historyData(l rules.Lang, sv *rules.Service) historyData {
	d := historyData{Service: sv}
	if len(sv.Editions) > 0 {
		d.First = sv.Editions[0]
	}
	for i := 1; i < len(sv.Editions); i++ {
		d.Comparisons = append(d.Comparisons, g.compare(l, sv.Editions[i-1], sv.Editions[i]))
	}
	c := ctxFor(g, l)
	na := c.T("not_in_sources")
	for _, e := range sv.Editions {
		row := overviewRow{Edition: e, Term: na, Fee: na, Documents: na, Channels: na}
		if e.Channels.Known() {
			var ch []string
			for _, id := range e.Channels.Value {
				ch = append(ch, c.Vocab("channels", id))
			}
			row.Channels = strings.Join(ch, ", ")
		}
		if e.Kinds.Known() && len(e.Kinds.Items) > 0 {
			k := e.Kinds.Items[0]
			row.Kind = k.ID
			if k.Term.Known() {
				row.Term = string(c.TermText(k.Term))
			}
			if k.Fee.Known() {
				row.Fee = c.feePlain(k.Fee)
			}
			if k.Documents.Known() {
				row.Documents = c.N("documents_n", attached(&k))
				if k.DocumentsRest != nil {
					row.Documents += " " + c.T("and_more_elsewhere")
				}
			}
		}
		d.Overview = append(d.Overview, row)
	}
	return d
}

// compare lists the differences between two editions of a service in the
// facts readers care about: name, who may apply, channels, application
// kinds, and per kind the term, fee, steps and documents.
func (g *Generator) compare(l rules.Lang, a, b *rules.Edition) comparison {
	c := ctxFor(g, l)
	cmp := comparison{From: a, To: b, Lineage: b.Follows}
	unknown := func(what string) {
		for _, u := range cmp.Unknown {
			if u == what {
				return
			}
		}
		cmp.Unknown = append(cmp.Unknown, what)
	}
	if a.Name.Known() && b.Name.Known() && a.Name.String(l) != b.Name.String(l) {
		cmp.Changes = append(cmp.Changes, change{What: "name", Before: a.Name.String(l), After: b.Name.String(l)})
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
		ch := change{What: what}
		for _, id := range added {
			ch.Added = append(ch.Added, c.Vocab(list, id))
		}
		for _, id := range removed {
			ch.Removed = append(ch.Removed, c.Vocab(list, id))
		}
		cmp.Changes = append(cmp.Changes, ch)
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
		ch := change{What: "kinds"}
		for _, id := range added {
			ch.Added = append(ch.Added, c.Vocab("kinds", id))
		}
		for _, id := range removed {
			ch.Removed = append(ch.Removed, c.Vocab("kinds", id))
		}
		cmp.Changes = append(cmp.Changes, ch)
	}
	for _, kb := range b.Kinds.Items {
		ka := a.Kind(kb.ID)
		if ka == nil {
			continue
		}
		if ka.Term.Known() && kb.Term.Known() {
			if x, y := string(c.TermText(ka.Term)), string(c.TermText(kb.Term)); x != y {
				cmp.Changes = append(cmp.Changes, change{What: "term", Kind: kb.ID, Before: x, After: y})
			}
		} else {
			unknown("terms")
		}
		if ka.Fee.Known() && kb.Fee.Known() {
			if x, y := c.feePlain(ka.Fee), c.feePlain(kb.Fee); x != y {
				cmp.Changes = append(cmp.Changes, change{What: "fee", Kind: kb.ID, Before: x, After: y})
			}
		} else {
			unknown("fees")
		}
		if ka.Steps.Known() && kb.Steps.Known() {
			if len(ka.Steps.Items) != len(kb.Steps.Items) {
				cmp.Changes = append(cmp.Changes, change{What: "steps", Kind: kb.ID,
					Before: c.N("steps_n", len(ka.Steps.Items)), After: c.N("steps_n", len(kb.Steps.Items))})
			}
		} else {
			unknown("steps")
		}
		if ka.Documents.Known() && kb.Documents.Known() {
			ch := change{What: "documents", Kind: kb.ID,
				Before: c.N("documents_n", attached(ka)), After: c.N("documents_n", attached(&kb))}
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
			if len(ch.Added)+len(ch.Removed)+len(ch.Changed) > 0 || ch.Before != ch.After {
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

func ctxFor(g *Generator, l rules.Lang) *ctx { return g.newCtx(l, "") }

// feePlain is a fee in words without the tenge conversion, for comparing.
func (c *ctx) feePlain(f rules.Fee) string {
	switch {
	case f.Free():
		return c.T("fee_free")
	case f.MCI != nil:
		return c.T("mci_n", legalfmt.FormatMCI(c.L, *f.MCI))
	default:
		return c.T("fee_due_unknown")
	}
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
