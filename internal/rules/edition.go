package rules

// Edition is what one act says about one service.
type Edition struct {
	File string `yaml:"-"`
	Pos  Pos    `yaml:"-"`

	Service     string                    `yaml:"service"`
	Edition     string                    `yaml:"edition"`
	Act         string                    `yaml:"act"`
	Part        string                    `yaml:"part"`
	Follows     []Lineage                 `yaml:"follows,omitempty"`
	Name        TextFact                  `yaml:"name"`
	Provider    TextFact                  `yaml:"provider"`
	LegalBasis  List[Cited]               `yaml:"legal_basis"`
	Applicants  IDs                       `yaml:"applicants"`
	Channels    IDs                       `yaml:"channels"`
	ServiceForm IDFact                    `yaml:"service_form"`
	Result      TextFact                  `yaml:"result"`
	ResultForm  IDs                       `yaml:"result_form"`
	Asks        []string                  `yaml:"asks,omitempty"`
	Subspecies  List[Subspecies]          `yaml:"subspecies"`
	Kinds       List[Kind]                `yaml:"kinds"`
	Payment     IDs                       `yaml:"payment"`
	Renewal     Renewal                   `yaml:"renewal"`
	Refusals    List[Refusal]             `yaml:"refusal_grounds"`
	Appeals     List[Appeal]              `yaml:"appeals"`
	Qualify     Qualification             `yaml:"qualification"`
	Contacts    Contacts                  `yaml:"contacts"`
	Forms       List[Form]                `yaml:"forms"`
	Provisions  []Provision               `yaml:"provisions,omitempty"`
	Conflicts   []Conflict                `yaml:"conflicts,omitempty"`
	Notes       []Cited                   `yaml:"notes,omitempty"`
	Reviewed    struct{ Date, By string } `yaml:"reviewed"`
}

// Key returns "service/edition", e.g. "sts-license/2023".
func (e *Edition) Key() string { return e.Service + "/" + e.Edition }

// Kind returns the application kind id, or nil.
func (e *Edition) Kind(id string) *Kind {
	for i := range e.Kinds.Items {
		if e.Kinds.Items[i].ID == id {
			return &e.Kinds.Items[i]
		}
	}
	return nil
}

// Form returns the form id, or nil.
func (e *Edition) Form(id string) *Form {
	for i := range e.Forms.Items {
		if e.Forms.Items[i].ID == id {
			return &e.Forms.Items[i]
		}
	}
	return nil
}

// Lineage links an edition to one it continues, replaces or came from.
type Lineage struct {
	Service string `yaml:"service"`
	Edition string `yaml:"edition"`
	Change  string `yaml:"change"`
	Note    Texts  `yaml:"note"`
	Pos     Pos    `yaml:"-"`
}

// TextFact is a cited text, or a gap.
type TextFact struct {
	Cited `yaml:",inline"`
	Gap   `yaml:"-"`
}

// IDs is a cited list of vocabulary ids, or a gap.
type IDs struct {
	Value []string `yaml:"value,omitempty"`
	Note  *Texts   `yaml:"note,omitempty"`
	Cite  Cites    `yaml:"cite,omitempty"`
	Gap   `yaml:"-"`
	Pos   Pos `yaml:"-"`
}

// IDFact is one cited vocabulary id, or a gap.
type IDFact struct {
	Value string `yaml:"value,omitempty"`
	Cite  Cites  `yaml:"cite,omitempty"`
	Gap   `yaml:"-"`
	Pos   Pos `yaml:"-"`
}

// Subspecies is an activity subspecies the act names.
type Subspecies struct {
	ID    string `yaml:"id"`
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite"`
	Pos   Pos   `yaml:"-"`
}

// Kind is an application kind with its term, steps, fee and documents.
type Kind struct {
	ID            string         `yaml:"id"`
	Term          Term           `yaml:"term"`
	Steps         List[Step]     `yaml:"steps"`
	Fee           Fee            `yaml:"fee"`
	Documents     List[Document] `yaml:"documents"`
	DocumentsRest *Rest          `yaml:"documents_rest,omitempty"`
	// Channels, where set, are the ways this kind may be filed when the act
	// gives it fewer than the edition's (e.g. a 2013 duplicate: paper only).
	Channels *IDs  `yaml:"channels,omitempty"`
	Cite     Cites `yaml:"cite"`
	Pos      Pos   `yaml:"-"`
}

