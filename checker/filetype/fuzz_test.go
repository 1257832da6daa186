package filetype

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
)

// FuzzDetectCheckPDF feeds arbitrary bytes to Detect, CheckPDF and CheckCMS:
// none may panic or hang, and every error must be a typed *Error.
func FuzzDetectCheckPDF(f *testing.F) {
	f.Add(minimalPDF())
	f.Add(xrefStreamPDF())
	f.Add(incrementalPDF(false))
	f.Add(buildPDF("/Size 4 /Root 1 0 R /Encrypt 5 0 R"))
	f.Add(minimalPDF()[:200])
	f.Add([]byte("%PDF-1.4\n%%EOF\nstartxref\n0\n%%EOF"))
	f.Add(jpegBytes(f))
	f.Add(buildCMS(f, oidSignedData, signer(f, []byte{1})))
	f.Add([]byte{0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x06})
	f.Fuzz(func(t *testing.T, b []byte) {
		head := b[:min(len(b), 64<<10)]
		tail := b[max(0, len(b)-4<<10):]
		typ := Detect(head, tail, int64(len(b)))
		err := CheckPDF(bytes.NewReader(b), int64(len(b)))
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("CheckPDF error %T is not *Error", err)
		}
		if err == nil && typ != PDF {
			t.Fatalf("CheckPDF accepted a file Detect calls %q", typ)
		}
		if err := CheckCMS(b); err != nil && !errors.As(err, &e) {
			t.Fatalf("CheckCMS error %T is not *Error", err)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	files := map[string][]byte{"pdf": minimalPDF(), "jpeg": jpegBytes(b), "cms": readTestdata(b, "attached.p7s"), "text": []byte("plain text, not a known type at all")}
	for name, f := range files {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Detect(f, f, int64(len(f)))
			}
		})
	}
}

func BenchmarkCheckPDF(b *testing.B) {
	// A 5 MiB PDF: the check reads only its ends, so the time should not
	// depend on the size.
	good := minimalPDF()
	i := bytes.Index(good, []byte("xref\n"))
	pad := append(append([]byte("% "), bytes.Repeat([]byte("x"), 5<<20)...), '\n')
	pdf := append(append(bytes.Clone(good[:i]), pad...), good[i:]...)
	pdf = replaceStartxref(pdf, strconv.Itoa(bytes.Index(pdf, []byte("xref\n"))))
	r := bytes.NewReader(pdf)
	for b.Loop() {
		if err := CheckPDF(r, int64(len(pdf))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckImage(b *testing.B) {
	j := jpegBytes(b)
	for b.Loop() {
		if _, _, err := CheckImage(bytes.NewReader(j), JPEG); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckCMS(b *testing.B) {
	der := readTestdata(b, "attached.p7s")
	for b.Loop() {
		if err := CheckCMS(der); err != nil {
			b.Fatal(err)
		}
	}
}
