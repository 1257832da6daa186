package workdays

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"ruqsat/internal/rules"
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
	Service     string                `json:"service"`
	ServiceName map[rules.Lang]string `json:"service_name"`
	Edition     string                `json:"edition"`
	Act         string                `json:"act"`
	ActName     map[rules.Lang]string `json:"act_name,omitempty"`
	Kind        string                `json:"kind"`
	KindName    map[rules.Lang]string `json:"kind_name"`
	Filed       string                `json:"filed"` // 2006-01-02T15:04, or 2006-01-02 without a time
	Received    Dated                 `json:"received"`
	Term        *Term                 `json:"term,omitempty"`
	Counting    Counting              `json:"counting"`
	Due         *Dated                `json:"due"`
	Steps       []Step                `json:"steps"`
	Calendar    []CalendarDay         `json:"calendar"`
	// Confirmed is true when every year the period touches has its
	// official calendar recorded.
	Confirmed bool      `json:"confirmed"`
	Warnings  []Warning `json:"warnings"`
}

// Dated is a date with why it is that date and where that comes from.
type Dated struct {
	Date    string                `json:"date"` // 2006-01-02
	Weekday map[rules.Lang]string `json:"weekday"`
	Why     map[rules.Lang]string `json:"why,omitempty"`
	Cites   []Citation            `json:"cites"`
}

// Term is an application kind's term as the rule data gives it.
type Term struct {
	Days  int                   `json:"days"`
	Unit  string                `json:"unit"` // working or calendar
	From  string                `json:"from"` // a term start of rules/vocab.yaml, e.g. registration
	Max   bool                  `json:"max"`  // "no later than"
	Start map[rules.Lang]string `json:"start"`
	Cites []Citation            `json:"cites"`
}

// Counting is which day a term's first day is, and where that comes from.
type Counting struct {
	FirstDay string                `json:"first_day"` // next or same
	Text     map[rules.Lang]string `json:"text"`
	Cites    []Citation            `json:"cites"`
}

// Step is a step of the procedure; Date is "" when it cannot be computed
// (Note says why).
type Step struct {
	N         int                   `json:"n"`
	Actor     string                `json:"actor"`
	ActorName map[rules.Lang]string `json:"actor_name"`
	Text      map[rules.Lang]string `json:"text"`
	Days      *int                  `json:"days,omitempty"`
	Unit      string                `json:"unit,omitempty"`
	Optional  bool                  `json:"optional,omitempty"`
	Date      string                `json:"date,omitempty"`
	Weekday   map[rules.Lang]string `json:"weekday,omitempty"`
	Note      map[rules.Lang]string `json:"note,omitempty"`
	Cites     []Citation            `json:"cites"`
}

// CalendarDay is a day of the period that is not an ordinary working day
// or weekly day off: a holiday, a carried or moved day.
type CalendarDay struct {
	Date      string                `json:"date"`
	Weekday   map[rules.Lang]string `json:"weekday"`
	Kind      Kind                  `json:"kind"`
	Working   bool                  `json:"working"`
	What      map[rules.Lang]string `json:"what"`
	Confirmed bool                  `json:"confirmed"`
	Cites     []Citation            `json:"cites"`
}

// Warning is something a person should know about the result.
type Warning struct {
	Code    string                `json:"code"`
	Message map[rules.Lang]string `json:"message"`
}