// ChannelAnswers are the filing channels (vocab channels) each answer of
// the channel question (vocab questions) stands for.
var ChannelAnswers = map[string][]string{"portal": {"portal"}, "paper": {"in-person", "post"}}

// AnswersChannel reports whether answer id of the channel question stands
// for one of the channels ch: true where ch is unknown or empty, or the
// answer is not one ChannelAnswers knows.
func AnswersChannel(id string, ch IDs) bool {
	if !ch.Known() || len(ch.Value) == 0 || ChannelAnswers[id] == nil {
		return true
	}
	for _, c := range ChannelAnswers[id] {
		for _, v := range ch.Value {
			if v == c {
				return true
			}
		}
	}
	return false
}

// KindChannels returns the ways kind k may be filed: its own channels
// where it has them, else the edition's.
func (e *Edition) KindChannels(k *Kind) IDs {
	if k != nil && k.Channels != nil {
		return *k.Channels
	}
	return e.Channels
}

// Document returns the document id, or nil.
func (k *Kind) Document(id string) *Document {
	for i := range k.Documents.Items {
		if k.Documents.Items[i].ID == id {
			return &k.Documents.Items[i]
		}
	}
	return nil
}

// Term is a time limit, or a gap.
type Term struct {
	Days    *int   `yaml:"days,omitempty"`
	Minutes int    `yaml:"minutes,omitempty"`
	Unit    string `yaml:"unit,omitempty"` // working or calendar
	From    string `yaml:"from,omitempty"` // an id of Vocab.TermStarts
	Max     bool   `yaml:"max,omitempty"`  // "no later than"
	Note    *Texts `yaml:"note,omitempty"`
	Cite    Cites  `yaml:"cite,omitempty"`
	Gap     `yaml:"-"`
	Pos     Pos `yaml:"-"`
}

// Step is one step of the procedure.
type Step struct {
	Actor    string `yaml:"actor"`
	Texts    `yaml:",inline"`
	Days     *int   `yaml:"days,omitempty"`
	Unit     string `yaml:"unit,omitempty"`
	Counts   string `yaml:"counts,omitempty"` // yes, no, within (inside the term, adds nothing), unstated
	Optional bool   `yaml:"optional,omitempty"`
	Cite     Cites  `yaml:"cite"`
	Pos      Pos    `yaml:"-"`
}

// Fee is what an application kind costs, or a gap.
type Fee struct {
	Due  *bool    `yaml:"due,omitempty"`
	MCI  *float64 `yaml:"mci,omitempty"`
	Note *Texts   `yaml:"note,omitempty"`
	Cite Cites    `yaml:"cite,omitempty"`
	Gap  `yaml:"-"`
	Pos  Pos `yaml:"-"`
}

// Free reports whether the act says no fee is due.
func (f Fee) Free() bool { return f.Due != nil && !*f.Due }

// Document is one item of a document list.
type Document struct {
	ID        string `yaml:"id"`
	Texts     `yaml:",inline"`
	When      map[string][]string `yaml:"when,omitempty"`
	Medium    string              `yaml:"medium"` // electronic, scan, paper, data, carrier
	Signed    bool                `yaml:"signed,omitempty"`
	Certified string              `yaml:"certified,omitempty"`
	Copies    int                 `yaml:"copies,omitempty"`
	Form      string              `yaml:"form,omitempty"`
	IfAny     bool                `yaml:"if_any,omitempty"`
	Fetched   bool                `yaml:"fetched,omitempty"`
	Cite      Cites               `yaml:"cite"`
	Pos       Pos                 `yaml:"-"`
}

// Renewal holds when a licence must be renewed, or a gap.
type Renewal struct {
	Triggers List[Trigger] `yaml:"triggers,omitempty"`
	Window   Term          `yaml:"window,omitempty"`
	Gap      `yaml:"-"`
	Pos      Pos `yaml:"-"`
}

// Trigger is a case the act lists as calling for a renewal. The list is
// closed: its ids are what a package manifest's change.reason may name,
// and the checker refuses a renewal for any other reason.
type Trigger struct {
	ID string `yaml:"id"`
	// Applicants are the licensees the case concerns where the act names
	// them (applicant ids of rules/vocab.yaml); empty: any.
	Applicants []string `yaml:"applicants,omitempty"`
	Cited      `yaml:",inline"`
}

// Refusal is a ground for refusing the service.
type Refusal struct {
	Group string `yaml:"group"`
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite"`
	Pos   Pos   `yaml:"-"`
}

