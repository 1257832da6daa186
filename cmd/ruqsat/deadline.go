package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/internal/workdays"
)

func init() {
	register(&command{
		name:  "deadline",
		usage: "ruqsat deadline --service ID --kind KIND --filed 2006-01-02T15:04 [--edition YEAR] [--lang ru|kk|en] [--format text|json] [ROOT]",
		short: "compute when an application counts as received and when the decision is due, in working days of Kazakhstan's calendar",
		run:   runDeadline,
	})
}

// deadlineText are the deadline command's own words.
var deadlineText = map[string]map[rules.Lang]string{
	"edition":    {rules.RU: "редакция", rules.KK: "редакция", rules.EN: "edition"},
	"filed":      {rules.RU: "Подано", rules.KK: "Берілді", rules.EN: "Filed"},
	"received":   {rules.RU: "Поступило", rules.KK: "Түсті", rules.EN: "Received"},
	"term":       {rules.RU: "Срок", rules.KK: "Мерзімі", rules.EN: "Term"},
	"counting":   {rules.RU: "Отсчёт", rules.KK: "Есептеу", rules.EN: "Counting"},
	"due":        {rules.RU: "Решение не позднее", rules.KK: "Шешім мерзімі", rules.EN: "Decision due"},
	"steps":      {rules.RU: "Этапы", rules.KK: "Кезеңдер", rules.EN: "Steps"},
	"calendar":   {rules.RU: "Праздники и переносы в этот период", rules.KK: "Осы кезеңдегі мерекелер мен ауыстырулар", rules.EN: "Holidays and moved days in this period"},
	"warnings":   {rules.RU: "Внимание", rules.KK: "Назар аударыңыз", rules.EN: "Warnings"},
	"at-most":    {rules.RU: "не более", rules.KK: "аспайтын", rules.EN: "at most"},
	"ours":       {rules.RU: "наше прочтение, источника нет", rules.KK: "біздің оқылымымыз, дереккөз жоқ", rules.EN: "our reading, no source"},
	"secondary":  {rules.RU: "вторичный источник — сообщения, цитирующие акт, а не его текст", rules.KK: "қосалқы дереккөз — актінің мәтіні емес, оны келтіретін хабарлар", rules.EN: "secondary source — reports quoting the act, not its text"},
	"official":   {rules.RU: "официальная публикация", rules.KK: "ресми жарияланым", rules.EN: "official publication"},
	"no-article": {rules.RU: "статья не записана", rules.KK: "бабы жазылмаған", rules.EN: "article not recorded"},
	"not-confirmed": {
		rules.RU: "не подтверждено официальным календарём",
		rules.KK: "ресми күнтізбемен расталмаған",
		rules.EN: "not confirmed by an official calendar",
	},
	"usage": {
		rules.RU: "ruqsat deadline: нужны --service, --kind и --filed (ruqsat help deadline)",
		rules.KK: "ruqsat deadline: --service, --kind және --filed қажет (ruqsat help deadline)",
		rules.EN: "ruqsat deadline: --service, --kind and --filed are required (ruqsat help deadline)",
	},
	"bad-filed": {
		rules.RU: "ruqsat deadline: --filed %q — не дата и время вида 2026-03-20T10:00 (или дата 2026-03-20)",
		rules.KK: "ruqsat deadline: --filed %q — 2026-03-20T10:00 түріндегі күн мен уақыт емес (немесе 2026-03-20 күні)",
		rules.EN: "ruqsat deadline: --filed %q is not a date and time like 2026-03-20T10:00 (or a date like 2026-03-20)",
	},
	"bad-format": {
		rules.RU: "ruqsat deadline: --format должен быть text или json, а не %q",
		rules.KK: "ruqsat deadline: --format мәні text немесе json болуы керек, %q емес",
		rules.EN: "ruqsat deadline: --format must be text or json, not %q",
	},
	"bad-lang": {
		rules.RU: "ruqsat deadline: --lang должен быть ru, kk или en, а не %q",
		rules.KK: "ruqsat deadline: --lang мәні ru, kk немесе en болуы керек, %q емес",
		rules.EN: "ruqsat deadline: --lang must be ru, kk or en, not %q",
	},
	"lint": {
		rules.RU: "ruqsat deadline: в данных правил есть ошибки; сначала исправьте их (ruqsat lint)",
		rules.KK: "ruqsat deadline: қағида деректерінде қателер бар; алдымен оларды түзетіңіз (ruqsat lint)",
		rules.EN: "ruqsat deadline: the rule data has problems; fix them first (ruqsat lint)",
	},
	"no-due": {
		rules.RU: "ruqsat deadline: %s",
		rules.KK: "ruqsat deadline: %s",
		rules.EN: "ruqsat deadline: %s",
	},
}

// filedLayouts are the ways --filed may be written; the last has no time.
var filedLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"}

