package calc

import (
	"strings"
	"time"
)

// WindowResult is the last day to apply for renewal after a change, by the
// edition's renewal window.
type WindowResult struct {
	Service string `json:"service"`
	Edition string `json:"edition"`
	Change  string `json:"change"` // 2006-01-02
	Window  Window `json:"window"`
	// Last is the last day of the window.
	Last      Dated     `json:"last"`
	Confirmed bool      `json:"confirmed"`
	Warnings  []Warning `json:"warnings"`
}

// RenewalWindow computes the last day of the renewal window of a service's
// edition ("" for the newest with kinds) for a change on the given date.
// An edition whose data does not give a window is an *Error ("no-window"):
// the term is never assumed.
func RenewalWindow(data *Data, c *Calendar, service, edition string, change time.Time) (*WindowResult, error) {
	if c == nil {
		return nil, &Error{Code: "no-calendar"}
	}
	sv := data.Service(service)
	if sv == nil {
		ids := make([]string, len(data.Services))
		for i, x := range data.Services {
			ids[i] = x.ID
		}
		return nil, &Error{Code: "unknown-service", Args: []string{service, strings.Join(ids, ", ")}}
	}
	e, err := pickEdition(sv, edition)
	if err != nil {
		return nil, err
	}
	if e.Window == nil {
		return nil, &Error{Code: "no-window", Args: []string{sv.ID, e.Edition}}
	}
	w := e.Window
	change = dateOf(change)
	res := &WindowResult{Service: sv.ID, Edition: e.Edition, Change: iso(change), Window: *w, Warnings: []Warning{}}
	n := w.Days
	if c.data.Counting.FirstDay == "same" && n > 0 {
		n--
	}
	var last time.Time
	if w.Unit == "working" {
		last, err = c.AddWorkingDays(change, n)
	} else {
		last, err = c.AddCalendarDays(change, n)
	}
	if err != nil {
		return nil, rangeError(err)
	}
	res.Last = Dated{Date: iso(last), Weekday: weekday(last), Cites: join(w.Cites, c.data.Counting.Cites)}
	r := &Result{Warnings: []Warning{}}
	if w.Unit != "working" {
		if err := checkDayOff(c, r, last); err != nil {
			return nil, rangeError(err)
		}
	}
	res.Confirmed = yearWarnings(c, r, change, last)
	res.Warnings = r.Warnings
	return res, nil
}
