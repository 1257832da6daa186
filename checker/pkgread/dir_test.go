package pkgread

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadDir(t *testing.T) {
	big := string(randomBytes(300<<10, 3))
	dir := makeDir(t, map[string]string{
		"manifest.json":     manifestJSON,
		"docs/charter.pdf":  big,
		"docs/small.txt":    "small",
		"empty.txt":         "",
		"docs/.DS_Store":    "junk",
		"__MACOSX/._x":      "junk",
		"docs/~$draft.docx": "junk",
	})
	os.Mkdir(filepath.Join(dir, "empty-folder"), 0o755)
	pkg, err := ReadDir(dir, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Name != filepath.Base(dir) || pkg.Root != "" || pkg.ManifestName != "manifest.json" || string(pkg.Manifest) != manifestJSON {
		t.Errorf("package = %q %q %q %q", pkg.Name, pkg.Root, pkg.ManifestName, pkg.Manifest)
	}
	if len(pkg.Files) != 3 {
		t.Errorf("files %v, want 3", keys(pkg.Files))
	}
	checkFile(t, pkg, "docs/charter.pdf", big)
	checkFile(t, pkg, "docs/small.txt", "small")
	checkFile(t, pkg, "empty.txt", "")

	// A folder's file can be read at random, as CheckPDF does.
	r, err := pkg.Files["docs/small.txt"].Open()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.(io.ReaderAt); !ok {
		t.Errorf("reader %T is not an io.ReaderAt", r)
	}
	r.Close()

	// A file that changed size since it was read is not handed over.
	os.WriteFile(filepath.Join(dir, "docs", "small.txt"), []byte("grown bigger"), 0o644)
	_, err = pkg.Files["docs/small.txt"].Open()
	wantKind(t, err, ErrUnreadable)
}

func TestReadDirSingleFolder(t *testing.T) {
	dir := makeDir(t, map[string]string{"app/manifest.yaml": "a: 1", "app/docs/a.pdf": "x", ".DS_Store": "junk"})
	pkg, err := ReadDir(dir, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Root != "app" || pkg.ManifestName != "manifest.yaml" {
		t.Errorf("root %q manifest %q", pkg.Root, pkg.ManifestName)
	}
	checkFile(t, pkg, "docs/a.pdf", "x")
}

func TestReadDirEmpty(t *testing.T) {
	_, err := ReadDir(t.TempDir(), DefaultLimits())
	wantKind(t, err, ErrEmpty)
	_, err = ReadDir(makeDir(t, map[string]string{".DS_Store": "x", "a/Thumbs.db": "x"}), DefaultLimits())
	wantKind(t, err, ErrEmpty)
	_, err = ReadDir(makeDir(t, map[string]string{"a.pdf": "x"}), DefaultLimits())
	wantKind(t, err, ErrNoManifest)
	_, err = ReadDir(makeDir(t, map[string]string{"manifest.json": "{}", "MANIFEST.YML": "a: 1"}), DefaultLimits())
	wantKind(t, err, ErrManyManifests)
}

func TestReadDirSymlinks(t *testing.T) {
	outside := makeDir(t, map[string]string{"secret.txt": "secret"})

	t.Run("file outside", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}"})
		symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "a.pdf"))
		e := wantKind(t, func() error { _, err := ReadDir(dir, DefaultLimits()); return err }(), ErrSymlinkOutside)
		if e.Path != "a.pdf" {
			t.Errorf("Path = %q", e.Path)
		}
	})
	t.Run("relative, climbing out", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}"})
		rel, _ := filepath.Rel(dir, filepath.Join(outside, "secret.txt"))
		symlink(t, rel, filepath.Join(dir, "a.pdf"))
		_, err := ReadDir(dir, DefaultLimits())
		wantKind(t, err, ErrSymlinkOutside)
	})
	t.Run("folder outside", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}"})
		symlink(t, outside, filepath.Join(dir, "docs"))
		// Refused at the link, before walking what it points to (a link
		// to "/" must not walk the whole disk).
		e := wantKind(t, func() error { _, err := ReadDir(dir, DefaultLimits()); return err }(), ErrSymlinkOutside)
		if e.Path != "docs" {
			t.Errorf("Path = %q, want the link", e.Path)
		}
	})
	t.Run("dangling, outside", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}"})
		symlink(t, "/nonexistent/ruqsat/x", filepath.Join(dir, "a.pdf"))
		_, err := ReadDir(dir, DefaultLimits())
		wantKind(t, err, ErrSymlinkOutside)
	})
	t.Run("dangling, inside", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}"})
		symlink(t, "missing.pdf", filepath.Join(dir, "a.pdf"))
		_, err := ReadDir(dir, DefaultLimits())
		wantKind(t, err, ErrUnreadable)
	})
	t.Run("inside the folder, outside the package root", func(t *testing.T) {
		// The root is app/; junk beside it is not part of the package.
		dir := makeDir(t, map[string]string{"app/manifest.json": "{}", ".DS_Store": "not in the package"})
		symlink(t, "../.DS_Store", filepath.Join(dir, "app", "a.pdf"))
		_, err := ReadDir(dir, DefaultLimits())
		wantKind(t, err, ErrSymlinkOutside)
	})
	t.Run("inside, followed", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}", "docs/a.pdf": "content"})
		symlink(t, "docs/a.pdf", filepath.Join(dir, "relative.pdf"))
		symlink(t, filepath.Join(dir, "docs", "a.pdf"), filepath.Join(dir, "absolute.pdf"))
		symlink(t, "docs", filepath.Join(dir, "more"))
		pkg, err := ReadDir(dir, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"docs/a.pdf", "relative.pdf", "absolute.pdf", "more/a.pdf"} {
			checkFile(t, pkg, p, "content")
		}
	})
	t.Run("the folder given is a link", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}"})
		link := filepath.Join(t.TempDir(), "pkg")
		symlink(t, dir, link)
		if _, err := ReadDir(link, DefaultLimits()); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("cycle", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}", "a/x.pdf": "x"})
		symlink(t, "..", filepath.Join(dir, "a", "up"))
		e := wantKind(t, func() error { _, err := ReadDir(dir, DefaultLimits()); return err }(), ErrUnsafePath)
		if e.Err != errLinkLoop {
			t.Errorf("Err = %v", e.Err)
		}
	})
	t.Run("cycle through two links", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"manifest.json": "{}", "a/x.pdf": "x", "b/y.pdf": "y"})
		symlink(t, "../b", filepath.Join(dir, "a", "to-b"))
		symlink(t, "../a", filepath.Join(dir, "b", "to-a"))
		_, err := ReadDir(dir, DefaultLimits())
		wantKind(t, err, ErrUnsafePath)
	})
}

