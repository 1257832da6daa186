package calc

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Kind says why a day is a working day or a day off, e.g. "carried".
type Kind string

// The kinds of day.
const (
	Working      Kind = "working"       // an ordinary working day
	Weekend      Kind = "weekend"       // a weekly day off
	Holiday      Kind = "holiday"       // a public holiday (a day off, whatever the weekday)
	Carried      Kind = "carried"       // a day off carried over from a holiday on a weekly day off
	MovedOff     Kind = "moved-off"     // a working day made a day off by an order
	MovedWorking Kind = "moved-working" // a weekly day off made a working day by an order
)

// Day is one date of the calendar.
type Day struct {
	Date    time.Time `json:"-"`
	Kind    Kind      `json:"kind"`
	Working bool      `json:"working"`
	// Holiday is the holiday's id for a holiday or a day carried from one.
	Holiday string `json:"holiday,omitempty"`
	// From is where a carried or moved day comes from: the holiday's date,
	// or the day off an order moved.
	From time.Time `json:"-"`
	// Confirmed is false when the year's official calendar is not
	// recorded and the day was computed by rule.
	Confirmed bool       `json:"confirmed"`
	Cites     []Citation `json:"cites,omitempty"`
}

// RangeError is a date in a year the calendar cannot compute.
type RangeError struct {
	Year     int
	From, To int // the years the calendar covers
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("the calendar cannot compute %d: it covers %d–%d", e.Year, e.From, e.To)
}

// ErrNoCalendar is returned when there is no calendar data.
var ErrNoCalendar = errors.New("the rule data has no calendar (rules/tables/calendar.yaml)")

// Calendar answers which days are working days. Build it with New.
type Calendar struct {
	data     *CalendarData
	from, to int
	weekend  map[time.Weekday]bool

	mu    sync.Mutex    // guards years
	years map[int]*year // computed on first use
}