// Appeal is one instance a decision can be appealed to.
type Appeal struct {
	Texts `yaml:",inline"`
	Days  int    `yaml:"days,omitempty"`
	Unit  string `yaml:"unit,omitempty"`
	Cite  Cites  `yaml:"cite"`
	Pos   Pos    `yaml:"-"`
}

// Qualification holds the qualification checks, or a gap.
type Qualification struct {
	Basis      *Cited      `yaml:"basis,omitempty"`
	Checks     []Cited     `yaml:"checks,omitempty"`
	Test       *QualTest   `yaml:"test,omitempty"`
	Experience *Experience `yaml:"experience_years,omitempty"`
	Gap        `yaml:"-"`
	Pos        Pos `yaml:"-"`
}

// QualTest is the qualification test, or a gap.
type QualTest struct {
	Written     bool `yaml:"written,omitempty"`
	PassPercent int  `yaml:"pass_percent,omitempty"`
	Minutes     int  `yaml:"minutes,omitempty"`
	Texts       `yaml:",inline"`
	Cite        Cites `yaml:"cite,omitempty"`
	Gap         `yaml:"-"`
	Pos         Pos `yaml:"-"`
}

// Experience is the minimum work experience of specialists, or a gap.
type Experience struct {
	Min   int `yaml:"min,omitempty"`
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite,omitempty"`
	Gap   `yaml:"-"`
	Pos   Pos `yaml:"-"`
}

// Contacts holds hours, phones, offices and web addresses, or a gap.
type Contacts struct {
	Hours   []Hours  `yaml:"hours,omitempty"`
	Phones  []Phone  `yaml:"phones,omitempty"`
	Offices []Office `yaml:"offices,omitempty"`
	Web     []Web    `yaml:"web,omitempty"`
	Gap     `yaml:"-"`
	Pos     Pos `yaml:"-"`
}

// Hours are someone's working hours.
type Hours struct {
	Who   string   `yaml:"who"`
	Days  string   `yaml:"days"`
	Open  string   `yaml:"open,omitempty"`
	Close string   `yaml:"close,omitempty"`
	Break []string `yaml:"break,omitempty"`
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite"`
	Pos   Pos   `yaml:"-"`
}

// Phone is a phone number and what it is for.
type Phone struct {
	Number string `yaml:"number"`
	Texts  `yaml:",inline"`
	Cite   Cites `yaml:"cite"`
	Pos    Pos   `yaml:"-"`
}

// Office is a reception office.
type Office struct {
	Name    Texts    `yaml:"name"`
	Address Texts    `yaml:"address"`
	Phones  []string `yaml:"phones,omitempty"`
	Cite    Cites    `yaml:"cite"`
	Pos     Pos      `yaml:"-"`
}

// Web is a web address the act names.
type Web struct {
	URL   string `yaml:"url"`
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite"`
	Pos   Pos   `yaml:"-"`
}

// Form is a form the act sets out.
type Form struct {
	ID         string  `yaml:"id"`
	Name       Texts   `yaml:"name"`
	Fields     []Cited `yaml:"fields,omitempty"`
	FieldsRest *Rest   `yaml:"fields_rest,omitempty"`
	Cite       Cites   `yaml:"cite"`
	Pos        Pos     `yaml:"-"`
}

// Provision is another rule of the edition worth knowing.
type Provision struct {
	Topic string `yaml:"topic"`
	Texts `yaml:",inline"`
	Cite  Cites `yaml:"cite"`
	Pos   Pos   `yaml:"-"`
}

// Conflict records two readings that disagree and the one followed.
type Conflict struct {
	ID       string             `yaml:"id"`
	Fact     string             `yaml:"fact"`
	Summary  Texts              `yaml:"summary"`
	Readings map[string]Reading `yaml:"readings"`
	Followed string             `yaml:"followed"`
	Reason   Texts              `yaml:"reason"`
	Pos      Pos                `yaml:"-"`
}

// Reading is one side of a conflict, quoted briefly.
type Reading struct {
	Quote string `yaml:"quote"`
	Cite  Cites  `yaml:"cite"`
}

// TriggerTexts returns the triggers' texts and citations.
func TriggerTexts(ts []Trigger) []Cited {
	out := make([]Cited, len(ts))
	for i, t := range ts {
		out[i] = t.Cited
	}
	return out
}
