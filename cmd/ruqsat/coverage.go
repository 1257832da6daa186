package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"ruqsat/internal/coverage"
)

func init() {
	register(&command{
		name:  "coverage",
		usage: "ruqsat coverage [--format text|json] [--service ID] [ROOT]",
		short: "show, per service and edition, which facts the sources give, which they do not, and where they conflict",
		run:   runCoverage,
	})
}

func runCoverage(ctx context.Context, e *env, args []string) int {
	c := commandNamed("coverage")
	fs := newFlags(c, e)
	format := fs.String("format", "text", "output format: text or json")
	only := fs.String("service", "", "show only this service")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (*format != "text" && *format != "json") || fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	root := e.root
	if fs.NArg() == 1 {
		root = fs.Arg(0)
	}
	s, probs, err := loadAndLint(root)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat coverage: %v\n", err)
		return 2
	}
	if len(probs) > 0 {
		printProblems(e, probs, messageLang())
		fmt.Fprintln(e.stderr, "ruqsat coverage: the rule data has problems; fix them first (ruqsat lint)")
		return 1
	}
	m := coverage.Compute(s)
	if *only != "" {
		found := false
		for i, id := range m.Services {
			if id == *only {
				m.Services, m.Cells = []string{id}, m.Cells[i:i+1]
				found = true
				break
			}
		}
		if !found {
			fmt.Fprintf(e.stderr, "ruqsat coverage: no service %q (services: %s)\n", *only, strings.Join(m.Services, ", "))
			return 2
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(m); err != nil {
			return 2
		}
		return 0
	}
	printCoverage(e, m)
	return 0
}

func printCoverage(e *env, m *coverage.Matrix) {
	w := e.stdout
	fmt.Fprintln(w, "Facts per service and edition: known / partial / missing (n/a not counted); ! = recorded conflicts")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "service")
	for _, y := range m.Editions {
		fmt.Fprint(tw, "\t", y)
	}
	fmt.Fprintln(tw)
	for i, id := range m.Services {
		fmt.Fprint(tw, id)
		for _, c := range m.Cells[i] {
			if c == nil {
				fmt.Fprint(tw, "\t—")
				continue
			}
			cell := fmt.Sprintf("%d/%d/%d", c.Known, c.Partial, c.Missing)
			if c.Conflicts > 0 {
				cell += fmt.Sprintf(" !%d", c.Conflicts)
			}
			fmt.Fprint(tw, "\t", cell)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	for i := range m.Services {
		for _, c := range m.Cells[i] {
			if c == nil {
				continue
			}
			fmt.Fprintf(w, "\n%s %s  (%s, act %s)\n", c.Service, c.Edition, c.File, c.Act)
			groups := map[coverage.Status][]string{}
			var conflicts []string
			for _, f := range c.Facts {
				item := f.Fact
				if len(f.Reasons) > 0 || len(f.See) > 0 {
					detail := strings.Join(f.Reasons, ", ")
					if len(f.See) > 0 {
						detail += " → " + strings.Join(f.See, ", ")
					}
					item += " (" + strings.TrimPrefix(detail, " ") + ")"
				}
				groups[f.Status] = append(groups[f.Status], item)
				for _, id := range f.Conflicts {
					conflicts = append(conflicts, f.Fact+": "+id)
				}
			}
			for _, st := range []coverage.Status{coverage.Known, coverage.Partial, coverage.Missing, coverage.NA} {
				if len(groups[st]) > 0 {
					fmt.Fprintf(w, "  %-8s %s\n", st, strings.Join(groups[st], ", "))
				}
			}
			if len(conflicts) > 0 {
				fmt.Fprintf(w, "  %-8s %s\n", "conflict", strings.Join(conflicts, "; "))
			}
		}
	}
}
