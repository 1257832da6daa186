package pkgread

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateSeeds = flag.Bool("update-seeds", false, "rewrite the hand-made seeds in testdata/fuzz/FuzzReadZipBytes")

// fuzzLimits are small, so that the fuzzer reaches every limit quickly.
var fuzzLimits = Limits{MaxFiles: 20, MaxFileSize: 1 << 20, MaxTotalSize: 4 << 20, MaxManifestSize: 64 << 10}

// seedZips are hand-made zips for the fuzzer to start from, one per path
// through ReadZipBytes. They are also committed under testdata/fuzz, where
// `go test` runs them as ordinary tests.
func seedZips(t testing.TB) map[string][]byte {
	body := []byte(strings.Repeat("%PDF-1.7 ", 100))
	c := deflate(t, body)
	liar := rawHeader("liar.pdf", body, c)
	liar.UncompressedSize64 = 10
	m := zf{name: "manifest.json", body: manifestJSON}
	return map[string][]byte{
		"ok":          makeZip(t, m, zf{name: "docs/"}, zf{name: "docs/charter.pdf", body: string(body)}, zf{name: "stored.jpg", body: "\xff\xd8\xff", store: true}),
		"folder":      makeZip(t, zf{name: "app/manifest.yaml", body: "a: 1"}, zf{name: "__MACOSX/app/._manifest.yaml", body: "x"}, zf{name: "app/a.pdf", body: "a"}),
		"unsafe":      makeZip(t, m, zf{name: "../evil.pdf", body: "x"}),
		"backslash":   makeZip(t, m, zf{name: `docs\..\..\evil.pdf`, body: "x"}),
		"symlink":     makeZip(t, m, zf{name: "link", body: "/etc/passwd", mode: fs.ModeSymlink | 0o777}),
		"duplicate":   makeZip(t, m, zf{name: "a.pdf", body: "1"}, zf{name: "a.pdf", body: "2"}),
		"liar":        rawZip(t, liar, c, m),
		"cp866":       cp866Zip(t),
		"empty":       makeZip(t),
		"no-manifest": makeZip(t, zf{name: "a.pdf", body: "x"}),
	}
}

func cp866Zip(t testing.TB) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	w.Create("manifest.json")
	fw, _ := w.CreateHeader(&zip.FileHeader{Name: cp866Name, NonUTF8: true})
	fw.Write([]byte("x"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteFuzzSeeds(t *testing.T) {
	if !*updateSeeds {
		t.Skip("run with -update-seeds to rewrite the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzReadZipBytes")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range seedZips(t) {
		data := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, "seed-"+name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzReadZipBytes checks that no input panics, that every refusal is an
// *Error, and that whatever is accepted keeps its promises: clean, unique,
// non-junk paths; limits respected; Head, Tail and Open agreeing.
func FuzzReadZipBytes(f *testing.F) {
	for _, b := range seedZips(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		pkg, err := ReadZipBytes(b, "fuzz.zip", fuzzLimits)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		if int64(len(pkg.Manifest)) > fuzzLimits.MaxManifestSize || pkg.ManifestName == "" {
			t.Fatalf("manifest %q of %d bytes", pkg.ManifestName, len(pkg.Manifest))
		}
		if len(pkg.Files) >= fuzzLimits.MaxFiles {
			t.Fatalf("%d files", len(pkg.Files))
		}
		var total int64
		for p, f := range pkg.Files {
			if p != f.Path || !fs.ValidPath(p) || IsJunk(p) || strings.Contains(p, `\`) || p == pkg.ManifestName {
				t.Fatalf("bad path %q (%q)", p, f.Path)
			}
			if f.Size > fuzzLimits.MaxFileSize || len(f.Head) > HeadSize || len(f.Tail) > TailSize {
				t.Fatalf("%q: size %d head %d tail %d", p, f.Size, len(f.Head), len(f.Tail))
			}
			total += f.Size
			r, err := f.Open()
			if err != nil {
				t.Fatalf("%q: Open: %v", p, err)
			}
			all, err := io.ReadAll(r)
			r.Close()
			if err != nil || int64(len(all)) != f.Size || !bytes.HasPrefix(all, f.Head) || !bytes.HasSuffix(all, f.Tail) {
				t.Fatalf("%q: Open read %d bytes (%v); Size %d, or head/tail differ", p, len(all), err, f.Size)
			}
		}
		if total > fuzzLimits.MaxTotalSize {
			t.Fatalf("total %d", total)
		}
	})
}
