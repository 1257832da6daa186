// Package workdays counts days the way the acts' terms are written: in
// working days of Kazakhstan's calendar, or in calendar days. The
// computation is package calc, which works from plain data so that the
// same code runs in the CLI, the checker and the browser; this package
// extracts that data from the rule data (Extract: the calendar of
// rules/tables/calendar.yaml and each application kind's procedure, every
// citation resolved) and keeps the entry points the rest of the module
// uses. A year whose official calendar is recorded is confirmed; any other
// year in the calendar's rule years is computed by rule and reported as
// not confirmed.
package workdays

import (
	"time"

	"ruqsat/internal/rules"
	"ruqsat/internal/workdays/calc"
)

// The computation's types, under the names the module has always used.
type (
	Calendar    = calc.Calendar
	Day         = calc.Day
	Kind        = calc.Kind
	Citation    = calc.Citation
	RangeError  = calc.RangeError
	YearInfo    = calc.YearInfo
	Request     = calc.Request
	Result      = calc.Result
	Dated       = calc.Dated
	Term        = calc.Term
	Counting    = calc.Counting
	Step        = calc.Step
	CalendarDay = calc.CalendarDay
	Warning     = calc.Warning
	Error       = calc.Error
	Data        = calc.Data
)

// The kinds of day.
const (
	Working      = calc.Working
	Weekend      = calc.Weekend
	Holiday      = calc.Holiday
	Carried      = calc.Carried
	MovedOff     = calc.MovedOff
	MovedWorking = calc.MovedWorking
)

// ErrNoCalendar is returned when the rule data holds no calendar.
var ErrNoCalendar = calc.ErrNoCalendar

// Date returns the date y-m-d at midnight UTC.
func Date(y int, m time.Month, d int) time.Time { return calc.Date(y, m, d) }

// ParseDate reads a date written 2006-01-02.
func ParseDate(s string) (time.Time, error) { return calc.ParseDate(s) }

// FromSet builds the calendar of a loaded rule set.
func FromSet(s *rules.Set) (*Calendar, error) {
	if s == nil || s.Calendar == nil {
		return nil, ErrNoCalendar
	}
	return New(s.Calendar)
}

// New builds the calendar from its rule data, computing every year it
// covers. The data is expected to have passed lint; a date that does not
// parse is an error.
func New(data *rules.Calendar) (*Calendar, error) {
	if data == nil {
		return nil, ErrNoCalendar
	}
	c, err := calc.New(CalendarData(data))
	if err != nil {
		return nil, fmtErr(data.File, err)
	}
	return c, nil
}

// Deadline computes req from the rule data s and the calendar c: the
// procedures are extracted from s, then calc.Deadline computes. It returns
// an *Error when the service, edition or kind is unknown or a date lies
// outside the calendar.
func Deadline(s *rules.Set, c *Calendar, req Request) (*Result, error) {
	if c == nil {
		return nil, &Error{Code: "no-calendar"}
	}
	return calc.Deadline(Extract(s), c, req)
}

// Message renders code's message in l with args.
func Message(code string, l rules.Lang, args ...string) string {
	return calc.Message(code, string(l), args...)
}

// Codes lists every message code.
func Codes() []string { return calc.Codes() }

// WeekdayName is the day of the week of t in l, e.g. "пятница".
func WeekdayName(t time.Time, l rules.Lang) string { return calc.WeekdayName(t, string(l)) }
