package examples

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"ruqsat/checker/contract"
	"ruqsat/checker/signature/sigtest"
)

// scenariosFile is the scenarios' file, as errors name it.
const scenariosFile = "internal/gen/examples/scenarios.yaml"

//go:embed scenarios.yaml
var scenariosYAML []byte

// scenarios is scenarios.yaml: see its opening comment.
type scenarios struct {
	FiledOn      []string
	Groups       []group
	NotInSources struct {
		Comment string
		Expect  []string
	}
}

// group is scenarios for every checklist, or for the one For names.
type group struct {
	For       *target
	line      int
	Scenarios []scenario
}

type target struct{ Service, Edition, Kind string }

func (t target) String() string {
	s := t.Service + " " + t.Edition
	if t.Kind != "" {
		s += " " + t.Kind
	}
	return s
}

type scenario struct {
	Name    string
	Comment string
	Expect  []string
	line    int
	steps   []step
}

// step is one change of a scenario: its verb and value.
type step struct {
	verb  string
	value *yaml.Node
	line  int
}

// errAt is a mistake in scenarios.yaml, placed at its line.
func errAt(line int, format string, a ...any) error {
	return fmt.Errorf("%s:%d: %s", scenariosFile, line, fmt.Sprintf(format, a...))
}

// verbs are the changes a step may make, with the kinds of value they take.
var verbs = map[string]bool{
	"remove-document": true, "file": true, "document": true, "add-document": true, "add-file": true,
	"answer": true, "remove-answer": true, "add-answer": true, "subspecies": true, "applicant": true,
	"fee": true, "change": true, "info": true, "filed": true, "edition": true, "rebuild": true,
	"text": true, "zip": true, "renewal-reason": true, "renewal-reason-other-applicant": true, "channel": true, "kind-channel": true, "legalisation": true,
}

