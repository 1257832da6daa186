package lint

import (
	"fmt"

	"ruqsat/internal/rules"
)

// checkFees checks the fees services take from acts other than their rules
// (service.yaml fees): known kinds and acts, citations, one entry per kind
// and date, and no fee that starts before the act setting it is in force.
func checkFees(s *rules.Set, r *Reporter) {
	cc := citeChecker{s, r}
	for _, sv := range s.Services {
		seen := map[string]bool{}
		for i, f := range sv.Fees {
			at := func(key string) rules.Pos { return s.PosOf(sv.File, "fees", fmt.Sprint(i), key) }
			if s.Vocab != nil {
				checkVocabAt(s, r, sv.File, []string{"fees", fmt.Sprint(i), "kind"}, "kinds", s.Vocab.Kinds, f.Kind)
			}
			if key := f.Kind + " " + f.From; seen[key] {
				r.Add(sv.File, at("from"), "fee/duplicate", f.Kind, f.From)
			} else {
				seen[key] = true
			}
			cc.check(sv.File, f.Cite)
			a := s.Acts[f.By]
			if a == nil {
				r.Add(sv.File, at("by"), "ref/act", f.By)
				continue
			}
			if in := a.InForce; in != nil && in.Date.Value != "" && f.From < in.Date.Value {
				r.Add(sv.File, at("from"), "fee/before-in-force", f.From, a.ID, in.Date.Value)
			}
			cited := false
			for _, c := range f.Cite {
				cited = cited || c.Act == f.By
			}
			if !cited {
				r.Warn(sv.File, at("cite"), "fee/cite-other-act", f.By)
			}
		}
	}
}
