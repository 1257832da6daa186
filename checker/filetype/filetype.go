// Package filetype tells what a file is from its bytes, not its name, and
// checks that a PDF, an image or a CMS signature is whole enough to open.
// It reads only what it is given: Detect looks at the head and tail that
// pkgread keeps, and the Check functions read no more than they need.
package filetype

import (
	"bytes"
	"strconv"
)

// Type is a file type found by content, e.g. "pdf". Its value is stable and
// may be shown in reports.
type Type string

const (
	// PDF is a file whose first 1024 bytes contain "%PDF-".
	PDF Type = "pdf"
	// JPEG starts with FF D8 FF.
	JPEG Type = "jpeg"
	// PNG starts with the 8-byte PNG signature.
	PNG Type = "png"
	// CMS is a PKCS#7/CMS SignedData (OID 1.2.840.113549.1.7.2): DER, PEM,
	// or the bare base64 that signing tools such as NCALayer often save.
	CMS Type = "cms"
	// ZIP is a zip archive; Office documents (docx, xlsx) are zips too.
	ZIP Type = "zip"
	// Unknown is anything else.
	Unknown Type = "unknown"
)

// pdfHeaderWindow is how far into a file "%PDF-" may start: readers accept
// junk before the header within the first 1024 bytes (ISO 32000-2, and what
// Acrobat does), and so do we.
const pdfHeaderWindow = 1024

var (
	sigPNG     = []byte("\x89PNG\r\n\x1a\n")
	sigJPEG    = []byte{0xFF, 0xD8, 0xFF}
	sigZip     = []byte("PK\x03\x04")
	sigZipNone = []byte("PK\x05\x06") // an empty zip is only its end record
	sigPDF     = []byte("%PDF-")
)

// Detect returns the type of a file from its first bytes (head, e.g. the
// first 64 KiB), its last bytes (tail) and its size. A damaged file of a
// known type is still that type: a PDF cut in half is PDF, and CheckPDF
// tells what is wrong with it. tail is accepted so callers need not know
// which types use it; no type needs it today.
func Detect(head, tail []byte, size int64) Type {
	_ = tail
	switch {
	case bytes.HasPrefix(head, sigPNG):
		return PNG
	case bytes.HasPrefix(head, sigJPEG):
		return JPEG
	case bytes.HasPrefix(head, sigZip), bytes.HasPrefix(head, sigZipNone):
		return ZIP
	case bytes.HasPrefix(head, sigPDF):
		return PDF
	case isCMS(head, size):
		return CMS
	case bytes.Contains(head[:min(len(head), pdfHeaderWindow)], sigPDF):
		return PDF
	}
	return Unknown
}

// ErrorKind names what is wrong with a file. Its value is a stable code for
// message tables, e.g. "pdf-no-eof". An ErrorKind is itself an error, so
// errors.Is(err, filetype.ErrNoEOF) works.
type ErrorKind string

const (
	// ErrNoHeader means no "%PDF-1.x" or "%PDF-2.0" in the first 1024
	// bytes: not a PDF at all (a renamed JPEG, a Word file).
	ErrNoHeader ErrorKind = "pdf-no-header"
	// ErrNoEOF means no "%%EOF" in the last 1024 bytes: usually a PDF cut
	// short by an interrupted download or upload.
	ErrNoEOF ErrorKind = "pdf-no-eof"
	// ErrBadXref means the cross-reference data is missing or broken: no
	// startxref, an offset outside the file or not at an xref table or
	// stream, or no /Root in the trailer. Lenient viewers may still repair
	// such a file; strict ones, as a provider's may be, do not.
	ErrBadXref ErrorKind = "pdf-bad-xref"
	// ErrEncrypted means the trailer has /Encrypt: the PDF is password- or
	// permission-protected and a provider's system may not read it.
	ErrEncrypted ErrorKind = "pdf-encrypted"
	// ErrNotImage means CheckImage was asked about a type other than JPEG
	// or PNG.
	ErrNotImage ErrorKind = "image-type"
	// ErrBadImage means the image does not decode: broken or truncated.
	ErrBadImage ErrorKind = "image-broken"
	// ErrNotCMS means the bytes are not a CMS ContentInfo holding
	// SignedData (e.g. an unsigned file, or EnvelopedData).
	ErrNotCMS ErrorKind = "cms-not-signed-data"
	// ErrNoSigner means the SignedData has no signerInfo: nobody signed.
	ErrNoSigner ErrorKind = "cms-no-signer"
	// ErrBadCMS means the SignedData structure is malformed or not DER.
	ErrBadCMS ErrorKind = "cms-malformed"
)

// Error returns the code with the package prefix, e.g.
// "filetype: pdf-no-eof".
func (k ErrorKind) Error() string { return "filetype: " + string(k) }

// Error is a problem with one file. It carries data, not prose.
type Error struct {
	Kind ErrorKind
	// Offset is the byte offset the problem was found at, e.g. the startxref
	// value for ErrBadXref; -1 when there is none.
	Offset int64
	// Err is the underlying cause, for logs; may be nil.
	Err error
}

// Error returns e.g. "filetype: pdf-bad-xref at 1234: no trailer".
func (e *Error) Error() string {
	s := e.Kind.Error()
	if e.Offset >= 0 {
		s += " at " + strconv.FormatInt(e.Offset, 10)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's ErrorKind.
func (e *Error) Is(target error) bool {
	k, ok := target.(ErrorKind)
	return ok && k == e.Kind
}

func newError(k ErrorKind, off int64, err error) *Error {
	return &Error{Kind: k, Offset: off, Err: err}
}
