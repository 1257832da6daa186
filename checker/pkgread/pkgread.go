// Package pkgread reads an applicant's document package safely: a folder,
// or a zip read in place, holding a manifest and the files it names. It
// refuses hostile input (paths that climb out, links that point out, zip
// bombs, oversized or too many files) and keeps memory bounded: for each
// file it keeps only the first 64 KiB and the last 4 KiB, and reads the
// rest only when asked through File.Open.
package pkgread

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// Limits bounds what a package may hold. A zero or negative field takes
// its default from DefaultLimits.
type Limits struct {
	// MaxFiles is the most files a package may hold, the manifest included
	// and ignored junk (see IsJunk) excluded, e.g. 1000. Folders count
	// against the same number separately, so a tree of empty folders is
	// refused too.
	MaxFiles int
	// MaxFileSize is the largest one file may be, in bytes, e.g. 50 MiB.
	MaxFileSize int64
	// MaxTotalSize is the most all files together may hold, in bytes,
	// uncompressed, e.g. 200 MiB.
	MaxTotalSize int64
	// MaxManifestSize is the largest the manifest may be, e.g. 1 MiB. The
	// manifest is read whole into Package.Manifest.
	MaxManifestSize int64
}

// DefaultLimits returns 1000 files, 50 MiB a file, 200 MiB in all, and a
// 1 MiB manifest.
func DefaultLimits() Limits {
	return Limits{MaxFiles: 1000, MaxFileSize: 50 << 20, MaxTotalSize: 200 << 20, MaxManifestSize: 1 << 20}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFiles <= 0 {
		l.MaxFiles = d.MaxFiles
	}
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = d.MaxTotalSize
	}
	if l.MaxManifestSize <= 0 {
		l.MaxManifestSize = d.MaxManifestSize
	}
	return l
}

const (
	// HeadSize is how many bytes at the start of each file File.Head keeps.
	HeadSize = 64 << 10
	// TailSize is how many bytes at the end of each file File.Tail keeps.
	TailSize = 4 << 10
	// maxRatio and ratioFloor: an entry over 1 MiB that inflates more than
	// 100 times is a zip bomb. Scans and PDFs compress a few times at most;
	// only crafted or degenerate data (all zeros) compresses 100:1.
	maxRatio   = 100
	ratioFloor = 1 << 20
	// maxDepth bounds folder nesting, so that a deep tree or a link cycle
	// the cycle check misses still ends.
	maxDepth = 64
)

// ManifestNames are the file names a manifest may have, matched without
// regard to case ("Manifest.JSON" is found too). Read only.
var ManifestNames = []string{"manifest.json", "manifest.yaml", "manifest.yml"}

// Package is a document package that passed every safety check.
type Package struct {
	// Name is the base name of the folder or zip, e.g. "application.zip".
	Name string
	// Root is the folder inside the zip or folder that holds the manifest,
	// slash-separated with no trailing slash, e.g. "application"; "" when
	// the manifest is at the top level. Paths are relative to it.
	Root string
	// ManifestName is the manifest's path relative to Root, as spelt in
	// the package, e.g. "manifest.yaml".
	ManifestName string
	// Manifest is the manifest's content, at most Limits.MaxManifestSize.
	Manifest []byte
	// Files holds every file under Root except the manifest and ignored
	// junk, keyed by File.Path.
	Files map[string]*File
}

// File is one file of a package.
type File struct {
	// Path is clean, slash-separated and relative to Package.Root, e.g.
	// "docs/charter.pdf". Zip names in the DOS code page 866, as Windows
	// writes Cyrillic names, are decoded to UTF-8.
	Path string
	// Size is the size in bytes, uncompressed.
	Size int64
	// Head is the first HeadSize bytes (all of a smaller file). Read only.
	Head []byte
	// Tail is the last TailSize bytes (all of a smaller file); it may share
	// memory with Head. Read only.
	Tail []byte

	open func() (io.ReadCloser, error)
}

// Open returns the file's whole content. The caller must close it. For a
// file in a folder or stored uncompressed in a zip the reader is also an
// io.ReaderAt and an io.Seeker, which filetype.CheckPDF can use directly.
// Reading it fails with an *Error if the file changed since it was read.
func (f *File) Open() (io.ReadCloser, error) { return f.open() }

// ErrorKind names why a package was refused. Its value is a stable code
// for message tables, e.g. "zip-bomb". An ErrorKind is itself an error, so
// errors.Is(err, pkgread.ErrZipBomb) works.
type ErrorKind string