func runDeadline(ctx context.Context, e *env, args []string) int {
	c := commandNamed("deadline")
	fs := newFlags(c, e)
	lang := langFlag(fs)
	format := fs.String("format", "text", "output: text, or json for machines")
	service := fs.String("service", "", "the service, e.g. sts-license (ruqsat check --list shows them)")
	kind := fs.String("kind", "", "the application kind, e.g. issue or renewal")
	filedArg := fs.String("filed", "", "when the application was filed, Kazakhstan time: 2026-03-20T10:00 (or only the date)")
	edition := fs.String("edition", "", "the edition's year (default: the newest whose application kinds are in the sources)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	l, ok := parseLang(*lang)
	if !ok {
		fmt.Fprintf(e.stderr, deadlineText["bad-lang"][messageLang()]+"\n", *lang)
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, deadlineText["bad-format"][l]+"\n", *format)
		return 2
	}
	if *service == "" || *kind == "" || *filedArg == "" || fs.NArg() > 1 {
		fmt.Fprintln(e.stderr, deadlineText["usage"][l])
		return 2
	}
	req := workdays.Request{Service: *service, Kind: *kind, Edition: *edition}
	parsed := false
	for i, layout := range filedLayouts {
		if t, err := time.Parse(layout, *filedArg); err == nil {
			req.Filed, req.NoTime, parsed = t, i == len(filedLayouts)-1, true
			break
		}
	}
	if !parsed {
		fmt.Fprintf(e.stderr, deadlineText["bad-filed"][l]+"\n", *filedArg)
		return 2
	}
	root := e.root
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	s, probs, err := loadAndLint(root)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat deadline: %v\n", err)
		return 2
	}
	if len(probs) > 0 {
		printProblems(e, probs, l)
		fmt.Fprintln(e.stderr, deadlineText["lint"][l])
		return 1
	}
	cal, err := workdays.FromSet(s)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, workdays.ErrNoCalendar) {
			msg = workdays.Message("no-calendar", l)
		}
		fmt.Fprintln(e.stderr, "ruqsat deadline: "+msg)
		return 2
	}
	res, err := workdays.Deadline(s, cal, req)
	if err != nil {
		var we *workdays.Error
		if errors.As(err, &we) {
			fmt.Fprintln(e.stderr, "ruqsat deadline: "+we.Message(string(l)))
		} else {
			fmt.Fprintf(e.stderr, "ruqsat deadline: %v\n", err)
		}
		return 2
	}
	if res.Due == nil {
		// A kind without a term in days: nothing to count to.
		for _, w := range res.Warnings {
			if strings.HasPrefix(w.Code, "term-") {
				fmt.Fprintf(e.stderr, deadlineText["no-due"][l]+"\n", w.Message[string(l)])
			}
		}
		return 2
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return 2
		}
		return 0
	}
	printDeadline(e.stdout, res, l)
	return 0
}

// printDeadline writes a deadline for a person, in l, every date with the
// rules it comes from.
func printDeadline(w io.Writer, r *workdays.Result, lang rules.Lang) {
	l := string(lang)
	t := func(key string) string { return deadlineText[key][lang] }
	label := func(key string) string { return fmt.Sprintf("%-*s", labelWidth(lang), t(key)+":") }
	indent := strings.Repeat(" ", labelWidth(lang)+1)
	cites := func(cs []workdays.Citation) {
		for _, c := range uniqueCites(cs) {
			fmt.Fprintf(w, "%s[%s]\n", indent, citeText(c, lang))
		}
	}

	act := r.Act
	if r.ActName[l] != "" {
		act = r.ActName[l]
	}
	fmt.Fprintf(w, "%s — %s %s (%s), %s\n", r.ServiceName[l], t("edition"), r.Edition, act, r.KindName[l])
	filed := strings.Replace(r.Filed, "T", " ", 1)
	fd, _ := time.Parse("2006-01-02", r.Filed[:10])
	fmt.Fprintf(w, "%s %s, %s\n", label("filed"), filed, workdays.WeekdayName(fd, lang))
	fmt.Fprintf(w, "%s %s, %s — %s\n", label("received"), r.Received.Date, r.Received.Weekday[l], r.Received.Why[l])
	cites(r.Received.Cites)
	if r.Term != nil {
		term := termWords(r.Term, lang)
		if r.Term.Max {
			term = t("at-most") + " " + term
		}
		fmt.Fprintf(w, "%s %s %s\n", label("term"), term, r.Term.Start[l])
		cites(r.Term.Cites)
	}
	fmt.Fprintf(w, "%s %s\n", label("counting"), r.Counting.Text[l])
	cites(r.Counting.Cites)
	fmt.Fprintf(w, "%s %s, %s", label("due"), r.Due.Date, r.Due.Weekday[l])
	if !r.Confirmed {
		fmt.Fprintf(w, " (%s)", t("not-confirmed"))
	}
	fmt.Fprintln(w)

	if len(r.Steps) > 0 {
		fmt.Fprintf(w, "\n%s:\n", t("steps"))
		for _, st := range r.Steps {
			when := ""
			if st.Date != "" {
				when = st.Date + ", " + st.Weekday[l] + " — "
			}
			days := ""
			if st.Days != nil {
				days = ", " + termWords(&workdays.Term{Days: *st.Days, Unit: st.Unit}, lang)
			}
			fmt.Fprintf(w, "  %d. %s%s%s: %s", st.N, when, st.ActorName[l], days, st.Text[l])
			if st.Note != nil {
				fmt.Fprintf(w, " (%s)", st.Note[l])
			}
			fmt.Fprintln(w)
			for _, c := range uniqueCites(st.Cites) {
				fmt.Fprintf(w, "     [%s]\n", citeText(c, lang))
			}
		}
	}
	if len(r.Calendar) > 0 {
		fmt.Fprintf(w, "\n%s:\n", t("calendar"))
		for _, d := range r.Calendar {
			fmt.Fprintf(w, "  %s, %s — %s", d.Date, d.Weekday[l], d.What[l])
			if !d.Confirmed {
				fmt.Fprintf(w, " (%s)", t("not-confirmed"))
			}
			fmt.Fprintln(w)
			for _, c := range uniqueCites(d.Cites) {
				fmt.Fprintf(w, "     [%s]\n", citeText(c, lang))
			}
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "\n%s:\n", t("warnings"))
		for _, wn := range r.Warnings {
			fmt.Fprintf(w, "  ! %s\n", wn.Message[l])
		}
	}
}

