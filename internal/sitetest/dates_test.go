package sitetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ruqsat/internal/rules"
)

// atDate opens a tab whose clock says day (noon in Astana): the pages'
// script must then show the law as it is on that day, not on the day the
// site was built.
func atDate(t *testing.T, day string) *tab {
	t.Helper()
	tb := newTab(t)
	src := fmt.Sprintf(`(() => {
		const fixed = new Date(%q + "T12:00:00+05:00").getTime();
		const Real = Date;
		function Fake(...a) { return a.length ? new Real(...a) : new Real(fixed); }
		Fake.now = () => fixed;
		Fake.UTC = Real.UTC;
		Fake.parse = Real.parse;
		Fake.prototype = Real.prototype;
		window.Date = Fake;
	})();`, day)
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
	return tb
}

func addDays(day string, n int) string {
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		panic(err)
	}
	return d.AddDate(0, 0, n).Format("2006-01-02")
}

// TestLawOnReadersDate opens pages with the browser's clock set before and
// after dates the rule data gives (an act's entry into force, a fee's
// start, a year with no MCI in the table) and checks that statuses, fees
// and amounts follow the reader's date. Every expectation comes from the
// data.
func TestLawOnReadersDate(t *testing.T) {
	tr := strs(t)
	set := ruleSet(t)

	// The act with the latest exact date of entry into force, not repealed.
	var act *rules.Act
	var from string
	for _, a := range set.Acts {
		p := set.Period(a)
		if p.FromExact && !p.Repealed && a.Status != rules.StatusUnknown && p.From > from {
			act, from = a, p.From
		}
	}
	if act == nil {
		t.Fatal("no act in the rule data has an exact date of entry into force")
	}
	for _, c := range []struct{ day, want string }{
		{addDays(from, -1), "status_coming"},
		{from, "status_in-force"},
	} {
		t.Run(act.ID+"@"+c.day, func(t *testing.T) {
			tb := atDate(t, c.day)
			tb.open("/en/acts/" + act.ID + "/")
			got := eval[string](tb, `document.querySelector("dl.facts [data-status]").textContent`)
			if want := tr.T(rules.EN, c.want); got != want {
				t.Errorf("on %s the act's status reads %q, want %q", c.day, got, want)
			}
			if got := eval[string](tb, `document.querySelector("time[data-today]").getAttribute("datetime")`); got != c.day {
				t.Errorf("the footer's date is %s, want the reader's date %s", got, c.day)
			}
		})
	}

	// A service's first fee from a date: coming the day before, in force
	// on the day.
	var sv *rules.Service
	for _, s := range set.Services {
		if len(s.Fees) > 0 {
			sv = s
			break
		}
	}
	if sv == nil {
		t.Fatal("no service has fees from a date")
	}
	first := sv.FeesAfter(sv.Fees[0].Kind, "")[0]
	for _, c := range []struct{ day, want string }{
		{addDays(first.From, -1), "fee_status_coming"},
		{first.From, "fee_status_in-force"},
	} {
		t.Run(sv.ID+"-fee@"+c.day, func(t *testing.T) {
			tb := atDate(t, c.day)
			tb.open("/en/services/" + sv.ID + "/")
			got := eval[string](tb, `document.querySelector(".fees [data-status]").textContent`)
			if want := tr.T(rules.EN, c.want); got != want {
				t.Errorf("on %s the fee from %s reads %q, want %q", c.day, first.From, got, want)
			}
		})
	}

	// A year after the last MCI in the table: no amount in tenge, and the
	// page says why.
	last := set.MCI.Values[len(set.MCI.Values)-1].From
	var y int
	fmt.Sscanf(last[:4], "%d", &y)
	later := fmt.Sprintf("%d-02-01", y+1)
	t.Run("no-mci@"+later, func(t *testing.T) {
		tb := atDate(t, later)
		tb.open("/en/services/" + sv.ID + "/")
		texts := eval[[]string](tb, `[...document.querySelectorAll("[data-mci]")].map(e => e.textContent)`)
		if len(texts) == 0 {
			t.Fatal("no amount in tenge follows the reader's date on the page")
		}
		for _, s := range texts {
			if !strings.Contains(s, tr.T(rules.EN, "mci_year_unknown")) || strings.Contains(s, "₸") {
				t.Errorf("on %s (no MCI for %d) an amount reads %q", later, y+1, s)
			}
		}
	})
}
