package sitetest

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// A tab is one browser tab of a test. It records every request the pages
// in it make, and when the test ends fails it for any request that leaves
// the test server: the site must load nothing from a third party.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	host string

	mu       sync.Mutex
	requests []request
}

type request struct {
	url, page string
}

// Desktop viewport of every tab, unless a test changes it.
const viewW, viewH = 1280, 900

// newTab opens a tab in the shared browser; the test's end closes it.
func newTab(t *testing.T) *tab {
	t.Helper()
	return newTabAt(t, baseURL(t))
}

// newTabAt opens a tab for the site served at base.
func newTabAt(t *testing.T, base string) *tab {
	t.Helper()
	b := browser(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	tb := &tab{t: t, base: base, host: u.Host}
	tctx, cancelTimeout := context.WithTimeout(b, 3*time.Minute)
	ctx, cancel := chromedp.NewContext(tctx, chromedp.WithListener(func(ev any) {
		// Runs in the tab's event loop: record and return.
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			tb.mu.Lock()
			tb.requests = append(tb.requests, request{e.Request.URL, e.DocumentURL})
			tb.mu.Unlock()
		}
	}))
	tb.ctx = ctx
	t.Cleanup(func() {
		cancel()
		cancelTimeout()
		tb.checkRequests()
	})
	tb.do(chromedp.EmulateViewport(viewW, viewH))
	return tb
}

// checkRequests fails the test for every request to another origin than
// the test server; data: and blob: URLs stay in the page.
func (tb *tab) checkRequests() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, r := range tb.requests {
		if !tb.local(r.url) {
			tb.t.Errorf("third-party request %s (from page %s)", r.url, r.page)
		}
	}
}

func (tb *tab) local(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	case "http", "https":
		return u.Host == tb.host
	}
	return false
}

// requestCount returns how many requests the tab has made so far.
func (tb *tab) requestCount() int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return len(tb.requests)
}

// do runs actions in the tab and fails the test on error.
func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

// open loads a page of the site by its path, e.g. "/ru/services/".
func (tb *tab) open(path string) {
	tb.t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(tb.base+path))
	if err != nil {
		tb.t.Fatalf("opening %s: %v", path, err)
	}
	if resp == nil {
		// A move to a fragment of the page already open loads nothing.
		if !strings.Contains(path, "#") {
			tb.t.Fatalf("opening %s: no response", path)
		}
		return
	}
	if resp.Status != 200 {
		tb.t.Fatalf("opening %s: HTTP %d", path, resp.Status)
	}
	if tb.requestCount() == 0 {
		tb.t.Fatalf("opening %s: the network listener saw no request, so it cannot check for third-party ones", path)
	}
}

// path returns the path of the tab's current page.
func (tb *tab) path() string {
	tb.t.Helper()
	loc := run(tb, chromedp.Location())
	return strings.TrimPrefix(loc, tb.base)
}

// run runs an action that returns a value and fails the test on error.
func run[T any](tb *tab, a chromedp.Action[T]) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, a)
	if err != nil {
		tb.t.Fatal(err)
	}
	return v
}

// eval evaluates JavaScript in the page, awaiting a promise it returns.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	return run(tb, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}
