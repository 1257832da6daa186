package filetype

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

const (
	// eofWindow is how near the end "%%EOF" must be: the last 1024 bytes,
	// as readers search (ISO 32000-2 §7.5.5), whatever follows it.
	eofWindow = 1024
	// maxPrevHops bounds how many /Prev trailers are followed looking for
	// /Root, so that a loop or a long chain cannot stall the check.
	maxPrevHops = 32
	// maxDict bounds the bytes read for one trailer or xref-stream
	// dictionary; real ones are a few hundred bytes.
	maxDict = 256 << 10
	// maxNesting bounds how deep arrays and dictionaries may nest inside a
	// trailer, so that hostile input cannot exhaust the stack.
	maxNesting = 64
)

// CheckPDF reports whether a PDF of the given size is whole enough to open:
// a "%PDF-1.x" or "%PDF-2.0" header within the first 1024 bytes; "%%EOF" in
// the last 1024 bytes; a startxref before it whose offset lies inside the
// file at either an "xref" table or an "N G obj" cross-reference stream; and
// a trailer (the table's, or the stream's dictionary) with /Root, found in
// the last section or through its /Prev chain. A trailer with /Encrypt gives
// ErrEncrypted. It reads only the head, the tail and the trailers, never the
// whole file. The error is an *Error.
func CheckPDF(r io.ReaderAt, size int64) error {
	head, err := readAt(r, 0, min(size, pdfHeaderWindow))
	if err != nil {
		return newError(ErrNoHeader, 0, err)
	}
	i := bytes.Index(head, sigPDF)
	if i < 0 || !pdfVersionOK(head[i+len(sigPDF):]) {
		return newError(ErrNoHeader, -1, nil)
	}

	// Read twice the %%EOF window so that a startxref just before it is
	// found too.
	tailStart := max(0, size-2*eofWindow)
	tail, err := readAt(r, tailStart, size-tailStart)
	if err != nil {
		return newError(ErrNoEOF, tailStart, err)
	}
	e := bytes.LastIndex(tail, []byte("%%EOF"))
	if e < 0 || tailStart+int64(e) < size-eofWindow {
		return newError(ErrNoEOF, -1, nil)
	}
	s := bytes.LastIndex(tail[:e], []byte("startxref"))
	if s < 0 {
		return newError(ErrBadXref, -1, errors.New("no startxref"))
	}
	rest := skipSpace(tail[s+len("startxref") : e])
	n := digitsLen(rest)
	off, err := strconv.ParseInt(string(rest[:n]), 10, 64)
	if n == 0 || err != nil {
		return newError(ErrBadXref, tailStart+int64(s), errors.New("startxref has no offset"))
	}

	visited := map[int64]bool{}
	for hop := 0; ; hop++ {
		if off < 0 || off >= size {
			return newError(ErrBadXref, off, errors.New("offset outside the file"))
		}
		if visited[off] || hop >= maxPrevHops {
			return newError(ErrBadXref, off, errors.New("no /Root in the /Prev chain"))
		}
		visited[off] = true
		trailer, err := readTrailer(r, size, off)
		if err != nil {
			return newError(ErrBadXref, off, err)
		}
		if _, ok := trailer["Encrypt"]; ok {
			return newError(ErrEncrypted, off, nil)
		}
		if _, ok := trailer["Root"]; ok {
			return nil
		}
		prev, ok := trailer["Prev"]
		if !ok {
			return newError(ErrBadXref, off, errors.New("trailer has no /Root"))
		}
		if off, err = strconv.ParseInt(string(prev), 10, 64); err != nil {
			return newError(ErrBadXref, off, errors.New("bad /Prev"))
		}
	}
}

// pdfVersionOK reports whether b starts with 1.0–1.9 or 2.0.
func pdfVersionOK(b []byte) bool {
	if len(b) < 3 || b[1] != '.' {
		return false
	}
	return (b[0] == '1' && isDigit(b[2])) || (b[0] == '2' && b[2] == '0')
}

// readTrailer reads the cross-reference section at off and returns its
// trailer dictionary: keys without the slash, values as raw bytes.
func readTrailer(r io.ReaderAt, size, off int64) (map[string][]byte, error) {
	w, err := readAt(r, off, min(size-off, 64))
	if err != nil {
		return nil, err
	}
	i := skipSpaceAt(w, 0)
	if bytes.HasPrefix(w[i:], []byte("xref")) {
		if i = skipSpaceAt(w, i+4); i >= len(w) || !isDigit(w[i]) {
			return nil, errors.New("xref has no subsection")
		}
		t, err := find(r, size, off, []byte("trailer"))
		if err != nil {
			return nil, err
		}
		return readDict(r, size, t+int64(len("trailer")))
	}
	// A cross-reference stream: "N G obj", then its dictionary.
	for range 2 {
		n := digitsLen(w[i:])
		if n == 0 {
			return nil, errors.New("offset is not at xref or an object")
		}
		i = skipSpaceAt(w, i+n)
	}
	if !bytes.HasPrefix(w[i:], []byte("obj")) {
		return nil, errors.New("offset is not at xref or an object")
	}
	d, err := readDict(r, size, off+int64(i+3))
	if err != nil {
		return nil, err
	}
	if string(d["Type"]) != "/XRef" {
		return nil, errors.New("object is not a cross-reference stream")
	}
	return d, nil
}

