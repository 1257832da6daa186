package pkgread

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const manifestJSON = `{"service": "sts-license", "files": ["docs/charter.pdf"]}`

func TestReadZipBytes(t *testing.T) {
	big := string(randomBytes(100<<10, 1)) // over HeadSize: head and tail differ
	b := makeZip(t,
		zf{name: "manifest.json", body: manifestJSON},
		zf{name: "docs/"},
		zf{name: "docs/charter.pdf", body: big},
		zf{name: "photo.jpg", body: "small", store: true},
		zf{name: "empty.txt"},
	)
	pkg, err := ReadZipBytes(b, "application.zip", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Name != "application.zip" || pkg.Root != "" || pkg.ManifestName != "manifest.json" || string(pkg.Manifest) != manifestJSON {
		t.Errorf("package = %q %q %q %q", pkg.Name, pkg.Root, pkg.ManifestName, pkg.Manifest)
	}
	if got := len(pkg.Files); got != 3 {
		t.Fatalf("%d files, want 3 (folders and the manifest are not files): %v", got, keys(pkg.Files))
	}
	checkFile(t, pkg, "docs/charter.pdf", big)
	checkFile(t, pkg, "photo.jpg", "small")
	checkFile(t, pkg, "empty.txt", "")
}

// checkFile checks one file's size, head, tail and full content.
func checkFile(t *testing.T, pkg *Package, p, want string) {
	t.Helper()
	f := pkg.Files[p]
	if f == nil {
		t.Fatalf("no file %q in %v", p, keys(pkg.Files))
	}
	if f.Path != p || f.Size != int64(len(want)) {
		t.Errorf("%s: path %q size %d, want size %d", p, f.Path, f.Size, len(want))
	}
	if h := want[:min(len(want), HeadSize)]; string(f.Head) != h {
		t.Errorf("%s: head has %d bytes, want the first %d", p, len(f.Head), len(h))
	}
	if tl := want[max(0, len(want)-TailSize):]; string(f.Tail) != tl {
		t.Errorf("%s: tail has %d bytes, want the last %d", p, len(f.Tail), len(tl))
	}
	r, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := io.ReadAll(r)
	if err != nil || string(got) != want {
		t.Errorf("%s: Open read %d bytes, %v; want %d bytes", p, len(got), err, len(want))
	}
}

func keys(m map[string]*File) []string {
	var k []string
	for p := range m {
		k = append(k, p)
	}
	return k
}

func TestManifestPlace(t *testing.T) {
	tests := []struct {
		name     string
		files    []zf
		root     string
		manifest string
		want     ErrorKind
	}{
		{"top level", []zf{{name: "manifest.yaml", body: "a: 1"}, {name: "a.pdf", body: "x"}}, "", "manifest.yaml", ""},
		{"yml", []zf{{name: "manifest.yml", body: "a: 1"}}, "", "manifest.yml", ""},
		{"any case", []zf{{name: "Manifest.JSON", body: "{}"}}, "", "Manifest.JSON", ""},
		{"single folder", []zf{{name: "app/manifest.json", body: "{}"}, {name: "app/docs/a.pdf", body: "x"}}, "app", "manifest.json", ""},
		{"single folder with Mac junk beside it", []zf{{name: "app/manifest.json", body: "{}"}, {name: "__MACOSX/app/._manifest.json", body: "junk"}, {name: ".DS_Store", body: "junk"}}, "app", "manifest.json", ""},
		{"top level wins over a folder", []zf{{name: "manifest.json", body: "{}"}, {name: "app/manifest.json", body: "{}"}}, "", "manifest.json", ""},
		{"two manifests", []zf{{name: "manifest.json", body: "{}"}, {name: "manifest.yaml", body: "a: 1"}}, "", "", ErrManyManifests},
		{"two manifests in the folder", []zf{{name: "app/manifest.yml", body: "{}"}, {name: "app/MANIFEST.yaml", body: "a: 1"}}, "", "", ErrManyManifests},
		{"none", []zf{{name: "a.pdf", body: "x"}}, "", "", ErrNoManifest},
		{"only deeper", []zf{{name: "a/b/manifest.json", body: "{}"}}, "", "", ErrNoManifest},
		{"two folders", []zf{{name: "a/manifest.json", body: "{}"}, {name: "b/manifest.json", body: "{}"}}, "", "", ErrNoManifest},
		{"folder and a file", []zf{{name: "a/manifest.json", body: "{}"}, {name: "b.pdf", body: "x"}}, "", "", ErrNoManifest},
		{"empty zip", nil, "", "", ErrEmpty},
		{"only folders", []zf{{name: "a/"}, {name: "a/b/"}}, "", "", ErrEmpty},
		{"only junk", []zf{{name: ".DS_Store", body: "x"}, {name: "Thumbs.db", body: "x"}, {name: "__MACOSX/._a", body: "x"}}, "", "", ErrEmpty},
		{"junk named like a manifest", []zf{{name: "__MACOSX/manifest.json", body: "{}"}, {name: "a.pdf", body: "x"}}, "", "", ErrNoManifest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, err := ReadZipBytes(makeZip(t, tt.files...), "p.zip", DefaultLimits())
			if tt.want != "" {
				wantKind(t, err, tt.want)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if pkg.Root != tt.root || pkg.ManifestName != tt.manifest {
				t.Errorf("root %q manifest %q, want %q %q", pkg.Root, pkg.ManifestName, tt.root, tt.manifest)
			}
			for p := range pkg.Files {
				if IsJunk(p) || strings.HasPrefix(p, tt.root+"/") && tt.root != "" {
					t.Errorf("file %q: junk, or not relative to the root", p)
				}
			}
		})
	}
}

func TestZipUnsafePaths(t *testing.T) {
	for _, name := range []string{
		"../evil.pdf",
		"docs/../../evil.pdf",
		"docs/..",
		"/etc/passwd",
		"C:/Windows/evil.pdf",
		"c:evil.pdf",
		`..\evil.pdf`,
		`docs\a.pdf`,
		"docs//a.pdf",
		"./a.pdf",
		"docs/./a.pdf",
		"a\x00.pdf",
		"a\n.pdf",
		"__MACOSX/../evil", // junk is skipped, but not before its name is checked
	} {
		t.Run(name, func(t *testing.T) {
			b := makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: name, body: "x"})
			e := wantKind(t, func() error { _, err := ReadZipBytes(b, "p.zip", DefaultLimits()); return err }(), ErrUnsafePath)
			if e.Path != name {
				t.Errorf("Path = %q, want %q", e.Path, name)
			}
		})
	}
}

