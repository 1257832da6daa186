package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"ruqsat/internal/rules"
	"ruqsat/internal/workdays"
)

// checkCalendar checks rules/tables/calendar.yaml for what its schema
// cannot say: that ids point to acts, pages and holidays that exist, that
// every date exists and lies in its year and is listed once, that an order
// moves a weekly day off onto a working day, that the days carried over as
// published are the ones the carry-over rule gives, and that a published
// number of working days is the calendar's (a warning).
func checkCalendar(s *rules.Set, r *Reporter) {
	c := s.Calendar
	if c == nil {
		return
	}
	f := c.File
	// Errors so far, and the mistakes found here that do not stop the
	// calendar from being computed and compared with what the years say.
	errs, notBlocking := len(rules.Errors(r.probs)), 0
	pos := func(path ...any) rules.Pos {
		p := make([]string, len(path))
		for i, x := range path {
			p[i] = fmt.Sprint(x)
		}
		return s.PosOf(f, p...)
	}

	// Ids: each once, and every reference resolves.
	var ids []string
	var ps []rules.Pos
	for _, a := range c.Acts {
		ids, ps = append(ids, a.ID), append(ps, a.Pos)
	}
	dupIDs(r, f, "acts", ids, ps)
	ids, ps = nil, nil
	for _, p := range c.Pages {
		ids, ps = append(ids, p.ID), append(ps, p.Pos)
	}
	dupIDs(r, f, "pages", ids, ps)
	ids, ps = nil, nil
	for _, h := range c.Holidays {
		ids, ps = append(ids, h.ID), append(ps, h.Pos)
	}
	dupIDs(r, f, "holidays", ids, ps)
	holidayIDs := strings.Join(ids, ", ")
	source := func(src rules.Source, path ...any) {
		if src.Act != "" && c.Act(src.Act) == nil {
			r.Add(f, pos(append(path, "act")...), "calendar/ref-act", src.Act)
		}
		for i, p := range src.Pages {
			if c.Page(p) == nil {
				r.Add(f, pos(append(path, "pages", i)...), "calendar/ref-page", p)
			}
		}
	}
	holiday := func(id string, path ...any) *rules.Holiday {
		h := c.Holiday(id)
		if h == nil {
			r.Add(f, pos(path...), "calendar/ref-holiday", id, holidayIDs)
		}
		return h
	}
	source(c.Weekend.Source, "weekend", "source")
	source(c.CarryOver.Source, "carry_over", "source")
	source(c.Transfers.Source, "transfers", "source")
	source(c.Counting.Source, "counting", "source")
	for i, id := range c.CarryOver.Except {
		holiday(id, "carry_over", "except", i)
	}

	// Fixed dates: real days of every year, each on one holiday.
	fixed := map[string]string{}
	for i, h := range c.Holidays {
		source(h.Source, "holidays", i, "source")
		for j, md := range h.Dates {
			at := pos("holidays", i, "dates", j)
			if _, err := time.Parse("2006-01-02", "2023-"+md); err != nil {
				r.Add(f, at, "calendar/day-invalid", md)
				continue
			}
			if prev, ok := fixed[md]; ok {
				r.Add(f, at, "calendar/duplicate", md, prev)
				continue
			}
			fixed[md] = h.ID
		}
	}

	// The receipt rules: real editions with working hours, real citations.
	cc := citeChecker{s, r}
	for i, rr := range c.Receipt {
		cc.check(f, rr.Cite)
		for j, key := range rr.Editions {
			service, year, _ := strings.Cut(key, "/")
			e := s.Edition(service, year)
			if e == nil {
				r.Add(f, pos("receipt", i, "editions", j), "ref/service", key)
				continue
			}
			if !slices.ContainsFunc(e.Contacts.Hours, func(h rules.Hours) bool { return h.Who == rr.Hours && h.Close != "" }) {
				r.Add(f, pos("receipt", i, "hours"), "calendar/no-hours", key, rr.Hours)
			}
		}
	}

	if ry := c.RuleYears; ry.From > ry.To {
		r.Add(f, pos("rule_years", "to"), "calendar/rule-years", strconv.Itoa(ry.From), strconv.Itoa(ry.To))
	}

	// Each year: in order, once; its dates in it, each listed once.
	weekend := map[time.Weekday]bool{}
	for _, d := range c.Weekend.Days {
		weekend[weekdayOf[d]] = true
	}
	for i, y := range c.Years {
		if i > 0 && y.Year <= c.Years[i-1].Year {
			code := "calendar/year-order"
			if y.Year == c.Years[i-1].Year {
				code = "calendar/year-twice"
			}
			r.Add(f, pos("years", i, "year"), code, strconv.Itoa(y.Year), strconv.Itoa(c.Years[i-1].Year))
		}
		if y.Source != nil {
			source(*y.Source, "years", i, "source")
		}
		seen := map[string]string{} // date → what the year says of it
		date := func(v, what string, path ...any) (time.Time, bool) {
			at := pos(path...)
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return d, false // the schema has said so
			}
			if d.Year() != y.Year {
				r.Add(f, at, "calendar/date-year", v, strconv.Itoa(y.Year))
				return d, false
			}
			if prev, ok := seen[v]; ok {
				r.Add(f, at, "calendar/duplicate", v, prev)
				return d, false
			}
			seen[v] = what
			return d, true
		}
		var floating []string
		for j, fd := range y.Floating {
			h := holiday(fd.Holiday, "years", i, "floating", j, "holiday")
			if h != nil && !h.Floating {
				r.Add(f, pos("years", i, "floating", j, "holiday"), "calendar/not-floating", fd.Holiday)
			}
			if slices.Contains(floating, fd.Holiday) {
				r.Add(f, pos("years", i, "floating", j, "holiday"), "calendar/duplicate", fd.Holiday, fd.Holiday)
			}
			floating = append(floating, fd.Holiday)
			if fd.Source != nil {
				source(*fd.Source, "years", i, "floating", j, "source")
			}
			if fd.Date != "" {
				date(fd.Date, fd.Holiday, "years", i, "floating", j, "date")
			}
		}
		if y.Status == "published" {
			for _, h := range c.Holidays {
				if h.Floating && !slices.ContainsFunc(y.Floating, func(fd rules.FloatingDate) bool { return fd.Holiday == h.ID && fd.Date != "" }) {
					r.Add(f, pos("years", i, "year"), "calendar/floating-missing", strconv.Itoa(y.Year), h.ID)
				}
			}
		}
		for j, cd := range y.Carried {
			holiday(cd.Holiday, "years", i, "carried", j, "holiday")
			date(cd.To, "carried.to", "years", i, "carried", j, "to")
			if d, err := time.Parse("2006-01-02", cd.From); err == nil && d.Year() != y.Year {
				r.Add(f, pos("years", i, "carried", j, "from"), "calendar/date-year", cd.From, strconv.Itoa(y.Year))
			}
		}
		for j, m := range y.Moved {
			source(m.Source, "years", i, "moved", j, "source")
			if from, ok := date(m.From, "moved.from", "years", i, "moved", j, "from"); ok && !weekend[from.Weekday()] {
				r.Add(f, pos("years", i, "moved", j, "from"), "calendar/moved-not-weekend", m.From, from.Weekday().String())
				notBlocking++
			}
			date(m.To, "moved.to", "years", i, "moved", j, "to")
		}
		if y.WorkingDays != nil {
			source(y.WorkingDays.Source, "years", i, "working_days", "source")
		}
	}
	if len(rules.Errors(r.probs)) > errs+notBlocking {
		return // the calendar cannot be computed from data with these mistakes
	}
	checkCalendarDays(s, r, pos)
}

