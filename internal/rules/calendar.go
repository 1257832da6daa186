package rules

import "go.yaml.in/yaml/v3"

// Calendar is Kazakhstan's working-day calendar (rules/tables/calendar.yaml):
// the public holidays that are days off, the Labour Code's carry-over rule,
// and per year the days moved by orders. Its acts are not in sources/:
// every fact names the act and the pages it was read from, and how far
// they can be trusted (Source.Authority). Package workdays computes with
// it; lint checks it (internal/lint/calendar.go).
type Calendar struct {
	File      string         `yaml:"-"`
	Acts      []CalendarAct  `yaml:"acts"`
	Pages     []CalendarPage `yaml:"pages"`
	Weekend   Weekend        `yaml:"weekend"`
	Holidays  []Holiday      `yaml:"holidays"`
	CarryOver CarryOver      `yaml:"carry_over"`
	Transfers CalendarRule   `yaml:"transfers"`
	Counting  Counting       `yaml:"counting"`
	Receipt   []ReceiptRule  `yaml:"receipt"`
	RuleYears RuleYears      `yaml:"rule_years"`
	Years     []CalendarYear `yaml:"years"`
}

// CalendarAct is an act the calendar rests on (a law, the Labour Code, an
// order moving days off); none of them is in sources/.
type CalendarAct struct {
	ID    string `yaml:"id"`
	Title Texts  `yaml:"title"`
	Note  *Texts `yaml:"note,omitempty"`
	Pos   Pos    `yaml:"-"`
}

// CalendarPage is a page a calendar fact was read from, e.g. a news report
// quoting the official calendar.
type CalendarPage struct {
	ID      string `yaml:"id"`
	Address string `yaml:"address"` // e.g. "https://www.inform.kz/ru/…"
	About   string `yaml:"about"`
	Pos     Pos    `yaml:"-"`
}

// Source says where a calendar fact comes from. Authority is "official"
// (read in the act as officially published), "secondary" (a report that
// quotes the act, never the act's own text) or "ours" (this project's
// reading, with no source).
type Source struct {
	Act       string    `yaml:"act,omitempty"` // an id of Calendar.Acts
	At        TextOrGap `yaml:"at,omitempty"`  // the act's article and item, or unknown
	Authority string    `yaml:"authority"`
	Pages     []string  `yaml:"pages,omitempty"` // ids of Calendar.Pages
	Note      *Texts    `yaml:"note,omitempty"`
	Pos       Pos       `yaml:"-"`
}

// TextOrGap is a text in three languages, or a gap ({unknown: not-recorded}).
type TextOrGap struct {
	Texts
	Unknown string
}

// UnmarshalYAML reads a text, or {unknown: …}.
func (t *TextOrGap) UnmarshalYAML(n *yaml.Node) error {
	if isGap(n) {
		var g struct {
			Unknown string `yaml:"unknown"`
		}
		if err := n.Decode(&g); err != nil {
			return err
		}
		t.Unknown = g.Unknown
		return nil
	}
	return n.Decode(&t.Texts)
}

// Weekend names the weekly days off.
type Weekend struct {
	Days   []string `yaml:"days"` // e.g. [saturday, sunday]
	Texts  `yaml:",inline"`
	Source Source `yaml:"source"`
}

// Holiday is a public holiday that is a day off: on fixed dates ("03-21",
// month-day) every year, or floating (its date is given per year).
type Holiday struct {
	ID       string   `yaml:"id"`
	Dates    []string `yaml:"dates,omitempty"`
	Floating bool     `yaml:"floating,omitempty"`
	Texts    `yaml:",inline"`
	Source   Source `yaml:"source"`
	Pos      Pos    `yaml:"-"`
}

// CalendarRule is a rule of the calendar in words, with its source.
type CalendarRule struct {
	Texts  `yaml:",inline"`
	Source Source `yaml:"source"`
}

// CarryOver is the Labour Code's rule: a holiday on a weekly day off moves
// the day off to the next working day, except for the holidays listed.
type CarryOver struct {
	Texts  `yaml:",inline"`
	Except []string `yaml:"except,omitempty"` // holiday ids
	Source Source   `yaml:"source"`
}

