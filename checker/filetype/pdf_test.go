package filetype

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// pdfObjects are the three objects of a one-page PDF.
var pdfObjects = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
}

// buildPDF writes a one-page PDF with an exact xref table. trailer is the
// trailer dictionary's body; "%d" in it is replaced by nothing (no Prev).
func buildPDF(trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	offs := make([]int, len(pdfObjects))
	for i, o := range pdfObjects {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(pdfObjects)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

func minimalPDF() []byte { return buildPDF("/Size 4 /Root 1 0 R") }

// xrefStreamPDF writes a PDF 1.5 whose cross-reference data is a stream
// (object 4), with /W [1 2 1] entries, uncompressed.
func xrefStreamPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offs := make([]int, len(pdfObjects))
	for i, o := range pdfObjects {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	var data []byte
	data = append(data, 0, 0, 0, 0xFF)
	for _, o := range offs {
		data = append(data, 1, byte(o>>8), byte(o), 0)
	}
	data = append(data, 1, byte(xref>>8), byte(xref), 0)
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /XRef /Size 5 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n", len(data))
	b.Write(data)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// incrementalPDF appends an update to minimalPDF whose trailer, like some
// writers', has no /Root of its own but a /Prev to the original one.
func incrementalPDF(withRoot bool) []byte {
	base := minimalPDF()
	prev := bytes.LastIndex(base, []byte("xref\n0 4"))
	var b bytes.Buffer
	b.Write(base)
	obj := b.Len()
	b.WriteString("5 0 obj\n(an update)\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n5 1\n%010d 00000 n\r\n", obj)
	root := ""
	if withRoot {
		root = "/Root 1 0 R "
	}
	fmt.Fprintf(&b, "trailer\n<< /Size 6 %s/Prev %d >>\nstartxref\n%d\n%%%%EOF\n", root, prev, xref)
	return b.Bytes()
}

func TestCheckPDF(t *testing.T) {
	good := minimalPDF()
	tests := []struct {
		name string
		pdf  []byte
		want ErrorKind // "" for no error
	}{
		{"minimal", good, ""},
		{"xref stream", xrefStreamPDF(), ""},
		{"incremental update, /Root via /Prev", incrementalPDF(false), ""},
		{"incremental update with /Root", incrementalPDF(true), ""},
		{"trailing whitespace and NULs after %%EOF", append(bytes.Clone(good), "\r\n\x00\x00   \n"...), ""},
		{"junk before the header", append([]byte("junk from a mail gateway\n"), shift(good, 25)...), ""},
		{"PDF 2.0", bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1), ""},
		{"comment inside the trailer", buildPDF("/Size 4 % a comment >>\n /Root 1 0 R"), ""},
		{"nested values in the trailer", buildPDF("/Size 4 /ID [<0A1B> <0A1B>] /Info << /Title (a (nested) \\) string) >> /Root 1 0 R"), ""},

		{"empty", nil, ErrNoHeader},
		{"renamed JPEG", jpegBytes(t), ErrNoHeader},
		{"header after 1024 bytes", append(bytes.Repeat([]byte{' '}, 1100), good...), ErrNoHeader},
		{"PDF 3.0", bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-3.0"), 1), ErrNoHeader},
		{"truncated at half", good[:len(good)/2], ErrNoEOF},
		{"truncated before %%EOF", good[:len(good)-4], ErrNoEOF},
		{"%%EOF followed by 2 KiB", append(bytes.Clone(good), bytes.Repeat([]byte{'x'}, 2048)...), ErrNoEOF},
		{"%%EOF followed by 1500 bytes", append(bytes.Clone(good), bytes.Repeat([]byte{'x'}, 1500)...), ErrNoEOF},
		{"%%EOF followed by 1000 bytes of junk", append(bytes.Clone(good), bytes.Repeat([]byte{'x'}, 1000)...), ""},
		{"no startxref", bytes.Replace(good, []byte("startxref"), []byte("startxreF"), 1), ErrBadXref},
		{"startxref without a number", replaceStartxref(good, "\n"), ErrBadXref},
		{"startxref past the end", replaceStartxref(good, "99999"), ErrBadXref},
		{"startxref off by 3", replaceStartxref(good, fmt.Sprint(bytes.Index(good, []byte("xref\n"))+3)), ErrBadXref},
		{"startxref at an ordinary object", replaceStartxref(good, fmt.Sprint(bytes.Index(good, []byte("1 0 obj")))), ErrBadXref},
		{"trailer without /Root", buildPDF("/Size 4"), ErrBadXref},
		{"/Root only as a value", buildPDF("/Size 4 /Info /Root"), ErrBadXref},
		{"/Rootx is not /Root", buildPDF("/Size 4 /Rootx 1 0 R"), ErrBadXref},
		{"no trailer", bytes.Replace(good, []byte("trailer"), []byte("trai1er"), 1), ErrBadXref},
		{"unterminated trailer", buildPDF("/Size 4 /Root 1 0 R /ID [<0A> "), ErrBadXref},
		{"deep nesting", buildPDF(strings.Repeat("/A [", 200) + strings.Repeat("]", 200) + " /Root 1 0 R"), ErrBadXref},
		{"encrypted", buildPDF("/Size 4 /Root 1 0 R /Encrypt 5 0 R /ID [<01> <01>]"), ErrEncrypted},
		{"xref stream without /Type /XRef", bytes.Replace(xrefStreamPDF(), []byte("/Type /XRef"), []byte("/Type /Page"), 1), ErrBadXref},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPDF(bytes.NewReader(tt.pdf), int64(len(tt.pdf)))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckPDF = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != tt.want {
				t.Fatalf("CheckPDF = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestCheckPDFLoop(t *testing.T) {
	// A /Prev pointing back at its own section must end, not spin.
	pdf := buildPDF("/Size 4 /Prev 0")
	xref := bytes.Index(pdf, []byte("xref\n"))
	pdf = bytes.Replace(pdf, []byte("/Prev 0"), []byte(fmt.Sprintf("/Prev %d", xref)), 1)
	pdf = replaceStartxref(pdf, fmt.Sprint(bytes.Index(pdf, []byte("xref\n"))))
	if err := CheckPDF(bytes.NewReader(pdf), int64(len(pdf))); !errors.Is(err, ErrBadXref) {
		t.Fatalf("CheckPDF = %v, want %s", err, ErrBadXref)
	}
}

// shift rewrites the startxref offset of pdf for n bytes put in front of it.
func shift(pdf []byte, n int) []byte {
	return replaceStartxref(pdf, fmt.Sprint(bytes.Index(pdf, []byte("xref\n"))+n))
}

// replaceStartxref replaces the number after the last startxref.
func replaceStartxref(pdf []byte, off string) []byte {
	i := bytes.LastIndex(pdf, []byte("startxref\n")) + len("startxref\n")
	j := bytes.Index(pdf[i:], []byte("\n")) + i
	out := append(bytes.Clone(pdf[:i]), off...)
	return append(out, pdf[j:]...)
}

// countingReaderAt counts the bytes read, to show that CheckPDF reads only
// the ends of a big file.
type countingReaderAt struct {
	r *bytes.Reader
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

func TestCheckPDFReadsLittle(t *testing.T) {
	// 10 MiB of page content between the objects and the xref table.
	good := minimalPDF()
	i := bytes.Index(good, []byte("xref\n"))
	pad := append([]byte("% "), bytes.Repeat([]byte("x"), 10<<20)...)
	pad = append(pad, '\n')
	pdf := append(append(bytes.Clone(good[:i]), pad...), good[i:]...)
	pdf = replaceStartxref(pdf, fmt.Sprint(bytes.Index(pdf, []byte("xref\n"))))
	c := &countingReaderAt{r: bytes.NewReader(pdf)}
	if err := CheckPDF(c, int64(len(pdf))); err != nil {
		t.Fatal(err)
	}
	if c.n > 64<<10+maxDict {
		t.Errorf("read %d bytes of %d", c.n, len(pdf))
	}
}

func TestErrorText(t *testing.T) {
	pdf := replaceStartxref(minimalPDF(), "99999")
	err := CheckPDF(bytes.NewReader(pdf), int64(len(pdf)))
	if got, want := err.Error(), "filetype: pdf-bad-xref at 99999: offset outside the file"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
