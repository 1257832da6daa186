package checker

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"ruqsat/checker/contract"
)

// checklist is a compiled checklist schema with its annotation.
type checklist struct {
	name   string
	schema *jsonschema.Schema
	meta   contract.Meta
	order  map[string]int // document id → place in the list, from 1
}

// loadIndex reads index.json from the checklists folder.
func loadIndex(fsys fs.FS) (*contract.Index, error) {
	b, err := fs.ReadFile(fsys, "index.json")
	if err != nil {
		return nil, fmt.Errorf("checklists: %w", err)
	}
	var idx contract.Index
	if err := json.Unmarshal(b, &idx); err != nil {
		return nil, fmt.Errorf("checklists/index.json: %w", err)
	}
	if idx.Format != contract.Format {
		return nil, fmt.Errorf("checklists/index.json: unknown format %q", idx.Format)
	}
	return &idx, nil
}

// compiler compiles checklists on first use and keeps them; compiling all
// of them at start-up would cost the CLI most of its time budget.
type compiler struct {
	fsys  fs.FS
	base  string
	mu    sync.Mutex
	cache map[string]*checklist
}

func (c *compiler) get(name string) (*checklist, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cl, ok := c.cache[name]; ok {
		return cl, nil
	}
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft2020)
	comp.AssertFormat()
	var metaRaw json.RawMessage
	for _, n := range []string{"package.schema.json", name} {
		b, err := fs.ReadFile(c.fsys, n)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if err := comp.AddResource(c.base+n, doc); err != nil {
			return nil, err
		}
		if n == name {
			var top struct {
				Meta json.RawMessage `json:"x-ruqsat"`
			}
			if err := json.Unmarshal(b, &top); err != nil {
				return nil, err
			}
			metaRaw = top.Meta
		}
	}
	s, err := comp.Compile(c.base + name)
	if err != nil {
		return nil, err
	}
	cl := &checklist{name: name, schema: s, order: map[string]int{}}
	if err := json.Unmarshal(metaRaw, &cl.meta); err != nil {
		return nil, fmt.Errorf("%s: x-ruqsat: %w", name, err)
	}
	for i, d := range cl.meta.Documents {
		cl.order[d.ID] = i + 1
	}
	c.cache[name] = cl
	return cl, nil
}

// condition spells a document's conditions in each language, e.g.
// " (required for: a legal entity; at a bank)".
func (cl *checklist) condition(d *contract.Document) map[string]string {
	out := map[string]string{}
	if len(d.When) == 0 {
		return out
	}
	keys := make([]string, 0, len(d.When))
	for k := range d.When {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	lead := map[string]string{"ru": " — нужен, так как: ", "kk": " — қажет, себебі: ", "en": " — required because: "}
	or := map[string]string{"ru": " или ", "kk": " немесе ", "en": " or "}
	for _, l := range Langs {
		var parts []string
		for _, q := range keys {
			var labels []string
			for _, a := range d.When[q] {
				labels = append(labels, localized(cl.optionText(q, a), l))
			}
			part := strings.Join(labels, or[l])
			if qu := cl.meta.Question(q); qu != nil && qu.YesNo {
				part = localized(qu.Text, l) + " — " + part
			}
			parts = append(parts, part)
		}
		out[l] = lead[l] + strings.Join(parts, "; ")
	}
	return out
}

// optionText is the label of an answer, or of a subspecies.
func (cl *checklist) optionText(q, id string) map[string]string {
	if q == "subspecies" {
		for _, o := range cl.meta.Subspecies {
			if o.ID == id {
				return o.Text
			}
		}
	}
	if qu := cl.meta.Question(q); qu != nil {
		for _, o := range qu.Options {
			if o.ID == id {
				return o.Text
			}
		}
	}
	return map[string]string{"ru": id, "kk": id, "en": id}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// ServiceInfo describes a service the checker knows, for listings.
type ServiceInfo struct {
	ID       string            `json:"id"`
	Name     map[string]string `json:"name"`
	Editions []EditionInfo     `json:"editions"`
}

// EditionInfo is an edition of a service and its application kinds.
type EditionInfo struct {
	Edition string     `json:"edition"`
	Kinds   []KindInfo `json:"kinds"`
	Gap     string     `json:"gap,omitempty"` // why the kinds are not in the sources
}

// KindInfo is an application kind; Checklist is "" when its document list
// is not in the sources.
type KindInfo struct {
	Kind      string `json:"kind"`
	Checklist string `json:"checklist,omitempty"`
	Partial   bool   `json:"partial,omitempty"`
	Gap       string `json:"gap,omitempty"` // why the list is not in the sources
}

// Services lists every service, edition and kind in checklist order.
func (c *Checker) Services() []ServiceInfo {
	var out []ServiceInfo
	for _, id := range c.idx.Order {
		s := c.idx.Services[id]
		si := ServiceInfo{ID: id, Name: s.Name}
		for _, e := range s.Editions {
			ei := EditionInfo{Edition: e.Edition, Gap: e.Gap}
			for _, k := range e.Kinds {
				ei.Kinds = append(ei.Kinds, KindInfo{Kind: k.Kind, Checklist: k.Checklist, Partial: k.Partial, Gap: k.Gap})
			}
			si.Editions = append(si.Editions, ei)
		}
		out = append(out, si)
	}
	return out
}

// RulesDigest is the digest of the rule files the checklists were generated
// from (see rules.Digest), or "" for checklists that do not record it.
func (c *Checker) RulesDigest() string { return c.idx.Rules }

// Meta returns the annotation (x-ruqsat) of the checklist of a service,
// edition and kind: every item, question, answer and condition with its
// rule, for `ruqsat checklist`.
func (c *Checker) Meta(service, edition, kind string) (*contract.Meta, error) {
	b, err := c.ChecklistJSON(service, edition, kind)
	if err != nil {
		return nil, err
	}
	var cl struct {
		Meta *contract.Meta `json:"x-ruqsat"`
	}
	if err := json.Unmarshal(b, &cl); err != nil || cl.Meta == nil {
		return nil, fmt.Errorf("checklist %s %s %s: no x-ruqsat annotation", service, edition, kind)
	}
	return cl.Meta, nil
}

// KindName is an application kind's name per language (its id if unknown).
func (c *Checker) KindName(kind string) map[string]string {
	if n, ok := c.idx.Kinds[kind]; ok {
		return n
	}
	return same(kind)
}

// Gap explains, per language, why a list is not in the sources.
func Gap(gap string) map[string]string { return gapText(gap) }
