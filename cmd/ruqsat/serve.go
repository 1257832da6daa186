package main

import (
	"context"
	"fmt"
	"net"
	"os/signal"
	"syscall"

	"ruqsat/internal/serve"
)

func init() {
	register(&command{
		name:  "serve",
		usage: "ruqsat serve [--addr 127.0.0.1:1313]",
		short: "build the site and preview it live: edits of the rules show in the browser at once, lint's problems over the page",
		run:   runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) int {
	c := commandNamed("serve")
	fs := newFlags(c, e)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return 2 // the flag package has printed the usage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "ruqsat serve: %v\n", err)
		return 2
	}
	// Ctrl+C stops Hugo's server too (it runs under this context).
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, ln, serve.Options{Root: e.root, Log: e.stderr}); err != nil {
		fmt.Fprintf(e.stderr, "ruqsat serve: %v\n", err)
		return 1
	}
	return 0
}
