package pkgread

import (
	"os"
	"path/filepath"
	"testing"
)

// typicalFiles is a typical package: a manifest and four scans of 100–500
// KiB that do not compress, as PDFs and JPEGs do not.
func typicalFiles() map[string]string {
	return map[string]string{
		"manifest.yaml":   "service: sts-license\nfiles: [charter.pdf, certificate.pdf, id-card.jpg, payment.pdf]\n",
		"charter.pdf":     string(randomBytes(500<<10, 10)),
		"certificate.pdf": string(randomBytes(300<<10, 11)),
		"id-card.jpg":     string(randomBytes(200<<10, 12)),
		"payment.pdf":     string(randomBytes(100<<10, 13)),
	}
}

func BenchmarkReadDir(b *testing.B) {
	dir := makeDir(b, typicalFiles())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDir(dir, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadZipBytes(b *testing.B) {
	var files []zf
	for p, body := range typicalFiles() {
		files = append(files, zf{name: p, body: body})
	}
	z := makeZip(b, files...)
	b.SetBytes(int64(len(z)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadZipBytes(z, "p.zip", DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadZip(b *testing.B) {
	var files []zf
	for p, body := range typicalFiles() {
		files = append(files, zf{name: p, body: body})
	}
	path := filepath.Join(b.TempDir(), "p.zip")
	if err := os.WriteFile(path, makeZip(b, files...), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadZip(path, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}
