// Package testrules gives tests a rule set of their own, so that they do
// not change when legal staff edit the real rules: testdata/fixture at the
// repository root is a frozen, trimmed copy of the project's data (the STS
// licence of 2008 and 2023, the CIPF licence of 2023 whose text is cut off,
// their acts and seeds). Prepare copies it to a folder and generates its
// checklists and examples there, as `ruqsat gen` does for the real data.
//
// Tests of what the real data says (pinned facts, the committed examples,
// drift) read the repository instead, or the tree named by RUQSAT_ROOT.
package testrules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"ruqsat/internal/gen/tracked"
	"ruqsat/internal/lint"
	"ruqsat/internal/rules"
)

// Dir is the fixture's folder, relative to the repository root.
const Dir = "testdata/fixture"

// RepoRoot finds the repository root (the folder holding go.mod) from the
// working directory, which go test sets to the package's folder.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = up
	}
}

// DataRoot is the rule data that tests of the real data read: RUQSAT_ROOT
// when set (the recipe scripts point it at an edited copy), else the
// repository.
func DataRoot() (string, error) {
	if r := os.Getenv("RUQSAT_ROOT"); r != "" {
		return filepath.Abs(r)
	}
	return RepoRoot()
}

// Prepare copies the fixture into dst (which must exist) and writes its
// checklists and examples. A fixture that does not lint is an error: the
// tests built on it would test nothing.
func Prepare(dst string) error {
	root, err := RepoRoot()
	if err != nil {
		return err
	}
	src := filepath.Join(root, filepath.FromSlash(Dir))
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		return err
	}
	s, probs, err := rules.Load(os.DirFS(dst))
	if err == nil && len(probs) == 0 {
		probs = lint.Run(s)
	}
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		var b strings.Builder
		for _, p := range probs {
			b.WriteString("\n" + p.String())
		}
		return fmt.Errorf("%s does not lint:%s", Dir, b.String())
	}
	return tracked.Write(dst, s)
}
