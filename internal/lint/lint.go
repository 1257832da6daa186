// Package lint checks what the rule data means once it has loaded: that
// citations point to real acts, units and seed lines, that ids refer to
// things that exist, that every text is in three languages, that official
// wording is really in the source, and that texts are clean.
package lint

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
	"time"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// Check reports the problems of one kind in a loaded rule set.
type Check struct {
	Name string
	Run  func(s *rules.Set, r *Reporter)
}

// Checks lists every check, in the order they run.
var Checks = []Check{
	{"files", checkFiles},
	{"references", checkReferences},
	{"texts", checkTexts},
	{"terms", checkTerms},
	{"dates", checkDates},
	{"changes", checkChanges},
	{"numbers", checkNumbers},
	{"fees", checkFees},
	{"status", checkStatus},
}

// Reporter collects problems.
type Reporter struct {
	probs []rules.Problem
	today string // 2006-01-02 in Almaty: dates after it are in the future
}

// Add records an error.
func (r *Reporter) Add(file string, pos rules.Pos, code string, args ...string) {
	r.add(rules.Error, file, pos, code, args)
}

// Warn records a warning: something a person should look at that may be
// right, so it does not fail lint or the build.
func (r *Reporter) Warn(file string, pos rules.Pos, code string, args ...string) {
	r.add(rules.Warning, file, pos, code, args)
}

func (r *Reporter) add(sev rules.Severity, file string, pos rules.Pos, code string, args []string) {
	if pos.Line == 0 {
		pos = rules.Pos{Line: 1, Col: 1}
	}
	r.probs = append(r.probs, rules.Problem{File: file, Pos: pos, Code: code, Args: args, Severity: sev})
}

// Almaty is the time zone of the acts and of the people editing the data
// (UTC+5 all year): "today" is the date there.
var Almaty = time.FixedZone("Asia/Almaty", 5*3600)

// Today returns the date of now in Almaty, 2006-01-02.
func Today(now time.Time) string { return now.In(Almaty).Format("2006-01-02") }

// Run runs every check as of now and returns the errors, sorted: the
// problems that stop the data from being used. The build and the generators
// call it, so warnings never stop them; All returns warnings too.
func Run(s *rules.Set) []rules.Problem {
	return rules.Errors(All(s, time.Now()))
}

// All runs every check as of now (the clock is passed in so that tests do
// not depend on the real date) and returns errors and warnings, sorted.
func All(s *rules.Set, now time.Time) []rules.Problem {
	r := &Reporter{today: Today(now)}
	for _, c := range Checks {
		c.Run(s, r)
	}
	rules.SortProblems(r.probs)
	return r.probs
}

func checkFiles(s *rules.Set, r *Reporter) {
	for _, a := range s.Acts {
		if want := strings.TrimSuffix(path.Base(a.File), ".yaml"); a.ID != want {
			r.Add(a.File, s.PosOf(a.File, "id"), "file/name-mismatch", "id", a.ID, want)
		}
	}
	for _, sv := range s.Services {
		if want := path.Base(path.Dir(sv.File)); sv.ID != want {
			r.Add(sv.File, s.PosOf(sv.File, "id"), "file/name-mismatch", "id", sv.ID, want)
		}
		for _, e := range sv.Editions {
			if e.Service != sv.ID {
				r.Add(e.File, s.PosOf(e.File, "service"), "file/name-mismatch", "service", e.Service, sv.ID)
			}
			if want := strings.TrimSuffix(path.Base(e.File), ".yaml"); e.Edition != want {
				r.Add(e.File, s.PosOf(e.File, "edition"), "file/name-mismatch", "edition", e.Edition, want)
			}
		}
	}
	if s.Changes != nil {
		known := map[string]bool{}
		for _, f := range s.Files {
			known[f] = true
		}
		for i, c := range s.Changes.Changes {
			for j, f := range c.Files {
				if !known[f] && !strings.HasSuffix(f, "/") {
					r.Add(s.Changes.File, s.PosOf(s.Changes.File, "changes", fmt.Sprint(i), "files", fmt.Sprint(j)), "ref/file", f)
				}
			}
		}
	}
}

