package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"ruqsat/internal/lint"
	"ruqsat/internal/rules"
)

func init() {
	register(&command{
		name:  "lint",
		usage: "ruqsat lint [--lang ru|kk|en] [--format text|json] [--today 2006-01-02] [ROOT] | ruqsat lint --explain CODE|all",
		short: "check the rule data: schema, references, citations, three languages, text hygiene",
		run:   runLint,
	})
}

func runLint(ctx context.Context, e *env, args []string) int {
	c := commandNamed("lint")
	fs := newFlags(c, e)
	lang := langFlag(fs)
	format := fs.String("format", "text", "output format: text or json")
	explain := fs.String("explain", "", "explain a problem code (e.g. ref/unit), or \"all\" to list every code")
	today := fs.String("today", "", "check dates as of this day instead of today in Almaty (for tests and reviews)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *explain != "" {
		return explainCodes(e, *explain, *lang)
	}
	l, ok := parseLang(*lang)
	if !ok || (*format != "text" && *format != "json") || fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	now := time.Now()
	if *today != "" {
		t, err := time.ParseInLocation("2006-01-02", *today, lint.Almaty)
		if err != nil {
			fmt.Fprintf(e.stderr, "ruqsat lint: --today must be a date written 2006-01-02, not %q\n", *today)
			return 2
		}
		now = t
	}
	root := e.root
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	s, probs, err := lintAll(root, now)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat lint: %v\n", err)
		return 2
	}
	errs := len(rules.Errors(probs))
	if *format == "json" {
		type item struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
			Severity string `json:"severity"`
			Code     string `json:"code"`
			What     string `json:"message"`
			Fix      string `json:"fix"`
		}
		out := []item{}
		for _, p := range probs {
			what, fix := lint.Message(p, l)
			out = append(out, item{p.File, p.Pos.Line, p.Pos.Col, p.Severity.String(), p.Code, what, fix})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	} else {
		printLintProblems(e, probs, l)
		files := 0
		if s != nil {
			files = len(s.Files)
		}
		// The list goes to stderr like a compiler's; the closing line joins
		// it there when lint fails, and is lint's only output on stdout
		// when it passes.
		w := e.stdout
		if errs > 0 {
			w = e.stderr
		}
		fmt.Fprintln(w, lint.Summary(files, errs, len(probs)-errs, l))
	}
	if errs > 0 {
		return 1
	}
	return 0
}

// printProblems writes problems as file:line:col: code: message, fix on the
// next line, to stderr, the way compilers do, and how many there are.
func printProblems(e *env, probs []rules.Problem, l rules.Lang) {
	printLintProblems(e, probs, l)
	if len(probs) > 0 {
		fmt.Fprintln(e.stderr, lint.Problems(len(probs), l))
	}
}

// printLintProblems writes each problem; a warning is marked as such
// after its place.
func printLintProblems(e *env, probs []rules.Problem, l rules.Lang) {
	for _, p := range probs {
		what, fix := lint.Message(p, l)
		sev := lint.Severity(p.Severity, l)
		if sev != "" {
			sev += ": "
		}
		fmt.Fprintf(e.stderr, "%s:%d:%d: %s%s: %s\n", p.File, p.Pos.Line, p.Pos.Col, sev, p.Code, what)
		if fix != "" {
			fmt.Fprintf(e.stderr, "\tfix: %s\n", fix)
		}
	}
}

// loadAndLint loads the rule data under root and runs every check, for the
// commands that need the data whole (gen, coverage): it returns errors
// only, since warnings must not stop them. Lint's checks run only when the
// files load cleanly, so one typo does not cascade into dozens of reports.
func loadAndLint(root string) (*rules.Set, []rules.Problem, error) {
	s, probs, err := loadRules(root)
	if err != nil || len(probs) > 0 {
		return s, probs, err
	}
	return s, lint.Run(s), nil
}

