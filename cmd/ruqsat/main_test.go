package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"ruqsat/internal/testrules"
)

var update = flag.Bool("update", false, "rewrite the cmp sections of testdata/script/*.txtar from what ruqsat prints")

// TestMain lets the scripts run "ruqsat" as a command: the test binary
// re-executes itself with run(). testscript's "!" tells only success from
// failure, so the exit status is also written to $RUQSAT_TEST_STATUS for
// the "status" command; a crash writes nothing, so "status" catches it.
func TestMain(m *testing.M) {
	testscript.Main(cleanupM{m}, map[string]func(){
		"ruqsat": func() {
			code := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
			if f := os.Getenv("RUQSAT_TEST_STATUS"); f != "" {
				os.WriteFile(f, []byte(strconv.Itoa(code)), 0o644)
			}
			os.Exit(code)
		},
	})
}

// cleanupM runs the tests, then the benchmarks' cleanups.
type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	code := c.m.Run()
	for _, f := range cleanups {
		f()
	}
	return code
}

// repoRoot is the repository, two levels up from cmd/ruqsat.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestScripts runs testdata/script/*.txtar. Each script has $REPO (the
// repository) and $FIXTURE (the test rule set with its checklists and
// examples generated, see internal/testrules), and RUQSAT_ROOT set to
// $FIXTURE: lint, coverage and check read the frozen test rules unless given
// a ROOT, so a correct edit of the real rules changes no expected output.
// Scripts about the real data name $REPO. NO_COLOR keeps the output plain.
// Run one script with -run 'TestScripts/check_hostile'; -update refreshes
// cmp sections.
func TestScripts(t *testing.T) {
	if *update && os.Getenv("CI") != "" {
		t.Fatal("-update is refused in CI")
	}
	root := repoRoot(t)
	fixture := t.TempDir()
	if err := testrules.Prepare(fixture); err != nil {
		t.Fatal(err)
	}
	statusDir := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir:                "testdata/script",
		UpdateScripts:      *update,
		RequireUniqueNames: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("REPO", root)
			e.Setenv("FIXTURE", fixture)
			e.Setenv("RUQSAT_ROOT", fixture)
			e.Setenv("NO_COLOR", "1")
			e.Setenv("RUQSAT_TEST_STATUS", filepath.Join(statusDir, filepath.Base(e.WorkDir)))
			return nil
		},
		Cmds: scriptCmds,
		// [exists:PATH] holds when PATH exists on this machine.
		Condition: func(cond string) (bool, error) {
			if p, ok := strings.CutPrefix(cond, "exists:"); ok {
				_, err := os.Stat(p)
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// scriptCmds are the commands the scripts add to testscript's own: txtar
// holds only text, so binary and huge inputs are made by commands.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"status":    cmdStatus,
	"printf":    cmdPrintf,
	"mkzip":     cmdMkzip,
	"mkbig":     cmdMkbig,
	"truncate":  cmdTruncate,
	"mkdeep":    cmdMkdeep,
	"jsonlines": cmdJSONLines,
	"json":      cmdJSON,
	"snapshot":  cmdSnapshot,
	"unchanged": cmdUnchanged,
	"fillin":    cmdFillin,
}

// cmdFillin fills in a manifest template as an applicant would: fillin
// TEMPLATE DIR writes DIR/manifest.yaml with the placeholders replaced (a
// valid BIN or IIN, a name and an address in place of "fill in") and an
// empty PDF for every file the template names outside a comment.
func cmdFillin(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: fillin TEMPLATE DIR")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	dir := ts.MkAbs(args[1])
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		code, _, _ := strings.Cut(line, "#")
		switch {
		case strings.Contains(code, "bin: \"000000000000\""):
			line = strings.Replace(line, "000000000000", "190140123451", 1)
		case strings.Contains(code, "iin: \"000000000000\""):
			line = strings.Replace(line, "000000000000", "850315312419", 1)
		}
		for _, p := range []string{"\"fill in\"", "\"заполните\"", "\"толтырыңыз\""} {
			code = strings.Replace(code, p, "\"ТОО «Тест»\"", 1)
			line = strings.Replace(line, p, "\"ТОО «Тест»\"", 1)
		}
		if _, file, ok := strings.Cut(code, ": docs/"); ok {
			path := filepath.Join(dir, "docs", strings.TrimSpace(file))
			ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
			ts.Check(os.WriteFile(path, []byte(minimalPDF), 0o644))
		}
		out = append(out, line)
	}
	ts.Check(os.MkdirAll(dir, 0o755))
	ts.Check(os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(strings.Join(out, "\n")), 0o644))
}

// minimalPDF is the smallest PDF the checker opens.
const minimalPDF = "%PDF-1.4\nxref\n0 1\n0000000000 65535 f\ntrailer\n<< /Size 1 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"

