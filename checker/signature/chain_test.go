package signature

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
	"time"

	"ruqsat/checker/sigdata"
)

// testCA reads a test CA certificate of testdata/testca (DER or PEM).
func testCA(t *testing.T, name string) *x509.Certificate {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "testca", name))
	if err != nil {
		t.Fatal(err)
	}
	if blk, _ := pem.Decode(b); blk != nil {
		b = blk.Bytes
	}
	c, err := x509.ParseCertificate(b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func parseFile(t *testing.T, name string) *SignedData {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	sd, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return sd
}

// The bundled production certificates: every root's self-signature and
// every intermediate's signature verify with this package's code (GOST
// 34.310-2004 and RSA on real NCA certificates), and every intermediate
// chains to a bundled root in one link while both are valid, and not after
// its root has expired.
func TestBundledChain(t *testing.T) {
	a := NCA()
	if len(a.Roots) < 2 || len(a.Intermediates) < 2 {
		t.Fatalf("bundled: %d roots, %d intermediates, want at least 2 and 2", len(a.Roots), len(a.Intermediates))
	}
	for _, r := range a.Roots {
		if ok, why := checkLink(r, r); !ok {
			t.Errorf("root %s: self-signature does not verify (%s)", r.Subject.CommonName, why)
		}
	}
	for _, c := range a.Intermediates {
		var root *x509.Certificate
		for _, r := range a.Roots {
			if ok, _ := checkLink(r, c); ok {
				root = r
				break
			}
		}
		if root == nil {
			t.Errorf("%s: no bundled root verifies it", c.Subject.CommonName)
			continue
		}
		// A time when both the intermediate and its root were valid.
		at := c.NotBefore.Add(24 * time.Hour)
		if root.NotBefore.After(at) {
			at = root.NotBefore.Add(24 * time.Hour)
		}
		got := CheckChain(c, nil, a, at)
		if got.Status != sigdata.ChainVerified || got.Links != 1 {
			t.Errorf("%s: %+v, want verified in one link", c.Subject.CommonName, got)
		}
		// After its root expired, it does not chain to it (the 2015 roots
		// expired on 2025-07-27).
		if got := CheckChain(c, nil, a, root.NotAfter.Add(24*time.Hour)); got.Status != sigdata.ChainBroken {
			t.Errorf("%s after its root expired: %+v, want broken", c.Subject.CommonName, got)
		}
	}
}

// One changed byte in a CA's signature breaks the link.
func TestChainChangedSignature(t *testing.T) {
	a := NCA()
	at := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range a.Intermediates {
		raw := append([]byte{}, c.Raw...)
		raw[len(raw)-10] ^= 1 // inside the signature, at the end of the certificate
		bad, err := x509.ParseCertificate(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := CheckChain(bad, nil, a, at); got.Status != sigdata.ChainBroken {
			t.Errorf("%s with a changed byte: %+v, want broken", c.Subject.CommonName, got)
		}
	}
}

// The NCA's test signatures: a test certificate, whatever the anchors; with
// the test roots given as anchors, the GOST 34.10-2015 (512) chain verifies
// link by link to the 2022 test root.
func TestChainTestCA(t *testing.T) {
	for _, f := range []string{"nca-attached.b64", "nca-detached.der"} {
		sd := parseFile(t, f)
		for _, s := range sd.Verify([]byte("test123")) {
			if s.Status != Valid || s.Chain.Status != sigdata.ChainTest {
				t.Errorf("%s, %s: %s, chain %+v; want valid and a test certificate", f, s.Algorithm, s.Status, s.Chain)
			}
		}
		r, err := Check(mustRead(t, f), []byte("test123"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range r.Signers {
			if s.Chain != sigdata.ChainTest || s.Root == "" {
				t.Errorf("%s: sigdata chain %q root %q, want test", f, s.Chain, s.Root)
			}
		}
	}
	test := &Anchors{
		Roots:         []*x509.Certificate{testCA(t, "root_test_gost_2022.cer"), testCA(t, "root_gost_test.crt"), testCA(t, "root_rsa_test.crt")},
		Intermediates: []*x509.Certificate{testCA(t, "nca_gost2022_test.cer"), testCA(t, "nca_gost_test.crt"), testCA(t, "nca_rsa_test.crt")},
	}
	sd := parseFile(t, "nca-attached.b64")
	for _, s := range sd.VerifyWith(nil, test) {
		if s.Algorithm != "GOST 34.10-2015 (512)" {
			continue
		}
		if s.Chain.Status != sigdata.ChainTest || s.Chain.Links != 2 {
			t.Errorf("GOST-512 with the test roots as anchors: %+v, want a test chain verified in two links", s.Chain)
		}
	}
	// The 2018 test intermediates verify against the 2018 test roots
	// (GOST 34.310-2004 and RSA).
	for _, n := range []string{"nca_gost_test.crt", "nca_rsa_test.crt", "nca_gost2022_test.cer"} {
		got := CheckChain(testCA(t, n), nil, test, time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC))
		if got.Status != sigdata.ChainTest || got.Links != 1 {
			t.Errorf("%s: %+v, want a test chain of one verified link", n, got)
		}
	}
}

// An intermediate not valid at the time of signing breaks the chain.
func TestChainExpiredIntermediate(t *testing.T) {
	test := &Anchors{Roots: []*x509.Certificate{testCA(t, "root_test_gost_2022.cer")}, Intermediates: []*x509.Certificate{testCA(t, "nca_gost2022_test.cer")}}
	sd := parseFile(t, "nca-attached.b64")
	for _, s := range sd.VerifyWith(nil, test) {
		if s.Algorithm != "GOST 34.10-2015 (512)" {
			continue
		}
		inter := testCA(t, "nca_gost2022_test.cer")
		late := inter.NotAfter.Add(24 * time.Hour)
		if got := CheckChain(s.Cert, sd.Certs, test, late); got.Status != sigdata.ChainBroken || got.Root != inter.Subject.CommonName {
			t.Errorf("signed after the intermediate expired: %+v, want broken", got)
		}
	}
}

// TestChainUnknownIssuer: a certificate issued by a CA that is not among
// the bundled ones is "not checked", never verified; a self-signed one is
// "self-signed": no certification authority issued it.
func TestChainUnknownIssuer(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 2, 5, 0, 0, 0, time.UTC)
	who := Subject{IIN: "850315312419", Name: "ӘЛИЕВ НҰРЛАН"}
	ca, err := NewCA(k, "Some CA")
	if err != nil {
		t.Fatal(err)
	}
	check := func(c *x509.Certificate, key *rsa.PrivateKey) sigdata.Signer {
		t.Helper()
		b, err := Sign([]byte("doc"), c, key, day, false)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Check(b, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r.Signers[0]
	}
	issued, err := NewCert(k, who, 1, day.AddDate(0, -1, 0), day.AddDate(0, 11, 0), ca)
	if err != nil {
		t.Fatal(err)
	}
	if s := check(issued, k); s.Status != sigdata.Valid || s.Chain != sigdata.ChainNotChecked || s.Root != "Some CA" || s.ChainWhy == "" {
		t.Errorf("issued by an unknown CA: %+v, want valid with the chain not checked", s)
	}
	self, err := NewCert(k, who, 1, day.AddDate(0, -1, 0), day.AddDate(0, 11, 0), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := check(self, k); s.Status != sigdata.Valid || s.Chain != sigdata.ChainSelfSigned {
		t.Errorf("self-signed: %+v, want valid and self-signed", s)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
