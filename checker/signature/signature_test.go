package signature_test

import (
	"bytes"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"os"
	"testing"
	"time"

	"ruqsat/checker/signature"
	"ruqsat/checker/signature/sigtest"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// statuses verifies b against content and returns each signer's status
// by algorithm.
func statuses(t *testing.T, b, content []byte) map[string]signature.Signer {
	t.Helper()
	sd, err := signature.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]signature.Signer{}
	for _, s := range sd.Verify(content) {
		out[s.Algorithm] = s
	}
	return out
}

// TestNCASignatures verifies CMS files made by the NCA's Kalkan library
// with the NCA's test certificates (testdata/README.md says where they come
// from): one GOST 34.10-2015 512-bit and one RSA signer over "test123",
// attached and detached. One changed byte of the content fails both; the
// detached one without its document is not verified.
func TestNCASignatures(t *testing.T) {
	const gost, rsa = "GOST 34.10-2015 (512)", "RSA"
	attached := read(t, "nca-attached.b64")
	detached := read(t, "nca-detached.der")
	for name, c := range map[string]struct {
		file, content []byte
		want          signature.Status
	}{
		"attached":                       {attached, nil, signature.Valid},
		"detached with document":         {detached, []byte("test123"), signature.Valid},
		"detached changed byte":          {detached, []byte("test124"), signature.ContentChanged},
		"detached, no document":          {detached, nil, signature.NoContent},
		"attached as DER":                {derOf(t, attached), nil, signature.Valid},
		"attached as PEM":                {pem.EncodeToMemory(&pem.Block{Type: "CMS", Bytes: derOf(t, attached)}), nil, signature.Valid},
		"attached, content byte changed": {bytes.Replace(derOf(t, attached), []byte("test123"), []byte("test124"), 1), nil, signature.ContentChanged},
	} {
		t.Run(name, func(t *testing.T) {
			got := statuses(t, c.file, c.content)
			for _, alg := range []string{gost, rsa} {
				if s := got[alg]; s.Status != c.want {
					t.Errorf("%s: %s (%s), want %s", alg, s.Status, s.Why, c.want)
				}
			}
			g := got[gost]
			if g.Who.IIN != "123456789012" || !g.Who.Has(signature.Individual) || !g.Who.Signing {
				t.Errorf("GOST signer read as %+v", g.Who)
			}
			if got[rsa].Who.IIN != "123456789011" {
				t.Errorf("RSA signer read as %+v", got[rsa].Who)
			}
		})
	}
	// The RSA test certificate had expired when Kalkan made the signature:
	// a signing time after NotAfter, which the checker reports.
	s := statuses(t, attached, nil)[rsa]
	if s.SigningTime.IsZero() || !s.SigningTime.After(s.Cert.NotAfter) {
		t.Errorf("RSA signing time %s, certificate until %s", s.SigningTime, s.Cert.NotAfter)
	}
	if g := statuses(t, attached, nil)[gost]; g.SigningTime.After(g.Cert.NotAfter) || g.SigningTime.Before(g.Cert.NotBefore) {
		t.Errorf("GOST signing time %s outside %s–%s", g.SigningTime, g.Cert.NotBefore, g.Cert.NotAfter)
	}
}

func derOf(t *testing.T, b64 []byte) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(b64)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMadeSignatures checks signatures made with the test key the way the
// NCA writes certificates: the signer's IIN, BIN and role are read back, a
// changed signature fails, and a detached one verifies with its document.
func TestMadeSignatures(t *testing.T) {
	who := signature.Subject{IIN: "850315300123", BIN: "190140123451", Name: "ӘЛИЕВ НҰРЛАН", Organisation: "ТОО «Тест»", FirstHead: true}
	b := sigtest.Signed([]byte("өтініш"), who, "2026-11-02", false)
	s := statuses(t, b, nil)["RSA"]
	if s.Status != signature.Valid || s.Who.IIN != who.IIN || s.Who.BIN != who.BIN || !s.Who.Has(signature.FirstHead) || !s.Who.Has(signature.LegalEntity) {
		t.Fatalf("%s %s %+v", s.Status, s.Why, s.Who)
	}
	if want := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC); !s.SigningTime.Equal(want) {
		t.Errorf("signing time %s", s.SigningTime)
	}
	bad := bytes.Clone(b)
	bad[len(bad)-5] ^= 1 // in the signature value, the last field
	if s := statuses(t, bad, nil)["RSA"]; s.Status != signature.Invalid {
		t.Errorf("a changed signature: %s", s.Status)
	}
	d := sigtest.Signed([]byte("өтініш"), who, "2026-11-02", true)
	if s := statuses(t, d, []byte("өтініш"))["RSA"]; s.Status != signature.Valid {
		t.Errorf("detached with its document: %s %s", s.Status, s.Why)
	}
	if !bytes.Equal(b, sigtest.Signed([]byte("өтініш"), who, "2026-11-02", false)) {
		t.Error("signing the same content twice gives different bytes")
	}
}

// TestMistakes checks that the common wrong files are told apart.
func TestMistakes(t *testing.T) {
	for name, c := range map[string]struct {
		b    []byte
		want error
	}{
		"S/MIME of openssl cms -sign": {[]byte("MIME-Version: 1.0\nContent-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\"\n\nbody"), signature.ErrSMIME},
		"a PDF":                       {[]byte("%PDF-1.7\n1 0 obj\n"), signature.ErrPDF},
		"text":                        {[]byte("hello, world"), signature.ErrNotCMS},
	} {
		if _, err := signature.Parse(c.b); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
}

// FuzzParse: any bytes give a SignedData or an error, never a panic, and a
// parsed one verifies without panicking, with or without content, and
// its chain is checked (to the bundled NCA roots) for a valid signature. The
// seeds (the NCA samples, a made signature, the mistakes) run in every
// go test.
func FuzzParse(f *testing.F) {
	f.Add(read(f, "nca-attached.b64"))
	f.Add(read(f, "nca-detached.der"))
	f.Add(sigtest.Signed([]byte("x"), signature.Subject{IIN: "850315300123"}, "2026-11-02", false))
	f.Add([]byte("MIME-Version: 1.0\n"))
	f.Add([]byte("-----BEGIN CMS-----\nMAA=\n-----END CMS-----\n"))
	f.Add([]byte{0x30, 0x80, 0x06, 0x09})
	f.Fuzz(func(t *testing.T, b []byte) {
		sd, err := signature.Parse(b)
		if err != nil {
			return
		}
		for _, s := range append(sd.Verify(nil), sd.Verify([]byte("test123"))...) {
			if s.Status == signature.Valid && s.Cert == nil {
				t.Fatal("valid without a certificate")
			}
			// Every valid signature gets a chain outcome; no other does.
			if (s.Status == signature.Valid) != (s.Chain.Status != "") {
				t.Fatalf("status %s with chain %+v", s.Status, s.Chain)
			}
		}
	})
}
