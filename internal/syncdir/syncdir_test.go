package syncdir

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWrite checks that only changed files are written (their modification
// time moves, the others' does not), stale files and emptied folders go,
// and a missing folder is created.
func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	n, err := Write(dir, map[string][]byte{"a.txt": []byte("a"), "sub/b.txt": []byte("b"), "old/c.txt": []byte("c")})
	if err != nil || n != 3 {
		t.Fatalf("first write: %d files, %v", n, err)
	}
	past := time.Now().Add(-time.Hour)
	for _, p := range []string{"a.txt", "sub/b.txt"} {
		os.Chtimes(filepath.Join(dir, p), past, past)
	}
	n, err = Write(dir, map[string][]byte{"a.txt": []byte("a"), "sub/b.txt": []byte("B")})
	if err != nil || n != 2 { // b.txt written, old/c.txt removed
		t.Fatalf("second write: %d changes, %v", n, err)
	}
	st, _ := os.Stat(filepath.Join(dir, "a.txt"))
	if !st.ModTime().Equal(past) {
		t.Error("an unchanged file was rewritten")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "sub", "b.txt")); string(b) != "B" {
		t.Errorf("sub/b.txt = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "old")); !os.IsNotExist(err) {
		t.Error("the emptied folder old/ is still there")
	}
}
