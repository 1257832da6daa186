package rules

import (
	"fmt"
	"sort"
)

// Problem is something wrong in a rule file, found while loading (syntax,
// schema) or by lint (references, parity, hygiene). Code names the check,
// e.g. "schema/unknown-key"; Args fill the check's message templates.
type Problem struct {
	File     string
	Pos      Pos
	Code     string
	Args     []string
	Severity Severity // the zero value is Error
}

// Severity says whether a problem stops the rule data from being used (an
// error) or only asks a person to look again (a warning). Problems are
// errors unless a check says otherwise, so every existing check keeps
// failing lint and the build.
type Severity uint8

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Errors returns the problems that are errors, in order.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%s: %s %q", p.File, p.Pos, p.Code, p.Args)
}

// SortProblems orders problems by file, line, column, then code, so output
// is stable from run to run.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return fmt.Sprint(a.Args) < fmt.Sprint(b.Args)
	})
}
