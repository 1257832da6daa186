package checker

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strconv"
	"sync"
	"time"

	"ruqsat/internal/workdays/calc"
)

// The decision's due date. When the manifest gives the filing date, the
// report says when the application counts as received and by when the
// decision is due, computed by the code of `ruqsat deadline`
// (internal/workdays/calc) from the deadline data generated beside the
// checklists (deadlines.json); it warns when the filing or the fee's
// payment falls on a day off, and when a year is outside the calendar or
// its official calendar is not recorded — never a silent guess.
// Checklists without deadline data (older ones, tests' own) get none of
// these findings.

// deadlineCache holds each Checker's deadline data, read on the first check
// that needs it (the CLI checking one package never reads it otherwise).
var deadlineCache sync.Map // *Checker → *deadlineData

// deadlineData is the calendar, built once, and each service's data,
// decoded when a package of the service is first checked: the file is
// 400 kB, nearly all of it the services' procedures, and decoding all of
// it cost a check of one package in the CLI a tenth of its time.
type deadlineData struct {
	data *calc.Data // Format, Calendar and Gaps; no Services
	cal  *calc.Calendar
	raw  map[string]json.RawMessage // service id → its JSON
	per  sync.Map                   // service id → *calc.Data
}

func (c *Checker) deadlines() *deadlineData {
	if v, ok := deadlineCache.Load(c); ok {
		return v.(*deadlineData)
	}
	d := &deadlineData{}
	if b, err := fs.ReadFile(c.fsys, calc.File); err == nil {
		d.read(b)
	}
	v, _ := deadlineCache.LoadOrStore(c, d)
	return v.(*deadlineData)
}

// read reads the file's calendar, gaps and format, and finds each
// service's object by its brackets without decoding it. A file that does
// not read is no deadline data, as before: d stays empty.
func (d *deadlineData) read(b []byte) {
	top, ok := splitObject(b)
	if !ok {
		return
	}
	var x calc.Data
	if json.Unmarshal(top["format"], &x.Format) != nil || x.Format != calc.Format ||
		json.Unmarshal(top["calendar"], &x.Calendar) != nil {
		return
	}
	if g, ok := top["gaps"]; ok && json.Unmarshal(g, &x.Gaps) != nil {
		return
	}
	services, ok := splitArray(top["services"])
	if !ok {
		return
	}
	raw := map[string]json.RawMessage{}
	for _, s := range services {
		fields, ok := splitObject(s)
		var id string
		if !ok || json.Unmarshal(fields["id"], &id) != nil {
			return
		}
		raw[id] = s
	}
	cal, err := calc.New(&x.Calendar)
	if err != nil {
		return
	}
	d.data, d.cal, d.raw = &x, cal, raw
}

// splitObject returns the raw value of each key of a JSON object (the
// last, if a key repeats, as encoding/json does). It only follows strings
// and brackets; each value is decoded, and so checked, when it is used.
func splitObject(b []byte) (map[string][]byte, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	out := map[string][]byte{}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return out, skipSpace(b, i+1) == len(b)
	}
	for {
		_, j, ok := scanValue(b, i)
		var key string
		if !ok || b[i] != '"' || json.Unmarshal(b[i:j], &key) != nil {
			return nil, false
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		v, j, ok := scanValue(b, i)
		if !ok {
			return nil, false
		}
		out[key] = v
		i = skipSpace(b, j)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			return out, skipSpace(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipSpace(b, i+1)
	}
}

// splitArray returns the raw elements of a JSON array.
func splitArray(b []byte) ([][]byte, bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, false
	}
	var out [][]byte
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return out, skipSpace(b, i+1) == len(b)
	}
	for {
		v, j, ok := scanValue(b, i)
		if !ok {
			return nil, false
		}
		out = append(out, v)
		i = skipSpace(b, j)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == ']' {
			return out, skipSpace(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return nil, false
		}
		i = skipSpace(b, i+1)
	}
}