func TestZipSymlinkEntry(t *testing.T) {
	b := makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "link.pdf", body: "/etc/passwd", mode: fs.ModeSymlink | 0o777})
	_, err := ReadZipBytes(b, "p.zip", DefaultLimits())
	wantKind(t, err, ErrUnsafePath)
}

func TestZipDuplicates(t *testing.T) {
	for name, files := range map[string][]zf{
		"same name twice":       {{name: "manifest.json", body: "{}"}, {name: "a.pdf", body: "1"}, {name: "a.pdf", body: "2"}},
		"manifest twice":        {{name: "manifest.json", body: "{}"}, {name: "manifest.json", body: `{"evil": true}`}},
		"a file and a folder":   {{name: "manifest.json", body: "{}"}, {name: "a", body: "1"}, {name: "a/b.pdf", body: "2"}},
		"a file, then a folder": {{name: "manifest.json", body: "{}"}, {name: "a", body: "1"}, {name: "a/"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadZipBytes(makeZip(t, files...), "p.zip", DefaultLimits())
			wantKind(t, err, ErrDuplicate)
		})
	}
	// A folder entry beside files inside it is normal.
	b := makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "a/"}, zf{name: "a/b.pdf", body: "2"})
	if _, err := ReadZipBytes(b, "p.zip", DefaultLimits()); err != nil {
		t.Fatal(err)
	}
}

