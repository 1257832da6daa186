package pkgread

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadZip reads a package from a zip file in place with archive/zip: it
// never extracts to disk. Each file is inflated once to check it and keep
// its head and tail; File.Open opens the zip again and inflates anew.
func ReadZip(path string, lim Limits) (*Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(ErrUnreadable, "", 0, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fail(ErrUnreadable, "", 0, err)
	}
	reopen := func() (io.ReaderAt, io.Closer, error) {
		g, err := os.Open(path)
		return g, g, err
	}
	return readZip(f, fi.Size(), filepath.Base(path), lim, reopen)
}

// ReadZipBytes reads a package from a zip held in memory, for the browser
// (WebAssembly), which has no disk. The package keeps a reference to b,
// which must not change afterwards.
func ReadZipBytes(b []byte, name string, lim Limits) (*Package, error) {
	reopen := func() (io.ReaderAt, io.Closer, error) {
		return bytes.NewReader(b), io.NopCloser(nil), nil
	}
	return readZip(bytes.NewReader(b), int64(len(b)), name, lim, reopen)
}

var errDirTooLarge = errors.New("zip directory too large")

// entry is what readZip keeps of a zip entry to inflate it again later.
type entry struct {
	name         string // decoded, clean, slash-separated
	method       uint16
	offset       int64 // of the compressed data
	csize, usize int64
	crc          uint32
	dir, junk    bool
}

func readZip(ra io.ReaderAt, size int64, name string, lim Limits, reopen func() (io.ReaderAt, io.Closer, error)) (*Package, error) {
	lim = lim.withDefaults()
	// Every file may sit in its own folder, and junk rides along: allow
	// that many entries, and 2 KiB of central directory for each. Checked
	// before archive/zip parses the directory, which would hold it all in
	// memory.
	maxEntries := int64(2*lim.MaxFiles + 64)
	if dirSize, records, ok := endRecord(ra, size); ok && (records > uint64(maxEntries) || dirSize > uint64(maxEntries)*2048) {
		return nil, fail(ErrTooManyFiles, "", int64(lim.MaxFiles), errDirTooLarge)
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// ErrInsecurePath (GODEBUG zipinsecurepath=0) still returns a usable
		// reader; the names are checked below, each with its own error.
		return nil, fail(ErrBadZip, "", 0, err)
	}
	if int64(len(zr.File)) > maxEntries {
		return nil, fail(ErrTooManyFiles, "", int64(lim.MaxFiles), nil)
	}

	entries, err := zipEntries(zr)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.dir && !e.junk {
			files = append(files, e.name)
		}
	}
	root, manifest, err := findRoot(files)
	if err != nil {
		return nil, err
	}

	// Refuse on what the headers declare before inflating anything.
	var total int64
	kept := entries[:0:0]
	for _, e := range entries {
		if e.dir || e.junk {
			continue
		}
		rel := relTo(root, e.name)
		if err := checkSize(rel == manifest, e.name, e.usize, &total, lim); err != nil {
			return nil, err
		}
		kept = append(kept, e)
	}
	if len(kept) > lim.MaxFiles {
		return nil, fail(ErrTooManyFiles, "", int64(lim.MaxFiles), nil)
	}

	pkg := &Package{Name: name, Root: root, ManifestName: manifest, Files: map[string]*File{}}
	for _, e := range kept {
		rel := relTo(root, e.name)
		r := openEntry(ra, e)
		if rel == manifest {
			pkg.Manifest, err = io.ReadAll(r)
			if err != nil {
				return nil, readError(e.name, err)
			}
			continue
		}
		head, tail, n, err := capture(r)
		if err != nil {
			return nil, readError(e.name, err)
		}
		pkg.Files[rel] = &File{Path: rel, Size: n, Head: head, Tail: tail, open: func() (io.ReadCloser, error) {
			ra, c, err := reopen()
			if err != nil {
				return nil, fail(ErrUnreadable, e.name, 0, err)
			}
			return openEntryCloser(ra, e, c), nil
		}}
	}
	return pkg, nil
}

