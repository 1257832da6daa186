package build

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"ruqsat/internal/rules"
)

// How the site is indexed. Pagefind holds every page of a run in memory:
// at 100× today's rules one run over the whole site peaked at 5.2 GB, one
// run per language at 2.2 GB. So each language is indexed in shards of at
// most SearchShardPages pages, one run after the other: the pages outside
// services/ and a share of the services form the language's bundle,
// /pagefind/<lang>/ (the address search.html gives search.js); the other
// services, whole, go to /pagefind/<lang>-1/, -2/…, which the bundle's
// shards.json lists and search.js merges (Pagefind's mergeIndex). Today's
// site is one shard per language. BenchmarkSearchIndex100x measures it.
const SearchShardPages = 2000

// SearchOptions say how SearchIndex splits the index: one Pagefind run
// for the whole site (Whole), or per language in shards of at most
// ShardPages pages (0: SearchShardPages).
type SearchOptions struct {
	Whole      bool
	ShardPages int
}

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

// SearchIndex indexes the built site in dir with Pagefind as o says, and
// writes each language bundle's word list for the search's spelling
// suggestions (searchwords.go) and its table of pages for ranking
// (searchpages.go).
func SearchIndex(ctx context.Context, root, dir string, o SearchOptions, log func(string)) (SearchStats, error) {
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
		t0 := time.Now()
		cmd := exec.CommandContext(ctx, bin, append([]string{"--site", abs, "--quiet"}, args...)...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("pagefind: %v", err)
		}
		hwm := watchPeak(cmd.Process.Pid)
		err := cmd.Wait()
		peak := hwm()
		if err != nil {
			return fmt.Errorf("pagefind: %v\n%s", err, out.String())
		}
		st.Runs++
		rss := peak
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && rss == 0 {
			// Without /proc: the kernel's figure, which can count the
			// parent's memory shared before the exec.
			rss = ru.Maxrss * 1024 // Linux reports KiB
		}
		st.PeakRSS = max(st.PeakRSS, rss)
		log(fmt.Sprintf("  search index %s: %.1fs, %d MB", strings.Join(args, " "), time.Since(t0).Seconds(), rss>>20))
		return nil
	}
	var langs []string
	for _, l := range rules.Langs {
		langs = append(langs, string(l))
	}
	if err := removeBundles(abs); err != nil {
		return st, err
	}
	if o.Whole {
		if err := run(); err != nil {
			return st, err
		}
		if err := writeSearchWords(abs, filepath.Join(abs, "pagefind"), langs); err != nil {
			return st, err
		}
		st.Took = time.Since(start)
		return st, nil
	}
	limit := o.ShardPages
	if limit <= 0 {
		limit = SearchShardPages
	}
	for _, l := range langs {
		globs, err := searchShards(abs, l, limit)
		if err != nil {
			return st, err
		}
		var more []string
		for i, g := range globs {
			sub := l
			if i > 0 {
				sub = fmt.Sprintf("%s-%d", l, i)
				more = append(more, "/pagefind/"+sub+"/")
			}
			if err := run("--glob", g, "--output-subdir", filepath.Join("pagefind", sub)); err != nil {
				return st, err
			}
		}
		bundle := filepath.Join(abs, "pagefind", l)
		b, err := json.Marshal(append([]string{}, more...))
		if err != nil {
			return st, err
		}
		if err := os.WriteFile(filepath.Join(bundle, "shards.json"), b, 0o644); err != nil {
			return st, err
		}
		t0 := time.Now()
		if err := writeSearchWords(abs, bundle, []string{l}); err != nil {
			return st, err
		}
		if err := writeSearchPages(abs, bundle, more); err != nil {
			return st, err
		}
		log(fmt.Sprintf("  search words and pages %s: %.1fs", l, time.Since(t0).Seconds()))
	}
	st.Took = time.Since(start)
	return st, nil
}

