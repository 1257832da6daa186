package main

import (
	"context"
	"fmt"

	"ruqsat/internal/gen/checklist"
	"ruqsat/internal/gen/examples"
	"ruqsat/internal/gen/tracked"
)

func init() {
	register(&command{
		name:  "gen",
		usage: "ruqsat gen",
		short: "regenerate the checked-in files made from the rule data: schemas/checklists/ and examples/",
		run:   runGen,
	})
}

func runGen(ctx context.Context, e *env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintln(e.stderr, "usage: ruqsat gen")
		return 2
	}
	s, probs, err := loadAndLint(e.root)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat gen: %v\n", err)
		return 2
	}
	if len(probs) > 0 {
		printProblems(e, probs, messageLang())
		return 1
	}
	if err := tracked.Write(e.root, s); err != nil {
		fmt.Fprintf(e.stderr, "ruqsat gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stderr, "ruqsat gen: wrote %s/ and %s/\n", checklist.Dir, examples.Dir)
	return 0
}