// loadScenarios reads scenarios.yaml, checking every key and verb.
func loadScenarios(b []byte) (*scenarios, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", scenariosFile, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not a mapping", scenariosFile)
	}
	s := &scenarios{}
	err := eachKey(doc.Content[0], func(k string, v *yaml.Node) error {
		switch k {
		case "filed_on":
			return decode(v, &s.FiledOn)
		case "not_in_sources":
			return eachKey(v, func(k string, w *yaml.Node) error {
				switch k {
				case "comment":
					return decode(w, &s.NotInSources.Comment)
				case "expect":
					return decode(w, &s.NotInSources.Expect)
				}
				return errAt(w.Line, "unknown key %q", k)
			})
		case "groups":
			if v.Kind != yaml.SequenceNode {
				return errAt(v.Line, "groups: want a list")
			}
			for _, gn := range v.Content {
				g, err := loadGroup(gn)
				if err != nil {
					return err
				}
				s.Groups = append(s.Groups, g)
			}
			return nil
		}
		return errAt(v.Line, "unknown key %q", k)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

func loadGroup(n *yaml.Node) (group, error) {
	g := group{line: n.Line}
	err := eachKey(n, func(k string, v *yaml.Node) error {
		switch k {
		case "for":
			g.For = &target{}
			return eachKey(v, func(k string, w *yaml.Node) error {
				switch k {
				case "service":
					return decode(w, &g.For.Service)
				case "edition":
					return decode(w, &g.For.Edition)
				case "kind":
					return decode(w, &g.For.Kind)
				}
				return errAt(w.Line, "for: unknown key %q (service, edition, kind)", k)
			})
		case "scenarios":
			if v.Kind != yaml.SequenceNode {
				return errAt(v.Line, "scenarios: want a list")
			}
			for _, sn := range v.Content {
				sc, err := loadScenario(sn)
				if err != nil {
					return err
				}
				g.Scenarios = append(g.Scenarios, sc)
			}
			return nil
		}
		return errAt(v.Line, "unknown key %q (for, scenarios)", k)
	})
	if err == nil && g.For != nil && (g.For.Service == "" || g.For.Edition == "") {
		err = errAt(n.Line, "for: name a service and an edition")
	}
	return g, err
}

func loadScenario(n *yaml.Node) (scenario, error) {
	sc := scenario{line: n.Line}
	err := eachKey(n, func(k string, v *yaml.Node) error {
		switch k {
		case "name":
			return decode(v, &sc.Name)
		case "comment":
			return decode(v, &sc.Comment)
		case "expect":
			return decode(v, &sc.Expect)
		case "change":
			if v.Kind != yaml.SequenceNode {
				return errAt(v.Line, "change: want a list of changes")
			}
			for _, c := range v.Content {
				if c.Kind != yaml.MappingNode || len(c.Content) != 2 {
					return errAt(c.Line, "a change is one key and its value, e.g. `- fee: none`")
				}
				verb := c.Content[0].Value
				if !verbs[verb] {
					return errAt(c.Line, "unknown change %q", verb)
				}
				sc.steps = append(sc.steps, step{verb: verb, value: c.Content[1], line: c.Line})
			}
			return nil
		}
		return errAt(v.Line, "unknown key %q (name, comment, expect, change)", k)
	})
	if err != nil {
		return sc, err
	}
	switch {
	case sc.Name == "":
		return sc, errAt(n.Line, "a scenario without a name")
	case !strings.HasPrefix(sc.Name, "pass") && !strings.HasPrefix(sc.Name, "fail-") && !strings.HasPrefix(sc.Name, "cannot-") && !strings.HasPrefix(sc.Name, "incomplete-"):
		return sc, errAt(n.Line, "scenario %s: a name starts with pass, fail-, incomplete- or cannot-, the verdict", sc.Name)
	case sc.Comment == "":
		return sc, errAt(n.Line, "scenario %s: no comment", sc.Name)
	case len(sc.Expect) == 0 && sc.Name != "pass":
		return sc, errAt(n.Line, "scenario %s: expect names no finding", sc.Name)
	}
	return sc, nil
}

func eachKey(n *yaml.Node, f func(k string, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return errAt(n.Line, "want keys with values")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := f(n.Content[i].Value, n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

func decode(n *yaml.Node, v any) error {
	if err := n.Decode(v); err != nil {
		return errAt(n.Line, "%v", err)
	}
	return nil
}

// check reports every group whose named service, edition or kind has no
// checklist.
func (s *scenarios) check(idx *contract.Index) error {
	for _, g := range s.Groups {
		if g.For == nil {
			continue
		}
		svc := idx.Services[g.For.Service]
		if svc == nil {
			return errAt(g.line, "no service %q in the rules (renamed?)", g.For.Service)
		}
		found := false
		for _, e := range svc.Editions {
			if e.Edition != g.For.Edition {
				continue
			}
			for _, k := range e.Kinds {
				found = found || k.Checklist != "" && (g.For.Kind == "" || k.Kind == g.For.Kind)
			}
		}
		if !found {
			return errAt(g.line, "%s: no such checklist in the rules (renamed, or its list is not in the sources?)", g.For)
		}
	}
	return nil
}

// notApplicable says a checklist lacks what a change needs.
type notApplicable struct {
	line int
	why  string
}

func (e *notApplicable) Error() string { return e.why }

func skip(format string, a ...any) error { return &notApplicable{why: fmt.Sprintf(format, a...)} }

// apply makes the packages of every scenario that applies to g's checklist.
func (s *scenarios) apply(g *gen, man manifest, files map[string][]byte) ([]Package, error) {
	var out []Package
	for _, gr := range s.Groups {
		if gr.For != nil && (gr.For.Service != g.m.Service || gr.For.Edition != g.m.Edition || gr.For.Kind != "" && gr.For.Kind != g.m.Kind) {
			continue
		}
		for _, sc := range gr.Scenarios {
			p, err := sc.make(g, man, files)
			if na, ok := err.(*notApplicable); ok {
				if gr.For == nil {
					continue // the change needs what this checklist has not
				}
				return nil, errAt(na.line, "scenario %s cannot be made for %s-%s-%s: %s", sc.Name, g.m.Service, g.m.Edition, g.m.Kind, na.why)
			}
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// pkgState is a package being changed.
type pkgState struct {
	g     *gen
	man   manifest
	files map[string][]byte
	zip   bool
	text  []step
}

// make takes the passing package, applies the scenario's changes and
// returns the example.
func (sc *scenario) make(g *gen, man manifest, files map[string][]byte) (Package, error) {
	m, f := clone(man, files)
	st := &pkgState{g: g, man: m, files: f}
	for _, s := range sc.steps {
		if s.verb == "text" {
			st.text = append(st.text, s) // after the manifest is written
			continue
		}
		if err := st.do(s); err != nil {
			if na, ok := err.(*notApplicable); ok {
				na.line = s.line
			}
			return Package{}, err
		}
	}
	// A pass… scenario may sign what the passing package did not, or
	// leave unsigned what it signed: its name follows its own files.
	why, _ := g.incompleteWhy(st.man, st.files)
	p := pkg(g.nameWhy(sc.Name, why), st.man, st.files, st.comment(sc.Comment), sc.Expect)
	p.Zip = st.zip
	y := string(p.Files["manifest.yaml"])
	for _, s := range st.text {
		var t struct{ Find, Replace string }
		if err := decodeStrict(s.value, &t, "find", "replace"); err != nil {
			return Package{}, err
		}
		find, repl := st.fill(t.Find), st.fill(t.Replace)
		if find == "" || !strings.Contains(y, find) {
			return Package{}, &notApplicable{s.line, fmt.Sprintf("the manifest has no %q", find)}
		}
		y = strings.Replace(y, find, repl, 1)
	}
	p.Files["manifest.yaml"] = []byte(y)
	return p, nil
}

// fill puts the package's values in a text's placeholders.
func (st *pkgState) fill(s string) string {
	year, _, _ := strings.Cut(st.man.Filed, "-")
	r := []string{"{filed}", st.man.Filed, "{filed_year}", year, "{kind}", st.man.Kind, "{edition}", st.g.m.Edition}
	m := st.g.m
	if b := st.man.Applicant["bin"]; b != "" {
		r = append(r, "{bin}", b)
	}
	if f := m.Fee; f != nil && f.MCI != nil {
		r = append(r, "{mci}", strconv.FormatFloat(*f.MCI, 'f', -1, 64))
	}
	if paid, ok := st.man.Fee["paid"].(int); ok {
		if d, _ := st.man.Fee["date"].(string); d != "" && st.g.mciOn(d) > 0 {
			r = append(r, "{paid_mci}", strconv.FormatFloat(float64(paid)/float64(st.g.mciOn(d)), 'f', -1, 64))
		}
	}
	if w := m.RenewalWindow; w != nil {
		r = append(r, "{window}", strconv.Itoa(w.Days), "{window_unit}", w.Unit)
		if d := st.man.Change["date"]; d != "" {
			r = append(r, "{late}", strconv.Itoa(daysBetween(d, st.man.Filed)))
		}
	}
	return strings.NewReplacer(r...).Replace(s)
}

func (st *pkgState) comment(s string) string { return st.fill(s) }

// decodeStrict decodes a mapping into v, refusing keys not in keys.
func decodeStrict(n *yaml.Node, v any, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return errAt(n.Line, "want keys with values (%s)", strings.Join(keys, ", "))
	}
	for i := 0; i < len(n.Content); i += 2 {
		if !slices.Contains(keys, n.Content[i].Value) {
			return errAt(n.Content[i].Line, "unknown key %q (%s)", n.Content[i].Value, strings.Join(keys, ", "))
		}
	}
	return decode(n, v)
}

// scalar is a step's value when it is a single word.
func scalar(s step, allowed ...string) (string, error) {
	if s.value.Kind != yaml.ScalarNode || !slices.Contains(allowed, s.value.Value) {
		return "", errAt(s.line, "%s: want one of %s", s.verb, strings.Join(allowed, ", "))
	}
	return s.value.Value, nil
}

// attachedDocs are the package's documents attached as files, in the
// checklist's order.
func (st *pkgState) attachedDocs() []*contract.Document {
	var out []*contract.Document
	for i := range st.g.m.Documents {
		d := &st.g.m.Documents[i]
		if p, ok := st.man.Documents[d.ID].(string); ok && st.files[p] != nil {
			out = append(out, d)
		}
	}
	return out
}

// pick finds the document a selector names.
func (st *pkgState) pick(line int, sel string) (*contract.Document, error) {
	docs := st.attachedDocs()
	var match func(d *contract.Document) bool
	switch sel {
	case "first":
		match = func(*contract.Document) bool { return true }
	case "last":
		slices.Reverse(docs)
		match = func(*contract.Document) bool { return true }
	case "first-signed":
		match = func(d *contract.Document) bool {
			return d.Signed && strings.HasSuffix(st.man.Documents[d.ID].(string), ".p7s")
		}
	case "first-pdf":
		match = func(d *contract.Document) bool { return strings.HasSuffix(st.man.Documents[d.ID].(string), ".pdf") }
	case "first-image":
		match = func(d *contract.Document) bool {
			return slices.Contains(d.Accept, "png") || slices.Contains(d.Accept, "jpeg")
		}
	default:
		return nil, errAt(line, "no document selector %q (first, last, first-signed, first-pdf, first-image)", sel)
	}
	for _, d := range docs {
		if match(d) {
			return d, nil
		}
	}
	return nil, skip("no %s document", sel)
}

// do applies one change.
func (st *pkgState) do(s step) error {
	m := &st.man
	g := st.g
	switch s.verb {
	case "remove-document":
		d, err := st.pick(s.line, s.value.Value)
		if err != nil {
			return err
		}
		delete(st.files, m.Documents[d.ID].(string))
		delete(m.Documents, d.ID)
	case "file":
		var v struct{ Of, Content, Ext string }
		if err := decodeStrict(s.value, &v, "of", "content", "ext"); err != nil {
			return err
		}
		d, err := st.pick(s.line, v.Of)
		if err != nil {
			return err
		}
		p := m.Documents[d.ID].(string)
		body := st.files[p]
		switch v.Content {
		case "":
		case "text":
			body = []byte("this is not a signed document\n")
		case "empty":
			body = []byte{}
		case "truncated":
			body = body[:len(body)/2]
		case "encrypted-pdf":
			body = encryptedPDF(d.Name["en"])
		case "truncated-png":
			if !slices.Contains(d.Accept, "png") {
				return skip("%s does not accept PNG", d.ID)
			}
			img := pngImage()
			body = img[:len(img)-20]
		case "malformed-signature":
			body = malformedCMS
		case "missing":
			body = nil
		case "other-signer", "personal-key", "expired-key", "changed-content", "detached", "detached-missing", "smime", "self-signed":
			if !d.Signed || !slices.Contains(d.Accept, "cms") {
				return skip("%s is not a signature file", d.ID)
			}
			body = st.signature(v.Content, p)
		default:
			return errAt(s.line, "file: no content %q (text, empty, truncated, encrypted-pdf, truncated-png, malformed-signature, missing, other-signer, personal-key, expired-key, changed-content, detached, detached-missing, smime)", v.Content)
		}
		if v.Ext == "jpg" && !slices.Contains(d.Accept, "jpeg") {
			return skip("%s does not accept JPEG", d.ID)
		}
		delete(st.files, p)
		if v.Ext != "" {
			p = strings.TrimSuffix(p, path.Ext(p)) + "." + v.Ext
			m.Documents[d.ID] = p
		}
		if body != nil {
			st.files[p] = body
		}
	case "document":
		var v struct {
			Of    string
			Value yaml.Node
		}
		if err := decodeStrict(s.value, &v, "of", "value"); err != nil {
			return err
		}
		d, err := st.pick(s.line, v.Of)
		if err != nil {
			return err
		}
		var val any
		if err := v.Value.Decode(&val); err != nil {
			return errAt(s.line, "%v", err)
		}
		if t, ok := val.(string); ok {
			val = strings.ReplaceAll(t, "{id}", d.ID)
		}
		m.Documents[d.ID] = val
	case "add-document":
		what, err := scalar(s, "not-required", "fetched", "other-edition")
		if err != nil {
			return err
		}
		var id, name string
		switch what {
		case "not-required", "fetched":
			for i := range g.m.Documents {
				d := &g.m.Documents[i]
				if m.Documents[d.ID] != nil {
					continue
				}
				if what == "fetched" && d.Fetched || what == "not-required" && attached(d) && !d.Applies(m.Answers) {
					id, name = d.ID, d.Name["en"]
					break
				}
			}
		case "other-edition":
			for _, o := range g.others {
				for _, d := range o.Documents {
					if id == "" && o.Edition != g.m.Edition && g.m.Document(d.ID) == nil {
						id, name = d.ID, d.Name["en"]
					}
				}
			}
		}
		if id == "" {
			return skip("no %s document", what)
		}
		m.Documents[id] = "docs/" + id + ".pdf"
		st.files["docs/"+id+".pdf"] = PDF(name)
	case "add-file":
		var v struct{ Path, Text string }
		if err := decodeStrict(s.value, &v, "path", "text"); err != nil {
			return err
		}
		st.files[v.Path] = []byte(v.Text)
	case "answer":
		var v struct{ Question, Value string }
		if err := decodeStrict(s.value, &v, "question", "value"); err != nil {
			return err
		}
		if v.Question != "first" {
			return errAt(s.line, "answer: question is first")
		}
		if len(g.m.Questions) == 0 {
			return skip("no questions")
		}
		q := &g.m.Questions[0]
		if q.Option(v.Value) != nil {
			return errAt(s.line, "answer: %q is one of the answers to %s", v.Value, q.ID)
		}
		m.Answers[q.ID] = v.Value
	case "remove-answer":
		if _, err := scalar(s, "first"); err != nil {
			return err
		}
		if len(g.m.Questions) == 0 {
			return skip("no questions")
		}
		delete(m.Answers, g.m.Questions[0].ID)
	case "add-answer":
		if _, err := scalar(s, "other-edition"); err != nil {
			return err
		}
		for _, o := range g.others {
			if o.Edition == g.m.Edition {
				continue
			}
			a, ok := answers(o, constraint{})
			for _, q := range o.Questions {
				if ok && g.m.Question(q.ID) == nil {
					m.Answers[q.ID] = a[q.ID]
					return nil
				}
			}
		}
		return skip("no other edition asks a question this one does not")
	case "subspecies":
		var v []string
		if err := decode(s.value, &v); err != nil {
			return err
		}
		if len(g.m.Subspecies) == 0 {
			return skip("no subspecies")
		}
		list := []any{}
		for _, x := range v {
			for _, o := range g.m.Subspecies {
				if o.ID == x {
					return errAt(s.line, "subspecies: %q is one of the checklist's", x)
				}
			}
			list = append(list, x)
		}
		m.Answers["subspecies"] = list
	case "applicant":
		var v struct {
			IdentifyBy string `yaml:"identify-by"`
			Number     string
		}
		if err := decodeStrict(s.value, &v, "identify-by", "number"); err != nil {
			return err
		}
		if v.IdentifyBy != contract.IDNumberBIN && v.IdentifyBy != contract.IDNumberIIN {
			return errAt(s.line, "applicant: identify-by is bin or iin")
		}
		if identifiesBy(g.m, m.Answers) != v.IdentifyBy {
			switched := false
			for qi := range g.m.Questions {
				q := &g.m.Questions[qi]
				for _, o := range q.Options {
					if !switched && o.IDNumber == v.IdentifyBy {
						m.Answers[q.ID] = o.ID
						switched = true
					}
				}
			}
			if !switched {
				return skip("no answer identifies the applicant by %s", v.IdentifyBy)
			}
			if v.IdentifyBy == contract.IDNumberIIN {
				m.Applicant = individual()
			} else {
				m.Applicant = legalEntity()
			}
		}
		switch v.Number {
		case "":
		case "none":
			delete(m.Applicant, v.IdentifyBy)
		case "wrong-check-digit":
			b := []byte(m.Applicant[v.IdentifyBy])
			b[11] = '0' + (b[11]-'0'+1)%10
			m.Applicant[v.IdentifyBy] = string(b)
		default:
			return errAt(s.line, "applicant: number is none or wrong-check-digit")
		}
	case "fee":
		if s.value.Kind == yaml.ScalarNode {
			if _, err := scalar(s, "none"); err != nil {
				return err
			}
			if m.Fee == nil {
				return skip("no fee")
			}
			m.Fee = nil
			return nil
		}
		var v struct {
			Times           float64
			Date            string
			DaysAfterFiled  *int `yaml:"days-after-filed"`
			Pay             int
			DaysBeforeFiled int `yaml:"days-before-filed"`
		}
		if err := decodeStrict(s.value, &v, "times", "date", "days-after-filed", "pay", "days-before-filed"); err != nil {
			return err
		}
		if v.Pay > 0 {
			if f := g.m.Fee; f == nil || f.Due == nil || *f.Due {
				return skip("a fee is due or not known")
			}
			m.Fee = map[string]any{"paid": v.Pay, "date": addDays(m.Filed, -v.DaysBeforeFiled)}
			return nil
		}
		if m.Fee == nil {
			return skip("no fee")
		}
		if v.Times != 0 {
			m.Fee["paid"] = int(math.Round(float64(m.Fee["paid"].(int)) * v.Times))
		}
		if v.Date != "" {
			m.Fee["date"] = v.Date
		}
		if v.DaysAfterFiled != nil {
			m.Fee["date"] = addDays(m.Filed, *v.DaysAfterFiled)
		}
	case "change":
		if m.Change == nil {
			return skip("no renewal window")
		}
		if s.value.Kind == yaml.ScalarNode {
			if _, err := scalar(s, "none"); err != nil {
				return err
			}
			m.Change = nil
			return nil
		}
		var v struct {
			DaysLate int `yaml:"days-late"`
		}
		if err := decodeStrict(s.value, &v, "days-late"); err != nil {
			return err
		}
		w := g.m.RenewalWindow
		days := w.Days
		if w.Unit != "calendar" {
			days = (w.Days*7 + 4) / 5 // working days, weekends added
		}
		m.Change["date"] = addDays(m.Filed, -(days + v.DaysLate))
	case "info":
		var v map[string]string
		if err := decode(s.value, &v); err != nil {
			return err
		}
		if m.Info == nil {
			m.Info = map[string]string{}
		}
		for k, x := range v {
			m.Info[k] = x
		}
	case "filed":
		day := s.value.Value
		if s.value.Kind != yaml.ScalarNode {
			var v struct {
				DaysAfterStart int `yaml:"days-after-start"`
			}
			if err := decodeStrict(s.value, &v, "days-after-start"); err != nil {
				return err
			}
			if g.m.InForce.From == "" || g.m.InForce.FromExact {
				return skip("the edition's first day in force is known or not given")
			}
			day = addDays(g.m.InForce.From, v.DaysAfterStart)
		} else if addDays(day, 0) != day {
			return errAt(s.line, "filed: %q is not a date", day)
		}
		g.refile(m, day)
	case "renewal-reason":
		// A reason for the renewal that is no case of the act's list.
		if len(g.m.RenewalReasons) == 0 {
			return skip("no list of renewal reasons")
		}
		if s.value.Kind != yaml.ScalarNode || s.value.Value == "" {
			return errAt(s.line, "renewal-reason: want a reason id")
		}
		for _, o := range g.m.RenewalReasons {
			if o.ID == s.value.Value {
				return errAt(s.line, "renewal-reason: %q is in the act's list", o.ID)
			}
		}
		if m.Change == nil {
			m.Change = map[string]string{"date": addDays(m.Filed, -12)}
		}
		m.Change["reason"] = s.value.Value
		m.Change["what"] = "Сменился директор"
	case "renewal-reason-other-applicant":
		// A ground of the act's list that concerns other licensees than
		// the applicant answered.
		if _, err := scalar(s, "true"); err != nil {
			return err
		}
		for _, o := range g.m.RenewalReasons {
			if len(o.Applicants) == 0 || answersAny(m.Answers, o.Applicants) {
				continue
			}
			if m.Change == nil {
				m.Change = map[string]string{"date": addDays(m.Filed, -12)}
			}
			m.Change["reason"], m.Change["what"] = o.ID, strings.TrimSuffix(o.Text["ru"], ".")
			return nil
		}
		return skip("no ground of the act's list concerns only other licensees")
	case "channel", "kind-channel":
		// A filing channel the edition does not provide (channel), or one
		// the edition provides but the application kind does not
		// (kind-channel: the kind has channels of its own).
		if s.value.Kind != yaml.ScalarNode || s.value.Value == "" {
			return errAt(s.line, "%s: want a channel id", s.verb)
		}
		if g.m.Channels == nil || g.m.Channels.Allows(s.value.Value) {
			return skip("the edition provides filing by %s, or the sources do not say", s.value.Value)
		}
		if own := g.m.Channels.Own; own != (s.verb == "kind-channel") {
			return skip("the kind has channels of its own: %v", own)
		}
		m.Channel = s.value.Value
	case "legalisation":
		// How the first attached document the act wants legalised was.
		v, err := scalar(s, contract.Legalisations...)
		if err != nil {
			return err
		}
		var d *contract.Document
		for _, a := range st.attachedDocs() {
			if a.NeedsLegalisation() {
				d = a
				break
			}
		}
		if d == nil {
			return skip("no document to legalise")
		}
		m.Legalisation = map[string]string{d.ID: v}
	case "edition":
		if _, err := scalar(s, "none"); err != nil {
			return err
		}
		m.Edition = ""
	case "rebuild":
		var v struct {
			IdentifyBy          string `yaml:"identify-by"`
			ProviderSeesPayment bool   `yaml:"provider-sees-payment"`
			Signed              *bool
		}
		if err := decodeStrict(s.value, &v, "identify-by", "provider-sees-payment", "signed"); err != nil {
			return err
		}
		c := constraint{identifyBy: v.IdentifyBy, providerSees: v.ProviderSeesPayment, unsigned: v.Signed != nil && !*v.Signed}
		man, files, ok := g.pass(c)
		if !ok {
			return skip("no answers meet %+v", v)
		}
		if v.IdentifyBy != "" && identifiesBy(g.m, man.Answers) != v.IdentifyBy {
			return skip("no answer identifies the applicant by %s", v.IdentifyBy)
		}
		if v.ProviderSeesPayment && !g.seen(man.Answers) {
			return skip("no payment the provider sees itself")
		}
		if c.unsigned && !slices.ContainsFunc(g.m.Documents, func(d contract.Document) bool { return d.Signed && d.Applies(man.Answers) && attached(&d) }) {
			return skip("no signed document")
		}
		st.man, st.files = man, files
	case "zip":
		st.zip = true
	}
	return nil
}

// daysBetween is the number of days from a to b.
func daysBetween(a, b string) int {
	for n := 0; n < 100000; n++ {
		if addDays(a, n) >= b {
			return n
		}
	}
	return 0
}

// signature makes a signature file gone wrong (or detached) for the
// document at p, as an applicant might attach it.
func (st *pkgState) signature(kind, p string) []byte {
	m := st.man
	who := m.signer()
	switch kind {
	case "other-signer": // another company's, or another person's, key
		if who.BIN != "" {
			who.BIN, who.Organisation = bin(5), "ТОО «Басқа»"
		} else {
			who.IIN = iin(5)
		}
	case "personal-key": // the director's own key for a company
		who.BIN, who.Organisation, who.FirstHead = "", "", false
	case "expired-key": // a one-year key that ended a month before filing
		t, _ := time.Parse("2006-01-02", m.Filed)
		return sigtest.SignedWith(signedContent(p), who, t.AddDate(-1, -1, 0), t.AddDate(0, -1, 0), t.Add(10*time.Hour), false)
	case "changed-content": // the document inside edited after signing
		b := signedFor(m, who, p, false)
		c := signedContent(p)
		return bytes.Replace(b, c, append(bytes.Clone(c[:len(c)-2]), '!', '\n'), 1)
	case "detached", "detached-missing": // the document beside it, or not
		base := strings.TrimSuffix(p, ".p7s")
		if kind == "detached" {
			st.files[base] = signedContent(p)
		}
		return signedFor(m, who, p, true)
	case "self-signed": // a certificate made with openssl req -x509
		t, _ := time.Parse("2006-01-02", m.Filed)
		return sigtest.SelfSigned(signedContent(p), who, t.AddDate(0, -1, 0), t.AddDate(0, 11, 0), t.Add(10*time.Hour))
	case "smime":
		return []byte("MIME-Version: 1.0\nContent-Disposition: attachment; filename=\"smime.p7m\"\nContent-Type: application/pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\nContent-Transfer-Encoding: base64\n\n" +
			"MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGg\n")
	}
	return signedFor(m, who, p, false)
}
