package filetype

import (
	"bytes"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"os"
	"testing"
)

// buildCMS builds a ContentInfo by hand with encoding/asn1: a SignedData
// with the given signerInfos, no certificates, and a detached content.
// RFC 5652 §5.1 fixes the order of the fields written here.
func buildCMS(t testing.TB, contentType asn1.ObjectIdentifier, signers ...[]byte) []byte {
	t.Helper()
	must := func(b []byte, err error) []byte {
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sha256 := asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	algID := must(asn1.Marshal(struct{ Algorithm asn1.ObjectIdentifier }{sha256}))
	digestAlgs := must(asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: algID}))
	encap := must(asn1.Marshal(struct{ EContentType asn1.ObjectIdentifier }{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}}))
	var si []byte
	for _, s := range signers {
		si = append(si, s...)
	}
	signerSet := must(asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: si}))
	version := must(asn1.Marshal(1))
	sd := must(asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true,
		Bytes: bytes.Join([][]byte{version, digestAlgs, encap, signerSet}, nil)}))
	oid := must(asn1.Marshal(contentType))
	content := must(asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: sd}))
	return must(asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true,
		Bytes: append(oid, content...)}))
}

// signer builds one SignerInfo with an issuerAndSerialNumber stand-in and
// the given signature bytes. The OIDs are GOST 34.311-95 and GOST 34.310-2004
// as used by Kazakh NCA keys (1.2.398.3.10.1.3.1, 1.2.398.3.10.1.1.1.2), to
// show that no algorithm is required.
func signer(t testing.TB, sig []byte) []byte {
	t.Helper()
	type alg struct{ Algorithm asn1.ObjectIdentifier }
	b, err := asn1.Marshal(struct {
		Version int
		SID     struct {
			Issuer asn1.RawValue
			Serial int
		}
		DigestAlgorithm    alg
		SignatureAlgorithm alg
		Signature          []byte
	}{
		Version: 1,
		SID: struct {
			Issuer asn1.RawValue
			Serial int
		}{asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true}, 42},
		DigestAlgorithm:    alg{asn1.ObjectIdentifier{1, 2, 398, 3, 10, 1, 3, 1}},
		SignatureAlgorithm: alg{asn1.ObjectIdentifier{1, 2, 398, 3, 10, 1, 1, 1, 2}},
		Signature:          sig,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCheckCMS(t *testing.T) {
	one := buildCMS(t, oidSignedData, signer(t, []byte{1, 2, 3}))
	two := buildCMS(t, oidSignedData, signer(t, []byte{1}), signer(t, []byte{2}))
	openssl := readTestdata(t, "attached.p7s")
	tests := []struct {
		name string
		b    []byte
		want ErrorKind
	}{
		{"hand-built, one signer", one, ""},
		{"hand-built, two signers", two, ""},
		{"openssl attached", openssl, ""},
		{"openssl detached", readTestdata(t, "detached.p7s"), ""},
		{"PEM PKCS7", pem.EncodeToMemory(&pem.Block{Type: "PKCS7", Bytes: openssl}), ""},
		{"PEM CMS with CRLF", bytes.ReplaceAll(pem.EncodeToMemory(&pem.Block{Type: "CMS", Bytes: one}), []byte("\n"), []byte("\r\n")), ""},
		{"bare base64 (NCALayer style)", []byte(base64.StdEncoding.EncodeToString(openssl)), ""},
		{"base64 with line breaks", []byte(wrap(base64.StdEncoding.EncodeToString(openssl), 76)), ""},
		{"trailing newline after DER", append(bytes.Clone(openssl), '\n'), ""},

		{"no signer", buildCMS(t, oidSignedData), ErrNoSigner},
		{"empty signature", buildCMS(t, oidSignedData, signer(t, nil)), ErrBadCMS},
		{"envelopedData", buildCMS(t, asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 3}, signer(t, []byte{1})), ErrNotCMS},
		{"signerInfo is not a SignerInfo", buildCMS(t, oidSignedData, []byte{0x02, 0x01, 0x05}), ErrBadCMS},
		{"BER indefinite length", readTestdata(t, "indef.p7s"), ErrBadCMS},
		{"truncated DER", openssl[:len(openssl)-10], ErrNotCMS},
		{"trailing garbage", append(bytes.Clone(openssl), "garbage"...), ErrBadCMS},
		{"PEM certificate", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: openssl}), ErrNotCMS},
		{"a PDF", minimalPDF(), ErrNotCMS},
		{"empty", nil, ErrNotCMS},
		{"text", []byte("hello, world"), ErrNotCMS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckCMS(tt.b)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckCMS = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != tt.want {
				t.Fatalf("CheckCMS = %v, want %s", err, tt.want)
			}
		})
	}
}

func wrap(s string, n int) string {
	var b bytes.Buffer
	for len(s) > n {
		b.WriteString(s[:n] + "\r\n")
		s = s[n:]
	}
	b.WriteString(s + "\r\n")
	return b.String()
}
