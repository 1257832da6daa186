package workdays

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"ruqsat/internal/rules"
)

// fixture loads the frozen test rule set (testdata/fixture), whose
// calendar is a copy of rules/tables/calendar.yaml as recorded in
// December 2026: the tests do not change when the real calendar does.
func fixture(t *testing.T) (*rules.Set, *Calendar) {
	t.Helper()
	return load(t, filepath.Join("..", "..", "testdata", "fixture"))
}

func load(t *testing.T, root string) (*rules.Set, *Calendar) {
	t.Helper()
	s, probs, err := rules.Load(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Fatalf("%s does not load: %v", root, probs)
	}
	c, err := FromSet(s)
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func day(s string) time.Time {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestAddWorkingDays counts working days across the calendar's facts.
// Each case's comment names the facts it crosses.
func TestAddWorkingDays(t *testing.T) {
	_, c := fixture(t)
	for _, tc := range []struct {
		start string
		n     int
		want  string
	}{
		// Nauryz 2024 (Thu 21 – Sat 23 March), Sat 23 carried to Mon 25.
		{"2024-03-20", 2, "2024-03-27"},
		// The May holidays of 2024: 1, 7, 9 May, and the order of 17 April
		// 2024 moving the day off from Sat 4 May (worked) to Wed 8 May.
		{"2024-04-30", 5, "2024-05-10"},
		// Kurban Ait 2024 fell on Sunday 16 June: no carry-over, Mon 17
		// June is a working day.
		{"2024-06-14", 1, "2024-06-17"},
		// New Year 2025 (1–2 January), the order moving the day off from
		// Sun 5 January (worked) to Fri 3 January.
		{"2024-12-31", 1, "2025-01-05"},
		// Kurban Ait 2025, Friday 6 June.
		{"2025-06-05", 1, "2025-06-09"},
		// Constitution Day 2025 (Sat 30 August) carried to Mon 1 September.
		{"2025-08-29", 1, "2025-09-02"},
		// Republic Day 2025 (Sat 25 October) carried to Mon 27 October.
		{"2025-10-24", 1, "2025-10-28"},
		// The May holidays of 2026: Unity Day Fri 1 May, Defender Day Thu
		// 7 May.
		{"2026-04-30", 4, "2026-05-08"},
		// Victory Day 2026 (Sat 9 May) carried to Mon 11 May.
		{"2026-05-08", 1, "2026-05-12"},
		// Zero days: the start itself.
		{"2026-05-08", 0, "2026-05-08"},
	} {
		got, err := c.AddWorkingDays(day(tc.start), tc.n)
		if err != nil {
			t.Errorf("AddWorkingDays(%s, %d): %v", tc.start, tc.n, err)
			continue
		}
		if iso(got) != tc.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tc.start, tc.n, iso(got), tc.want)
		}
	}
}

