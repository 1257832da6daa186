package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"ruqsat/checker"
	"ruqsat/internal/gen/checklist"
	"ruqsat/internal/rules"
	"ruqsat/schemas"
)

func init() {
	register(&command{
		name:  "check",
		usage: "ruqsat check [--lang ru|kk|en] [--format text|json] [--as-of 2006-01-02] [--edition YEAR] PATH... | ruqsat check --list\n  flags may come before or after the paths; -- ends them\n  exit status: 0 ready, 1 errors, 2 cannot check, 3 no errors but not everything could be checked",
		short: "check document packages (folders or .zip files) against their checklists",
		run:   runCheck,
	})
}

// cliText are the check command's own words, around the findings.
var cliText = map[string]map[string]string{
	"pass":         {"ru": "ГОТОВ К ПОДАЧЕ", "kk": "БЕРУГЕ ДАЙЫН", "en": "READY TO SUBMIT"},
	"fail":         {"ru": "ЕСТЬ ОШИБКИ", "kk": "ҚАТЕЛЕР БАР", "en": "ERRORS FOUND"},
	"cannot-check": {"ru": "ПРОВЕРИТЬ НЕЛЬЗЯ", "kk": "ТЕКСЕРУ МҮМКІН ЕМЕС", "en": "CANNOT CHECK"},
	"incomplete":   {"ru": "ОШИБОК НЕ НАЙДЕНО, НО ПРОВЕРЕНО НЕ ВСЁ", "kk": "ҚАТЕ ТАБЫЛМАДЫ, БІРАҚ БӘРІ ТЕКСЕРІЛМЕДІ", "en": "NO ERRORS FOUND, BUT NOT EVERYTHING COULD BE CHECKED"},
	"not-checked":  {"ru": "Не проверено", "kk": "Тексерілмеді", "en": "Not checked"},
	"cannot-see":   {"ru": "Чего эта проверка не видит", "kk": "Бұл тексеру нені көрмейді", "en": "What this check cannot see"},
	"error":        {"ru": "ошибка", "kk": "қате", "en": "error"},
	"warning":      {"ru": "внимание", "kk": "назар аударыңыз", "en": "warning"},
	"info":         {"ru": "сведения", "kk": "мәлімет", "en": "note"},
	"general":      {"ru": "Пакет в целом", "kk": "Топтама тұтастай", "en": "The package as a whole"},
	"rule":         {"ru": "Правило", "kk": "Қағида", "en": "Rule"},
	"counts":       {"ru": "ошибок: %d, предупреждений: %d", "kk": "қателер: %d, ескертулер: %d", "en": "%d error(s), %d warning(s)"},
	"edition":      {"ru": "редакция", "kk": "редакция", "en": "edition"},
	"checklist":    {"ru": "есть перечень", "kk": "тізбе бар", "en": "checklist"},
	"partial":      {"ru": "перечень неполный", "kk": "тізбе толық емес", "en": "partial list"},
	"no-list":      {"ru": "перечня нет в источниках", "kk": "тізбе дереккөздерде жоқ", "en": "not in the sources"},
	"stale": {
		"ru": "ruqsat check: внимание: перечни в schemas/checklists составлены по прежней версии rules/ — выполните «ruqsat gen» (или «ruqsat build»), чтобы проверять по текущим правилам.",
		"kk": "ruqsat check: назар аударыңыз: schemas/checklists ішіндегі тізбелер rules/ бұрынғы нұсқасы бойынша жасалған — қазіргі қағидалармен тексеру үшін «ruqsat gen» (немесе «ruqsat build») орындаңыз.",
		"en": "ruqsat check: warning: the checklists in schemas/checklists were made from an older version of rules/; run 'ruqsat gen' (or 'ruqsat build') to check against the current rules.",
	},
	"summary": {"ru": "Пакетов: %d, готовы: %d, с ошибками: %d, проверены не полностью: %d, не проверены: %d", "kk": "Топтамалар: %d, дайын: %d, қатесі бар: %d, толық тексерілмеген: %d, тексерілмеген: %d", "en": "%d package(s): %d ready, %d with errors, %d not fully checked, %d not checked"},
}

