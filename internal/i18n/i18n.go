// Package i18n reads the interface strings in i18n/<lang>.yaml — the same
// tables Hugo's templates use — so that pages generated in Go and the
// site's templates speak with one voice, and a string missing in one
// language fails the build instead of falling back silently.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"ruqsat/internal/rules"
)

// Dir is the folder of the string tables, relative to the repository root.
const Dir = "i18n"

// entry is one string: plain, or with CLDR plural forms.
type entry struct {
	Other string `yaml:"other"`
	One   string `yaml:"one"`
	Few   string `yaml:"few"`
	Many  string `yaml:"many"`
}

func (e *entry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.Other = n.Value
		return nil
	}
	type plain entry
	return n.Decode((*plain)(e))
}

// Table holds the strings of every language.
type Table struct {
	strings map[rules.Lang]map[string]entry
}

// Load reads i18n/ru.yaml, kk.yaml and en.yaml and checks that every key
// exists in all three.
func Load(fsys fs.FS) (*Table, error) {
	t := &Table{strings: map[rules.Lang]map[string]entry{}}
	for _, l := range rules.Langs {
		b, err := fs.ReadFile(fsys, Dir+"/"+string(l)+".yaml")
		if err != nil {
			return nil, err
		}
		m := map[string]entry{}
		if err := yaml.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s/%s.yaml: %w", Dir, l, err)
		}
		t.strings[l] = m
	}
	if missing := t.Missing(); len(missing) > 0 {
		return nil, fmt.Errorf("interface strings missing a translation: %s", strings.Join(missing, "; "))
	}
	return t, nil
}

// Missing lists "lang: key" for every key that some language lacks.
func (t *Table) Missing() []string {
	all := map[string]bool{}
	for _, m := range t.strings {
		for k := range m {
			all[k] = true
		}
	}
	var out []string
	for k := range all {
		for _, l := range rules.Langs {
			if e, ok := t.strings[l][k]; !ok || e.Other == "" {
				out = append(out, string(l)+": "+k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// T returns the string key in lang; args fill {{ .Count }}-free %v verbs.
// It panics on an unknown key: generation code names keys literally, and a
// test renders every page, so a typo is caught before it ships.
func (t *Table) T(l rules.Lang, key string, args ...any) string {
	e, ok := t.strings[l][key]
	if !ok {
		panic(fmt.Sprintf("i18n: no string %q in %s", key, l))
	}
	if len(args) == 0 {
		return e.Other
	}
	return fmt.Sprintf(e.Other, args...)
}

// N returns the string key in the plural form lang uses for n, with n
// formatted in place of {{ .Count }} (Hugo's placeholder).
func (t *Table) N(l rules.Lang, key string, n int) string {
	e, ok := t.strings[l][key]
	if !ok {
		panic(fmt.Sprintf("i18n: no string %q in %s", key, l))
	}
	s := e.Other
	switch Plural(l, n) {
	case "one":
		if e.One != "" {
			s = e.One
		}
	case "few":
		if e.Few != "" {
			s = e.Few
		}
	case "many":
		if e.Many != "" {
			s = e.Many
		}
	}
	return strings.ReplaceAll(s, "{{ .Count }}", strconv.Itoa(n))
}

// Plural returns the CLDR plural category of n in lang.
func Plural(l rules.Lang, n int) string {
	if n < 0 {
		n = -n
	}
	switch l {
	case rules.RU:
		switch {
		case n%10 == 1 && n%100 != 11:
			return "one"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "few"
		default:
			return "many"
		}
	default:
		if n == 1 {
			return "one"
		}
		return "other"
	}
}
