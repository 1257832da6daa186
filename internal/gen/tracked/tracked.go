// Package tracked writes the generated files that are committed beside the
// rule data: the checklist schemas (schemas/checklists/) and the example
// packages (examples/). gen, build and serve all use it, so one command
// brings both up to date after an edit; CI's drift test checks that what is
// committed is what this writes.
package tracked

import (
	"path/filepath"

	"ruqsat/internal/gen/checklist"
	"ruqsat/internal/gen/examples"
	"ruqsat/internal/rules"
)

// Write regenerates the checklists and the examples under root from s,
// which must have loaded and linted cleanly.
func Write(root string, s *rules.Set) error {
	if err := checklist.Write(root, s); err != nil {
		return err
	}
	files, err := checklist.Files(s)
	if err != nil {
		return err
	}
	pkgs, err := examples.Generate(files)
	if err != nil {
		return err
	}
	return examples.Write(filepath.Join(root, examples.Dir), pkgs)
}
