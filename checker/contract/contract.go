// Package contract is the checklist contract: the Go types of
// schemas/checklists/index.json and of each checklist schema's "x-ruqsat"
// annotation, which internal/gen/checklist writes and the checker and the
// examples generator read. Everything the checker knows about the rules
// comes through these types, never from code.
//
// It is a leaf package (it imports nothing of this module) so that the
// generator, the checker and its WebAssembly build can all depend on it
// without depending on each other or on the rule model.
//
// JSON field names are the files' own; fields are declared in the order
// the files have always had (objects of the annotation sorted by key), so
// generated files do not change when the types are marshalled.
package contract

import "slices"

// Format names the version of the checklists' contract; index.json says
// which one it follows, and a reader refuses any other.
const Format = "ruqsat-checklists/1"

// Index lists every service, edition and kind, with the edition's period in
// force and the checklist to use, plus the MCI table for fee checks.
type Index struct {
	Format string `json:"format"`
	// Rules is the digest of the rule files these checklists were made
	// from (rules.Digest): `ruqsat check` compares it with the rules beside
	// it to tell that `ruqsat gen` has not been run since an edit.
	Rules    string                       `json:"rules"`
	Order    []string                     `json:"order"` // service ids in the rules' order
	Services map[string]*IndexService     `json:"services"`
	Kinds    map[string]map[string]string `json:"kinds"` // application kind → name per language
	// Channels names every filing channel (rules/vocab.yaml) per language,
	// for a message about a channel an edition does not provide.
	Channels map[string]map[string]string `json:"channels,omitempty"`
	MCI      []MCI                        `json:"mci"`
}

// IndexService is a service in the index.
type IndexService struct {
	Name     map[string]string `json:"name"`
	Editions []IndexEdition    `json:"editions"` // oldest first
}

// IndexEdition is an edition in the index.
type IndexEdition struct {
	Edition string            `json:"edition"`
	Act     string            `json:"act"`
	ActName map[string]string `json:"act_name,omitempty"`
	InForce Period            `json:"in_force"`
	Kinds   []IndexKind       `json:"kinds,omitempty"`
	Gap     string            `json:"gap,omitempty"` // why the kinds are not in the sources
}

// IndexKind is an application kind in the index.
type IndexKind struct {
	Kind      string `json:"kind"`
	Checklist string `json:"checklist,omitempty"` // "" when its document list is not in the sources
	Partial   bool   `json:"partial,omitempty"`
	Gap       string `json:"gap,omitempty"`
}

// Period is when an edition's act was in force. Dates are lower bounds
// derived from the acts' entry-into-force rules unless marked exact.
type Period struct {
	From      string `json:"from,omitempty"`
	FromExact bool   `json:"from_exact,omitempty"`
	To        string `json:"to,omitempty"` // first day no longer in force
	ToExact   bool   `json:"to_exact,omitempty"`
	Repealed  bool   `json:"repealed,omitempty"`
}

// MCI is the monthly calculation index in tenge from a date on.
type MCI struct {
	From string `json:"from"`
	KZT  int    `json:"kzt"`
}

// Meta is a checklist's "x-ruqsat" annotation: what the checker needs
// beyond what JSON Schema can say. Lists are never null, so a reader can
// range over them.
type Meta struct {
	Act Act `json:"act"`
	// Channels are the ways the edition accepts an application (vocab
	// channel ids) with the act's citation; nil where the sources do not
	// say. A manifest's channel outside them is an error.
	Channels    *Channels         `json:"channels,omitempty"`
	Cite        []Rule            `json:"cite"`
	Documents   []Document        `json:"documents"`
	Edition     string            `json:"edition"`
	EditionName map[string]string `json:"edition_name"`
	Fee         *Fee              `json:"fee"`
	InForce     Period            `json:"in_force"`
	Kind        string            `json:"kind"`
	Partial     *Partial          `json:"partial,omitempty"` // the document list is only in part in the sources
	Payment     []string          `json:"payment,omitempty"` // the edition's payment methods, when known
	Questions   []Question        `json:"questions"`
	// RenewalReasons is the act's closed list of cases that call for a
	// renewal, each with its citation (renewal kinds whose edition lists
	// them); a manifest's change.reason must be one of them.
	RenewalReasons []Option          `json:"renewal_reasons,omitempty"`
	RenewalWindow  *RenewalWindow    `json:"renewal_window,omitempty"`
	Service        string            `json:"service"`
	ServiceName    map[string]string `json:"service_name"`
	Subspecies     []Option          `json:"subspecies"`
	Term           *Term             `json:"term,omitempty"`
	URL            map[string]string `json:"url"` // the kind's place on the site, per language
}