func TestZipBombRatio(t *testing.T) {
	// 10 MiB of zeros deflate to about 10 KiB: a ratio near 1000.
	b := makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "zeros.pdf", body: strings.Repeat("\x00", 10<<20)})
	e := wantKind(t, func() error { _, err := ReadZipBytes(b, "p.zip", DefaultLimits()); return err }(), ErrZipBomb)
	if e.Path != "zeros.pdf" || e.Limit != maxRatio {
		t.Errorf("error = %+v", e)
	}
	// Under 1 MiB the ratio does not matter: a small text file compresses
	// well and is fine.
	b = makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "zeros.txt", body: strings.Repeat("\x00", 512<<10)})
	if _, err := ReadZipBytes(b, "p.zip", DefaultLimits()); err != nil {
		t.Fatal(err)
	}
	// Junk is not read, but a bomb hidden in it is still refused.
	b = makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "__MACOSX/._zeros", body: strings.Repeat("\x00", 10<<20)})
	_, err := ReadZipBytes(b, "p.zip", DefaultLimits())
	wantKind(t, err, ErrZipBomb)
}

func TestZipBombRatioBoundary(t *testing.T) {
	// Declared sizes only (the data is fake, so an entry the ratio lets
	// through fails later as bad-zip): exactly 100:1 passes the ratio check,
	// one byte more is a bomb.
	c := bytes.Repeat([]byte{1}, 20<<10)
	for usize, want := range map[uint64]ErrorKind{100 * 20 << 10: ErrBadZip, 100*20<<10 + 1: ErrZipBomb} {
		h := &zip.FileHeader{Name: "a.pdf", Method: zip.Deflate, CompressedSize64: uint64(len(c)), UncompressedSize64: usize}
		_, err := ReadZipBytes(rawZip(t, h, c, zf{name: "manifest.json", body: "{}"}), "p.zip", DefaultLimits())
		wantKind(t, err, want)
	}
}

func TestZipBombDeclaredHuge(t *testing.T) {
	// A header declaring 1 TB from 100 bytes: refused on the header alone.
	c := deflate(t, []byte("tiny"))
	h := rawHeader("huge.pdf", []byte("tiny"), c)
	h.UncompressedSize64 = 1 << 40
	b := rawZip(t, h, c, zf{name: "manifest.json", body: "{}"})
	_, err := ReadZipBytes(b, "p.zip", DefaultLimits())
	wantKind(t, err, ErrZipBomb)
}

func TestZipBombHeaderLies(t *testing.T) {
	// The header says 1000 bytes; the data inflates to 4 MiB. The ratio of
	// the declared sizes looks harmless, so only counting the real bytes
	// catches it.
	body := bytes.Repeat([]byte("0123456789abcdef"), 4<<20/16)
	c := deflate(t, body)
	h := rawHeader("liar.pdf", body, c)
	h.UncompressedSize64 = 1000
	b := rawZip(t, h, c, zf{name: "manifest.json", body: "{}"})
	e := wantKind(t, func() error { _, err := ReadZipBytes(b, "p.zip", DefaultLimits()); return err }(), ErrZipBomb)
	if e.Path != "liar.pdf" {
		t.Errorf("Path = %q", e.Path)
	}
}

func TestZipBombOverlap(t *testing.T) {
	// Two directory entries pointing at one block of compressed data, the
	// trick of the "overlapping files" bomb: patch the second entry's local
	// header offset to the first's.
	b := makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "a.pdf", body: "one"}, zf{name: "b.pdf", body: "two"})
	var offs []uint32
	for i := 0; ; i++ {
		j := bytes.Index(b[i:], []byte("PK\x01\x02"))
		if j < 0 {
			break
		}
		i += j
		offs = append(offs, binary.LittleEndian.Uint32(b[i+42:]))
		if len(offs) == 3 {
			binary.LittleEndian.PutUint32(b[i+42:], offs[1])
		}
	}
	_, err := ReadZipBytes(b, "p.zip", DefaultLimits())
	wantKind(t, err, ErrZipBomb)
}

