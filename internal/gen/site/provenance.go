package site

import (
	"reflect"
	"slices"
	"strings"

	"ruqsat/internal/rules"
)

// ProvNotice tells the reader, at the top of a section, that some of its
// facts rest on a text that is not the act's official one: an unofficial
// (machine) translation, a copy of the official text, or a secondary
// source (news, a calendar). It is derived from the citations the
// section's facts carry and the act data behind them (seeds' official
// and authority fields), never from a list of pages.
type ProvNotice struct {
	// Kind: "translation" (the cited lines are only in an unofficial
	// translation), "copy" or "secondary" (the act's authority).
	Kind string  `json:"kind"`
	Act  *ActRef `json:"act"`
	// Lang is the translation's language (Kind "translation"); Source the
	// seed's note or publisher, naming the text; URL where it was read.
	Lang   string `json:"lang,omitempty"`
	Source *Text  `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	CopyOf string `json:"copy_of,omitempty"`
}

// provenance lists the notices the facts in views call for: one per act
// and kind, in the order of the first citation that needs it.
func (c loc) provenance(views ...any) []ProvNotice {
	var out []ProvNotice
	seen := map[string]bool{}
	add := func(n ProvNotice) {
		k := n.Kind + "|" + n.Act.ID
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	for _, v := range views {
		for _, ct := range collectCites(reflect.ValueOf(v)) {
			a := c.g.Set.Acts[ct.Act]
			if a == nil {
				continue
			}
			ref := c.actRef(a.ID)
			if sd := unofficialOnly(a, ct); sd != nil {
				add(ProvNotice{Kind: "translation", Act: ref, Lang: string(sd.Lang), Source: c.textP(sd.Note)})
			}
			for _, sd := range a.Seeds {
				if sd.Authority == "copy" || sd.Authority == "secondary" {
					n := ProvNotice{Kind: sd.Authority, Act: ref, Source: c.textP(sd.Publisher), URL: sd.URL, CopyOf: sd.CopyOf}
					if n.Source == nil {
						n.Source = c.textP(sd.Note)
					}
					add(n)
					break
				}
			}
		}
	}
	return out
}

// unofficialOnly returns the seed of a citation whose every cited line is
// in a text the act data marks unofficial (official: false), or nil when
// the citation rests, at least in part, on an official text.
func unofficialOnly(a *rules.Act, ct Cite) *rules.Seed {
	if len(ct.Lines) == 0 {
		return nil
	}
	var un *rules.Seed
	for _, ln := range ct.Lines {
		i := slices.IndexFunc(a.Seeds, func(s rules.Seed) bool { return string(s.Lang) == ln.Seed })
		if i < 0 || a.Seeds[i].Official {
			return nil
		}
		un = &a.Seeds[i]
	}
	return un
}

// collectCites walks page data and returns every Cite in it.
func collectCites(v reflect.Value) []Cite {
	var out []Cite
	var walk func(v reflect.Value)
	citeType := reflect.TypeOf(Cite{})
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			if v.Type() == citeType {
				out = append(out, v.Interface().(Cite))
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			for _, k := range keys {
				walk(v.MapIndex(k))
			}
		}
	}
	walk(v)
	return out
}