// labelWidth lines the values up after the longest label in l.
func labelWidth(l rules.Lang) int {
	n := 0
	for _, k := range []string{"filed", "received", "term", "counting", "due"} {
		n = max(n, len([]rune(deadlineText[k][l]))+1)
	}
	return n
}

// termWords writes "15 рабочих дней", "15 жұмыс күні", "15 working days".
func termWords(t *workdays.Term, l rules.Lang) string {
	if t.Unit != "calendar" {
		return legalfmt.Count(t.Days, l, [3]string{"рабочий день", "рабочих дня", "рабочих дней"}, "жұмыс күні", "working day")
	}
	return legalfmt.Count(t.Days, l, [3]string{"календарный день", "календарных дня", "календарных дней"}, "күнтізбелік күн", "calendar day")
}

// citeText writes a citation in l: an act in sources/ with its unit and
// lines, or a calendar act with its article and the pages it was read
// from, saying how far they can be trusted.
func citeText(c workdays.Citation, lang rules.Lang) string {
	l := string(lang)
	var parts []string
	if c.Title != nil {
		parts = append(parts, c.Title[l])
	} else if c.Act != "" {
		parts = append(parts, c.Act)
	}
	switch c.Authority {
	case "sources":
		// The unit in words («прил. 1, п. 7»), as the pages write it;
		// the raw id only when the vocabulary has no label.
		if c.Label[l] != "" {
			parts = append(parts, c.Label[l])
		} else if c.At != "" {
			parts = append(parts, c.At)
		}
		if c.Lines != "" {
			parts = append(parts, linesWords(c.Lines, lang))
		}
		return strings.Join(parts, ", ")
	case "ours":
		parts = append(parts, deadlineText["ours"][lang])
		return strings.Join(parts, ", ")
	}
	if c.Article != nil {
		parts = append(parts, c.Article[l])
	} else if c.NotRecorded {
		parts = append(parts, deadlineText["no-article"][lang])
	}
	src := deadlineText[c.Authority][lang]
	if src == "" {
		src = c.Authority
	}
	if len(c.Pages) > 0 {
		src += ": " + strings.Join(c.Pages, ", ")
	}
	return strings.Join(append(parts, src), "; ")
}

// linesWords writes seed lines: "стр. 87–91", "87–91-жолдар", "lines 87–91".
func linesWords(lines string, l rules.Lang) string {
	many := strings.ContainsAny(lines, "–, ")
	switch l {
	case rules.RU:
		return "стр. " + lines
	case rules.KK:
		if many {
			return "жолдар: " + lines
		}
		return lines + "-жол"
	}
	if many {
		return "lines " + lines
	}
	return "line " + lines
}

// uniqueCites drops repeated citations, keeping the first.
func uniqueCites(cs []workdays.Citation) []workdays.Citation {
	var out []workdays.Citation
	seen := map[string]bool{}
	for _, c := range cs {
		b, _ := json.Marshal(c)
		if !seen[string(b)] {
			seen[string(b)] = true
			out = append(out, c)
		}
	}
	return out
}
