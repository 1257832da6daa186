package site

import (
	"sort"
	"strings"
	"time"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// History is a service's history page: an overview of its editions and
// what changed from each to the next.
type History struct {
	Overview    []OverviewRow `json:"overview"`
	Origin      []Lineage     `json:"origin,omitempty"`      // how the first edition relates to other services
	Comparisons []Comparison  `json:"comparisons,omitempty"` // oldest first
	// Amendments are the facts other acts changed from a date without a
	// new edition (today: fees set by the Tax Code), oldest first.
	Amendments []Amendment `json:"amendments,omitempty"`
}

// Amendment is one fact an act changed from a date: what it was before
// (the previous entry, or the edition in force the day before) and after,
// each side cited.
type Amendment struct {
	From    string  `json:"from"`     // the date, as the language writes it
	FromISO string  `json:"from_iso"` // 2006-01-02
	By      *ActRef `json:"by,omitempty"`
	What    string  `json:"what"` // fee
	Kind    string  `json:"kind"`
	Before  *Value  `json:"before,omitempty"` // nil when nothing was in force before
	After   Value   `json:"after"`
	// BeforeEdition is the edition whose fee was in force before, when
	// Before comes from an edition rather than an earlier amendment.
	BeforeEdition string `json:"before_edition,omitempty"`
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
	DocumentsCite []Cite   `json:"documents_cite,omitempty"`
	Channels      []string `json:"channels,omitempty"`
	ChannelsCite  []Cite   `json:"channels_cite,omitempty"`
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

// ChangeRow is one difference between two editions. A change is claimed
// only where both editions state the fact in full: an item is "added"
// only when the older list is complete in the sources, "removed" only
// when the newer one is; what cannot be told apart goes to NotComparable.
type ChangeRow struct {
	What    string   `json:"what"` // fact id: name, applicants, channels, kinds, term, fee, documents, steps
	Kind    string   `json:"kind,omitempty"`
	Before  *Value   `json:"before,omitempty"`
	After   *Value   `json:"after,omitempty"`
	Added   []string `json:"added,omitempty"` // for lists: items only in the newer edition
	Removed []string `json:"removed,omitempty"`
	Changed []string `json:"changed,omitempty"`
	// Named is set for lists of who or what an act names (applicants,
	// channels, result forms): an act that does not name something has not
	// necessarily excluded it, so the page says "named only in".
	Named bool `json:"named,omitempty"`
	// NotComparable are items only one side lists where the other side's
	// list is incomplete in the sources (Incomplete: the edition whose
	// list is).
	NotComparable []string `json:"not_comparable,omitempty"`
	Incomplete    []string `json:"incomplete,omitempty"`
	// CiteFrom and CiteTo cite each side of the row.
	CiteFrom []Cite `json:"cite_from,omitempty"`
	CiteTo   []Cite `json:"cite_to,omitempty"`
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
		var first *rules.Kind
		if e.Kinds.Known() && len(e.Kinds.Items) > 0 {
			first = &e.Kinds.Items[0]
		}
		// The row is the first kind's: its channels where it has its own.
		if ch := e.KindChannels(first); ch.Known() {
			row.Channels, row.ChannelsCite = c.vocabs("channels", ch.Value), c.cites(ch.Cite)
		}
		if first != nil {
			k := *first
			row.Kind = c.vocab("kinds", k.ID)
			if k.Term.Known() {
				t := c.term(k.Term)
				t.Note = nil
				row.Term = &t
			}
			if k.Fee.Known() {
				f := c.fee(k.Fee, true)
				f.Note = nil
				row.Fee = &f
			}
			if k.Documents.Known() {
				n := documents(&k)
				row.Documents, row.DocumentsMore = &n, k.DocumentsRest != nil
				row.DocumentsCite = c.cites(documentCites(&k))
			}
		}
		d.Overview = append(d.Overview, row)
	}
	d.Amendments = c.amendments(sv)
	return d
}

// amendments lists the service's dated fees as changes: each entry
// against the entry before it, or the first against the fee of the
// edition in force the day before.
func (c loc) amendments(sv *rules.Service) []Amendment {
	var out []Amendment
	for _, kind := range sv.FeeKinds(c.g.Set.Vocab) {
		all := sv.FeesAfter(kind, "")
		for i, f := range all {
			a := Amendment{From: c.dateText(f.From, legalfmt.Nominative), FromISO: f.From, By: c.actRef(f.By),
				What: "fee", Kind: c.vocab("kinds", kind)}
			after := c.fee(f.Fee(), true)
			after.Note = nil
			a.After = Value{Fee: &after}
			if i > 0 {
				before := c.fee(all[i-1].Fee(), true)
				before.Note = nil
				a.Before = &Value{Fee: &before}
			} else if e := c.editionOn(sv, dayBefore(f.From)); e != nil {
				if k := e.Kind(kind); k != nil && k.Fee.Known() {
					before := c.fee(k.Fee, true)
					before.Note = nil
					a.Before, a.BeforeEdition = &Value{Fee: &before}, e.Edition
				}
			}
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FromISO < out[j].FromISO })
	return out
}

// editionOn is the service's edition whose act is in force on day, or nil.
func (c loc) editionOn(sv *rules.Service, day string) *rules.Edition {
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		e := sv.Editions[i]
		if a := c.g.Set.Acts[e.Act]; a != nil && c.g.Set.StatusOn(a, day) == rules.StatusInForce {
			return e
		}
	}
	return nil
}