// lintAll is what ruqsat lint reports: the load problems, or every check's
// errors and warnings as of now, with warnings about rule files whose
// changes rules/changes.yaml does not record when root is a git work tree.
func lintAll(root string, now time.Time) (*rules.Set, []rules.Problem, error) {
	s, probs, err := loadRules(root)
	if err != nil || len(probs) > 0 {
		return s, probs, err
	}
	probs = lint.All(s, now)
	if s.Changes != nil {
		probs = append(probs, lint.Unrecorded(s, gitChanges(root, s), now)...)
		rules.SortProblems(probs)
	}
	return s, probs, nil
}

// gitChanges asks git which rule files have uncommitted changes and when
// each was last committed. It returns nothing when root is not the top of
// a git work tree or git is not installed or fails (a copy of the data
// from an archive is linted all the same, without these warnings).
func gitChanges(root string, s *rules.Set) []lint.FileChange {
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		return nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	git := func(args ...string) ([]byte, error) {
		cmd := exec.Command("git", append([]string{"-C", root, "-c", "core.quotePath=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0") // a status must not take the index lock from an editor
		return cmd.Output()
	}
	out, err := git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", rules.Dir)
	if err != nil {
		return nil
	}
	var changes []lint.FileChange
	uncommitted := map[string]bool{}
	entries := strings.Split(string(out), "\x00")
	for i := 0; i < len(entries); i++ {
		e := entries[i]
		if len(e) < 4 {
			continue
		}
		if e[0] == 'R' || e[0] == 'C' {
			i++ // a rename is followed by the old name
		}
		uncommitted[e[3:]] = true
		changes = append(changes, lint.FileChange{File: e[3:], Uncommitted: true})
	}
	// Only commits after the newest entry matter; the day of margin covers
	// committers in other time zones, since entries and %cs are both dates
	// as the person wrote them.
	since := ""
	for _, c := range s.Changes.Changes {
		if since == "" || c.Date > since {
			since = c.Date
		}
	}
	args := []string{"log", "--no-renames", "--format=@%cs", "--name-only"}
	if t, err := time.Parse("2006-01-02", since); err == nil {
		args = append(args, "--since="+t.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	out, err = git(append(args, "--", rules.Dir)...)
	if err != nil {
		return changes
	}
	last := map[string]string{}
	date := ""
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "@"):
			date = line[1:]
		case line != "" && date > last[line]:
			last[line] = date
		}
	}
	for _, f := range s.Files {
		if d, ok := last[f]; ok && !uncommitted[f] {
			changes = append(changes, lint.FileChange{File: f, Date: d})
		}
	}
	return changes
}

func loadRules(root string) (*rules.Set, []rules.Problem, error) {
	if st, err := os.Stat(filepath.Join(root, rules.Dir)); err != nil || !st.IsDir() {
		return nil, nil, fmt.Errorf("%s has no %s/ folder", root, rules.Dir)
	}
	return rules.Load(os.DirFS(root))
}

func parseLang(s string) (rules.Lang, bool) {
	for _, l := range rules.Langs {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

func commandNamed(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	panic("no command " + name)
}

// explainCodes prints what problem codes mean and how to fix them.
func explainCodes(e *env, code, lang string) int {
	l, ok := parseLang(lang)
	if !ok {
		fmt.Fprintf(e.stderr, "ruqsat lint: --lang must be ru, kk or en, not %q\n", lang)
		return 2
	}
	codes := []string{code}
	if code == "all" {
		codes = lint.Codes()
	}
	for _, c := range codes {
		what, fix, ok := lint.Explain(c, l)
		if !ok {
			fmt.Fprintf(e.stderr, "ruqsat lint: no problem code %q (ruqsat lint --explain all lists them)\n", c)
			return 2
		}
		fmt.Fprintf(e.stdout, "%s\n\t%s\n\tfix: %s\n", c, what, fix)
	}
	return 0
}
