// Command ruqsat checks the rule data, reports what the sources cover, builds
// and serves the site, and checks an applicant's document package.
//
// Exit status: 0 when all is well, 1 when problems or errors were found,
// 2 when the command could not do its job (usage, unreadable input).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"ruqsat/internal/rules"
)

// A command is one ruqsat subcommand; help is rendered from this table.
type command struct {
	name, usage, short string
	run                func(ctx context.Context, env *env, args []string) int
}

// env is what a command may touch: its streams and the repository root.
type env struct {
	stdout, stderr io.Writer
	root           string
	stdoutTTY      bool
}

var commands []*command

func register(c *command) { commands = append(commands, c) }

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run executes ruqsat with args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, root: ".", stdoutTTY: isTerminal(stdout)}
	if r := os.Getenv("RUQSAT_ROOT"); r != "" {
		e.root = r
	}
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		for _, c := range commands {
			if c.name == args[1] {
				// Every command parses its flags first, and -h makes it
				// print its usage and flags and stop.
				c.run(ctx, &env{stdout: io.Discard, stderr: stdout, root: e.root}, []string{"-h"})
				return 0
			}
		}
		fmt.Fprintf(stderr, "ruqsat help %s: unknown command. Run 'ruqsat help'.\n", args[1])
		return 2
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "ruqsat: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Ruqsat checks the KNB licence and permit rule data and applicants' document packages.")
	fmt.Fprintln(w, "\nusage: ruqsat <command> [arguments]\n\ncommands:")
	cs := append([]*command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'ruqsat help <command>' for a command's flags.")
}

// defaultLang is the language every command speaks when --lang is not
// given: $RUQSAT_LANG (ru, kk or en; checked like --lang), else the language
// of the locale (the first of $LC_ALL, $LC_MESSAGES, $LANG that is set,
// e.g. kk_KZ.UTF-8), else Russian. Set it once in the shell's profile and
// lint, gen, build, serve and check all follow it.
func defaultLang() string {
	if v := os.Getenv("RUQSAT_LANG"); v != "" {
		return v
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if l, ok := parseLang(strings.ToLower(v[:min(2, len(v))])); ok {
				return string(l)
			}
			break
		}
	}
	return string(rules.RU)
}

// messageLang is defaultLang for commands without --lang; a wrong
// $RUQSAT_LANG falls back to Russian there.
func messageLang() rules.Lang {
	if l, ok := parseLang(defaultLang()); ok {
		return l
	}
	return rules.RU
}

// langFlag adds --lang, defaulting to defaultLang.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", defaultLang(), "language of the messages: ru, kk or en (default: $RUQSAT_LANG, else the locale's, else ru)")
}

// newFlags returns a flag set that prints the command's usage on error.
func newFlags(c *command, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: %s\n\n%s\n\nflags:\n", c.usage, c.short)
		fs.PrintDefaults()
	}
	return fs
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == "" && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}