// cmdStatus checks the exit status of the last ruqsat: status N. It fails
// when ruqsat recorded none, i.e. crashed (a panic exits with 2 too).
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: status N")
	}
	f := ts.Getenv("RUQSAT_TEST_STATUS")
	b, err := os.ReadFile(f)
	if err != nil {
		ts.Fatalf("ruqsat recorded no exit status: it crashed, or did not run")
	}
	os.Remove(f)
	if got := string(b); got != args[0] {
		ts.Fatalf("ruqsat exited with %s, want %s", got, args[0])
	}
}

// cmdPrintf writes a file from a Go string literal's body, so a script can
// hold bytes txtar cannot: printf FILE 'ruqsat: 1\nkind: \xff'.
func cmdPrintf(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: printf FILE TEXT")
	}
	s, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
	if err != nil {
		ts.Fatalf("printf: %v", err)
	}
	writeFile(ts, args[0], []byte(s))
}

// writeFile writes a file of the script, making its folder.
func writeFile(ts *testscript.TestScript, name string, b []byte) {
	p := ts.MkAbs(name)
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, b, 0o644))
}

// parseSize reads 123, 4K, 5M or 1G.
func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n * mult, err
}

// cmdMkzip builds a zip, entries in the order given:
//
//	mkzip [-lie] out.zip ENTRY...
//
// where ENTRY is name=text (the text, with \n for a newline), name<file (a
// file of the script's work dir), or name@SIZE (SIZE zero bytes, e.g. 300M,
// deflated). The name is written as given, so it may be ../evil.txt or
// /abs.txt. An entry whose name holds %d and that ends in *N stands for N
// entries numbered from 0, e.g. f%d.bin@1M*250. With -lie, every name@SIZE entry declares an uncompressed size
// of 1 KiB, the way a crafted bomb hides its real size.
func cmdMkzip(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! mkzip")
	}
	lie := false
	if len(args) > 0 && args[0] == "-lie" {
		lie, args = true, args[1:]
	}
	if len(args) < 1 {
		ts.Fatalf("usage: mkzip [-lie] out.zip name=text|name<file|name@SIZE...")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var entries []string
	for _, a := range args[1:] {
		// name%d...*N stands for N entries, %d numbered from 0.
		if j := strings.LastIndex(a, "*"); strings.Contains(a, "%d") && j > 0 {
			n, err := strconv.Atoi(a[j+1:])
			ts.Check(err)
			for k := range n {
				entries = append(entries, strings.Replace(a[:j], "%d", strconv.Itoa(k), 1))
			}
			continue
		}
		entries = append(entries, a)
	}
	for _, a := range entries {
		i := strings.IndexAny(a, "=<@")
		if i <= 0 {
			ts.Fatalf("mkzip: bad entry %q", a)
		}
		name, op, val := a[:i], a[i], a[i+1:]
		switch op {
		case '=':
			w, err := zw.Create(name)
			ts.Check(err)
			_, err = io.WriteString(w, strings.ReplaceAll(val, `\n`, "\n"))
			ts.Check(err)
		case '<':
			b, err := os.ReadFile(ts.MkAbs(val))
			ts.Check(err)
			w, err := zw.Create(name)
			ts.Check(err)
			_, err = w.Write(b)
			ts.Check(err)
		case '@':
			size, err := parseSize(val)
			ts.Check(err)
			var comp bytes.Buffer
			fw, _ := flate.NewWriter(&comp, flate.BestCompression)
			crc := crc32.NewIEEE()
			zeros := make([]byte, 1<<20)
			for left := size; left > 0; {
				n := min(left, int64(len(zeros)))
				fw.Write(zeros[:n])
				crc.Write(zeros[:n])
				left -= n
			}
			ts.Check(fw.Close())
			h := &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc.Sum32(),
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(size)}
			if lie {
				h.UncompressedSize64 = 1 << 10
			}
			w, err := zw.CreateRaw(h)
			ts.Check(err)
			_, err = w.Write(comp.Bytes())
			ts.Check(err)
		}
	}
	ts.Check(zw.Close())
	writeFile(ts, args[0], buf.Bytes())
}

// cmdMkbig makes a sparse file of a size: mkbig FILE SIZE (e.g. 1G). It
// takes no disk space, so a script can offer the checker a 1 GB document.
func cmdMkbig(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkbig FILE SIZE")
	}
	size, err := parseSize(args[1])
	ts.Check(err)
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(f.Truncate(size))
	ts.Check(f.Close())
}

// cmdTruncate cuts a file short: truncate FILE SIZE.
func cmdTruncate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: truncate FILE SIZE")
	}
	size, err := parseSize(args[1])
	ts.Check(err)
	ts.Check(os.Truncate(ts.MkAbs(args[0]), size))
}