// vocabList names a vocabulary list for messages and returns its ids.
func vocabIDs(list []rules.VocabTerm) []string {
	ids := make([]string, len(list))
	for i, t := range list {
		ids[i] = t.ID
	}
	return ids
}

func checkVocab(r *Reporter, file string, pos rules.Pos, name string, list []rules.VocabTerm, id string) {
	if id == "" || rules.Find(list, id) != nil {
		return
	}
	r.Add(file, pos, "ref/vocab", name, id, strings.Join(vocabIDs(list), ", "))
}

// checkVocabAt is checkVocab for a value placed by its path in file, whose
// position is looked up only when there is a problem to place (PosOf
// parses the file again).
func checkVocabAt(s *rules.Set, r *Reporter, file string, path []string, name string, list []rules.VocabTerm, id string) {
	if id == "" || rules.Find(list, id) != nil {
		return
	}
	checkVocab(r, file, s.PosOf(file, path...), name, list, id)
}

// citeChecker checks citations against acts, outlines and seeds.
type citeChecker struct {
	s *rules.Set
	r *Reporter
}

func (c citeChecker) check(file string, cites rules.Cites) {
	for _, ct := range cites {
		c.one(file, ct)
	}
}

func (c citeChecker) one(file string, ct rules.Cite) {
	a := c.s.Acts[ct.Act]
	if a == nil {
		c.r.Add(file, ct.Pos, "ref/act", ct.Act)
		return
	}
	if !a.InSources() {
		c.r.Add(file, ct.Pos, "ref/not-in-sources", ct.Act)
		return
	}
	u := a.Unit(ct.At)
	if u == nil {
		c.r.Add(file, ct.Pos, "ref/unit", ct.Act, ct.At, nearUnits(a, ct.At))
		return
	}
	if ct.Lines == nil {
		return
	}
	if ct.Lines.Single != nil {
		if len(a.Seeds) != 1 {
			c.r.Add(file, ct.Lines.Pos, "ref/lines-lang", a.ID, "?", seedLangs(a))
			return
		}
		c.span(file, ct.Lines.Pos, a, u, a.Seeds[0].Lang, *ct.Lines.Single)
		return
	}
	for _, l := range rules.Langs {
		sp, ok := ct.Lines.ByLang[l]
		if !ok {
			continue
		}
		if a.Seed(l) == nil {
			c.r.Add(file, ct.Lines.Pos, "ref/lines-lang", a.ID, string(l), seedLangs(a))
			continue
		}
		c.span(file, ct.Lines.Pos, a, u, l, sp)
	}
}

func (c citeChecker) span(file string, pos rules.Pos, a *rules.Act, u *rules.Unit, l rules.Lang, sp rules.Span) {
	unit, ok := u.Lines[l]
	if !ok {
		c.r.Add(file, pos, "ref/lines-lang", a.ID, string(l), unitLangs(u))
		return
	}
	checkLines(c.s, c.r, file, pos, a.Seed(l), l, sp, u.At, &unit)
}

// checkLines checks that lines sp of seed sd exist and lie inside unit
// (the lines of the outline unit at), or only that they exist when unit is
// nil. A problem names the seed file and quotes what the lines say, so
// that the person sees what they pointed at.
func checkLines(s *rules.Set, r *Reporter, file string, pos rules.Pos, sd *rules.Seed, l rules.Lang, sp rules.Span, at string, unit *rules.Span) {
	if sd == nil {
		return
	}
	src := rules.SourcesDir + "/" + sd.File
	lines, ok := s.Seeds[sd.File]
	switch {
	case sp.First > sp.Last:
		r.Add(file, pos, "ref/lines-reversed", string(l), spanString(sp), fmt.Sprint(sp.Last), fmt.Sprint(sp.First))
	case !ok:
		// the seed is missing: Load has said so
	case sp.First < 1 || sp.Last > len(lines):
		r.Add(file, pos, "ref/lines-eof", string(l), spanString(sp), src, fmt.Sprint(len(lines)))
	case unit != nil && (sp.First < unit.First || sp.Last > unit.Last):
		r.Add(file, pos, "ref/lines", string(l), spanString(sp), at, spanString(*unit), src, excerpt(lines, sp))
	}
}