func TestZipLimits(t *testing.T) {
	three := []zf{{name: "manifest.json", body: "{}"}, {name: "a", body: strings.Repeat("a", 400)}, {name: "b", body: strings.Repeat("b", 400)}, {name: "c", body: strings.Repeat("c", 400)}}
	tests := []struct {
		name  string
		lim   Limits
		files []zf
		want  ErrorKind
		path  string
		limit int64
	}{
		{"too many files", Limits{MaxFiles: 3}, three, ErrTooManyFiles, "", 3},
		{"exactly MaxFiles", Limits{MaxFiles: 4}, three, "", "", 0},
		{"file too large", Limits{MaxFileSize: 399}, three, ErrFileTooLarge, "a", 399},
		{"total too large", Limits{MaxTotalSize: 1000}, three, ErrTooLarge, "", 1000},
		{"manifest too large", Limits{MaxManifestSize: 1}, three, ErrFileTooLarge, "manifest.json", 1},
		{"junk does not count", Limits{MaxFiles: 1}, []zf{{name: "manifest.json", body: "{}"}, {name: ".DS_Store", body: "x"}, {name: "Thumbs.db", body: "x"}}, "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadZipBytes(makeZip(t, tt.files...), "p.zip", tt.lim)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e := wantKind(t, err, tt.want)
			if e.Path != tt.path || e.Limit != tt.limit {
				t.Errorf("error = %+v, want path %q limit %d", e, tt.path, tt.limit)
			}
		})
	}
}

func TestZipFileTooLargeNotRead(t *testing.T) {
	// A 1 GB entry (declared; 100 MB of compressed data claimed, so the
	// ratio is a plausible 10) is refused from the header: the data is not
	// even in the zip, so reading it would fail differently.
	h := &zip.FileHeader{Name: "scan.pdf", Method: zip.Deflate, CompressedSize64: 100 << 20, UncompressedSize64: 1 << 30}
	b := rawZip(t, h, []byte("not really here"), zf{name: "manifest.json", body: "{}"})
	e := wantKind(t, func() error { _, err := ReadZipBytes(b, "p.zip", DefaultLimits()); return err }(), ErrFileTooLarge)
	if e.Path != "scan.pdf" || e.Limit != 50<<20 {
		t.Errorf("error = %+v", e)
	}
}

func TestZipTooManyEntriesBeforeParsing(t *testing.T) {
	// 300 empty folders with MaxFiles 10: refused from the end record,
	// before archive/zip builds a File for each.
	files := []zf{{name: "manifest.json", body: "{}"}}
	for i := range 300 {
		files = append(files, zf{name: fmt.Sprintf("d%03d/", i)})
	}
	b := makeZip(t, files...)
	dirSize, records, ok := endRecord(bytes.NewReader(b), int64(len(b)))
	if !ok || records != 301 || dirSize == 0 {
		t.Fatalf("endRecord = %d, %d, %v", dirSize, records, ok)
	}
	_, err := ReadZipBytes(b, "p.zip", Limits{MaxFiles: 10})
	if e := wantKind(t, err, ErrTooManyFiles); e.Err != errDirTooLarge {
		t.Errorf("Err = %v: refused after parsing, not from the end record", e.Err)
	}
}

