// Package build runs the whole pipeline that turns the rule data into the
// site: lint, generated pages and files, the WebAssembly checker, Hugo, and
// the search index. It builds into a temporary folder and replaces the
// output only when every step succeeded, so a failed build never leaves a
// half-built site behind.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"ruqsat/internal/gen/site"
	"ruqsat/internal/i18n"
	"ruqsat/internal/lint"
	"ruqsat/internal/rules"
)

// Options control a build.
type Options struct {
	Root  string    // repository root
	Out   string    // output folder, e.g. "public"
	Today string    // the date the site treats as today (2006-01-02); "" = now
	Log   io.Writer // progress messages
	// SkipSearch leaves out the Pagefind index (used by quick rebuilds).
	SkipSearch bool
	// Preview writes generated files for Hugo's server only: nothing is
	// precompressed (brotli takes about a second per megabyte, and the
	// server sends files as they are).
	Preview bool
	// BaseURL is the address the site will be published at
	// ("https://example.org/"); "" takes config.toml's baseURL, and none
	// there builds a relative site (see BaseURL).
	BaseURL string
}

// LintError is returned when the rule data has problems; nothing was built.
type LintError struct {
	Problems []rules.Problem
}

func (e *LintError) Error() string {
	return fmt.Sprintf("the rule data has %d problem(s); run ruqsat lint", len(e.Problems))
}

// Step is one timed stage of a build, for reports and benchmarks.
type Step struct {
	Name string
	Took time.Duration
}

// Result reports what a build did.
type Result struct {
	Pages int
	Steps []Step
	// BaseURL is the address the site was built for, "" for a relative
	// site (no sitemap, relative feed links and schema ids).
	BaseURL string
}

// HeapLimit is the soft limit on the building process's heap that
// LimitHeap sets. Go lets a heap grow to twice what it holds before
// collecting; near the limit it collects sooner instead. At 100 times
// today's rules the build holds about 1.1 GB at its peak (the page data
// of every page), and its process reached 2.1 GB without the limit, 1.45
// GB with it, in the same time. A rule set that holds more still builds,
// with more time spent collecting.
const HeapLimit = 1400 << 20

// LimitHeap sets HeapLimit as this process's soft memory limit, unless
// GOMEMLIMIT sets one. It is the command's choice (ruqsat build)
// and the benchmarks', not Run's: the limit holds for the whole process.
func LimitHeap() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(HeapLimit)
	}
}