// year is one computed year.
type year struct {
	n         int
	entry     *YearData // nil when the data does not list the year
	confirmed bool
	days      []Day // by day of the year, from 0
	// unknown lists the floating holidays whose date is not known.
	unknown []string
	// provisional lists the floating holidays' dates that may still move.
	provisional []time.Time
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// New builds the calendar from its data. A date that does not parse is an
// error. The years the data records are computed at once; the others (by
// rule, up to 2100) on first use, so that a check that dates one filing
// does not compute eighty years.
func New(data *CalendarData) (*Calendar, error) {
	if data == nil {
		return nil, ErrNoCalendar
	}
	c := &Calendar{data: data, from: data.RuleYears[0], to: data.RuleYears[1], years: map[int]*year{}, weekend: map[time.Weekday]bool{}}
	for _, y := range data.Years {
		c.from, c.to = min(c.from, y.Year), max(c.to, y.Year)
	}
	for _, d := range data.Weekend {
		c.weekend[weekdays[d]] = true
	}
	// What computing a year can refuse, checked for every year: a fixed
	// holiday's month-day that is not a date of the year (02-30, or 02-29
	// in a common year), and anything in a recorded year.
	for n := c.from; n <= c.to; n++ {
		for _, h := range c.data.Holidays {
			for _, md := range h.Dates {
				if _, err := time.Parse("2006-01-02", fmt.Sprintf("%04d-%s", n, md)); err != nil {
					return nil, fmt.Errorf("holiday %s: date %q: %w", h.ID, md, err)
				}
			}
		}
	}
	for _, yd := range data.Years {
		y, err := c.compute(yd.Year)
		if err != nil {
			return nil, err
		}
		c.years[yd.Year] = y
	}
	return c, nil
}

// Span returns the first and last year the calendar covers.
func (c *Calendar) Span() (from, to int) { return c.from, c.to }

// IsWeekend reports whether t's weekday is a weekly day off.
func (c *Calendar) IsWeekend(t time.Time) bool { return c.weekend[t.Weekday()] }

func (c *Calendar) entry(n int) *YearData {
	for i := range c.data.Years {
		if c.data.Years[i].Year == n {
			return &c.data.Years[i]
		}
	}
	return nil
}

func (c *Calendar) holiday(id string) *HolidayData {
	for i := range c.data.Holidays {
		if c.data.Holidays[i].ID == id {
			return &c.data.Holidays[i]
		}
	}
	return nil
}

// compute builds year n: weekly days off, the holidays, the carry-over
// rule, then the days moved by orders.
func (c *Calendar) compute(n int) (*year, error) {
	y := &year{n: n, entry: c.entry(n), days: make([]Day, 0, 366)}
	y.confirmed = y.entry != nil && y.entry.Status == "published"
	for d := Date(n, time.January, 1); d.Year() == n; d = d.AddDate(0, 0, 1) {
		k := Working
		if c.weekend[d.Weekday()] {
			k = Weekend
		}
		y.days = append(y.days, Day{Date: d, Kind: k, Working: k == Working, Confirmed: y.confirmed})
	}
	at := func(d time.Time) *Day { return &y.days[d.YearDay()-1] }
	var yearSource []Citation
	if y.entry != nil {
		yearSource = y.entry.Cites
	}
	for i := range y.days {
		if y.days[i].Kind == Weekend {
			y.days[i].Cites = c.data.WeekendCites
		}
	}

	// Holidays: fixed dates, then this year's floating dates.
	for _, h := range c.data.Holidays {
		for _, md := range h.Dates {
			d, err := time.Parse("2006-01-02", fmt.Sprintf("%04d-%s", n, md))
			if err != nil {
				return nil, fmt.Errorf("holiday %s: date %q: %w", h.ID, md, err)
			}
			markHoliday(at(d), h.ID, join(h.Cites, yearSource))
		}
	}
	if y.entry != nil {
		for _, f := range y.entry.Floating {
			h := c.holiday(f.Holiday)
			if h == nil {
				return nil, fmt.Errorf("%d: no holiday %q", n, f.Holiday)
			}
			if f.Date == "" {
				y.unknown = append(y.unknown, f.Holiday)
				continue
			}
			d, err := ParseDate(f.Date)
			if err != nil || d.Year() != n {
				return nil, fmt.Errorf("%d: %s: date %q is not a date of %d", n, f.Holiday, f.Date, n)
			}
			markHoliday(at(d), h.ID, join(h.Cites, f.Cites))
			if f.Provisional {
				y.provisional = append(y.provisional, d)
			}
		}
	}
	// A floating holiday the year does not date is unknown.
	for _, h := range c.data.Holidays {
		if h.Floating && !y.dates(h.ID) && !slices.Contains(y.unknown, h.ID) {
			y.unknown = append(y.unknown, h.ID)
		}
	}

	// Carry-over: in date order, a holiday on a weekly day off makes the
	// next working day a day off.
	for i := range y.days {
		h := y.days[i]
		if h.Kind != Holiday || !c.weekend[h.Date.Weekday()] || slices.Contains(c.data.CarryOver.Except, h.Holiday) {
			continue
		}
		for j := i + 1; j < len(y.days); j++ {
			if y.days[j].Kind == Working {
				y.days[j] = Day{Date: y.days[j].Date, Kind: Carried, Holiday: h.Holiday, From: h.Date, Confirmed: y.confirmed,
					Cites: join(c.data.CarryOver.Cites, yearSource)}
				break
			}
		}
	}

	// Orders moving days off.
	if y.entry != nil {
		for _, m := range y.entry.Moved {
			from, err1 := ParseDate(m.From)
			to, err2 := ParseDate(m.To)
			if err1 != nil || err2 != nil || from.Year() != n || to.Year() != n {
				return nil, fmt.Errorf("%d: moved day %s → %s is not in %d", n, m.From, m.To, n)
			}
			cites := join(m.Cites, c.data.Transfers)
			*at(from) = Day{Date: from, Kind: MovedWorking, Working: true, From: to, Confirmed: y.confirmed, Cites: cites}
			*at(to) = Day{Date: to, Kind: MovedOff, From: from, Confirmed: y.confirmed, Cites: cites}
		}
	}
	return y, nil
}

// join returns a new list of a's and b's citations.
func join(a, b []Citation) []Citation {
	out := make([]Citation, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}

// markHoliday makes d a holiday, unless it is one already (the first
// holiday listed keeps the day; lint reports two on one date).
func markHoliday(d *Day, id string, cites []Citation) {
	if d.Kind == Holiday {
		return
	}
	*d = Day{Date: d.Date, Kind: Holiday, Holiday: id, Confirmed: d.Confirmed, Cites: cites}
}

// dates reports whether the year gives a date for holiday id.
func (y *year) dates(id string) bool {
	if y.entry == nil {
		return false
	}
	for _, f := range y.entry.Floating {
		if f.Holiday == id && f.Date != "" {
			return true
		}
	}
	return false
}

// year returns the computed year of t, or a RangeError.
func (c *Calendar) year(t time.Time) (*year, error) {
	n := t.Year()
	if n < c.from || n > c.to {
		return nil, &RangeError{Year: n, From: c.from, To: c.to}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if y := c.years[n]; y != nil {
		return y, nil
	}
	// New checked everything compute can refuse in a year it left.
	y, err := c.compute(n)
	if err != nil {
		return nil, err
	}
	c.years[n] = y
	return y, nil
}

// Day returns what the calendar says of t's date.
func (c *Calendar) Day(t time.Time) (Day, error) {
	t = dateOf(t)
	y, err := c.year(t)
	if err != nil {
		return Day{}, err
	}
	return y.days[t.YearDay()-1], nil
}

// IsWorkingDay reports whether t's date is a working day, and whether its
// year's official calendar is recorded (confirmed) or the day was computed
// by rule.
func (c *Calendar) IsWorkingDay(t time.Time) (working, confirmed bool, err error) {
	d, err := c.Day(t)
	return d.Working, d.Confirmed, err
}

// NextWorkingDay returns the first working day after t's date.
func (c *Calendar) NextWorkingDay(t time.Time) (time.Time, error) {
	d := dateOf(t)
	for {
		d = d.AddDate(0, 0, 1)
		day, err := c.Day(d)
		if err != nil {
			return time.Time{}, err
		}
		if day.Working {
			return d, nil
		}
	}
}

// AddWorkingDays returns the n-th working day after start's date (start
// itself when n is 0), e.g. 2 working days after Friday 20 March 2026 is
// Friday 27 March (21–25 March are Nauryz and its carried days off).
func (c *Calendar) AddWorkingDays(start time.Time, n int) (time.Time, error) {
	if n < 0 {
		return time.Time{}, fmt.Errorf("a negative number of working days: %d", n)
	}
	d := dateOf(start)
	if _, err := c.year(d); err != nil {
		return time.Time{}, err
	}
	for ; n > 0; n-- {
		next, err := c.NextWorkingDay(d)
		if err != nil {
			return time.Time{}, err
		}
		d = next
	}
	return d, nil
}

// AddCalendarDays returns the date n days after start's date; the calendar
// must cover it, so that what day it is can be said.
func (c *Calendar) AddCalendarDays(start time.Time, n int) (time.Time, error) {
	d := dateOf(start).AddDate(0, 0, n)
	for _, t := range []time.Time{dateOf(start), d} {
		if _, err := c.year(t); err != nil {
			return time.Time{}, err
		}
	}
	return d, nil
}

// WorkingDays counts the working days of year n.
func (c *Calendar) WorkingDays(n int) (int, error) {
	y, err := c.year(Date(n, time.January, 1))
	if err != nil {
		return 0, err
	}
	count := 0
	for _, d := range y.days {
		if d.Working {
			count++
		}
	}
	return count, nil
}

// Special returns the days from first to last (both included) that are not
// ordinary: holidays, carried and moved days off, and weekly days off made
// working days. These are the calendar facts a period crosses.
func (c *Calendar) Special(first, last time.Time) ([]Day, error) {
	var out []Day
	for d := dateOf(first); !d.After(dateOf(last)); d = d.AddDate(0, 0, 1) {
		day, err := c.Day(d)
		if err != nil {
			return nil, err
		}
		if day.Kind != Working && day.Kind != Weekend {
			out = append(out, day)
		}
	}
	return out, nil
}

// YearInfo is what the calendar knows of a year.
type YearInfo struct {
	Year int
	// Status is the data's: "published", "not-found", "not-recorded", or
	// "" when the data does not list the year.
	Status    string
	Confirmed bool
	// Unknown lists the floating holidays whose date is not known: they
	// are not days off in the computed year.
	Unknown []string
	// Provisional lists floating holidays' dates that may still move.
	Provisional []time.Time
}

// Year returns what the calendar knows of year n.
func (c *Calendar) Year(n int) (YearInfo, error) {
	y, err := c.year(Date(n, time.January, 1))
	if err != nil {
		return YearInfo{}, err
	}
	info := YearInfo{Year: n, Confirmed: y.confirmed, Unknown: y.unknown, Provisional: y.provisional}
	if y.entry != nil {
		info.Status = y.entry.Status
	}
	return info, nil
}

// HolidayName returns a holiday's name in lang, or its id.
func (c *Calendar) HolidayName(id string, l string) string {
	if h := c.holiday(id); h != nil && h.Name[l] != "" {
		return h.Name[l]
	}
	return id
}

// Data returns the data the calendar was built from.
func (c *Calendar) Data() *CalendarData { return c.data }

// Describe says what kind of day off (or special day) day is, in each
// language: the weekday of a weekly day off, else the holiday, carried or
// moved day.
func (c *Calendar) Describe(day Day) Texts {
	out := Texts{}
	for _, l := range Langs {
		out[l] = dayWords(c, day, l)
	}
	return out
}
