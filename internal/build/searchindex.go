package build

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"ruqsat/internal/rules"
)

// SearchByLanguage makes one Pagefind index per language, each in its own
// bundle, /pagefind/<lang>/ (the address search.html gives search.js), by
// one Pagefind run per language after the other. A reader searches one
// language, and Pagefind holds every page of a run in memory: at 100×
// today's rules one run over the whole site peaked at 5.2 GB, a run per
// language at 3.9 GB (BenchmarkSearchIndex100x measures both).
const SearchByLanguage = true

// SearchStats is what indexing took: the wall time and the largest
// resident memory of one Pagefind run.
type SearchStats struct {
	Runs    int
	Took    time.Duration
	PeakRSS int64 // bytes
}

// pagefindBin returns the Pagefind binary of tools/, installing the npm
// tools on first use.
func pagefindBin(ctx context.Context, root string, log func(string)) (string, error) {
	tools := filepath.Join(root, "tools")
	bin := filepath.Join(tools, "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(bin); err != nil {
		log("  installing the build tools in tools/ (npm ci, once)")
		cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		cmd.Dir = tools
		cmd.Env = append(os.Environ(), "CHROMEDRIVER_SKIP_DOWNLOAD=true", "PUPPETEER_SKIP_DOWNLOAD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("npm ci in tools/: %v\n%s", err, out)
		}
	}
	// The npm package's command is a Node script that starts the native
	// binary; calling the binary itself saves Node's start-up, about 0.4 s.
	native := filepath.Join(tools, "node_modules", "@pagefind", runtime.GOOS+"-"+map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH], "bin", "pagefind_extended")
	if _, err := os.Stat(native); err == nil {
		bin = native
	}
	return bin, nil
}

// SearchIndex indexes the built site in dir with Pagefind, by language
// when byLang, and writes each bundle's word list for the search's
// spelling suggestions (searchwords.go).
func SearchIndex(ctx context.Context, root, dir string, byLang bool, log func(string)) (SearchStats, error) {
	var st SearchStats
	bin, err := pagefindBin(ctx, root, log)
	if err != nil {
		return st, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return st, err
	}
	start := time.Now()
	run := func(args ...string) error {
		cmd := exec.CommandContext(ctx, bin, append([]string{"--site", abs, "--quiet"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("pagefind: %v\n%s", err, out)
		}
		st.Runs++
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			st.PeakRSS = max(st.PeakRSS, ru.Maxrss*1024) // Linux reports KiB
		}
		return nil
	}
	var langs []string
	for _, l := range rules.Langs {
		langs = append(langs, string(l))
	}
	if byLang {
		os.RemoveAll(filepath.Join(abs, "pagefind"))
		for _, l := range langs {
			if err := run("--glob", l+"/**/*.{html}", "--output-subdir", filepath.Join("pagefind", l)); err != nil {
				return st, err
			}
			if err := writeSearchWords(abs, filepath.Join(abs, "pagefind", l), []string{l}); err != nil {
				return st, err
			}
		}
	} else {
		if err := run(); err != nil {
			return st, err
		}
		if err := writeSearchWords(abs, filepath.Join(abs, "pagefind"), langs); err != nil {
			return st, err
		}
	}
	st.Took = time.Since(start)
	return st, nil
}