// Deadline computes req from the rule data s and the calendar c. It
// returns an *Error when the service, edition or kind is unknown or a date
// lies outside the calendar. A kind whose term the sources do not give
// gets a result without Due and a warning saying why.
func Deadline(s *rules.Set, c *Calendar, req Request) (*Result, error) {
	if c == nil {
		return nil, &Error{Code: "no-calendar"}
	}
	sv := s.Service(req.Service)
	if sv == nil {
		ids := make([]string, len(s.Services))
		for i, x := range s.Services {
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
		ids := make([]string, len(e.Kinds.Items))
		for i, x := range e.Kinds.Items {
			ids[i] = x.ID
		}
		return nil, &Error{Code: "unknown-kind", Args: []string{sv.ID, e.Edition, req.Kind, strings.Join(ids, ", ")}}
	}
	d := &deadline{s: s, c: c, e: e, k: k, req: req, filed: dateOf(req.Filed)}
	res, err := d.compute()
	var re *RangeError
	if errors.As(err, &re) {
		return nil, &Error{Code: "out-of-range", Args: []string{strconv.Itoa(re.Year), strconv.Itoa(re.From), strconv.Itoa(re.To)}}
	}
	return res, err
}

// pickEdition returns the edition asked for, or the newest one whose
// application kinds are in the sources.
func pickEdition(sv *rules.Service, year string) (*rules.Edition, error) {
	if year != "" {
		e := sv.Edition(year)
		if e == nil {
			ys := make([]string, len(sv.Editions))
			for i, x := range sv.Editions {
				ys[i] = x.Edition
			}
			return nil, &Error{Code: "unknown-edition", Args: []string{sv.ID, year, strings.Join(ys, ", ")}}
		}
		if !e.Kinds.Known() || len(e.Kinds.Items) == 0 {
			return nil, &Error{Code: "edition-no-kinds", Args: []string{sv.ID, year}}
		}
		return e, nil
	}
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		if e := sv.Editions[i]; e.Kinds.Known() && len(e.Kinds.Items) > 0 {
			return e, nil
		}
	}
	return nil, &Error{Code: "no-kinds", Args: []string{sv.ID}}
}

// deadline is one computation.
type deadline struct {
	s     *rules.Set
	c     *Calendar
	e     *rules.Edition
	k     *rules.Kind
	req   Request
	filed time.Time
	res   *Result
	last  time.Time // the latest date computed: the period's end
}

func (d *deadline) warn(code string, args ...string) {
	for _, w := range d.res.Warnings {
		if w.Code == code && w.Message[rules.EN] == Message(code, rules.EN, args...) {
			return
		}
	}
	d.res.Warnings = append(d.res.Warnings, Warning{Code: code, Message: all(code, args...)})
}

func (d *deadline) compute() (*Result, error) {
	s, e, k := d.s, d.e, d.k
	d.res = &Result{
		Service: e.Service, Edition: e.Edition, Act: e.Act, Kind: k.ID,
		Steps: []Step{}, Calendar: []CalendarDay{}, Warnings: []Warning{},
	}
	r := d.res
	if sv := s.Service(e.Service); sv != nil {
		r.ServiceName = texts(sv.Name)
	}
	if a := s.Acts[e.Act]; a != nil {
		r.ActName = texts(a.Short)
	}
	r.KindName = map[rules.Lang]string{rules.RU: k.ID, rules.KK: k.ID, rules.EN: k.ID}
	if s.Vocab != nil {
		if t := rules.Find(s.Vocab.Kinds, k.ID); t != nil {
			r.KindName = texts(t.Texts)
		}
	}
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
	r.Counting = Counting{FirstDay: cal.Counting.FirstDay, Text: texts(cal.Counting.Texts), Cites: d.c.cites(cal.Counting.Source)}
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
			What: d.what(day), Confirmed: day.Confirmed, Cites: day.Cites,
		})
	}
	r.Confirmed = true
	for n := d.filed.Year(); n <= d.last.Year(); n++ {
		info, err := d.c.Year(n)
		if err != nil {
			return nil, err
		}
		if !info.Confirmed {
			r.Confirmed = false
			d.warn("year-unconfirmed", strconv.Itoa(n))
		}
		for _, h := range info.Unknown {
			d.warnHoliday("floating-unknown", strconv.Itoa(n), h)
		}
		for _, p := range info.Provisional {
			if !p.Before(d.filed.AddDate(0, 0, -1)) && !p.After(d.last.AddDate(0, 0, 1)) {
				day, _ := d.c.Day(p)
				d.warnHoliday("floating-provisional", iso(p), day.Holiday)
			}
		}
	}
	return r, nil
}

