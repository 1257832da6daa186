package sitetest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"ruqsat/checker"
	"ruqsat/internal/build"
	"ruqsat/internal/i18n"
	"ruqsat/internal/rules"
)

// TestDeploy publishes the site as README's "Deploy" says: built for an
// address (--base-url), served by the real nginx with deploy/nginx/
// ruqsat.conf, and checks it over HTTP and in Chromium: every page and
// file, the headers, the precompressed files, the 404 pages, the sitemap
// and the feeds, and the checker under the CSP header.

var (
	deployOnce sync.Once
	deployBase string // "http://127.0.0.1:PORT/", the address the site was built for
	deployDir  string // the built site nginx serves
	deployErr  error
)

// deployed builds the site for a free local port and starts nginx on it;
// TestMain stops it.
func deployed(tb testing.TB) (base, dir string) {
	tb.Helper()
	root := repoRoot(tb)
	deployOnce.Do(func() { deployBase, deployDir, deployErr = deploy(root) })
	if deployErr != nil {
		tb.Fatalf("deploying the site behind nginx: %v", deployErr)
	}
	return deployBase, deployDir
}

func deploy(root string) (string, string, error) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		// Debian puts it in /usr/sbin, which a user's $PATH may leave out.
		nginx, err = "/usr/sbin/nginx", nil
		if _, serr := os.Stat(nginx); serr != nil {
			err = serr
		}
	}
	if err != nil {
		return "", "", errors.New("nginx is not installed: run `bash scripts/setup`, which installs it (and its brotli module) with apt; the deployment test needs it and does not skip")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", "", err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)

	tmp, err := os.MkdirTemp("", "ruqsat-deploytest-")
	if err != nil {
		return "", "", err
	}
	atExit(func() { os.RemoveAll(tmp) })
	// nginx's workers run as nobody when the test runs as root: they must
	// be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", "", err
	}
	copyRoot := filepath.Join(tmp, "repo")
	if err := scaledRepo(root, copyRoot, 1); err != nil {
		return "", "", err
	}
	dir := filepath.Join(copyRoot, "public")
	start := time.Now()
	res, err := build.Run(context.Background(), build.Options{Root: copyRoot, Out: dir, Today: today, BaseURL: base})
	if err != nil {
		return "", "", fmt.Errorf("ruqsat build --base-url %s: %w", base, err)
	}
	if res.BaseURL != base {
		return "", "", fmt.Errorf("the build says it was built for %q, not %q", res.BaseURL, base)
	}
	fmt.Fprintf(os.Stderr, "sitetest: built %d pages for %s in %s\n", res.Pages, base, time.Since(start).Round(time.Millisecond))

	// The shipped server block, with only the address and the folder
	// replaced — each exactly once, so an edit of those lines in deploy/
	// fails here rather than testing something else.
	conf, err := os.ReadFile(filepath.Join(root, "deploy", "nginx", "ruqsat.conf"))
	if err != nil {
		return "", "", err
	}
	s := string(conf)
	for _, r := range [][2]string{
		{"listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port)},
		{"listen [::]:80;", ""},
		{"server_name ruqsat.example;", "server_name 127.0.0.1;"},
		{"root /var/www/ruqsat/public;", "root " + dir + ";"},
	} {
		if n := strings.Count(s, r[0]); n != 1 {
			return "", "", fmt.Errorf("deploy/nginx/ruqsat.conf has %q %d times, the test expects it once", r[0], n)
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	ngx := filepath.Join(tmp, "nginx")
	if err := os.MkdirAll(ngx, 0o755); err != nil {
		return "", "", err
	}
	if err := os.WriteFile(filepath.Join(ngx, "ruqsat.conf"), []byte(s), 0o644); err != nil {
		return "", "", err
	}
	// The main file as Debian's /etc/nginx/nginx.conf has it (its modules,
	// its MIME table), with the server's own files in the test's folder.
	main := fmt.Sprintf(`daemon off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  client_body_temp_path %[1]s/body;
  proxy_temp_path %[1]s/proxy;
  fastcgi_temp_path %[1]s/fastcgi;
  uwsgi_temp_path %[1]s/uwsgi;
  scgi_temp_path %[1]s/scgi;
  include %[1]s/ruqsat.conf;
}
`, ngx)
	mainConf := filepath.Join(ngx, "nginx.conf")
	if err := os.WriteFile(mainConf, []byte(main), 0o644); err != nil {
		return "", "", err
	}
	errLog := filepath.Join(ngx, "error.log")
	if out, err := exec.Command(nginx, "-t", "-q", "-c", mainConf, "-e", errLog).CombinedOutput(); err != nil {
		return "", "", fmt.Errorf("nginx -t: %v\n%s", err, out)
	}
	cmd := exec.Command(nginx, "-c", mainConf, "-e", errLog)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	atExit(func() {
		// SIGQUIT: nginx's graceful stop; it stops its workers itself.
		cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-done:
			log, _ := os.ReadFile(errLog)
			return "", "", fmt.Errorf("nginx stopped: %v\n%s%s", err, out.Bytes(), log)
		default:
		}
		if time.Now().After(deadline) {
			return "", "", fmt.Errorf("nginx does not answer on port %d", port)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return base, dir, nil
}

// plainClient asks for exactly the encodings a test names and follows no
// redirect.
var plainClient = &http.Client{
	Transport:     &http.Transport{DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       30 * time.Second,
}

// get fetches u with the given request headers ("Name: value").
func get(t testing.TB, u string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	resp, err := plainClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// wantCSP is the policy of the checker pages' meta tag in layouts/, plus
// frame-ancestors, which only a header can carry.
func wantCSP(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "layouts", "baseof.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("layouts/baseof.html has no Content-Security-Policy meta tag")
	}
	return string(m[1]) + "; frame-ancestors 'none'"
}

var (
	fingerprinted = regexp.MustCompile(`^/css/[^/]+\.[0-9a-f]{64}\.css$|^/pagefind/([a-z]{2}/)?(fragment|index|filter)/|^/pagefind/([a-z]{2}/)?pagefind\.[a-z]+_[0-9a-f]+\.pf_meta$`)
	notFoundPage  = regexp.MustCompile(`^/(ru|kk|en)/404\.html$`)
)

// checkHeaders checks the headers every response carries and the caching
// its kind of file gets.
func checkHeaders(t *testing.T, p string, resp *http.Response, csp string) {
	t.Helper()
	for k, want := range map[string]string{
		"Content-Security-Policy": csp,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
	} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s: %s is %q, want %q", p, k, got, want)
		}
	}
	cc := resp.Header.Get("Cache-Control")
	switch {
	case fingerprinted.MatchString(p):
		if cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s: a file named by its content, Cache-Control %q, want a year, immutable", p, cc)
		}
	case strings.HasPrefix(p, "/js/") || strings.HasPrefix(p, "/check/") || strings.HasPrefix(p, "/pagefind/") || p == "/schemas/checklists/bundle.json":
		if cc != "public, no-cache" {
			t.Errorf("%s: a script or the checker, Cache-Control %q, want revalidation every time", p, cc)
		}
	default:
		if cc != "public, max-age=300" {
			t.Errorf("%s: a page, feed or data file, Cache-Control %q, want five minutes", p, cc)
		}
	}
}

// wantType is the media type a file is served with, by its name.
func wantType(p string) string {
	switch {
	case strings.HasSuffix(p, "/atom.xml"):
		return "application/atom+xml; charset=utf-8"
	case strings.HasSuffix(p, ".xml"):
		return "text/xml; charset=utf-8"
	case strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "/"):
		return "text/html; charset=utf-8"
	case strings.HasSuffix(p, ".wasm"):
		return "application/wasm"
	case strings.HasSuffix(p, ".js"):
		return "application/javascript; charset=utf-8"
	case strings.HasSuffix(p, ".json"):
		return "application/json; charset=utf-8"
	case strings.HasSuffix(p, ".css"):
		return "text/css; charset=utf-8"
	}
	return "application/octet-stream"
}

// headInfo is what a page's head says about its address.
type headInfo struct {
	canonical, ogURL, ogLocale string
	alternates                 map[string]string // hreflang → href
	links                      []string          // every href and src in the page
	ids                        map[string]bool
	lang, h1                   string
}

func parsePage(b []byte) headInfo {
	h := headInfo{alternates: map[string]string{}, ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(b))
	inH1 := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return h
		}
		if tt == html.TextToken && inH1 {
			h.h1 += string(z.Text())
		}
		if tt == html.EndTagToken {
			if n, _ := z.TagName(); string(n) == "h1" {
				inH1 = false
			}
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, _ := z.TagName()
		attrs := map[string]string{}
		for {
			k, v, more := z.TagAttr()
			attrs[string(k)] = string(v)
			if !more {
				break
			}
		}
		if id := attrs["id"]; id != "" {
			h.ids[id] = true
		}
		switch string(name) {
		case "html":
			h.lang = attrs["lang"]
		case "h1":
			inH1 = true
		case "link":
			switch attrs["rel"] {
			case "canonical":
				h.canonical = attrs["href"]
			case "alternate":
				if l := attrs["hreflang"]; l != "" {
					h.alternates[l] = attrs["href"]
				}
			}
		case "meta":
			switch attrs["property"] {
			case "og:url":
				h.ogURL = attrs["content"]
			case "og:locale":
				h.ogLocale = attrs["content"]
			}
		}
		for _, a := range []string{"href", "src"} {
			if v, ok := attrs[a]; ok {
				h.links = append(h.links, v)
			}
		}
	}
}