// Run builds the site.
func Run(ctx context.Context, o Options) (*Result, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Today == "" {
		o.Today = site.Today()
	}
	res := &Result{}
	base, err := BaseURL(o.Root, o.BaseURL)
	if err != nil {
		return res, err
	}
	o.BaseURL, res.BaseURL = base, base
	step := func(name string, f func() error) error {
		t := time.Now()
		err := f()
		res.Steps = append(res.Steps, Step{name, time.Since(t)})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Fprintf(o.Log, "  %-10s %s\n", name, time.Since(t).Round(time.Millisecond))
		return nil
	}
	root := os.DirFS(o.Root)
	var set *rules.Set
	if err := step("lint", func() error {
		s, probs, err := rules.Load(root)
		if err != nil {
			return err
		}
		if len(probs) == 0 {
			probs = lint.Run(s)
		}
		// Warnings ask a person to look again; only errors stop a build.
		if len(rules.Errors(probs)) > 0 {
			return &LintError{probs}
		}
		set = s
		return nil
	}); err != nil {
		var le *LintError
		if errors.As(err, &le) {
			return res, le
		}
		return res, err
	}
	// Every interface string in all three languages: Hugo would show a
	// missing one as an empty string.
	if _, err := i18n.Load(root); err != nil {
		return res, err
	}
	if err := step("pages", func() error {
		n, err := generatePages(o, set)
		res.Pages = n
		return err
	}); err != nil {
		return res, err
	}
	if err := step("checklists", func() error { return buildChecklists(ctx, o, set) }); err != nil {
		return res, err
	}
	if err := step("checker", func() error { return buildChecker(ctx, o, set) }); err != nil {
		return res, err
	}
	// Hugo and Pagefind run as processes of their own while this one
	// waits: give back the memory the rule data and the page data took
	// (at 100 times today's rules it would otherwise stay resident
	// beside Hugo's; see README, Search at scale).
	set = nil
	debug.FreeOSMemory()
	tmp, err := os.MkdirTemp(o.Root, ".public-")
	if err != nil {
		return res, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	if err := step("hugo", func() error { return runHugo(ctx, o, tmp) }); err != nil {
		return res, err
	}
	if err := step("schema ids", func() error { return publishSchemaIDs(tmp, o.BaseURL) }); err != nil {
		return res, err
	}
	if !o.SkipSearch {
		if err := step("search", func() error { return runPagefind(ctx, o, tmp) }); err != nil {
			return res, err
		}
		if err := step("compress", func() error { return precompressSearch(ctx, tmp) }); err != nil {
			return res, err
		}
	}
	out := filepath.Join(o.Root, o.Out)
	if filepath.IsAbs(o.Out) {
		out = o.Out
	}
	old := out + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(out); err == nil {
		if err := os.Rename(out, old); err != nil {
			return res, err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		return res, err
	}
	os.RemoveAll(old)
	return res, nil
}

// generatePages writes the page data Hugo's content adapter reads and the
// static files made from the rule data.
func generatePages(o Options, set *rules.Set) (int, error) {
	g := site.New(set, o.Today)
	n, err := g.Generate(filepath.Join(o.Root, site.DataDir))
	if err != nil {
		return n, err
	}
	return n, g.GenerateStatic(filepath.Join(o.Root, "_gen", "static"))
}

// Checklists regenerates the committed checklists and examples and the
// checklist bundle the site's checker loads (under Root/_gen/static): the
// live preview calls it after an edit lint accepted.
func Checklists(ctx context.Context, o Options, set *rules.Set) error {
	return buildChecklists(ctx, o, set)
}

// HugoCommand returns how to run the pinned Hugo: $RUQSAT_HUGO if set,
// else bin/hugo, compiled from tools.mod when missing or older than it.
// (`go tool -modfile=tools.mod hugo` works too but spends one to four
// seconds checking staleness on every call.)
func HugoCommand(ctx context.Context, root string, args ...string) (*exec.Cmd, error) {
	if bin := os.Getenv("RUQSAT_HUGO"); bin != "" {
		return exec.CommandContext(ctx, bin, args...), nil
	}
	bin := filepath.Join(root, "bin", "hugo")
	st, err := os.Stat(bin)
	mod, merr := os.Stat(filepath.Join(root, "tools.mod"))
	if err != nil || merr != nil || st.ModTime().Before(mod.ModTime()) {
		cmd := exec.CommandContext(ctx, "go", "build", "-modfile=tools.mod", "-o", bin, "github.com/gohugoio/hugo")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("compiling the pinned Hugo: %v\n%s", err, out)
		}
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		return nil, err
	}
	return exec.CommandContext(ctx, abs, args...), nil
}

// publishedDisabledKinds is config.toml's disableKinds without "sitemap".
var publishedDisabledKinds = []string{"taxonomy", "term", "rss"}

func runHugo(ctx context.Context, o Options, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	args := []string{"build", "--quiet", "--destination", abs, "--cleanDestinationDir", "--panicOnWarning", "--printI18nWarnings"}
	if o.BaseURL != "" {
		// The sitemap's addresses must be absolute: it exists only for a
		// site that knows its address (config.toml disables it).
		args = append(args, "--baseURL", o.BaseURL, "--disableKinds", strings.Join(publishedDisabledKinds, ","))
	} else {
		args = append(args, "--baseURL", "/")
	}
	cmd, err := HugoCommand(ctx, o.Root, args...)
	if err != nil {
		return err
	}
	cmd.Dir = o.Root
	if os.Getenv("HUGO_MEMORYLIMIT") == "" {
		// Hugo lets its caches (the pages' parsed data among them) grow
		// to a quarter of the machine's memory before it lets any go:
		// 2.2 GB at 100 times today's rules, 1.6 GB with this limit (in
		// GB), and no slower. A site of today's size never reaches it.
		cmd.Env = append(os.Environ(), "HUGO_MEMORYLIMIT=1")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v\n%s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// runPagefind indexes the built site (searchindex.go). The Pagefind
// binary comes from the npm package in tools/, installed on first use.
func runPagefind(ctx context.Context, o Options, dest string) error {
	_, err := SearchIndex(ctx, o.Root, dest, SearchOptions{}, func(s string) { fmt.Fprintln(o.Log, s) })
	return err
}
