package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/big"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"ruqsat/internal/schemaerr"
	"ruqsat/schemas"
)

// fileSchemas are the schemas a rule file can be checked against.
var fileSchemas = []string{"edition", "act", "service", "vocab", "mci", "goods", "glossary", "changes"}

var (
	compileOnce sync.Once
	compiled    map[string]*jsonschema.Schema
	compileErr  error
)

// ruleSchemas compiles the embedded rule-data schemas once.
func ruleSchemas() (map[string]*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		entries, err := fs.ReadDir(schemas.Rules, "rules")
		if err != nil {
			compileErr = err
			return
		}
		for _, e := range entries {
			b, err := fs.ReadFile(schemas.Rules, "rules/"+e.Name())
			if err != nil {
				compileErr = err
				return
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				compileErr = fmt.Errorf("schemas/rules/%s: %w", e.Name(), err)
				return
			}
			if err := c.AddResource(schemas.BaseURL+"rules/"+e.Name(), doc); err != nil {
				compileErr = err
				return
			}
		}
		compiled = map[string]*jsonschema.Schema{}
		for _, name := range fileSchemas {
			s, err := c.Compile(schemas.BaseURL + "rules/" + name + ".schema.json")
			if err != nil {
				compileErr = err
				return
			}
			compiled[name] = s
		}
	})
	return compiled, compileErr
}

// validate checks a parsed rule file against its schema and returns one
// problem per distinct failure, positioned at the YAML node it concerns.
func validate(file, schema string, root *yaml.Node, value any) ([]Problem, error) {
	ss, err := ruleSchemas()
	if err != nil {
		return nil, err
	}
	err = ss[schema].Validate(value)
	if err == nil {
		return nil, nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return nil, err
	}
	var out []Problem
	seen := map[string]bool{}
	for _, leaf := range schemaerr.Leaves(ve) {
		p := problemOf(file, root, leaf)
		k := p.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// problemOf turns one validation failure into a positioned problem.
func problemOf(file string, root *yaml.Node, e *jsonschema.ValidationError) Problem {
	loc := e.InstanceLocation
	where := "/" + strings.Join(loc, "/")
	node := nodeAt(root, loc, false)
	p := Problem{File: file, Pos: Pos{node.Line, node.Column}}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		p.Code, p.Args = "schema/missing-key", []string{strings.Join(k.Missing, ", "), where}
	case *kind.DependentRequired:
		p.Code, p.Args = "schema/missing-key", []string{strings.Join(k.Missing, ", "), where}
	case *kind.AdditionalProperties:
		sort.Strings(k.Properties)
		kn := nodeAt(root, append(append([]string{}, loc...), k.Properties[0]), true)
		p.Pos = Pos{kn.Line, kn.Column}
		p.Code, p.Args = "schema/unknown-key", []string{strings.Join(k.Properties, ", "), where}
	case *kind.Type:
		p.Code, p.Args = "schema/type", []string{where, strings.Join(k.Want, " or "), k.Got}
	case *kind.Enum:
		p.Code, p.Args = "schema/enum", []string{where, fmt.Sprint(k.Got), joinAny(k.Want)}
	case *kind.Const:
		p.Code, p.Args = "schema/enum", []string{where, fmt.Sprint(k.Got), fmt.Sprint(k.Want)}
	case *kind.Pattern:
		p.Code, p.Args = "schema/pattern", []string{where, k.Got, hintFor(e.SchemaURL)}
	case *kind.MinItems:
		p.Code, p.Args = "schema/too-few", []string{where, fmt.Sprint(k.Want)}
	case *kind.MaxItems:
		p.Code, p.Args = "schema/too-many", []string{where, fmt.Sprint(k.Want)}
	case *kind.MinProperties:
		p.Code, p.Args = "schema/too-few", []string{where, fmt.Sprint(k.Want)}
	case *kind.MinLength:
		p.Code, p.Args = "schema/empty", []string{where}
	case *kind.Minimum:
		p.Code, p.Args = "schema/range", []string{where, ratString(k.Got), ">= " + ratString(k.Want)}
	case *kind.ExclusiveMinimum:
		p.Code, p.Args = "schema/range", []string{where, ratString(k.Got), "> " + ratString(k.Want)}
	case *kind.Maximum:
		p.Code, p.Args = "schema/range", []string{where, ratString(k.Got), "<= " + ratString(k.Want)}
	case *kind.UniqueItems:
		p.Code, p.Args = "schema/duplicate", []string{where, fmt.Sprint(k.Duplicates[0]), fmt.Sprint(k.Duplicates[1])}
	case *kind.Not:
		p.Code, p.Args = "schema/not-allowed", []string{where}
	case *kind.OneOf:
		if len(k.Subschemas) > 1 {
			p.Code, p.Args = "schema/ambiguous", []string{where}
		} else {
			p.Code, p.Args = "schema/shape", []string{where}
		}
	case *kind.FalseSchema:
		p.Code, p.Args = "schema/not-allowed", []string{where}
	default:
		p.Code, p.Args = "schema/invalid", []string{where, e.Error()}
	}
	return p
}

// hintFor explains a pattern by the shared definition it comes from.
func hintFor(schemaURL string) string {
	for _, h := range []struct{ def, hint string }{
		{"$defs/id", "id"},
		{"$defs/date", "date"},
		{"$defs/edition", "edition"},
		{"$defs/at", "at"},
	} {
		if strings.Contains(schemaURL, h.def+"/") || strings.HasSuffix(schemaURL, h.def+"/pattern") {
			return h.hint
		}
	}
	return ""
}

func joinAny(vs []any) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}

func ratString(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(2)
}
