package checker

import (
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"ruqsat/checker/contract"
)

// schemaFindings turns one schema failure into findings written for
// applicants: a missing document names the document, its condition and its
// rule; a wrong answer lists the right ones.
func (r *run) schemaFindings(e *jsonschema.ValidationError) []Finding {
	loc := e.InstanceLocation
	field := "/" + strings.Join(loc, "/")
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
				fd := r.at(r.missing(d, loc[0] == "info"), loc[0])
				fd.Item = m
				out = append(out, fd)
			case len(loc) == 1 && loc[0] == "answers":
				if m == "subspecies" {
					out = append(out, r.at(newFinding("subspecies/missing", arg("list", r.subspeciesList())), "answers"))
					continue
				}
				q := r.cl.meta.Question(m)
				if q == nil {
					continue
				}
				out = append(out, r.at(newFinding("answer/missing", argL("question", q.Text)), "answers"))
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
					fd := r.missing(&d, m == "info")
					fd.Item, fd.Path = d.ID, "/"+m
					out = append(out, fd)
				}
			case len(loc) == 0 && m == "answers":
				for _, q := range r.cl.meta.Questions {
					fd := newFinding("answer/missing", argL("question", q.Text))
					fd.Path = "/answers"
					out = append(out, fd)
				}
			default:
				out = append(out, r.at(newFinding("manifest/missing-field", arg("field", strings.TrimSuffix(field, "/")+"/"+m)), loc...))
			}
		}
		return out
	case *kind.AdditionalProperties:
		sort.Strings(k.Properties)
		var out []Finding
		for _, p := range k.Properties {
			path := append(append([]string{}, loc...), p)
			switch {
			case len(loc) == 1 && loc[0] == "documents":
				out = append(out, r.atKey(newFinding("document/unknown", arg("got", p), arg("list", r.itemList(false))), path...))
			case len(loc) == 1 && loc[0] == "info":
				out = append(out, r.atKey(newFinding("document/unknown", arg("got", p), arg("list", r.itemList(true))), path...))
			case len(loc) == 1 && loc[0] == "answers":
				var qs []string
				for _, q := range r.cl.meta.Questions {
					qs = append(qs, q.ID)
				}
				if len(r.cl.meta.Subspecies) > 0 {
					qs = append(qs, "subspecies")
				}
				out = append(out, r.atKey(newFinding("answer/unknown", arg("got", p), arg("list", strings.Join(qs, ", "))), path...))
			default:
				out = append(out, r.atKey(newFinding("manifest/unknown-field", arg("field", "/"+strings.Join(path, "/"))), path...))
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
				return []Finding{r.at(newFinding("answer/invalid", arg("got", got), argL("question", q.Text), arg("list", strings.Join(ids, ", "))), loc...)}
			}
		}
		if len(loc) == 3 && loc[0] == "answers" && loc[1] == "subspecies" {
			return []Finding{r.at(newFinding("subspecies/unknown", arg("got", got), arg("list", r.subspeciesList())), loc...)}
		}
		return []Finding{r.at(newFinding("manifest/invalid", arg("field", field)), loc...)}
	case *kind.Const:
		return []Finding{r.at(newFinding("manifest/invalid", arg("field", field)), loc...)}
	case *kind.Type:
		want := strings.Join(k.Want, " | ")
		return []Finding{r.at(newFinding("manifest/type", arg("field", field), arg("want", want)), loc...)}
	case *kind.Format:
		return []Finding{r.at(newFinding("manifest/format", arg("field", field), arg("got", fmt.Sprint(k.Got))), loc...)}
	case *kind.Pattern:
		return []Finding{r.at(newFinding("manifest/pattern", arg("field", field), arg("got", k.Got)), loc...)}
	case *kind.MinItems:
		if len(loc) == 2 && loc[0] == "answers" && loc[1] == "subspecies" {
			return []Finding{r.at(newFinding("subspecies/missing", arg("list", r.subspeciesList())), loc...)}
		}
		return []Finding{r.at(newFinding("manifest/invalid", arg("field", field)), loc...)}
	}
	return []Finding{r.at(newFinding("manifest/invalid", arg("field", field)), loc...)}
}

// missing is the finding for a document, or information (info), the
// answers call for and the manifest does not give.
func (r *run) missing(d *contract.Document, info bool) Finding {
	code := "document/missing"
	if info {
		code = "info/missing"
	}
	return newFinding(code, argL("name", d.Name), argL("because", r.cl.condition(d))).citing(d.Cite)
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
