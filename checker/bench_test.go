package checker_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"ruqsat/checker"
)

// typical is the package the benchmarks check: the test rule set's
// sts-license 2023 issue example that meets every requirement, a manifest
// and three small documents, one of them signed. Its signature is made
// with the test key, whose chain cannot be followed to the NCA, so its
// verdict is typicalVerdict; it does every check a real package does.
func typical(tb testing.TB) string {
	return filepath.Join(fixtureRoot(tb), "examples", "sts-license-2023-issue-incomplete-signature-chain")
}

const typicalVerdict = checker.Incomplete

var benchOpts = checker.Options{Today: "2026-11-29"}

// warmChecker returns a checker that has already compiled the typical
// package's checklist (the first check of a checklist compiles it; the
// command pays that once per run, see BenchmarkCheckCold).
func warmChecker(b *testing.B) *checker.Checker {
	b.Helper()
	ck := newChecker(b)
	if rep := ck.CheckPath(typical(b), benchOpts); rep.Verdict != typicalVerdict {
		b.Fatalf("%s: verdict %s\n%s", typical(b), rep.Verdict, dump(rep))
	}
	return ck
}

func reportRate(b *testing.B) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, "packages/s")
	}
}

// BenchmarkCheckTypical is the library's time per package: read the
// folder from disk and check it, each time.
func BenchmarkCheckTypical(b *testing.B) {
	ck := warmChecker(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if rep := ck.CheckPath(typical(b), benchOpts); rep.Verdict != typicalVerdict {
			b.Fatal(rep.Verdict)
		}
	}
	reportRate(b)
}

// BenchmarkCheckZip is the same package as a .zip read in place.
func BenchmarkCheckZip(b *testing.B) {
	ck := warmChecker(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if rep := ck.CheckPath(typical(b)+".zip", benchOpts); rep.Verdict != typicalVerdict {
			b.Fatal(rep.Verdict)
		}
	}
	reportRate(b)
}

// BenchmarkCheckInMemory checks the same package from bytes already in
// memory (the browser's case): no file system at all.
func BenchmarkCheckInMemory(b *testing.B) {
	ck := warmChecker(b)
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(typical(b)), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = os.ReadFile(filepath.Join(typical(b), p))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if rep := ck.CheckFiles("typical", files, benchOpts); rep.Verdict != typicalVerdict {
			b.Fatal(rep.Verdict)
		}
	}
	reportRate(b)
}

// BenchmarkCheckParallel checks the typical package from disk on every
// core at once, as `ruqsat check` does with many paths: one Checker,
// shared.
func BenchmarkCheckParallel(b *testing.B) {
	ck := warmChecker(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if rep := ck.CheckPath(typical(b), benchOpts); rep.Verdict != typicalVerdict {
				b.Error(rep.Verdict)
				return
			}
		}
	})
	reportRate(b)
}

// BenchmarkCheckCold is a new Checker and its first check: loading the
// index and compiling the checklist schema, which `ruqsat check` pays once
// per run and per checklist.
func BenchmarkCheckCold(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ck := newChecker(b)
		if rep := ck.CheckPath(typical(b), benchOpts); rep.Verdict != typicalVerdict {
			b.Fatal(rep.Verdict)
		}
	}
}
