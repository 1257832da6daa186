package sitetest

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestProfTmp(t *testing.T) {
	browser(t)
	for i := 0; i < 3; i++ {
		s := time.Now()
		tb := newTab(t)
		t1 := time.Since(s)
		tb.open("/ru/services/")
		t2 := time.Since(s)
		tb.do(chromedp.Evaluate[chromedp.Void](axeSource(t) + ";undefined"))
		t3 := time.Since(s)
		vs := runAxe(tb)
		t4 := time.Since(s)
		t.Logf("tab %v open %v inject %v axe %v (%d)", t1, t2-t1, t3-t2, t4-t3, len(vs))
	}
}
