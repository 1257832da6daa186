//go:build unix

package pkgread

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadDirFIFO(t *testing.T) {
	// Opening a named pipe would block forever; it must be refused first.
	dir := makeDir(t, map[string]string{"manifest.json": "{}"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.pdf"), 0o644); err != nil {
		t.Skip(err)
	}
	e := wantKind(t, func() error { _, err := ReadDir(dir, DefaultLimits()); return err }(), ErrUnreadable)
	if e.Path != "pipe.pdf" || e.Err != errSpecial {
		t.Errorf("error = %+v", e)
	}
}