// warnHoliday warns with a holiday's name in each language as the second
// argument.
func (d *deadline) warnHoliday(code, arg, holiday string) {
	msg := map[rules.Lang]string{}
	for _, l := range rules.Langs {
		msg[l] = Message(code, l, arg, d.c.HolidayName(holiday, l))
	}
	for _, w := range d.res.Warnings {
		if w.Code == code && w.Message[rules.EN] == msg[rules.EN] {
			return
		}
	}
	d.res.Warnings = append(d.res.Warnings, Warning{Code: code, Message: msg})
}

// receive finds the day the application counts as received: by the
// edition's receipt rule (calendar.yaml's receipt) when there is one,
// else the filing date.
func (d *deadline) receive() (time.Time, error) {
	r := d.res
	key := d.e.Key()
	var rule *rules.ReceiptRule
	for i, rr := range d.c.data.Receipt {
		for _, ed := range rr.Editions {
			if ed == key {
				rule = &d.c.data.Receipt[i]
			}
		}
	}
	var hours *rules.Hours
	if rule != nil {
		for i, h := range d.e.Contacts.Hours {
			if h.Who == rule.Hours && h.Close != "" {
				hours = &d.e.Contacts.Hours[i]
				break
			}
		}
	}
	day, err := d.c.Day(d.filed)
	if err != nil {
		return time.Time{}, err
	}
	if rule == nil || hours == nil {
		d.warn("receipt-not-stated")
		r.Received = Dated{Date: iso(d.filed), Weekday: weekday(d.filed), Why: all("received-as-filed"), Cites: []Citation{}}
		return d.filed, nil
	}
	cites := append(d.seedCites(rule.Cite), d.seedCites(hours.Cite)...)
	received, why := d.filed, map[rules.Lang]string{}
	switch {
	case !day.Working:
		next, err := d.c.NextWorkingDay(d.filed)
		if err != nil {
			return time.Time{}, err
		}
		received = next
		for _, l := range rules.Langs {
			why[l] = Message("received-day-off", l, d.dayWords(day, l))
		}
		cites = append(cites, day.Cites...)
	case d.req.NoTime:
		why = all("received-no-time")
		d.warn("no-time")
	case d.req.Filed.Format("15:04") >= hours.Close:
		next, err := d.c.NextWorkingDay(d.filed)
		if err != nil {
			return time.Time{}, err
		}
		received = next
		why = all("received-after-hours", hours.Close)
	default:
		why = all("received-in-hours", hours.Close)
	}
	r.Received = Dated{Date: iso(received), Weekday: weekday(received), Why: why, Cites: cites}
	return received, nil
}

// dayWords says what kind of day off day is, in l.
func (d *deadline) dayWords(day Day, l rules.Lang) string {
	if day.Kind == Weekend {
		return weekdayNames[l][day.Date.Weekday()]
	}
	return d.what(day)[l]
}