func runCheck(ctx context.Context, e *env, args []string) int {
	c := commandNamed("check")
	fs := newFlags(c, e)
	lang := langFlag(fs)
	format := fs.String("format", "text", "output: text, or json (one JSON report per line, in the order of the paths)")
	asOf := fs.String("as-of", "", "check as if today were this date (default: today in Astana)")
	edition := fs.String("edition", "", "use this edition instead of the one in force on the filing date")
	list := fs.Bool("list", false, "list the services, editions and application kinds that can be checked")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if _, ok := parseLang(*lang); !ok {
		fmt.Fprintf(e.stderr, "ruqsat check: --lang must be ru, kk or en, not %q\n", *lang)
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "ruqsat check: --format must be text or json, not %q\n", *format)
		return 2
	}
	if *asOf != "" {
		if _, err := time.Parse("2006-01-02", *asOf); err != nil {
			fmt.Fprintf(e.stderr, "ruqsat check: --as-of %q is not a date like 2026-11-29\n", *asOf)
			return 2
		}
	}
	// Until the first report is out (compiling its checklist, reading the
	// deadline data, the first package: all of a check of one package),
	// the collector runs at a quarter of its usual pace: a start-up makes
	// garbage of a few MB, and at the default pace collecting it cost
	// about a fifth of the run. Set back to the default, or to $GOGC,
	// after, so that many or big packages keep the memory they had.
	restoreGC := func() {}
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(400)
		restoreGC = func() { debug.SetGCPercent(old) }
	}
	defer func() { restoreGC() }()
	ck, err := newChecker(e.root)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat check: %v\n", err)
		return 2
	}
	warnStale(e, ck, *lang)
	if *list {
		return printList(e, ck, *lang)
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	// --as-of before today makes the check explicitly historical: an
	// edition named that was not in force on the filing date is then
	// checked as asked (a warning, never ready) instead of being an error.
	opt := checker.Options{Today: *asOf, Edition: *edition, Historical: *asOf != "" && *asOf < astanaToday()}
	reports := checkAll(ck, paths, opt)
	out := bufio.NewWriter(e.stdout)
	code := 0
	var ready, failed, partly, cannot int
	for i := range paths {
		rep := reports.next(i)
		if i == 0 {
			restoreGC()
			restoreGC = func() {}
		}
		switch rep.Verdict {
		case checker.Pass:
			ready++
		case checker.Fail:
			failed++
			code = worse(code, exitFail)
		case checker.Incomplete:
			partly++
			code = worse(code, exitIncomplete)
		default:
			cannot++
			code = worse(code, exitCannot)
		}
		if *format == "json" {
			b, _ := json.Marshal(rep)
			out.Write(b)
			out.WriteByte('\n')
			continue
		}
		printReport(out, rep, *lang, e.stdoutTTY)
	}
	if *format == "text" && len(paths) > 1 {
		fmt.Fprintf(out, cliText["summary"][*lang]+"\n", len(paths), ready, failed, partly, cannot)
	}
	// A report that could not be written (a full disk, a closed pipe) is
	// not a verdict: bufio keeps the first write error for Flush.
	if err := out.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "ruqsat check: writing the report: %v\n", err)
		return 2
	}
	return code
}

// The exit statuses of check, one per verdict. Incomplete ("no errors
// found, but not everything could be checked") has its own status, 3, so
// that a script never takes it for ready (0); with several packages the
// worst verdict wins: cannot check, then errors, then incomplete.
const (
	exitReady      = 0
	exitFail       = 1
	exitCannot     = 2
	exitIncomplete = 3
)

