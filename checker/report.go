package checker

import (
	"sort"

	"ruqsat/checker/contract"
)

// Severity is how much a finding matters: an error stops the package from
// being ready to submit; a warning is worth a look; info explains.
type Severity string

// The severities, from most to least serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Verdict is the outcome of a check.
type Verdict string

// The verdicts.
const (
	// Pass: ready to submit — checked against the edition in force on the
	// filing date, whose document list is complete in the sources, every
	// check ran, and none found an error.
	Pass Verdict = "pass"
	// Fail: at least one error.
	Fail Verdict = "fail"
	// Incomplete: no error was found, but something could not be checked
	// (a list only in part in the sources, a signature algorithm that
	// cannot be confirmed, a value unknown for the date…): the findings
	// marked unchecked say what. Never shown as ready.
	Incomplete Verdict = "incomplete"
	// CannotCheck: the package could not be checked — unreadable, an
	// unknown service, or rules that are not in the sources.
	CannotCheck Verdict = "cannot-check"
)

// Rule is where a finding's requirement comes from.
type Rule struct {
	Act     string            `json:"act"`
	At      string            `json:"at"`
	AtLabel map[string]string `json:"at_label,omitempty"` // the unit spelt out, per language
	ActName map[string]string `json:"act_name,omitempty"`
	URL     map[string]string `json:"url,omitempty"` // site path per language
}

// cited gives a checklist's citations as a report's. The report keeps a
// type of its own: its JSON (key order included) is the checker's output,
// which may not change when the checklists' contract does.
func cited(cs []contract.Rule) []Rule {
	if len(cs) == 0 {
		return nil
	}
	out := make([]Rule, len(cs))
	for i, c := range cs {
		out[i] = Rule{Act: c.Act, At: c.At, AtLabel: c.AtLabel, ActName: c.ActName, URL: c.URL}
	}
	return out
}

// Finding is one problem or note about a package. Its code is stable; its
// message is written for applicants in Russian, Kazakh and English.
type Finding struct {
	Code     string            `json:"code"`
	Severity Severity          `json:"severity"`
	Item     string            `json:"item,omitempty"`   // checklist item (document id) it concerns
	Path     string            `json:"path,omitempty"`   // place in the manifest, as a JSON pointer
	Line     int               `json:"line,omitempty"`   // line in the manifest, from 1
	Column   int               `json:"column,omitempty"` // column in the manifest, from 1
	File     string            `json:"file,omitempty"`   // file in the package
	Message  map[string]string `json:"message"`          // ru, kk, en
	// Detail is what a message leaves out for the reader's sake: ids to
	// write in the manifest, a library's own words. Not translated.
	Detail string `json:"detail,omitempty"`
	Rules  []Rule `json:"rules,omitempty"`
	// Unchecked marks a finding that says something could not be checked:
	// with no error, it makes the verdict incomplete, never pass.
	Unchecked bool `json:"unchecked,omitempty"`
	order     int  // the item's place in the checklist
}

// citing gives a finding the rules it rests on.
func (f Finding) citing(cs []contract.Rule) Finding {
	f.Rules = cited(cs)
	return f
}

// Report is the result of checking one package.
type Report struct {
	Package string `json:"package"`
	Service string `json:"service,omitempty"`
	Edition string `json:"edition,omitempty"`
	Kind    string `json:"kind,omitempty"`
	// KindName is the application kind in words, per language.
	KindName  map[string]string `json:"kind_name,omitempty"`
	Checklist string            `json:"checklist,omitempty"`
	Verdict   Verdict           `json:"verdict"`
	Findings  []Finding         `json:"findings"`
	// Items lists the checklist items in order with their names, so a
	// report can be grouped and read without the checklist at hand.
	Items []Item `json:"items,omitempty"`
	// Filed is the filing date the check went by: the manifest's, or the
	// day of the check when the manifest gives none.
	Filed string `json:"filed,omitempty"`
	// CannotSee is what no check of a package can see (the content of
	// scans, premises, specialists…), per language: every report ends
	// with it, so that "ready" is never read as more than it is.
	CannotSee []map[string]string `json:"cannot_see"`
}

// NotChecked returns the findings that say what could not be checked.
func (r *Report) NotChecked() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Unchecked {
			out = append(out, f)
		}
	}
	return out
}

// Item is a checklist item as named in the report.
type Item struct {
	ID       string            `json:"id"`
	Name     map[string]string `json:"name"`
	Required bool              `json:"required"` // for the package's answers
}

// Counts returns how many findings of each severity the report holds.
func (r *Report) Counts() (errors, warnings, infos int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// sortFindings puts findings in a stable order: by checklist item (general
// findings first, then items in checklist order), then severity, then
// manifest position, code and file. jsonschema reports errors in no fixed
// order; this makes reports identical from run to run.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.order != b.order {
			return a.order < b.order
		}
		if a.Severity.rank() != b.Severity.rank() {
			return a.Severity.rank() < b.Severity.rank()
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Message["en"] < b.Message["en"]
	})
}

// verdictOf is fail with any error, else incomplete when something could
// not be checked, else pass.
func verdictOf(fs []Finding) Verdict {
	v := Pass
	for _, f := range fs {
		if f.Severity == Error {
			return Fail
		}
		if f.Unchecked {
			v = Incomplete
		}
	}
	return v
}