// what says what a special day is, in each language.
func (d *deadline) what(day Day) map[rules.Lang]string {
	out := map[rules.Lang]string{}
	for _, l := range rules.Langs {
		switch day.Kind {
		case Holiday:
			out[l] = Message("day-holiday", l, d.c.HolidayName(day.Holiday, l))
		case Carried:
			out[l] = Message("day-carried", l, d.c.HolidayName(day.Holiday, l), iso(day.From))
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
	if !t.Known() {
		reason := t.Unknown
		if t.NotApplicable() {
			reason = "n/a"
		}
		msg := map[rules.Lang]string{}
		for _, l := range rules.Langs {
			words := reason
			if d.s.Vocab != nil {
				if g := rules.Find(d.s.Vocab.Gaps, reason); g != nil {
					words = g.String(l)
				}
			}
			msg[l] = Message("term-unknown", l, words)
		}
		d.res.Warnings = append(d.res.Warnings, Warning{Code: "term-unknown", Message: msg})
		return nil
	}
	term := &Term{Unit: t.Unit, From: t.From, Max: t.Max, Cites: d.seedCites(t.Cite)}
	if d.s.Vocab != nil {
		if st := rules.Find(d.s.Vocab.TermStarts, t.From); st != nil {
			term.Start = texts(st.Texts)
		}
	}
	if t.Days == nil {
		d.warn("term-not-days")
		return nil
	}
	term.Days = *t.Days
	d.res.Term = term
	if !termStarts[t.From] {
		msg := map[rules.Lang]string{}
		for _, l := range rules.Langs {
			msg[l] = Message("term-start", l, term.Start[l])
		}
		d.res.Warnings = append(d.res.Warnings, Warning{Code: "term-start", Message: msg})
		return nil
	}
	date, err := d.add(received, *t.Days, t.Unit, true)
	if err != nil {
		return err
	}
	cites := append(append([]Citation{}, term.Cites...), d.res.Counting.Cites...)
	d.res.Due = &Dated{Date: iso(date), Weekday: weekday(date), Cites: cites}
	d.extend(date)
	if t.Unit == "calendar" {
		if err := d.checkDayOff(date); err != nil {
			return err
		}
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
func (d *deadline) checkDayOff(date time.Time) error {
	day, err := d.c.Day(date)
	if err != nil || day.Working {
		return err
	}
	msg := map[rules.Lang]string{}
	for _, l := range rules.Langs {
		msg[l] = Message("day-off", l, iso(date), d.dayWords(day, l))
	}
	d.res.Warnings = append(d.res.Warnings, Warning{Code: "day-off", Message: msg})
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
	if !d.k.Steps.Known() {
		return nil
	}
	cursor, chain, first := received, true, true
	for i, st := range d.k.Steps.Items {
		step := Step{N: i + 1, Actor: st.Actor, Text: texts(st.Texts), Days: st.Days, Unit: st.Unit, Optional: st.Optional, Cites: d.seedCites(st.Cite)}
		step.ActorName = map[rules.Lang]string{rules.RU: st.Actor, rules.KK: st.Actor, rules.EN: st.Actor}
		if d.s.Vocab != nil {
			if a := rules.Find(d.s.Vocab.Actors, st.Actor); a != nil {
				step.ActorName = texts(a.Texts)
			}
		}
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
				if err := d.checkDayOff(date); err != nil {
					return err
				}
			}
		}
		d.res.Steps = append(d.res.Steps, step)
	}
	return nil
}

// seedCites turns citations of acts in sources/ into Citations.
func (d *deadline) seedCites(cs rules.Cites) []Citation {
	out := []Citation{}
	for _, ct := range cs {
		c := Citation{Act: ct.Act, At: ct.At, Authority: "sources"}
		if a := d.s.Acts[ct.Act]; a != nil {
			c.Title = texts(a.Short)
		}
		if ct.Lines != nil {
			c.Lines = linesString(ct.Lines)
		}
		out = append(out, c)
	}
	return out
}

// linesString writes a citation's lines: "85", "87–91", or per language
// "ru 97–113, kk 143–161".
func linesString(l *rules.Lines) string {
	span := func(sp rules.Span) string {
		if sp.First == sp.Last {
			return strconv.Itoa(sp.First)
		}
		return fmt.Sprintf("%d–%d", sp.First, sp.Last)
	}
	if l.Single != nil {
		return span(*l.Single)
	}
	var parts []string
	for _, lang := range rules.Langs {
		if sp, ok := l.ByLang[lang]; ok {
			parts = append(parts, string(lang)+" "+span(sp))
		}
	}
	return strings.Join(parts, ", ")
}

func iso(t time.Time) string { return t.Format("2006-01-02") }

func weekday(t time.Time) map[rules.Lang]string {
	out := map[rules.Lang]string{}
	for _, l := range rules.Langs {
		out[l] = weekdayNames[l][t.Weekday()]
	}
	return out
}