const (
	// ErrNoManifest means no manifest at the top level, nor inside a
	// single top-level folder.
	ErrNoManifest ErrorKind = "no-manifest"
	// ErrManyManifests means more than one manifest at the same level, e.g.
	// manifest.json and manifest.yaml; Path names the second.
	ErrManyManifests ErrorKind = "many-manifests"
	// ErrUnsafePath means a zip entry name that could escape or confuse a
	// folder ("../", "/abs", "C:", a backslash, a control character, an
	// empty or "." element), a zip symlink entry, a folder cycle made by
	// links, or nesting deeper than 64 folders.
	ErrUnsafePath ErrorKind = "unsafe-path"
	// ErrDuplicate means two zip entries with the same path, or a path that
	// is both a file and a folder.
	ErrDuplicate ErrorKind = "duplicate"
	// ErrSymlinkOutside means a link in a folder that points outside the
	// package root.
	ErrSymlinkOutside ErrorKind = "symlink-outside"
	// ErrTooManyFiles means more than Limits.MaxFiles files or folders, or
	// a zip directory too big for that many entries; Limit is MaxFiles.
	ErrTooManyFiles ErrorKind = "too-many-files"
	// ErrFileTooLarge means one file is over Limits.MaxFileSize, or the
	// manifest over Limits.MaxManifestSize; Limit says which.
	ErrFileTooLarge ErrorKind = "file-too-large"
	// ErrTooLarge means all files together are over Limits.MaxTotalSize.
	ErrTooLarge ErrorKind = "too-large"
	// ErrZipBomb means a zip entry inflates more than 100:1 (entries over
	// 1 MiB), inflates to more bytes than its header declares, or shares
	// its compressed data with another entry.
	ErrZipBomb ErrorKind = "zip-bomb"
	// ErrEncrypted means a password-protected zip entry.
	ErrEncrypted ErrorKind = "encrypted"
	// ErrNotAPackage means Read was given something neither a folder nor a
	// zip (by content: a zip starts with "PK\x03\x04").
	ErrNotAPackage ErrorKind = "not-a-package"
	// ErrEmpty means no files at all, junk aside.
	ErrEmpty ErrorKind = "empty"
	// ErrUnreadable means a file could not be read: missing, no permission,
	// a broken link, a device or pipe, or changed while being read.
	ErrUnreadable ErrorKind = "unreadable"
	// ErrBadZip means a damaged zip: no central directory, a bad checksum,
	// an entry shorter than declared, or an unsupported compression method.
	ErrBadZip ErrorKind = "bad-zip"
)

// Error returns the code with the package prefix, e.g. "pkgread: empty".
func (k ErrorKind) Error() string { return "pkgread: " + string(k) }

// Error is why a package was refused. It carries data, not prose, so the
// caller can write its own messages in Russian, Kazakh and English.
type Error struct {
	Kind ErrorKind
	// Path is the offending path inside the package, e.g. "docs/a.pdf",
	// decoded to UTF-8 where the name could be (one that could not is kept
	// raw, so quote it when printing); "" when the whole package is at
	// fault.
	Path string
	// Limit is the limit exceeded, for the too-many and too-large kinds and
	// ErrZipBomb (the ratio, 100); 0 otherwise.
	Limit int64
	// Err is the underlying cause, for logs; may be nil.
	Err error
}

// Error returns e.g. `pkgread: file-too-large: "scan.pdf" (limit 52428800)`.
func (e *Error) Error() string {
	s := e.Kind.Error()
	if e.Path != "" {
		s += ": " + strconv.Quote(e.Path)
	}
	if e.Limit != 0 {
		s += " (limit " + strconv.FormatInt(e.Limit, 10) + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's ErrorKind.
func (e *Error) Is(target error) bool {
	k, ok := target.(ErrorKind)
	return ok && k == e.Kind
}

func fail(k ErrorKind, path string, limit int64, err error) *Error {
	return &Error{Kind: k, Path: path, Limit: limit, Err: err}
}

// Read reads a package from a folder or a zip file, telling them apart by
// content: a file is read as a zip only if it starts with a zip signature,
// whatever its extension.
func Read(path string, lim Limits) (*Package, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fail(ErrUnreadable, "", 0, err)
	}
	if fi.IsDir() {
		return ReadDir(path, lim)
	}
	if !fi.Mode().IsRegular() {
		return nil, fail(ErrNotAPackage, "", 0, fmt.Errorf("%s is not a file", filepath.Base(path)))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(ErrUnreadable, "", 0, err)
	}
	sig := make([]byte, 4)
	_, err = io.ReadFull(f, sig)
	f.Close()
	if err != nil || !(bytes.Equal(sig, []byte("PK\x03\x04")) || bytes.Equal(sig, []byte("PK\x05\x06"))) {
		return nil, fail(ErrNotAPackage, "", 0, nil)
	}
	return ReadZip(path, lim)
}