func TestZipBroken(t *testing.T) {
	body := []byte("the real content of the file")
	c := deflate(t, body)

	badCRC := rawHeader("a.pdf", body, c)
	badCRC.CRC32++
	short := rawHeader("a.pdf", body, c)
	short.UncompressedSize64 += 10
	encrypted := rawHeader("a.pdf", body, c)
	encrypted.Flags |= 1
	lzma := rawHeader("a.pdf", body, c)
	lzma.Method = 14
	storedSizes := rawHeader("a.pdf", body, c)
	storedSizes.Method = zip.Store

	manifest := zf{name: "manifest.json", body: "{}"}
	tests := []struct {
		name string
		b    []byte
		want ErrorKind
	}{
		{"bad CRC", rawZip(t, badCRC, c, manifest), ErrBadZip},
		{"shorter than declared", rawZip(t, short, c, manifest), ErrBadZip},
		{"encrypted", rawZip(t, encrypted, c, manifest), ErrEncrypted},
		{"LZMA", rawZip(t, lzma, c, manifest), ErrBadZip},
		{"stored with two sizes", rawZip(t, storedSizes, c, manifest), ErrBadZip},
		{"not a zip", []byte("%PDF-1.7 not a zip"), ErrBadZip},
		{"truncated zip", makeZip(t, manifest)[:30], ErrBadZip},
		{"empty input", nil, ErrBadZip},
		{"invalid UTF-8 flagged UTF-8", utf8FlaggedZip(t), ErrUnsafePath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadZipBytes(tt.b, "p.zip", DefaultLimits())
			wantKind(t, err, tt.want)
		})
	}
}

func utf8FlaggedZip(t *testing.T) []byte {
	b := makeZip(t, zf{name: "manifest.json", body: "{}"}, zf{name: "\xff.pdf", body: "x"})
	// Set the UTF-8 flag (bit 11) in the central directory entry.
	i := bytes.LastIndex(b, []byte("PK\x01\x02"))
	b[i+9] |= 0x08
	return b
}

// cp866 "Устав.pdf", as Windows' own zipper writes it on a Russian system.
const cp866Name = "\x93\xe1\xe2\xa0\xa2.pdf"

func TestZipCP866Names(t *testing.T) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	w.Create("manifest.json")
	fw, _ := w.CreateHeader(&zip.FileHeader{Name: cp866Name, NonUTF8: true, Method: zip.Deflate})
	fw.Write([]byte("charter"))
	// 7-Zip style: a code-page name plus the Info-ZIP Unicode Path field.
	utf := "Жарғы.pdf" // ғ is not in cp866: only the extra field can carry it
	raw := "\x86\xa0\xe0?\xeb.pdf"
	extra := []byte{0x75, 0x70, 0, 0, 1}
	extra = binary.LittleEndian.AppendUint32(extra, crc32.ChecksumIEEE([]byte(raw)))
	extra = append(extra, utf...)
	binary.LittleEndian.PutUint16(extra[2:], uint16(len(extra)-4))
	fw, _ = w.CreateHeader(&zip.FileHeader{Name: raw, NonUTF8: true, Method: zip.Deflate, Extra: extra})
	fw.Write([]byte("statute"))
	w.Close()

	pkg, err := ReadZipBytes(buf.Bytes(), "p.zip", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	checkFile(t, pkg, "Устав.pdf", "charter")
	checkFile(t, pkg, utf, "statute")
}

func TestCP866Table(t *testing.T) {
	if len(cp866) != 128 {
		t.Fatalf("cp866 has %d runes, want 128", len(cp866))
	}
	for b, want := range map[byte]rune{0x80: 'А', 0x9F: 'Я', 0xA0: 'а', 0xAF: 'п', 0xB0: '░', 0xDF: '▀', 0xE0: 'р', 0xEF: 'я', 0xF0: 'Ё', 0xF1: 'ё', 0xFC: '№', 0xFF: '\u00a0'} {
		if got := cp866[b-0x80]; got != want {
			t.Errorf("cp866[%#x] = %q, want %q", b, got, want)
		}
	}
}

