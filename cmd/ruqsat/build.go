package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"ruqsat/internal/build"
)

func init() {
	register(&command{
		name:  "build",
		usage: "ruqsat build [--out public] [--today 2006-01-02]",
		short: "build the whole site into public/: lint, pages, checklists, checker, Hugo, search index",
		run:   runBuild,
	})
}

func runBuild(ctx context.Context, e *env, args []string) int {
	c := commandNamed("build")
	fs := newFlags(c, e)
	out := fs.String("out", "public", "output folder")
	today := fs.String("today", "", "the date the site treats as today (default: the current date in Astana)")
	if err := fs.Parse(args); err != nil {
		return 2 // the flag package has printed the usage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *today != "" {
		if _, err := time.Parse("2006-01-02", *today); err != nil {
			fmt.Fprintf(e.stderr, "ruqsat build: --today %q is not a date like 2026-11-29\n", *today)
			return 2
		}
	}
	return doBuild(ctx, e, build.Options{Root: e.root, Out: *out, Today: *today, Log: e.stderr})
}

// doBuild runs a build and reports it; lint problems print like lint's.
func doBuild(ctx context.Context, e *env, o build.Options) int {
	start := time.Now()
	fmt.Fprintln(e.stderr, "ruqsat build:")
	res, err := build.Run(ctx, o)
	var le *build.LintError
	switch {
	case errors.As(err, &le):
		printProblems(e, le.Problems, messageLang())
		fmt.Fprintln(e.stderr, "ruqsat build: stopped: the rule data has problems; nothing was built")
		return 1
	case err != nil:
		fmt.Fprintf(e.stderr, "ruqsat build: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stderr, "ruqsat build: %d pages in %s → %s/\n", res.Pages, time.Since(start).Round(time.Millisecond), o.Out)
	return 0
}