// Channels are the filing channels an edition provides.
type Channels struct {
	Cite    []Rule   `json:"cite"`
	Options []Option `json:"options"`
	// Own: the application kind has channels of its own, fewer than the
	// edition's (e.g. a 2013 duplicate: paper only), and Cite is its.
	Own bool `json:"own,omitempty"`
}

// Allows reports whether id is one of the channels.
func (c *Channels) Allows(id string) bool {
	for _, o := range c.Options {
		if o.ID == id {
			return true
		}
	}
	return false
}

// Legalisations are the ways a manifest may say a foreign document was
// legalised (legalisation/<item>): the two the acts name, an exemption by
// treaty (which the acts do not give: it cannot be checked), or none.
var Legalisations = []string{"apostille", "consular", "treaty", "none"}

// NeedsLegalisation reports whether the act wants the document legalised
// when it comes from abroad (certified: apostille in the rules).
func (d *Document) NeedsLegalisation() bool { return d.Certified == "apostille" }

// Act is the act an edition comes from.
type Act struct {
	ID   string            `json:"id"`
	Name map[string]string `json:"name"`
}

// Question is something the applicant answers that decides what is
// required (answers/<id> in the manifest).
type Question struct {
	// AskedWhen holds the answers under which the question decides
	// something: it is asked (and required) when the answers meet any one
	// of these conditions, each as a Document's When. Empty: always asked.
	// The generator derives it from the documents' conditions, so a
	// question is never required where it decides nothing.
	AskedWhen []map[string][]string `json:"asked_when,omitempty"`
	ID        string                `json:"id"`
	Options   []Option              `json:"options"`
	Text      map[string]string     `json:"text"`
	// YesNo: the answers say nothing without the question, so a document's
	// condition names the question with the answer.
	YesNo bool `json:"yes_no,omitempty"`
}

// Option is an answer to a question, or an activity subspecies (which
// cites its rule).
type Option struct {
	// Applicants: for a renewal reason, the applicant answers it concerns
	// where the act names them; empty: any.
	Applicants []string `json:"applicants,omitempty"`
	Cite       []Rule   `json:"cite,omitempty"`
	ID         string   `json:"id"`
	// IDNumber is the identification number an applicant who answers
	// this identifies by: IDNumberBIN or IDNumberIIN, or "".
	IDNumber string `json:"id_number,omitempty"`
	// ProviderSeesPayment: a fee paid this way is seen by the provider
	// itself, so the applicant gives neither a receipt nor the amount.
	ProviderSeesPayment bool              `json:"provider_sees_payment,omitempty"`
	Text                map[string]string `json:"text"`
}

// The identification numbers an Option's IDNumber names.
const (
	IDNumberBIN = "bin" // business identification number, applicant/bin
	IDNumberIIN = "iin" // individual identification number, applicant/iin
)

// Document is a checklist item.
type Document struct {
	Accept    []string `json:"accept,omitempty"` // file types by content: pdf, cms, jpeg, png, any
	Certified string   `json:"certified,omitempty"`
	Cite      []Rule   `json:"cite"`
	Copies    int      `json:"copies,omitempty"`
	Fetched   bool     `json:"fetched,omitempty"` // the provider obtains it itself
	ID        string   `json:"id"`
	IfAny     bool     `json:"if_any,omitempty"` // required only if the applicant has one
	// Medium is electronic, scan, paper, carrier, data (typed into the
	// application: info/<id>) or object (a sample: nothing to attach).
	Medium string            `json:"medium"`
	Name   map[string]string `json:"name"`
	Signed bool              `json:"signed,omitempty"`
	// When holds the document's conditions: for each question, the
	// answers that make the document required. Empty: always required.
	When map[string][]string `json:"when,omitempty"`
}

