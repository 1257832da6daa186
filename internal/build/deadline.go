package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// buildDeadline compiles the deadline calculator (cmd/ruqsat-deadline-wasm:
// the computation of `ruqsat deadline`, without the rule data's loader) to
// WebAssembly and publishes it, precompressed, under /deadline/. The page
// loads it, and the deadline data, only when the reader first uses the
// calculator's form. Like the checker, it is cached by the hash of its
// sources, and compiled without inlining (about 65 KB less with brotli).
func buildDeadline(ctx context.Context, o Options) error {
	hash, err := hashPackage(ctx, o.Root, "./cmd/ruqsat-deadline-wasm")
	if err != nil {
		return err
	}
	cache := filepath.Join(o.Root, "_gen", "wasm-deadline", hash)
	wasm := filepath.Join(cache, "deadline.wasm")
	if _, err := os.Stat(wasm); err != nil {
		fmt.Fprintln(o.Log, "  compiling the WebAssembly deadline calculator")
		os.RemoveAll(filepath.Join(o.Root, "_gen", "wasm-deadline"))
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return err
		}
		cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-gcflags=all=-l", "-ldflags=-s -w", "-o", wasm, "./cmd/ruqsat-deadline-wasm")
		cmd.Dir = o.Root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			os.RemoveAll(cache)
			return fmt.Errorf("%v\n%s", err, out)
		}
		b, err := os.ReadFile(wasm)
		if err != nil {
			return err
		}
		if err := writeCompressed(ctx, wasm, b); err != nil {
			return err
		}
	}
	out := filepath.Join(o.Root, "_gen", "static", "deadline")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, ext := range []string{"", ".gz", ".br"} {
		if _, err := os.Stat(wasm + ext); err != nil {
			continue
		}
		if err := copyFile(wasm+ext, filepath.Join(out, "deadline.wasm"+ext)); err != nil {
			return err
		}
	}
	return nil
}

// hashPackage hashes the inputs of the WebAssembly command pkg (wasmDeps)
// and the Go version: the key of its cached build.
func hashPackage(ctx context.Context, root, pkg string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-f", wasmDeps, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list %s: %w", pkg, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	sort.Strings(lines)
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version())
	for i, l := range lines {
		if l == "" || (i > 0 && l == lines[i-1]) {
			continue
		}
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
