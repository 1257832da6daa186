package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWasmCacheKey checks that the cached WebAssembly checker is keyed by
// every file it is built from: editing any Go file of this module that the
// checker imports (here each one in turn, on a copy of the sources) changes
// the key, and editing one it does not import leaves the key alone.
func TestWasmCacheKey(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	// Every folder but outputs and tools: the Go packages wherever they are.
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch {
		case !e.IsDir() || strings.HasPrefix(e.Name(), "."):
			continue
		case e.Name() == "bin" || e.Name() == "tools" || e.Name() == "public" || e.Name() == "content" || e.Name() == "_gen" || e.Name() == "examples":
			continue
		}
		if err := os.CopyFS(filepath.Join(root, e.Name()), os.DirFS(filepath.Join(src, e.Name()))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(root, f), b, 0o644)
	}
	ctx := context.Background()
	base, err := hashSources(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	// The packages the checker imports, by a file of each.
	deps := []string{"checker/checker.go", "checker/pkgread/zip.go", "checker/filetype/cms.go", "checker/contract/contract.go", "kzid/kzid.go",
		"internal/schemaerr/schemaerr.go", "internal/yamlpos/yamlpos.go", "cmd/ruqsat-wasm/main.go", "third_party/jsonschema/draft.go"}
	for _, f := range deps {
		p := filepath.Join(root, f)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, append(b, "\n// edited\n"...), 0o644)
		got, err := hashSources(ctx, root)
		if err != nil {
			t.Fatal(err)
		}
		if got == base {
			t.Errorf("editing %s leaves the WebAssembly cache key as it was: the site would keep an old checker", f)
		}
		os.WriteFile(p, b, 0o644)
	}
	// A package the checker does not import.
	p := filepath.Join(root, "cmd", "ruqsat", "main.go")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, append(b, "\n// edited\n"...), 0o644)
	if got, _ := hashSources(ctx, root); got != base {
		t.Error("editing cmd/ruqsat, which the checker does not import, changed the cache key")
	}
}
