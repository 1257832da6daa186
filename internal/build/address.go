package build

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"ruqsat/schemas"
)

// The site's address: where it will be published. With it, the build makes
// what must be absolute absolute — the Atom feeds' links, the sitemap (which
// exists only then), canonical and og:url links, and the published schemas'
// $id; without it the site stays relative and works at any address.

// AddressError says why a configured address cannot be used. Reason is a
// key the command line turns into a message in the reader's language.
type AddressError struct {
	Value  string
	Reason string // "not-absolute", "scheme", "path", "query", "config"
	Err    error  // for "config": reading config.toml failed
}

func (e *AddressError) Error() string {
	if e.Err != nil {
		return "the site's address: " + e.Err.Error()
	}
	return "the site's address " + e.Value + ": " + e.Reason
}

// configBaseURL matches config.toml's top-level baseURL line. Only that one
// key is read, so no TOML library joins the checker's dependencies; a
// baseURL that is not at the top of the file is Hugo's business alone.
var configBaseURL = regexp.MustCompile(`^\s*baseURL\s*=\s*"([^"]*)"\s*(#.*)?$`)

// BaseURL returns the address the site is built for: flag when given,
// else config.toml's baseURL when it is an absolute address, else "" (a
// relative site). The address must be an http or https URL of a host's
// root: the pages load their scripts and the checker from root paths
// (/js/, /check/), so a site under a sub-path would not work.
func BaseURL(root, flag string) (string, error) {
	v := strings.TrimSpace(flag)
	if v == "" {
		b, err := os.ReadFile(filepath.Join(root, "config.toml"))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", &AddressError{Reason: "config", Err: err}
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(strings.TrimSpace(line), "[") {
				break // the first table: top-level keys are above it
			}
			if m := configBaseURL.FindStringSubmatch(line); m != nil {
				v = strings.TrimSpace(m[1])
				break
			}
		}
		if v == "" || v == "/" {
			return "", nil
		}
	}
	u, err := url.Parse(v)
	switch {
	case err != nil || u.Host == "" || u.Opaque != "":
		return "", &AddressError{Value: v, Reason: "not-absolute"}
	case u.Scheme != "http" && u.Scheme != "https":
		return "", &AddressError{Value: v, Reason: "scheme"}
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return "", &AddressError{Value: v, Reason: "query"}
	case u.Path != "" && u.Path != "/":
		return "", &AddressError{Value: v, Reason: "path"}
	}
	return u.Scheme + "://" + strings.ToLower(u.Host) + "/", nil
}

// publishSchemaIDs gives the schemas published under dest/schemas/ the
// site's address as their $id (relative, "/schemas/…", without one), in
// place of the neutral schemas.BaseURL the committed files and the checker
// use. A validator that fetched a schema from the site then resolves its
// $refs on the same site. bundle.json keeps the neutral ids: it is the
// WebAssembly checker's copy, and the checker knows them by those.
func publishSchemaIDs(dest, base string) error {
	prefix := "/schemas/"
	if base != "" {
		prefix = base + "schemas/"
	}
	old := []byte(`"$id": "` + schemas.BaseURL)
	repl := []byte(`"$id": "` + prefix)
	return filepath.WalkDir(filepath.Join(dest, "schemas"), func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && d == nil {
			return nil
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") || d.Name() == "bundle.json" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Only the document's own $id, the first one: nested ids (there
		// are none today) would be relative to it anyway.
		i := bytes.Index(b, old)
		if i < 0 {
			return nil
		}
		b = append(b[:i:i], append(repl, b[i+len(old):]...)...)
		return os.WriteFile(p, b, 0o644)
	})
}
