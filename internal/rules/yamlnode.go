package rules

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// toJSON converts a YAML node to the value the JSON Schema validator takes,
// reporting duplicate keys (which YAML would otherwise resolve silently to
// the last value). Timestamps stay strings: the schema checks their form.
func toJSON(n *yaml.Node, dup func(key *yaml.Node)) any {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return toJSON(n.Content[0], dup)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if _, ok := m[k.Value]; ok {
				dup(k)
			}
			m[k.Value] = toJSON(n.Content[i+1], dup)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = toJSON(c, dup)
		}
		return s
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int":
			if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
				return json.Number(strconv.FormatInt(i, 10))
			}
			return json.Number(n.Value)
		case "!!float":
			return json.Number(n.Value)
		case "!!bool":
			var b bool
			_ = n.Decode(&b)
			return b
		case "!!null":
			return nil
		}
		return n.Value
	}
	return nil
}

// nodeAt returns the node at a JSON-pointer-like path of keys and indexes,
// or the deepest node reached. When key is true and the last element names
// a mapping key, the key node is returned instead of its value.
func nodeAt(root *yaml.Node, path []string, key bool) *yaml.Node {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for i, p := range path {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == p {
					if key && i == len(path)-1 {
						return n.Content[j]
					}
					n, found = n.Content[j+1], true
					break
				}
			}
			if !found {
				return n
			}
		case yaml.SequenceNode:
			idx, err := strconv.Atoi(p)
			if err != nil || idx < 0 || idx >= len(n.Content) {
				return n
			}
			n = n.Content[idx]
		default:
			return n
		}
	}
	return n
}

var posType = reflect.TypeOf(Pos{})

// attach sets every Pos field in v from the node it was decoded from, so
// that checks made after decoding can still name the YAML line.
func attach(v reflect.Value, n *yaml.Node) {
	if n == nil {
		return
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			attach(v.Elem(), n)
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for i := 0; i < v.Len() && i < len(n.Content); i++ {
				attach(v.Index(i), n.Content[i])
			}
		} else if n.Kind == yaml.MappingNode && v.Len() == 1 {
			attach(v.Index(0), n) // a single citation written without a list
		}
	case reflect.Struct:
		t := v.Type()
		if f, ok := t.FieldByName("Pos"); ok && f.Type == posType && len(f.Index) == 1 {
			v.FieldByIndex(f.Index).Set(reflect.ValueOf(Pos{n.Line, n.Column}))
		}
		if f, ok := t.FieldByName("Items"); ok && n.Kind == yaml.SequenceNode {
			attach(v.FieldByIndex(f.Index), n) // List[T]
			return
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("yaml")
			name, opts, _ := strings.Cut(tag, ",")
			switch {
			case name == "-":
				continue
			case f.Anonymous && (opts == "inline" || strings.Contains(opts, "inline")):
				attach(v.Field(i), n)
			case f.Anonymous:
				continue
			default:
				if name == "" {
					name = strings.ToLower(f.Name)
				}
				for j := 0; j+1 < len(n.Content); j += 2 {
					if n.Content[j].Value == name {
						attach(v.Field(i), n.Content[j+1])
						break
					}
				}
			}
		}
	}
}
