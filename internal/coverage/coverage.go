// Package coverage works out, for every service and edition, which facts
// the sources give, which they give only in part, which they do not give
// and why, and where the source texts disagree.
package coverage

import (
	"sort"

	"ruqsat/internal/rules"
)

// Status of one fact in one edition.
type Status string

// The statuses a fact can have.
const (
	Known   Status = "known"
	Partial Status = "partial"
	Missing Status = "missing"
	NA      Status = "n/a"
)

// Facts are the columns of the coverage view, in display order.
var Facts = []string{
	"name", "provider", "legal_basis", "applicants", "channels", "service_form",
	"result", "result_form", "subspecies", "kinds", "terms", "steps", "fees",
	"documents", "payment", "renewal", "refusal_grounds", "appeals",
	"qualification", "contacts", "forms",
}

// Fact is one fact's coverage in one edition.
type Fact struct {
	Fact      string   `json:"fact"`
	Status    Status   `json:"status"`
	Reasons   []string `json:"reasons,omitempty"`   // gap reasons when not known
	See       []string `json:"see,omitempty"`       // acts holding what is missing
	Conflicts []string `json:"conflicts,omitempty"` // ids of recorded conflicts
}

// Cell is one edition's coverage.
type Cell struct {
	Service string `json:"service"`
	Edition string `json:"edition"`
	Act     string `json:"act"`
	File    string `json:"file"`
	Facts   []Fact `json:"facts"`
	Known   int    `json:"known"`
	Partial int    `json:"partial"`
	Missing int    `json:"missing"`
	NA      int    `json:"not_applicable"`
	// Conflicts counts the recorded disagreements in this edition.
	Conflicts int `json:"conflicts"`
}

// Fact returns the named fact, or nil.
func (c *Cell) Fact(name string) *Fact {
	for i := range c.Facts {
		if c.Facts[i].Fact == name {
			return &c.Facts[i]
		}
	}
	return nil
}

// Matrix is the services × editions view.
type Matrix struct {
	Editions []string  `json:"editions"`
	Services []string  `json:"services"`
	Cells    [][]*Cell `json:"cells"` // [service][edition]; nil = no such edition
}

// Compute builds the matrix of a loaded rule set.
func Compute(s *rules.Set) *Matrix {
	years := map[string]bool{}
	for _, e := range s.Editions {
		years[e.Edition] = true
	}
	m := &Matrix{}
	for y := range years {
		m.Editions = append(m.Editions, y)
	}
	sort.Strings(m.Editions)
	for _, sv := range s.Services {
		m.Services = append(m.Services, sv.ID)
		row := make([]*Cell, len(m.Editions))
		for i, y := range m.Editions {
			if e := sv.Edition(y); e != nil {
				row[i] = Of(e)
			}
		}
		m.Cells = append(m.Cells, row)
	}
	return m
}

// Of computes one edition's coverage.
func Of(e *rules.Edition) *Cell {
	c := &Cell{Service: e.Service, Edition: e.Edition, Act: e.Act, File: e.File}
	add := func(name string, st Status, gaps ...rules.Gap) {
		f := Fact{Fact: name, Status: st}
		for _, g := range gaps {
			if g.Unknown != "" && !containsStr(f.Reasons, g.Unknown) {
				f.Reasons = append(f.Reasons, g.Unknown)
			}
			if g.See != "" && !containsStr(f.See, g.See) {
				f.See = append(f.See, g.See)
			}
		}
		c.Facts = append(c.Facts, f)
	}
	one := func(name string, g rules.Gap) {
		add(name, statusOf(g), g)
	}
	one("name", e.Name.Gap)
	one("provider", e.Provider.Gap)
	one("legal_basis", e.LegalBasis.Gap)
	one("applicants", e.Applicants.Gap)
	one("channels", e.Channels.Gap)
	one("service_form", e.ServiceForm.Gap)
	one("result", e.Result.Gap)
	one("result_form", e.ResultForm.Gap)
	one("subspecies", e.Subspecies.Gap)
	one("kinds", e.Kinds.Gap)

	perKind := func(name string, part func(k *rules.Kind) (rules.Gap, bool)) {
		if !e.Kinds.Known() {
			add(name, statusOf(e.Kinds.Gap), e.Kinds.Gap)
			return
		}
		var gaps []rules.Gap
		known, partial := 0, 0
		for i := range e.Kinds.Items {
			g, isPartial := part(&e.Kinds.Items[i])
			switch {
			case isPartial:
				partial++
			case g.Known():
				known++
			}
			if !g.Known() || isPartial {
				gaps = append(gaps, g)
			}
		}
		st := Missing
		switch n := len(e.Kinds.Items); {
		case known == n:
			st = Known
		case known+partial > 0:
			st = Partial
		}
		add(name, st, gaps...)
	}
	perKind("terms", func(k *rules.Kind) (rules.Gap, bool) { return k.Term.Gap, false })
	perKind("steps", func(k *rules.Kind) (rules.Gap, bool) { return k.Steps.Gap, false })
	perKind("fees", func(k *rules.Kind) (rules.Gap, bool) {
		// A fee known to be due without an amount is only part of the fact.
		return k.Fee.Gap, k.Fee.Known() && !k.Fee.Free() && k.Fee.MCI == nil
	})
	perKind("documents", func(k *rules.Kind) (rules.Gap, bool) {
		if k.DocumentsRest != nil && k.Documents.Known() {
			return k.DocumentsRest.Gap, true
		}
		return k.Documents.Gap, false
	})
	one("payment", e.Payment.Gap)

	r := e.Renewal
	switch {
	case !r.Known():
		one("renewal", r.Gap)
	case !r.Triggers.Known() || !r.Window.Known():
		add("renewal", Partial, r.Triggers.Gap, r.Window.Gap)
	default:
		add("renewal", Known)
	}
	one("refusal_grounds", e.Refusals.Gap)
	one("appeals", e.Appeals.Gap)
	q := e.Qualify
	switch {
	case !q.Known():
		one("qualification", q.Gap)
	case (q.Test != nil && !q.Test.Known()) || (q.Experience != nil && !q.Experience.Known()):
		var gs []rules.Gap
		if q.Test != nil {
			gs = append(gs, q.Test.Gap)
		}
		if q.Experience != nil {
			gs = append(gs, q.Experience.Gap)
		}
		add("qualification", Partial, gs...)
	default:
		add("qualification", Known)
	}
	one("contacts", e.Contacts.Gap)
	if e.Forms.Known() {
		var gs []rules.Gap
		for _, f := range e.Forms.Items {
			if f.FieldsRest != nil {
				gs = append(gs, f.FieldsRest.Gap)
			}
		}
		if len(gs) > 0 {
			add("forms", Partial, gs...)
		} else {
			add("forms", Known)
		}
	} else {
		one("forms", e.Forms.Gap)
	}

	for _, cf := range e.Conflicts {
		if f := c.Fact(cf.Fact); f != nil {
			f.Conflicts = append(f.Conflicts, cf.ID)
		}
		c.Conflicts++
	}
	for _, f := range c.Facts {
		switch f.Status {
		case Known:
			c.Known++
		case Partial:
			c.Partial++
		case Missing:
			c.Missing++
		case NA:
			c.NA++
		}
	}
	return c
}

func statusOf(g rules.Gap) Status {
	switch {
	case g.NotApplicable():
		return NA
	case !g.Known():
		return Missing
	}
	return Known
}

func containsStr(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