// Applies reports whether a document's conditions hold for the answers (a
// manifest's answers: a string, or a list for subspecies).
func (d *Document) Applies(answers map[string]any) bool {
	for q, want := range d.When {
		ok := false
		switch g := answers[q].(type) {
		case string:
			ok = slices.Contains(want, g)
		case []any:
			for _, x := range g {
				if s, _ := x.(string); slices.Contains(want, s) {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Rule is a citation: where a requirement comes from.
type Rule struct {
	Act     string            `json:"act"`
	ActName map[string]string `json:"act_name,omitempty"`
	At      string            `json:"at"`
	AtLabel map[string]string `json:"at_label,omitempty"` // the unit spelt out, per language
	URL     map[string]string `json:"url,omitempty"`      // site path per language
}

// Fee is what an application kind costs, or why that is not known.
type Fee struct {
	Cite []Rule   `json:"cite,omitempty"`
	Due  *bool    `json:"due,omitempty"` // nil when Gap says why the fee is not in the sources
	Gap  string   `json:"gap,omitempty"`
	MCI  *float64 `json:"mci,omitempty"` // the rate in MCI; nil when the act gives no amount
	// Changes are the fee as acts other than the rules set it from a date
	// (a tax code's rates), oldest first: for a payment made on or after
	// a change's date, the latest such change replaces the fee above.
	Changes []FeeChange `json:"changes,omitempty"`
}

// FeeChange is the fee from a date on, as an act other than the rules
// sets it.
type FeeChange struct {
	Cite []Rule   `json:"cite"`
	Due  bool     `json:"due"`
	From string   `json:"from"`
	MCI  *float64 `json:"mci,omitempty"`
}

// On returns the fee for a payment made on day (2006-01-02): the latest
// change from that day or before, else the fee itself.
func (f *Fee) On(day string) *Fee {
	if f == nil {
		return nil
	}
	var c *FeeChange
	for i := range f.Changes {
		if f.Changes[i].From <= day && (c == nil || f.Changes[i].From > c.From) {
			c = &f.Changes[i]
		}
	}
	if c == nil {
		return f
	}
	due := c.Due
	return &Fee{Cite: c.Cite, Due: &due, MCI: c.MCI, Changes: f.Changes}
}

// IsDue reports whether the act says a fee is due.
func (f *Fee) IsDue() bool { return f != nil && f.Due != nil && *f.Due }

// RenewalWindow is how long after a change a renewal may be filed.
type RenewalWindow struct {
	Cite []Rule `json:"cite"`
	Days int    `json:"days"`
	Unit string `json:"unit"` // calendar or working
}

// Term is how long the provider takes.
type Term struct {
	Days int    `json:"days"`
	Unit string `json:"unit"`
}

// Partial says the document list is only in part in the sources.
type Partial struct {
	Gap  string            `json:"gap"`
	Note map[string]string `json:"note"`
	See  string            `json:"see"`
	Cite []Rule            `json:"cite,omitempty"` // where the act's list breaks off
}

// Document returns the checklist item with id, or nil.
func (m *Meta) Document(id string) *Document {
	for i := range m.Documents {
		if m.Documents[i].ID == id {
			return &m.Documents[i]
		}
	}
	return nil
}

// Question returns the question with id, or nil.
func (m *Meta) Question(id string) *Question {
	for i := range m.Questions {
		if m.Questions[i].ID == id {
			return &m.Questions[i]
		}
	}
	return nil
}

// Asked reports whether the question is asked for these answers: it
// decides something for them (AskedWhen).
func (q *Question) Asked(answers map[string]any) bool {
	if len(q.AskedWhen) == 0 {
		return true
	}
	for _, w := range q.AskedWhen {
		d := Document{When: w}
		if d.Applies(answers) {
			return true
		}
	}
	return false
}

// Option returns the option with id, or nil.
func (q *Question) Option(id string) *Option {
	for i := range q.Options {
		if q.Options[i].ID == id {
			return &q.Options[i]
		}
	}
	return nil
}

// Answered returns the options the answers pick, question by question, in
// the checklist's order; an answer that is no option of its question (the
// schema reports it) is left out.
func (m *Meta) Answered(answers map[string]any) []*Option {
	var out []*Option
	for i := range m.Questions {
		q := &m.Questions[i]
		if s, ok := answers[q.ID].(string); ok {
			if o := q.Option(s); o != nil {
				out = append(out, o)
			}
		}
	}
	return out
}
