package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves full-page screenshots of the main pages in each
// language on a desktop viewport, and their first screen on a phone, into $RUQSAT_SCREENSHOTS
// (default: a temporary folder, discarded) for people to look at. It also
// fails when a page scrolls sideways on the phone.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("RUQSAT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// The main pages: the kinds of pageTypes people land on most.
	var shots []pageRef
	for _, p := range pageTypes(t) {
		switch p.Kind {
		case "home", "service", "history", "coverage", "search", "act-text", "act-text-mt":
			shots = append(shots, p)
		}
	}
	browser(t)
	t.Cleanup(func() { t.Logf("screenshots in %s", dir) })
	for _, l := range langs {
		for _, s := range shots {
			t.Run(l+"/"+s.Name, func(t *testing.T) {
				t.Parallel()
				tb := newTab(t)
				for _, vp := range []struct {
					name string
					w, h int64
				}{{"desktop", viewW, viewH}, {"phone", 390, 844}} {
					tb.do(chromedp.EmulateViewport(vp.w, vp.h))
					if s.Kind == "search" {
						search(tb, l, searchWord[l])
						// The excerpts of the results on screen.
						run(tb, chromedp.Poll[bool](`(() => { const p = document.querySelector("#search-results > li > p"); return !p || p.innerHTML !== ""; })()`, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
					} else {
						tb.open("/" + l + "/" + s.Path + fragment(s.At))
					}
					// The whole page on the desktop; the first screen on the phone,
					// where a full page is many metres long.
					shot := chromedp.FullScreenshot(100)
					if vp.name == "phone" {
						shot = chromedp.CaptureScreenshot()
					}
					png := run(tb, shot)
					name := filepath.Join(dir, l+"-"+s.Name+"-"+vp.name+".png")
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
					wide := eval[[]string](tb, `(() => {
						const w = document.documentElement.clientWidth;
						if (document.documentElement.scrollWidth <= w) return [];
						return [...document.querySelectorAll("body *")]
							.filter(e => e.getBoundingClientRect().right > w + 1)
							.slice(0, 5)
							.map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""));
					})()`)
					if len(wide) > 0 {
						t.Errorf("/%s/%s scrolls sideways at %dpx: %s", l, s.Path, vp.w, strings.Join(wide, ", "))
					}
				}
			})
		}
	}
}

// fragment is "#at", or "" for the top of a page.
func fragment(at string) string {
	if at == "" {
		return ""
	}
	return "#" + at
}
