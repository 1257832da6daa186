package calc

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Request asks for the deadline of one application.
type Request struct {
	Service string
	// Edition is the edition's year; "" for the newest edition whose
	// application kinds are in the sources.
	Edition string
	Kind    string
	// Filed is the wall-clock time of filing in Kazakhstan, as written;
	// its zone is ignored.
	Filed time.Time
	// NoTime is true when only the date of filing is known.
	NoTime bool
}

// Result is an application's deadline: when it counts as received, the
// decision due date, each step's date, the calendar facts the period
// crosses and what a person should know. Every date carries the
// citations it comes from; every text is in the three languages.
type Result struct {
	Service     string        `json:"service"`
	ServiceName Texts         `json:"service_name"`
	Edition     string        `json:"edition"`
	Act         string        `json:"act"`
	ActName     Texts         `json:"act_name,omitempty"`
	Kind        string        `json:"kind"`
	KindName    Texts         `json:"kind_name"`
	Filed       string        `json:"filed"` // 2006-01-02T15:04, or 2006-01-02 without a time
	Received    Dated         `json:"received"`
	Term        *Term         `json:"term,omitempty"`
	Counting    Counting      `json:"counting"`
	Due         *Dated        `json:"due"`
	Steps       []Step        `json:"steps"`
	Calendar    []CalendarDay `json:"calendar"`
	// Confirmed is true when every year the period touches has its
	// official calendar recorded.
	Confirmed bool      `json:"confirmed"`
	Warnings  []Warning `json:"warnings"`
}

// Dated is a date with why it is that date and where that comes from.
type Dated struct {
	Date    string     `json:"date"` // 2006-01-02
	Weekday Texts      `json:"weekday"`
	Why     Texts      `json:"why,omitempty"`
	Cites   []Citation `json:"cites"`
}

// Term is an application kind's term as the rule data gives it.
type Term struct {
	Days  int        `json:"days"`
	Unit  string     `json:"unit"` // working or calendar
	From  string     `json:"from"` // a term start of rules/vocab.yaml, e.g. registration
	Max   bool       `json:"max"`  // "no later than"
	Start Texts      `json:"start"`
	Cites []Citation `json:"cites"`
}

// Counting is which day a term's first day is, and where that comes from.
type Counting struct {
	FirstDay string     `json:"first_day"` // next or same
	Text     Texts      `json:"text"`
	Cites    []Citation `json:"cites"`
}

// Step is a step of the procedure; Date is "" when it cannot be computed
// (Note says why).
type Step struct {
	N         int        `json:"n"`
	Actor     string     `json:"actor"`
	ActorName Texts      `json:"actor_name"`
	Text      Texts      `json:"text"`
	Days      *int       `json:"days,omitempty"`
	Unit      string     `json:"unit,omitempty"`
	Optional  bool       `json:"optional,omitempty"`
	Date      string     `json:"date,omitempty"`
	Weekday   Texts      `json:"weekday,omitempty"`
	Note      Texts      `json:"note,omitempty"`
	Cites     []Citation `json:"cites"`
}

// CalendarDay is a day of the period that is not an ordinary working day
// or weekly day off: a holiday, a carried or moved day.
type CalendarDay struct {
	Date      string     `json:"date"`
	Weekday   Texts      `json:"weekday"`
	Kind      Kind       `json:"kind"`
	Working   bool       `json:"working"`
	What      Texts      `json:"what"`
	Confirmed bool       `json:"confirmed"`
	Cites     []Citation `json:"cites"`
}

// Warning is something a person should know about the result.
type Warning struct {
	Code    string `json:"code"`
	Message Texts  `json:"message"`
}

