package main

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"ruqsat/internal/build"
	"ruqsat/internal/serve"
)

func init() {
	register(&command{
		name:  "serve",
		usage: "ruqsat serve [--addr 127.0.0.1:1313] [--out public]",
		short: "build the site and serve it on localhost, rebuilding when the rule data changes",
		run:   runServe,
	})
}

// watched are the folders whose changes trigger a rebuild.
var watched = []string{"rules", "i18n", "layouts", "assets", "static", "config.toml"}

func runServe(ctx context.Context, e *env, args []string) int {
	c := commandNamed("serve")
	fs := newFlags(c, e)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on")
	out := fs.String("out", "public", "output folder")
	if err := fs.Parse(args); err != nil {
		return 2 // the flag package has printed the usage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	o := build.Options{Root: e.root, Out: *out, Log: e.stderr}
	if code := doBuild(ctx, e, o); code != 0 {
		fmt.Fprintln(e.stderr, "ruqsat serve: fix the problems above; the server starts when the build succeeds, and keeps watching")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat serve: %v\n", err)
		return 2
	}
	dir := filepath.Join(e.root, *out)
	srv := &http.Server{Handler: serve.Site(dir), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stderr, "ruqsat serve: http://%s/ru/  (Ctrl+C to stop; rule edits rebuild the site)\n", ln.Addr())
	go watch(ctx, e, o)
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintf(e.stderr, "ruqsat serve: %v\n", err)
		return 1
	}
	return 0
}

// watch polls the source folders and rebuilds when anything changes. Polling
// keeps it portable and dependency-free; a scan of the tree takes a few ms.
func watch(ctx context.Context, e *env, o build.Options) {
	var mu sync.Mutex
	last := snapshot(e.root)
	t := time.NewTicker(700 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := snapshot(e.root)
		if cur == last {
			continue
		}
		last = cur
		mu.Lock()
		fmt.Fprintln(e.stderr, "ruqsat serve: change detected, rebuilding")
		doBuild(ctx, e, o)
		mu.Unlock()
	}
}

// snapshot sums the modification times and sizes of the watched files.
func snapshot(root string) string {
	var sum int64
	n := 0
	for _, w := range watched {
		filepath.WalkDir(filepath.Join(root, w), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				sum += info.ModTime().UnixNano() ^ info.Size()
				n++
			}
			return nil
		})
	}
	return fmt.Sprint(n, ":", sum)
}