// checkSize applies the size limits to one file of the given size and adds
// it to total.
func checkSize(isManifest bool, name string, size int64, total *int64, lim Limits) error {
	if isManifest && size > lim.MaxManifestSize {
		return fail(ErrFileTooLarge, name, lim.MaxManifestSize, nil)
	}
	if size > lim.MaxFileSize {
		return fail(ErrFileTooLarge, name, lim.MaxFileSize, nil)
	}
	if *total += size; *total > lim.MaxTotalSize {
		return fail(ErrTooLarge, "", lim.MaxTotalSize, nil)
	}
	return nil
}

// readError keeps a typed error from inflating and wraps any other.
func readError(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return fail(ErrBadZip, name, 0, err)
}

// zipEntries checks every entry, junk included, for what can be refused
// from the directory alone: names, links, encryption, methods, ratios,
// duplicates and shared data.
func zipEntries(zr *zip.Reader) ([]entry, error) {
	entries := make([]entry, 0, len(zr.File))
	seen := map[string]bool{} // path → is a folder
	for _, f := range zr.File {
		n, err := zipName(f.Name, f.Flags, f.Extra)
		if err != nil {
			return nil, fail(ErrUnsafePath, f.Name, 0, err)
		}
		mode := f.Mode()
		e := entry{name: strings.TrimSuffix(n, "/"), method: f.Method, crc: f.CRC32,
			csize: int64(f.CompressedSize64), usize: int64(f.UncompressedSize64),
			dir: strings.HasSuffix(n, "/") || mode.IsDir()}
		if err := checkName(e.name); err != nil {
			return nil, fail(ErrUnsafePath, n, 0, err)
		}
		e.junk = IsJunk(e.name)
		switch {
		case mode&os.ModeSymlink != 0:
			return nil, fail(ErrUnsafePath, n, 0, errZipSymlink)
		case e.dir:
		case f.Flags&0x1 != 0:
			return nil, fail(ErrEncrypted, n, 0, nil)
		case f.UncompressedSize64 > 1<<62 || f.CompressedSize64 > 1<<62:
			return nil, fail(ErrZipBomb, n, maxRatio, errors.New("size out of range"))
		case e.usize > ratioFloor && (e.usize-1)/max(e.csize, 1) >= maxRatio: // usize > 100 × csize, without overflow
			return nil, fail(ErrZipBomb, n, maxRatio, fmt.Errorf("%d bytes inflate to %d", e.csize, e.usize))
		case f.Method != zip.Store && f.Method != zip.Deflate:
			return nil, fail(ErrBadZip, n, 0, fmt.Errorf("compression method %d", f.Method))
		case f.Method == zip.Store && e.csize != e.usize:
			return nil, fail(ErrBadZip, n, 0, errors.New("stored sizes differ"))
		}
		if isDir, dup := seen[e.name]; dup && !(isDir && e.dir) {
			return nil, fail(ErrDuplicate, n, 0, nil)
		}
		seen[e.name] = e.dir
		if !e.dir {
			off, err := f.DataOffset()
			if err != nil {
				return nil, fail(ErrBadZip, n, 0, err)
			}
			e.offset = off
		}
		entries = append(entries, e)
	}
	// A file path must not also be a folder: "a" and "a/b".
	for p := range seen {
		for d := p; ; {
			i := strings.LastIndexByte(d, '/')
			if i < 0 {
				break
			}
			d = d[:i]
			if dirSeen, ok := seen[d]; ok && !dirSeen {
				return nil, fail(ErrDuplicate, d, 0, errors.New("both a file and a folder"))
			}
		}
	}
	// Entries whose compressed data overlap are the trick of the
	// "overlapping files" zip bomb: many entries inflating one block.
	byOffset := slices.Clone(entries)
	slices.SortFunc(byOffset, func(a, b entry) int { return cmp.Compare(a.offset, b.offset) })
	var end int64
	var last string
	for _, e := range byOffset {
		if e.dir || e.csize == 0 {
			continue
		}
		if e.offset < end {
			return nil, fail(ErrZipBomb, e.name, maxRatio, fmt.Errorf("data overlaps %q", last))
		}
		end, last = e.offset+e.csize, e.name
	}
	return entries, nil
}

// openEntry inflates one entry, counting the real bytes: it never yields
// more than the declared size, and checks the size and CRC-32 at the end.
func openEntry(ra io.ReaderAt, e entry) io.Reader {
	sr := io.NewSectionReader(ra, e.offset, e.csize)
	r := &entryReader{e: e, hash: crc32.NewIEEE()}
	if e.method == zip.Store {
		r.src, r.at = sr, sr
		return r
	}
	fr := flate.NewReader(sr)
	r.closer = fr
	// One byte past the declared size is enough to catch a liar.
	r.src = io.LimitReader(fr, e.usize+1)
	return r
}

