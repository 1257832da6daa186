// Package checklist generates the JSON Schema checklists an applicant's
// package manifest is validated against: one per service, edition and
// application kind whose document list is in the sources, plus the common
// manifest envelope and an index the checker uses to pick an edition by
// date. The checker reads only these generated files, never rules/.
package checklist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sort"

	"ruqsat/checker/contract"
	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/internal/syncdir"
	"ruqsat/internal/workdays"
	"ruqsat/internal/workdays/calc"
	"ruqsat/schemas"
)

// Dir is where the checklists are written, relative to the repository root.
const Dir = "schemas/checklists"

// Files returns every generated file by name (e.g. "index.json"), so the
// build can write them and a test can compare them with what is committed.
func Files(s *rules.Set) (map[string][]byte, error) {
	out := map[string][]byte{}
	put := func(name string, v any) error {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out[name] = b.Bytes()
		return nil
	}
	if err := put("package.schema.json", envelope(s)); err != nil {
		return nil, err
	}
	idx := contract.Index{Format: contract.Format, Rules: s.Digest, Services: map[string]*contract.IndexService{}}
	for _, sv := range s.Services {
		is := &contract.IndexService{Name: texts(sv.Name)}
		for _, e := range sv.Editions {
			ie := contract.IndexEdition{Edition: e.Edition, Act: e.Act, InForce: inForce(s, e)}
			if a := s.Acts[e.Act]; a != nil {
				ie.ActName = texts(a.Short)
			}
			if e.Kinds.Known() {
				for _, k := range e.Kinds.Items {
					ik := contract.IndexKind{Kind: k.ID}
					if k.Documents.Known() {
						ik.Checklist = name(e, k.ID)
						ik.Partial = k.DocumentsRest != nil
						if err := put(ik.Checklist, schemaFor(s, e, &k)); err != nil {
							return nil, err
						}
					} else {
						ik.Gap = k.Documents.Unknown
					}
					ie.Kinds = append(ie.Kinds, ik)
				}
			} else {
				ie.Gap = e.Kinds.Unknown
			}
			is.Editions = append(is.Editions, ie)
		}
		idx.Services[sv.ID] = is
		idx.Order = append(idx.Order, sv.ID)
	}
	if s.MCI != nil {
		for _, v := range s.MCI.Values {
			idx.MCI = append(idx.MCI, contract.MCI{From: v.From, KZT: v.KZT})
		}
	}
	idx.Kinds = map[string]map[string]string{}
	for _, k := range s.Vocab.Kinds {
		idx.Kinds[k.ID] = texts(k.Texts)
	}
	idx.Channels = map[string]map[string]string{}
	for _, c := range s.Vocab.Channels {
		idx.Channels[c.ID] = texts(c.Texts)
	}
	if err := put("index.json", idx); err != nil {
		return nil, err
	}
	// The working-day calendar and each kind's procedure: the checker
	// dates the decision from them, the site's deadline calculator too.
	if s.Calendar != nil {
		if err := put(calc.File, workdays.Extract(s)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Write generates the checklists into root/Dir, removing stale files.
func Write(root string, s *rules.Set) error {
	files, err := Files(s)
	if err != nil {
		return err
	}
	_, err = syncdir.Write(filepath.Join(root, Dir), files)
	return err
}

func name(e *rules.Edition, kind string) string {
	return e.Service + "-" + e.Edition + "-" + kind + ".schema.json"
}

// inForce is when the edition's act is in force (rules.Set.Period).
func inForce(s *rules.Set, e *rules.Edition) contract.Period {
	a := s.Acts[e.Act]
	if a == nil {
		return contract.Period{}
	}
	p := s.Period(a)
	return contract.Period{From: p.From, FromExact: p.FromExact, To: p.To, ToExact: p.ToExact, Repealed: p.Repealed}
}

func texts(t rules.Texts) map[string]string {
	m := map[string]string{}
	for _, l := range rules.Langs {
		if s := t.String(l); s != "" {
			m[string(l)] = s
		}
	}
	return m
}

// obj is a JSON object with a stable key order (encoding/json sorts map keys).
type obj = map[string]any

// envelope is the manifest format common to every checklist. The filing
// channels it lists are rules/vocab.yaml's, so an editor completes them.
func envelope(s *rules.Set) obj {
	channelIDs := []string{}
	for _, c := range s.Vocab.Channels {
		channelIDs = append(channelIDs, c.ID)
	}
	return obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         schemas.BaseURL + "checklists/package.schema.json",
		"title":       "Ruqsat document package manifest",
		"description": "The manifest (manifest.yaml or manifest.json) of a document package: which service and application it is for, the answers that decide what is required, the application's own fields, and the files attached to each checklist item. Each service, edition and application kind has a checklist schema that adds its own items to this one.",
		"type":        "object",
		"properties": obj{
			"ruqsat":  obj{"description": "Manifest format version.", "const": 1},
			"service": obj{"description": "Service id, e.g. sts-license (ruqsat check --list).", "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
			"edition": obj{"description": "Edition (year of the act). Optional: by default the edition in force on the filing date is used.", "type": "string", "pattern": "^[0-9]{4}$"},
			"kind":    obj{"description": "Application kind, e.g. issue or renewal.", "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
			"filed":   obj{"description": "The date the application is (to be) filed, 2006-01-02. Optional: today by default.", "type": "string", "format": "date"},
			"answers": obj{"description": "Answers that decide what is required (who applies, how the fee was paid, …).", "type": "object"},
			"applicant": obj{
				"description": "The application's own fields.",
				"type":        "object",
				"properties": obj{
					"name":    obj{"type": "string", "minLength": 1, "maxLength": 500},
					"bin":     obj{"description": "Business identification number (12 digits) of a legal entity or branch.", "type": "string", "pattern": "^[0-9]{12}$"},
					"iin":     obj{"description": "Individual identification number (12 digits).", "type": "string", "pattern": "^[0-9]{12}$"},
					"address": obj{"type": "string", "minLength": 1, "maxLength": 1000},
					"phone":   obj{"type": "string", "pattern": "^[0-9 ()+-]{5,30}$"},
					"email":   obj{"type": "string", "format": "email"},
				},
				"additionalProperties": false,
			},
			"fee": obj{
				"description": "The fee paid: amount in tenge and payment date.",
				"type":        "object",
				"properties": obj{
					"paid": obj{"type": "number", "minimum": 0},
					"date": obj{"type": "string", "format": "date"},
				},
				"required":             []string{"paid", "date"},
				"additionalProperties": false,
			},
			"change": obj{
				"description": "For a renewal: the change that makes it necessary and its date.",
				"type":        "object",
				"properties": obj{
					"date":   obj{"type": "string", "format": "date"},
					"what":   obj{"type": "string", "minLength": 1, "maxLength": 1000},
					"reason": obj{"description": "Which of the cases the edition lists calls for the renewal: an id from the checklist's x-ruqsat renewal_reasons (ruqsat checklist SERVICE renewal).", "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
				},
				"required":             []string{"date"},
				"additionalProperties": false,
			},
			"channel": obj{"description": "How the application is filed: portal, in-person or post. Optional; where the edition, or the application kind where the act gives it fewer, lists its channels (x-ruqsat channels), another one is an error.", "enum": channelIDs},
			"legalisation": obj{
				"description":          "For each checklist item issued abroad that the act wants legalised: apostille, consular (consular legalisation), treaty (not needed under a treaty: the acts do not say, so it is not checked) or none. Leave out documents issued in Kazakhstan.",
				"type":                 "object",
				"additionalProperties": obj{"enum": contract.Legalisations},
			},
			"info": obj{"description": "Information typed into the application rather than attached (e.g. licence details).", "type": "object", "additionalProperties": obj{"type": "string", "minLength": 1, "maxLength": 2000}},
			"documents": obj{
				"description":          "Files attached to each checklist item: a path inside the package, or a list of paths.",
				"type":                 "object",
				"additionalProperties": obj{"$ref": "#/$defs/files"},
			},
		},
		"required":             []string{"ruqsat", "service", "kind", "answers", "documents"},
		"additionalProperties": false,
		"$defs": obj{
			"file": obj{"description": "A path inside the package, with forward slashes.", "type": "string", "minLength": 1, "maxLength": 500, "pattern": "^[^/\\\\].*$"},
			"files": obj{"oneOf": []any{
				obj{"$ref": "#/$defs/file"},
				obj{"type": "array", "items": obj{"$ref": "#/$defs/file"}, "minItems": 1, "maxItems": 50, "uniqueItems": true},
			}},
		},
	}
}

// Accept lists the file types a document may be, by its medium.
var Accept = map[string][]string{
	"electronic": {"pdf", "cms"},
	"scan":       {"pdf", "jpeg", "png"},
	"paper":      {"pdf", "jpeg", "png"},
	"carrier":    {"any"},
}

// schemaFor builds one checklist.
func schemaFor(s *rules.Set, e *rules.Edition, k *rules.Kind) obj {
	a := s.Acts[e.Act]
	answerProps := obj{}
	var requiredAnswers []string
	var conds []any
	questions := []contract.Question{}
	for i, q := range e.Asks {
		qu := s.Vocab.Question(q)
		if qu == nil {
			continue
		}
		always, when := askedWhen(qu, k, e.Asks[i+1:])
		if !always && len(when) == 0 {
			continue // it decides nothing for this kind: not asked at all
		}
		var ids []string
		var opts []contract.Option
		for _, o := range qu.Options {
			if q == "channel" && !rules.AnswersChannel(o.ID, e.KindChannels(k)) {
				continue // a way of filing the act does not give this kind
			}
			ids = append(ids, o.ID)
			opts = append(opts, contract.Option{ID: o.ID, Text: texts(o.Texts), IDNumber: o.IDNumber, ProviderSeesPayment: o.ProviderSeesPayment})
		}
		answerProps[q] = obj{"enum": ids, "description": qu.String(rules.EN)}
		cq := contract.Question{ID: q, Text: texts(qu.Texts), Options: opts, YesNo: qu.YesNo}
		if always {
			requiredAnswers = append(requiredAnswers, q)
		} else {
			// Required only for the answers under which it decides
			// something (e.g. "duplicate of what?" only for a paper duplicate).
			cq.AskedWhen = when
			var any []any
			for _, w := range when {
				any = append(any, whenSchema(w))
			}
			conds = append(conds, obj{
				"if":   obj{"anyOf": any},
				"then": obj{"properties": obj{"answers": obj{"required": []string{q}}}, "required": []string{"answers"}},
			})
		}
		questions = append(questions, cq)
	}
	subs := []contract.Option{}
	if e.Subspecies.Known() && len(e.Subspecies.Items) > 0 {
		var ids []string
		for _, sp := range e.Subspecies.Items {
			ids = append(ids, sp.ID)
			subs = append(subs, contract.Option{ID: sp.ID, Text: texts(sp.Texts), Cite: cites(s, sp.Cite)})
		}
		answerProps["subspecies"] = obj{"type": "array", "items": obj{"enum": ids}, "minItems": 1, "uniqueItems": true,
			"description": "Activity subspecies applied for."}
		requiredAnswers = append(requiredAnswers, "subspecies")
	}

	docProps := obj{}
	infoProps := obj{}
	var requiredDocs, requiredInfo []string
	docs := []contract.Document{}
	for _, d := range k.Documents.Items {
		docs = append(docs, contract.Document{ID: d.ID, Name: texts(d.Texts), Medium: d.Medium, Cite: cites(s, d.Cite),
			Signed: d.Signed, Certified: d.Certified, Copies: d.Copies, IfAny: d.IfAny, Fetched: d.Fetched, When: d.When, Accept: Accept[d.Medium]})
		if d.Medium == "object" {
			continue // a physical sample: nothing to attach
		}
		if d.Fetched {
			// The provider obtains it itself; attaching it is allowed (and
			// noted by the checker), never required.
			docProps[d.ID] = obj{"$ref": "package.schema.json#/$defs/files", "description": d.String(rules.EN)}
			continue
		}
		target, props, req := "documents", docProps, &requiredDocs
		if d.Medium == "data" {
			target, props, req = "info", infoProps, &requiredInfo
			props[d.ID] = obj{"type": "string", "minLength": 1, "maxLength": 2000, "description": d.String(rules.EN)}
		} else {
			props[d.ID] = obj{"$ref": "package.schema.json#/$defs/files", "description": d.String(rules.EN)}
		}
		if d.IfAny {
			continue
		}
		if len(d.When) == 0 {
			*req = append(*req, d.ID)
			continue
		}
		conds = append(conds, obj{
			"if":   whenSchema(d.When),
			"then": obj{"properties": obj{target: obj{"required": []string{d.ID}}}, "required": []string{target}},
		})
	}
	sort.Strings(requiredAnswers)

	props := obj{
		"service":   obj{"const": e.Service},
		"edition":   obj{"const": e.Edition},
		"kind":      obj{"const": k.ID},
		"answers":   obj{"type": "object", "properties": answerProps, "required": nonNil(requiredAnswers), "additionalProperties": false},
		"documents": obj{"type": "object", "properties": docProps, "required": nonNil(requiredDocs), "additionalProperties": false},
		"info":      obj{"type": "object", "properties": infoProps, "required": nonNil(requiredInfo), "additionalProperties": false},
	}
	required := []string{"answers", "documents"}
	if len(requiredInfo) > 0 {
		required = append(required, "info")
	}
	allOf := []any{obj{"$ref": "package.schema.json"}}
	allOf = append(allOf, conds...)

	meta := contract.Meta{
		Service: e.Service, Edition: e.Edition, Kind: k.ID,
		ServiceName: texts(s.Service(e.Service).Name),
		EditionName: texts(e.Name.Texts),
		Act:         contract.Act{ID: e.Act, Name: texts(a.Short)},
		InForce:     inForce(s, e),
		Questions:   questions,
		Subspecies:  subs,
		Documents:   docs,
		Cite:        cites(s, k.Cite),
		URL:         siteURLs("services/" + e.Service + "/" + e.Edition + "/#kind-" + k.ID + "-h"),
	}
	if k.DocumentsRest != nil {
		meta.Partial = &contract.Partial{Gap: k.DocumentsRest.Unknown, See: k.DocumentsRest.See, Note: textsP(k.DocumentsRest.Note), Cite: cites(s, k.DocumentsRest.GapCite)}
	}
	if k.Fee.Known() {
		due := k.Fee.Due != nil && *k.Fee.Due
		meta.Fee = &contract.Fee{Due: &due, Cite: cites(s, k.Fee.Cite), MCI: k.Fee.MCI}
	} else {
		meta.Fee = &contract.Fee{Gap: k.Fee.Unknown}
	}
	// Fees an act other than the rules sets by date apply to payments
	// made from then on, whatever the edition.
	if sv := s.Service(e.Service); sv != nil {
		for _, f := range sv.Fees {
			if f.Kind == k.ID {
				meta.Fee.Changes = append(meta.Fee.Changes, contract.FeeChange{From: f.From, Due: f.Due, MCI: f.MCI, Cite: cites(s, f.Cite)})
			}
		}
		sort.Slice(meta.Fee.Changes, func(i, j int) bool { return meta.Fee.Changes[i].From < meta.Fee.Changes[j].From })
	}
	if e.Payment.Known() {
		meta.Payment = e.Payment.Value
	}
	if k.ID == "renewal" && e.Renewal.Known() && e.Renewal.Window.Known() && e.Renewal.Window.Days != nil {
		meta.RenewalWindow = &contract.RenewalWindow{Days: *e.Renewal.Window.Days, Unit: e.Renewal.Window.Unit, Cite: cites(s, e.Renewal.Window.Cite)}
	}
	if k.ID == "renewal" && e.Renewal.Known() && e.Renewal.Triggers.Known() {
		for _, t := range e.Renewal.Triggers.Items {
			meta.RenewalReasons = append(meta.RenewalReasons, contract.Option{ID: t.ID, Applicants: t.Applicants, Text: texts(t.Texts), Cite: cites(s, t.Cite)})
		}
	}
	if ch := e.KindChannels(k); ch.Known() && len(ch.Value) > 0 {
		meta.Channels = &contract.Channels{Cite: cites(s, ch.Cite), Own: k.Channels != nil}
		for _, id := range ch.Value {
			meta.Channels.Options = append(meta.Channels.Options, contract.Option{ID: id, Text: texts(rules.Find(s.Vocab.Channels, id).Texts)})
		}
	}
	if k.Term.Known() && k.Term.Days != nil {
		meta.Term = &contract.Term{Days: *k.Term.Days, Unit: k.Term.Unit}
	}
	kindName := texts(rules.Find(s.Vocab.Kinds, k.ID).Texts)
	return obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         schemas.BaseURL + "checklists/" + name(e, k.ID),
		"title":       fmt.Sprintf("%s — %s %s, %s", e.Service, e.Edition, "edition", k.ID),
		"description": fmt.Sprintf("Checklist: %s (%s), edition %s, application kind: %s. Generated from rules/services/%s/%s.yaml; do not edit.", s.Service(e.Service).Name.String(rules.EN), e.Service, e.Edition, kindName["en"], e.Service, e.Edition),
		"allOf":       allOf,
		"properties":  props,
		"required":    required,
		"x-ruqsat":    meta,
	}
}

// askedWhen says when a question is asked for an application kind: always
// when the checker itself uses the answer (an option names the
// identification number or a way of paying the provider sees, see
// rules/vocab.yaml) or a required document depends on it alone; else under
// the other conditions of the documents that depend on it, each a
// condition as a document's when (none: the question decides nothing for
// this kind and is not asked). So the rule data decides, not this code.
// Only the questions asked before it (later are the ones the edition asks
// after it) may hold it back: two questions that a document needs together
// would otherwise each wait for the other's answer, and neither be asked.
func askedWhen(qu *rules.Question, k *rules.Kind, later []string) (always bool, when []map[string][]string) {
	for _, o := range qu.Options {
		if o.IDNumber != "" || o.ProviderSeesPayment {
			return true, nil
		}
	}
	seen := map[string]bool{}
	for _, d := range k.Documents.Items {
		if _, ok := d.When[qu.ID]; !ok || d.Medium == "object" || d.Fetched || d.IfAny {
			continue // not its question, or nothing is ever required by it
		}
		rest := map[string][]string{}
		for q, v := range d.When {
			if q != qu.ID && !slices.Contains(later, q) {
				rest[q] = v
			}
		}
		if len(rest) == 0 {
			return true, nil
		}
		key := fmt.Sprint(rest) // fmt sorts map keys: equal conditions, one key
		if !seen[key] {
			seen[key] = true
			when = append(when, rest)
		}
	}
	return false, when
}

// whenSchema is the "if" of a document's conditions: every listed question
// has one of the listed answers.
func whenSchema(w map[string][]string) obj {
	props := obj{}
	var req []string
	for _, q := range sortedKeys(w) {
		req = append(req, q)
		if q == "subspecies" {
			props[q] = obj{"contains": obj{"enum": w[q]}}
			continue
		}
		props[q] = obj{"enum": w[q]}
	}
	return obj{"properties": obj{"answers": obj{"properties": props, "required": req}}, "required": []string{"answers"}}
}

// cites renders citations for the checker: act, unit, labels and links.
func cites(s *rules.Set, cs rules.Cites) []contract.Rule {
	out := []contract.Rule{}
	units := legalfmt.NewUnits(s.Vocab)
	for _, c := range cs {
		a := s.Acts[c.Act]
		if a == nil {
			continue
		}
		label := map[string]string{}
		for _, l := range rules.Langs {
			label[string(l)] = units.Label(l, c.At)
		}
		out = append(out, contract.Rule{Act: c.Act, At: c.At, AtLabel: label, ActName: texts(a.Short), URL: citeURLs(a, c.At)})
	}
	return out
}

// citeURLs are the addresses of unit at's words in the act's text, per
// reader's language.
func citeURLs(a *rules.Act, at string) map[string]string {
	m := map[string]string{}
	for _, l := range rules.Langs {
		m[string(l)] = "/" + string(l) + "/" + a.CitePath(l, at)
	}
	return m
}

func siteURLs(path string) map[string]string {
	m := map[string]string{}
	for _, l := range rules.Langs {
		m[string(l)] = "/" + string(l) + "/" + path
	}
	return m
}

func textsP(t *rules.Texts) map[string]string {
	if t == nil {
		return nil
	}
	return texts(*t)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sortedKeys(m map[string][]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
