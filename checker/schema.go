package checker

import (
	"fmt"
	"sort"
	"strconv"
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
	field := argL("field", r.fieldName(loc))
	pointer := "/" + strings.Join(loc, "/")
	if r.reportedElsewhere(loc, e.ErrorKind) {
		return nil
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
				fd := r.at(r.missing(d, loc[0] == "info"), loc[0])
				fd.Item = m
				out = append(out, fd)
			case len(loc) == 1 && loc[0] == "answers":
				if m == "subspecies" {
					out = append(out, r.at(newFinding("subspecies/missing", r.subspeciesList()).withDetail("subspecies: "+r.subspeciesIDs()), "answers"))
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
			case len(loc) == 1 && loc[0] == "change" && m == "date" && r.cl.meta.RenewalWindow != nil:
				continue // renewal/no-change says it, with the rule
			default:
				path := append(append([]string{}, loc...), m)
				out = append(out, r.at(newFinding("manifest/missing-field", argL("field", r.fieldName(path))).withDetail(strings.TrimSuffix(pointer, "/")+"/"+m), loc...))
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
				out = append(out, r.atKey(newFinding("document/unknown", arg("got", p)).withDetail("items: "+r.itemList(false)), path...))
			case len(loc) == 1 && loc[0] == "info":
				out = append(out, r.atKey(newFinding("document/unknown", arg("got", p)).withDetail("items: "+r.itemList(true)), path...))
			case len(loc) == 1 && loc[0] == "answers":
				var qs []string
				var texts []map[string]string
				for _, q := range r.cl.meta.Questions {
					qs = append(qs, q.ID)
					texts = append(texts, q.Text)
				}
				if len(r.cl.meta.Subspecies) > 0 {
					qs = append(qs, "subspecies")
					texts = append(texts, fieldWords["answers.subspecies"])
				}
				out = append(out, r.atKey(newFinding("answer/unknown", arg("got", p), argL("list", names(texts))).withDetail("questions: "+strings.Join(qs, ", ")), path...))
			default:
				where := map[string]string{}
				if len(loc) > 0 {
					in := r.fieldName(loc)
					where = map[string]string{"ru": " (раздел: " + in["ru"] + ")", "kk": " (бөлім: " + in["kk"] + ")", "en": " (in " + in["en"] + ")"}
				}
				out = append(out, r.atKey(newFinding("manifest/unknown-field", arg("got", p), argL("where", where)).withDetail("/"+strings.Join(path, "/")), path...))
			}
		}
		return out
	case *kind.Enum:
		got := fmt.Sprint(k.Got)
		if len(loc) == 2 && loc[0] == "answers" {
			q := r.cl.meta.Question(loc[1])
			if q != nil {
				var ids []string
				var texts []map[string]string
				for _, o := range q.Options {
					ids = append(ids, o.ID)
					texts = append(texts, o.Text)
				}
				return []Finding{r.at(newFinding("answer/invalid", arg("got", got), argL("question", q.Text), argL("list", names(texts))).withDetail("answers: "+strings.Join(ids, ", ")), loc...)}
			}
		}
		if len(loc) == 3 && loc[0] == "answers" && loc[1] == "subspecies" {
			return []Finding{r.at(newFinding("subspecies/unknown", arg("got", got), r.subspeciesList()).withDetail("subspecies: "+r.subspeciesIDs()), loc...)}
		}
		return []Finding{r.at(newFinding("manifest/invalid", field).withDetail(pointer+": "+e.Error()), loc...)}
	case *kind.Const:
		return []Finding{r.at(newFinding("manifest/invalid", field).withDetail(pointer+": "+e.Error()), loc...)}
	case *kind.Type:
		return []Finding{r.at(newFinding("manifest/type", field, argL("want", typeName(k.Want, loc))).withDetail(pointer+": expected "+strings.Join(k.Want, " | ")), loc...)}
	case *kind.Format:
		return []Finding{r.at(newFinding("manifest/format", field, arg("got", fmt.Sprint(k.Got)), argL("how", formatHow(k.Want))).withDetail(pointer), loc...)}
	case *kind.Pattern:
		return []Finding{r.at(newFinding("manifest/pattern", field, arg("got", k.Got), argL("how", patternHow(loc))).withDetail(pointer+": "+k.Want), loc...)}
	case *kind.MinItems:
		if len(loc) == 2 && loc[0] == "answers" && loc[1] == "subspecies" {
			return []Finding{r.at(newFinding("subspecies/missing", r.subspeciesList()).withDetail("subspecies: "+r.subspeciesIDs()), loc...)}
		}
		return []Finding{r.at(newFinding("manifest/invalid", field).withDetail(pointer+": "+e.Error()), loc...)}
	}
	return []Finding{r.at(newFinding("manifest/invalid", field).withDetail(pointer+": "+e.Error()), loc...)}
}

// reportedElsewhere reports whether a schema failure is one the checks
// after the schema report in their own, better words: one mistake, one
// message. An identification number that is not 12 digits (or not text:
// written unquoted) gets the applicant check's reason; a file path that
// leaves the package gets document/bad-path.
func (r *run) reportedElsewhere(loc []string, k jsonschema.ErrorKind) bool {
	switch k.(type) {
	case *kind.Pattern, *kind.Type:
		if len(loc) == 2 && loc[0] == "applicant" && (loc[1] == "bin" || loc[1] == "iin") {
			_, isPattern := k.(*kind.Pattern)
			return isPattern || r.unquotedNumber(loc...) != ""
		}
	}
	if _, ok := k.(*kind.Pattern); ok && len(loc) >= 2 && loc[0] == "documents" {
		if s := str(valueAt(r.man, loc)); s != "" {
			_, ok := cleanPath(s)
			return !ok
		}
	}
	return false
}

// valueAt is the manifest's value at a path of keys and indexes, or nil.
func valueAt(v any, path []string) any {
	for _, p := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// formatHow says how a value of a format is written.
func formatHow(format string) map[string]string {
	if format == "email" {
		return map[string]string{"ru": "нужен адрес электронной почты вида name@example.kz", "kk": "name@example.kz түріндегі электрондық пошта мекенжайы керек", "en": "write an e-mail address like name@example.kz"}
	}
	return map[string]string{"ru": "нужна дата вида 2026-11-29 (год-месяц-день)", "kk": "2026-11-29 түріндегі күн керек (жыл-ай-күн)", "en": "write a date like 2026-11-29 (year-month-day)"}
}

// patternHow says how the value at a path is written.
func patternHow(loc []string) map[string]string {
	switch strings.Join(loc, ".") {
	case "edition":
		return map[string]string{"ru": "нужен год из четырёх цифр, например 2023", "kk": "төрт цифрлы жыл керек, мысалы 2023", "en": "write a four-digit year, e.g. 2023"}
	case "applicant.phone":
		return map[string]string{"ru": "допускаются цифры, пробелы, скобки, «+» и «-»", "kk": "цифрлар, бос орындар, жақшалар, «+» және «-» рұқсат етіледі", "en": "use digits, spaces, brackets, \"+\" and \"-\""}
	}
	return map[string]string{"ru": "проверьте, как оно записано", "kk": "оның қалай жазылғанын тексеріңіз", "en": "check how it is written"}
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

// subspeciesList names the edition's subspecies for a message.
func (r *run) subspeciesList() argument {
	var texts []map[string]string
	for _, s := range r.cl.meta.Subspecies {
		texts = append(texts, s.Text)
	}
	return argL("list", names(texts))
}

// subspeciesIDs are the subspecies as the manifest writes them.
func (r *run) subspeciesIDs() string {
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
