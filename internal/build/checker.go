package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"ruqsat/internal/gen/checklist"
	"ruqsat/internal/gen/tracked"
	"ruqsat/internal/rules"
	"ruqsat/internal/workdays/calc"
)

// buildChecklists regenerates schemas/checklists/ and examples/ and publishes the checklists, with
// bundle.json — every checklist in one file — for the browser checker.
func buildChecklists(ctx context.Context, o Options, s *rules.Set) error {
	// The committed checklists and examples are brought up to date first,
	// as `ruqsat gen` does: one command after an edit does everything.
	if err := tracked.Write(o.Root, s); err != nil {
		return err
	}
	files, err := checklist.Files(s)
	if err != nil {
		return err
	}
	dir := filepath.Join(o.Root, "_gen", "static", "schemas", "checklists")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	bundle := map[string]json.RawMessage{}
	for name, b := range files {
		if err := writeChanged(filepath.Join(dir, name), b); err != nil {
			return err
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, b); err != nil {
			return err
		}
		bundle[name] = compact.Bytes()
	}
	b, err := json.Marshal(bundle)
	if err != nil {
		return err
	}
	if o.Preview {
		return writeChanged(filepath.Join(dir, "bundle.json"), b)
	}
	// The deadline calculator loads the deadline data alone: compressed
	// too (about 260 KB, 15 KB with brotli).
	if d, ok := bundle[calc.File]; ok {
		if err := writeCompressed(ctx, filepath.Join(dir, calc.File), d); err != nil {
			return err
		}
	}
	return writeCompressed(ctx, filepath.Join(dir, "bundle.json"), b)
}

// writeChanged writes b unless the file holds it already, so Hugo's server
// sees only real changes.
func writeChanged(path string, b []byte) error {
	if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, b) {
		return nil
	}
	return os.WriteFile(path, b, 0o644)
}

// writeCompressed writes a file with .gz and, when the brotli command is
// installed, .br siblings, which the server sends to browsers that accept
// them.
func writeCompressed(ctx context.Context, path string, b []byte) error {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(b)
	w.Close()
	if err := os.WriteFile(path+".gz", gz.Bytes(), 0o644); err != nil {
		return err
	}
	bin, err := exec.LookPath("brotli")
	if err != nil {
		return nil // served gzip-compressed only
	}
	// Brotli at its best level takes most of a second per megabyte: keep
	// the result by content, so an unchanged file costs nothing next time.
	sum := sha256.Sum256(b)
	cached := ""
	if root := cacheDir(path); root != "" {
		cached = filepath.Join(root, hex.EncodeToString(sum[:12])+".br")
	}
	if c, err := os.ReadFile(cached); cached != "" && err == nil {
		return os.WriteFile(path+".br", c, 0o644)
	}
	cmd := exec.CommandContext(ctx, bin, "-q", "11", "-f", "-o", path+".br", path)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("brotli: %v\n%s", err, out)
	}
	if c, err := os.ReadFile(path + ".br"); err == nil && cached != "" {
		os.MkdirAll(filepath.Dir(cached), 0o755)
		os.WriteFile(cached, c, 0o644)
	}
	return nil
}

// cacheDir is _gen/cache of the repository a path under _gen/ or under a
// build's temporary output (.public-*, see Run) belongs to. Without it the
// search bundle's scripts were compressed again on every build: 2.4 s of a
// 6 s build.
func cacheDir(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	sep := string(filepath.Separator)
	i := strings.LastIndex(abs, sep+"_gen"+sep)
	if j := strings.LastIndex(abs, sep+".public-"); j > i {
		i = j
	}
	if i < 0 {
		return ""
	}
	return filepath.Join(abs[:i], "_gen", "cache")
}

// buildChecker compiles the checker to WebAssembly (GOOS=js), compresses
// it, and publishes it with Go's wasm_exec.js under /check/. Inlining is
// turned off: the module then compresses to about 160 KB less with brotli,
// and checks still take a few milliseconds.
func buildChecker(ctx context.Context, o Options, s *rules.Set) error {
	hash, err := hashSources(ctx, o.Root)
	if err != nil {
		return err
	}
	cache := filepath.Join(o.Root, "_gen", "wasm", hash)
	wasm := filepath.Join(cache, "ruqsat.wasm")
	if _, err := os.Stat(wasm); err != nil {
		fmt.Fprintln(o.Log, "  compiling the WebAssembly checker (about a minute the first time)")
		os.RemoveAll(filepath.Join(o.Root, "_gen", "wasm"))
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return err
		}
		// The checker, and the signature verifier the page loads only
		// when a package holds a signature (cmd/ruqsat-sig-wasm).
		for _, prog := range wasmPrograms {
			dst := filepath.Join(cache, prog.file)
			cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-gcflags=all=-l", "-ldflags=-s -w", "-o", dst, prog.pkg)
			cmd.Dir = o.Root
			cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
			if out, err := cmd.CombinedOutput(); err != nil {
				os.RemoveAll(cache)
				return fmt.Errorf("%v\n%s", err, out)
			}
			b, err := os.ReadFile(dst)
			if err != nil {
				return err
			}
			if err := writeCompressed(ctx, dst, b); err != nil {
				return err
			}
		}
	}
	out := filepath.Join(o.Root, "_gen", "static", "check")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, prog := range wasmPrograms {
		for _, ext := range []string{"", ".gz", ".br"} {
			src := filepath.Join(cache, prog.file) + ext
			if _, err := os.Stat(src); err != nil {
				continue
			}
			if err := copyFile(src, filepath.Join(out, prog.file+ext)); err != nil {
				return err
			}
		}
	}
	goroot := runtime.GOROOT()
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		goroot = strings.TrimSpace(string(out))
	}
	js, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("wasm_exec.js: %w", err)
	}
	if err := writeCompressed(ctx, filepath.Join(out, "wasm_exec.js"), js); err != nil {
		return err
	}
	return buildDeadline(ctx, o)
}

// wasmPrograms are the WebAssembly modules of the check page.
var wasmPrograms = []struct{ file, pkg string }{
	{"ruqsat.wasm", "./cmd/ruqsat-wasm"},
	{"ruqsat-sig.wasm", "./cmd/ruqsat-sig-wasm"},
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// wasmDeps lists what the WebAssembly checker is built from, as the go
// command sees it for GOOS=js: every Go and embedded file of this module's
// packages it imports and of a module replaced by a folder of the
// repository (third_party/jsonschema), and the path@version of every other
// module. A list kept by hand missed a package once (internal/schemaerr),
// and the site kept an old checker.
const wasmDeps = `{{if .Module}}{{if or .Module.Main (and .Module.Replace (not .Module.Replace.Version))}}{{range .GoFiles}}{{$.Dir}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$.Dir}}/{{.}}
{{end}}{{else}}module {{.Module.Path}}@{{.Module.Version}}
{{end}}{{end}}`

// hashSources hashes the WebAssembly checker's inputs (wasmDeps) and the
// Go version: the key of the cached build.
func hashSources(ctx context.Context, root string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-f", wasmDeps, wasmPrograms[0].pkg, wasmPrograms[1].pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("go list of the WebAssembly checker: %v\n%s", err, ee.Stderr)
		}
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	sort.Strings(lines)
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version())
	prev := ""
	for _, l := range lines {
		if l == prev || l == "" {
			continue
		}
		prev = l
		if strings.HasPrefix(l, "module ") {
			fmt.Fprintln(h, l)
			continue
		}
		b, err := os.ReadFile(l)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(root, l)
		fmt.Fprintln(h, rel, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