// TestIsWorkingDay pins single days of the published years and one
// computed by rule.
func TestIsWorkingDay(t *testing.T) {
	_, c := fixture(t)
	for _, tc := range []struct {
		date               string
		working, confirmed bool
		kind               Kind
	}{
		{"2024-05-04", true, true, MovedWorking}, // Saturday worked by the order of 17 April 2024
		{"2024-05-08", false, true, MovedOff},    // its day off
		{"2024-06-17", true, true, Working},      // Kurban Ait 2024 was Sunday 16 June, not carried
		{"2024-06-16", false, true, Holiday},
		{"2025-01-03", false, true, MovedOff},    // the order moving 5 January 2025
		{"2025-01-05", true, true, MovedWorking}, // a Sunday worked
		{"2025-01-07", false, true, Holiday},     // Orthodox Christmas
		{"2026-01-05", true, true, Working},      // no transfer in January 2026
		{"2026-03-24", false, true, Carried},     // Nauryz Sat 21 March 2026 carried to Tue 24
		{"2026-03-25", false, true, Carried},     // and Sun 22 March to Wed 25
		{"2026-12-16", false, true, Holiday},     // Independence Day, Wednesday
		{"2027-01-04", false, false, Carried},    // 2 January 2027 (Saturday), by rule only
		{"2027-03-24", false, false, Carried},    // Nauryz Sun 21 March 2027 carried past Mon 22, Tue 23
		{"2023-12-18", false, false, Carried},    // 2023 by rule: Independence Day Sat 16 December carried to Mon 18
		{"2023-12-19", true, false, Working},     // not confirmed either
	} {
		d, err := c.Day(day(tc.date))
		if err != nil {
			t.Errorf("%s: %v", tc.date, err)
			continue
		}
		if d.Working != tc.working || d.Confirmed != tc.confirmed || d.Kind != tc.kind {
			t.Errorf("%s: working %v, confirmed %v, %s; want %v, %v, %s", tc.date, d.Working, d.Confirmed, d.Kind, tc.working, tc.confirmed, tc.kind)
		}
		if w, conf, _ := c.IsWorkingDay(day(tc.date)); w != tc.working || conf != tc.confirmed {
			t.Errorf("IsWorkingDay(%s) = %v, %v", tc.date, w, conf)
		}
		if len(d.Cites) == 0 && d.Kind != Working {
			t.Errorf("%s: a %s day without a citation", tc.date, d.Kind)
		}
	}
	next, err := c.NextWorkingDay(day("2026-03-20"))
	if err != nil || iso(next) != "2026-03-26" {
		t.Errorf("NextWorkingDay(2026-03-20) = %s, %v; want 2026-03-26 (Nauryz 21–23 March and the carried 24–25)", iso(next), err)
	}
}

// TestWorkingDaysPublished compares the number of working days the
// calendar counts with the published numbers: 2024 (kapital.kz, counted
// before the May transfer and Kurban Ait's change) and 2025 (pobipb.kz).
func TestWorkingDaysPublished(t *testing.T) {
	_, c := fixture(t)
	for year, want := range map[int]int{2024: 249, 2025: 246, 2026: 246} {
		if got, err := c.WorkingDays(year); err != nil || got != want {
			t.Errorf("%d: %d working days (%v), want %d", year, got, err, want)
		}
	}
}

// TestWorkingDaysRecorded checks every published number of working days
// the calendar records, in the fixture and in the real data (or the tree
// named by RUQSAT_ROOT), against the count of the calendar itself.
func TestWorkingDaysRecorded(t *testing.T) {
	roots := []string{filepath.Join("..", "..", "testdata", "fixture"), filepath.Join("..", "..")}
	if r := os.Getenv("RUQSAT_ROOT"); r != "" {
		roots[1] = r
	}
	for _, root := range roots {
		s, c := load(t, root)
		n := 0
		for _, y := range s.Calendar.Years {
			if y.WorkingDays == nil {
				continue
			}
			n++
			if got, err := c.WorkingDays(y.Year); err != nil || got != y.WorkingDays.Count {
				t.Errorf("%s: %d: the calendar counts %d working days (%v), %d were published", root, y.Year, got, err, y.WorkingDays.Count)
			}
		}
		if n == 0 && strings.Contains(root, "fixture") {
			t.Errorf("%s: no published count to compare", root)
		}
	}
}

// TestOutOfRange: years before the rule years and after them cannot be
// computed.
func TestOutOfRange(t *testing.T) {
	_, c := fixture(t)
	var re *RangeError
	if _, err := c.AddWorkingDays(day("2022-12-30"), 1); !errors.As(err, &re) || re.Year != 2022 {
		t.Errorf("2022: got %v, want a RangeError for 2022", err)
	}
	if _, err := c.AddWorkingDays(day("2100-12-30"), 5); !errors.As(err, &re) || re.Year != 2101 {
		t.Errorf("2100 + 5 working days: got %v, want a RangeError for 2101", err)
	}
	if from, to := c.Span(); from != 2023 || to != 2100 {
		t.Errorf("Span() = %d, %d", from, to)
	}
}