// checkCalendarDays compares the calendar the rules give with what the
// years record: the moved days, the carried days, the working-day counts.
func checkCalendarDays(s *rules.Set, r *Reporter, pos func(path ...any) rules.Pos) {
	c := s.Calendar
	f := c.File
	// The calendar by rule alone: the same data without the orders.
	bare := *c
	bare.Years = make([]rules.CalendarYear, len(c.Years))
	for i, y := range c.Years {
		y.Moved = nil
		bare.Years[i] = y
	}
	byRule, err := workdays.New(&bare)
	if err != nil {
		r.Add(f, rules.Pos{}, "calendar/compute", err.Error())
		return
	}
	full, err := workdays.New(c)
	if err != nil {
		r.Add(f, rules.Pos{}, "calendar/compute", err.Error())
		return
	}
	for i, y := range c.Years {
		for j, m := range y.Moved {
			to, _ := time.Parse("2006-01-02", m.To)
			if day, _ := byRule.Day(to); !day.Working {
				r.Add(f, pos("years", i, "moved", j, "to"), "calendar/moved-already-off", m.To)
			}
		}
		// The carried days the rule gives this year against those recorded.
		if y.Status != "published" && len(y.Carried) == 0 {
			continue
		}
		first := workdays.Date(y.Year, time.January, 1)
		days, _ := byRule.Special(first, first.AddDate(1, 0, -1))
		// The rule's carried days by the holiday's date they come from.
		want := map[string]workdays.Day{}
		for _, d := range days {
			if d.Kind == workdays.Carried {
				want[d.From.Format("2006-01-02")] = d
			}
		}
		for j, cd := range y.Carried {
			d, ok := want[cd.From]
			switch {
			case !ok:
				r.Add(f, pos("years", i, "carried", j), "calendar/carried-none", cd.From, cd.To)
			case d.Holiday != cd.Holiday || d.Date.Format("2006-01-02") != cd.To:
				r.Add(f, pos("years", i, "carried", j), "calendar/carried-wrong", cd.From, cd.To, d.Date.Format("2006-01-02"), d.Holiday)
			}
			delete(want, cd.From)
		}
		for _, d := range days {
			if d.Kind != workdays.Carried {
				continue
			}
			if _, missing := want[d.From.Format("2006-01-02")]; missing {
				at := pos("years", i, "year")
				if len(y.Carried) > 0 {
					at = pos("years", i, "carried")
				}
				r.Add(f, at, "calendar/carried-missing", strconv.Itoa(y.Year), d.From.Format("2006-01-02"), d.Date.Format("2006-01-02"), d.Holiday)
			}
		}
		if y.WorkingDays != nil {
			n, err := full.WorkingDays(y.Year)
			if err == nil && n != y.WorkingDays.Count {
				r.Warn(f, pos("years", i, "working_days", "count"), "calendar/count-mismatch", strconv.Itoa(y.Year), strconv.Itoa(y.WorkingDays.Count), strconv.Itoa(n))
			}
		}
	}
}