// excerpt is the text of lines sp, on one line and shortened to about
// 100 characters.
func excerpt(lines []string, sp rules.Span) string {
	text := strings.Join(strings.Fields(strings.Join(lines[sp.First-1:sp.Last], " ")), " ")
	if rs := []rune(text); len(rs) > 100 {
		cut := 100
		for cut > 80 && rs[cut] != ' ' {
			cut-- // end at a word when one ends nearby
		}
		text = strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
	}
	return text
}

func spanString(sp rules.Span) string {
	if sp.First == sp.Last {
		return fmt.Sprint(sp.First)
	}
	return fmt.Sprintf("%d–%d", sp.First, sp.Last)
}

func seedLangs(a *rules.Act) string {
	var ls []string
	for _, sd := range a.Seeds {
		ls = append(ls, string(sd.Lang))
	}
	return strings.Join(ls, ", ")
}

func unitLangs(u *rules.Unit) string {
	var ls []string
	for _, l := range rules.Langs {
		if _, ok := u.Lines[l]; ok {
			ls = append(ls, string(l))
		}
	}
	return strings.Join(ls, ", ")
}

// nearUnits suggests outline units close to a missing one.
func nearUnits(a *rules.Act, at string) string {
	parent := at
	if i := strings.LastIndex(at, "/"); i >= 0 {
		parent = at[:i]
	} else {
		parent = ""
	}
	var near []string
	for _, u := range a.Outline {
		rest, ok := strings.CutPrefix(u.At, parent)
		if parent == "" || (ok && strings.HasPrefix(rest, "/") && !strings.Contains(rest[1:], "/")) {
			if parent == "" && strings.Contains(u.At, "/") {
				continue
			}
			near = append(near, u.At)
		}
	}
	if len(near) == 0 {
		return ""
	}
	if len(near) > 8 {
		near = append(near[:8], "…")
	}
	return " (" + strings.Join(near, ", ") + ")"
}

