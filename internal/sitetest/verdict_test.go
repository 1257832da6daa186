package sitetest

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// zipFolder packs an example folder into a .zip under dir, as an
// applicant would before choosing it in the drop zone.
func zipFolder(t *testing.T, dir, folder string) string {
	t.Helper()
	out := filepath.Join(dir, filepath.Base(folder)+".zip")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	err = filepath.WalkDir(folder, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(folder, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		zw, err := w.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = zw.Write(b)
		return err
	})
	if err == nil {
		err = w.Close()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// firstExample is the first example folder whose name has the prefix and
// the verdict part.
func firstExample(t *testing.T, prefix, verdict string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(repoRoot(t), "examples", prefix+"*-"+verdict+"-*"))
	for _, p := range m {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
	}
	t.Fatalf("no example %s*-%s-*", prefix, verdict)
	return ""
}

// TestCheckerVerdictPage drops packages on a service's check page: one for
// another service is refused (cannot check) with a message saying so; one
// checked without error but not in full gets the incomplete verdict, in a
// colour that is not ready's green, with what was not checked and what no
// check can see listed after the findings.
func TestCheckerVerdictPage(t *testing.T) {
	tmp := t.TempDir()
	partial := firstExample(t, "cipf-license-", "incomplete")
	other := zipFolder(t, tmp, partial)
	tb := newTab(t)
	openChecker(tb, "/en/services/"+checkedService+"/check/")
	waitFor(tb, `document.getElementById("checker").dataset.warm === "1"`, 30*time.Second)
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{other}))
	waitFor(tb, `document.getElementById("checker").dataset.verdict === "cannot-check"`, 20*time.Second)
	msg := eval[string](tb, `(document.querySelector('#checker-results [data-code="service/other-page"]') || {}).textContent || ""`)
	if !strings.Contains(msg, "this page checks packages for") {
		t.Errorf("a package of another service: the refusal says %q", msg)
	}

	tb = newTab(t)
	openChecker(tb, "/en/services/cipf-license/check/")
	waitFor(tb, `document.getElementById("checker").dataset.warm === "1"`, 30*time.Second)
	tb.do(chromedp.SetUploadFiles(chromedp.CSS("#pkg-zip"), []string{other}))
	waitFor(tb, `document.getElementById("checker").dataset.verdict === "incomplete"`, 20*time.Second)
	if s := eval[string](tb, `document.getElementById("checker-status").textContent`); !strings.HasPrefix(s, "No errors found, but not everything could be checked") {
		t.Errorf("status %q", s)
	}
	colour := eval[string](tb, `getComputedStyle(document.getElementById("checker-status")).color`)
	green := eval[string](tb, `(function(){ const p = document.createElement("p"); p.className = "verdict verdict-pass"; document.body.appendChild(p); const c = getComputedStyle(p).color; p.remove(); return c; })()`)
	if colour == green {
		t.Errorf("the incomplete verdict is in ready's colour %s", colour)
	}
	if n := eval[int](tb, `document.querySelectorAll('#checker-results .not-checked li[data-code="checklist/partial"]').length`); n != 1 {
		t.Errorf("what was not checked lists the partial list %d times", n)
	}
	if n := eval[int](tb, `document.querySelectorAll("#checker-results .cannot-see li").length`); n < 4 {
		t.Errorf("what the check cannot see lists %d points", n)
	}
	if last := eval[string](tb, `document.querySelector("#checker-results > section:last-child").className`); !strings.Contains(last, "cannot-see") {
		t.Errorf("the results end with %q, not what the check cannot see", last)
	}
	shot(tb, "en-checker-incomplete")
	if v := runAxe(tb); len(v) > 0 {
		t.Errorf("axe on the incomplete verdict: %+v", v)
	}
}

// TestCheckerDefaultEdition checks that a service's check page defaults to
// the edition in force on the page's date even when its list is not in the
// sources (the crypto import/export page defaulted to the repealed 2019
// edition), and says that it cannot be checked.
func TestCheckerDefaultEdition(t *testing.T) {
	const service = "crypto-import-export"
	want := libraryChecker(t).EditionOn(service, today)
	if want == "" {
		t.Fatalf("no edition of %s in force on %s", service, today)
	}
	tb := newTab(t)
	openChecker(tb, "/en/services/"+service+"/check/")
	if got := eval[string](tb, `document.getElementById("chk-edition").value`); got != want {
		t.Errorf("the page defaults to the %s edition, want %s (in force on %s)", got, want, today)
	}
	note := eval[string](tb, `document.getElementById("chk-edition-note").textContent`)
	if !strings.Contains(note, "in force now") {
		t.Errorf("edition note %q does not say it is in force", note)
	}
	for _, s := range libraryChecker(t).Services() {
		if s.ID != service {
			continue
		}
		for _, e := range s.Editions {
			if e.Edition != want {
				continue
			}
			listed := false
			for _, k := range e.Kinds {
				listed = listed || k.Checklist != ""
			}
			if !listed && !strings.Contains(note, "not in the sources") {
				t.Errorf("edition note %q does not say the list is not in the sources", note)
			}
		}
	}
}
