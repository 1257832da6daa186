package rules

import (
	"sort"
	"strings"
)

// Act is a legal act: a source act with seeds and an outline, or an act the
// sources only mention.
type Act struct {
	File string `yaml:"-"`
	Pos  Pos    `yaml:"-"`

	ID           string         `yaml:"id"`
	Kind         string         `yaml:"kind"` // an id of Vocab.ActKinds, e.g. "order"
	Issuer       Texts          `yaml:"issuer"`
	Number       *ActNumber     `yaml:"number,omitempty"`
	Date         string         `yaml:"date"`
	Title        Texts          `yaml:"title"`
	Short        Texts          `yaml:"short"`
	Registration *Registration  `yaml:"registration,omitempty"`
	Amends       []string       `yaml:"amends,omitempty"`
	RepealedBy   *Repeal        `yaml:"repealed_by,omitempty"`
	InForce      *InForce       `yaml:"in_force,omitempty"`
	Status       string         `yaml:"status"` // in-force, repealed, unknown
	Languages    []Lang         `yaml:"languages,omitempty"`
	Signatory    *Cited         `yaml:"signatory,omitempty"`
	Seeds        []Seed         `yaml:"seeds,omitempty"`
	Published    []Publication  `yaml:"published,omitempty"`
	Outline      []Unit         `yaml:"outline,omitempty"`
	Mentioned    Cites          `yaml:"mentioned,omitempty"`
	Notes        []Cited        `yaml:"notes,omitempty"`
	Conflicts    []Conflict     `yaml:"conflicts,omitempty"`
	units        map[string]int // At → index in Outline
}

// InSources reports whether the act's text is in sources/.
func (a *Act) InSources() bool { return len(a.Seeds) > 0 }

// Unit returns the outline unit at, or nil.
func (a *Act) Unit(at string) *Unit {
	if i, ok := a.units[at]; ok {
		return &a.Outline[i]
	}
	return nil
}

// Seed returns the act's seed in lang, or nil.
func (a *Act) Seed(l Lang) *Seed {
	for i := range a.Seeds {
		if a.Seeds[i].Lang == l {
			return &a.Seeds[i]
		}
	}
	return nil
}

// ActNumber is an act's number as printed and transliterated.
type ActNumber struct {
	Native string `yaml:"native"` // e.g. "46/қе"
	Latin  string `yaml:"latin"`  // e.g. "46/ke"
}

// Registration is an act's registration with the Ministry of Justice.
type Registration struct {
	Gap    `yaml:"-"`
	Number string   `yaml:"number,omitempty"`
	Date   DateFact `yaml:"date,omitempty"`
	Cite   Cites    `yaml:"cite,omitempty"`
}

// DateFact is a date, or a gap when the sources do not give it.
type DateFact struct {
	Value string // 2006-01-02, or "" with Gap set
	Gap
}

// Repeal records which act repealed this one and when.
type Repeal struct {
	Gap       `yaml:"-"`
	Act       string   `yaml:"act,omitempty"`
	Effective DateFact `yaml:"effective,omitempty"`
	NotBefore string   `yaml:"not_before,omitempty"`
	Cite      Cites    `yaml:"cite,omitempty"`
}

// InForce records an act's entry-into-force rule and date.
type InForce struct {
	Gap       `yaml:"-"`
	Rule      Texts    `yaml:"rule"`
	Days      int      `yaml:"days,omitempty"`
	Unit      string   `yaml:"unit,omitempty"`
	After     string   `yaml:"after,omitempty"`
	Date      DateFact `yaml:"date,omitempty"`
	NotBefore string   `yaml:"not_before,omitempty"`
	Cite      Cites    `yaml:"cite,omitempty"`
}

// Seed is a file in sources/ holding an act's text in one language.
type Seed struct {
	File     string `yaml:"file"`
	Lang     Lang   `yaml:"lang"`
	Official bool   `yaml:"official"`
	Note     *Texts `yaml:"note,omitempty"`
	// Provenance of a text beyond the original source acts: Authority is
	// official, copy or secondary; "" for the original acts.
	Authority string `yaml:"authority,omitempty"`
	URL       string `yaml:"url,omitempty"`
	CopyOf    string `yaml:"copy_of,omitempty"`
	Publisher *Texts `yaml:"publisher,omitempty"`
	Read      string `yaml:"read,omitempty"`
}

// Publication is an address where the act can be read as published
// (act.schema.json, published).
type Publication struct {
	URL       string `yaml:"url"`
	Lang      Lang   `yaml:"lang"`
	Kind      string `yaml:"kind"` // official, translation or copy
	Publisher Texts  `yaml:"publisher"`
	Note      *Texts `yaml:"note,omitempty"`
}

// Authority is how authoritative an act's text in the sources is: the
// authority of its seeds ("" for the original source acts).
func (a *Act) Authority() string {
	for _, s := range a.Seeds {
		if s.Authority != "" {
			return s.Authority
		}
	}
	return ""
}

