package yamlpos

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Syntax is a YAML syntax error placed at the mistake, in words a person
// can act on. The parser's own report is not enough: its line is that of
// the construct it was reading when it gave up (the mapping that holds a
// badly indented key; for a quote left open, wherever a later quote
// happens to close it, possibly many lines on), off by one for most parser
// errors, and it has no column.
type Syntax struct {
	Line, Col int    // from 1; Col counts characters
	Kind      string // see the Kind* constants
	// Arg is what the mistake is about: the quote or bracket left open, the
	// special sign, the columns a badly indented line may start in ("1|3"),
	// or, for KindOther, the parser's message.
	Arg string
	// Close is the bracket that closes an unclosed one.
	Close string
	// Example is the line's entry written right, when that is clear: the
	// value of "key: value: value" or "key: * value" in double quotes.
	Example string
	// Parser is the parser's own message, without its unreliable line.
	Parser string
}

// Kinds of syntax error.
const (
	KindEmpty        = "empty"            // no document at all
	KindTab          = "tab"              // a tab in the indentation
	KindQuote        = "unclosed-quote"   // a quote not closed on its line
	KindBracket      = "unclosed-bracket" // a [ or { not closed on its line
	KindColon        = "colon"            // "key: value: value"
	KindAfter        = "after-quote"      // text after a closing quote
	KindAfterBracket = "after-bracket"    // text after the ] or } closing a list
	KindIndent       = "indent"           // a line that lines up with nothing above
	KindNoColon      = "no-colon"         // a key without its colon
	KindSpecial      = "special"          // a value starting with * & ! % @ `
	KindEscape       = "escape"           // an unknown \ escape in double quotes
	KindDash         = "dash"             // "key: - item" on one line
	KindOther        = "syntax"           // anything else: the line, and the parser's words
)

var parserLine = regexp.MustCompile(`^yaml: (?:line \d+: )?`)

// Locate finds where the syntax error err of the YAML text b is. It parses
// ever longer prefixes of b, whole lines at a time, to find the first line
// after which the text can no longer be YAML: since the parser reads left
// to right, that line holds the mistake (or starts the construct that
// swallows the rest, like an unclosed quote). This assumes that no quoted
// text or [ ] { } list runs over several lines, which holds for the rule
// data; the line is then read character by character to name the mistake
// and its column.
func Locate(b []byte, err error) Syntax {
	if errors.Is(err, io.EOF) {
		return Syntax{Line: 1, Col: 1, Kind: KindEmpty}
	}
	msg := parserLine.ReplaceAllString(strings.TrimSpace(err.Error()), "")
	lines := splitLines(b)
	// fails(k): the first k lines are not YAML. fails(0) is false, and
	// fails(len(lines)) is true when err came from parsing b.
	fails := func(k int) bool {
		var n yaml.Node
		return yaml.Unmarshal(bytes.Join(lines[:k], nil), &n) != nil
	}
	lo, hi := 0, len(lines)
	if hi == 0 || !fails(hi) {
		return Syntax{Line: 1, Col: 1, Kind: KindOther, Arg: msg, Parser: msg}
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	line := strings.TrimRight(string(lines[hi-1]), "\r\n")
	s := Syntax{Line: hi, Col: firstCol(line), Parser: msg}
	sc := scanLine(line)
	at := func(kind string, col int, arg string) Syntax {
		s.Kind, s.Col, s.Arg = kind, col, arg
		return s
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(msg, w) {
				return true
			}
		}
		return false
	}
	switch {
	case sc.tab > 0:
		return at(KindTab, sc.tab, "")
	case sc.quote > 0:
		return at(KindQuote, sc.quote, string(sc.quoteChar))
	case sc.escape > 0 && has("escape"):
		return at(KindEscape, sc.escape, "")
	case len(sc.open) > 0:
		o := sc.open[0]
		s.Close = map[rune]string{'[': "]", '{': "}"}[o.char]
		return at(KindBracket, o.col, string(o.char))
	case sc.colon > 0:
		s.Example = quoted(line, sc.valueCol, sc.valueEnd)
		return at(KindColon, sc.colon, "")
	case sc.after > 0:
		return at(KindAfter, sc.after, "")
	case sc.afterBracket > 0:
		return at(KindAfterBracket, sc.afterBracket, string(sc.bracketChar))
	case sc.dash > 0 && has("block sequence entries"):
		return at(KindDash, sc.dash, "")
	case sc.special > 0 && has("cannot start any token", "alphabetic or numeric", "anchor", "tag", "alias"):
		s.Example = sc.specialExample
		return at(KindSpecial, sc.special, string(sc.specialChar))
	case has("could not find expected ':'"):
		return at(KindNoColon, s.Col, "")
	}
	if cols, opens := indents(lines[:hi-1]); has("did not find expected key", "did not find expected '-' indicator", "mapping values are not allowed") &&
		len(cols) > 0 && !containsInt(cols, s.Col) && !(opens && s.Col > cols[len(cols)-1]) {
		var cs []string
		for _, c := range cols {
			cs = append(cs, strconv.Itoa(c))
		}
		return at(KindIndent, s.Col, strings.Join(cs, "|"))
	}
	return at(KindOther, s.Col, msg)
}

