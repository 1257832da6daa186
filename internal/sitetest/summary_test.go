package sitetest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestServiceSummary opens every service page on a phone (390×844) in
// each language: the summary at its top — cost, term, documents, where to
// file, the "check my package" button and the page's contents — is on
// the first screen without scrolling, every contents link lands on an
// element of the page, and the portals are real links to the https
// addresses of the rule data (tables/portals.yaml), never other addresses.
func TestServiceSummary(t *testing.T) {
	set := ruleSet(t)
	portals := map[string]bool{}
	for _, p := range set.Portals.List() {
		portals[p.URL] = true
	}
	if len(portals) == 0 {
		t.Fatal("rules/tables/portals.yaml names no portals")
	}
	browser(t)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			tb.do(chromedp.EmulateViewport(390, 844))
			linked := 0
			for _, sv := range set.Services {
				path := "/" + l + "/services/" + sv.ID + "/"
				tb.open(path)
				type box struct {
					What   string
					Bottom float64
					Right  float64
				}
				res := eval[struct {
					Screen, Width float64
					Boxes         []box
					Missing       []string
					Anchors       []string
					Links         []string
				}](tb, `(() => {
					const g = document.querySelector(".glance");
					const r = {Screen: innerHeight, Width: document.documentElement.clientWidth, Boxes: [], Missing: [], Anchors: [], Links: []};
					if (!g) { r.Missing.push(".glance"); return r; }
					const need = {
						"glance-facts dt": [...g.querySelectorAll(".glance-facts > dt")],
						"glance-facts dd": [...g.querySelectorAll(".glance-facts > dd")],
						"check button": [...g.querySelectorAll(".page-actions a.button")],
						"contents": [...g.querySelectorAll(".toc")],
					};
					for (const [what, els] of Object.entries(need)) {
						if (els.length === 0) r.Missing.push(what);
						for (const e of els) {
							const b = e.getBoundingClientRect();
							r.Boxes.push({What: what + ": " + e.textContent.trim().slice(0, 40), Bottom: b.bottom, Right: b.right});
						}
					}
					if (need["glance-facts dt"].length !== 4) r.Missing.push("4 facts (cost, term, documents, where), got " + need["glance-facts dt"].length);
					for (const a of g.querySelectorAll('.toc a, .page-actions a[href^="#"]')) {
						const id = decodeURIComponent(a.getAttribute("href").slice(1));
						if (!document.getElementById(id)) r.Anchors.push(a.getAttribute("href"));
					}
					for (const a of document.querySelectorAll("a.portal")) r.Links.push(a.getAttribute("href"));
					return r;
				})()`)
				for _, m := range res.Missing {
					t.Errorf("%s: no %s in the summary", path, m)
				}
				for _, b := range res.Boxes {
					if b.Bottom > res.Screen {
						t.Errorf("%s: %q ends at %.0fpx, below the phone's first screen (%.0fpx)", path, b.What, b.Bottom, res.Screen)
					}
					if b.Right > res.Width+1 {
						t.Errorf("%s: %q sticks out sideways (%.0fpx of %.0fpx)", path, b.What, b.Right, res.Width)
					}
				}
				for _, a := range res.Anchors {
					t.Errorf("%s: contents link %s leads nowhere", path, a)
				}
				for _, h := range res.Links {
					if !strings.HasPrefix(h, "https://") || !portals[h] {
						t.Errorf("%s: portal link %q is not one of the rule data's https addresses", path, h)
					}
					linked++
				}
			}
			if linked == 0 {
				t.Errorf("/%s/: no service page links a portal", l)
			}
		})
	}
}
