// Package calc counts the acts' terms in working days of Kazakhstan's
// calendar from plain data: the calendar (holidays, the carry-over rule,
// the days moved by orders) and each application kind's procedure (term,
// receipt rule, steps), with every citation already resolved. It imports
// nothing of the rule data's loader (no YAML, no JSON Schema), so that the
// same code runs in `ruqsat deadline`, in the checker and, compiled to a
// small WebAssembly module, in the site's deadline calculator. Package
// workdays extracts the Data from the rule data.
package calc

import "time"

// Format names the layout of Data; a reader refuses any other.
const Format = "ruqsat-deadlines/1"

// Langs are the languages every text is written in.
var Langs = []string{"ru", "kk", "en"}

// Texts is a text in each language, by language code.
type Texts map[string]string

// Data is everything a deadline is computed from.
type Data struct {
	Format   string       `json:"format"`
	Calendar CalendarData `json:"calendar"`
	Services []Service    `json:"services"`
	// Gaps are the words of the vocabulary's gaps (why a fact is not
	// known), by id.
	Gaps map[string]Texts `json:"gaps,omitempty"`
}

// CalendarData is the working-day calendar with its citations.
type CalendarData struct {
	Weekend      []string      `json:"weekend"` // weekday names, e.g. saturday
	WeekendCites []Citation    `json:"weekend_cites"`
	Holidays     []HolidayData `json:"holidays"`
	CarryOver    CarryOver     `json:"carry_over"`
	Transfers    []Citation    `json:"transfers"`
	Counting     Counting      `json:"counting"`
	RuleYears    [2]int        `json:"rule_years"` // from, to
	Years        []YearData    `json:"years"`
}

// HolidayData is a public holiday on fixed month-days, or floating.
type HolidayData struct {
	ID       string     `json:"id"`
	Name     Texts      `json:"name"`
	Dates    []string   `json:"dates,omitempty"` // "03-21"
	Floating bool       `json:"floating,omitempty"`
	Cites    []Citation `json:"cites"`
}

// CarryOver is the Labour Code's carry-over rule and the holidays it
// excepts.
type CarryOver struct {
	Except []string   `json:"except,omitempty"`
	Cites  []Citation `json:"cites"`
}

// YearData is one year of the calendar.
type YearData struct {
	Year     int        `json:"year"`
	Status   string     `json:"status"` // published, not-found, not-recorded
	Cites    []Citation `json:"cites,omitempty"`
	Floating []Floating `json:"floating,omitempty"`
	Moved    []Moved    `json:"moved,omitempty"`
}

// Floating is a floating holiday's date in a year; Date is "" when not
// known.
type Floating struct {
	Holiday     string     `json:"holiday"`
	Date        string     `json:"date,omitempty"`
	Provisional bool       `json:"provisional,omitempty"`
	Cites       []Citation `json:"cites,omitempty"`
}

// Moved is a day off moved by an order: From becomes a working day, To a
// day off.
type Moved struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Cites []Citation `json:"cites"`
}

// Service is a service and its editions.
type Service struct {
	ID       string    `json:"id"`
	Name     Texts     `json:"name"`
	Editions []Edition `json:"editions"`
}

// Edition is an edition of a service: its act, application kinds and
// renewal window.
type Edition struct {
	Edition string `json:"edition"`
	Act     string `json:"act"`
	ActName Texts  `json:"act_name,omitempty"`
	// KindsKnown is false when the sources do not give the edition's
	// application kinds.
	KindsKnown bool        `json:"kinds_known"`
	Kinds      []Procedure `json:"kinds"`
	// Window is the time to apply for renewal after a change, nil when the
	// edition's data does not give it.
	Window *Window `json:"window,omitempty"`
}

// Procedure is how one application kind is decided.
type Procedure struct {
	Kind     string   `json:"kind"`
	KindName Texts    `json:"kind_name"`
	Term     TermData `json:"term"`
	// Receipt is the rule for filings after hours or on days off, nil when
	// the edition's rules do not state one.
	Receipt *Receipt `json:"receipt,omitempty"`
	// Steps are nil when the sources do not give them.
	Steps []StepData `json:"steps"`
}

