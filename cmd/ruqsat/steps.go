package main

import (
	"context"
	"os"
	"path/filepath"

	"ruqsat/internal/build"
	"ruqsat/internal/gen/checklist"
	"ruqsat/internal/rules"
)

// The build's extra steps are wired here, where every stage of the
// pipeline is importable, so internal/build stays free of them.
func init() {
	build.AddStep("checklists", func(ctx context.Context, o build.Options, s *rules.Set) error {
		if err := checklist.Write(o.Root, s); err != nil {
			return err
		}
		files, err := checklist.Files(s)
		if err != nil {
			return err
		}
		dir := filepath.Join(o.Root, "_gen", "static", "schemas", "checklists")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
}
