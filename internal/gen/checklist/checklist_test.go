package checklist_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"ruqsat/internal/gen/checklist"
	"ruqsat/internal/gen/examples"
	"ruqsat/internal/rules"
	"ruqsat/internal/testrules"
)

// load reads the real rule data, or the tree in RUQSAT_ROOT.
func load(t *testing.T) (*rules.Set, string) {
	t.Helper()
	root, err := testrules.DataRoot()
	if err != nil {
		t.Fatal(err)
	}
	s, probs, err := rules.Load(os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Fatalf("rule data does not load: %v", probs)
	}
	return s, root
}

// TestNoDrift regenerates the checklists and the example packages and
// compares them with what is committed: generated files are never edited
// by hand. Run `go run ./cmd/ruqsat gen` after changing rules/.
func TestNoDrift(t *testing.T) {
	s, root := load(t)
	files, err := checklist.Files(s)
	if err != nil {
		t.Fatal(err)
	}
	onDisk, _ := filepath.Glob(filepath.Join(root, checklist.Dir, "*.json"))
	if len(onDisk) != len(files) {
		t.Errorf("%s holds %d files, the rule data makes %d", checklist.Dir, len(onDisk), len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, checklist.Dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s/%s is out of date: run go run ./cmd/ruqsat gen", checklist.Dir, name)
		}
	}
	pkgs, err := examples.Generate(files)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pkgs {
		if p.Zip {
			want, err := examples.Zip(p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(root, examples.Dir, p.Name+".zip"))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s/%s.zip is out of date: run go run ./cmd/ruqsat gen", examples.Dir, p.Name)
			}
			names = append(names, p.Name+".zip")
			continue
		}
		names = append(names, p.Name)
		for path, want := range p.Files {
			got, err := os.ReadFile(filepath.Join(root, examples.Dir, p.Name, filepath.FromSlash(path)))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s/%s/%s is out of date: run go run ./cmd/ruqsat gen", examples.Dir, p.Name, path)
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Join(root, examples.Dir))
	var have []string
	for _, e := range entries {
		if e.Name() != "README.md" {
			have = append(have, e.Name())
		}
	}
	sort.Strings(names)
	if len(have) != len(names) {
		t.Errorf("%s holds %d packages, the generator makes %d", examples.Dir, len(have), len(names))
	}
}
