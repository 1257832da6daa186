package pkgread

import (
	"io"
	"testing"
)

func TestReadMemory(t *testing.T) {
	big := randomBytes(100<<10, 4)
	pkg, err := ReadMemory("dropped", map[string][]byte{
		"app/manifest.json":    []byte(manifestJSON),
		"app/docs/charter.pdf": big,
		"app/docs/":            nil,
		"app/.DS_Store":        []byte("junk"),
		"__MACOSX/app/._x":     []byte("junk"),
	}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Name != "dropped" || pkg.Root != "app" || pkg.ManifestName != "manifest.json" || string(pkg.Manifest) != manifestJSON || len(pkg.Files) != 1 {
		t.Fatalf("package = %q %q %q %v", pkg.Name, pkg.Root, pkg.ManifestName, keys(pkg.Files))
	}
	checkFile(t, pkg, "docs/charter.pdf", string(big))
	r, _ := pkg.Files["docs/charter.pdf"].Open()
	if _, ok := r.(io.ReaderAt); !ok {
		t.Errorf("reader %T is not an io.ReaderAt", r)
	}
}

func TestReadMemoryRefuses(t *testing.T) {
	m := []byte("{}")
	tests := []struct {
		name  string
		files map[string][]byte
		lim   Limits
		want  ErrorKind
	}{
		{"climbs out", map[string][]byte{"manifest.json": m, "../a.pdf": nil}, Limits{}, ErrUnsafePath},
		{"absolute", map[string][]byte{"manifest.json": m, "/a.pdf": nil}, Limits{}, ErrUnsafePath},
		{"backslash", map[string][]byte{"manifest.json": m, `a\b.pdf`: nil}, Limits{}, ErrUnsafePath},
		{"file and folder", map[string][]byte{"manifest.json": m, "a": nil, "a/b.pdf": nil}, Limits{}, ErrDuplicate},
		{"empty", map[string][]byte{}, Limits{}, ErrEmpty},
		{"no manifest", map[string][]byte{"a.pdf": nil}, Limits{}, ErrNoManifest},
		{"two manifests", map[string][]byte{"manifest.json": m, "manifest.yml": m}, Limits{}, ErrManyManifests},
		{"too many files", map[string][]byte{"manifest.json": m, "a": nil, "b": nil}, Limits{MaxFiles: 2}, ErrTooManyFiles},
		{"file too large", map[string][]byte{"manifest.json": m, "a": make([]byte, 11)}, Limits{MaxFileSize: 10}, ErrFileTooLarge},
		{"total too large", map[string][]byte{"manifest.json": m, "a": make([]byte, 8), "b": make([]byte, 8)}, Limits{MaxTotalSize: 17}, ErrTooLarge},
		{"manifest too large", map[string][]byte{"manifest.json": m}, Limits{MaxManifestSize: 1}, ErrFileTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadMemory("p", tt.files, tt.lim)
			wantKind(t, err, tt.want)
		})
	}
}
