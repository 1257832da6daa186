// Package sigtest makes signatures like the NCA's for tests and the
// example packages: RSA certificates carrying an IIN, a BIN and a role the
// way NCA certificates do, from one throwaway key made for this repository
// (key.pem; it signs nothing real), so that the output is the same on
// every run.
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
	k := Key()
	c, err := signature.NewCert(k, s, notBefore.Unix(), notBefore, notAfter)
	if err != nil {
		panic(err)
	}
	b, err := signature.Sign(content, c, k, signingTime, detached)
	if err != nil {
		panic(err)
	}
	return b
}
