package checker

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxValues is how many values a manifest may hold, counting every value an
// alias (YAML's *name) repeats. Hand-written manifests hold a few dozen; the
// bound stops a "billion laughs" manifest, a few hundred bytes of nested
// aliases that expand to billions of values.
const MaxValues = 100_000

// syntaxError is a manifest that does not parse, with the place a person
// would look: line and column from 1.
type syntaxError struct {
	line, col int
	why       string
	deep      bool // nested more deeply than MaxDepth, not malformed
}

func (e *syntaxError) Error() string { return fmt.Sprintf("line %d:%d: %s", e.line, e.col, e.why) }

// isJSONName reports whether a manifest's name says it is JSON.
func isJSONName(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), ".json")
}

// parseJSON reads a JSON manifest into the node tree yaml.v3 builds for
// YAML, with the line and column of every value. yaml.v3 reads most JSON,
// but it refuses two escapes JSON writers use, \/ (PHP escapes every slash)
// and surrogate pairs (\ud83d\ude00, from ASCII-only writers), and it names
// the line before the faulty one; encoding/json has neither problem. A
// mapping keeps repeated keys, so they are reported as YAML's are.
func parseJSON(b []byte) (*yaml.Node, *syntaxError) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a BOM, as Windows Notepad writes
	lc := &lineCounter{b: b, line: 1, col: 1}
	fail := func(off int64, why string) *syntaxError {
		line, col := lc.at(int(min(max(off, 0), int64(len(b)))))
		return &syntaxError{line: line, col: col, why: why}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var stack []*yaml.Node // the open mappings and sequences
	var root *yaml.Node
	for {
		start := skipJSONSpace(b, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err == io.EOF {
			if root == nil || len(stack) > 0 {
				return nil, fail(int64(len(b)), "unexpected end of JSON input")
			}
			break
		}
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				// The scanner stops just after the faulty byte; for a
				// faulty literal it may count from elsewhere, so never
				// point before the token being read.
				off := se.Offset
				if off > int64(start) {
					off--
				}
				off = max(off, int64(start))
				return nil, fail(off, se.Error())
			}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fail(int64(len(b)), "unexpected end of JSON input")
			}
			return nil, fail(int64(start), err.Error())
		}
		if root != nil && len(stack) == 0 {
			return nil, fail(int64(start), "more data after the end of the manifest")
		}
		line, col := lc.at(start)
		n := &yaml.Node{Line: line, Column: col}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '}', ']':
				stack = stack[:len(stack)-1]
				continue
			case '{':
				n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
			case '[':
				n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
			}
		case string:
			n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", v, yaml.DoubleQuotedStyle
		case json.Number:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", string(v)
			if strings.ContainsAny(string(v), ".eE") {
				n.Tag = "!!float"
			}
		case bool:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(v)
		case nil:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
		}
		if len(stack) == 0 {
			root = n
		} else { // a mapping's content alternates keys and values, as in yaml.v3
			top := stack[len(stack)-1]
			top.Content = append(top.Content, n)
		}
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			stack = append(stack, n)
			if len(stack) > MaxDepth {
				return nil, &syntaxError{line: line, col: col, deep: true}
			}
		}
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{root}}, nil
}

// skipJSONSpace returns the offset of the next token at or after off: past
// white space and the one separator (: or ,) encoding/json leaves unread.
func skipJSONSpace(b []byte, off int) int {
	space := func() {
		for off < len(b) && (b[off] == ' ' || b[off] == '\t' || b[off] == '\r' || b[off] == '\n') {
			off++
		}
	}
	space()
	if off < len(b) && (b[off] == ':' || b[off] == ',') {
		off++
		space()
	}
	return off
}

// lineCounter turns increasing byte offsets into lines and columns
// (columns in characters, as yaml.v3 counts them), in one pass.
type lineCounter struct {
	b         []byte
	off       int
	line, col int
}

func (c *lineCounter) at(off int) (line, col int) {
	if off < c.off { // not expected; recount from the start
		c.off, c.line, c.col = 0, 1, 1
	}
	for c.off < off && c.off < len(c.b) {
		r, size := utf8.DecodeRune(c.b[c.off:])
		if r == '\n' {
			c.line, c.col = c.line+1, 1
		} else {
			c.col++
		}
		c.off += size
	}
	return c.line, c.col
}

// yamlParserProblems are the messages of yaml.v3's parser (as opposed to
// its scanner): for these it names the line before the one at fault, as
// it counts lines from 0 there.
var yamlParserProblems = []string{
	"did not find expected <", "did not find expected node content", "did not find expected key",
	"did not find expected '-' indicator", "did not find expected ',' or",
	"found duplicate %", "found incompatible YAML document", "found undefined tag handle",
}

// yamlErrorLine reads the line and the reason out of a yaml.v3 error.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[5:]
		if i := strings.Index(rest, ":"); i > 0 {
			fmt.Sscan(rest[:i], &line)
			msg = strings.TrimSpace(rest[i+1:])
		}
	}
	for _, p := range yamlParserProblems {
		if strings.HasPrefix(msg, p) {
			line++
			break
		}
	}
	return max(line, 1), msg
}

// expansion walks a node tree the way conversion to values will, following
// aliases, and reports whether it nests deeper than MaxDepth (an alias to
// its own ancestor, &a [*a], nests forever) or holds more than MaxValues
// values. It stops as soon as either bound is passed.
func expansion(n *yaml.Node) (tooDeep, tooMany bool) {
	budget := MaxValues
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		for n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				return true
			}
			budget--
			n = n.Alias
		}
		budget--
		if budget < 0 {
			tooMany = true
			return false
		}
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			depth++
			if depth > MaxDepth {
				tooDeep = true
				return false
			}
		}
		for _, c := range n.Content {
			if !walk(c, depth) {
				return false
			}
		}
		return true
	}
	walk(n, 0)
	return tooDeep, tooMany
}