func filed(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func codes(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Code)
	}
	return out
}

// TestDeadline computes deadlines of the STS licence (2023 rules: the
// portal takes an application filed after the provider's 19:00 or on a
// day off on the next working day; 15 working days to issue, 3 to renew,
// from registration) and of the STS import/export conclusion of 2013 (15
// calendar days, no rule on late filings). Each case's comment names the
// calendar facts it crosses.
func TestDeadline(t *testing.T) {
	s, c := fixture(t)
	for _, tc := range []struct {
		name             string
		req              Request
		received, due    string
		steps            []string // dates of the dated steps
		warnings         []string // codes, in order
		confirmed        bool
		calendarIncludes []string // special days listed
	}{
		{
			// Nauryz 2026: Sat 21 – Mon 23 March, Sat 21 and Sun 22 carried
			// to Tue 24 and Wed 25.
			name:             "issue across Nauryz 2026",
			req:              Request{Service: "sts-license", Kind: "issue", Filed: filed("2026-03-20T10:00")},
			received:         "2026-03-20",
			due:              "2026-04-15",
			steps:            []string{"2026-03-27", "2026-04-10", "2026-04-15"},
			confirmed:        true,
			calendarIncludes: []string{"2026-03-21", "2026-03-23", "2026-03-24", "2026-03-25"},
		},
		{
			// Filed at 19:30 on Friday 20 March 2026: after the provider's
			// hours, the next working day is Thursday 26 March (Nauryz and
			// its carried days off in between).
			name:      "renewal filed after hours before Nauryz 2026",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2026-03-20T19:30")},
			received:  "2026-03-26",
			due:       "2026-03-31",
			steps:     []string{"2026-03-27", "2026-03-31"},
			confirmed: true,
		},
		{
			// Nauryz 2025: Fri 21 – Sun 23 March, Sat 22 and Sun 23 carried to
			// Mon 24 and Tue 25.
			name:      "renewal across Nauryz 2025",
			req:       Request{Service: "sts-license", Edition: "2023", Kind: "renewal", Filed: filed("2025-03-20T18:59")},
			received:  "2025-03-20",
			due:       "2025-03-28",
			steps:     []string{"2025-03-26", "2025-03-28"},
			confirmed: true,
		},
		{
			// Filed on Sunday 4 May 2025: received Monday 5 May; then
			// Defender Day Wed 7 May and Victory Day Fri 9 May.
			name:      "renewal filed on a Sunday across the May holidays of 2025",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2025-05-04T11:00")},
			received:  "2025-05-05",
			due:       "2025-05-12",
			confirmed: true,
		},
		{
			// The May holidays of 2024 and the order of 17 April 2024: Sat 4
			// May worked, Wed 8 May off.
			name:             "issue across the May holidays of 2024",
			req:              Request{Service: "sts-license", Kind: "issue", Filed: filed("2024-04-30T09:00")},
			received:         "2024-04-30",
			due:              "2024-05-24",
			confirmed:        true,
			calendarIncludes: []string{"2024-05-01", "2024-05-04", "2024-05-07", "2024-05-08", "2024-05-09"},
		},
		{
			// Kurban Ait 2026: Wednesday 27 May, a preliminary date.
			name:      "renewal across Kurban Ait 2026",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2026-05-26T12:00")},
			received:  "2026-05-26",
			due:       "2026-06-01",
			warnings:  []string{"floating-provisional"},
			confirmed: true,
		},
		{
			// Kurban Ait 2025: Friday 6 June.
			name:      "renewal across Kurban Ait 2025",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2025-06-04T15:00")},
			received:  "2025-06-04",
			due:       "2025-06-10",
			confirmed: true,
		},
		{
			// Constitution Day 2026 (Sun 30 August) carried to Mon 31 August;
			// filed on Friday 28 August at 20:00, after hours.
			name:      "issue filed after hours before Constitution Day 2026",
			req:       Request{Service: "sts-license", Kind: "issue", Filed: filed("2026-08-28T20:00")},
			received:  "2026-09-01",
			due:       "2026-09-22",
			confirmed: true,
		},
		{
			// Independence Day 2025: Tuesday 16 December.
			name:      "issue across Independence Day 2025",
			req:       Request{Service: "sts-license", Kind: "issue", Filed: filed("2025-12-05T09:00")},
			received:  "2025-12-05",
			due:       "2025-12-29",
			confirmed: true,
		},
		{
			// Independence Day 2026 (Wednesday 16 December), then New Year
			// 2027 computed by rule: 1 January Friday, 2 January Saturday
			// carried to Monday 4 January. 2027 is not confirmed and Kurban
			// Ait's date is unknown.
			name:      "issue from December 2026 into 2027",
			req:       Request{Service: "sts-license", Kind: "issue", Filed: filed("2026-12-10T10:00")},
			received:  "2026-12-10",
			due:       "2027-01-05",
			warnings:  []string{"year-unconfirmed", "floating-unknown"},
			confirmed: false,
		},
		{
			// The 2013 STS import/export conclusion: 15 calendar days, at
			// most; from Friday 6 March 2026 the term ends on Saturday 21
			// March, Nauryz. No rule on late filings in the 2013 standard.
			name:     "calendar days ending on Nauryz 2026",
			req:      Request{Service: "sts-import-export", Kind: "issue", Filed: filed("2026-03-06T21:00")},
			received: "2026-03-06",
			due:      "2026-03-21",
			warnings: []string{"receipt-not-stated", "day-off", "step-no-days"},
			// 8 March 2026 (Sunday) carried to Monday 9 March lies inside.
			calendarIncludes: []string{"2026-03-08", "2026-03-09", "2026-03-21"},
			confirmed:        true,
		},
		{
			// 2023 is computed by rule: Independence Day Saturday 16
			// December 2023 carried to Monday 18 December; not confirmed.
			name:      "renewal in December 2023, by rule",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2023-12-15T10:00")},
			received:  "2023-12-15",
			due:       "2023-12-21",
			warnings:  []string{"year-unconfirmed", "floating-unknown"},
			confirmed: false,
		},
		{
			// Only the date known: Capital Day, Monday 6 July 2026, is a
			// day off, so the application is received on Tuesday 7 July.
			name:      "date without time on Capital Day 2026",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2026-07-06T00:00"), NoTime: true},
			received:  "2026-07-07",
			due:       "2026-07-10",
			warnings:  []string{},
			confirmed: true,
		},
		{
			// Only the date known, an ordinary working day: taken as filed
			// within working hours, with a warning.
			name:      "date without time on a working day",
			req:       Request{Service: "sts-license", Kind: "renewal", Filed: filed("2026-07-08T00:00"), NoTime: true},
			received:  "2026-07-08",
			due:       "2026-07-13",
			warnings:  []string{"no-time"},
			confirmed: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Deadline(s, c, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if r.Received.Date != tc.received {
				t.Errorf("received %s, want %s", r.Received.Date, tc.received)
			}
			if r.Due == nil {
				t.Fatalf("no due date; warnings %v", codes(r.Warnings))
			}
			if r.Due.Date != tc.due {
				t.Errorf("due %s, want %s", r.Due.Date, tc.due)
			}
			if len(r.Due.Cites) == 0 || len(r.Received.Cites) == 0 && tc.req.Service == "sts-license" {
				t.Errorf("a date without citations: received %v, due %v", r.Received.Cites, r.Due.Cites)
			}
			var dated []string
			for _, st := range r.Steps {
				if st.Date != "" {
					dated = append(dated, st.Date)
				}
			}
			if tc.steps != nil && !slices.Equal(dated, tc.steps) {
				t.Errorf("steps %v, want %v", dated, tc.steps)
			}
			if tc.warnings != nil && !slices.Equal(codes(r.Warnings), tc.warnings) {
				t.Errorf("warnings %v, want %v", codes(r.Warnings), tc.warnings)
			}
			if r.Confirmed != tc.confirmed {
				t.Errorf("confirmed %v, want %v", r.Confirmed, tc.confirmed)
			}
			var listed []string
			for _, d := range r.Calendar {
				listed = append(listed, d.Date)
				if len(d.Cites) == 0 {
					t.Errorf("%s listed without a citation", d.Date)
				}
			}
			for _, want := range tc.calendarIncludes {
				if !slices.Contains(listed, want) {
					t.Errorf("calendar %v lacks %s", listed, want)
				}
			}
			for _, w := range r.Warnings {
				for _, l := range rules.Langs {
					if w.Message[string(l)] == "" || strings.Contains(w.Message[string(l)], "{") {
						t.Errorf("warning %s: %s message %q", w.Code, l, w.Message[string(l)])
					}
				}
			}
		})
	}
}