func checkReferences(s *rules.Set, r *Reporter) {
	if s.Vocab == nil {
		return
	}
	v := s.Vocab
	cc := citeChecker{s, r}

	uniq := func(file, where string, ids []string, pos []rules.Pos) {
		seen := map[string]bool{}
		for i, id := range ids {
			if seen[id] {
				r.Add(file, pos[i], "unique/id", id, where)
			}
			seen[id] = true
		}
	}
	for name, list := range v.Lists() {

		var ids []string
		var ps []rules.Pos
		for _, t := range list {
			ids, ps = append(ids, t.ID), append(ps, t.Pos)
		}
		uniq(v.File, name, ids, ps)
	}
	checkPortals(r, cc, s.Portals)

	for _, a := range s.Acts {
		checkVocabAt(s, r, a.File, []string{"kind"}, "act_kinds", v.ActKinds, a.Kind)
		for i, id := range a.Amends {
			if s.Acts[id] == nil {
				r.Add(a.File, s.PosOf(a.File, "amends", fmt.Sprint(i)), "ref/act", id)
			}
		}
		if a.RepealedBy != nil && a.RepealedBy.Act != "" && s.Acts[a.RepealedBy.Act] == nil {
			r.Add(a.File, s.PosOf(a.File, "repealed_by", "act"), "ref/act", a.RepealedBy.Act)
		}
		checkSee := func(g rules.Gap, where ...string) {
			if g.See != "" && s.Acts[g.See] == nil {
				r.Add(a.File, s.PosOf(a.File, where...), "ref/act", g.See)
			}
		}
		if a.Registration != nil {
			checkSee(a.Registration.Gap, "registration")
			cc.check(a.File, a.Registration.Cite)
		}
		if a.RepealedBy != nil {
			cc.check(a.File, a.RepealedBy.Cite)
		}
		if a.InForce != nil {
			cc.check(a.File, a.InForce.Cite)
		}
		if a.Signatory != nil {
			cc.check(a.File, a.Signatory.Cite)
		}
		cc.check(a.File, a.Mentioned)
		for _, n := range a.Notes {
			cc.check(a.File, n.Cite)
		}
		for _, u := range a.Outline {
			// Every segment names a unit that readers see spelled out.
			for _, seg := range strings.Split(u.At, "/") {
				if name, _ := legalfmt.Segment(seg); s.Vocab != nil && rules.Find(s.Vocab.Units, name) == nil {
					r.Add(a.File, u.Pos, "ref/unit-name", name, u.At, strings.Join(vocabIDs(s.Vocab.Units), ", "))
				}
			}
			for l, sp := range u.Lines {
				sd := a.Seed(l)
				if sd == nil {
					r.Add(a.File, u.Pos, "ref/lines-lang", a.ID, string(l), seedLangs(a))
					continue
				}
				var outer *rules.Span
				parent, _ := parentUnit(u.At)
				if pu := a.Unit(parent); pu != nil {
					if psp, ok := pu.Lines[l]; ok {
						outer = &psp
					}
				}
				checkLines(s, r, a.File, u.Pos, sd, l, sp, parent, outer)
			}
		}
		checkNesting(r, a)
		checkConflicts(s, r, cc, a.File, a.Conflicts)
		rules.EachGap(a, func(g *rules.Gap) { cc.check(a.File, g.GapCite) })
	}

	for _, sv := range s.Services {
		for _, e := range sv.Editions {
			checkEditionRefs(s, r, cc, e)
		}
	}

	if s.Goods != nil {
		if s.Acts[s.Goods.Act] == nil {
			r.Add(s.Goods.File, s.PosOf(s.Goods.File, "act"), "ref/act", s.Goods.Act)
		}
		cc.check(s.Goods.File, s.Goods.Title.Cite)
		cc.check(s.Goods.File, s.Goods.CodesCite)
		for _, it := range s.Goods.Items {
			cc.check(s.Goods.File, it.Cite)
		}
		for _, n := range s.Goods.Notes {
			cc.check(s.Goods.File, n.Cite)
		}
	}
	if s.Glossary != nil {
		var ids []string
		var ps []rules.Pos
		for _, t := range s.Glossary.Terms {
			cc.check(s.Glossary.File, t.Cite)
			ids, ps = append(ids, t.ID), append(ps, t.Pos)
		}
		uniq(s.Glossary.File, "terms", ids, ps)
	}
}

// parentUnit returns the unit above at ("app1/p4" → "app1").
// checkNesting checks that in each text of the act, any two units' lines
// are either apart or one inside the other, as the parts of an act are:
// the act's text on the site wraps each unit's lines so that a citation
// lands on them, and a unit that began inside another and ended after it
// could not be wrapped.
func checkNesting(r *Reporter, a *rules.Act) {
	for _, sd := range a.Seeds {
		_, crossing := a.Nested(sd.Lang)
		for _, c := range crossing {
			u, o := c.Unit, c.Outer
			r.Add(a.File, u.Pos, "ref/lines-cross", string(c.Lang), u.At, spanString(u.Lines[c.Lang]), o.At, spanString(o.Lines[c.Lang]))
		}
	}
}

func parentUnit(at string) (string, bool) {
	i := strings.LastIndex(at, "/")
	if i < 0 {
		return "", false
	}
	return at[:i], true
}

