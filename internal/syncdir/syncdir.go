// Package syncdir makes a folder hold exactly a given set of files, writing
// only those whose bytes changed and removing the rest. Generated trees
// (pages, checklists, examples) are written this way so that a rebuild
// after a one-file edit touches only what the edit changed: Hugo's server
// then re-renders just those pages, and a reader of the folder never finds
// it half-emptied.
package syncdir

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Write makes dir hold exactly files (slash-separated paths relative to dir
// → contents) and returns how many files it wrote or removed.
func Write(dir string, files map[string][]byte) (int, error) {
	n := 0
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if _, keep := files[filepath.ToSlash(rel)]; !keep {
			n++
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	for rel, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if cur, err := os.ReadFile(full); err == nil && bytes.Equal(cur, b) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return n, err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return n, err
		}
		n++
	}
	// Folders left empty go too, deepest first; one still in use stays.
	for i := len(dirs) - 1; i > 0; i-- {
		os.Remove(dirs[i])
	}
	return n, nil
}
