package sitetest

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ruqsat/internal/build"
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
		// Inside the repository (a .public-* folder, ignored by git):
		// build.Run moves its output into place with a rename, which fails
		// across file systems, e.g. to a tmpfs /tmp.
		tmp, err := os.MkdirTemp(root, ".public-sitetest-")
		if err != nil {
			siteErr = err
			return
		}
		atExit(func() { os.RemoveAll(tmp) })
		siteDir = filepath.Join(tmp, "public")
		start := time.Now()
		res, err := build.Run(context.Background(), build.Options{Root: root, Out: siteDir, Today: today})
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
	Name string // e.g. "service", "edition-2013"
	Path string // e.g. "services/sts-license/"
}

var langs = []string{"ru", "kk", "en"}

// pageTypes lists one page of every template, picked from the rule data:
// an edition of each year (and, for 2023, one whose text is cut off in the
// sources), an act in the sources and one only mentioned.
func pageTypes(tb testing.TB) []pageRef {
	tb.Helper()
	set, probs, err := rules.Load(os.DirFS(repoRoot(tb)))
	if err != nil || len(probs) > 0 {
		tb.Fatalf("loading the rule data: %v %v", err, probs)
	}
	ps := []pageRef{
		{"home", ""},
		{"services", "services/"},
		{"service", "services/sts-license/"},
		{"checklist", "services/sts-license/2023/checklist/"},
		{"history", "services/sts-license/history/"},
		{"acts", "acts/"},
		{"coverage", "coverage/"},
		{"glossary", "glossary/"},
		{"tables", "tables/"},
		{"changes", "changes/"},
		{"search", "search/"},
	}
	years := map[string]bool{}
	cut := false
	for _, sv := range set.Services {
		for _, e := range sv.Editions {
			p := "services/" + sv.ID + "/" + e.Edition + "/"
			if !years[e.Edition] && (e.Edition != "2023" || e.Kinds.Known()) {
				years[e.Edition] = true
				ps = append(ps, pageRef{"edition-" + e.Edition, p})
			}
			if e.Edition == "2023" && !e.Kinds.Known() && !cut {
				cut = true
				ps = append(ps, pageRef{"edition-2023-cut-off", p})
			}
		}
	}
	for _, y := range []string{"2008", "2013", "2019", "2023"} {
		if !years[y] {
			tb.Errorf("the rule data has no %s edition with its procedure", y)
		}
	}
	if !cut {
		tb.Error("the rule data has no 2023 edition whose text is cut off")
	}
	var in, mentioned bool
	for _, a := range set.ActsByDate() {
		switch {
		case a.InSources() && !in:
			in = true
			ps = append(ps, pageRef{"act-in-sources", "acts/" + a.ID + "/"})
		case !a.InSources() && !mentioned:
			mentioned = true
			ps = append(ps, pageRef{"act-mentioned", "acts/" + a.ID + "/"})
		}
	}
	return ps
}