// removeBundles removes the bundles of an earlier index: a site indexed
// again in fewer shards must not keep the shards it no longer has.
func removeBundles(site string) error {
	return os.RemoveAll(filepath.Join(site, "pagefind"))
}

// searchShards returns the Pagefind globs that index language l's pages
// in shards of at most limit pages (a service's pages are never split,
// so a service larger than limit makes a larger shard): the first holds
// every page outside services/. The services are dealt out so that every
// shard holds a like share of each kind of service — each to the shard
// with the fewest pages, in their order, so a family of similar services
// spreads over all shards. Pagefind scores a page against its own shard's
// statistics (how many of its pages hold a word): shards filled in order,
// one holding all the STS services, made «СТС» a common word in that one
// and a rare one elsewhere, and a query's results from the two could not
// be compared.
func searchShards(site, l string, limit int) ([]string, error) {
	count := func(dir string) (int, error) {
		n := 0
		err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".html") {
				n++
			}
			return err
		})
		return n, err
	}
	top, err := os.ReadDir(filepath.Join(site, l))
	if err != nil {
		return nil, err
	}
	var base []string
	baseN := 0
	for _, e := range top {
		switch {
		case e.Name() == "services" && e.IsDir():
			base = append(base, "services/*.html")
			baseN++
		case e.IsDir():
			c, err := count(filepath.Join(site, l, e.Name()))
			if err != nil {
				return nil, err
			}
			if c > 0 {
				base = append(base, e.Name()+"/**/*.html")
				baseN += c
			}
		case strings.HasSuffix(e.Name(), ".html"):
			base = append(base, e.Name())
			baseN++
		}
	}
	entries, err := os.ReadDir(filepath.Join(site, l, "services"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	type service struct {
		glob  string
		pages int
	}
	var services []service
	total := baseN
	for _, sv := range entries {
		if !sv.IsDir() {
			continue
		}
		c, err := count(filepath.Join(site, l, "services", sv.Name()))
		if err != nil {
			return nil, err
		}
		services = append(services, service{"services/" + sv.Name() + "/**/*.html", c})
		total += c
	}
	// As few shards as hold the pages; one more while dealing the
	// services leaves a shard over the limit (a shard of a single larger
	// service excepted).
	for k := max(1, (total+limit-1)/limit); ; k++ {
		shards := make([][]string, k)
		pages := make([]int, k)
		shards[0], pages[0] = base, baseN
		for _, sv := range services {
			least := 0
			for i := range pages {
				if pages[i] < pages[least] {
					least = i
				}
			}
			shards[least] = append(shards[least], sv.glob)
			pages[least] += sv.pages
		}
		over := false
		for i := range pages {
			if pages[i] > limit && len(shards[i]) > 1 {
				over = true
			}
		}
		if over && k < len(services)+1 {
			continue
		}
		var globs []string
		for _, sh := range shards {
			if len(sh) > 0 {
				globs = append(globs, l+"/{"+strings.Join(sh, ",")+"}")
			}
		}
		return globs, nil
	}
}

// watchPeak follows the peak resident memory (VmHWM) of process pid from
// /proc until the returned function is called, which returns it in bytes
// (0 without /proc). The rusage of a child Go started counts memory it
// shared with the parent before its exec (Go forks with CLONE_VM), so a
// large parent — a benchmark that built a 100× site in-process — made
// every Pagefind run look as large as the parent.
func watchPeak(pid int) func() int64 {
	return WatchMax(20*time.Millisecond, func() int64 {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			return 0
		}
		for _, l := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				var kb int64
				fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
				return kb * 1024
			}
		}
		return 0
	})
}

// WatchMax calls read now and then every interval until the returned
// function is called, which returns the largest value read: the peak of a
// process's memory, for the search index's runs and the build benchmarks.
func WatchMax(every time.Duration, read func() int64) func() int64 {
	var peak int64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(done)
		<-stopped
		return peak
	}
}
