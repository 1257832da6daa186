package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"ruqsat/internal/schemaerr"
	"ruqsat/schemas"
)

// fileSchemas are the schemas a rule file can be checked against.
var fileSchemas = []string{"edition", "act", "service", "vocab", "mci", "goods", "glossary", "changes", "calendar", "portals"}

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
		c.RegisterFormat(&jsonschema.Format{Name: "date", Validate: validDate})
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
	for _, leaf := range schemaerr.Leaves(mergeTypeChoices(ve)) {
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
		p.Code, p.Args = typeCode(k.Want), []string{where, strings.Join(k.Want, "|"), k.Got, typeExample(loc, k.Want)}
	case *kind.Enum:
		p.Code, p.Args = "schema/enum", []string{where, fmt.Sprint(k.Got), joinAny(k.Want)}
	case *kind.Const:
		p.Code, p.Args = "schema/enum", []string{where, fmt.Sprint(k.Got), fmt.Sprint(k.Want)}
	case *kind.Format:
		if k.Want == "date" {
			p.Code, p.Args = "date/invalid", []string{fmt.Sprint(k.Got)}
		} else {
			p.Code, p.Args = "schema/invalid", []string{where, e.Error()}
		}
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

var dateShape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// validDate is the "date" format of the rule schemas, for every date the
// rule data holds: a day that exists (no 2026-02-30, no month 13) in the
// years the data can be about, so that a slip such as 0202 for 2022 or
// 0000 fails too. A value not shaped like a date is left to the pattern,
// whose message explains the shape; one mistake, one message.
func validDate(v any) error {
	s, ok := v.(string)
	if !ok || !dateShape.MatchString(s) {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return err
	}
	if y := t.Year(); y < 1900 || y > 2100 {
		return fmt.Errorf("year %d is outside 1900–2100", y)
	}
	return nil
}

// hintFor explains a pattern by the shared definition it comes from.
func hintFor(schemaURL string) string {
	for _, h := range []struct{ def, hint string }{
		{"$defs/id", "id"},
		{"$defs/date", "date"},
		{"$defs/edition", "edition"},
		{"$defs/at", "at"},
	} {
		if strings.HasSuffix(schemaURL, h.def) || strings.HasSuffix(schemaURL, h.def+"/pattern") {
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

// mergeTypeChoices rewrites every oneOf or anyOf whose branches all failed
// only because the value has another type (a text where a number, a list or
// a gap may stand) into one type failure that names every type allowed, so
// the message lists them all instead of the first branch's.
func mergeTypeChoices(e *jsonschema.ValidationError) *jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return e
	}
	out := *e
	out.Causes = make([]*jsonschema.ValidationError, len(e.Causes))
	for i, c := range e.Causes {
		out.Causes[i] = mergeTypeChoices(c) // inner choices first: lines is a choice within a choice
	}
	switch e.ErrorKind.(type) {
	case *kind.OneOf, *kind.AnyOf:
	default:
		return &out
	}
	var want []string
	got := ""
	for _, c := range out.Causes {
		ls := schemaerr.Leaves(c)
		if len(ls) != 1 || !sameLocation(ls[0].InstanceLocation, e.InstanceLocation) {
			return &out
		}
		t, ok := ls[0].ErrorKind.(*kind.Type)
		if !ok {
			return &out
		}
		got = t.Got
		for _, w := range t.Want {
			if !contains(want, w) {
				want = append(want, w)
			}
		}
	}
	return &jsonschema.ValidationError{
		SchemaURL:        e.SchemaURL,
		InstanceLocation: e.InstanceLocation,
		ErrorKind:        &kind.Type{Got: got, Want: want},
	}
}

func sameLocation(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// typeCode picks the message for a value of the wrong type by what was
// expected: each kind of value has its own advice (digits without quotes,
// quotes around a text with a colon, a list in brackets…).
func typeCode(want []string) string {
	if len(want) == 2 && contains(want, "integer") && contains(want, "number") {
		want = []string{"number"}
	}
	if len(want) != 1 {
		return "schema/type"
	}
	switch want[0] {
	case "integer", "number":
		return "schema/type-number"
	case "string":
		return "schema/type-text"
	case "array":
		return "schema/type-list"
	case "object":
		return "schema/type-map"
	case "boolean":
		return "schema/type-bool"
	}
	return "schema/type"
}

// keyExamples are values of the usual keys, by the JSON type they stand
// for, written as a person would write them in a rule file.
var keyExamples = map[string]map[string]string{
	"integer": {
		"days": "15", "minutes": "30", "kzt": "3932", "lines": "229", "n": "1", "order": "1",
		"copies": "2", "pass_percent": "70", "min": "3",
	},
	"number": {"mci": "10"},
	"string": {
		"ru": `"Срок: 15 рабочих дней"`, "kk": `"Мерзімі: 15 жұмыс күні"`, "en": `"Term: 15 working days"`,
		"text": `"Срок: 15 рабочих дней"`, "quote": `"Срок: 15 рабочих дней"`,
		"id": "fee-receipt", "act": "knb-2023-1", "see": "knb-2015-30", "at": "app1/p8/sp1",
		"part": "app1", "service": "sts-license", "edition": `"2023"`, "date": "2023-01-05",
		"not_before": "2023-01-16", "file": "000_b875e849257652bf.txt", "files": "rules/vocab.yaml",
		"unit": "working", "actor": "executor", "medium": "scan", "status": "in-force",
		"by": `"Legal department"`, "open": `"09:00"`, "close": `"18:30"`, "break": `"13:00"`, "number": `"+7 7172 76-29-00"`,
	},
	"array": {
		"asks": "[applicant, payment]", "value": "[legal-entity, individual-entrepreneur]",
		"files": "[rules/vocab.yaml]", "amends": "[knb-2015-30]", "languages": "[ru, kk]",
		"break": `["13:00", "14:00"]`, "lines": "[229, 235]",
	},
	"object": {
		"cite":  "{act: knb-2023-1, at: app1/p8, lines: [229, 235]}",
		"lines": "{ru: [97, 113], kk: [143, 161]}",
		"term":  "{days: 15, unit: working, from: receipt}", "window": "{days: 30, unit: calendar}",
		"fee":      "{mci: 10, cite: {act: knb-2023-1, at: app1/p8}}",
		"reviewed": "{date: 2026-11-29, by: …}", "verified": "{date: 2026-11-29, by: …, how: …}",
		"number": `{native: "46/қе", latin: "46/ke"}`,
		"name":   "{ru: …, kk: …, en: …}", "title": "{ru: …, kk: …, en: …}", "short": "{ru: …, kk: …, en: …}",
		"issuer": "{ru: …, kk: …, en: …}", "note": "{ru: …, kk: …, en: …}", "summary": "{ru: …, kk: …, en: …}",
		"rule": "{ru: …, kk: …, en: …}", "law": "{ru: …, kk: …, en: …}", "reason": "{ru: …, kk: …, en: …}",
		"address": "{ru: …, kk: …, en: …}", "doubtful": "{ru: …, kk: …, en: …}",
	},
	"boolean": {"due": "false"},
}

// gapKeys are the facts an edition may replace by a gap: their example of
// keys with values is the gap.
var gapKeys = []string{
	"legal_basis", "applicants", "channels", "service_form", "result", "result_form", "subspecies",
	"kinds", "steps", "documents", "payment", "renewal", "triggers", "refusal_grounds", "appeals",
	"qualification", "test", "experience_years", "contacts", "forms", "registration", "repealed_by",
	"in_force", "effective", "provider",
}

// typeExample shows how the value at loc is written when it has one of the
// types in want, e.g. "days: 15" or, for a list item, "- rules/vocab.yaml".
func typeExample(loc []string, want []string) string {
	key, item := "", false
	for i := len(loc) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(loc[i]); err != nil {
			key = loc[i]
			break
		}
		item = true
	}
	value := ""
	for _, w := range want {
		if ex, ok := keyExamples[w][key]; ok && !item {
			value = ex
			break
		}
		if w == "object" && contains(gapKeys, key) && !item {
			value = "{unknown: not-stated}"
			break
		}
	}
	if value == "" && item {
		// A list item: its example is the list's own item, if known.
		if ex, ok := keyExamples[want[0]][key]; ok {
			value = ex
		}
	}
	if value == "" {
		value = map[string]string{
			"integer": "15", "number": "15", "string": `"…"`, "array": "[…, …]",
			"object": "{…: …}", "boolean": "true", "null": "null",
		}[want[0]]
	}
	switch {
	case item:
		return "- " + value
	case key == "":
		return value
	}
	return key + ": " + value
}
