package checker

import (
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// schemaFindings turns one schema failure into findings written for
// applicants: a missing document names the document, its condition and its
// rule; a wrong answer lists the right ones.
func (r *run) schemaFindings(e *jsonschema.ValidationError) []Finding {
	loc := e.InstanceLocation
	field := "/" + strings.Join(loc, "/")
	f := func(code string, sev Severity, args map[string]string, path ...string) Finding {
		return r.at(Finding{Code: code, Severity: sev, Message: text(code, args)}, path...)
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var out []Finding
		for _, m := range k.Missing {
			switch {
			case len(loc) == 1 && (loc[0] == "documents" || loc[0] == "info"):
				d := r.cl.meta.Document(m)
				if d == nil {
					continue
				}
				code := "document/missing"
				if loc[0] == "info" {
					code = "info/missing"
				}
				fd := r.at(Finding{Code: code, Severity: Error, Message: textL(code, map[string]map[string]string{"name": d.Name, "because": r.cl.condition(d)}), Rules: cited(d.Cite)}, loc[0])
				fd.Item = m
				out = append(out, fd)
			case len(loc) == 1 && loc[0] == "answers":
				if m == "subspecies" {
					out = append(out, f("subspecies/missing", Error, map[string]string{"list": r.subspeciesList()}, "answers"))
					continue
				}
				q := r.cl.meta.Question(m)
				if q == nil {
					continue
				}
				out = append(out, r.at(Finding{Code: "answer/missing", Severity: Error, Message: textL("answer/missing", map[string]map[string]string{"question": q.Text})}, "answers"))
			case len(loc) == 0 && (m == "documents" || m == "info"):
				// Reported item by item below, once the object exists.
				for _, d := range r.cl.meta.Documents {
					if d.Fetched || d.IfAny || d.Medium == "object" || (m == "info") != (d.Medium == "data") {
						continue
					}
					answers, _ := r.man["answers"].(map[string]any)
					if !d.Applies(answers) {
						continue
					}
					code := map[bool]string{true: "info/missing", false: "document/missing"}[m == "info"]
					fd := Finding{Code: code, Severity: Error, Item: d.ID, Path: "/" + m, Message: textL(code, map[string]map[string]string{"name": d.Name, "because": r.cl.condition(&d)}), Rules: cited(d.Cite)}
					out = append(out, fd)
				}
			case len(loc) == 0 && m == "answers":
				for _, q := range r.cl.meta.Questions {
					out = append(out, Finding{Code: "answer/missing", Severity: Error, Path: "/answers", Message: textL("answer/missing", map[string]map[string]string{"question": q.Text})})
				}
			default:
				out = append(out, f("manifest/missing-field", Error, map[string]string{"field": strings.TrimSuffix(field, "/") + "/" + m}, loc...))
			}
		}
		return out
	case *kind.AdditionalProperties:
		sort.Strings(k.Properties)
		f := func(code string, sev Severity, args map[string]string, path ...string) Finding {
			return r.atKey(Finding{Code: code, Severity: sev, Message: text(code, args)}, path...)
		}
		var out []Finding
		for _, p := range k.Properties {
			path := append(append([]string{}, loc...), p)
			switch {
			case len(loc) == 1 && loc[0] == "documents":
				fd := f("document/unknown", Error, map[string]string{"got": p, "list": r.itemList(false)}, path...)
				out = append(out, fd)
			case len(loc) == 1 && loc[0] == "info":
				out = append(out, f("document/unknown", Error, map[string]string{"got": p, "list": r.itemList(true)}, path...))
			case len(loc) == 1 && loc[0] == "answers":
				var qs []string
				for _, q := range r.cl.meta.Questions {
					qs = append(qs, q.ID)
				}
				if len(r.cl.meta.Subspecies) > 0 {
					qs = append(qs, "subspecies")
				}
				out = append(out, f("answer/unknown", Error, map[string]string{"got": p, "list": strings.Join(qs, ", ")}, path...))
			default:
				out = append(out, f("manifest/unknown-field", Error, map[string]string{"field": "/" + strings.Join(path, "/")}, path...))
			}
		}
		return out
	case *kind.Enum:
		got := fmt.Sprint(k.Got)
		if len(loc) == 2 && loc[0] == "answers" {
			q := r.cl.meta.Question(loc[1])
			if q != nil {
				var ids []string
				for _, o := range q.Options {
					ids = append(ids, o.ID)
				}
				return []Finding{r.at(Finding{Code: "answer/invalid", Severity: Error, Message: textL("answer/invalid", map[string]map[string]string{
					"got": same(got), "question": q.Text, "list": same(strings.Join(ids, ", "))})}, loc...)}
			}
		}
		if len(loc) == 3 && loc[0] == "answers" && loc[1] == "subspecies" {
			return []Finding{f("subspecies/unknown", Error, map[string]string{"got": got, "list": r.subspeciesList()}, loc...)}
		}
		return []Finding{f("manifest/invalid", Error, map[string]string{"field": field}, loc...)}
	case *kind.Const:
		return []Finding{f("manifest/invalid", Error, map[string]string{"field": field}, loc...)}
	case *kind.Type:
		want := strings.Join(k.Want, " | ")
		return []Finding{f("manifest/type", Error, map[string]string{"field": field, "want": want}, loc...)}
	case *kind.Format:
		return []Finding{f("manifest/format", Error, map[string]string{"field": field, "got": fmt.Sprint(k.Got)}, loc...)}
	case *kind.Pattern:
		return []Finding{f("manifest/pattern", Error, map[string]string{"field": field, "got": k.Got}, loc...)}
	case *kind.MinItems:
		if len(loc) == 2 && loc[0] == "answers" && loc[1] == "subspecies" {
			return []Finding{f("subspecies/missing", Error, map[string]string{"list": r.subspeciesList()}, loc...)}
		}
		return []Finding{f("manifest/invalid", Error, map[string]string{"field": field}, loc...)}
	}
	return []Finding{f("manifest/invalid", Error, map[string]string{"field": field}, loc...)}
}

func (r *run) subspeciesList() string {
	var ids []string
	for _, s := range r.cl.meta.Subspecies {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ", ")
}

func (r *run) itemList(info bool) string {
	var ids []string
	for _, d := range r.cl.meta.Documents {
		if d.Fetched || d.Medium == "object" || info != (d.Medium == "data") {
			continue
		}
		ids = append(ids, d.ID)
	}
	return strings.Join(ids, ", ")
}