func openEntryCloser(ra io.ReaderAt, e entry, c io.Closer) io.ReadCloser {
	r := openEntry(ra, e).(*entryReader)
	r.file = c
	if r.at != nil {
		return &seekableEntry{r}
	}
	return r
}

type entryReader struct {
	e      entry
	src    io.Reader
	at     *io.SectionReader // stored entries only
	hash   hash.Hash32
	n      int64
	seeked bool // after a Seek the size and CRC can no longer be checked
	closer io.Closer
	file   io.Closer
}

// Read inflates, refusing bytes past the declared size and checking the
// size and CRC-32 at the end.
func (r *entryReader) Read(p []byte) (int, error) {
	n, err := r.src.Read(p)
	if r.seeked {
		return n, err
	}
	r.n += int64(n)
	if r.n > r.e.usize {
		return 0, fail(ErrZipBomb, r.e.name, maxRatio, errors.New("inflates past its declared size"))
	}
	r.hash.Write(p[:n])
	if err == io.EOF {
		if r.n != r.e.usize {
			return n, fail(ErrBadZip, r.e.name, 0, io.ErrUnexpectedEOF)
		}
		if r.hash.Sum32() != r.e.crc {
			return n, fail(ErrBadZip, r.e.name, 0, zip.ErrChecksum)
		}
	} else if err != nil {
		err = fail(ErrBadZip, r.e.name, 0, err)
	}
	return n, err
}

// Close releases the inflater and the reopened zip file.
func (r *entryReader) Close() error {
	var err error
	if r.closer != nil {
		err = r.closer.Close()
	}
	if r.file != nil {
		err = errors.Join(err, r.file.Close())
	}
	return err
}

// seekableEntry adds ReadAt and Seek to a stored entry. Neither can check
// the CRC-32, which needs one full sequential read; ReadZip made that read
// already, and a changed zip still fails the Read that follows no Seek.
type seekableEntry struct{ *entryReader }

// ReadAt reads from the entry's stored bytes.
func (s *seekableEntry) ReadAt(p []byte, off int64) (int, error) { return s.at.ReadAt(p, off) }

// Seek moves the position of Read.
func (s *seekableEntry) Seek(off int64, whence int) (int64, error) {
	s.seeked = true
	return s.at.Seek(off, whence)
}

// endRecord reads the zip's end of central directory record (and its
// Zip64 form) for the directory's size and entry count, the way
// archive/zip finds it: the last signature whose comment fits the file.
func endRecord(ra io.ReaderAt, size int64) (dirSize, records uint64, ok bool) {
	const eocdLen, maxComment = 22, 1<<16 - 1
	n := min(size, eocdLen+maxComment)
	buf := make([]byte, n)
	if _, err := ra.ReadAt(buf, size-n); err != nil && err != io.EOF {
		return 0, 0, false
	}
	for i := len(buf) - eocdLen; i >= 0; i-- {
		if !bytes.Equal(buf[i:i+4], []byte("PK\x05\x06")) {
			continue
		}
		le := binary.LittleEndian
		if i+eocdLen+int(le.Uint16(buf[i+20:])) > len(buf) {
			continue
		}
		records, dirSize = uint64(le.Uint16(buf[i+10:])), uint64(le.Uint32(buf[i+12:]))
		if records == 0xFFFF || dirSize == 0xFFFFFFFF || le.Uint32(buf[i+16:]) == 0xFFFFFFFF {
			// Zip64: the locator sits just before, pointing at the record.
			if i < 20 || !bytes.Equal(buf[i-20:i-16], []byte("PK\x06\x07")) {
				return dirSize, records, true
			}
			var rec [56]byte
			off := int64(le.Uint64(buf[i-20+8:]))
			if _, err := ra.ReadAt(rec[:], off); err != nil || !bytes.Equal(rec[:4], []byte("PK\x06\x06")) {
				return dirSize, records, true
			}
			records, dirSize = le.Uint64(rec[32:]), le.Uint64(rec[40:])
		}
		return dirSize, records, true
	}
	return 0, 0, false
}
