// Package yamlpos turns parsed YAML (or JSON, which YAML reads too) into
// the plain values a JSON Schema validator takes, and finds the line and
// column of any value by its JSON-pointer path, so that errors found on
// the values can name the place in the file a person wrote.
package yamlpos

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ToJSON converts a YAML node to maps, slices, strings, json.Numbers, bools
// and nils. dup is called for every mapping key that repeats (YAML would
// otherwise keep the last value silently). Timestamps stay strings.
func ToJSON(n *yaml.Node, dup func(key *yaml.Node)) any {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return ToJSON(n.Content[0], dup)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if _, ok := m[k.Value]; ok && dup != nil {
				dup(k)
			}
			m[k.Value] = ToJSON(n.Content[i+1], dup)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = ToJSON(c, dup)
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
			if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
				return json.Number(n.Value)
			}
			return n.Value // .inf, .nan: not JSON numbers
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

// NodeAt returns the node at a path of mapping keys and sequence indexes,
// or the deepest node reached. When key is true and the last element names
// a mapping key, the key's node is returned instead of its value.
func NodeAt(root *yaml.Node, path []string, key bool) *yaml.Node {
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

// Depth returns the nesting depth of a node tree, stopping at limit+1 so
// that hostile input cannot make it walk forever.
func Depth(n *yaml.Node, limit int) int {
	if n == nil || limit < 0 {
		return 0
	}
	max := 0
	for _, c := range n.Content {
		if d := Depth(c, limit-1); d > max {
			max = d
		}
		if max > limit {
			break
		}
	}
	return max + 1
}

// InvalidUTF8Line returns the line (from 1) of the first byte of b that is
// not valid UTF-8, or 0 when all of b is valid.
func InvalidUTF8Line(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return 1 + bytes.Count(b[:i], []byte("\n"))
		}
		i += size
	}
	return 0
}