// Counting says which day is the first of a term in days: "next", the day
// after the event, or "same", the event's own day.
type Counting struct {
	FirstDay string `yaml:"first_day"`
	Texts    `yaml:",inline"`
	Source   Source `yaml:"source"`
}

// ReceiptRule is what an edition's rules say about applications filed
// through the portal after working hours or on days off: they count as
// received on the next working day. Hours names the actor of the
// edition's contacts.hours whose closing time ends the working day.
type ReceiptRule struct {
	Editions []string `yaml:"editions"` // "service/edition", e.g. sts-license/2023
	Hours    string   `yaml:"hours"`    // e.g. provider
	Texts    `yaml:",inline"`
	Cite     Cites `yaml:"cite"`
	Pos      Pos   `yaml:"-"`
}

// RuleYears are the years the calendar can be computed for by rule (the
// law's holidays and the carry-over rule) when no official calendar is
// recorded: from From to To, both included.
type RuleYears struct {
	From  int `yaml:"from"`
	To    int `yaml:"to"`
	Texts `yaml:",inline"`
}

// CalendarYear is one year: whether its official calendar is recorded
// (Status "published") or not ("not-found", "not-recorded"), the date of
// the floating holidays, the days carried over as published, the days
// moved by orders, and the published number of working days.
type CalendarYear struct {
	Year        int            `yaml:"year"`
	Status      string         `yaml:"status"`
	Source      *Source        `yaml:"source,omitempty"`
	Floating    []FloatingDate `yaml:"floating,omitempty"`
	Carried     []CarriedDay   `yaml:"carried,omitempty"`
	Moved       []MovedDay     `yaml:"moved,omitempty"`
	WorkingDays *DayCount      `yaml:"working_days,omitempty"`
	Note        *Texts         `yaml:"note,omitempty"`
	Pos         Pos            `yaml:"-"`
}

// FloatingDate is the date of a floating holiday in one year, or a gap.
type FloatingDate struct {
	Holiday     string  `yaml:"holiday"`
	Date        string  `yaml:"date,omitempty"`
	Unknown     string  `yaml:"unknown,omitempty"`
	Provisional bool    `yaml:"provisional,omitempty"`
	Source      *Source `yaml:"source,omitempty"`
	Note        *Texts  `yaml:"note,omitempty"`
	Pos         Pos     `yaml:"-"`
}

// CarriedDay is a day off carried over from a holiday on a weekly day off,
// as the year's official calendar shows it.
type CarriedDay struct {
	Holiday string `yaml:"holiday"`
	From    string `yaml:"from"`
	To      string `yaml:"to"`
	Pos     Pos    `yaml:"-"`
}

// MovedDay is a day off moved by an order: From (a weekly day off) becomes
// a working day, To (a working day) becomes a day off.
type MovedDay struct {
	From   string `yaml:"from"`
	To     string `yaml:"to"`
	Texts  `yaml:",inline"`
	Source Source `yaml:"source"`
	Pos    Pos    `yaml:"-"`
}

// DayCount is a published number of working days in a year.
type DayCount struct {
	Count  int    `yaml:"count"`
	Source Source `yaml:"source"`
	Note   *Texts `yaml:"note,omitempty"`
	Pos    Pos    `yaml:"-"`
}

// Holiday returns the holiday with id, or nil.
func (c *Calendar) Holiday(id string) *Holiday {
	for i := range c.Holidays {
		if c.Holidays[i].ID == id {
			return &c.Holidays[i]
		}
	}
	return nil
}

// Act returns the calendar's act with id, or nil.
func (c *Calendar) Act(id string) *CalendarAct {
	for i := range c.Acts {
		if c.Acts[i].ID == id {
			return &c.Acts[i]
		}
	}
	return nil
}

// Page returns the page with id, or nil.
func (c *Calendar) Page(id string) *CalendarPage {
	for i := range c.Pages {
		if c.Pages[i].ID == id {
			return &c.Pages[i]
		}
	}
	return nil
}

// Year returns the entry of year y, or nil.
func (c *Calendar) Year(y int) *CalendarYear {
	for i := range c.Years {
		if c.Years[i].Year == y {
			return &c.Years[i]
		}
	}
	return nil
}
