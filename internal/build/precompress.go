package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
)

// precompressSearch writes .br and .gz beside Pagefind's loader (its
// scripts and pagefind-entry.json, plain text the search page fetches
// first), for a web server to send as they are (deploy/: brotli_static,
// gzip_static). The index itself — .pf_* chunks and wasm.*.pagefind — is
// gzip-compressed by Pagefind and inflated by its own script: compressing
// it again would gain nothing.
func precompressSearch(ctx context.Context, dest string) error {
	// The bundle of each language is in pagefind/<lang>/ (searchindex.go).
	dirs, err := filepath.Glob(filepath.Join(dest, "pagefind", "*", "pagefind-entry.json"))
	if err != nil {
		return err
	}
	for _, d := range dirs {
		if err := precompressBundle(ctx, filepath.Dir(d)); err != nil {
			return err
		}
	}
	return precompressBundle(ctx, filepath.Join(dest, "pagefind"))
}

func precompressBundle(ctx context.Context, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".css")) {
			continue
		}
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := writeCompressed(ctx, p, b); err != nil {
			return err
		}
	}
	return nil
}
