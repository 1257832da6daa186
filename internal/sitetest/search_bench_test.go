package sitetest

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ruqsat/internal/build"
	"ruqsat/internal/serve"
)

// BenchmarkSearchIndex indexes the real site, as the build does.
func BenchmarkSearchIndex(b *testing.B) {
	benchSearchIndex(b, repoRoot(b), site(b))
	firstQueryBench(b, site(b))
}

// BenchmarkSearchIndex100x indexes the synthetic site 100 times larger
// (BenchmarkBuild100x's) with one Pagefind run for the whole site and as
// the build does (per language, in shards), reporting the time and the
// largest memory of a run; then the first query's latency on the build's
// index, in
// headless Chromium: a fresh search page, the query typed and submitted,
// until the results are announced (median of several queries).
func BenchmarkSearchIndex100x(b *testing.B) {
	repo := scaled(b, 100)
	out := filepath.Join(repo, "public")
	if _, err := os.Stat(filepath.Join(out, "ru", "index.html")); err != nil {
		start := time.Now()
		if _, err := build.Run(context.Background(), build.Options{Root: repo, Out: out, Today: today, SkipSearch: true, Log: io.Discard}); err != nil {
			b.Fatal(err)
		}
		b.Logf("built the 100× site without its index in %s", time.Since(start).Round(time.Second))
	}
	benchSearchIndex(b, repo, out)
	firstQueryBench(b, out)
}

// firstQueryBench reports the first query's latency on the site in dir as
// sub-benchmarks (a benchmark with sub-benchmarks prints no line of its
// own, so a metric reported on it is never seen): submitted the moment the
// page has loaded ("first-query"), and two seconds later, as a person
// who types it ("first-query-typed"), when the page has loaded its index.
func firstQueryBench(b *testing.B, dir string) {
	for _, m := range []struct {
		name   string
		typing time.Duration
	}{{"first-query", 0}, {"first-query-typed", 2 * time.Second}} {
		b.Run(m.name, func(b *testing.B) {
			var ms float64
			for b.Loop() {
				ms = firstQueryMillis(b, dir, m.typing)
			}
			b.ReportMetric(ms, "first-query-ms")
		})
	}
}

func benchSearchIndex(b *testing.B, root, dir string) {
	for _, mode := range []struct {
		name string
		o    build.SearchOptions
	}{{"whole", build.SearchOptions{Whole: true}}, {"shards", build.SearchOptions{}}} {
		// A sub-benchmark per mode: b.Loop runs one loop per benchmark.
		b.Run(mode.name, func(b *testing.B) {
			var st build.SearchStats
			for b.Loop() {
				var err error
				if st, err = build.SearchIndex(context.Background(), root, dir, mode.o, func(string) {}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Took.Milliseconds()), "index-ms")
			b.ReportMetric(float64(st.PeakRSS>>20), "peak-MB")
		})
	}
	// Leave the site as the build makes it.
	if _, err := build.SearchIndex(context.Background(), root, dir, build.SearchOptions{}, func(string) {}); err != nil {
		b.Fatal(err)
	}
}

// firstQueryMillis is the median time from submitting a query on a freshly
// loaded search page to its results, over queries in the three languages.
func firstQueryMillis(b *testing.B, dir string, typing time.Duration) float64 {
	srv := httptest.NewServer(serve.Site(dir))
	defer srv.Close()
	var ms []float64
	var each []string
	for _, c := range []struct{ lang, q string }{
		{"ru", "сколько стоит лицензия СТС"}, {"ru", "ввоз шифровальных средств"},
		{"kk", "кулик"}, {"kk", "АКҚҚ сатуға рұқсат"},
		{"en", "how long does a cryptography licence take"}, {"en", "order 46/ke"},
	} {
		ctx, cancel := chromedp.NewContext(browser(b))
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+c.lang+"/search/")); err != nil {
			cancel()
			b.Fatal(err)
		}
		if typing > 0 {
			// The query typed: its input event, then the time a person
			// takes before Enter.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const i = document.getElementById("search-q"); i.value = %s; i.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, jsString(c.q)))); err != nil {
				cancel()
				b.Fatal(err)
			}
			time.Sleep(typing)
		}
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(async () => {
			const form = document.getElementById("search-form");
			const status = document.getElementById("search-status");
			const loading = JSON.parse(form.dataset.msgs).loading;
			document.getElementById("search-q").value = %s;
			const t0 = performance.now();
			form.requestSubmit();
			for (;;) {
				const s = status.textContent.trim();
				if (s && s !== loading) return performance.now() - t0;
				await new Promise(r => setTimeout(r, 2));
			}
		})()`, jsString(c.q)), chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		ms = append(ms, v)
		each = append(each, fmt.Sprintf("%s %q %.0f", c.lang, c.q, v))
	}
	slices.Sort(ms)
	b.Logf("first-query latencies (ms): %s", strings.Join(each, "; "))
	return (ms[len(ms)/2-1] + ms[len(ms)/2]) / 2
}
