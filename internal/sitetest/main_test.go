package sitetest

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ruqsat/internal/build"
	"ruqsat/internal/coverage"
	"ruqsat/internal/rules"
	"ruqsat/internal/serve"
)

// today is the date the test site treats as now: it fixes the MCI used for
// fees in tenge and the editions in force, so pages do not change with the
// calendar.
const today = "2026-11-29"

// The shared fixtures are made on first use, so a run of only the
// benchmarks (-run '^$') builds no test site and starts no browser.
// TestMain removes them after the run.
var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error

	serverOnce sync.Once
	server     *httptest.Server

	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error

	cleanupMu sync.Mutex
	cleanups  []func()
)

// TestMain runs the tests, then stops the browser and the server and removes
// the built site. The site is built once, by the first test that needs it
// (site), with build.Run on the real repository and today's date fixed.
func TestMain(m *testing.M) {
	code := m.Run()
	cleanupMu.Lock()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	cleanupMu.Unlock()
	os.Exit(code)
}

// atExit registers a cleanup for TestMain to run after every test.
func atExit(f func()) {
	cleanupMu.Lock()
	defer cleanupMu.Unlock()
	cleanups = append(cleanups, f)
}

// repoRoot returns the repository root: the folder holding go.mod.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// site returns the folder of the built site: $RUQSAT_SITE, or the real
// site built once into a temporary folder, removed at exit.
func site(tb testing.TB) string {
	tb.Helper()
	root := repoRoot(tb)
	siteOnce.Do(func() {
		if d := os.Getenv("RUQSAT_SITE"); d != "" {
			siteDir, siteErr = filepath.Abs(d)
			if siteErr == nil {
				if _, err := os.Stat(filepath.Join(siteDir, "ru", "index.html")); err != nil {
					siteErr = fmt.Errorf("RUQSAT_SITE=%s is not a built site: %v", d, err)
				}
			}
			return
		}
		// On a copy of the repository: a build regenerates the committed
		// checklists and examples and writes content/ and _gen/, and a test
		// must leave the source tree alone — else a build here could
		// quietly bring stale generated files up to date while the drift
		// test runs. (The output stays inside the copy: build.Run moves it
		// into place with a rename, which fails across file systems.)
		tmp, err := os.MkdirTemp("", "ruqsat-sitetest-")
		if err != nil {
			siteErr = err
			return
		}
		atExit(func() { os.RemoveAll(tmp) })
		copyRoot := filepath.Join(tmp, "repo")
		if siteErr = scaledRepo(root, copyRoot, 1); siteErr != nil {
			return
		}
		siteDir = filepath.Join(copyRoot, "public")
		start := time.Now()
		res, err := build.Run(context.Background(), build.Options{Root: copyRoot, Out: siteDir, Today: today})
		var le *build.LintError
		if errors.As(err, &le) {
			var b strings.Builder
			for _, p := range le.Problems {
				fmt.Fprintf(&b, "\n\t%s", p)
			}
			err = fmt.Errorf("%w:%s", err, b.String())
		}
		if err != nil {
			siteErr = err
			return
		}
		fmt.Fprintf(os.Stderr, "sitetest: built %d pages in %s\n", res.Pages, time.Since(start).Round(time.Millisecond))
	})
	if siteErr != nil {
		tb.Fatalf("building the site: %v", siteErr)
	}
	return siteDir
}

// baseURL returns the address of the test server that serves the site the
// way `ruqsat serve` does.
func baseURL(tb testing.TB) string {
	tb.Helper()
	dir := site(tb)
	serverOnce.Do(func() {
		server = httptest.NewServer(serve.Site(dir))
		atExit(server.Close)
	})
	return server.URL
}

// chromiumPath finds the browser scripts/setup installs.
func chromiumPath() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Chromium is not installed (looked for chromium, chromium-browser, google-chrome on $PATH): " +
		"run `bash scripts/setup`, which installs it with apt; the browser tests need it and do not skip")
}

// browser returns the context of the one headless Chromium the package
// shares; each test opens its own tab in it.
func browser(tb testing.TB) context.Context {
	tb.Helper()
	browserOnce.Do(func() {
		exe, err := chromiumPath()
		if err != nil {
			browserErr = err
			return
		}
		profile, err := os.MkdirTemp("", "ruqsat-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-quic", true),
			chromedp.UserDataDir(profile),
		)
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(allocCtx)
		if err := chromedp.Do(ctx); err != nil {
			cancel()
			cancelAlloc()
			os.RemoveAll(profile)
			browserErr = fmt.Errorf("starting %s: %w", exe, err)
			return
		}
		browserCtx = ctx
		atExit(func() {
			cancel()
			cancelAlloc()
			os.RemoveAll(profile)
		})
	})
	if browserErr != nil {
		tb.Fatal(browserErr)
	}
	return browserCtx
}

// pageRef is one page of the site, by its path under the language folder.
type pageRef struct {
	Kind string // the template it shows, e.g. "service", "edition", "act-mentioned"
	Name string // unique among the pages: the kind, and an edition's year ("edition-2013")
	Path string // e.g. "services/sts-license/"
	// At is a fragment of the page to look at (an act's text at a unit),
	// "" for the top.
	At string
	// Items is how many entries the rule data puts in the page's main list
	// (the services, the acts, a checklist's rows, the gaps of a cut-off
	// edition), or 0 where the tests do not count them.
	Items int
}

var langs = []string{"ru", "kk", "en"}

// ruleSet loads the rule data the site is built from.
func ruleSet(tb testing.TB) *rules.Set {
	tb.Helper()
	set, probs, err := rules.Load(os.DirFS(repoRoot(tb)))
	if err != nil || len(probs) > 0 {
		tb.Fatalf("loading the rule data: %v %v", err, probs)
	}
	return set
}