// scanValue finds the end of the JSON value starting at b[i]: a string,
// an object or array (by its balanced brackets, skipping strings), or a
// literal up to the next delimiter.
func scanValue(b []byte, i int) (v []byte, end int, ok bool) {
	if i >= len(b) {
		return nil, i, false
	}
	depth := 0
	for j := i; j < len(b); j++ {
		switch c := b[j]; c {
		case '"':
			j++
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(b) {
				return nil, j, false
			}
			if depth == 0 {
				return b[i : j+1], j + 1, true
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return b[i:j], j, j > i
			}
			depth--
			if depth == 0 {
				return b[i : j+1], j + 1, true
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return b[i:j], j, j > i
			}
		}
	}
	return b[i:], len(b), depth == 0 && len(b) > i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// service is the deadline data with only the service's procedures (none
// for a service the data does not know: the computation then says so).
func (dd *deadlineData) service(id string) *calc.Data {
	if v, ok := dd.per.Load(id); ok {
		return v.(*calc.Data)
	}
	d := *dd.data
	if raw, ok := dd.raw[id]; ok {
		var sv calc.Service
		if json.Unmarshal(raw, &sv) == nil {
			d.Services = []calc.Service{sv}
		}
	}
	v, _ := dd.per.LoadOrStore(id, &d)
	return v.(*calc.Data)
}

func init() {
	for code, e := range deadlineCatalogue {
		catalogue[code] = e
	}
}

// deadlineCatalogue are the deadline's findings.
var deadlineCatalogue = map[string]entry{
	"deadline/due": {Info, msg{
		"Заявление поступает {received}; решение — не позднее {due} (по календарю рабочих дней)",
		"Өтініш {received} күні түседі; шешім {due} күнінен кешіктірілмей қабылданады (жұмыс күндерінің күнтізбесі бойынша)",
		"The application is received on {received}; the decision is due by {due} (by the working-day calendar)"}},
	"deadline/no-due": {Info, msg{
		"Заявление поступает {received}; {why}",
		"Өтініш {received} күні түседі; {why}",
		"The application is received on {received}; {why}"}},
	"deadline/filed-day-off": {Warning, msg{
		"Дата подачи {date} — нерабочий день ({what}): {why}",
		"Берілген күні {date} — жұмыс емес күн ({what}): {why}",
		"The filing date {date} is a day off ({what}): {why}"}},
	"deadline/fee-day-off": {Warning, msg{
		"Дата оплаты сбора {date} — нерабочий день ({what}): сверьте дату с платёжным документом",
		"Алымды төлеу күні {date} — жұмыс емес күн ({what}): күнді төлем құжатымен салыстырыңыз",
		"The fee's payment date {date} is a day off ({what}): compare it with the payment document"}},
	"deadline/out-of-range": {Warning, msg{
		"Календарь рабочих дней не охватывает {year} год (он считает {from}–{to}): срок решения и нерабочие дни не проверены ({field})",
		"Жұмыс күндерінің күнтізбесі {year} жылды қамтымайды ({from}–{to} жылдарды есептейді): шешім мерзімі мен жұмыс емес күндер тексерілмеді ({field})",
		"The working-day calendar does not cover {year} (it computes {from}–{to}): the decision's due date and days off are not checked ({field})"}},
	"deadline/calendar": {Warning, msg{"{text}", "{text}", "{text}"}},
}

// deadline adds the decision's due date and the calendar's warnings.
func (r *run) deadline() {
	dd := r.c.deadlines()
	if dd.data == nil {
		return
	}
	filed := str(r.man["filed"])
	if t, err := time.Parse("2006-01-02", filed); err == nil && filed >= earliestDate {
		r.deadlineFor(dd, t)
	}
	fee, _ := r.man["fee"].(map[string]any)
	if d := str(fee["date"]); d != "" && d <= r.opt.Today { // a date in the future is date/future alone
		if t, err := time.Parse("2006-01-02", d); err == nil && d >= earliestDate {
			day, err := dd.cal.Day(t)
			switch {
			case err != nil:
				r.outOfRange(err, "fee", "date")
			case !day.Working:
				r.add(r.at(newFinding("deadline/fee-day-off", arg("date", d), argL("what", dd.cal.Describe(day))).withRules(day.Cites), "fee", "date"))
			}
		}
	}
}

// deadlineFor dates the decision for a filing on day t (no time of day:
// taken as within working hours).
func (r *run) deadlineFor(dd *deadlineData, t time.Time) {
	res, err := calc.Deadline(dd.service(r.rep.Service), dd.cal, calc.Request{Service: r.rep.Service, Edition: r.rep.Edition, Kind: r.rep.Kind, Filed: t, NoTime: true})
	if err != nil {
		r.outOfRange(err, "filed")
		return
	}
	if day, err := dd.cal.Day(t); err == nil && !day.Working {
		r.add(r.at(newFinding("deadline/filed-day-off", arg("date", iso(t)), argL("what", dd.cal.Describe(day)), argL("why", res.Received.Why)).withRules(res.Received.Cites), "filed"))
	}
	if res.Due != nil {
		r.add(r.at(newFinding("deadline/due", arg("received", res.Received.Date), arg("due", res.Due.Date)).withRules(res.Due.Cites), "filed"))
	} else {
		why := calc.Texts{}
		for _, w := range res.Warnings {
			if w.Code == "term-unknown" || w.Code == "term-not-days" || w.Code == "term-start" {
				why = w.Message
			}
		}
		r.add(r.at(newFinding("deadline/no-due", arg("received", res.Received.Date), argL("why", why)), "filed"))
	}
	for _, w := range res.Warnings {
		switch w.Code {
		case "year-unconfirmed", "floating-unknown", "floating-provisional", "day-off":
			r.add(r.at(newFinding("deadline/calendar", argL("text", w.Message)), "filed"))
		}
	}
}

// outOfRange warns that a date's year is outside the calendar; other
// errors (a kind the deadline data does not know) add nothing.
func (r *run) outOfRange(err error, path ...string) {
	var year, from, to string
	var e *calc.Error
	var re *calc.RangeError
	switch {
	case errors.As(err, &re):
		year, from, to = strconv.Itoa(re.Year), strconv.Itoa(re.From), strconv.Itoa(re.To)
	case errors.As(err, &e) && e.Code == "out-of-range" && len(e.Args) == 3:
		year, from, to = e.Args[0], e.Args[1], e.Args[2]
	default:
		return
	}
	r.add(r.at(newFinding("deadline/out-of-range", arg("year", year), arg("from", from), arg("to", to), argL("field", r.fieldName(path))), path...))
}

// rulesOf turns the computation's citations into a report's rules: an act
// in the sources with its unit and page, or a calendar act by name.
func rulesOf(cs []calc.Citation) []Rule {
	var out []Rule
	seen := map[string]bool{}
	for _, c := range cs {
		key := c.Act + "|" + c.At + "|" + strconv.Quote(c.Article["en"])
		if c.Act == "" || seen[key] {
			continue
		}
		seen[key] = true
		rl := Rule{Act: c.Act, At: c.At, AtLabel: c.Label, ActName: c.Title}
		if c.Authority == "sources" {
			rl.URL = c.URL
		} else if c.Article != nil {
			rl.AtLabel = c.Article
		} else {
			// A calendar act whose article no source names: said, not
			// left as an empty unit after the act's name.
			rl.AtLabel = map[string]string{"ru": "статья не названа в источниках", "kk": "бабы дереккөздерде аталмаған", "en": "article not named in the sources"}
		}
		out = append(out, rl)
	}
	return out
}

// withRules gives a finding the citations of the computation.
func (f Finding) withRules(cs []calc.Citation) Finding {
	f.Rules = rulesOf(cs)
	return f
}

func iso(t time.Time) string { return t.Format("2006-01-02") }