// TermData is a kind's term; Gap is the reason it is not known ("n/a"
// when it does not apply).
type TermData struct {
	Gap   string     `json:"gap,omitempty"`
	Days  *int       `json:"days,omitempty"`
	Unit  string     `json:"unit,omitempty"`
	From  string     `json:"from,omitempty"`
	Max   bool       `json:"max,omitempty"`
	Start Texts      `json:"start,omitempty"`
	Cites []Citation `json:"cites,omitempty"`
}

// Receipt says an application filed after Close (hh:mm) or on a day off
// is received on the next working day.
type Receipt struct {
	Close string     `json:"close"`
	Cites []Citation `json:"cites"`
}

// StepData is a step of the procedure.
type StepData struct {
	Actor     string     `json:"actor"`
	ActorName Texts      `json:"actor_name"`
	Text      Texts      `json:"text"`
	Days      *int       `json:"days,omitempty"`
	Unit      string     `json:"unit,omitempty"`
	Counts    string     `json:"counts,omitempty"`
	Optional  bool       `json:"optional,omitempty"`
	Cites     []Citation `json:"cites"`
}

// Window is the term to apply for renewal after a change.
type Window struct {
	Days  int        `json:"days"`
	Unit  string     `json:"unit"` // calendar or working
	From  string     `json:"from"` // e.g. change
	Start Texts      `json:"start,omitempty"`
	Note  Texts      `json:"note,omitempty"`
	Cites []Citation `json:"cites"`
}

// Citation says where a date or a rule comes from: an act and its unit,
// with how far it can be trusted.
type Citation struct {
	// Act is the act's id: an act of rules/acts/ (its text is in sources/)
	// or one of the calendar's acts (named, not in sources/); "" for
	// this project's own reading.
	Act   string `json:"act,omitempty"`
	Title Texts  `json:"title,omitempty"` // the act's short name
	// At is the unit of an act in sources/, e.g. app1/app1/p7, Label the
	// unit in words («прил. 1, п. 7») and URL, per reader's language, the
	// unit's words in the act's text (rules.Act.CitePath); Lines the seed
	// lines. Article is the article and item of a calendar act in words,
	// empty when not recorded.
	At      string `json:"at,omitempty"`
	Label   Texts  `json:"label,omitempty"`
	URL     Texts  `json:"url,omitempty"`
	Lines   string `json:"lines,omitempty"`
	Article Texts  `json:"article,omitempty"`
	// Authority is "sources" (the act's text in sources/), "official"
	// (the act as officially published), "secondary" (a report quoting
	// the act, not its own text) or "ours" (this project's reading).
	Authority string   `json:"authority"`
	Pages     []string `json:"pages,omitempty"` // addresses the fact was read from
	// NotRecorded is true when the article of a calendar act is not known.
	NotRecorded bool  `json:"article_not_recorded,omitempty"`
	Note        Texts `json:"note,omitempty"`
}

// Service returns the service with id, or nil.
func (d *Data) Service(id string) *Service {
	for i := range d.Services {
		if d.Services[i].ID == id {
			return &d.Services[i]
		}
	}
	return nil
}

// Edition returns the edition of year, or nil.
func (s *Service) Edition(year string) *Edition {
	for i := range s.Editions {
		if s.Editions[i].Edition == year {
			return &s.Editions[i]
		}
	}
	return nil
}

// Kind returns the procedure of kind, or nil.
func (e *Edition) Kind(kind string) *Procedure {
	for i := range e.Kinds {
		if e.Kinds[i].Kind == kind {
			return &e.Kinds[i]
		}
	}
	return nil
}

// Date returns the date y-m-d at midnight UTC, the form every date of this
// package takes.
func Date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ParseDate reads a date written 2006-01-02.
func ParseDate(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

// dateOf drops t's time of day and zone: the calendar date as written.
func dateOf(t time.Time) time.Time { return Date(t.Year(), t.Month(), t.Day()) }

// File is the name of the generated Data beside the checklists
// (schemas/checklists/deadlines.json), which the checker and the site read.
const File = "deadlines.json"