// Deadline computes req from the data d and the calendar c. It returns an
// *Error when the service, edition or kind is unknown or a date lies
// outside the calendar. A kind whose term the sources do not give gets a
// result without Due and a warning saying why.
func Deadline(data *Data, c *Calendar, req Request) (*Result, error) {
	if c == nil {
		return nil, &Error{Code: "no-calendar"}
	}
	sv := data.Service(req.Service)
	if sv == nil {
		ids := make([]string, len(data.Services))
		for i, x := range data.Services {
			ids[i] = x.ID
		}
		return nil, &Error{Code: "unknown-service", Args: []string{req.Service, strings.Join(ids, ", ")}}
	}
	e, err := pickEdition(sv, req.Edition)
	if err != nil {
		return nil, err
	}
	k := e.Kind(req.Kind)
	if k == nil {
		ids := make([]string, len(e.Kinds))
		for i, x := range e.Kinds {
			ids[i] = x.Kind
		}
		return nil, &Error{Code: "unknown-kind", Args: []string{sv.ID, e.Edition, req.Kind, strings.Join(ids, ", ")}}
	}
	d := &deadline{data: data, c: c, sv: sv, e: e, k: k, req: req, filed: dateOf(req.Filed)}
	res, err := d.compute()
	return res, rangeError(err)
}

// rangeError turns a RangeError into the Error people read.
func rangeError(err error) error {
	var re *RangeError
	if errors.As(err, &re) {
		return &Error{Code: "out-of-range", Args: []string{strconv.Itoa(re.Year), strconv.Itoa(re.From), strconv.Itoa(re.To)}}
	}
	return err
}

// pickEdition returns the edition asked for, or the newest one whose
// application kinds are in the sources.
func pickEdition(sv *Service, year string) (*Edition, error) {
	if year != "" {
		e := sv.Edition(year)
		if e == nil {
			ys := make([]string, len(sv.Editions))
			for i, x := range sv.Editions {
				ys[i] = x.Edition
			}
			return nil, &Error{Code: "unknown-edition", Args: []string{sv.ID, year, strings.Join(ys, ", ")}}
		}
		if !e.KindsKnown || len(e.Kinds) == 0 {
			return nil, &Error{Code: "edition-no-kinds", Args: []string{sv.ID, year}}
		}
		return e, nil
	}
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		if e := &sv.Editions[i]; e.KindsKnown && len(e.Kinds) > 0 {
			return e, nil
		}
	}
	return nil, &Error{Code: "no-kinds", Args: []string{sv.ID}}
}

// deadline is one computation.
type deadline struct {
	data  *Data
	c     *Calendar
	sv    *Service
	e     *Edition
	k     *Procedure
	req   Request
	filed time.Time
	res   *Result
	last  time.Time // the latest date computed: the period's end
}

func (d *deadline) warn(code string, args ...string) {
	addWarning(d.res, Warning{Code: code, Message: all(code, args...)})
}

// addWarning adds w unless the same warning is there already.
func addWarning(r *Result, w Warning) {
	for _, x := range r.Warnings {
		if x.Code == w.Code && x.Message["en"] == w.Message["en"] {
			return
		}
	}
	r.Warnings = append(r.Warnings, w)
}

func (d *deadline) compute() (*Result, error) {
	e, k := d.e, d.k
	d.res = &Result{
		Service: d.sv.ID, ServiceName: d.sv.Name, Edition: e.Edition, Act: e.Act, ActName: e.ActName,
		Kind: k.Kind, KindName: k.KindName,
		Steps: []Step{}, Calendar: []CalendarDay{}, Warnings: []Warning{},
	}
	r := d.res
	r.Filed = d.req.Filed.Format("2006-01-02T15:04")
	if d.req.NoTime {
		r.Filed = d.filed.Format("2006-01-02")
	}

	received, err := d.receive()
	if err != nil {
		return nil, err
	}
	d.last = received

	cal := d.c.data
	r.Counting = cal.Counting
	if err := d.due(received); err != nil {
		return nil, err
	}
	if err := d.steps(received); err != nil {
		return nil, err
	}

	// The calendar facts from filing to the last date, and the years'
	// warnings.
	days, err := d.c.Special(d.filed, d.last)
	if err != nil {
		return nil, err
	}
	for _, day := range days {
		r.Calendar = append(r.Calendar, CalendarDay{
			Date: iso(day.Date), Weekday: weekday(day.Date), Kind: day.Kind, Working: day.Working,
			What: what(d.c, day), Confirmed: day.Confirmed, Cites: day.Cites,
		})
	}
	r.Confirmed = yearWarnings(d.c, r, d.filed, d.last)
	return r, nil
}