func TestReadZipFromDisk(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "application.pdf") // the extension lies
	body := string(randomBytes(200<<10, 2))
	if err := os.WriteFile(zipPath, makeZip(t, zf{name: "manifest.yaml", body: "a: 1"}, zf{name: "a.pdf", body: body}, zf{name: "b.pdf", body: "stored", store: true}), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg, err := Read(zipPath, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Name != "application.pdf" {
		t.Errorf("Name = %q", pkg.Name)
	}
	checkFile(t, pkg, "a.pdf", body)
	checkFile(t, pkg, "b.pdf", "stored")

	// A stored entry can be read at random, as CheckPDF does.
	r, err := pkg.Files["b.pdf"].Open()
	if err != nil {
		t.Fatal(err)
	}
	ra, ok := r.(io.ReaderAt)
	if !ok {
		t.Fatalf("stored entry reader %T is not an io.ReaderAt", r)
	}
	p := make([]byte, 3)
	if _, err := ra.ReadAt(p, 3); err != nil || string(p) != "red" {
		t.Errorf("ReadAt = %q, %v", p, err)
	}
	r.Close()

	// If the zip changes after reading, Open's reader fails rather than
	// hand over different bytes.
	changed := makeZip(t, zf{name: "manifest.yaml", body: "a: 1"}, zf{name: "a.pdf", body: strings.Repeat("x", len(body))})
	if err := os.WriteFile(zipPath, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err = pkg.Files["a.pdf"].Open()
	if err == nil {
		_, err = io.ReadAll(r)
		r.Close()
	}
	if err == nil {
		t.Fatal("read a changed zip without error")
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "package.zip")
	os.WriteFile(text, []byte("this is not a zip"), 0o644)
	_, err := Read(text, DefaultLimits())
	wantKind(t, err, ErrNotAPackage)

	_, err = Read(filepath.Join(dir, "missing"), DefaultLimits())
	wantKind(t, err, ErrUnreadable)

	empty := filepath.Join(dir, "empty.zip")
	os.WriteFile(empty, makeZip(t), 0o644)
	_, err = Read(empty, DefaultLimits())
	wantKind(t, err, ErrEmpty)

	pkgDir := makeDir(t, map[string]string{"manifest.json": "{}"})
	if pkg, err := Read(pkgDir, Limits{}); err != nil || pkg.ManifestName != "manifest.json" {
		t.Fatalf("Read(folder) = %v, %v", pkg, err)
	}
}

func TestErrorText(t *testing.T) {
	err := error(fail(ErrFileTooLarge, "scan.pdf", 52428800, nil))
	if got, want := err.Error(), `pkgread: file-too-large: "scan.pdf" (limit 52428800)`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	err = fail(ErrBadZip, "", 0, io.ErrUnexpectedEOF)
	if got, want := err.Error(), "pkgread: bad-zip: unexpected EOF"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.Is(err, ErrBadZip) || errors.Is(err, ErrZipBomb) {
		t.Error("errors.Is does not see the kind and the cause")
	}
}

func TestDefaultLimits(t *testing.T) {
	if got := (Limits{}).withDefaults(); got != DefaultLimits() || got.MaxFiles != 1000 || got.MaxFileSize != 50<<20 || got.MaxTotalSize != 200<<20 || got.MaxManifestSize != 1<<20 {
		t.Errorf("zero limits become %+v", got)
	}
	if got := (Limits{MaxFiles: 7, MaxFileSize: -1}).withDefaults(); got.MaxFiles != 7 || got.MaxFileSize != 50<<20 {
		t.Errorf("partial limits become %+v", got)
	}
}

func TestIsJunk(t *testing.T) {
	for p, want := range map[string]bool{
		"__MACOSX/a/._b.pdf": true, ".DS_Store": true, "docs/.DS_Store": true, "thumbs.db": true,
		"Desktop.ini": true, "docs/~$charter.docx": true, "._a.pdf": true,
		"a.pdf": false, ".hidden.pdf": false, "MACOSX/a.pdf": false, "docs/a~$.pdf": false,
	} {
		if got := IsJunk(p); got != want {
			t.Errorf("IsJunk(%q) = %v", p, got)
		}
	}
}
