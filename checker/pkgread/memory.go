package pkgread

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"
)

// ReadMemory reads a package held in memory as files, slash-separated path
// → content: a folder dropped into the browser, whose paths come from the
// page and so are checked like zip names. A path ending in "/" is a folder
// and is skipped. The package keeps references to the contents, which must
// not change afterwards.
func ReadMemory(name string, files map[string][]byte, lim Limits) (*Package, error) {
	lim = lim.withDefaults()
	if len(files) > 2*lim.MaxFiles+64 {
		return nil, fail(ErrTooManyFiles, "", int64(lim.MaxFiles), nil)
	}
	// Sorted, so that which of several bad paths is reported does not
	// depend on map order.
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var kept []string
	isFile := map[string]bool{}
	for _, p := range paths {
		n := strings.TrimSuffix(p, "/")
		if err := checkName(n); err != nil {
			return nil, fail(ErrUnsafePath, p, 0, err)
		}
		if strings.HasSuffix(p, "/") {
			continue
		}
		isFile[n] = true
		if !IsJunk(n) {
			kept = append(kept, n)
		}
	}
	for p := range isFile {
		for d := p; strings.Contains(d, "/"); {
			d = d[:strings.LastIndexByte(d, '/')]
			if isFile[d] {
				return nil, fail(ErrDuplicate, d, 0, errors.New("both a file and a folder"))
			}
		}
	}
	root, manifest, err := findRoot(kept)
	if err != nil {
		return nil, err
	}
	if len(kept) > lim.MaxFiles {
		return nil, fail(ErrTooManyFiles, "", int64(lim.MaxFiles), nil)
	}
	var total int64
	pkg := &Package{Name: name, Root: root, ManifestName: manifest, Files: map[string]*File{}}
	for _, p := range kept {
		b := files[p]
		rel := relTo(root, p)
		if err := checkSize(rel == manifest, p, int64(len(b)), &total, lim); err != nil {
			return nil, err
		}
		if rel == manifest {
			pkg.Manifest = b
			continue
		}
		pkg.Files[rel] = &File{Path: rel, Size: int64(len(b)),
			Head: b[:min(len(b), HeadSize)], Tail: b[max(0, len(b)-TailSize):],
			open: func() (io.ReadCloser, error) { return memFile{bytes.NewReader(b)}, nil }}
	}
	return pkg, nil
}

// memFile is a file held in memory: a Reader, ReaderAt and Seeker that
// closes.
type memFile struct{ *bytes.Reader }

// Close does nothing.
func (memFile) Close() error { return nil }
