package calc

import (
	"sync"
	"testing"
	"time"
)

// TestNewRefusesWhatComputingRefuses: the years New leaves to their first
// use cannot fail then; what would fail in any year fails in New, as when
// New computed every year.
func TestNewRefusesWhatComputingRefuses(t *testing.T) {
	base := func() *CalendarData {
		return &CalendarData{
			Weekend:   []string{"saturday", "sunday"},
			Holidays:  []HolidayData{{ID: "new-year", Dates: []string{"01-01"}}, {ID: "eid", Floating: true}},
			RuleYears: [2]int{2023, 2100},
			Years:     []YearData{{Year: 2026, Status: "published", Floating: []Floating{{Holiday: "eid", Date: "2026-05-27"}}}},
		}
	}
	if _, err := New(base()); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*CalendarData){
		"no such day":                 func(d *CalendarData) { d.Holidays[0].Dates = []string{"02-30"} },
		"29 February in common years": func(d *CalendarData) { d.Holidays[0].Dates = []string{"02-29"} },
		"floating date in another year": func(d *CalendarData) {
			d.Years[0].Floating[0].Date = "2025-05-27"
		},
		"unknown holiday": func(d *CalendarData) { d.Years[0].Floating[0].Holiday = "nope" },
		"moved day in another year": func(d *CalendarData) {
			d.Years[0].Moved = []Moved{{From: "2026-01-03", To: "2027-01-05"}}
		},
	} {
		d := base()
		edit(d)
		if _, err := New(d); err == nil {
			t.Errorf("%s: New accepted it", name)
		}
	}
}

// TestLazyYears: years computed on first use, from several goroutines at
// once, say what computing them all at start said.
func TestLazyYears(t *testing.T) {
	d := &CalendarData{
		Weekend:   []string{"saturday", "sunday"},
		Holidays:  []HolidayData{{ID: "new-year", Dates: []string{"01-01", "01-02"}}},
		RuleYears: [2]int{2023, 2100},
	}
	c, err := New(d)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 2023; n <= 2100; n++ {
				if _, err := c.Day(Date(n, time.March, 1)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	// 2028-01-01 is a Saturday: the 1st and 2nd are holidays on the
	// weekend, and Monday the 3rd is the day carried over.
	day, err := c.Day(Date(2028, time.January, 3))
	if err != nil || day.Kind != Carried || day.Working {
		t.Errorf("3 January 2028: %+v, %v; want a carried day off", day, err)
	}
	if _, err := c.Day(Date(2101, time.January, 1)); err == nil {
		t.Error("2101 is outside the calendar, but has a day")
	}
}