// splitLines cuts b after each newline, keeping them.
func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}

// firstCol is the column of a line's first character that is not a space.
func firstCol(line string) int {
	col := 1
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return col
		}
		col++
	}
	return 1
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

type bracket struct {
	char rune
	col  int
}

// lineScan is what scanLine finds wrong in one line; each field is a
// column (from 1), or 0 when the line has no such mistake.
type lineScan struct {
	tab            int // a tab in the indentation
	quote          int // a quote that the line does not close
	quoteChar      rune
	open           []bracket // [ and { the line does not close, outermost first
	colon          int       // a second ": " in one entry: "key: value: value"
	valueCol       int       // where that entry's value starts
	valueEnd       int       // where it ends (index after its last character)
	after          int       // text right after a closing quote
	afterBracket   int       // text after the ] or } that closes a [ ] or { } list
	bracketChar    rune      // that ] or }
	dash           int       // "- " after "key: " on the same line
	special        int       // a value starting with a sign YAML reserves
	specialChar    rune
	specialExample string // its line with that value quoted, when it follows a key
	escape         int    // an unknown escape after \ in double quotes
}

// scanLine reads one line of block YAML the way the parser would, far
// enough to see the mistakes people make when editing by hand.
func scanLine(line string) lineScan {
	var sc lineScan
	rs := []rune(line)
	n := len(rs)
	i := 0
	for i < n && (rs[i] == ' ' || rs[i] == '\t') {
		if rs[i] == '\t' && sc.tab == 0 {
			sc.tab = i + 1
		}
		i++
	}
	var flow []bracket
	var outer []bool   // keyDone of the entries that hold each open collection
	keyDone := false   // this entry has had its key's colon
	valueStart := true // a new value may start here
	space := func(j int) bool { return j >= n || rs[j] == ' ' || rs[j] == '\t' }
	for i < n {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '#' && (i == 0 || rs[i-1] == ' ' || rs[i-1] == '\t'):
			i = n // a comment
			continue
		}
		if valueStart {
			switch {
			case c == '"' || c == '\'':
				end, esc := closeQuote(rs, i)
				if esc > 0 && sc.escape == 0 {
					sc.escape = esc
				}
				if end < 0 {
					sc.quote, sc.quoteChar = i+1, c
					return sc
				}
				j := end + 1
				for j < n && rs[j] == ' ' {
					j++
				}
				if j < n && !strings.ContainsRune(":,]}#", rs[j]) && sc.after == 0 {
					sc.after = j + 1
				}
				i, valueStart = end+1, false
				continue
			case c == '[' || c == '{':
				flow = append(flow, bracket{c, i + 1})
				outer = append(outer, keyDone)
				keyDone = false // a new collection: its entries have keys of their own
				i++
				continue
			case c == '-' && space(i+1) && len(flow) == 0:
				if keyDone && sc.dash == 0 {
					sc.dash = i + 1
				}
				keyDone = false
				i++
				continue
			case strings.ContainsRune("*&!%@`", c):
				if sc.special == 0 {
					sc.special, sc.specialChar = i+1, c
					if keyDone {
						sc.specialExample = quoted(line, i+1, entryEnd(rs, i, len(flow) > 0))
					}
				}
			}
			valueStart = false
		}
		switch {
		case c == ':' && (space(i+1) || (len(flow) > 0 && i+1 < n && strings.ContainsRune(",]}", rs[i+1]))):
			if keyDone {
				if sc.colon == 0 {
					sc.colon = i + 1
					sc.valueEnd = entryEnd(rs, i, len(flow) > 0)
				}
			} else {
				keyDone = true
				j := i + 1
				for j < n && rs[j] == ' ' {
					j++
				}
				if sc.colon == 0 {
					sc.valueCol = j + 1
				}
			}
			valueStart = true
		case len(flow) > 0 && c == ',':
			keyDone, valueStart = false, true
		case len(flow) > 0 && (c == ']' || c == '}'):
			flow = flow[:len(flow)-1]
			keyDone, outer = outer[len(outer)-1], outer[:len(outer)-1]
			valueStart = false
			if len(flow) == 0 && sc.afterBracket == 0 {
				j := i + 1
				for j < n && rs[j] == ' ' {
					j++
				}
				if j < n && rs[j] != '#' && rs[j] != ':' {
					sc.afterBracket, sc.bracketChar = j+1, c
				}
			}
		}
		i++
	}
	sc.open = flow
	return sc
}