func TestReadDirLimits(t *testing.T) {
	files := map[string]string{"manifest.json": "{}"}
	for i := range 5 {
		files[strings.Repeat("d/", i)+"f.pdf"] = strings.Repeat("x", 100)
	}
	dir := makeDir(t, files)
	tests := []struct {
		name  string
		lim   Limits
		want  ErrorKind
		limit int64
	}{
		{"fits", Limits{MaxFiles: 6, MaxFileSize: 100, MaxTotalSize: 502}, "", 0},
		{"too many files", Limits{MaxFiles: 5}, ErrTooManyFiles, 5},
		{"too many folders", Limits{MaxFiles: 3}, ErrTooManyFiles, 3},
		{"file too large", Limits{MaxFileSize: 99}, ErrFileTooLarge, 99},
		{"total too large", Limits{MaxTotalSize: 501}, ErrTooLarge, 501},
		{"manifest too large", Limits{MaxManifestSize: 1}, ErrFileTooLarge, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadDir(dir, tt.lim)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if e := wantKind(t, err, tt.want); e.Limit != tt.limit {
				t.Errorf("Limit = %d, want %d", e.Limit, tt.limit)
			}
		})
	}
}

func TestReadDirHugeFileNotRead(t *testing.T) {
	// A sparse 1 GB file: refused from its size, without reading it (the
	// refusal comes back fast and takes no memory).
	dir := makeDir(t, map[string]string{"manifest.json": "{}"})
	f, err := os.Create(filepath.Join(dir, "scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skip(err)
	}
	f.Close()
	start := time.Now()
	e := wantKind(t, func() error { _, err := ReadDir(dir, DefaultLimits()); return err }(), ErrFileTooLarge)
	if e.Path != "scan.pdf" || e.Limit != 50<<20 {
		t.Errorf("error = %+v", e)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v: was the file read?", d)
	}
}

func TestReadDirDeep(t *testing.T) {
	dir := makeDir(t, map[string]string{"manifest.json": "{}", strings.Repeat("d/", maxDepth+1) + "f.pdf": "x"})
	_, err := ReadDir(dir, DefaultLimits())
	wantKind(t, err, ErrUnsafePath)
}
