package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"
)

// TestRecipes runs testdata/recipes/*.txtar: each is an edit legal staff
// make when the law changes, done on a copy of the real repository exactly
// as rules/README.md tells them (edit, lint, gen, check, build), followed
// by the tests that read the real data, pointed at the copy. A recipe
// fails when a correct edit of the law would turn CI red, which is what
// these scripts exist to prevent: tests must not depend on today's data.
//
// $DATA is the copy (and RUQSAT_ROOT), $REPO the repository. The copy
// shares the repository's compiled Hugo and npm tools through links.
func TestRecipes(t *testing.T) {
	if testing.Short() {
		t.Skip("recipes build the site: not in -short")
	}
	root := repoRoot(t)
	statusDir := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir:                "testdata/recipes",
		RequireUniqueNames: true,
		Setup: func(e *testscript.Env) error {
			data := filepath.Join(e.WorkDir, "data")
			if err := copyRepo(root, data); err != nil {
				return err
			}
			e.Setenv("REPO", root)
			e.Setenv("DATA", data)
			e.Setenv("RUQSAT_ROOT", data)
			e.Setenv("NO_COLOR", "1")
			e.Setenv("RUQSAT_LANG", "en")
			// Changes entries are dated today: the log must stay newest
			// first whatever the real log's latest date is.
			e.Setenv("TODAY", time.Now().In(time.FixedZone("Asia/Almaty", 5*3600)).Format("2006-01-02"))
			e.Setenv("RUQSAT_TEST_STATUS", filepath.Join(statusDir, filepath.Base(e.WorkDir)))
			// The build compiles the WebAssembly checker with go: it needs
			// the Go caches testscript's empty HOME would hide.
			for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN"} {
				if v := goEnv(k); v != "" {
					e.Setenv(k, v)
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":  cmdStatus,
			"replace": cmdReplace,
			"rename":  cmdRename,
			"append":  cmdAppend,
			"gotest":  cmdGoTest,
			"setyaml": cmdSetYAML,
		},
	})
}

// copyRepo copies what a build reads (tracked sources, rules, generated
// files) into dst, leaving out .git, outputs and caches; bin/ and the npm
// tools are linked, not copied.
func copyRepo(src, dst string) error {
	skip := map[string]bool{".git": true, "public": true, "resources": true, "bin": true, "node_modules": true}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if skip[d.Name()] && rel != "." {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		return err
	}
	for _, l := range []string{"bin", filepath.Join("tools", "node_modules")} {
		if _, err := os.Stat(filepath.Join(src, l)); err == nil {
			if err := os.Symlink(filepath.Join(src, l), filepath.Join(dst, l)); err != nil {
				return err
			}
		}
	}
	return nil
}

func goEnv(k string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	out, err := exec.Command("go", "env", k).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// cmdReplace edits a file as a person would in an editor: replace FILE OLD
// NEW replaces the first occurrence of OLD (Go string escapes such as \n
// allowed in both, and $VARS of the script) and fails when OLD is missing, so a recipe never
// silently edits nothing. Anchors are kept to the files' structure (a key
// and the start of a list), so that later edits of the law do not move
// them.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	unq := func(s string) string {
		u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
		if err != nil {
			ts.Fatalf("replace: %v", err)
		}
		// testscript leaves $VAR in quotes alone; recipes use $TODAY.
		return os.Expand(u, ts.Getenv)
	}
	p := ts.MkAbs(args[0])
	b, err := os.ReadFile(p)
	ts.Check(err)
	old, new := unq(args[1]), unq(args[2])
	if !bytes.Contains(b, []byte(old)) {
		ts.Fatalf("replace: %q is not in %s", old, args[0])
	}
	ts.Check(os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644))
}

// cmdRename renames an id as a search-and-replace over files would:
// rename OLD NEW FILE... replaces every occurrence of OLD as a whole id
// (not inside a longer one) in each FILE, and fails when a FILE has none.
func cmdRename(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 {
		ts.Fatalf("usage: rename OLD NEW FILE...")
	}
	id := regexp.MustCompile(`(^|[^a-z0-9-])` + regexp.QuoteMeta(args[0]) + `($|[^a-z0-9-])`)
	for _, f := range args[2:] {
		p := ts.MkAbs(f)
		b, err := os.ReadFile(p)
		ts.Check(err)
		if !id.Match(b) {
			ts.Fatalf("rename: %s is not in %s", args[0], f)
		}
		out := id.ReplaceAll(b, []byte("${1}"+args[1]+"${2}"))
		ts.Check(os.WriteFile(p, out, 0o644))
	}
}

// cmdAppend adds the text of SRC (a file of the script) to the end of DST.
func cmdAppend(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: append DST SRC")
	}
	add, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_APPEND|os.O_WRONLY, 0)
	ts.Check(err)
	_, err = f.Write(add)
	ts.Check(err)
	ts.Check(f.Close())
}

// cmdGoTest runs go test on packages of the repository with RUQSAT_ROOT
// pointing at the edited copy: the tests of the real data (pinned facts,
// drift of generated files, the examples' verdicts, lint of the data) must
// pass on a correctly edited law as they do on today's.
func cmdGoTest(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: gotest PKG...")
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, args...)...)
	cmd.Dir = ts.Getenv("REPO")
	cmd.Env = append(os.Environ(), "RUQSAT_ROOT="+ts.Getenv("DATA"))
	out, err := cmd.CombinedOutput()
	ts.Logf("%s", out)
	if (err != nil) != neg {
		ts.Fatalf("go test %s: %v", strings.Join(args, " "), err)
	}
}

// cmdSetYAML sets a scalar in a YAML file: setyaml FILE a.b VALUE (a
// number selects a list item). It edits
// packages made from the generated examples, so a recipe does not depend on
// today's document list or fee.
func cmdSetYAML(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: setyaml FILE KEY.PATH VALUE")
	}
	p := ts.MkAbs(args[0])
	b, err := os.ReadFile(p)
	ts.Check(err)
	var doc yaml.Node
	ts.Check(yaml.Unmarshal(b, &doc))
	n := &doc
	if n.Kind == yaml.DocumentNode {
		n = n.Content[0]
	}
	for _, k := range strings.Split(args[1], ".") {
		var next *yaml.Node
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		if i, err := strconv.Atoi(k); err == nil && n.Kind == yaml.SequenceNode && i < len(n.Content) {
			next = n.Content[i] // a list item by its index: follows.0.edition
		}
		if next == nil {
			ts.Fatalf("setyaml: %s has no %s", args[0], args[1])
		}
		n = next
	}
	if n.Kind != yaml.ScalarNode {
		ts.Fatalf("setyaml: %s in %s is not a single value", args[1], args[0])
	}
	// The value keeps its quoting, as an editor would: a quoted "2023"
	// stays text, a bare 86500 a number.
	n.Value = args[2]
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	ts.Check(enc.Encode(&doc))
	ts.Check(os.WriteFile(p, out.Bytes(), 0o644))
}
