// Scratch: builds the site like sitetest does (removed when done).
package main

import (
	"context"
	"fmt"
	"os"

	"ruqsat/internal/build"
)

func main() {
	res, err := build.Run(context.Background(), build.Options{Root: ".", Out: os.Args[1], Today: "2026-11-29", Log: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if le, ok := err.(*build.LintError); ok {
			for _, p := range le.Problems {
				fmt.Fprintln(os.Stderr, p)
			}
		}
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, res.Pages, "pages")
}
