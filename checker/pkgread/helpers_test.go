package pkgread

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// zf is one zip entry for makeZip: name and body, written deflated unless
// store is set; mode, if set, becomes the entry's file mode.
type zf struct {
	name  string
	body  string
	store bool
	mode  fs.FileMode
}

func makeZip(t testing.TB, files ...zf) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		if f.store {
			h.Method = zip.Store
		}
		if f.mode != 0 {
			h.SetMode(f.mode)
		}
		fw, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rawZip writes one entry with a hand-set header and the given compressed
// bytes, for headers that lie.
func rawZip(t testing.TB, h *zip.FileHeader, compressed []byte, more ...zf) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range more {
		fw, err := w.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(f.body))
	}
	fw, err := w.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(compressed); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func deflate(t testing.TB, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	w, _ := flate.NewWriter(&out, flate.BestCompression)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// rawHeader is a header for rawZip describing body deflated into c.
func rawHeader(name string, body, c []byte) *zip.FileHeader {
	return &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body),
		CompressedSize64: uint64(len(c)), UncompressedSize64: uint64(len(body))}
}

// makeDir writes files (path → content, slash-separated) under a new
// temporary folder and returns it.
func makeDir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, body := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
}

// wantKind fails unless err is an *Error of kind k, and returns it.
func wantKind(t testing.TB, err error, k ErrorKind) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Kind != k {
		t.Fatalf("got error %v, want kind %s", err, k)
	}
	if !errors.Is(err, k) {
		t.Fatalf("errors.Is(%v, %s) = false", err, k)
	}
	return e
}

// randomBytes returns n bytes that do not compress, like a scanned PDF.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}