// yearWarnings warns of the years from first to last whose calendar is
// not confirmed, of floating holidays not dated and of provisional dates
// near the period; it reports whether every year is confirmed.
func yearWarnings(c *Calendar, r *Result, first, last time.Time) bool {
	confirmed := true
	for n := first.Year(); n <= last.Year(); n++ {
		info, err := c.Year(n)
		if err != nil {
			continue
		}
		if !info.Confirmed {
			confirmed = false
			addWarning(r, Warning{Code: "year-unconfirmed", Message: all("year-unconfirmed", strconv.Itoa(n))})
		}
		for _, h := range info.Unknown {
			warnHoliday(c, r, "floating-unknown", strconv.Itoa(n), h)
		}
		for _, p := range info.Provisional {
			if !p.Before(first.AddDate(0, 0, -1)) && !p.After(last.AddDate(0, 0, 1)) {
				day, _ := c.Day(p)
				warnHoliday(c, r, "floating-provisional", iso(p), day.Holiday)
			}
		}
	}
	return confirmed
}

// warnHoliday warns with a holiday's name in each language as the second
// argument.
func warnHoliday(c *Calendar, r *Result, code, arg, holiday string) {
	msg := Texts{}
	for _, l := range Langs {
		msg[l] = Message(code, l, arg, c.HolidayName(holiday, l))
	}
	addWarning(r, Warning{Code: code, Message: msg})
}

// receive finds the day the application counts as received: by the
// procedure's receipt rule when there is one, else the filing date.
func (d *deadline) receive() (time.Time, error) {
	r := d.res
	rule := d.k.Receipt
	day, err := d.c.Day(d.filed)
	if err != nil {
		return time.Time{}, err
	}
	if rule == nil {
		d.warn("receipt-not-stated")
		r.Received = Dated{Date: iso(d.filed), Weekday: weekday(d.filed), Why: all("received-as-filed"), Cites: []Citation{}}
		return d.filed, nil
	}
	cites := join(rule.Cites, nil)
	received, why := d.filed, Texts{}
	switch {
	case !day.Working:
		next, err := d.c.NextWorkingDay(d.filed)
		if err != nil {
			return time.Time{}, err
		}
		received = next
		for _, l := range Langs {
			why[l] = Message("received-day-off", l, dayWords(d.c, day, l))
		}
		cites = append(cites, day.Cites...)
	case d.req.NoTime:
		why = all("received-no-time")
		d.warn("no-time")
	case d.req.Filed.Format("15:04") >= rule.Close:
		next, err := d.c.NextWorkingDay(d.filed)
		if err != nil {
			return time.Time{}, err
		}
		received = next
		why = all("received-after-hours", rule.Close)
	default:
		why = all("received-in-hours", rule.Close)
	}
	r.Received = Dated{Date: iso(received), Weekday: weekday(received), Why: why, Cites: cites}
	return received, nil
}

// dayWords says what kind of day off day is, in l.
func dayWords(c *Calendar, day Day, l string) string {
	if day.Kind == Weekend {
		return weekdayNames[l][day.Date.Weekday()]
	}
	return what(c, day)[l]
}

// what says what a special day is, in each language.
func what(c *Calendar, day Day) Texts {
	out := Texts{}
	for _, l := range Langs {
		switch day.Kind {
		case Holiday:
			out[l] = Message("day-holiday", l, c.HolidayName(day.Holiday, l))
		case Carried:
			out[l] = Message("day-carried", l, c.HolidayName(day.Holiday, l), iso(day.From))
		case MovedOff:
			out[l] = Message("day-moved-off", l, iso(day.From))
		case MovedWorking:
			out[l] = Message("day-moved-working", l, iso(day.From))
		case Weekend:
			out[l] = Message("day-weekend", l)
		}
	}
	return out
}

// termStarts are the term starts a filing date gives: the application's
// registration, submission or receipt.
var termStarts = map[string]bool{"registration": true, "submission": true, "receipt": true}

