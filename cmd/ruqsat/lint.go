package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"ruqsat/internal/lint"
	"ruqsat/internal/rules"
)

func init() {
	register(&command{
		name:  "lint",
		usage: "ruqsat lint [--lang ru|kk|en] [--format text|json] [ROOT] | ruqsat lint --explain CODE|all",
		short: "check the rule data: schema, references, citations, three languages, text hygiene",
		run:   runLint,
	})
}

func runLint(ctx context.Context, e *env, args []string) int {
	c := commandNamed("lint")
	fs := newFlags(c, e)
	lang := fs.String("lang", "en", "language of the messages: ru, kk or en")
	format := fs.String("format", "text", "output format: text or json")
	explain := fs.String("explain", "", "explain a problem code (e.g. ref/unit), or \"all\" to list every code")
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
	root := e.root
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	_, probs, err := loadAndLint(root)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat lint: %v\n", err)
		return 2
	}
	if *format == "json" {
		type item struct {
			File   string `json:"file"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
			Code   string `json:"code"`
			What   string `json:"message"`
			Fix    string `json:"fix"`
		}
		out := []item{}
		for _, p := range probs {
			what, fix := lint.Message(p, l)
			out = append(out, item{p.File, p.Pos.Line, p.Pos.Col, p.Code, what, fix})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	} else {
		printProblems(e, probs, l)
	}
	if len(probs) > 0 {
		return 1
	}
	return 0
}

// problemCount is the closing line of lint's report, per language.
var problemCount = map[rules.Lang]string{rules.RU: "проблем: %d", rules.KK: "мәселелер: %d", rules.EN: "%d problem(s)"}

// printProblems writes problems as file:line:col: code: message, fix on the
// next line, to stderr, the way compilers do.
func printProblems(e *env, probs []rules.Problem, l rules.Lang) {
	for _, p := range probs {
		what, fix := lint.Message(p, l)
		fmt.Fprintf(e.stderr, "%s:%d:%d: %s: %s\n", p.File, p.Pos.Line, p.Pos.Col, p.Code, what)
		if fix != "" {
			fmt.Fprintf(e.stderr, "\tfix: %s\n", fix)
		}
	}
	if len(probs) > 0 {
		fmt.Fprintf(e.stderr, problemCount[l]+"\n", len(probs))
	}
}

// loadAndLint loads the rule data under root and runs every check. Lint's
// checks run only when the files load cleanly, so one typo does not cascade
// into dozens of reports.
func loadAndLint(root string) (*rules.Set, []rules.Problem, error) {
	if st, err := os.Stat(filepath.Join(root, rules.Dir)); err != nil || !st.IsDir() {
		return nil, nil, fmt.Errorf("%s has no %s/ folder", root, rules.Dir)
	}
	s, probs, err := rules.Load(os.DirFS(root))
	if err != nil || len(probs) > 0 {
		return s, probs, err
	}
	return s, lint.Run(s), nil
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
