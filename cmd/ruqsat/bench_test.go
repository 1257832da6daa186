package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The benchmarks here time the real command, process start included: they
// build ruqsat once into a temporary folder and run it. Each reports, as
// well as the mean (ns/op), the median wall time and the peak resident
// memory of the child (its rusage maxrss, what /usr/bin/time -v prints as
// "Maximum resident set size"). Run them with
//
//	go test -run '^$' -bench CLI -count 5 ./cmd/ruqsat

// cleanups remove what the benchmarks made; TestMain runs them at exit.
var cleanups []func()

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// ruqsatBinary builds the command once per test binary.
func ruqsatBinary(b *testing.B) string {
	b.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ruqsat-bench-")
		if err != nil {
			binErr = err
			return
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		binPath = filepath.Join(dir, "ruqsat")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		b.Skip(binErr)
	}
	return binPath
}

// runs collects the wall time and peak memory of each run of the command.
type runs struct {
	wall   []time.Duration
	maxRSS int64 // KiB
}

// exec runs the binary with args and checks its exit status.
func (r *runs) exec(b *testing.B, bin string, wantCode int, args ...string) {
	b.Helper()
	r.execIn(b, bin, "../..", wantCode, args...)
}

// execIn runs the binary in dir: the repository's root, as a user runs it
// there (checklists read from schemas/checklists, rules/ compared with
// them), or a folder outside it (the checklists built into the binary).
func (r *runs) execIn(b *testing.B, bin, dir string, wantCode int, args ...string) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	r.wall = append(r.wall, time.Since(start))
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		b.Fatal(err)
	}
	if code != wantCode {
		b.Fatalf("ruqsat %s: exit %d, want %d\n%s", strings.Join(args[:min(len(args), 4)], " "), code, wantCode, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = max(r.maxRSS, ru.Maxrss)
	}
}

func (r *runs) median() time.Duration {
	w := append([]time.Duration(nil), r.wall...)
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	return w[len(w)/2]
}

// report adds the median wall time per run and per package, and the peak
// memory, to the benchmark's line.
func (r *runs) report(b *testing.B, packages int) {
	m := r.median()
	b.ReportMetric(float64(m.Microseconds())/1000, "ms-median/run")
	if packages > 1 {
		b.ReportMetric(float64(m.Microseconds())/float64(packages), "µs/package")
	}
	b.ReportMetric(float64(r.maxRSS)/1024, "MiB-peak-RSS")
}

// typical is the package, from this folder; typicalAtRoot is the same
// from the repository's root, where the commands run.
const (
	typical       = "../../examples/sts-license-2023-issue-incomplete-signature-chain"
	typicalAtRoot = "examples/sts-license-2023-issue-incomplete-signature-chain"
	// typicalExit is its exit status: 3, not everything could be checked,
	// since its signature (the repository's test key) was not issued by
	// the NCA; every check runs, as on a real package.
	typicalExit = 3
)

// BenchmarkCLICheckOne is `ruqsat check` of one typical package, run at
// the repository's root: process start, the checklists of
// schemas/checklists, the check that rules/ has not changed since they were
// generated, compiling one schema, reading and checking. Issue 9 asks for a
// median under 50 ms.
func BenchmarkCLICheckOne(b *testing.B) {
	bin := ruqsatBinary(b)
	var r runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.exec(b, bin, typicalExit, "check", "--as-of", "2026-11-29", typicalAtRoot)
	}
	r.report(b, 1)
}

// BenchmarkCLICheckOneOutside is the same outside a repository: the
// checklists built into the binary, no rules/ to compare.
func BenchmarkCLICheckOneOutside(b *testing.B) {
	bin := ruqsatBinary(b)
	pkg, err := filepath.Abs(typical)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var r runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.execIn(b, bin, dir, 0, "check", "--as-of", "2026-11-29", pkg)
	}
	r.report(b, 1)
}

// BenchmarkCLIHelp is the floor under that: the process start
// and `ruqsat help`, no checking.
func BenchmarkCLIHelp(b *testing.B) {
	bin := ruqsatBinary(b)
	var r runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.exec(b, bin, 0, "help")
	}
	r.report(b, 1)
}

var (
	copiesOnce sync.Once
	copiesDir  string
	copies     []string
	copiesErr  error
)

// manyCopies makes 10 000 copies of the typical package, as real folders
// whose files are hard links to the example's (or copies where links are
// not possible), once per test binary.
func manyCopies(b *testing.B) []string {
	b.Helper()
	copiesOnce.Do(func() {
		copiesDir, copiesErr = os.MkdirTemp("", "ruqsat-10000-")
		if copiesErr != nil {
			return
		}
		cleanups = append(cleanups, func() { os.RemoveAll(copiesDir) })
		var files []string
		copiesErr = filepath.WalkDir(typical, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(typical, p)
				files = append(files, rel)
			}
			return err
		})
		for i := 0; i < 10000 && copiesErr == nil; i++ {
			dst := filepath.Join(copiesDir, fmt.Sprintf("p%05d", i))
			for _, f := range files {
				to := filepath.Join(dst, f)
				if copiesErr = os.MkdirAll(filepath.Dir(to), 0o755); copiesErr != nil {
					break
				}
				if os.Link(filepath.Join(typical, f), to) != nil {
					var data []byte
					if data, copiesErr = os.ReadFile(filepath.Join(typical, f)); copiesErr == nil {
						copiesErr = os.WriteFile(to, data, 0o644)
					}
				}
			}
			copies = append(copies, dst)
		}
	})
	if copiesErr != nil {
		b.Fatal(copiesErr)
	}
	return copies
}

// BenchmarkCLIScaling runs `ruqsat check` once over 1000, 5000 and 10 000
// packages. µs/package should stay about the same as the count grows: the
// checklist is compiled once, packages are checked on every core, and
// reports are printed in order as they finish.
func BenchmarkCLIScaling(b *testing.B) {
	bin := ruqsatBinary(b)
	all := manyCopies(b)
	for _, n := range []int{1000, 5000, 10000} {
		for _, format := range []string{"text", "json"} {
			b.Run(fmt.Sprintf("packages=%d/format=%s", n, format), func(b *testing.B) {
				args := append([]string{"check", "--format", format, "--as-of", "2026-11-29"}, all[:n]...)
				var r runs
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					r.exec(b, bin, typicalExit, args...)
				}
				r.report(b, n)
			})
		}
	}
}

// BenchmarkCLIBigFile is `ruqsat check` of a package holding a sparse 1 GB
// file: it must be refused by its size, without being read, in about the
// time and memory of a small package.
func BenchmarkCLIBigFile(b *testing.B) {
	bin := ruqsatBinary(b)
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(typical)); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "docs", "big.pdf"))
	if err == nil {
		err = f.Truncate(1 << 30)
		f.Close()
	}
	if err != nil {
		b.Fatal(err)
	}
	var r runs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.exec(b, bin, 2, "check", "--as-of", "2026-11-29", dir)
	}
	r.report(b, 1)
}
