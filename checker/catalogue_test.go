package checker

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"ruqsat/checker/pkgread"
)

// The package's tests, the examples and fixtures among them, run strict: a
// finding built without one of its message's arguments panics rather than
// showing the applicant "{name}".
func init() { strict = true }

// sources are the files that build findings.
func sources(t *testing.T) []string {
	srcs, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	srcs = slices.DeleteFunc(srcs, func(s string) bool { return strings.HasSuffix(s, "_test.go") })
	return append(srcs, "../cmd/ruqsat-wasm/main.go")
}

// placeholders are the {names} of a template, sorted, each once.
func placeholders(tmpl string) []string {
	var names []string
	fill(tmpl, func(name string) (string, bool) {
		names = append(names, name)
		return "", true
	})
	slices.Sort(names)
	return slices.Compact(names)
}

// TestCatalogue: every finding has a severity and its message in ru, kk and
// en, with the same arguments in all three.
func TestCatalogue(t *testing.T) {
	for code, e := range catalogue {
		if e.sev != Error && e.sev != Warning && e.sev != Info {
			t.Errorf("%s: severity %q", code, e.sev)
		}
		for i, l := range Langs {
			if strings.TrimSpace(e.text[i]) == "" {
				t.Errorf("%s: no %s message", code, l)
			}
			if strings.Count(e.text[i], "{") != strings.Count(e.text[i], "}") {
				t.Errorf("%s: unbalanced braces in %s: %s", code, l, e.text[i])
			}
			if got, want := placeholders(e.text[i]), placeholders(e.text[0]); !slices.Equal(got, want) {
				t.Errorf("%s: %s has arguments %v, ru has %v", code, l, got, want)
			}
		}
	}
}

// packageCodes are the findings packageFinding names after pkgread's kinds
// of error.
var packageCodes = []pkgread.ErrorKind{
	pkgread.ErrNoManifest, pkgread.ErrManyManifests, pkgread.ErrUnsafePath,
	pkgread.ErrDuplicate, pkgread.ErrSymlinkOutside, pkgread.ErrTooManyFiles,
	pkgread.ErrFileTooLarge, pkgread.ErrTooLarge, pkgread.ErrZipBomb,
	pkgread.ErrEncrypted, pkgread.ErrNotAPackage, pkgread.ErrEmpty,
	pkgread.ErrUnreadable, pkgread.ErrBadZip,
}

// TestCatalogueComplete: every code the source names is in the catalogue,
// and every code in the catalogue is named somewhere (or is one of
// pkgread's kinds of error).
func TestCatalogueComplete(t *testing.T) {
	prefixes := map[string]bool{}
	for code := range catalogue {
		prefixes[code[:strings.IndexByte(code, '/')]] = true
	}
	used := map[string]bool{}
	for _, k := range packageCodes {
		code := "package/" + string(k)
		if _, ok := catalogue[code]; !ok {
			t.Errorf("pkgread's %q has no finding %s", k, code)
		}
		used[code] = true
	}
	for _, src := range sources(t) {
		f := parse(t, src)
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || len(s) < 4 || len(s) > 40 || strings.Count(s, "/") != 1 || strings.ContainsAny(s, " .%*{}<>:=,()") {
				return true
			}
			if !prefixes[s[:strings.IndexByte(s, '/')]] || strings.HasSuffix(s, "/") {
				return true
			}
			if _, ok := catalogue[s]; !ok {
				t.Errorf("%s names %q, which is not in the catalogue", src, s)
			}
			used[s] = true
			return true
		})
	}
	for code := range catalogue {
		if !used[code] {
			t.Errorf("%s is in the catalogue but nothing reports it", code)
		}
	}
}

func parse(t *testing.T, src string) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestFindingArguments reads every call of newFinding in the source and
// checks that it gives exactly the arguments its message's placeholders
// name. A code or an argument held in a variable is followed to the
// literals assigned to it in the same function; calls it cannot follow
// (a code from data, arguments in a slice) are left to the strict run of
// the other tests.
func TestFindingArguments(t *testing.T) {
	checked := 0
	for _, src := range sources(t) {
		f := parse(t, src)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			vars := assigned(fn.Body)
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || callee(call) != "newFinding" || len(call.Args) == 0 {
					return true
				}
				codes := literals(call.Args[0], vars)
				names, ok := argNames(call, vars)
				if len(codes) == 0 || !ok {
					return true
				}
				for _, code := range codes {
					e, in := catalogue[code]
					if !in {
						t.Errorf("%s: newFinding(%q): not in the catalogue", src, code)
						continue
					}
					if want := placeholders(e.text[0]); !slices.Equal(names, want) {
						t.Errorf("%s: newFinding(%q) gives %v; its message takes %v", src, code, names, want)
					}
					checked++
				}
				return true
			})
		}
	}
	t.Logf("checked %d calls", checked)
	if checked < 60 {
		t.Errorf("checked only %d calls of newFinding; has the constructor been renamed?", checked)
	}
}