// fullestService returns the service with the most editions (the first in
// the site's order on a tie): its pages have the most to show and compare.
func fullestService(set *rules.Set) *rules.Service {
	var best *rules.Service
	for _, sv := range set.Services {
		if best == nil || len(sv.Editions) > len(best.Editions) {
			best = sv
		}
	}
	return best
}

// checklistEdition returns the newest edition of sv that gives a document
// list, or nil: the checklist its service page offers to print.
func checklistEdition(sv *rules.Service) *rules.Edition {
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		e := sv.Editions[i]
		if !e.Kinds.Known() {
			continue
		}
		for _, k := range e.Kinds.Items {
			if k.Documents.Known() {
				return e
			}
		}
	}
	return nil
}

// checklistTables returns what an edition's checklist page lists: a table
// for each kind whose document list the sources give, with a row for each
// document the applicant brings (not those the provider fetches itself).
func checklistTables(e *rules.Edition) [][]*rules.Document {
	var tables [][]*rules.Document
	for i := range e.Kinds.Items {
		k := &e.Kinds.Items[i]
		if !k.Documents.Known() {
			continue
		}
		rows := []*rules.Document{}
		for j := range k.Documents.Items {
			if d := &k.Documents.Items[j]; !d.Fetched {
				rows = append(rows, d)
			}
		}
		tables = append(tables, rows)
	}
	return tables
}

// pageTypes lists one page of every template, picked from the rule data by
// kind, not by year or id, so that a correct edit (an edition or an act
// added, a text completed) changes which pages are picked, not whether the
// tests pass: the service pages of the service with the most editions, an
// edition with its procedure for each year there is (the acts of different
// years fill different facts), one whose text is cut off in the sources,
// an act in the sources and one only mentioned — each kind as long as the
// data has one.
func pageTypes(tb testing.TB) []pageRef {
	tb.Helper()
	set := ruleSet(tb)
	sv := fullestService(set)
	if sv == nil {
		tb.Fatal("the rule data has no service")
	}
	ps := []pageRef{
		{Kind: "home", Path: ""},
		{Kind: "services", Path: "services/", Items: len(set.Services)},
		{Kind: "service", Path: "services/" + sv.ID + "/"},
		{Kind: "history", Path: "services/" + sv.ID + "/history/"},
		{Kind: "acts", Path: "acts/", Items: len(set.Acts)},
		{Kind: "coverage", Path: "coverage/"},
		{Kind: "glossary", Path: "glossary/"},
		{Kind: "tables", Path: "tables/"},
		{Kind: "changes", Path: "changes/"},
		{Kind: "search", Path: "search/"},
	}
	if e := checklistEdition(sv); e != nil {
		ps = append(ps, pageRef{Kind: "checklist", Path: "services/" + sv.ID + "/" + e.Edition + "/checklist/", Items: len(slices.Concat(checklistTables(e)...))})
	} else {
		tb.Errorf("%s has no edition with a document list, so no checklist page to test", sv.ID)
	}
	years := map[string]bool{}
	cut := false
	for _, e := range set.Editions {
		p := "services/" + e.Service + "/" + e.Edition + "/"
		switch {
		case e.Kinds.Known() && !years[e.Edition]:
			years[e.Edition] = true
			ps = append(ps, pageRef{Kind: "edition", Name: "edition-" + e.Edition, Path: p})
		case !e.Kinds.Known() && !cut:
			// Its page lists what the sources do not give, fact by fact.
			cut = true
			gaps := 0
			for _, f := range coverage.Of(e).Facts {
				if f.Status != coverage.Known {
					gaps++
				}
			}
			ps = append(ps, pageRef{Kind: "edition-cut-off", Path: p, Items: gaps})
		}
	}
	if len(years) == 0 {
		tb.Error("the rule data has no edition with its procedure")
	}
	var in, mentioned bool
	for _, a := range set.ActsByDate() {
		switch {
		case a.InSources() && !in:
			in = true
			ps = append(ps, pageRef{Kind: "act-in-sources", Path: "acts/" + a.ID + "/"})
		case !a.InSources() && !mentioned:
			mentioned = true
			ps = append(ps, pageRef{Kind: "act-mentioned", Path: "acts/" + a.ID + "/"})
		}
	}
	if !in {
		tb.Error("the rule data has no act whose text is in the sources")
	}
	// An act's text: the longest official one (the heaviest page) and a
	// machine translation, if the data has one, each at a unit the
	// citations land on.
	var official, mt *pageRef
	longest := 0
	for _, a := range set.ActsByDate() {
		for _, sd := range a.Seeds {
			n := 0
			for _, line := range set.Seeds[sd.File] {
				if strings.TrimSpace(line) != "" {
					n++
				}
			}
			var at string
			for _, u := range a.Outline {
				if _, ok := u.Lines[sd.Lang]; ok && strings.Contains(u.At, "/") {
					at = u.At
					break
				}
			}
			// Items: its lines with words, each a paragraph.
			p := &pageRef{Path: a.TextPath(sd.Lang), Items: n}
			if at != "" {
				p.At = rules.UnitAnchor(at)
			}
			switch {
			case sd.Official && n > longest:
				longest, official = n, p
				official.Kind = "act-text"
			case !sd.Official && mt == nil:
				mt = p
				mt.Kind = "act-text-mt"
			}
		}
	}
	for _, p := range []*pageRef{official, mt} {
		if p != nil {
			ps = append(ps, *p)
		}
	}
	if official == nil {
		tb.Error("the rule data has no official text of an act")
	}
	for i := range ps {
		if ps[i].Name == "" {
			ps[i].Name = ps[i].Kind
		}
	}
	return ps
}