// cmdMkdeep writes N opening and N closing brackets: mkdeep FILE N, the
// deepest JSON a small file can hold.
func cmdMkdeep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkdeep FILE N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b := append(bytes.Repeat([]byte("["), n), bytes.Repeat([]byte("]"), n)...)
	writeFile(ts, args[0], b)
}

// cmdJSONLines checks that the last stdout is N lines (-count=N), each a
// JSON object with the keys given: jsonlines [-count=N] KEY....
func cmdJSONLines(ts *testscript.TestScript, neg bool, args []string) {
	want := -1
	if len(args) > 0 && strings.HasPrefix(args[0], "-count=") {
		n, err := strconv.Atoi(strings.TrimPrefix(args[0], "-count="))
		ts.Check(err)
		want, args = n, args[1:]
	}
	out := strings.TrimSuffix(ts.ReadFile("stdout"), "\n")
	lines := strings.Split(out, "\n")
	var bad error
	if want >= 0 && len(lines) != want {
		bad = fmt.Errorf("%d lines, want %d", len(lines), want)
	}
	for i, l := range lines {
		if bad != nil {
			break
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			bad = fmt.Errorf("line %d: %v", i+1, err)
			break
		}
		for _, k := range args {
			if _, ok := m[k]; !ok {
				bad = fmt.Errorf("line %d has no %q", i+1, k)
			}
		}
	}
	switch {
	case bad != nil && !neg:
		ts.Fatalf("stdout is not JSON lines: %v", bad)
	case bad == nil && neg:
		ts.Fatalf("stdout is JSON lines")
	}
}

// cmdJSON checks that the last stdout is one JSON object holding the keys
// given: json KEY....
func cmdJSON(ts *testscript.TestScript, neg bool, args []string) {
	var m map[string]any
	err := json.Unmarshal([]byte(ts.ReadFile("stdout")), &m)
	for _, k := range args {
		if _, ok := m[k]; err == nil && !ok {
			err = fmt.Errorf("no key %q", k)
		}
	}
	switch {
	case err != nil && !neg:
		ts.Fatalf("stdout is not a JSON object with %v: %v", args, err)
	case err == nil && neg:
		ts.Fatalf("stdout is a JSON object with %v", args)
	}
}

// snapshots are the listings "snapshot" took, per script (scripts run in
// parallel).
var (
	snapMu    sync.Mutex
	snapshots = map[*testscript.TestScript]map[string]string{}
)

// listTree lists every path under dir with its size.
func listTree(dir string) string {
	var l []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		size := int64(0)
		if fi, err := d.Info(); err == nil && !d.IsDir() {
			size = fi.Size()
		}
		l = append(l, fmt.Sprintf("%s %d", p, size))
		return nil
	})
	sort.Strings(l)
	return strings.Join(l, "\n")
}

// cmdSnapshot records the paths under a folder: snapshot DIR.
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: snapshot DIR")
	}
	list := listTree(ts.MkAbs(args[0]))
	snapMu.Lock()
	defer snapMu.Unlock()
	if snapshots[ts] == nil {
		snapshots[ts] = map[string]string{}
		ts.Defer(func() {
			snapMu.Lock()
			delete(snapshots, ts)
			snapMu.Unlock()
		})
	}
	snapshots[ts][args[0]] = list
}

// cmdUnchanged fails if anything was added, removed or resized under DIR
// since "snapshot DIR": unchanged DIR.
func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: unchanged DIR")
	}
	snapMu.Lock()
	before, ok := snapshots[ts][args[0]]
	snapMu.Unlock()
	if !ok {
		ts.Fatalf("no snapshot of %s", args[0])
	}
	if after := listTree(ts.MkAbs(args[0])); after != before {
		ts.Fatalf("%s changed:\nbefore:\n%s\nafter:\n%s", args[0], before, after)
	}
}

// failWriter fails every write, like a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("no space left on device") }

// TestCheckWriteError checks that a report that cannot be written fails the
// command (exit 2, the reason on stderr) instead of passing silently.
func TestCheckWriteError(t *testing.T) {
	fixture := t.TempDir()
	if err := testrules.Prepare(fixture); err != nil {
		t.Fatal(err)
	}
	t.Setenv("RUQSAT_ROOT", fixture)
	pkg := filepath.Join(fixture, "examples", "sts-license-2023-issue-incomplete-signature-chain")
	for _, format := range []string{"text", "json"} {
		var stderr bytes.Buffer
		code := run(context.Background(), []string{"check", "--format", format, "--as-of", "2026-11-29", pkg}, failWriter{}, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("--format %s: exit %d, stderr %q; want 2 and the write error", format, code, stderr.String())
		}
	}
}