func TestDeploy(t *testing.T) {
	base, dir := deployed(t)
	csp := wantCSP(t)
	u, _ := url.Parse(base)

	// Every file of the built site, by its address.
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = "/" + filepath.ToSlash(rel)
		for _, ext := range []string{".br", ".gz"} {
			if _, err := os.Stat(strings.TrimSuffix(p, ext)); strings.HasSuffix(p, ext) && err == nil {
				return nil // a precompressed copy, sent in the original's place
			}
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	// pages[lang] holds the address of every page of the language.
	pages := map[string]map[string]bool{"ru": {}, "kk": {}, "en": {}}
	heads := map[string]headInfo{}

	t.Run("files", func(t *testing.T) {
		if len(files) < 300 {
			t.Fatalf("only %d files in the built site", len(files))
		}
		errs := 0
		for _, f := range files {
			if t.Failed() {
				// One wrong header fails every file: say it for the
				// first few.
				if errs++; errs > 25 {
					t.Fatal("stopped after 25 more files; further errors left out")
				}
			}
			p := f
			if strings.HasSuffix(p, "/index.html") {
				p = strings.TrimSuffix(p, "index.html") // as the links name it
			}
			resp, body := get(t, base+strings.TrimPrefix(p, "/"))
			want := 200
			if notFoundPage.MatchString(p) {
				want = 404 // sent for missing addresses, never as a page of its own
			}
			if resp.StatusCode != want {
				t.Errorf("%s: HTTP %d, want %d", p, resp.StatusCode, want)
				continue
			}
			if ct := resp.Header.Get("Content-Type"); ct != wantType(p) {
				t.Errorf("%s: Content-Type %q, want %q", p, ct, wantType(p))
			}
			checkHeaders(t, p, resp, csp)
			if want != 200 || !strings.HasSuffix(p, "/") {
				continue
			}
			lang, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
			if m, ok := pages[lang]; ok {
				m[p] = true
			}
			heads[p] = parsePage(body)
		}
	})

	t.Run("links", func(t *testing.T) {
		if len(heads) < 100 {
			t.Fatalf("only %d pages read", len(heads))
		}
		checked := map[string]bool{}
		for _, f := range files {
			checked[f] = true
		}
		for p, h := range heads {
			if p == "/" {
				continue // the root's redirect to /ru/
			}
			// The page's own address, absolute, and the same page in
			// every language.
			if want := base + strings.TrimPrefix(p, "/"); h.canonical != want || h.ogURL != want {
				t.Errorf("%s: canonical %q, og:url %q, want %q", p, h.canonical, h.ogURL, want)
			}
			lang := p[1:3]
			if h.ogLocale == "" || !strings.HasPrefix(h.ogLocale, lang) {
				t.Errorf("%s: og:locale %q", p, h.ogLocale)
			}
			for _, l := range []string{"ru", "kk", "en", "x-default"} {
				href := h.alternates[l]
				want := l
				if l == "x-default" {
					want = "ru"
				}
				if !strings.HasPrefix(href, base+want+"/") || !pages[want]["/"+strings.TrimPrefix(href, base)] {
					t.Errorf("%s: hreflang %s → %q, not a page of the site at its absolute address", p, l, href)
				}
			}
			// Every link and asset the page names answers.
			for _, l := range h.links {
				r, err := url.Parse(l)
				if err != nil {
					t.Errorf("%s: bad link %q", p, l)
					continue
				}
				abs := u.ResolveReference(&url.URL{Path: p}).ResolveReference(r)
				if abs.Host != u.Host || (abs.Scheme != "http" && abs.Scheme != "https") {
					continue
				}
				if checked[abs.Path] {
					continue
				}
				checked[abs.Path] = true
				if resp, _ := get(t, base+strings.TrimPrefix(abs.Path, "/")); resp.StatusCode != 200 {
					t.Errorf("%s links to %s: HTTP %d", p, abs.Path, resp.StatusCode)
				}
			}
		}
	})

	t.Run("compressed", func(t *testing.T) {
		for _, p := range []string{"/check/ruqsat.wasm", "/check/wasm_exec.js", "/schemas/checklists/bundle.json", "/pagefind/ru/pagefind.js", "/pagefind/kk/pagefind-entry.json"} {
			orig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			br, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)) + ".br")
			if err != nil {
				t.Fatalf("%s: no .br beside it: %v", p, err)
			}
			resp, body := get(t, base+p[1:], "Accept-Encoding: gzip, deflate, br, zstd")
			if ce := resp.Header.Get("Content-Encoding"); ce != "br" || !bytes.Equal(body, br) {
				t.Errorf("%s asked with br: Content-Encoding %q, %d bytes; want br, the %d bytes of the .br file", p, ce, len(body), len(br))
			}
			if ct := resp.Header.Get("Content-Type"); ct != wantType(p) {
				t.Errorf("%s in brotli: Content-Type %q, want %q", p, ct, wantType(p))
			}
			if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: no Vary: Accept-Encoding", p)
			}
			checkHeaders(t, p, resp, csp)
			resp, body = get(t, base+p[1:], "Accept-Encoding: gzip")
			if ce := resp.Header.Get("Content-Encoding"); ce != "gzip" {
				t.Errorf("%s asked with gzip only: Content-Encoding %q", p, ce)
			} else if zr, err := gzip.NewReader(bytes.NewReader(body)); err != nil {
				t.Errorf("%s: %v", p, err)
			} else if b, err := io.ReadAll(zr); err != nil || !bytes.Equal(b, orig) {
				t.Errorf("%s: gzip body does not inflate to the file (%v)", p, err)
			}
			resp, body = get(t, base+p[1:])
			if ce := resp.Header.Get("Content-Encoding"); ce != "" || !bytes.Equal(body, orig) {
				t.Errorf("%s asked with no encoding: Content-Encoding %q, %d bytes, want the file's %d", p, ce, len(body), len(orig))
			}
			t.Logf("%-32s %8d bytes, brotli %8d", p, len(orig), len(br))
		}
		// Pages are compressed on the fly.
		resp, _ := get(t, base+"ru/", "Accept-Encoding: gzip")
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("/ru/ asked with gzip: Content-Encoding %q", resp.Header.Get("Content-Encoding"))
		}
	})

	t.Run("not-found", func(t *testing.T) {
		tr, err := i18n.Load(os.DirFS(repoRoot(t)))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ path, accept, lang string }{
			{"kk/no-such-page/", "", "kk"},
			{"en/services/no-such-service/", "ru-RU,ru;q=0.9", "en"},
			{"ru/404.html", "", "ru"},
			{"no-such-page", "en-GB,en;q=0.9", "en"},
			{"no-such-page", "kk-KZ,kk;q=0.9,ru;q=0.8", "kk"},
			{"no-such-page", "de-DE", "ru"},
			{"no-such-page", "", "ru"},
		} {
			var hdr []string
			if c.accept != "" {
				hdr = append(hdr, "Accept-Language: "+c.accept)
			}
			resp, body := get(t, base+c.path, hdr...)
			h := parsePage(body)
			want := tr.T(rules.Lang(c.lang), "notfound_title")
			if resp.StatusCode != 404 || h.lang != c.lang || strings.TrimSpace(h.h1) != want {
				t.Errorf("/%s (Accept-Language %q): HTTP %d, lang %q, h1 %q; want 404, %s, %q", c.path, c.accept, resp.StatusCode, h.lang, h.h1, c.lang, want)
			}
			checkHeaders(t, "/"+c.path, resp, csp)
		}
		// In the browser: the page is styled (its stylesheet loads under
		// the policy) and says so in the reader's language.
		tb := newTabAt(t, strings.TrimSuffix(base, "/"))
		resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(base+"kk/no-such-page/"))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 404 {
			t.Errorf("Chromium got HTTP %d for a missing page", resp.Status)
		}
		if got := eval[string](tb, `document.querySelector("h1").textContent`); got != tr.T(rules.KK, "notfound_title") {
			t.Errorf("Chromium shows %q", got)
		}
		if !eval[bool](tb, `[...document.styleSheets].some(s => s.cssRules.length > 0)`) {
			t.Error("the 404 page's stylesheet did not load")
		}
	})

	t.Run("sitemap", func(t *testing.T) {
		resp, body := get(t, base+"sitemap.xml")
		if resp.StatusCode != 200 {
			t.Fatalf("/sitemap.xml: HTTP %d", resp.StatusCode)
		}
		var idx struct {
			XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
			Sitemaps []struct {
				Loc string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
			} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
		}
		strictXML(t, "/sitemap.xml", body, &idx)
		var locs []string
		for _, s := range idx.Sitemaps {
			locs = append(locs, s.Loc)
		}
		if want := []string{base + "ru/sitemap.xml", base + "kk/sitemap.xml", base + "en/sitemap.xml"}; strings.Join(locs, " ") != strings.Join(want, " ") {
			t.Fatalf("the sitemap index lists %q, want %q", locs, want)
		}
		for _, lang := range []string{"ru", "kk", "en"} {
			_, body := get(t, base+lang+"/sitemap.xml")
			var set struct {
				XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
				URLs    []struct {
					Loc   string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
					Links []struct {
						Rel      string `xml:"rel,attr"`
						Hreflang string `xml:"hreflang,attr"`
						Href     string `xml:"href,attr"`
					} `xml:"http://www.w3.org/1999/xhtml link"`
				} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
			}
			strictXML(t, "/"+lang+"/sitemap.xml", body, &set)
			seen := map[string]bool{}
			for _, e := range set.URLs {
				p := "/" + strings.TrimPrefix(e.Loc, base)
				if !strings.HasPrefix(e.Loc, base+lang+"/") || !pages[lang][p] || seen[p] {
					t.Errorf("%s sitemap: %q is not one of the language's pages at its absolute address, or listed twice", lang, e.Loc)
				}
				seen[p] = true
				alt := map[string]string{}
				for _, l := range e.Links {
					if l.Rel != "alternate" {
						t.Errorf("%s: a link rel=%q", e.Loc, l.Rel)
					}
					alt[l.Hreflang] = l.Href
				}
				for _, l := range []string{"ru", "kk", "en", "x-default"} {
					want := l
					if l == "x-default" {
						want = "ru"
					}
					if h := alt[l]; !strings.HasPrefix(h, base+want+"/") || !pages[want]["/"+strings.TrimPrefix(h, base)] {
						t.Errorf("%s: hreflang %s → %q", e.Loc, l, h)
					}
				}
				if alt[lang] != e.Loc {
					t.Errorf("%s: its own language's alternate is %q", e.Loc, alt[lang])
				}
			}
			for p := range pages[lang] {
				if !seen[p] {
					t.Errorf("%s sitemap leaves out %s", lang, p)
				}
			}
		}
	})

	t.Run("feeds", func(t *testing.T) {
		uuid := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
		ids := map[string]string{}
		counts := map[int]bool{}
		for _, lang := range []string{"ru", "kk", "en"} {
			p := "/" + lang + "/changes/atom.xml"
			resp, body := get(t, base+p[1:])
			if resp.StatusCode != 200 {
				t.Fatalf("%s: HTTP %d", p, resp.StatusCode)
			}
			type link struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			}
			var feed struct {
				XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
				Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
				Title   string   `xml:"http://www.w3.org/2005/Atom title"`
				ID      string   `xml:"http://www.w3.org/2005/Atom id"`
				Updated string   `xml:"http://www.w3.org/2005/Atom updated"`
				Links   []link   `xml:"http://www.w3.org/2005/Atom link"`
				Author  string   `xml:"http://www.w3.org/2005/Atom author>name"`
				Entries []struct {
					Title   string `xml:"http://www.w3.org/2005/Atom title"`
					ID      string `xml:"http://www.w3.org/2005/Atom id"`
					Updated string `xml:"http://www.w3.org/2005/Atom updated"`
					Link    link   `xml:"http://www.w3.org/2005/Atom link"`
					Summary string `xml:"http://www.w3.org/2005/Atom summary"`
				} `xml:"http://www.w3.org/2005/Atom entry"`
			}
			strictXML(t, p, body, &feed)
			// RFC 4287: id, title, updated and an author are required;
			// ids are IRIs, dates RFC 3339.
			if feed.Lang != lang || feed.Title == "" || feed.Author == "" || !uuid.MatchString(feed.ID) {
				t.Errorf("%s: lang %q, title %q, author %q, id %q", p, feed.Lang, feed.Title, feed.Author, feed.ID)
			}
			if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
				t.Errorf("%s: updated %q: %v", p, feed.Updated, err)
			}
			rel := map[string]string{}
			for _, l := range feed.Links {
				rel[l.Rel] = l.Href
			}
			if rel["self"] != base+p[1:] || rel["alternate"] != base+lang+"/changes/" {
				t.Errorf("%s: links %v, want self and alternate absolute under %s", p, rel, base)
			}
			if len(feed.Entries) == 0 {
				t.Errorf("%s has no entries", p)
			}
			counts[len(feed.Entries)] = true
			changes := heads["/"+lang+"/changes/"]
			for _, e := range feed.Entries {
				if !uuid.MatchString(e.ID) || ids[e.ID] != "" {
					t.Errorf("%s: entry id %q is not a UUID URN, or is also in %s", p, e.ID, ids[e.ID])
				}
				ids[e.ID] = p
				if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.Title == "" || e.Summary == "" {
					t.Errorf("%s: entry %s: updated %q (%v), title %q, summary %q", p, e.ID, e.Updated, err, e.Title, e.Summary)
				}
				page, frag, _ := strings.Cut(e.Link.Href, "#")
				if page != base+lang+"/changes/" || !changes.ids[frag] {
					t.Errorf("%s: entry link %q is not an anchor of %schanges/", p, e.Link.Href, base+lang+"/")
				}
			}
		}
		if len(counts) != 1 {
			t.Errorf("the three feeds differ in their number of entries: %v", counts)
		}
	})

	t.Run("checker", func(t *testing.T) {
		ck := libraryChecker(t)
		tb := newTabAt(t, strings.TrimSuffix(base, "/"))
		// Every violation of the policy the page meets, from its start.
		if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.effectiveDirective + " " + e.blockedURI));`,
		}); err != nil {
			t.Fatal(err)
		}
		resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(base+"en/check/"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := resp.Headers["Content-Security-Policy"].(string); got != csp {
			t.Errorf("Chromium got the checker page with Content-Security-Policy %q, want %q", got, csp)
		}
		waitFor(tb, `document.getElementById("checker").dataset.readyMs !== undefined`, 60*time.Second)
		// The passing zip chosen in the form, as an applicant would.
		zips, _ := filepath.Glob(filepath.Join(repoRoot(t), "examples", "*.zip"))
		if len(zips) == 0 {
			t.Fatal("no example zip")
		}
		cli := ck.CheckPath(zips[0], checker.Options{Today: today})
		tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{zips[0]}))
		waitFor(tb, fmt.Sprintf(`document.getElementById("checker").dataset.verdict === %q`, string(cli.Verdict)), 30*time.Second)
		// Every example folder through the page's checker: the CLI's
		// verdict and report.
		root := filepath.Join(repoRoot(t), "examples")
		entries, _ := os.ReadDir(root)
		n := 0
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			n++
			files := map[string]string{}
			filepath.WalkDir(filepath.Join(root, e.Name()), func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				rel, _ := filepath.Rel(root, p)
				files[filepath.ToSlash(rel)] = base64.StdEncoding.EncodeToString(b)
				return err
			})
			arg, _ := json.Marshal(files)
			got := eval[string](tb, fmt.Sprintf(`(function(){ const f = %s, files = {}; for (const k in f) { const r = atob(f[k]), a = new Uint8Array(r.length); for (let i = 0; i < r.length; i++) a[i] = r.charCodeAt(i); files[k] = a; } return ruqsat.check({files, name: %q, today: %q}); })()`, arg, e.Name(), today))
			var br checker.Report
			if err := json.Unmarshal([]byte(got), &br); err != nil {
				t.Fatalf("%s: %v: %s", e.Name(), err, got)
			}
			lib := ck.CheckPath(filepath.Join(root, e.Name()), checker.Options{Today: today})
			if lib.Verdict != br.Verdict || normalized(t, lib) != normalized(t, &br) {
				t.Errorf("%s: the CLI says %s, the page behind nginx %s\nCLI:  %s\npage: %s", e.Name(), lib.Verdict, br.Verdict, normalized(t, lib), normalized(t, &br))
			}
		}
		if n < 20 {
			t.Errorf("only %d example folders", n)
		}
		if v := eval[string](tb, `JSON.stringify(window.__csp)`); v != "[]" {
			t.Errorf("the checker page broke its policy: %s", v)
		}
		// And the search, whose index loads WebAssembly too.
		if hits := search(tb, "kk", "лицензия"); len(hits) == 0 {
			t.Error("no search results behind nginx")
		}
		if v := eval[string](tb, `JSON.stringify(window.__csp)`); v != "[]" {
			t.Errorf("the search page broke its policy: %s", v)
		}
	})

	t.Run("transfer", func(t *testing.T) {
		// Bytes over the wire with an empty cache, as the browser counts
		// them (headers and compressed bodies): reported, and the
		// compression asserted.
		st, err := os.Stat(filepath.Join(dir, "check", "ruqsat.wasm.br"))
		if err != nil {
			t.Fatal(err)
		}
		wasmBr := int(st.Size())
		tb := newTabAt(t, strings.TrimSuffix(base, "/"))
		if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"ru", "kk", "en"} {
			for _, p := range []string{"/" + lang + "/", "/" + lang + "/check/"} {
				if _, err := chromedp.Call(tb.ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
					t.Fatal(err)
				}
				tb.open(p)
				if strings.HasSuffix(p, "/check/") {
					waitFor(tb, `document.getElementById("checker").dataset.readyMs !== undefined`, 60*time.Second)
				}
				// Let late requests finish (the checker's warm-up).
				time.Sleep(500 * time.Millisecond)
				var r struct {
					Transfer, Decoded, Requests int
					Wasm                        [2]int
				}
				js := eval[string](tb, `JSON.stringify((() => {
					const all = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
					const w = all.find(e => e.name.endsWith("/check/ruqsat.wasm"));
					return {Transfer: all.reduce((s, e) => s + e.transferSize, 0), Decoded: all.reduce((s, e) => s + e.decodedBodySize, 0),
						Requests: all.length, Wasm: w ? [w.transferSize, w.decodedBodySize] : [0, 0]};
				})())`)
				if err := json.Unmarshal([]byte(js), &r); err != nil {
					t.Fatal(err)
				}
				t.Logf("%-12s cold: %8d bytes transferred (%8d decoded) in %d requests", p, r.Transfer, r.Decoded, r.Requests)
				if r.Transfer == 0 || r.Transfer >= r.Decoded {
					t.Errorf("%s: %d bytes transferred for %d decoded: not compressed, or not counted", p, r.Transfer, r.Decoded)
				}
				// The .br file's bytes and the response's headers, not the
				// larger .gz.
				if strings.HasSuffix(p, "/check/") && (r.Wasm[1] == 0 || r.Wasm[0] > wasmBr+2000) {
					t.Errorf("%s: the checker's WebAssembly came as %d bytes (%d decoded), the .br file has %d: brotli not negotiated", p, r.Wasm[0], r.Wasm[1], wasmBr)
				}
			}
		}
	})
}

// strictXML decodes a whole document into v, failing on any XML error or
// anything after the root element.
func strictXML(t *testing.T, name string, b []byte, v any) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	if err := d.Decode(v); err != nil {
		t.Fatalf("%s is not well-formed or not the expected document: %v", name, err)
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if cd, ok := tok.(xml.CharData); !ok || len(bytes.TrimSpace(cd)) > 0 {
			t.Fatalf("%s: content after the root element: %v", name, tok)
		}
	}
}