// Unit is an entry of an act's outline: a part that citations may name.
type Unit struct {
	At    string        `yaml:"at"`
	Lines map[Lang]Span `yaml:"lines"`
	Title string        `yaml:"title,omitempty"`
	Pos   Pos           `yaml:"-"`
}

// Service is a service as a concept across its editions.
type Service struct {
	File    string  `yaml:"-"`
	Pos     Pos     `yaml:"-"`
	ID      string  `yaml:"id"`
	Order   int     `yaml:"order"`
	Name    Texts   `yaml:"name"`
	Summary Texts   `yaml:"summary"`
	Tasks   []Texts `yaml:"tasks"`
	// Fees are fees an act other than the rules sets from a date.
	Fees []DatedFee `yaml:"fees,omitempty"`

	Editions []*Edition `yaml:"-"` // oldest first
}

// Edition returns the service's edition by year, or nil.
func (s *Service) Edition(year string) *Edition {
	for _, e := range s.Editions {
		if e.Edition == year {
			return e
		}
	}
	return nil
}

// DatedFee is what an application kind costs from a date on, as an act
// other than the service's rules sets it (a tax code's rate).
type DatedFee struct {
	Kind string   `yaml:"kind"`
	From string   `yaml:"from"`
	By   string   `yaml:"by"`
	Due  bool     `yaml:"due"`
	MCI  *float64 `yaml:"mci,omitempty"`
	Note *Texts   `yaml:"note,omitempty"`
	Cite Cites    `yaml:"cite"`
	Pos  Pos      `yaml:"-"`
}

// Fee is the dated fee as an edition's fee.
func (d DatedFee) Fee() Fee {
	due := d.Due
	return Fee{Due: &due, MCI: d.MCI, Note: d.Note, Cite: d.Cite, Pos: d.Pos}
}

// FeeOn returns the dated fee of an application kind in force on day
// (2006-01-02), or nil when no entry applies yet.
func (s *Service) FeeOn(kind, day string) *DatedFee {
	var out *DatedFee
	for i, f := range s.Fees {
		if f.Kind == kind && f.From <= day && (out == nil || f.From > out.From) {
			out = &s.Fees[i]
		}
	}
	return out
}