// TestDeadlineErrors: what cannot be computed is an *Error with a code,
// or a result without a due date and a warning.
func TestDeadlineErrors(t *testing.T) {
	s, c := fixture(t)
	for _, tc := range []struct {
		req  Request
		code string
	}{
		{Request{Service: "no-such", Kind: "issue", Filed: filed("2026-03-20T10:00")}, "unknown-service"},
		{Request{Service: "sts-license", Edition: "1999", Kind: "issue", Filed: filed("2026-03-20T10:00")}, "unknown-edition"},
		{Request{Service: "sts-license", Kind: "duplicate", Filed: filed("2026-03-20T10:00")}, "unknown-kind"},
		{Request{Service: "cipf-license", Kind: "issue", Filed: filed("2026-03-20T10:00")}, "no-kinds"},
		{Request{Service: "cipf-license", Edition: "2023", Kind: "issue", Filed: filed("2026-03-20T10:00")}, "edition-no-kinds"},
		{Request{Service: "sts-license", Kind: "issue", Filed: filed("2022-06-01T10:00")}, "out-of-range"},
		{Request{Service: "sts-license", Kind: "issue", Filed: filed("2100-12-20T10:00")}, "out-of-range"},
	} {
		_, err := Deadline(s, c, tc.req)
		var e *Error
		if !errors.As(err, &e) || e.Code != tc.code {
			t.Errorf("%+v: got %v, want error %s", tc.req, err, tc.code)
			continue
		}
		for _, l := range rules.Langs {
			if m := e.Message(string(l)); m == "" || strings.Contains(m, "{") {
				t.Errorf("%s: %s message %q", tc.code, l, m)
			}
		}
	}
	// The 2013 licence appendix: the sources give no term.
	r, err := Deadline(s, c, Request{Service: "sts-license", Edition: "2013", Kind: "appendix", Filed: filed("2026-03-20T10:00")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Due != nil || !slices.Contains(codes(r.Warnings), "term-unknown") {
		t.Errorf("appendix 2013: due %v, warnings %v; want no due date and term-unknown", r.Due, codes(r.Warnings))
	}
}

// TestCountingSame: with counting.first_day "same" the day of receipt is
// the term's first day. Renewal filed on Friday 20 March 2026 in hours:
// 20 March, then past Nauryz and its carried days 26 and 27 March.
func TestCountingSame(t *testing.T) {
	s, _ := fixture(t)
	data := *s.Calendar
	data.Counting.FirstDay = "same"
	c, err := New(&data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Deadline(s, c, Request{Service: "sts-license", Kind: "renewal", Filed: filed("2026-03-20T10:00")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Due == nil || r.Due.Date != "2026-03-27" {
		t.Errorf("due %+v, want 2026-03-27", r.Due)
	}
	// The steps: 1 working day (20 March itself), then 2 more (26, 27).
	if a, b := r.Steps[0].Date, r.Steps[1].Date; a != "2026-03-20" || b != "2026-03-27" {
		t.Errorf("steps %s, %s; want 2026-03-20, 2026-03-27", a, b)
	}
}