// entryEnd returns the index where the value holding rs[i] ends: at the
// next , ] or } of its collection in a [ ] or { } list, else at the end of
// the line or at a comment.
func entryEnd(rs []rune, i int, inFlow bool) int {
	depth := 0
	for j := i; j < len(rs); j++ {
		switch c := rs[j]; {
		case c == '#' && (rs[j-1] == ' ' || rs[j-1] == '\t'):
			return j
		case !inFlow:
		case c == '[' || c == '{':
			depth++
		case (c == ']' || c == '}' || c == ',') && depth == 0:
			return j
		case c == ']' || c == '}':
			depth--
		}
	}
	return len(rs)
}

// closeQuote returns the index of the quote that closes the one at
// rs[start], or -1, and the column of the first unknown escape in a
// double-quoted text.
func closeQuote(rs []rune, start int) (end, badEscape int) {
	q := rs[start]
	for j := start + 1; j < len(rs); j++ {
		switch {
		case q == '\'' && rs[j] == '\'':
			if j+1 < len(rs) && rs[j+1] == '\'' {
				j++ // '' is a quote inside single quotes
				continue
			}
			return j, badEscape
		case q == '"' && rs[j] == '\\':
			if j+1 < len(rs) && !strings.ContainsRune(`0abt	nvfre "/\N_LPxuU`, rs[j+1]) && badEscape == 0 {
				badEscape = j + 1
			}
			j++
		case q == '"' && rs[j] == '"':
			return j, badEscape
		}
	}
	return -1, badEscape
}

// quoted rewrites a line with the value from column valueCol to index
// end in double quotes, as a "key: value: value" line should be written,
// shortened to stay readable in a message.
func quoted(line string, valueCol, end int) string {
	rs := []rune(line)
	start := valueCol - 1
	if valueCol == 0 || start > end || end > len(rs) {
		return ""
	}
	lead := 0
	for lead < len(rs) && (rs[lead] == ' ' || rs[lead] == '\t') {
		lead++
	}
	value := strings.TrimSpace(string(rs[start:end]))
	value = strings.ReplaceAll(strings.ReplaceAll(value, `\`, `\\`), `"`, `\"`)
	if utf8.RuneCountInString(value) > 60 {
		value = string([]rune(value)[:60]) + "…"
	}
	rest := strings.TrimRight(string(rs[end:]), " ")
	if strings.HasPrefix(rest, " #") || strings.HasPrefix(strings.TrimSpace(rest), "#") {
		rest = "" // the comment is not part of the example
	}
	return string(rs[lead:start]) + `"` + value + `"` + rest
}

// indents returns the columns a line after lines may start in: those of
// the keys and list items it could belong to, from the outermost in; opens
// is true when the last line ends with a key whose value follows on the
// next lines, further in.
func indents(lines [][]byte) (cols []int, opens bool) {
	var stack []int
	block := -1 // indentation of the key of a block scalar (| or >) being read
	for _, raw := range lines {
		line := strings.TrimRight(string(raw), "\r\n")
		t := strings.TrimLeft(line, " ")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		ind := len(line) - len(t)
		if block >= 0 {
			if ind > block {
				continue
			}
			block = -1
		}
		for len(stack) > 0 && stack[len(stack)-1] > ind {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 || stack[len(stack)-1] < ind {
			if len(stack) > 0 && !strings.HasPrefix(t, "- ") && !strings.Contains(t, ": ") && !strings.HasSuffix(t, ":") {
				continue // a continuation line of a plain text
			}
			stack = append(stack, ind)
		}
		// "- key: value" opens a mapping two columns in.
		for strings.HasPrefix(t, "- ") {
			rest := strings.TrimLeft(t[1:], " ")
			ind += len(t) - len(rest)
			t = rest
			if t != "" && !strings.HasPrefix(t, "#") {
				stack = append(stack, ind)
			}
		}
		if strings.HasSuffix(t, "|") || strings.HasSuffix(t, ">") || strings.HasSuffix(t, "|-") || strings.HasSuffix(t, ">-") {
			block = ind
		}
		if i := strings.Index(t, " #"); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		opens = strings.HasSuffix(t, ":") || t == "-"
	}
	for _, s := range stack {
		cols = append(cols, s+1)
	}
	return cols, opens
}
