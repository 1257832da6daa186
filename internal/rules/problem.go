package rules

import (
	"fmt"
	"sort"
)

// Problem is something wrong in a rule file, found while loading (syntax,
// schema) or by lint (references, parity, hygiene). Code names the check,
// e.g. "schema/unknown-key"; Args fill the check's message templates.
type Problem struct {
	File string
	Pos  Pos
	Code string
	Args []string
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