func callee(call *ast.CallExpr) string {
	if id, ok := call.Fun.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// assigned maps each variable of a function to the expressions assigned to
// it there.
func assigned(body *ast.BlockStmt) map[string][]ast.Expr {
	vars := map[string][]ast.Expr{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					vars[id.Name] = append(vars[id.Name], as.Rhs[i])
				}
			}
		}
		return true
	})
	return vars
}

// literals are the string values an expression can have: a literal, or a
// variable assigned only literals.
func literals(e ast.Expr, vars map[string][]ast.Expr) []string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); err == nil {
			return []string{s}
		}
	case *ast.Ident:
		var out []string
		for _, v := range vars[e.Name] {
			lit, ok := v.(*ast.BasicLit)
			if !ok {
				return nil
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	return nil
}

// argNames are the names of the arguments of a call of newFinding, sorted,
// each once; false when one cannot be told from the source.
func argNames(call *ast.CallExpr, vars map[string][]ast.Expr) ([]string, bool) {
	if call.Ellipsis.IsValid() {
		return nil, false
	}
	var names []string
	for _, a := range call.Args[1:] {
		if id, ok := a.(*ast.Ident); ok && len(vars[id.Name]) == 1 {
			a = vars[id.Name][0]
		}
		c, ok := a.(*ast.CallExpr)
		if !ok || (callee(c) != "arg" && callee(c) != "argL") || len(c.Args) != 2 {
			return nil, false
		}
		name := literals(c.Args[0], nil)
		if len(name) != 1 {
			return nil, false
		}
		names = append(names, name[0])
	}
	slices.Sort(names)
	return slices.Compact(names), true
}

// TestMissingArgument: a finding built without an argument its message
// takes fails the tests.
func TestMissingArgument(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("newFinding without {today} did not panic")
		}
	}()
	newFinding("date/future", arg("field", "/filed"), arg("date", "2030-01-01"))
}

// TestNewFinding: the constructor takes the severity from the catalogue and
// fills each language, per-language arguments in their language.
func TestNewFinding(t *testing.T) {
	f := newFinding("document/not-required", argL("name", map[string]string{"ru": "Квитанция", "kk": "Түбіртек", "en": "Receipt"}))
	if f.Code != "document/not-required" || f.Severity != Warning {
		t.Errorf("got %s %s", f.Code, f.Severity)
	}
	want := map[string]string{
		"ru": "Документ «Квитанция» для ваших ответов не требуется",
		"kk": "Сіздің жауаптарыңыз бойынша «Түбіртек» құжаты қажет емес",
		"en": "\"Receipt\" is not required for your answers",
	}
	for _, l := range Langs {
		if f.Message[l] != want[l] {
			t.Errorf("%s: %q, want %q", l, f.Message[l], want[l])
		}
	}
	// An argument's value is never read for placeholders.
	f = newFinding("service/unknown", arg("got", "{list}"), arg("list", "a, b"))
	if got := f.Message["en"]; got != `Unknown service "{list}". Services: a, b` {
		t.Errorf("got %q", got)
	}
}

// TestPageFault: the web page's report of its own fault comes from the
// catalogue and keeps the fault's own words in its detail.
func TestPageFault(t *testing.T) {
	rep := PageFault("p.zip", "init was not called")
	if rep.Verdict != CannotCheck || len(rep.Findings) != 1 || rep.Findings[0].Code != "checker/page-fault" || rep.Findings[0].Severity != Error {
		t.Fatalf("got %+v", rep)
	}
	if m := rep.Findings[0].Message["en"]; m != "The check did not run because of a fault in the program, not in your package; reload the page." {
		t.Errorf("message %q", m)
	}
	// The program's own words are for the developers: kept in the detail,
	// not shown to the applicant as the message.
	if d := rep.Findings[0].Detail; d != "init was not called" {
		t.Errorf("detail %q", d)
	}
}
