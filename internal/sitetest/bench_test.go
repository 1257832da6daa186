package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"ruqsat/internal/build"
	"ruqsat/internal/lint"
	"ruqsat/internal/rules"
)

// BenchmarkBuild runs the whole build of the real site: lint, pages,
// checklists, Hugo and the Pagefind index.
func BenchmarkBuild(b *testing.B) {
	root := repoRoot(b)
	// Out is in the repository: build.Run renames its output into place.
	out, err := os.MkdirTemp(root, ".public-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(out) })
	benchBuild(b, root, out)
}

// BenchmarkBuild100x builds a synthetic site 100 times larger: every
// service of rules/ is there with 99 clones under new ids. The repository
// is made once per test binary, so with -count the runs after the first
// reuse its compiled WebAssembly checker, as builds of one repository do.
func BenchmarkBuild100x(b *testing.B) {
	repo := scaled(b, 100)
	benchBuild(b, repo, filepath.Join(repo, "public"))
}

var (
	scaledOnce sync.Once
	scaledDir  string
	scaledErr  error
)

// scaled returns a repository n times larger than this one, made once.
func scaled(b *testing.B, n int) string {
	b.Helper()
	root := repoRoot(b)
	scaledOnce.Do(func() {
		scaledDir, scaledErr = os.MkdirTemp("", fmt.Sprintf("ruqsat-%dx-", n))
		if scaledErr != nil {
			return
		}
		atExit(func() { os.RemoveAll(scaledDir) })
		scaledErr = scaledRepo(root, scaledDir, n)
	})
	if scaledErr != nil {
		b.Fatal(scaledErr)
	}
	return scaledDir
}

func benchBuild(b *testing.B, root, out string) {
	build.LimitHeap() // as ruqsat build does
	defer debug.SetMemoryLimit(math.MaxInt64)
	var res *build.Result
	// This process and its children (Hugo, Pagefind), summed.
	peak := build.WatchMax(100*time.Millisecond, func() int64 { return treeRSS(os.Getpid()) })
	defer func() { b.ReportMetric(float64(peak()>>20), "peak-MB") }()
	for b.Loop() {
		var err error
		res, err = build.Run(context.Background(), build.Options{Root: root, Out: out, Today: today})
		if err != nil {
			if le, ok := err.(*build.LintError); ok && len(le.Problems) > 0 {
				b.Fatalf("%v; first: %s", err, le.Problems[0])
			}
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages), "pages")
	for _, s := range res.Steps {
		b.ReportMetric(float64(s.Took.Milliseconds()), strings.ReplaceAll(s.Name, " ", "-")+"-ms") // a unit has no spaces
	}
}

// treeRSS sums the resident memory of process root and its descendants.
func treeRSS(root int) int64 {
	entries, _ := os.ReadDir("/proc")
	parent, rss := map[int]int{}, map[int]int64{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid … with rss, in pages, the 24th field;
		// comm may hold spaces, so count after its closing parenthesis.
		i := bytes.LastIndexByte(b, ')')
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 22 {
			continue
		}
		parent[pid], _ = strconv.Atoi(f[1])
		pages, _ := strconv.ParseInt(f[21], 10, 64)
		rss[pid] = pages * int64(os.Getpagesize())
	}
	var sum int64
	for pid, r := range rss {
		for p := pid; p > 1; p = parent[p] {
			if p == root {
				sum += r
				break
			}
		}
	}
	return sum
}

// scaledRepo makes in dst a repository whose rule data is src's with every
// service cloned until there are n times as many. A clone of service S is
// S-cNNN: its service.yaml and edition files get the new id, and lineage
// (follows) between services points to the clones of the same number, so
// the data stays valid for lint. Everything else the build reads is copied
// (with the Go sources of the WebAssembly checker); tools/ and bin/
// (Pagefind, Hugo) are linked.
func scaledRepo(src, dst string, n int) error {
	// The build compiles the WebAssembly checker from the Go sources.
	for _, name := range []string{"config.toml", "tools.sum", "go.mod", "go.sum"} {
		if err := copyFile(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	// bin/hugo is rebuilt when tools.mod is newer: keep its time.
	if err := copyFile(filepath.Join(src, "tools.mod"), filepath.Join(dst, "tools.mod")); err != nil {
		return err
	}
	if st, err := os.Stat(filepath.Join(src, "tools.mod")); err == nil {
		os.Chtimes(filepath.Join(dst, "tools.mod"), st.ModTime(), st.ModTime())
	}
	// Every folder of sources (rules, site, Go packages — whatever is
	// added later too); not outputs, caches or the linked tools.
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	skip := map[string]bool{"bin": true, "tools": true, "public": true, "_gen": true, "resources": true, "examples": true}
	for _, e := range entries {
		if !e.IsDir() || skip[e.Name()] || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := copyDir(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			return err
		}
	}
	for _, d := range []string{"tools", "bin"} {
		if err := os.Symlink(filepath.Join(src, d), filepath.Join(dst, d)); err != nil {
			return err
		}
	}
	// The compiled WebAssembly checker is cached by the hash of its
	// sources: bring the cache along, so the copy does not compile it again.
	if w := filepath.Join(src, "_gen", "wasm"); dirExists(w) {
		if err := copyDir(w, filepath.Join(dst, "_gen", "wasm")); err != nil {
			return err
		}
	}
	svcDir := filepath.Join(dst, rules.Dir, "services")
	entries, err = os.ReadDir(svcDir)
	if err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() {
			ids[e.Name()] = true
		}
	}
	for id := range ids {
		for k := 1; k < n; k++ {
			if err := cloneService(svcDir, id, k, ids); err != nil {
				return err
			}
		}
	}
	return nil
}

var (
	idLine      = regexp.MustCompile(`(?m)^id:\s*["']?([a-z0-9-]+)["']?\s*$`)
	orderLine   = regexp.MustCompile(`(?m)^order:\s*(\d+)\s*$`)
	serviceLine = regexp.MustCompile(`(?m)^(\s*(?:-\s+)?service:\s*)["']?([a-z0-9-]+)["']?\s*$`)
)

// cloneService copies services/<id>/ to services/<id>-cNNN/.
func cloneService(dir, id string, k int, ids map[string]bool) error {
	suffix := fmt.Sprintf("-c%03d", k)
	from, to := filepath.Join(dir, id), filepath.Join(dir, id+suffix)
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	files, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(from, f.Name()))
		if err != nil {
			return err
		}
		s := string(b)
		if f.Name() == "service.yaml" {
			s = idLine.ReplaceAllString(s, "id: "+id+suffix)
			s = orderLine.ReplaceAllStringFunc(s, func(m string) string {
				o, _ := strconv.Atoi(orderLine.FindStringSubmatch(m)[1])
				return "order: " + strconv.Itoa(o+1000*k)
			})
		} else {
			s = serviceLine.ReplaceAllStringFunc(s, func(m string) string {
				sm := serviceLine.FindStringSubmatch(m)
				if !ids[sm[2]] {
					return m
				}
				return sm[1] + sm[2] + suffix
			})
		}
		if err := os.WriteFile(filepath.Join(to, f.Name()), []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dst, strings.TrimPrefix(p, src))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(p, target)
	})
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// TestScaledRepo checks the benchmark's generator: a rule set three times
// larger loads and passes lint, with three times the services and editions.
func TestScaledRepo(t *testing.T) {
	src, dst := repoRoot(t), t.TempDir()
	if err := scaledRepo(src, dst, 3); err != nil {
		t.Fatal(err)
	}
	orig, probs, err := rules.Load(os.DirFS(src))
	if err != nil || len(probs) > 0 {
		t.Fatalf("loading rules/: %v %v", err, probs)
	}
	set, probs, err := rules.Load(os.DirFS(dst))
	if err == nil && len(probs) == 0 {
		probs = lint.Run(set)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Error(p)
	}
	if len(probs) > 0 {
		return
	}
	if got, want := len(set.Services), 3*len(orig.Services); got != want {
		t.Errorf("%d services, want %d", got, want)
	}
	if got, want := len(set.Editions), 3*len(orig.Editions); got != want {
		t.Errorf("%d editions, want %d", got, want)
	}
}
