// Package sigtest makes signatures like the NCA's for tests and the
// example packages: RSA certificates carrying an IIN, a BIN and a role the
// way NCA certificates do, issued by an example CA that is not the NCA's,
// from one throwaway key made for this repository (key.pem; it signs
// nothing real), so that the output is the same on every run.
package sigtest

import (
	"crypto/rsa"
	"crypto/x509"
	_ "embed"
	"encoding/pem"
	"time"

	"ruqsat/checker/signature"
)

//go:embed key.pem
var keyPEM []byte

// Key is the throwaway test key.
func Key() *rsa.PrivateKey {
	blk, _ := pem.Decode(keyPEM)
	if k, err := x509.ParsePKCS1PrivateKey(blk.Bytes); err == nil {
		return k
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		panic(err)
	}
	return k.(*rsa.PrivateKey)
}

// CAName names the certification authority of the test key's
// certificates ("sample certification centre (Ruqsat, not the NCA)", in
// Kazakh as the NCA names its own): not the NCA's, so that the checker
// says their chain was not checked.
const CAName = "ҮЛГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (РҰҚСАТ, ҰКО ЕМЕС)"

// CA is the certificate of the authority that issues the test key's
// certificates (itself the test key's, self-signed).
func CA() *x509.Certificate {
	c, err := signature.NewCA(Key(), CAName)
	if err != nil {
		panic(err)
	}
	return c
}

// Signed signs content for s on day (2006-01-02) with a certificate valid
// from a month before day to eleven months after it, as the NCA's one-year
// keys are; detached leaves the content out.
func Signed(content []byte, s signature.Subject, day string, detached bool) []byte {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		panic(err)
	}
	return SignedWith(content, s, t.AddDate(0, -1, 0), t.AddDate(0, 11, 0), t.Add(10*time.Hour), detached)
}

// SignedWith is Signed with the certificate's validity and the signing
// time given.
func SignedWith(content []byte, s signature.Subject, notBefore, notAfter, signingTime time.Time, detached bool) []byte {
	return signBy(content, s, notBefore, notAfter, signingTime, detached, CA())
}

// SelfSigned signs content for s with a self-signed certificate of the
// test key, as one made with "openssl req -x509" is: no CA issued it.
func SelfSigned(content []byte, s signature.Subject, notBefore, notAfter, signingTime time.Time) []byte {
	return signBy(content, s, notBefore, notAfter, signingTime, false, nil)
}

// signBy signs content with the test key's certificate for s issued by
// issuer (self-signed when nil).
func signBy(content []byte, s signature.Subject, notBefore, notAfter, signingTime time.Time, detached bool, issuer *x509.Certificate) []byte {
	k := Key()
	c, err := signature.NewCert(k, s, notBefore.Unix(), notBefore, notAfter, issuer)
	if err != nil {
		panic(err)
	}
	b, err := signature.Sign(content, c, k, signingTime, detached)
	if err != nil {
		panic(err)
	}
	return b
}
