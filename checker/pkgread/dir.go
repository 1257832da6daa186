package pkgread

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

var (
	errLinkLoop = errors.New("links make a folder cycle")
	errTooDeep  = errors.New("folders nested too deep")
	errChanged  = errors.New("file changed since it was read")
	errSpecial  = errors.New("not a regular file")
)

// ReadDir reads a package from a folder. Links are followed only while
// they stay inside the package root; files are opened through os.Root, so
// that a link swapped in after the check cannot lead outside either.
func ReadDir(dir string, lim Limits) (*Package, error) {
	lim = lim.withDefaults()
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fail(ErrUnreadable, "", 0, err)
	}
	top, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fail(ErrUnreadable, "", 0, err)
	}
	if fi, err := os.Stat(top); err != nil || !fi.IsDir() {
		return nil, fail(ErrNotAPackage, "", 0, err)
	}

	w := &walker{top: top, lim: lim}
	if err := w.walk(top, "", []string{top}); err != nil {
		return nil, err
	}
	var names []string
	for _, f := range w.files {
		names = append(names, f.path)
	}
	root, manifest, err := findRoot(names)
	if err != nil {
		return nil, err
	}
	realRoot, err := filepath.EvalSymlinks(filepath.Join(top, filepath.FromSlash(root)))
	if err != nil {
		return nil, fail(ErrUnreadable, root, 0, err)
	}
	var total int64
	for _, f := range w.files {
		// The walk kept links inside the folder given; the package root may
		// be a folder below it, and links must stay inside that.
		if !within(realRoot, f.real) {
			return nil, fail(ErrSymlinkOutside, f.path, 0, nil)
		}
		if err := checkSize(relTo(root, f.path) == manifest, f.path, f.size, &total, lim); err != nil {
			return nil, err
		}
	}

	rt, err := os.OpenRoot(realRoot)
	if err != nil {
		return nil, fail(ErrUnreadable, root, 0, err)
	}
	defer rt.Close()
	pkg := &Package{Name: filepath.Base(abs), Root: root, ManifestName: manifest, Files: map[string]*File{}}
	for _, f := range w.files {
		rel := relTo(root, f.path)
		// Open by the resolved path: it has no links left, and os.Root
		// refuses absolute ones even when they point inside.
		at, err := filepath.Rel(realRoot, f.real)
		if err != nil {
			return nil, fail(ErrUnreadable, rel, 0, err)
		}
		if rel == manifest {
			if pkg.Manifest, err = readWhole(rt, at, rel, f.size); err != nil {
				return nil, err
			}
			continue
		}
		file, err := readEnds(rt, at, rel, f.size)
		if err != nil {
			return nil, err
		}
		file.open = func() (io.ReadCloser, error) {
			rt, err := os.OpenRoot(realRoot)
			if err != nil {
				return nil, fail(ErrUnreadable, rel, 0, err)
			}
			defer rt.Close() // files opened from it stay open
			return openChecked(rt, at, rel, file.Size)
		}
		pkg.Files[rel] = file
	}
	return pkg, nil
}

// dirFile is a file found by the walk.
type dirFile struct {
	path string // logical, slash-separated, relative to the folder given
	real string // with every link resolved
	size int64
}

type walker struct {
	top   string
	lim   Limits
	files []dirFile
	dirs  int
}

// walk lists realDir, known to the package as logical. stack holds the
// real paths of the folders being walked, to catch link cycles.
func (w *walker) walk(realDir, logical string, stack []string) error {
	if len(stack) > maxDepth {
		return fail(ErrUnsafePath, logical, 0, errTooDeep)
	}
	ents, err := os.ReadDir(realDir)
	if err != nil {
		return fail(ErrUnreadable, logical, 0, err)
	}
	for _, de := range ents {
		p := path.Join(logical, de.Name())
		if IsJunk(p) {
			continue
		}
		real := filepath.Join(realDir, de.Name())
		fi, err := de.Info()
		if err != nil {
			return fail(ErrUnreadable, p, 0, err)
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if real, err = w.resolve(real, p); err != nil {
				return err
			}
			if fi, err = os.Stat(real); err != nil {
				return fail(ErrUnreadable, p, 0, err)
			}
		}
		switch {
		case fi.IsDir():
			for _, s := range stack {
				if s == real {
					return fail(ErrUnsafePath, p, 0, errLinkLoop)
				}
			}
			if w.dirs++; w.dirs > w.lim.MaxFiles {
				return fail(ErrTooManyFiles, "", int64(w.lim.MaxFiles), errors.New("too many folders"))
			}
			if err := w.walk(real, p, append(stack, real)); err != nil {
				return err
			}
		case fi.Mode().IsRegular():
			w.files = append(w.files, dirFile{path: p, real: real, size: fi.Size()})
			if len(w.files) > w.lim.MaxFiles {
				return fail(ErrTooManyFiles, "", int64(w.lim.MaxFiles), nil)
			}
		default:
			// Opening a pipe would block forever; a device is never a
			// document.
			return fail(ErrUnreadable, p, 0, errSpecial)
		}
	}
	return nil
}

// resolve follows the link at real path link, known as p, to its end,
// which must stay inside the folder given.
func (w *walker) resolve(link, p string) (string, error) {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		// A dangling link: refuse it as outside if it points outside on its
		// face, else as unreadable.
		if t, rerr := os.Readlink(link); rerr == nil {
			if !filepath.IsAbs(t) {
				t = filepath.Join(filepath.Dir(link), t)
			}
			if !within(w.top, t) {
				return "", fail(ErrSymlinkOutside, p, 0, nil)
			}
		}
		return "", fail(ErrUnreadable, p, 0, err)
	}
	if !within(w.top, target) {
		return "", fail(ErrSymlinkOutside, p, 0, nil)
	}
	return target, nil
}

// within reports whether p is dir or inside it; both are clean and absolute.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// openChecked opens at (a path under rt) and checks it still has the size
// it had; rel names it in errors.
func openChecked(rt *os.Root, at, rel string, size int64) (*os.File, error) {
	f, err := rt.Open(at)
	if err != nil {
		return nil, fail(ErrUnreadable, rel, 0, err)
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != size {
		f.Close()
		return nil, fail(ErrUnreadable, rel, 0, errors.Join(errChanged, err))
	}
	return f, nil
}

// readEnds reads a file's head and tail without reading the middle.
func readEnds(rt *os.Root, at, rel string, size int64) (*File, error) {
	f, err := openChecked(rt, at, rel, size)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	file := &File{Path: rel, Size: size}
	if file.Head, err = readAt(f, 0, min(size, HeadSize)); err != nil {
		return nil, fail(ErrUnreadable, rel, 0, err)
	}
	if size <= HeadSize {
		file.Tail = file.Head[max(0, len(file.Head)-TailSize):]
	} else if file.Tail, err = readAt(f, size-TailSize, TailSize); err != nil {
		return nil, fail(ErrUnreadable, rel, 0, err)
	}
	return file, nil
}

func readWhole(rt *os.Root, at, rel string, size int64) ([]byte, error) {
	f, err := openChecked(rt, at, rel, size)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := readAt(f, 0, size)
	if err != nil {
		return nil, fail(ErrUnreadable, rel, 0, err)
	}
	return b, nil
}

// readAt reads exactly n bytes at off.
func readAt(r io.ReaderAt, off, n int64) ([]byte, error) {
	b := make([]byte, n)
	m, err := r.ReadAt(b, off)
	if int64(m) == n {
		return b, nil
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return nil, err
}
