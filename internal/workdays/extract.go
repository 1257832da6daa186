package workdays

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/internal/workdays/calc"
)

// fmtErr names the calendar file in a computation error.
func fmtErr(file string, err error) error {
	if file == "" {
		return err
	}
	return fmt.Errorf("%s: %w", file, err)
}

// Extract takes from the rule data what deadlines are computed from: the
// calendar, and for every service, edition and application kind the
// procedure (term, receipt rule with its closing hour, steps, renewal
// window), every citation with its act's name and its unit in words. The
// build writes it as JSON for the browser and the checker.
func Extract(s *rules.Set) *Data {
	x := extractor{s: s, units: legalfmt.NewUnits(s.Vocab)}
	d := &Data{Format: calc.Format, Services: []calc.Service{}}
	if s.Calendar != nil {
		d.Calendar = *CalendarData(s.Calendar)
	}
	if s.Vocab != nil {
		d.Gaps = map[string]calc.Texts{}
		for _, g := range s.Vocab.Gaps {
			d.Gaps[g.ID] = texts(g.Texts)
		}
	}
	for _, sv := range s.Services {
		out := calc.Service{ID: sv.ID, Name: texts(sv.Name), Editions: []calc.Edition{}}
		for _, e := range sv.Editions {
			out.Editions = append(out.Editions, x.edition(e))
		}
		d.Services = append(d.Services, out)
	}
	return d
}

type extractor struct {
	s     *rules.Set
	units legalfmt.Units
}

func (x extractor) edition(e *rules.Edition) calc.Edition {
	s := x.s
	out := calc.Edition{Edition: e.Edition, Act: e.Act, KindsKnown: e.Kinds.Known(), Kinds: []calc.Procedure{}}
	if a := s.Acts[e.Act]; a != nil {
		out.ActName = texts(a.Short)
	}
	receipt := x.receipt(e)
	for _, k := range e.Kinds.Items {
		p := calc.Procedure{Kind: k.ID, KindName: calc.Texts{"ru": k.ID, "kk": k.ID, "en": k.ID}, Receipt: receipt, Term: x.term(k.Term)}
		if s.Vocab != nil {
			if t := rules.Find(s.Vocab.Kinds, k.ID); t != nil {
				p.KindName = texts(t.Texts)
			}
		}
		if k.Steps.Known() {
			p.Steps = []calc.StepData{}
			for _, st := range k.Steps.Items {
				sd := calc.StepData{Actor: st.Actor, ActorName: calc.Texts{"ru": st.Actor, "kk": st.Actor, "en": st.Actor},
					Text: texts(st.Texts), Days: st.Days, Unit: st.Unit, Counts: st.Counts, Optional: st.Optional, Cites: x.seedCites(st.Cite)}
				if s.Vocab != nil {
					if a := rules.Find(s.Vocab.Actors, st.Actor); a != nil {
						sd.ActorName = texts(a.Texts)
					}
				}
				p.Steps = append(p.Steps, sd)
			}
		}
		out.Kinds = append(out.Kinds, p)
	}
	// The renewal window, only where the edition's data gives it in days.
	if w := e.Renewal.Window; e.Renewal.Known() && w.Known() && w.Days != nil {
		win := &calc.Window{Days: *w.Days, Unit: w.Unit, From: w.From, Cites: x.seedCites(w.Cite)}
		win.Start = x.start(w.From)
		if w.Note != nil {
			win.Note = texts(*w.Note)
		}
		out.Window = win
	}
	return out
}

// receipt is the edition's rule for filings after hours, with the closing
// hour of the actor it names, or nil.
func (x extractor) receipt(e *rules.Edition) *calc.Receipt {
	if x.s.Calendar == nil {
		return nil
	}
	key := e.Key()
	var rule *rules.ReceiptRule
	for i, rr := range x.s.Calendar.Receipt {
		for _, ed := range rr.Editions {
			if ed == key {
				rule = &x.s.Calendar.Receipt[i]
			}
		}
	}
	if rule == nil {
		return nil
	}
	for _, h := range e.Contacts.Hours {
		if h.Who == rule.Hours && h.Close != "" {
			return &calc.Receipt{Close: h.Close, Cites: append(x.seedCites(rule.Cite), x.seedCites(h.Cite)...)}
		}
	}
	return nil
}