// dayBefore is the day before an ISO date (the date itself if it does not
// parse: lint has reported it).
func dayBefore(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
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

// listValue is one side of a list row: the whole list as the edition
// states it, so each cell reads on its own beside what changed.
func (c loc) listValue(list string, ids []string) *Value {
	if len(ids) == 0 {
		return nil
	}
	return &Value{Text: strings.Join(c.vocabs(list, ids), ", ")}
}

// compare lists the differences between two editions of a service in the
// facts readers care about: name, who may apply, channels, application
// kinds, and per kind the term, fee, steps and documents. Each row cites
// both sides; a fact either edition lacks in the sources is listed as not
// comparable, never as a change.
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
		cmp.Changes = append(cmp.Changes, ChangeRow{What: "name", Before: &Value{Text: a.Name.String(l)}, After: &Value{Text: b.Name.String(l)},
			CiteFrom: c.cites(a.Name.Cite), CiteTo: c.cites(b.Name.Cite)})
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
		cmp.Changes = append(cmp.Changes, ChangeRow{What: what, Added: c.vocabs(list, added), Removed: c.vocabs(list, removed),
			Before: c.listValue(list, x.Value), After: c.listValue(list, y.Value),
			Named: true, CiteFrom: c.cites(x.Cite), CiteTo: c.cites(y.Cite)})
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
		cmp.Changes = append(cmp.Changes, ChangeRow{What: "kinds", Added: c.vocabs("kinds", added), Removed: c.vocabs("kinds", removed),
			Before: c.listValue("kinds", ka), After: c.listValue("kinds", kb),
			CiteFrom: c.cites(kindCites(a)), CiteTo: c.cites(kindCites(b))})
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
				cmp.Changes = append(cmp.Changes, ChangeRow{What: "term", Kind: kind, Before: &Value{Term: &x}, After: &Value{Term: &y},
					CiteFrom: c.cites(ka.Term.Cite), CiteTo: c.cites(kb.Term.Cite)})
			}
		} else {
			unknown("terms")
		}
		if ka.Fee.Known() && kb.Fee.Known() {
			if !sameFee(ka.Fee, kb.Fee) {
				x, y := c.fee(ka.Fee, true), c.fee(kb.Fee, true)
				x.Cite, x.Note, y.Cite, y.Note = nil, nil, nil, nil
				cmp.Changes = append(cmp.Changes, ChangeRow{What: "fee", Kind: kind, Before: &Value{Fee: &x}, After: &Value{Fee: &y},
					CiteFrom: c.cites(ka.Fee.Cite), CiteTo: c.cites(kb.Fee.Cite)})
			}
		} else {
			unknown("fees")
		}
		if ka.Steps.Known() && kb.Steps.Known() {
			if len(ka.Steps.Items) != len(kb.Steps.Items) {
				cmp.Changes = append(cmp.Changes, ChangeRow{What: "steps", Kind: kind,
					Before: count(len(ka.Steps.Items), "steps_n"), After: count(len(kb.Steps.Items), "steps_n"),
					CiteFrom: c.cites(stepCites(ka)), CiteTo: c.cites(stepCites(&kb))})
			}
		} else {
			unknown("steps")
		}
		if ka.Documents.Known() && kb.Documents.Known() {
			if ch, ok := c.compareDocuments(a, b, ka, &kb); ok {
				ch.Kind = kind
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

// compareDocuments compares two document lists of one kind. An item only
// the newer list has is "added" when the older list is complete in the
// sources; an item only the older list has is "removed" when the newer
// list is complete; otherwise it is not comparable. The counts are shown
// only when both lists are complete.
func (c loc) compareDocuments(a, b *rules.Edition, ka, kb *rules.Kind) (ChangeRow, bool) {
	l := c.l
	ch := ChangeRow{What: "documents", CiteFrom: c.cites(documentCites(ka)), CiteTo: c.cites(documentCites(kb))}
	fromComplete, toComplete := ka.DocumentsRest == nil, kb.DocumentsRest == nil
	if !fromComplete {
		ch.Incomplete = append(ch.Incomplete, a.Edition)
	}
	if !toComplete {
		ch.Incomplete = append(ch.Incomplete, b.Edition)
	}
	for _, d := range kb.Documents.Items {
		old := ka.Document(d.ID)
		switch {
		case old == nil && fromComplete:
			ch.Added = append(ch.Added, d.String(l))
		case old == nil:
			ch.NotComparable = append(ch.NotComparable, d.String(l))
		case old.Medium != d.Medium || old.Certified != d.Certified || !sameWhen(old.When, d.When) || old.Signed != d.Signed:
			ch.Changed = append(ch.Changed, d.String(l))
		}
	}
	for _, d := range ka.Documents.Items {
		if kb.Document(d.ID) != nil {
			continue
		}
		if toComplete {
			ch.Removed = append(ch.Removed, d.String(l))
		} else {
			ch.NotComparable = append(ch.NotComparable, d.String(l))
		}
	}
	before, after := documents(ka), documents(kb)
	if fromComplete && toComplete {
		ch.Before, ch.After = count(before, "documents_n"), count(after, "documents_n")
	}
	return ch, len(ch.Added)+len(ch.Removed)+len(ch.Changed)+len(ch.NotComparable) > 0 || (fromComplete && toComplete && before != after)
}

// stepCites are the citations of a kind's steps, each once.
func stepCites(k *rules.Kind) rules.Cites {
	var out rules.Cites
	for _, st := range k.Steps.Items {
		out = appendCites(out, st.Cite)
	}
	return out
}

// kindCites are the citations of an edition's application kinds, each once.
func kindCites(e *rules.Edition) rules.Cites {
	var out rules.Cites
	for _, k := range e.Kinds.Items {
		out = appendCites(out, k.Cite)
	}
	return out
}

// documentCites are the citations of a kind's document list, each once.
func documentCites(k *rules.Kind) rules.Cites {
	var out rules.Cites
	for _, d := range k.Documents.Items {
		if !d.Fetched {
			out = appendCites(out, d.Cite)
		}
	}
	return out
}

func appendCites(out, cs rules.Cites) rules.Cites {
	for _, ct := range cs {
		dup := false
		for _, o := range out {
			if o.Act == ct.Act && o.At == ct.At {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, ct)
		}
	}
	return out
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

// documents counts a document list as the act counts it: what the
// applicant provides (leaving out what the provider obtains itself), with
// alternatives counted once — documents cited to the same item of the act
// whose conditions exclude each other (e.g. a company's charter or an
// individual's identity document) are one entry of the act's list.
func documents(k *rules.Kind) int { return len(documentGroups(k)) }

// documentGroups are the entries of a document list as documents counts
// them: each the documents that are alternatives of one another.
func documentGroups(k *rules.Kind) [][]*rules.Document {
	type group struct {
		at   string
		docs []*rules.Document
	}
	var groups []group
	for i := range k.Documents.Items {
		d := &k.Documents.Items[i]
		if d.Fetched {
			continue
		}
		at := d.ID
		if len(d.Cite) > 0 {
			at = d.Cite[0].Act + "#" + d.Cite[0].At
		}
		placed := false
		for gi := range groups {
			g := &groups[gi]
			if g.at != at || len(d.When) == 0 {
				continue
			}
			exclusive := true
			for _, o := range g.docs {
				if !excludes(d.When, o.When) {
					exclusive = false
					break
				}
			}
			if exclusive {
				g.docs, placed = append(g.docs, d), true
				break
			}
		}
		if !placed {
			groups = append(groups, group{at: at, docs: []*rules.Document{d}})
		}
	}
	out := make([][]*rules.Document, len(groups))
	for i, g := range groups {
		out[i] = g.docs
	}
	return out
}

// excludes reports whether two documents' conditions cannot both hold: on
// some question they both ask, their answers have nothing in common.
func excludes(a, b map[string][]string) bool {
	for q, xs := range a {
		ys, ok := b[q]
		if !ok {
			continue
		}
		common := false
		for _, x := range xs {
			for _, y := range ys {
				if x == y {
					common = true
				}
			}
		}
		if !common {
			return true
		}
	}
	return false
}
