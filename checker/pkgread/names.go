package pkgread

import (
	"errors"
	"hash/crc32"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

// IsJunk reports whether a slash-separated path is operating-system litter
// that packages pick up when zipped: macOS resource forks (__MACOSX/, ._*),
// Finder and Explorer caches (.DS_Store, Thumbs.db, desktop.ini) and Office
// lock files (~$*). Junk is skipped, but in a zip it is still checked for
// unsafe names and bombs.
func IsJunk(p string) bool {
	for _, el := range strings.Split(p, "/") {
		switch {
		case el == "__MACOSX", el == ".DS_Store",
			strings.EqualFold(el, "Thumbs.db"), strings.EqualFold(el, "desktop.ini"),
			strings.HasPrefix(el, "._"), strings.HasPrefix(el, "~$"):
			return true
		}
	}
	return false
}

var (
	errAbsolute   = errors.New("absolute path")
	errBackslash  = errors.New("backslash in name")
	errDrive      = errors.New("drive letter")
	errControl    = errors.New("control character in name")
	errNotClean   = errors.New(`empty, "." or ".." element`)
	errBadUTF8    = errors.New("name flagged UTF-8 is not")
	errZipSymlink = errors.New("symbolic link entry")
)

// checkName returns why a zip entry name (already decoded, without the
// trailing slash of a folder) is unsafe, or nil.
func checkName(n string) error {
	switch {
	case strings.HasPrefix(n, "/"):
		return errAbsolute
	case strings.Contains(n, `\`):
		// A backslash is a separator to Windows tools: "..\x" climbs there.
		return errBackslash
	case len(n) >= 2 && n[1] == ':' && ('a' <= n[0]|0x20 && n[0]|0x20 <= 'z'):
		return errDrive
	}
	for _, r := range n {
		if r < 0x20 || r == 0x7f {
			return errControl
		}
	}
	if !fs.ValidPath(n) || n == "." {
		return errNotClean
	}
	return nil
}

// zipName returns the UTF-8 name of a zip entry. A name that is not UTF-8
// is taken from the Info-ZIP Unicode Path extra field (0x7075, which 7-Zip
// and WinRAR write) when it matches, and otherwise decoded from code page
// 866, the DOS code page Windows' own zipper uses for Cyrillic names on
// Russian and Kazakh systems.
func zipName(raw string, flags uint16, extra []byte) (string, error) {
	if utf8.ValidString(raw) {
		return raw, nil
	}
	if flags&0x800 != 0 {
		return "", errBadUTF8
	}
	if u, ok := unicodePathExtra(raw, extra); ok {
		return u, nil
	}
	var b strings.Builder
	for i := range len(raw) {
		c := raw[i]
		if c < 0x80 {
			b.WriteByte(c)
		} else {
			b.WriteRune(cp866[c-0x80])
		}
	}
	return b.String(), nil
}

// unicodePathExtra finds the Info-ZIP Unicode Path field: tag 0x7075,
// version 1, the CRC-32 of the raw name, then the UTF-8 name.
func unicodePathExtra(raw string, extra []byte) (string, bool) {
	for len(extra) >= 4 {
		tag := uint16(extra[0]) | uint16(extra[1])<<8
		n := int(extra[2]) | int(extra[3])<<8
		if len(extra) < 4+n {
			return "", false
		}
		data := extra[4 : 4+n]
		extra = extra[4+n:]
		if tag != 0x7075 || len(data) < 5 || data[0] != 1 {
			continue
		}
		crc := uint32(data[1]) | uint32(data[2])<<8 | uint32(data[3])<<16 | uint32(data[4])<<24
		if crc == crc32.ChecksumIEEE([]byte(raw)) && utf8.Valid(data[5:]) {
			return string(data[5:]), true
		}
	}
	return "", false
}

// cp866 maps bytes 0x80–0xFF of code page 866 to Unicode.
var cp866 = []rune("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп" +
	"░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
	"рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0")

// isManifest reports whether a base name is a manifest's.
func isManifest(name string) bool {
	for _, m := range ManifestNames {
		if strings.EqualFold(name, m) {
			return true
		}
	}
	return false
}

// findRoot decides where the manifest is, given every non-junk file path
// (slash-separated, relative to the top of the folder or zip). It returns
// the root folder ("" for the top) and the manifest's path relative to it.
func findRoot(files []string) (root, manifest string, err error) {
	if len(files) == 0 {
		return "", "", fail(ErrEmpty, "", 0, nil)
	}
	if m, err := manifestAt("", files); err != nil || m != "" {
		return "", m, err
	}
	// No manifest at the top: look inside a single top-level folder.
	top, _, _ := strings.Cut(files[0], "/")
	for _, f := range files {
		first, _, nested := strings.Cut(f, "/")
		if !nested || first != top {
			return "", "", fail(ErrNoManifest, "", 0, nil)
		}
	}
	m, err := manifestAt(top, files)
	if err == nil && m == "" {
		err = fail(ErrNoManifest, "", 0, nil)
	}
	return top, m, err
}

// manifestAt returns the one manifest directly in folder dir.
func manifestAt(dir string, files []string) (string, error) {
	found := ""
	for _, f := range files {
		rel := f
		if dir != "" {
			var ok bool
			if rel, ok = strings.CutPrefix(f, dir+"/"); !ok {
				continue
			}
		}
		if strings.Contains(rel, "/") || !isManifest(rel) {
			continue
		}
		if found != "" {
			return "", fail(ErrManyManifests, path.Join(dir, rel), 0, nil)
		}
		found = rel
	}
	return found, nil
}

// relTo returns p relative to root ("" for the top).
func relTo(root, p string) string {
	if root == "" {
		return p
	}
	return strings.TrimPrefix(p, root+"/")
}
