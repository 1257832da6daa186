package sitetest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid runs the Nu HTML Checker (vnu) over every HTML page of the
// site and fails with each error it reports.
func TestHTMLValid(t *testing.T) {
	dir := site(t)
	jar := filepath.Join(repoRoot(t), "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatalf("%v (run `bash scripts/setup` to install the npm tools)", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("java is not installed; vnu needs Java 17 or newer")
	}
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--format", "gnu", "--skip-non-html", dir)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	var errs []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if line == "" {
			continue
		}
		// "file:/tmp/…/public/ru/index.html":1.2-1.3: error: … → ru/index.html:…
		line = strings.Replace(line, `"file:`+dir+`/`, `"`, 1)
		errs = append(errs, line)
	}
	for _, e := range errs {
		t.Error(e)
	}
	if err != nil && len(errs) == 0 {
		t.Fatalf("vnu: %v", err)
	}
}
