package checker

import (
	"sort"
	"strings"

	"ruqsat/checker/contract"
)

// What the manifest says that the acts decide on, beyond the document
// list: the case that calls for a renewal, the filing channel, the
// legalisation of a document issued abroad. Each is checked only where the
// checklist carries the act's own list (generated from rules/), and every
// finding cites it; where the sources are silent nothing is invented.

// renewalReason checks change.reason against the edition's closed list of
// cases that call for a renewal.
func (r *run) renewalReason() {
	reasons := r.cl.meta.RenewalReasons
	if r.cl.meta.Kind != "renewal" || len(reasons) == 0 {
		return
	}
	var all []contract.Rule
	seen := map[string]bool{}
	for _, o := range reasons {
		for _, c := range o.Cite {
			if !seen[c.Act+"|"+c.At] { // the cases usually share one item
				seen[c.Act+"|"+c.At] = true
				all = append(all, c)
			}
		}
	}
	ch, _ := r.man["change"].(map[string]any)
	got := str(ch["reason"])
	if got == "" {
		path := []string{"change"}
		if ch == nil {
			path = nil
		}
		r.add(r.at(newFinding("renewal/no-reason", argL("list", optionList(reasons))).citing(all).withDetail(optionIDs("change.reason", reasons)), path...))
		return
	}
	for _, o := range reasons {
		if o.ID != got {
			continue
		}
		if who, gave := r.otherApplicant(o.Applicants); who != nil {
			r.add(r.at(newFinding("renewal/reason-applicant", argL("reason", noDot(o.Text)), argL("who", who), argL("got", gave)).citing(o.Cite), "change", "reason"))
			return
		}
		r.add(r.at(newFinding("renewal/reason", argL("reason", noDot(o.Text))).citing(o.Cite), "change", "reason"))
		return
	}
	r.add(r.at(newFinding("renewal/reason-not-in-act", arg("got", got), argL("list", optionList(reasons))).citing(all).withDetail(optionIDs("change.reason", reasons)), "change", "reason"))
}

// otherApplicant reports, for a ground that concerns only some licensees
// (ids), the question whose options they are answered with another one:
// the names of the licensees the ground concerns and of the one answered.
// nil when the ground concerns any licensee or the answer is one of them.
func (r *run) otherApplicant(ids []string) (who, gave map[string]string) {
	if len(ids) == 0 {
		return nil, nil
	}
	answers, _ := r.man["answers"].(map[string]any)
	for _, q := range r.cl.meta.Questions {
		var names []map[string]string
		for _, id := range ids {
			if o := q.Option(id); o != nil {
				names = append(names, o.Text)
			}
		}
		if len(names) != len(ids) {
			continue // not the question these ids answer
		}
		a := q.Option(str(answers[q.ID]))
		if a == nil || contains(ids, a.ID) {
			return nil, nil
		}
		who = map[string]string{}
		for _, l := range Langs {
			var parts []string
			for _, n := range names {
				parts = append(parts, localized(n, l))
			}
			who[l] = strings.Join(parts, " / ")
		}
		return who, a.Text
	}
	return nil, nil
}

// channel checks the filing channel the manifest names against the ways
// the edition accepts an application, or the application kind where the act
// gives it channels of its own.
func (r *run) channel() {
	got := str(r.man["channel"])
	ch := r.cl.meta.Channels
	if got == "" || ch == nil || ch.Allows(got) {
		return // none named, an id the schema refuses, the sources silent, or allowed
	}
	name := same(got)
	if n := r.c.idx.Channels[got]; n != nil {
		name = n
	}
	f := newFinding("channel/not-allowed", argL("got", name), argL("list", optionList(ch.Options)))
	if ch.Own {
		// The kind has channels of its own: say which kind, citing the act
		// where it gives the kind fewer channels than the edition.
		f = newFinding("channel/not-allowed-kind", argL("got", name), argL("kind", r.kindName(r.cl.meta.Kind)), argL("list", optionList(ch.Options)))
	}
	r.add(r.at(f.citing(ch.Cite).withDetail(optionIDs("channel", ch.Options)), "channel"))
}

// legalisation checks the legalisation of documents issued abroad, for the
// documents the act wants legalised (certified: apostille in the rules).
// A document issued in Kazakhstan needs none, so a document the manifest
// says nothing of gets only a note.
func (r *run) legalisation(answers map[string]any) {
	leg, _ := r.man["legalisation"].(map[string]any)
	docs, _ := r.man["documents"].(map[string]any)
	keys := make([]string, 0, len(leg))
	for k := range leg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, id := range keys {
		how := str(leg[id])
		d := r.cl.meta.Document(id)
		if d == nil || !d.NeedsLegalisation() {
			name := same(id)
			if d != nil {
				name = d.Name
			}
			f := r.atKey(newFinding("legalisation/not-required", argL("got", name)), "legalisation", id)
			f.Item = id
			r.add(f)
			continue
		}
		var f Finding
		switch how {
		case "apostille", "consular":
			f = newFinding("legalisation/ok", argL("name", d.Name), argL("how", legalisationNames[how]))
		case "treaty":
			f = newFinding("legalisation/treaty", argL("name", d.Name))
		case "none":
			f = newFinding("legalisation/none", argL("name", d.Name))
		default:
			continue // the schema names the allowed values
		}
		f = r.at(f.citing(d.Cite), "legalisation", id)
		f.Item = id
		r.add(f)
	}
	for i := range r.cl.meta.Documents {
		d := &r.cl.meta.Documents[i]
		if _, stated := leg[d.ID]; stated || !d.NeedsLegalisation() || docs[d.ID] == nil || !d.Applies(answers) {
			continue
		}
		f := r.at(newFinding("legalisation/ask", argL("name", d.Name)).citing(d.Cite), "documents", d.ID)
		f.Item = d.ID
		r.add(f)
	}
}

// noDot drops a text's final full stop, for quoting it inside a sentence.
func noDot(t map[string]string) map[string]string {
	out := make(map[string]string, len(t))
	for l, v := range t {
		out[l] = strings.TrimSuffix(v, ".")
	}
	return out
}

var legalisationNames = map[string]map[string]string{
	"apostille": {"ru": "апостиль", "kk": "апостиль", "en": "apostille"},
	"consular":  {"ru": "консульская легализация", "kk": "консулдық заңдастыру", "en": "consular legalisation"},
}

// optionIDs is the detail beside such a list: the ids the manifest's field
// takes, which the message leaves out.
func optionIDs(field string, opts []contract.Option) string {
	var ids []string
	for _, o := range opts {
		ids = append(ids, o.ID)
	}
	return field + ": " + strings.Join(ids, ", ")
}

// optionList writes options for a message, per language: «text»,
// separated by semicolons; the ids are in the finding's detail (optionIDs).
func optionList(opts []contract.Option) map[string]string {
	out := map[string]string{}
	for _, l := range Langs {
		var parts []string
		for _, o := range opts {
			open, close := "«", "»"
			if l == "en" {
				open, close = "\"", "\""
			}
			parts = append(parts, open+strings.TrimSuffix(localized(o.Text, l), ".")+close)
		}
		out[l] = strings.Join(parts, "; ")
	}
	return out
}
