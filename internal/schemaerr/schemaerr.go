// Package schemaerr picks, from a JSON Schema validation error tree, the
// failures worth telling a person about. Lint (rule files) and the checker
// (package manifests) both word their own messages from these.
package schemaerr

import (
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// Leaves flattens a validation error to its failures. For a oneOf or anyOf
// that nothing matched it keeps only the branch that got furthest — the
// one whose failures lie deepest in the document, a type mismatch at the
// branch's own place counting as not fitting at all, fewer failures
// breaking ties — so that a typo deep inside a long list is reported as
// that typo, not as "matches no alternative".
func Leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch e.ErrorKind.(type) {
	case *kind.OneOf, *kind.AnyOf:
		if len(e.Causes) == 0 {
			return []*jsonschema.ValidationError{e}
		}
		var best []*jsonschema.ValidationError
		bestScore := -1 << 30
		for _, c := range e.Causes {
			ls := Leaves(c)
			deepest := 0
			for _, l := range ls {
				d := len(l.InstanceLocation) - len(e.InstanceLocation)
				if _, isType := l.ErrorKind.(*kind.Type); isType && d == 0 {
					d = -1
				}
				if d > deepest {
					deepest = d
				}
			}
			if s := deepest*1000 - len(ls); s > bestScore {
				best, bestScore = ls, s
			}
		}
		return best
	}
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, Leaves(c)...)
	}
	return out
}