// worse returns the exit status of the worse of two verdicts' statuses.
func worse(a, b int) int {
	rank := map[int]int{exitReady: 0, exitIncomplete: 1, exitFail: 2, exitCannot: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// astanaToday is today's date in Astana, as the checker takes it.
func astanaToday() string {
	return time.Now().In(time.FixedZone("Asia/Almaty", 5*3600)).Format("2006-01-02")
}

// newChecker opens the checklists check uses. Inside a repository (root
// holds schemas/checklists/index.json) they are read from there, so that
// `ruqsat gen` after an edit of the rules is seen at once, whenever this
// binary was built; elsewhere the copy built into the binary is used.
func newChecker(root string) (*checker.Checker, error) {
	dir := filepath.Join(root, filepath.FromSlash(checklist.Dir))
	if _, err := os.Stat(filepath.Join(dir, "index.json")); err == nil {
		return checker.New(os.DirFS(dir), schemas.BaseURL+"checklists/")
	}
	sub, err := fs.Sub(schemas.Checklists, "checklists")
	if err != nil {
		return nil, err
	}
	return checker.New(sub, schemas.BaseURL+"checklists/")
}

// warnStale tells on stderr when check runs beside rule data that the
// checklists were not generated from: an edit not yet followed by gen.
func warnStale(e *env, ck *checker.Checker, lang string) {
	if _, err := os.Stat(filepath.Join(e.root, rules.Dir)); err != nil {
		return // not in a repository: only the built-in checklists exist
	}
	if !editedSince(e.root) {
		return
	}
	d, err := rules.Digest(os.DirFS(e.root))
	if err != nil || d == ck.RulesDigest() {
		return
	}
	fmt.Fprintln(e.stderr, cliText["stale"][lang])
}

// editedSince reports whether a rule file may differ from the one the
// checklists in the repository were generated from: one was modified when
// or after index.json was written (gen writes it last), or there is no index.json
// to compare with. Hashing all of rules/ (about 2 MB) costs a check of one
// package a third of its time; a stat of each file costs almost nothing.
// A checkout that writes both keeps them consistent, since the repository
// commits the checklists generated from its rules (TestNoDrift).
func editedSince(root string) bool {
	idx, err := os.Stat(filepath.Join(root, filepath.FromSlash(checklist.Dir), "index.json"))
	if err != nil {
		return true
	}
	edited := false
	filepath.WalkDir(filepath.Join(root, rules.Dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			edited = true
			return filepath.SkipAll
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return nil
		}
		// Not older, rather than newer: on a file system that keeps
		// whole seconds, an edit in the second gen ran still counts.
		if info, err := d.Info(); err != nil || !info.ModTime().Before(idx.ModTime()) {
			edited = true
			return filepath.SkipAll
		}
		return nil
	})
	return edited
}

// checkAll checks packages on every core and returns their reports through
// results.next, in the order given, while later ones are still running.
// Workers run at most a window of packages ahead of the reader, so a slow
// package early in a long list does not make reports pile up in memory.
func checkAll(ck *checker.Checker, paths []string, opt checker.Options) *results {
	procs := runtime.GOMAXPROCS(0)
	res := &results{out: make([]chan *checker.Report, len(paths)), window: make(chan struct{}, 4*procs)}
	for i := range res.out {
		res.out[i] = make(chan *checker.Report, 1)
	}
	jobs := make(chan int)
	for w := 0; w < procs; w++ {
		go func() {
			for i := range jobs {
				res.out[i] <- ck.CheckPath(paths[i], opt)
			}
		}()
	}
	go func() {
		for i := range paths {
			res.window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	return res
}

// results are the reports of checkAll.
type results struct {
	out    []chan *checker.Report
	window chan struct{} // a token per package handed out and not yet read
}

// next returns the report of the i-th path, waiting for it; call it for
// i = 0, 1, 2… in turn.
func (r *results) next(i int) *checker.Report {
	rep := <-r.out[i]
	<-r.window
	return rep
}

const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	green  = "\x1b[32m"
	cyan   = "\x1b[36m"
	dim    = "\x1b[2m"
	bold   = "\x1b[1m"
	reset  = "\x1b[0m"
)

// printReport writes a report for a person: the verdict, then findings
// grouped by checklist item, each with its rule.
func printReport(w io.Writer, rep *checker.Report, lang string, color bool) {
	paint := func(c, s string) string {
		if !color {
			return s
		}
		return c + s + reset
	}
	verdictColor := map[checker.Verdict]string{checker.Pass: green, checker.Fail: red, checker.Incomplete: cyan, checker.CannotCheck: yellow}[rep.Verdict]
	title := rep.Package
	if rep.Service != "" {
		title += " — " + rep.Service
		if rep.Edition != "" {
			title += ", " + cliText["edition"][lang] + " " + rep.Edition
		}
		if rep.Kind != "" {
			kind := rep.Kind
			if n := rep.KindName[lang]; n != "" {
				kind = n
			}
			title += ", " + kind
		}
	}
	errs, warns, _ := rep.Counts()
	fmt.Fprintf(w, "%s  %s  (%s)\n", paint(bold+verdictColor, cliText[string(rep.Verdict)][lang]), title, fmt.Sprintf(cliText["counts"][lang], errs, warns))
	names := map[string]string{}
	for _, it := range rep.Items {
		names[it.ID] = it.Name[lang]
	}
	group := "\x00"
	for _, f := range rep.Findings {
		if f.Item != group {
			group = f.Item
			head := cliText["general"][lang]
			if f.Item != "" {
				head = names[f.Item]
				if head == "" {
					head = f.Item
				}
				head += " [" + f.Item + "]"
			}
			fmt.Fprintf(w, "  %s\n", paint(bold, head))
		}
		mark := map[checker.Severity]string{checker.Error: paint(red, "✗"), checker.Warning: paint(yellow, "!"), checker.Info: paint(dim, "·")}[f.Severity]
		where := ""
		if f.Line > 0 {
			where = fmt.Sprintf(" (manifest %d:%d)", f.Line, f.Column)
		}
		fmt.Fprintf(w, "    %s %s: %s%s %s\n", mark, cliText[string(f.Severity)][lang], f.Message[lang], where, paint(dim, "["+f.Code+"]"))
		if f.Detail != "" {
			// What the message leaves out: the ids to write in the
			// manifest, a parser's own words.
			fmt.Fprintf(w, "      %s\n", paint(dim, f.Detail))
		}
		for _, r := range f.Rules {
			name := r.ActName[lang]
			if at := r.AtLabel[lang]; at != "" {
				name += ", " + at
			}
			fmt.Fprintf(w, "      %s: %s %s\n", cliText["rule"][lang], name, paint(dim, r.URL[lang]))
		}
	}
	// What could not be checked, again in one place: the reason the
	// verdict is not "ready" although no error was found.
	if nc := rep.NotChecked(); len(nc) > 0 {
		fmt.Fprintf(w, "  %s\n", paint(bold+cyan, cliText["not-checked"][lang]))
		for _, f := range nc {
			fmt.Fprintf(w, "    ? %s\n", f.Message[lang])
		}
	}
	if len(rep.CannotSee) > 0 {
		fmt.Fprintf(w, "  %s\n", paint(bold, cliText["cannot-see"][lang]))
		for _, m := range rep.CannotSee {
			fmt.Fprintf(w, "    – %s\n", m[lang])
		}
	}
	fmt.Fprintln(w)
}

func printList(e *env, ck *checker.Checker, lang string) int {
	for _, s := range ck.Services() {
		fmt.Fprintf(e.stdout, "%s — %s\n", s.ID, s.Name[lang])
		for _, ed := range s.Editions {
			var kinds []string
			for _, k := range ed.Kinds {
				state := cliText["checklist"][lang]
				switch {
				case k.Checklist == "":
					state = cliText["no-list"][lang]
				case k.Partial:
					state = cliText["partial"][lang]
				}
				// The kind's name in the language asked for, with the id
				// the manifest takes.
				name := k.Kind
				if n := ck.KindName(k.Kind)[lang]; n != "" && n != k.Kind {
					name = n + " [" + k.Kind + "]"
				}
				kinds = append(kinds, fmt.Sprintf("%s (%s)", name, state))
			}
			if len(kinds) == 0 {
				kinds = []string{cliText["no-list"][lang]}
			}
			fmt.Fprintf(e.stdout, "  %s  %s\n", ed.Edition, strings.Join(kinds, ", "))
		}
	}
	return 0
}
