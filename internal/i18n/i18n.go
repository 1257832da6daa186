// Package i18n checks the interface strings in i18n/<lang>.yaml, which
// Hugo's layouts use: a string missing in one language fails the build
// instead of showing as an empty string. Tests read the strings through it
// to know what the pages should say.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"ruqsat/internal/rules"
)

// Dir is the folder of the string tables, relative to the repository root.
const Dir = "i18n"

// Entry is one string: plain, or with CLDR plural forms.
type Entry struct {
	Other string `yaml:"other"`
	One   string `yaml:"one"`
	Few   string `yaml:"few"`
	Many  string `yaml:"many"`
}

func (e *Entry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.Other = n.Value
		return nil
	}
	type plain Entry
	return n.Decode((*plain)(e))
}

// Table holds the strings of every language.
type Table struct {
	strings map[rules.Lang]map[string]Entry
}

// Load reads i18n/ru.yaml, kk.yaml and en.yaml and checks that every key
// exists in all three.
func Load(fsys fs.FS) (*Table, error) {
	t := &Table{strings: map[rules.Lang]map[string]Entry{}}
	for _, l := range rules.Langs {
		b, err := fs.ReadFile(fsys, Dir+"/"+string(l)+".yaml")
		if err != nil {
			return nil, err
		}
		m := map[string]Entry{}
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

// T returns the string key in lang; args fill its %s verbs. It panics on
// an unknown key: tests name keys literally.
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

// Forms returns every form of a string: Other, and the plural forms One,
// Few and Many where it has them ("{{ .Count }}" marks the number). Which
// form a number takes is Hugo's business when it renders the pages.
func (t *Table) Forms(l rules.Lang, key string) (Entry, bool) {
	e, ok := t.strings[l][key]
	return e, ok
}