var weekdayOf = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// The calendar check joins the list of checks, and its messages the
// catalogue, when the package starts.
func init() {
	Checks = append(Checks, Check{"calendar", checkCalendar})
	for code, m := range calendarMessages {
		messages[code] = m
	}
}

// calendarMessages are the messages of the calendar checks.
var calendarMessages = map[string]message{
	"calendar/ref-act": {
		tr("нет акта «{1}» в acts календаря", "күнтізбенің acts тізімінде «{1}» акті жоқ", "no act \"{1}\" among the calendar's acts"),
		tr("исправьте id или опишите акт в acts (название, что о нём известно)", "id түзетіңіз немесе актіні acts тізімінде сипаттаңыз (атауы, ол туралы не белгілі)", "correct the id, or describe the act under acts (its title, what is known of it)")},
	"calendar/ref-page": {
		tr("нет страницы «{1}» в pages календаря", "күнтізбенің pages тізімінде «{1}» беті жоқ", "no page \"{1}\" among the calendar's pages"),
		tr("исправьте id или добавьте страницу в pages: адрес и что на ней сказано", "id түзетіңіз немесе бетті pages тізіміне қосыңыз: мекенжайы және онда не айтылғаны", "correct the id, or add the page under pages: its address and what it says")},
	"calendar/ref-holiday": {
		tr("нет праздника «{1}» (есть: {2})", "«{1}» мерекесі жоқ (бары: {2})", "no holiday \"{1}\" (holidays: {2})"),
		tr("используйте id праздника из holidays", "holidays тізіміндегі мереке id-ін қолданыңыз", "use the id of a holiday listed under holidays")},
	"calendar/day-invalid": {
		tr("дня {1} (месяц-день) бывает не каждый год или не бывает вовсе", "{1} (ай-күн) күні жыл сайын болмайды немесе мүлде болмайды", "the day {1} (month-day) does not exist every year, or at all"),
		tr("запишите месяц и день, которые есть в каждом году, например 03-21", "әр жылда бар айды және күнді жазыңыз, мысалы 03-21", "write a month and day that every year has, e.g. 03-21")},
	"calendar/duplicate": {
		tr("{1} указано дважды (уже: {2})", "{1} екі рет көрсетілген (бұрын: {2})", "{1} is listed twice (already: {2})"),
		tr("оставьте одну запись: у одного дня одно основание", "бір жазбаны қалдырыңыз: бір күннің бір негізі болады", "keep one entry: a day has one reason")},
	"calendar/date-year": {
		tr("дата {1} не из {2} года, под которым записана", "{1} күні ол жазылған {2} жылға жатпайды", "the date {1} is not in {2}, the year it is listed under"),
		tr("исправьте дату или перенесите запись в свой год", "күнді түзетіңіз немесе жазбаны өз жылына көшіріңіз", "correct the date, or move the entry to its own year")},
	"calendar/year-order": {
		tr("{1} год записан после {2}: годы идут по возрастанию", "{1} жыл {2} жылдан кейін жазылған: жылдар өсу ретімен жазылады", "{1} comes after {2}: the years go oldest first"),
		tr("переставьте год на его место", "жылды өз орнына қойыңыз", "move the year to its place")},
	"calendar/year-twice": {
		tr("{1} год записан дважды", "{1} жыл екі рет жазылған", "the year {1} is listed twice"),
		tr("объедините записи года в одну", "жылдың жазбаларын біреуге біріктіріңіз", "merge the year's entries into one")},
	"calendar/not-floating": {
		tr("праздник «{1}» имеет постоянные даты: его дату по годам не указывают", "«{1}» мерекесінің тұрақты күндері бар: оның күнін жылдар бойынша көрсетпейді", "the holiday \"{1}\" has fixed dates: it takes no date per year"),
		tr("уберите запись или пометьте праздник floating: true вместо dates", "жазбаны алып тастаңыз немесе мерекені dates орнына floating: true деп белгілеңіз", "remove the entry, or mark the holiday floating: true instead of giving dates")},
	"calendar/floating-missing": {
		tr("у опубликованного календаря {1} года нет даты праздника «{2}»", "{1} жылғы жарияланған күнтізбеде «{2}» мерекесінің күні жоқ", "the published {1} calendar gives no date for the holiday \"{2}\""),
		tr("добавьте в floating дату по официальному календарю или измените status года", "floating тізіміне ресми күнтізбе бойынша күнді қосыңыз немесе жылдың status мәнін өзгертіңіз", "add its date from the official calendar under floating, or change the year's status")},
	"calendar/moved-not-weekend": {
		tr("перенос делает рабочим днём {1} ({2}), а это не еженедельный выходной", "ауыстыру {1} ({2}) күнін жұмыс күні етеді, бірақ ол апта сайынғы демалыс күні емес", "the transfer makes {1} ({2}) a working day, but it is not a weekly day off"),
		tr("в from — суббота или воскресенье, ставшие рабочим днём, в to — день, ставший выходным; сверьте с приказом", "from — жұмыс күні болған сенбі не жексенбі, to — демалыс күні болған күн; бұйрықпен салыстырыңыз", "from is the Saturday or Sunday made a working day, to the day made a day off; check them against the order")},
	"calendar/moved-already-off": {
		tr("перенос делает выходным {1}, но этот день и так нерабочий (выходной, праздник или перенесённый выходной)", "ауыстыру {1} күнін демалыс күні етеді, бірақ бұл күн онсыз да жұмыс емес (демалыс, мереке немесе ауыстырылған демалыс күні)", "the transfer makes {1} a day off, but it is not a working day anyway (a weekly day off, a holiday or a carried day off)"),
		tr("сверьте даты с приказом: в to — рабочий день, ставший выходным", "күндерді бұйрықпен салыстырыңыз: to — демалыс күні болған жұмыс күні", "check the dates against the order: to is the working day made a day off")},
	"calendar/carried-wrong": {
		tr("перенос выходного {1} → {2} не совпадает с правилом переноса: по правилу выходной с {1} переходит на {3} ({4})", "{1} → {2} демалыс күнін ауыстыру қағидаға сәйкес келмейді: қағида бойынша демалыс күні {1} күнінен {3} күніне ауысады ({4})", "the carried day {1} → {2} is not what the carry-over rule gives: by the rule the day off of {1} moves to {3} ({4})"),
		tr("сверьте запись с официальным календарём: если он расходится с правилом, запишите перенос приказом в moved", "жазбаны ресми күнтізбемен салыстырыңыз: ол қағидаға сәйкес келмесе, ауыстыруды бұйрық ретінде moved тізіміне жазыңыз", "check the entry against the official calendar: if the calendar differs from the rule, record the change as an order under moved")},
	"calendar/carried-none": {
		tr("перенос выходного {1} → {2}: по правилу переноса с {1} выходной не переносится", "{1} → {2} демалыс күнін ауыстыру: ауыстыру қағидасы бойынша {1} күнінен демалыс күні ауыстырылмайды", "the carried day {1} → {2}: by the carry-over rule no day off is carried from {1}"),
		tr("сверьте запись с официальным календарём: перенос приказом записывается в moved, праздник без переноса — в carry_over.except", "жазбаны ресми күнтізбемен салыстырыңыз: бұйрықпен ауыстыру moved тізіміне, ауыстырылмайтын мереке carry_over.except тізіміне жазылады", "check the entry against the official calendar: a transfer by order goes under moved, a holiday that is not carried over under carry_over.except")},
	"calendar/carried-missing": {
		tr("по правилу переноса в {1} году выходной с {2} переходит на {3} ({4}), а в carried этого нет", "ауыстыру қағидасы бойынша {1} жылы демалыс күні {2} күнінен {3} күніне ауысады ({4}), бірақ carried тізімінде бұл жоқ", "by the carry-over rule the day off of {2} moves to {3} in {1} ({4}), but carried does not list it"),
		tr("добавьте перенос в carried, если он есть в официальном календаре; если нет — выясните, каким приказом он отменён", "ресми күнтізбеде болса, ауыстыруды carried тізіміне қосыңыз; болмаса — қай бұйрықпен жойылғанын анықтаңыз", "add it under carried if the official calendar shows it; if not, find the order that changed it")},
	"calendar/count-mismatch": {
		tr("опубликовано {2} рабочих дней в {1} году, а по календарю их {3}", "{1} жылы {2} жұмыс күні жарияланған, ал күнтізбе бойынша {3}", "{2} working days were published for {1}, but the calendar counts {3}"),
		tr("проверьте праздники и переносы года; если публикация устарела, скажите это в note", "жылдың мерекелері мен ауыстыруларын тексеріңіз; жарияланым ескірген болса, бұл туралы note ішінде жазыңыз", "check the year's holidays and transfers; if the published number is out of date, say so in note")},
	"calendar/no-hours": {
		tr("у редакции {1} нет часов работы «{2}» с окончанием (close) в contacts.hours", "{1} редакциясының contacts.hours ішінде аяқталу уақыты (close) бар «{2}» жұмыс уақыты жоқ", "edition {1} has no working hours of \"{2}\" with a closing time (close) under contacts.hours"),
		tr("укажите в hours того, чьё рабочее время имеет в виду правило (обычно provider)", "hours ішінде қағида жұмыс уақытын меңзейтін тұлғаны көрсетіңіз (әдетте provider)", "name in hours whose working hours the rule means (usually provider)")},
	"calendar/rule-years": {
		tr("rule_years: from ({1}) позже to ({2})", "rule_years: from ({1}) to ({2}) мәнінен кейін", "rule_years: from ({1}) is after to ({2})"),
		tr("исправьте годы", "жылдарды түзетіңіз", "correct the years")},
	"calendar/compute": {
		tr("календарь не удалось посчитать: {1}", "күнтізбені есептеу мүмкін болмады: {1}", "the calendar cannot be computed: {1}"),
		tr("исправьте указанную дату", "көрсетілген күнді түзетіңіз", "correct the date named")},
}