func checkEditionRefs(s *rules.Set, r *Reporter, cc citeChecker, e *rules.Edition) {
	v := s.Vocab
	f := e.File
	a := s.Acts[e.Act]
	if a == nil {
		r.Add(f, s.PosOf(f, "act"), "ref/act", e.Act)
	} else {
		if !strings.HasPrefix(a.Date, e.Edition) {
			r.Add(f, s.PosOf(f, "edition"), "ref/edition-year", e.Edition, a.ID, a.Date)
		}
		if a.InSources() && a.Unit(e.Part) == nil {
			r.Add(f, s.PosOf(f, "part"), "ref/unit", a.ID, e.Part, nearUnits(a, e.Part))
		}
	}
	for _, l := range e.Follows {
		if s.Edition(l.Service, l.Edition) == nil {
			r.Add(f, l.Pos, "ref/service", l.Service+"/"+l.Edition)
		}
	}
	seeGap := func(g rules.Gap, pos rules.Pos) {
		if g.See != "" && s.Acts[g.See] == nil {
			r.Add(f, pos, "ref/act", g.See)
		}
	}
	// A gap may cite where the act shows it (a list cut off): checked as
	// every other citation, wherever in the edition the gap is.
	rules.EachGap(e, func(g *rules.Gap) { cc.check(f, g.GapCite) })
	cc.check(f, e.Name.Cite)
	seeGap(e.Name.Gap, e.Name.Pos)
	cc.check(f, e.Provider.Cite)
	for _, c := range e.LegalBasis.Items {
		cc.check(f, c.Cite)
	}
	for _, ids := range []struct {
		name string
		f    rules.IDs
		list []rules.VocabTerm
		key  string
	}{
		{"applicants", e.Applicants, v.Applicants, "applicants"},
		{"channels", e.Channels, v.Channels, "channels"},
		{"result_forms", e.ResultForm, v.ResultForms, "result_form"},
		{"payment_methods", e.Payment, v.PaymentMethods, "payment"},
	} {
		cc.check(f, ids.f.Cite)
		seeGap(ids.f.Gap, ids.f.Pos)
		for i, id := range ids.f.Value {
			checkVocabAt(s, r, f, []string{ids.key, "value", fmt.Sprint(i)}, ids.name, ids.list, id)
		}
	}
	cc.check(f, e.ServiceForm.Cite)
	checkVocabAt(s, r, f, []string{"service_form", "value"}, "service_forms", v.ServiceForms, e.ServiceForm.Value)
	cc.check(f, e.Result.Cite)

	asked := map[string]bool{}
	for i, q := range e.Asks {
		asked[q] = true
		if v.Question(q) == nil {
			r.Add(f, s.PosOf(f, "asks", fmt.Sprint(i)), "ref/vocab", "questions", q, strings.Join(questionIDs(v), ", "))
		}
	}
	var subIDs []string
	var subPos []rules.Pos
	for _, sp := range e.Subspecies.Items {
		cc.check(f, sp.Cite)
		subIDs, subPos = append(subIDs, sp.ID), append(subPos, sp.Pos)
	}
	dupIDs(r, f, "subspecies", subIDs, subPos)

	var kindIDs []string
	var kindPos []rules.Pos
	for ki, k := range e.Kinds.Items {
		kindIDs, kindPos = append(kindIDs, k.ID), append(kindPos, k.Pos)
		checkVocabAt(s, r, f, []string{"kinds", fmt.Sprint(ki), "id"}, "kinds", v.Kinds, k.ID)
		cc.check(f, k.Cite)
		cc.check(f, k.Term.Cite)
		seeGap(k.Term.Gap, k.Term.Pos)
		checkVocab(r, f, k.Term.Pos, "term_starts", v.TermStarts, k.Term.From)
		for _, st := range k.Steps.Items {
			cc.check(f, st.Cite)
			checkVocab(r, f, st.Pos, "actors", v.Actors, st.Actor)
		}
		if kc := k.Channels; kc != nil {
			cc.check(f, kc.Cite)
			seeGap(kc.Gap, kc.Pos)
			for i, id := range kc.Value {
				pos := s.PosOf(f, "kinds", fmt.Sprint(ki), "channels", "value", fmt.Sprint(i))
				if rules.Find(v.Channels, id) == nil {
					checkVocab(r, f, pos, "channels", v.Channels, id)
				} else if e.Channels.Known() && !contains(e.Channels.Value, id) {
					r.Add(f, pos, "ref/kind-channel", k.ID, id, strings.Join(e.Channels.Value, ", "))
				}
			}
		}
		cc.check(f, k.Fee.Cite)
		seeGap(k.Fee.Gap, k.Fee.Pos)
		seeGap(k.Documents.Gap, k.Documents.Pos)
		if k.DocumentsRest != nil {
			seeGap(k.DocumentsRest.Gap, k.Pos)
		}
		var docIDs []string
		var docPos []rules.Pos
		for _, d := range k.Documents.Items {
			docIDs, docPos = append(docIDs, d.ID), append(docPos, d.Pos)
			cc.check(f, d.Cite)
			if d.Form != "" && e.Form(d.Form) == nil {
				r.Add(f, d.Pos, "ref/form", d.Form)
			}
			keys := make([]string, 0, len(d.When))
			for q := range d.When {
				keys = append(keys, q)
			}
			sort.Strings(keys)
			for _, q := range keys {
				if q == "subspecies" {
					for _, ans := range d.When[q] {
						if !contains(subIDs, ans) {
							r.Add(f, d.Pos, "ref/answer", q, ans, strings.Join(subIDs, ", "))
						}
					}
					continue
				}
				if !asked[q] {
					r.Add(f, d.Pos, "ref/question", q)
				}
				qu := v.Question(q)
				if qu == nil {
					continue
				}
				for _, ans := range d.When[q] {
					if rules.Find(qu.Options, ans) == nil {
						r.Add(f, d.Pos, "ref/answer", q, ans, strings.Join(vocabIDs(qu.Options), ", "))
					} else if q == "channel" && !rules.AnswersChannel(ans, e.KindChannels(&k)) {
						// A condition no filing of this kind can meet.
						r.Add(f, d.Pos, "ref/when-channel", k.ID, ans, strings.Join(e.KindChannels(&k).Value, ", "))
					}
				}
			}
		}
		dupIDs(r, f, "kinds/"+k.ID+"/documents", docIDs, docPos)
	}
	dupIDs(r, f, "kinds", kindIDs, kindPos)

	cc.check(f, e.Renewal.Window.Cite)
	// The triggers' ids are a closed list manifests name (change.reason):
	// two cases under one id would make a reason ambiguous.
	var trigIDs []string
	var trigPos []rules.Pos
	for _, t := range e.Renewal.Triggers.Items {
		cc.check(f, t.Cite)
		trigIDs, trigPos = append(trigIDs, t.ID), append(trigPos, t.Pos)
		for _, a := range t.Applicants {
			checkVocab(r, f, t.Pos, "applicants", v.Applicants, a)
		}
	}
	dupIDs(r, f, "renewal/triggers", trigIDs, trigPos)
	seeGap(e.Renewal.Gap, e.Renewal.Pos)
	checkVocab(r, f, e.Renewal.Window.Pos, "term_starts", v.TermStarts, e.Renewal.Window.From)
	for _, g := range e.Refusals.Items {
		cc.check(f, g.Cite)
		checkVocab(r, f, g.Pos, "refusal_groups", v.RefusalGroups, g.Group)
	}
	seeGap(e.Refusals.Gap, e.Refusals.Pos)
	for _, ap := range e.Appeals.Items {
		cc.check(f, ap.Cite)
	}
	seeGap(e.Appeals.Gap, e.Appeals.Pos)
	q := e.Qualify
	seeGap(q.Gap, q.Pos)
	if q.Basis != nil {
		cc.check(f, q.Basis.Cite)
	}
	for _, c := range q.Checks {
		cc.check(f, c.Cite)
	}
	if q.Test != nil {
		cc.check(f, q.Test.Cite)
		seeGap(q.Test.Gap, q.Test.Pos)
	}
	if q.Experience != nil {
		cc.check(f, q.Experience.Cite)
		seeGap(q.Experience.Gap, q.Experience.Pos)
	}
	ct := e.Contacts
	seeGap(ct.Gap, ct.Pos)
	for _, h := range ct.Hours {
		cc.check(f, h.Cite)
		checkVocab(r, f, h.Pos, "actors", v.Actors, h.Who)
	}
	for _, p := range ct.Phones {
		cc.check(f, p.Cite)
	}
	for _, o := range ct.Offices {
		cc.check(f, o.Cite)
	}
	for _, w := range ct.Web {
		cc.check(f, w.Cite)
	}
	var formIDs []string
	var formPos []rules.Pos
	for _, fm := range e.Forms.Items {
		cc.check(f, fm.Cite)
		formIDs, formPos = append(formIDs, fm.ID), append(formPos, fm.Pos)
		for _, fl := range fm.Fields {
			cc.check(f, fl.Cite)
		}
	}
	dupIDs(r, f, "forms", formIDs, formPos)
	for _, p := range e.Provisions {
		cc.check(f, p.Cite)
		checkVocab(r, f, p.Pos, "topics", v.Topics, p.Topic)
	}
	for _, n := range e.Notes {
		cc.check(f, n.Cite)
	}
	checkConflicts(s, r, cc, f, e.Conflicts)
}

