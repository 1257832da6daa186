package yamlpos

import (
	"bytes"
	"io"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestLocate places syntax errors at the mistake, whatever line the parser
// named.
func TestLocate(t *testing.T) {
	for _, c := range []struct {
		name, text      string
		line, col       int
		kind, arg, exam string
	}{
		{"tab", "a:\n  b: 1\n\tc: 2\n", 3, 1, KindTab, "", ""},
		{"quote far from its end", "a: \"x\nb: 1\nc: 2\nd: \"y\"\n", 1, 4, KindQuote, `"`, ""},
		{"single quote with '' inside", "a: 'it''s\nb: 1\n", 1, 4, KindQuote, "'", ""},
		{"text after ''", "a: 'it''s' x\n", 1, 12, KindAfter, "", ""},
		{"bracket", "a: 1\nb: {c: 1, d: 2\ne: 3\n", 2, 4, KindBracket, "{", ""},
		{"nested bracket", "a: [1, [2, 3]\n", 1, 4, KindBracket, "[", ""},
		{"colon", "a: 1\nb: x: y\n", 2, 5, KindColon, "", `b: "x: y"`},
		{"colon in a list item", "a:\n  - b: c: d # note\n", 2, 9, KindColon, "", `- b: "c: d"`},
		{"colon in a flow entry", "a: {b: c: d, e: f}\n", 1, 9, KindColon, "", `a: {b: "c: d", e: f}`},
		{"url and time are not colons", "a: https://x.kz/a 09:00 x: y\n", 1, 26, KindColon, "", `a: "https://x.kz/a 09:00 x: y"`},
		{"quote in value", "a: x \"y\": z\n", 1, 9, KindColon, "", `a: "x \"y\": z"`},
		{"more indented", "a:\n  b: 1\n   c: 2\n", 3, 4, KindIndent, "1|3", ""},
		{"less indented in a list", "a:\n  - b: 1\n    c: 2\n   d: 3\n", 4, 4, KindIndent, "1|3|5", ""},
		{"after a block text", "a: |\n  x: y\n  z\n b: 1\n", 4, 2, KindIndent, "1", ""},
		{"star", "a:\n  - * note\n", 2, 5, KindSpecial, "*", ""},
		{"alias", "a: *x\n", 1, 4, KindSpecial, "*", `a: "*x"`},
		{"backtick", "a: `x`\n", 1, 4, KindSpecial, "`", `a: "` + "`x`" + `"`},
		{"escape", "a: \"C:\\dir\"\n", 1, 7, KindEscape, "", ""},
		{"dash", "a: - x\n", 1, 4, KindDash, "", ""},
		{"no colon", "a: 1\nb\nc: 2\n", 2, 1, KindNoColon, "", ""},
		{"after bracket", "a: [x] y\n", 1, 8, KindAfterBracket, "]", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.NewDecoder(bytes.NewReader([]byte(c.text))).Decode(&n)
			if err == nil {
				t.Fatalf("%q parses", c.text)
			}
			s := Locate([]byte(c.text), err)
			if s.Line != c.line || s.Col != c.col || s.Kind != c.kind || s.Arg != c.arg || s.Example != c.exam {
				t.Errorf("got %d:%d %s %q %q (parser: %s), want %d:%d %s %q %q", s.Line, s.Col, s.Kind, s.Arg, s.Example, s.Parser, c.line, c.col, c.kind, c.arg, c.exam)
			}
		})
	}
	if s := Locate(nil, io.EOF); s.Kind != KindEmpty || s.Line != 1 {
		t.Errorf("empty: %+v", s)
	}
}
