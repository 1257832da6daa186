package rules

import (
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"ruqsat/internal/yamlpos"
)

func toJSON(n *yaml.Node, dup func(key *yaml.Node)) any { return yamlpos.ToJSON(n, dup) }

func nodeAt(root *yaml.Node, path []string, key bool) *yaml.Node {
	return yamlpos.NodeAt(root, path, key)
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
