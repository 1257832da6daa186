package filetype

import (
	"archive/zip"
	"bytes"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"testing"
)

func zipBytes(t testing.TB) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("a.txt")
	f.Write([]byte("hello"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func emptyZip(t testing.TB) []byte {
	var b bytes.Buffer
	if err := zip.NewWriter(&b).Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDetect(t *testing.T) {
	der := readTestdata(t, "attached.p7s")
	tests := []struct {
		name string
		b    []byte
		want Type
	}{
		{"pdf", minimalPDF(), PDF},
		{"pdf after junk", append([]byte("junk\n"), minimalPDF()...), PDF},
		{"pdf cut in half is still a pdf", minimalPDF()[:100], PDF},
		{"pdf header after 1024 bytes", append(bytes.Repeat([]byte{' '}, 1024), minimalPDF()...), Unknown},
		{"jpeg", jpegBytes(t), JPEG},
		{"png", pngBytes(t), PNG},
		{"zip", zipBytes(t), ZIP},
		{"empty zip", emptyZip(t), ZIP},
		{"cms der", der, CMS},
		{"cms der, indefinite length", readTestdata(t, "indef.p7s"), CMS},
		{"cms pem", pem.EncodeToMemory(&pem.Block{Type: "PKCS7", Bytes: der}), CMS},
		{"cms pem with BOM and CRLF", append([]byte("\xEF\xBB\xBF"), bytes.ReplaceAll(pem.EncodeToMemory(&pem.Block{Type: "CMS", Bytes: der}), []byte("\n"), []byte("\r\n"))...), CMS},
		{"cms bare base64", []byte(base64.StdEncoding.EncodeToString(der)), CMS},
		{"cms base64 wrapped", []byte(wrap(base64.StdEncoding.EncodeToString(der), 64)), CMS},
		{"der, not signed data", buildCMS(t, asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 3}), Unknown},
		{"pem certificate", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), Unknown},
		{"base64 of a pdf", []byte(base64.StdEncoding.EncodeToString(minimalPDF())), Unknown},
		{"text", []byte("Заявление\n"), Unknown},
		{"empty", nil, Unknown},
		{"one byte 0x30", []byte{0x30}, Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := tt.b[:min(len(tt.b), 64<<10)]
			tail := tt.b[max(0, len(tt.b)-4<<10):]
			if got := Detect(head, tail, int64(len(tt.b))); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDetectCMSFromHeadOnly(t *testing.T) {
	// A signature bigger than the 64 KiB head (a CMS with the document
	// attached) is still found from its head alone.
	big := buildCMS(t, oidSignedData, signer(t, bytes.Repeat([]byte{7}, 200<<10)))
	if got := Detect(big[:64<<10], big[len(big)-4<<10:], int64(len(big))); got != CMS {
		t.Errorf("Detect = %q, want cms", got)
	}
	// But a DER length longer than the file is not a whole CMS.
	if got := Detect(big[:64<<10], nil, 64<<10); got != Unknown {
		t.Errorf("Detect of a cut DER = %q, want unknown", got)
	}
}
