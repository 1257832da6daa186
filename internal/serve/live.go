package serve

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"ruqsat/internal/build"
	"ruqsat/internal/gen/site"
	"ruqsat/internal/i18n"
	"ruqsat/internal/lint"
	"ruqsat/internal/rules"
)

//go:embed overlay.js
var overlayJS []byte

// Options control a live preview.
type Options struct {
	Root string    // repository root
	Log  io.Writer // progress and problems, for the terminal
	// Poll is how often the rule data is scanned for edits: 100 ms by
	// default; a scan stats a few dozen files.
	Poll time.Duration
}

// Watched are the folders whose edits make the preview regenerate pages:
// the rule data, the acts' texts and the words of the pages. Hugo watches
// its own (layouts, assets, static) and re-renders by itself.
var Watched = []string{"rules", "sources", "i18n"}

// Preview is the live preview `ruqsat serve` runs for people editing the
// rules. A full build comes first (it also makes the search index); then
// the pinned Hugo runs as a server rendering to memory, behind a proxy on
// the address the browser uses. After each edit that lint accepts, only
// the generated files whose bytes changed are rewritten, and Hugo
// re-renders those pages and reloads the browser (its own live reload,
// passed through the proxy). An edit lint rejects changes nothing on disk:
// the last good site stays, and an overlay on every open page lists lint's
// problems until they are fixed.
type Preview struct {
	o    Options
	addr string // host:port the browser uses

	mu    sync.Mutex
	proxy http.Handler // to Hugo's own server, once it has started
	state []byte       // JSON of the current problems, sent to overlays
	subs  map[chan []byte]bool
}

// Problem is a lint problem as the overlay shows it.
type Problem struct {
	File    string            `json:"file"`
	Line    int               `json:"line"`
	Column  int               `json:"column"`
	Code    string            `json:"code"`
	Message map[string]string `json:"message"`
	Fix     map[string]string `json:"fix"`
}

// Run builds the site and serves the preview on ln until ctx ends.
func Run(ctx context.Context, ln net.Listener, o Options) error {
	if o.Poll == 0 {
		o.Poll = 100 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	// Each rebuild is a short burst of allocation on a small heap (tens of
	// megabytes): collecting less often takes a quarter off a rebuild.
	debug.SetGCPercent(400)
	p := &Preview{o: o, addr: ln.Addr().String(), subs: map[chan []byte]bool{}}
	p.setProblems(nil)
	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(o.Log, "ruqsat serve: %v\n", err)
		}
	}()
	fmt.Fprintln(o.Log, "ruqsat serve: building the site")
	_, err := build.Run(ctx, build.Options{Root: o.Root, Out: "public", Log: o.Log})
	var le *build.LintError
	switch {
	case errors.As(err, &le):
		p.report(le.Problems)
	case err != nil:
		return err
	default:
		if err := p.startHugo(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintf(o.Log, "ruqsat serve: http://%s/ru/  (Ctrl+C to stop; edits of rules/ show at once)\n", p.addr)
	p.watch(ctx)
	return nil
}

// watch scans the watched folders and regenerates after each edit.
func (p *Preview) watch(ctx context.Context) {
	last := snapshot(p.o.Root)
	t := time.NewTicker(p.o.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := snapshot(p.o.Root)
		if cur == last {
			continue
		}
		last = cur
		start := time.Now()
		probs, err := p.regenerate(ctx)
		switch {
		case err != nil:
			fmt.Fprintf(p.o.Log, "ruqsat serve: %v\n", err)
		case len(probs) > 0:
			p.report(probs)
		default:
			p.setProblems(nil)
			if !p.hugoStarted() {
				if err := p.startHugo(ctx); err != nil {
					fmt.Fprintf(p.o.Log, "ruqsat serve: %v\n", err)
					continue
				}
			}
			fmt.Fprintf(p.o.Log, "ruqsat serve: regenerated in %s\n", time.Since(start).Round(time.Millisecond))
		}
	}
}

// regenerate lints the rule data and, when it is clean, rewrites the
// generated files that changed. It returns lint's problems, if any. The
// pages are computed in memory while lint runs, and written only if lint
// finds no error: a rejected edit changes nothing on disk.
func (p *Preview) regenerate(ctx context.Context) ([]rules.Problem, error) {
	root := os.DirFS(p.o.Root)
	s, probs, err := rules.Load(root)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return probs, nil
	}
	linted := make(chan []rules.Problem, 1)
	go func() { linted <- lint.Run(s) }()
	if _, err := i18n.Load(root); err != nil {
		return nil, err
	}
	g := site.New(s, site.Today())
	pages, err := g.Render()
	if probs := <-linted; len(rules.Errors(probs)) > 0 {
		return probs, nil
	}
	if err != nil {
		return nil, err
	}
	if err := pages.Write(filepath.Join(p.o.Root, site.DataDir)); err != nil {
		return nil, err
	}
	if err := g.GenerateStatic(filepath.Join(p.o.Root, "_gen", "static")); err != nil {
		return nil, err
	}
	return nil, build.Checklists(ctx, build.Options{Root: p.o.Root, Preview: true}, s)
}

