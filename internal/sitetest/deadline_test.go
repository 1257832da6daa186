package sitetest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/internal/workdays"
)

// TestDeadlineCalculator fills the deadline calculator of the STS licence's
// pages in ru, kk and en and checks that the page shows the received and
// due dates `ruqsat deadline` computes (workdays.Deadline on the same rule
// data): the page runs the same Go code, compiled to WebAssembly, and no
// expectation here is written by hand. The cases cross Nauryz, the May
// holidays, Kurban Ait and 16 December, a filing after hours and one on a
// day off.
func TestDeadlineCalculator(t *testing.T) {
	set := ruleSet(t)
	cal, err := workdays.FromSet(set)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ kind, filed string }{
		{"issue", "2026-03-20T10:00"},   // Nauryz 2026 and its carried days off
		{"renewal", "2026-03-20T19:30"}, // after hours, before Nauryz: received 26 March
		{"issue", "2025-05-04T12:00"},   // a Sunday in the May holidays 2025
		{"issue", "2025-06-02T09:00"},   // Kurban Ait 2025 (6 June)
		{"renewal", "2024-12-13T18:00"}, // 16 December 2024
	}
	for _, path := range []string{"/%s/services/sts-license/2023/", "/%s/services/sts-license/"} {
		for _, l := range rules.Langs {
			page := fmt.Sprintf(path, l)
			t.Run(page, func(t *testing.T) {
				tb := newTab(t)
				tb.open(page)
				// Without a click the module is not loaded; the form shows.
				if got := eval[bool](tb, `!!window.ruqsatDeadline`); got {
					t.Error("the WebAssembly module loaded before the form was used")
				}
				if hidden := eval[bool](tb, `document.querySelector("[data-deadline] .deadline-form").hidden`); hidden {
					t.Fatal("the calculator's form is hidden with JavaScript on")
				}
				edition := eval[string](tb, `document.querySelector("[data-deadline]").dataset.edition`)
				for _, c := range cases {
					filed, _ := time.Parse("2006-01-02T15:04", c.filed)
					want, err := workdays.Deadline(set, cal, workdays.Request{Service: "sts-license", Edition: edition, Kind: c.kind, Filed: filed})
					if err != nil {
						t.Fatal(err)
					}
					date, hm, _ := strings.Cut(c.filed, "T")
					eval[bool](tb, fmt.Sprintf(`(() => {
						const r = document.querySelector("[data-deadline]"), f = r.querySelector(".deadline-form");
						delete r.dataset.done;
						f.elements.kind.value = %q; f.elements.date.value = %q; f.elements.time.value = %q;
						f.requestSubmit();
						return true;
					})()`, c.kind, date, hm))
					waitFor(tb, `document.querySelector("[data-deadline]").dataset.done === "deadline"`, 60*time.Second)
					got := eval[[]string](tb, `(() => {
						const r = document.querySelector("[data-deadline] .deadline-result");
						const d = s => { const e = r.querySelector(s + " time"); return e ? e.getAttribute("datetime") : ""; };
						return [d(".deadline-received"), d(".deadline-due"), String(r.querySelectorAll(".deadline-warn li").length),
							(r.querySelector(".deadline-received a") || {}).pathname || "", r.querySelector(".deadline-received").textContent];
					})()`)
					// The date in the site's words (legalfmt), a date standing
					// alone: Kazakh nominative «2026 жылғы 5 желтоқсан».
					if txt := eval[string](tb, `document.querySelector("[data-deadline] .deadline-received time").textContent`); !strings.HasPrefix(txt, legalfmt.FormatDateIn(l, got[0], legalfmt.Nominative)) {
						t.Errorf("%s %s: the date received reads %q, want %q", c.kind, c.filed, txt, legalfmt.FormatDateIn(l, got[0], legalfmt.Nominative))
					}
					wantDue := ""
					if want.Due != nil {
						wantDue = want.Due.Date
					}
					if got[0] != want.Received.Date || got[1] != wantDue {
						t.Errorf("%s %s: the page says received %s, due %s; ruqsat deadline says %s, %s", c.kind, c.filed, got[0], got[1], want.Received.Date, wantDue)
					}
					if got[2] != fmt.Sprint(len(want.Warnings)) {
						t.Errorf("%s %s: %s warnings on the page, %d from ruqsat deadline", c.kind, c.filed, got[2], len(want.Warnings))
					}
					if !strings.HasPrefix(got[3], "/"+string(l)+"/acts/") {
						t.Errorf("%s %s: the receipt's rule links to %q, want an act page in %s", c.kind, c.filed, got[3], l)
					}
					if why := want.Received.Why[string(l)]; !strings.Contains(got[4], why) {
						t.Errorf("%s %s: the receipt reads %q, want it to say %q", c.kind, c.filed, got[4], why)
					}
				}
				// The renewal window: 30 calendar days from the change, as
				// the 2023 edition's data gives it.
				if edition == "2023" {
					win := eval[bool](tb, `!!document.querySelector("[data-deadline] .deadline-window")`)
					if !win {
						t.Fatal("no renewal-window counter on the 2023 edition, whose data gives the window")
					}
					eval[bool](tb, `(() => {
						const r = document.querySelector("[data-deadline]"), f = r.querySelector(".deadline-window");
						delete r.dataset.done;
						f.elements.change.value = "2026-02-20";
						f.requestSubmit();
						return true;
					})()`)
					waitFor(tb, `document.querySelector("[data-deadline]").dataset.done === "window"`, 30*time.Second)
					if got := eval[string](tb, `document.querySelector("[data-deadline] .deadline-last time").getAttribute("datetime")`); got != "2026-03-22" {
						t.Errorf("renewal window from 2026-02-20 ends %s, want 2026-03-22 (30 calendar days)", got)
					}
				}
			})
		}
	}
}

// TestDeadlineWithoutScript: without JavaScript the form stays hidden and
// the page gives each kind's term in words.
func TestDeadlineWithoutScript(t *testing.T) {
	body := fetch(t, baseURL(t)+"/en/services/sts-license/2023/")
	form := regexp.MustCompile(`<form class="?deadline-form"? hidden>`)
	if !form.MatchString(body) {
		t.Error("the calculator's form is not hidden without JavaScript")
	}
	terms := regexp.MustCompile(`<ul class="?deadline-terms"?>(.*?)</ul>`).FindStringSubmatch(body)
	if terms == nil {
		t.Fatal("no terms in words beside the calculator")
	}
	if !strings.Contains(terms[1], "15 working days") {
		t.Errorf("the terms in words do not give the 15 working days of an issue: %s", terms[1])
	}
}