// FeesAfter returns the dated fees of an application kind that start after
// day: known changes still to come.
func (s *Service) FeesAfter(kind, day string) []DatedFee {
	var out []DatedFee
	for _, f := range s.Fees {
		if f.Kind == kind && f.From > day {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// FeeKinds lists the application kinds that have dated fees, in the order
// of the vocabulary's kinds.
func (s *Service) FeeKinds(v *Vocab) []string {
	has := map[string]bool{}
	for _, f := range s.Fees {
		has[f.Kind] = true
	}
	var out []string
	if v != nil {
		for _, k := range v.Kinds {
			if has[k.ID] {
				out = append(out, k.ID)
			}
		}
	}
	return out
}

// Vocab holds the closed lists rule files refer to by id.
type Vocab struct {
	File           string      `yaml:"-"`
	Applicants     []VocabTerm `yaml:"applicants"`
	Channels       []VocabTerm `yaml:"channels"`
	ServiceForms   []VocabTerm `yaml:"service_forms"`
	ResultForms    []VocabTerm `yaml:"result_forms"`
	Kinds          []VocabTerm `yaml:"kinds"`
	Actors         []VocabTerm `yaml:"actors"`
	PaymentMethods []VocabTerm `yaml:"payment_methods"`
	TermStarts     []VocabTerm `yaml:"term_starts"`
	Topics         []VocabTerm `yaml:"topics"`
	RefusalGroups  []VocabTerm `yaml:"refusal_groups"`
	ActKinds       []VocabTerm `yaml:"act_kinds"`
	Units          []VocabTerm `yaml:"units"`
	Gaps           []VocabTerm `yaml:"gaps"`
	Questions      []Question  `yaml:"questions"`
}

// VocabTerm is a vocabulary entry: an id and its labels.
type VocabTerm struct {
	ID    string `yaml:"id"`
	Texts `yaml:",inline"`
	// What an answer means for the checker, on a question's options only
	// (the schema allows them nowhere else), so that the checker learns it
	// from the checklists rather than from code. IDNumber is the number an
	// applicant who answers this identifies by: "bin" or "iin".
	IDNumber string `yaml:"id_number,omitempty"`
	// ProviderSeesPayment: a fee paid this way reaches the provider's own
	// systems, so no receipt and no amount are asked.
	ProviderSeesPayment bool `yaml:"provider_sees_payment,omitempty"`
	Pos                 Pos  `yaml:"-"`
}

// Question is something the applicant answers that decides what is required.
type Question struct {
	ID    string `yaml:"id"`
	Texts `yaml:",inline"`
	// YesNo marks answers that say nothing without the question ("yes"):
	// a document's condition then names the question with the answer.
	YesNo   bool        `yaml:"yes_no,omitempty"`
	Options []VocabTerm `yaml:"options"`
	Pos     Pos         `yaml:"-"`
}

// Find returns the term with id in list, or nil.
func Find(list []VocabTerm, id string) *VocabTerm {
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

// Lists returns the vocabulary's closed lists by their key in
// rules/vocab.yaml, e.g. "actors" (questions are apart: see Question).
func (v *Vocab) Lists() map[string][]VocabTerm {
	return map[string][]VocabTerm{
		"applicants": v.Applicants, "channels": v.Channels, "service_forms": v.ServiceForms,
		"result_forms": v.ResultForms, "kinds": v.Kinds, "actors": v.Actors,
		"payment_methods": v.PaymentMethods, "term_starts": v.TermStarts, "topics": v.Topics,
		"refusal_groups": v.RefusalGroups, "act_kinds": v.ActKinds, "units": v.Units, "gaps": v.Gaps,
	}
}

// Question returns the question with id, or nil.
func (v *Vocab) Question(id string) *Question {
	for i := range v.Questions {
		if v.Questions[i].ID == id {
			return &v.Questions[i]
		}
	}
	return nil
}

// MCI is the monthly calculation index table.
type MCI struct {
	File   string     `yaml:"-"`
	Values []MCIValue `yaml:"values"`
}

// MCIValue is the index in tenge from a date on.
type MCIValue struct {
	From     string `yaml:"from"`
	KZT      int    `yaml:"kzt"`
	Law      Texts  `yaml:"law"`
	Verified struct {
		Date string `yaml:"date"`
		By   string `yaml:"by"`
		How  string `yaml:"how"`
	} `yaml:"verified"`
	Pos Pos `yaml:"-"`
}

// Goods is the 2008 list of goods classed as special technical means.
type Goods struct {
	File      string      `yaml:"-"`
	Act       string      `yaml:"act"`
	Title     Cited       `yaml:"title"`
	Items     []GoodsItem `yaml:"items"`
	Codes     []GoodsCode `yaml:"codes"`
	CodesCite Cites       `yaml:"codes_cite"`
	Notes     []Cited     `yaml:"notes,omitempty"`
}

// GoodsItem is one row of the goods list.
type GoodsItem struct {
	N        int `yaml:"n"`
	Texts    `yaml:",inline"`
	Includes []Texts `yaml:"includes,omitempty"`
	Cite     Cites   `yaml:"cite"`
	Pos      Pos     `yaml:"-"`
}

// GoodsCode is a customs code printed in the goods list.
type GoodsCode struct {
	Code     string `yaml:"code"`
	Ex       bool   `yaml:"ex"`
	Doubtful *Texts `yaml:"doubtful,omitempty"`
}

// Glossary is the trilingual list of legal terms.
type Glossary struct {
	File  string      `yaml:"-"`
	Terms []GlossTerm `yaml:"terms"`
}

// GlossTerm is one glossary entry.
type GlossTerm struct {
	ID    string `yaml:"id"`
	Texts `yaml:",inline"`
	Abbr  map[Lang]string `yaml:"abbr,omitempty"`
	// Search are other ways readers type the term (short forms, everyday
	// words, misspellings), per language: the site search expands a query
	// holding one into the term's names. Never shown as the term.
	Search map[Lang][]string `yaml:"search,omitempty"`
	Note   *Texts            `yaml:"note,omitempty"`
	Cite   Cites             `yaml:"cite,omitempty"`
	Pos    Pos               `yaml:"-"`
}

// Changes is the log of edits to the rule data, newest first.
type Changes struct {
	File    string   `yaml:"-"`
	Changes []Change `yaml:"changes"`
}

// Change is one dated edit of the rule data.
type Change struct {
	Date  string `yaml:"date"`
	ID    string `yaml:"id"`
	Texts `yaml:",inline"`
	Files []string `yaml:"files"`
	Pos   Pos      `yaml:"-"`
}

// Portals are the web addresses the acts name (the e-government and
// licensing portals, the KNB's site), which the site links
// (rules/tables/portals.yaml): each as the act prints it and as a
// well-formed https URL, with its citation. Nothing fetches them.
type Portals struct {
	File    string   `yaml:"-"`
	Portals []Portal `yaml:"portals"`
}

// Portal is a web address an act names. Written are the forms the acts
// print (www.egov.kz); URL is the address the site links, "https://" and
// one of them. Lint checks both; nothing fetches them.
type Portal struct {
	ID      string   `yaml:"id"`
	URL     string   `yaml:"url"`
	Written []string `yaml:"written"`
	Texts   `yaml:",inline"`
	Cite    Cites `yaml:"cite"`
	Pos     Pos   `yaml:"-"`
}

// PortalAt returns the portal an act's written address names, or nil (also
// when the rule data has no portals file).
func (ps *Portals) PortalAt(written string) *Portal {
	if ps == nil {
		return nil
	}
	for i := range ps.Portals {
		for _, w := range ps.Portals[i].Written {
			if strings.EqualFold(w, written) {
				return &ps.Portals[i]
			}
		}
	}
	return nil
}

// List returns the portals, none without a portals file.
func (ps *Portals) List() []Portal {
	if ps == nil {
		return nil
	}
	return ps.Portals
}