// report prints lint's problems and shows them in the overlays.
func (p *Preview) report(probs []rules.Problem) {
	for _, pr := range probs {
		what, fix := lint.Message(pr, rules.EN)
		fmt.Fprintf(p.o.Log, "%s:%d:%d: %s: %s\n\tfix: %s\n", pr.File, pr.Pos.Line, pr.Pos.Col, pr.Code, what, fix)
	}
	fmt.Fprintln(p.o.Log, "ruqsat serve: the rule data has problems (shown on the page too); the last good site stays")
	p.setProblems(probs)
}

func (p *Preview) setProblems(probs []rules.Problem) {
	out := struct {
		Problems []Problem `json:"problems"`
	}{Problems: []Problem{}}
	for _, pr := range rules.Errors(probs) {
		q := Problem{File: pr.File, Line: pr.Pos.Line, Column: pr.Pos.Col, Code: pr.Code, Message: map[string]string{}, Fix: map[string]string{}}
		for _, l := range rules.Langs {
			q.Message[string(l)], q.Fix[string(l)] = lint.Message(pr, l)
		}
		out.Problems = append(out.Problems, q)
	}
	b, _ := json.Marshal(out)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.state = b
	for ch := range p.subs {
		select {
		case ch <- b:
		default: // a slow reader gets the next state instead
		}
	}
}

func (p *Preview) hugoStarted() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.proxy != nil
}

// startHugo runs the pinned Hugo's server on a free local port, rendering
// to memory, with its live reload pointed at the proxy's address. Its
// output goes to the log; its own log level is errors only.
func (p *Preview) startHugo(ctx context.Context) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	_, extPort, _ := net.SplitHostPort(p.addr)
	cmd, err := build.HugoCommand(ctx, p.o.Root, "server", "--bind", "127.0.0.1", "--port", port,
		"--baseURL", "http://"+p.addr+"/", "--appendPort=false", "--liveReloadPort", extPort,
		"--renderToMemory", "--logLevel", "error", "--quiet",
		// Hugo's file notifications for the generated content came seconds
		// late in one run out of two here; polling every 100 ms is steady
		// (median edit-to-page 1.5 s against 5 s; BenchmarkServeEdit).
		"--poll", "100ms")
	if err != nil {
		return err
	}
	cmd.Dir = p.o.Root
	cmd.Stdout = p.o.Log
	cmd.Stderr = p.o.Log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting Hugo's server: %w", err)
	}
	go cmd.Wait()
	u, _ := url.Parse("http://127.0.0.1:" + port)
	// Wait until Hugo has built the site and answers.
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(u.String() + "/ru/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("Hugo's server did not start on port %s", port)
		}
		time.Sleep(100 * time.Millisecond)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	p.mu.Lock()
	p.proxy = rp
	p.mu.Unlock()
	return nil
}

// ServeHTTP answers the browser: the overlay's script and events, the
// search index of the last full build, and everything else from Hugo.
func (p *Preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/":
		http.Redirect(w, r, "/ru/", http.StatusFound)
		return
	case r.URL.Path == "/_ruqsat/overlay.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(overlayJS)
		return
	case r.URL.Path == "/_ruqsat/events":
		p.events(w, r)
		return
	case len(r.URL.Path) > len("/pagefind/") && r.URL.Path[:len("/pagefind/")] == "/pagefind/":
		// Hugo's server does not run Pagefind: search uses the index of
		// the full build made when serve started.
		Site(filepath.Join(p.o.Root, "public")).ServeHTTP(w, r)
		return
	}
	p.mu.Lock()
	proxy := p.proxy
	p.mu.Unlock()
	if proxy == nil {
		// No good build yet: a page that shows the problems, and turns
		// into the site once they are fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, waitingPage)
		return
	}
	proxy.ServeHTTP(w, r)
}

const waitingPage = `<!DOCTYPE html><html lang="ru" data-ruqsat-waiting><head><meta charset="utf-8"><title>Ruqsat</title></head>
<body><main><h1>Ruqsat</h1><p>Сайт ещё не собран. · Сайт әлі жиналған жоқ. · The site is not built yet.</p></main>
<script src="/_ruqsat/overlay.js"></script></body></html>`

// events streams the problems to an overlay: the current state at once,
// then every change (server-sent events).
func (p *Preview) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan []byte, 1)
	p.mu.Lock()
	cur := p.state
	p.subs[ch] = true
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.subs, ch)
		p.mu.Unlock()
	}()
	send := func(b []byte) bool {
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !send(cur) {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case b := <-ch:
			if !send(b) {
				return
			}
		}
	}
}

// snapshot sums the modification times and sizes of the watched files.
func snapshot(root string) string {
	var sum int64
	n := 0
	for _, w := range Watched {
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