func checkConflicts(s *rules.Set, r *Reporter, cc citeChecker, f string, cs []rules.Conflict) {
	var ids []string
	var ps []rules.Pos
	for _, c := range cs {
		ids, ps = append(ids, c.ID), append(ps, c.Pos)
		keys := make([]string, 0, len(c.Readings))
		for k := range c.Readings {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			cc.check(f, c.Readings[k].Cite)
		}
		if _, ok := c.Readings[c.Followed]; !ok {
			r.Add(f, c.Pos, "ref/followed", c.Followed, strings.Join(keys, ", "))
		}
	}
	dupIDs(r, f, "conflicts", ids, ps)
}

func dupIDs(r *Reporter, file, where string, ids []string, pos []rules.Pos) {
	seen := map[string]bool{}
	for i, id := range ids {
		if seen[id] {
			r.Add(file, pos[i], "unique/id", id, where)
		}
		seen[id] = true
	}
}

func questionIDs(v *rules.Vocab) []string {
	ids := make([]string, len(v.Questions))
	for i, q := range v.Questions {
		ids[i] = q.ID
	}
	return ids
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkTerms compares each application kind's term with its steps: the
// steps that count towards the term, always happen and share its unit must
// not add up to more than the term.
func checkTerms(s *rules.Set, r *Reporter) {
	for _, e := range s.Editions {
		for _, k := range e.Kinds.Items {
			if !k.Term.Known() || k.Term.Days == nil {
				continue
			}
			sum := 0
			for _, st := range k.Steps.Items {
				if st.Days != nil && !st.Optional && st.Counts != "no" && st.Counts != "within" && st.Unit == k.Term.Unit {
					sum += *st.Days
				}
			}
			if sum > *k.Term.Days {
				r.Add(e.File, k.Term.Pos, "term/steps-exceed", k.Term.Unit, fmt.Sprint(sum), fmt.Sprint(*k.Term.Days))
			}
		}
	}
}

// checkDates makes sure dates follow each other. That each date exists is
// the schema's "date" format (rules.Load), so it holds for every date here.
func checkDates(s *rules.Set, r *Reporter) {
	for _, a := range s.ActsByDate() {
		dates := []struct{ key, val string }{{"date", a.Date}}
		if a.Registration != nil && a.Registration.Date.Value != "" {
			dates = append(dates, struct{ key, val string }{"registration.date", a.Registration.Date.Value})
		}
		if a.InForce != nil && a.InForce.NotBefore != "" {
			dates = append(dates, struct{ key, val string }{"in_force.not_before", a.InForce.NotBefore})
		}
		if a.InForce != nil && a.InForce.Date.Value != "" {
			dates = append(dates, struct{ key, val string }{"in_force.date", a.InForce.Date.Value})
		}
		if a.RepealedBy != nil && a.RepealedBy.NotBefore != "" {
			dates = append(dates, struct{ key, val string }{"repealed_by.not_before", a.RepealedBy.NotBefore})
		}
		for i, d := range dates {
			if i > 0 && d.val < a.Date {
				r.Add(a.File, s.PosOf(a.File, strings.Split(d.key, ".")...), "date/order", d.key, d.val, "date", a.Date)
			}
		}
	}
	if s.MCI != nil {
		for i, v := range s.MCI.Values {
			if i > 0 && v.From <= s.MCI.Values[i-1].From {
				r.Add(s.MCI.File, v.Pos, "date/order", "from", v.From, "from", s.MCI.Values[i-1].From)
			}
		}
	}
}

// checkChanges keeps the log of edits usable as a feed: newest first, each
// entry with its own id, none dated after today.
func checkChanges(s *rules.Set, r *Reporter) {
	if s.Changes == nil {
		return
	}
	f := s.Changes.File
	var ids []string
	var ps []rules.Pos
	for i, c := range s.Changes.Changes {
		at := fmt.Sprint(i)
		ids, ps = append(ids, c.ID), append(ps, s.PosOf(f, "changes", at, "id"))
		pos := s.PosOf(f, "changes", at, "date")
		if c.Date > r.today {
			r.Add(f, pos, "changes/future", c.ID, c.Date, r.today)
		}
		if i > 0 {
			if prev := s.Changes.Changes[i-1]; c.Date > prev.Date {
				r.Add(f, pos, "changes/order", c.ID, c.Date, prev.ID, prev.Date)
			}
		}
	}
	dupIDs(r, f, "changes", ids, ps)
}

// FileChange is what version control says about a rule file: the date of
// its last commit, or that it has changes not yet committed.
type FileChange struct {
	File        string
	Date        string // the last commit's date as its committer wrote it, 2006-01-02
	Uncommitted bool
}

// Unrecorded warns about rule files whose changes rules/changes.yaml does
// not record: files with uncommitted changes that no entry dated today or
// later names, and files committed after the newest entry. A directory
// named in an entry ("rules/services/sts-license/") names every file in it.
// The caller learns the changes from version control; lint itself reads no
// history, so that it stays a pure function of the files.
func Unrecorded(s *rules.Set, changes []FileChange, now time.Time) []rules.Problem {
	if s.Changes == nil {
		return nil
	}
	today := Today(now)
	newest := ""
	for _, c := range s.Changes.Changes {
		if c.Date > newest {
			newest = c.Date
		}
	}
	isRuleFile := map[string]bool{}
	for _, f := range s.Files {
		isRuleFile[f] = true
	}
	// named reports whether an entry dated on or after date names file.
	named := func(file, date string) bool {
		for _, c := range s.Changes.Changes {
			if c.Date < date {
				continue
			}
			for _, f := range c.Files {
				if f == file || (strings.HasSuffix(f, "/") && strings.HasPrefix(file, f)) {
					return true
				}
			}
		}
		return false
	}
	r := &Reporter{today: today}
	for _, fc := range changes {
		if fc.File == s.Changes.File || !isRuleFile[fc.File] {
			continue
		}
		switch {
		case fc.Uncommitted:
			if !named(fc.File, today) {
				r.Warn(fc.File, rules.Pos{}, "changes/uncommitted", today, fc.File)
			}
		case fc.Date > newest && !named(fc.File, fc.Date):
			r.Warn(fc.File, rules.Pos{}, "changes/unrecorded", fc.Date, newest, fc.File)
		}
	}
	rules.SortProblems(r.probs)
	return r.probs
}

// checkPortals checks the web addresses the site links (tables/portals.yaml):
// each cited, and its url https:// and one of the forms the acts print,
// with nothing more (no path, query or user), so that no address is
// linked that an act does not name. Nothing is fetched.
func checkPortals(r *Reporter, cc citeChecker, ps *rules.Portals) {
	if ps == nil {
		return
	}
	seen := map[string]bool{}
	for i, p := range ps.Portals {
		if seen[p.ID] {
			r.Add(ps.File, p.Pos, "unique/id", p.ID, "portals")
		}
		seen[p.ID] = true
		cc.check(ps.File, p.Cite)
		if !portalURL(p) {
			r.Add(ps.File, cc.s.PosOf(ps.File, "portals", fmt.Sprint(i), "url"), "ref/portal-url", p.URL, strings.Join(p.Written, ", "))
		}
	}
}

// portalURL reports whether a portal's url is a well-formed https address
// of one of its written forms.
func portalURL(p rules.Portal) bool {
	u, err := url.Parse(p.URL)
	if err != nil || u.Scheme != "https" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" ||
		(u.Path != "" && u.Path != "/") || u.Port() != "" {
		return false
	}
	for _, w := range p.Written {
		if strings.EqualFold(u.Host, w) {
			return true
		}
	}
	return false
}