// find returns the offset of the first sep at or after off, reading in
// chunks so that a long xref table is scanned with bounded memory.
func find(r io.ReaderAt, size, off int64, sep []byte) (int64, error) {
	const chunk = 32 << 10
	for pos := off; pos < size; pos += chunk {
		b, err := readAt(r, pos, min(size-pos, chunk+int64(len(sep))))
		if err != nil {
			return 0, err
		}
		if i := bytes.Index(b, sep); i >= 0 {
			return pos + int64(i), nil
		}
	}
	return 0, fmt.Errorf("no %s", sep)
}

// readDict parses the dictionary that starts (after white space) at off.
func readDict(r io.ReaderAt, size, off int64) (map[string][]byte, error) {
	b, err := readAt(r, off, min(size-off, maxDict))
	if err != nil {
		return nil, err
	}
	b = skipSpace(b)
	if !bytes.HasPrefix(b, []byte("<<")) {
		return nil, errors.New("no dictionary")
	}
	return parseDict(b[2:])
}

// parseDict reads "key value" pairs up to the closing ">>". A value is kept
// as its raw bytes, so an indirect reference "12 0 R" is kept whole.
func parseDict(b []byte) (map[string][]byte, error) {
	d := map[string][]byte{}
	i := 0
	for {
		i = skipSpaceAt(b, i)
		if i >= len(b) {
			return nil, errors.New("unterminated dictionary")
		}
		if bytes.HasPrefix(b[i:], []byte(">>")) {
			return d, nil
		}
		if b[i] != '/' {
			return nil, errors.New("dictionary key is not a name")
		}
		j := nameEnd(b, i+1)
		key := string(b[i+1 : j])
		v, end, err := value(b, j)
		if err != nil {
			return nil, err
		}
		d[key] = v
		i = end
	}
}

// value returns the object starting after white space at i, and where it
// ends. Two integers followed by R make one value, an indirect reference.
func value(b []byte, i int) ([]byte, int, error) {
	start := skipSpaceAt(b, i)
	end, err := skipObject(b, start, 0)
	if err != nil {
		return nil, 0, err
	}
	if isInt(b[start:end]) {
		j := skipSpaceAt(b, end)
		if k, err := skipObject(b, j, 0); err == nil && isInt(b[j:k]) {
			l := skipSpaceAt(b, k)
			if l < len(b) && b[l] == 'R' && (l+1 == len(b) || isDelimOrSpace(b[l+1])) {
				return b[start : l+1], l + 1, nil
			}
		}
	}
	return b[start:end], end, nil
}

// skipObject returns the end of the direct object starting at i.
func skipObject(b []byte, i, depth int) (int, error) {
	if depth > maxNesting {
		return 0, errors.New("nested too deep")
	}
	if i >= len(b) {
		return 0, errors.New("unexpected end")
	}
	switch {
	case bytes.HasPrefix(b[i:], []byte("<<")):
		i += 2
		for {
			i = skipSpaceAt(b, i)
			if i >= len(b) {
				return 0, errors.New("unterminated dictionary")
			}
			if bytes.HasPrefix(b[i:], []byte(">>")) {
				return i + 2, nil
			}
			var err error
			if i, err = skipObject(b, i, depth+1); err != nil {
				return 0, err
			}
		}
	case b[i] == '[':
		i++
		for {
			i = skipSpaceAt(b, i)
			if i >= len(b) {
				return 0, errors.New("unterminated array")
			}
			if b[i] == ']' {
				return i + 1, nil
			}
			var err error
			if i, err = skipObject(b, i, depth+1); err != nil {
				return 0, err
			}
		}
	case b[i] == '<':
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return 0, errors.New("unterminated hex string")
		}
		return i + j + 1, nil
	case b[i] == '(':
		nest := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '\\':
				j++
			case '(':
				nest++
			case ')':
				if nest--; nest == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errors.New("unterminated string")
	case b[i] == '/':
		return nameEnd(b, i+1), nil
	case b[i] == ')' || b[i] == '>' || b[i] == ']' || b[i] == '{' || b[i] == '}':
		return 0, fmt.Errorf("unexpected %q", b[i])
	}
	// A number or a keyword (true, false, null, R).
	j := i
	for j < len(b) && !isDelimOrSpace(b[j]) {
		j++
	}
	return j, nil
}

func nameEnd(b []byte, i int) int {
	for i < len(b) && !isDelimOrSpace(b[i]) {
		i++
	}
	return i
}

func isInt(b []byte) bool {
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		b = b[1:]
	}
	return len(b) > 0 && digitsLen(b) == len(b)
}

func digitsLen(b []byte) int {
	n := 0
	for n < len(b) && isDigit(b[n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSpace reports PDF white space (ISO 32000-2 Table 1).
func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelimOrSpace(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// skipSpaceAt skips white space and comments from i.
func skipSpaceAt(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isSpace(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func skipSpace(b []byte) []byte { return b[skipSpaceAt(b, 0):] }

// readAt reads exactly n bytes at off.
func readAt(r io.ReaderAt, off, n int64) ([]byte, error) {
	if n <= 0 {
		return nil, nil
	}
	b := make([]byte, n)
	m, err := r.ReadAt(b, off)
	if int64(m) == n {
		return b, nil
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return nil, err
}