// due computes the decision due date from the kind's term.
func (d *deadline) due(received time.Time) error {
	t := d.k.Term
	if t.Gap != "" {
		msg := Texts{}
		for _, l := range Langs {
			words := t.Gap
			if g, ok := d.data.Gaps[t.Gap]; ok && g[l] != "" {
				words = g[l]
			}
			msg[l] = Message("term-unknown", l, words)
		}
		d.res.Warnings = append(d.res.Warnings, Warning{Code: "term-unknown", Message: msg})
		return nil
	}
	term := &Term{Unit: t.Unit, From: t.From, Max: t.Max, Start: t.Start, Cites: t.Cites}
	if t.Days == nil {
		d.warn("term-not-days")
		return nil
	}
	term.Days = *t.Days
	d.res.Term = term
	if !termStarts[t.From] {
		msg := Texts{}
		for _, l := range Langs {
			msg[l] = Message("term-start", l, term.Start[l])
		}
		d.res.Warnings = append(d.res.Warnings, Warning{Code: "term-start", Message: msg})
		return nil
	}
	date, err := d.add(received, *t.Days, t.Unit, true)
	if err != nil {
		return err
	}
	d.res.Due = &Dated{Date: iso(date), Weekday: weekday(date), Cites: join(term.Cites, d.res.Counting.Cites)}
	d.extend(date)
	if t.Unit == "calendar" {
		return checkDayOff(d.c, d.res, date)
	}
	return nil
}

// add counts n days of unit from start by the calendar's counting rule;
// fromReceipt is false for a step that follows another, whose count starts
// the day after the previous step ends whatever the rule.
func (d *deadline) add(start time.Time, n int, unit string, fromReceipt bool) (time.Time, error) {
	same := fromReceipt && d.c.data.Counting.FirstDay == "same" && n > 0
	if unit == "calendar" {
		if same {
			n--
		}
		return d.c.AddCalendarDays(start, n)
	}
	if same {
		if day, err := d.c.Day(start); err != nil {
			return time.Time{}, err
		} else if day.Working {
			n--
		}
	}
	return d.c.AddWorkingDays(start, n)
}

// checkDayOff warns when a date counted in calendar days is not a working
// day.
func checkDayOff(c *Calendar, r *Result, date time.Time) error {
	day, err := c.Day(date)
	if err != nil || day.Working {
		return err
	}
	msg := Texts{}
	for _, l := range Langs {
		msg[l] = Message("day-off", l, iso(date), dayWords(c, day, l))
	}
	r.Warnings = append(r.Warnings, Warning{Code: "day-off", Message: msg})
	return nil
}

func (d *deadline) extend(t time.Time) {
	if t.After(d.last) {
		d.last = t
	}
}

// steps dates each step in turn from the day of receipt: a step ends its
// days after the previous one. Optional steps and steps outside the term
// get no date; nor does any step after one without days.
func (d *deadline) steps(received time.Time) error {
	cursor, chain, first := received, true, true
	for i, st := range d.k.Steps {
		step := Step{N: i + 1, Actor: st.Actor, ActorName: st.ActorName, Text: st.Text, Days: st.Days, Unit: st.Unit, Optional: st.Optional, Cites: st.Cites}
		switch {
		case st.Optional:
			step.Note = all("step-optional")
		case st.Counts == "no":
			step.Note = all("step-not-counted")
		case st.Days == nil:
			if chain {
				d.warn("step-no-days", strconv.Itoa(i+1))
			}
			chain = false
			step.Note = all("step-after-gap")
		case !chain:
			step.Note = all("step-after-gap")
		default:
			date, err := d.add(cursor, *st.Days, st.Unit, first)
			if err != nil {
				return err
			}
			cursor, first = date, false
			step.Date, step.Weekday = iso(date), weekday(date)
			d.extend(date)
			if st.Unit == "calendar" {
				if err := checkDayOff(d.c, d.res, date); err != nil {
					return err
				}
			}
		}
		d.res.Steps = append(d.res.Steps, step)
	}
	return nil
}

func iso(t time.Time) string { return t.Format("2006-01-02") }

func weekday(t time.Time) Texts {
	out := Texts{}
	for _, l := range Langs {
		out[l] = weekdayNames[l][t.Weekday()]
	}
	return out
}
