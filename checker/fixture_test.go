package checker_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"ruqsat/checker"
	"ruqsat/internal/testrules"
)

// The checker's tests run on the test rule set (internal/testrules), whose
// checklists are generated once per run into a temporary folder: a correct
// edit of the real rules never changes what these tests expect. Only
// TestExamples reads the real, committed examples.
var fixture struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

// fixtureRoot is the prepared test rule set: rules, checklists, examples.
func fixtureRoot(tb testing.TB) string {
	tb.Helper()
	fixture.once.Do(func() {
		fixture.dir, fixture.err = os.MkdirTemp("", "ruqsat-fixture-")
		if fixture.err == nil {
			fixture.err = testrules.Prepare(fixture.dir)
		}
	})
	if fixture.err != nil {
		tb.Fatal(fixture.err)
	}
	return fixture.dir
}

// newChecker reads the test rule set's checklists.
func newChecker(tb testing.TB) *checker.Checker {
	tb.Helper()
	return checkerAt(tb, fixtureRoot(tb))
}

// checkerAt reads the checklists generated under root.
func checkerAt(tb testing.TB, root string) *checker.Checker {
	tb.Helper()
	ck, err := checker.New(os.DirFS(filepath.Join(root, "schemas", "checklists")), "https://ruqsat.invalid/schemas/checklists/")
	if err != nil {
		tb.Fatal(err)
	}
	return ck
}
