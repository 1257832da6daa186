package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
)

// Digest fingerprints the rule data under rules/ in fsys: every YAML file's
// path and bytes, in path order. Generated files record the digest of the
// data they were made from, so a command can tell that they are older than
// the rules (an edit not yet followed by `ruqsat gen`).
func Digest(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		// Length-prefixed, so that no two trees hash alike by moving bytes
		// from one file's end to the next file's name.
		h.Write([]byte(p + "\x00"))
		h.Write([]byte{byte(len(b) >> 24), byte(len(b) >> 16), byte(len(b) >> 8), byte(len(b))})
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}