// term is a kind's term; a gap keeps its reason.
func (x extractor) term(t rules.Term) calc.TermData {
	if !t.Known() {
		if t.NotApplicable() {
			return calc.TermData{Gap: "n/a"}
		}
		return calc.TermData{Gap: t.Unknown}
	}
	return calc.TermData{Days: t.Days, Unit: t.Unit, From: t.From, Max: t.Max, Start: x.start(t.From), Cites: x.seedCites(t.Cite)}
}

// start is a term start in words.
func (x extractor) start(id string) calc.Texts {
	if x.s.Vocab != nil {
		if st := rules.Find(x.s.Vocab.TermStarts, id); st != nil {
			return texts(st.Texts)
		}
	}
	return nil
}

// seedCites turns citations of acts in sources/ into Citations, with the
// unit in words and its anchor on the act's page.
func (x extractor) seedCites(cs rules.Cites) []calc.Citation {
	out := []calc.Citation{}
	for _, ct := range cs {
		c := calc.Citation{Act: ct.Act, At: ct.At, Authority: "sources"}
		a := x.s.Acts[ct.Act]
		if a != nil {
			c.Title = texts(a.Short)
			c.URL = calc.Texts{}
			for _, l := range rules.Langs {
				c.URL[string(l)] = "/" + string(l) + "/" + a.CitePath(l, ct.At)
			}
		}
		if ct.At != "" {
			c.Label = calc.Texts{}
			for _, l := range rules.Langs {
				c.Label[string(l)] = x.units.Label(l, ct.At)
			}
		}
		if ct.Lines != nil {
			c.Lines = linesString(ct.Lines)
		}
		out = append(out, c)
	}
	return out
}

// CalendarData turns the calendar's rule data into the computation's,
// every source resolved into citations.
func CalendarData(c *rules.Calendar) *calc.CalendarData {
	d := &calc.CalendarData{
		Weekend:      c.Weekend.Days,
		WeekendCites: calCites(c, c.Weekend.Source),
		Holidays:     []calc.HolidayData{},
		CarryOver:    calc.CarryOver{Except: c.CarryOver.Except, Cites: calCites(c, c.CarryOver.Source)},
		Transfers:    calCites(c, c.Transfers.Source),
		Counting:     calc.Counting{FirstDay: c.Counting.FirstDay, Text: texts(c.Counting.Texts), Cites: calCites(c, c.Counting.Source)},
		RuleYears:    [2]int{c.RuleYears.From, c.RuleYears.To},
		Years:        []calc.YearData{},
	}
	for _, h := range c.Holidays {
		d.Holidays = append(d.Holidays, calc.HolidayData{ID: h.ID, Name: texts(h.Texts), Dates: h.Dates, Floating: h.Floating, Cites: calCites(c, h.Source)})
	}
	for _, y := range c.Years {
		yd := calc.YearData{Year: y.Year, Status: y.Status}
		if y.Source != nil {
			yd.Cites = calCites(c, *y.Source)
		}
		for _, f := range y.Floating {
			fd := calc.Floating{Holiday: f.Holiday, Date: f.Date, Provisional: f.Provisional}
			if f.Source != nil {
				fd.Cites = calCites(c, *f.Source)
			}
			yd.Floating = append(yd.Floating, fd)
		}
		for _, m := range y.Moved {
			yd.Moved = append(yd.Moved, calc.Moved{From: m.From, To: m.To, Cites: calCites(c, m.Source)})
		}
		d.Years = append(d.Years, yd)
	}
	return d
}

// calCites turns a calendar source into citations.
func calCites(c *rules.Calendar, s rules.Source) []calc.Citation {
	ct := calc.Citation{Act: s.Act, Authority: s.Authority}
	if a := c.Act(s.Act); a != nil {
		ct.Title = texts(a.Title)
	}
	if !s.At.Empty() {
		ct.Article = texts(s.At.Texts)
	}
	ct.NotRecorded = s.At.Unknown != ""
	if s.Note != nil {
		ct.Note = texts(*s.Note)
	}
	for _, id := range s.Pages {
		if p := c.Page(id); p != nil {
			ct.Pages = append(ct.Pages, p.Address)
		}
	}
	return []calc.Citation{ct}
}

// texts returns a text's three languages as a map, or nil when empty.
func texts(t rules.Texts) calc.Texts {
	m := calc.Texts{}
	for _, l := range rules.Langs {
		if s := t.String(l); s != "" {
			m[string(l)] = s
		}
	}
	if len(m) == 0 {
		return nil
	}
	return m
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
