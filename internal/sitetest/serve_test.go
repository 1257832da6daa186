package sitetest

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"go.yaml.in/yaml/v3"

	"ruqsat/internal/serve"
)

// liveRepo is a copy of the repository with `ruqsat serve`'s preview
// running on it; the copy is edited as legal staff would edit the rules.
type liveRepo struct {
	root, base string
	log        *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startLive copies the repository, starts the preview on a free port and
// waits until Hugo's server answers through it.
func startLive(tb testing.TB) *liveRepo {
	tb.Helper()
	root := tb.TempDir()
	if err := scaledRepo(repoRoot(tb), root, 1); err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	lr := &liveRepo{root: root, base: "http://" + ln.Addr().String(), log: &syncBuffer{}}
	done := make(chan error, 1)
	go func() { done <- serve.Run(ctx, ln, serve.Options{Root: root, Log: lr.log}) }()
	tb.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			tb.Error("serve did not stop")
		}
	})
	deadline := time.Now().Add(5 * time.Minute)
	for !strings.Contains(lr.get(tb, "/ru/"), "livereload") {
		select {
		case err := <-done:
			tb.Fatalf("serve stopped: %v\n%s", err, lr.log)
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("the preview did not come up:\n%s", lr.log)
		}
		time.Sleep(200 * time.Millisecond)
	}
	return lr
}

// get fetches a page of the preview ("" on any error).
func (lr *liveRepo) get(tb testing.TB, path string) string {
	resp, err := http.Get(lr.base + path)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// setServiceName sets a service's name in one language, as an editor
// would, and returns the file's previous bytes.
func (lr *liveRepo) setServiceName(tb testing.TB, service, lang, name string) []byte {
	tb.Helper()
	p := filepath.Join(lr.root, "rules", "services", service, "service.yaml")
	old, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(old, &doc); err != nil {
		tb.Fatal(err)
	}
	top := doc.Content[0]
	set := false
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "name" {
			continue
		}
		n := top.Content[i+1]
		for j := 0; j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == lang {
				n.Content[j+1].Value, set = name, true
			}
		}
	}
	if !set {
		tb.Fatalf("%s has no name.%s", p, lang)
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return old
}

// Conditions below read document.body, which is null for a moment while
// the page reloads.

// TestServeLive is legal staff's preview, in Chromium: while `ruqsat
// serve` runs, a correct edit of a rule file reloads the open page with the
// change; an edit lint rejects leaves the page as it was and lays lint's
// problem over it (file, line, in the page's language); fixing it takes
// the overlay away.
func TestServeLive(t *testing.T) {
	lr := startLive(t)
	tb := newTabAt(t, lr.base)
	// The checker works in the preview too (WebAssembly and checklists
	// through Hugo's server, the page's CSP with live reload).
	openChecker(tb, "/en/check/")
	page := "/kk/services/sts-license/"
	tb.open(page)
	if !eval[bool](tb, `document.querySelector("script[src='/_ruqsat/overlay.js']") !== null`) {
		t.Fatal("the preview's page does not load the overlay script")
	}
	waitFor(tb, `document.documentElement.dataset.ruqsatLint === "clean"`, 20*time.Second)

	// A correct edit: the page reloads by itself and shows it.
	tb.do(chromedp.Evaluate[chromedp.Void](`window.ruqsatBefore = true`))
	name := "Тексеруге арналған атау " + time.Now().Format("150405")
	start := time.Now()
	old := lr.setServiceName(t, "sts-license", "kk", name)
	waitFor(tb, `window.ruqsatBefore === undefined && (document.body ? document.body.textContent : "").includes(`+jsString(name)+`)`, 60*time.Second)
	t.Logf("edit → page reloaded with the change: %s", time.Since(start).Round(time.Millisecond))
	viewShot(tb, "serve-reloaded")

	// An edit lint rejects: an unknown key on the last line.
	p := filepath.Join(lr.root, "rules", "services", "sts-license", "service.yaml")
	good, _ := os.ReadFile(p)
	bad := append(append([]byte{}, good...), "nmae: x\n"...)
	line := bytes.Count(bad, []byte("\n"))
	if err := os.WriteFile(p, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	// (Hugo may still reload the page once for the earlier edit's static
	// files; the overlay comes back with the page, so wait for its text.)
	want := "rules/services/sts-license/service.yaml:" + strconv.Itoa(line) + ":"
	overlay := `(document.getElementById("ruqsat-overlay") || {textContent: ""}).textContent`
	waitFor(tb, overlay+`.includes(`+jsString(want)+`)`, 60*time.Second)
	viewShot(tb, "serve-overlay")
	if text := eval[string](tb, overlay); !strings.Contains(text, "Қағидалар тексеруден өтпеді") {
		t.Errorf("the overlay on a Kazakh page is not in Kazakh:\n%s", text)
	}
	if !strings.Contains(eval[string](tb, `document.body ? document.body.textContent : ""`), name) {
		t.Error("the last good page is gone under the overlay")
	}
	// Every page shows it, in its own language.
	for l, heading := range map[string]string{"ru": "Правила не прошли проверку", "en": "The rules did not pass lint"} {
		tb.open("/" + l + "/services/sts-license/")
		waitFor(tb, overlay+`.includes(`+jsString(want)+`)`, 30*time.Second)
		viewShot(tb, "serve-overlay-"+l)
		if text := eval[string](tb, overlay); !strings.Contains(text, heading) {
			t.Errorf("the overlay on the %s page does not say %q:\n%s", l, heading, text)
		}
	}

	// Fixed: the overlay goes.
	if err := os.WriteFile(p, old, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, `document.getElementById("ruqsat-overlay") === null && !(document.body ? document.body.textContent : "").includes(`+jsString(name)+`)`, 60*time.Second)
	if strings.Contains(lr.log.String(), "panic") {
		t.Errorf("serve's log:\n%s", lr.log)
	}
}

var regenerated = regexp.MustCompile(`regenerated in (\S+)`)

// BenchmarkServeEdit times what legal staff wait for in the preview: from
// saving a one-file edit of the rule data to the changed page being served
// (lint, the pages and checklists that changed, Hugo's re-render). Report
// the median: go test ./internal/sitetest -run '^$' -bench ServeEdit -benchtime 10x
func BenchmarkServeEdit(b *testing.B) {
	lr := startLive(b)
	var took []time.Duration
	for i := 0; i < b.N; i++ {
		name := "Атау " + strconv.Itoa(i) + " " + time.Now().Format("150405.000")
		start := time.Now()
		lr.setServiceName(b, "sts-license", "kk", name)
		for !strings.Contains(lr.get(b, "/kk/services/sts-license/"), name) {
			if time.Since(start) > time.Minute {
				b.Fatalf("the edit did not show:\n%s", lr.log)
			}
			time.Sleep(5 * time.Millisecond)
		}
		took = append(took, time.Since(start))
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Milliseconds()), "ms-median")
	// ruqsat's own part, as serve logs it: lint and the generated files
	// (the rest is Hugo noticing the files and re-rendering).
	var ours []time.Duration
	for _, m := range regenerated.FindAllStringSubmatch(lr.log.String(), -1) {
		if d, err := time.ParseDuration(m[1]); err == nil {
			ours = append(ours, d)
		}
	}
	if len(ours) > 0 {
		sort.Slice(ours, func(i, j int) bool { return ours[i] < ours[j] })
		b.ReportMetric(float64(ours[len(ours)/2].Milliseconds()), "ms-rebuild-median")
	}
	b.ReportMetric(float64(took[len(took)-1].Milliseconds()), "ms-max")
}
