package signature

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"time"
)

// The NCA's certificate fields, for certificates made like theirs.
var (
	ekuIndividual  = asn1.ObjectIdentifier{1, 2, 398, 3, 3, 4, 1, 1}
	ekuLegalEntity = asn1.ObjectIdentifier{1, 2, 398, 3, 3, 4, 1, 2}
	ekuFirstHead   = asn1.ObjectIdentifier{1, 2, 398, 3, 3, 4, 1, 2, 1}
)

// Subject describes the holder of a certificate made by NewCert, written
// into it the way the NCA writes its certificates.
type Subject struct {
	IIN, BIN     string
	Name         string // CN
	Organisation string // O, for a legal entity
	// FirstHead makes a legal entity's key its first head's; otherwise
	// a BIN makes a legal entity's key, and none an individual's.
	FirstHead bool
}

// NewCert makes an RSA certificate of key for s, valid from notBefore to
// notAfter, issued by issuer (a certificate of the same key, from NewCA),
// or self-signed when issuer is nil. Neither is the NCA's: the checker
// says an issued one's chain was not checked, and refuses a self-signed
// one. It is deterministic for the same arguments: the examples and tests
// make their signatures with it from a fixed test key.
func NewCert(key *rsa.PrivateKey, s Subject, serial int64, notBefore, notAfter time.Time, issuer *x509.Certificate) (*x509.Certificate, error) {
	name := pkix.Name{CommonName: s.Name, Country: []string{"KZ"}}
	if s.IIN != "" {
		name.SerialNumber = "IIN" + s.IIN
	}
	eku := []asn1.ObjectIdentifier{ekuIndividual}
	if s.BIN != "" {
		name.OrganizationalUnit = []string{"BIN" + s.BIN}
		name.Organization = []string{s.Organisation}
		eku = []asn1.ObjectIdentifier{ekuLegalEntity}
		if s.FirstHead {
			eku = append(eku, ekuFirstHead)
		}
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial), Subject: name, Issuer: name,
		NotBefore: notBefore, NotAfter: notAfter,
		KeyUsage:           x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:        []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage: eku,
	}
	parent := tmpl
	if issuer != nil {
		parent = issuer
	}
	der, err := x509.CreateCertificate(zeroReader{}, tmpl, parent, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// NewCA makes a self-signed CA certificate of key named name, valid from
// 2000 to 2100, to issue NewCert's certificates: a certification authority
// that is not the NCA's, as a signature made outside the NCA has.
func NewCA(key *rsa.PrivateKey, name string) (*x509.Certificate, error) {
	n := pkix.Name{CommonName: name, Country: []string{"KZ"}}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: n, Issuer: n,
		NotBefore:             time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(zeroReader{}, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// zeroReader stands in for randomness where none is used (RSA PKCS#1 v1.5
// signing is deterministic), keeping the output the same on every run.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Sign makes a DER CMS SignedData of content signed with key (RSA,
// SHA-256, PKCS#1 v1.5) by cert, with the signing time given; detached
// leaves the content out. Deterministic, for examples and tests.
func Sign(content []byte, cert *x509.Certificate, key *rsa.PrivateKey, signingTime time.Time, detached bool) ([]byte, error) {
	sum := sha256.Sum256(content)
	md, _ := asn1.Marshal(sum[:])
	ctype, _ := asn1.Marshal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1})
	stime, _ := asn1.Marshal(signingTime.UTC())
	set1 := func(v []byte) asn1.RawValue { // a SET of one value
		return asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: v}
	}
	attrs := []attribute{
		{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}, set1(ctype)},
		{oidSigningTime, set1(stime)},
		{oidMessageDigest, set1(md)},
	}
	set, err := asn1.MarshalWithParams(attrs, "set")
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(set)
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, h[:])
	if err != nil {
		return nil, err
	}
	signedAttrs := append([]byte{0xA0}, set[1:]...) // [0] IMPLICIT
	sha := pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}}
	si := signerInfo{
		Version:            1,
		SID:                asn1.RawValue{FullBytes: mustMarshal(issuerSerial{Issuer: asn1.RawValue{FullBytes: cert.RawIssuer}, Serial: cert.SerialNumber})},
		DigestAlgorithm:    sha,
		SignedAttrs:        asn1.RawValue{FullBytes: signedAttrs},
		SignatureAlgorithm: pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}},
		Signature:          sig,
	}
	digestAlgs, _ := asn1.MarshalWithParams([]pkix.AlgorithmIdentifier{sha}, "set")
	encap := encapContent{Type: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}}
	if !detached {
		oct, _ := asn1.Marshal(content)
		encap.Content = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: oct}
	}
	sd := signedData{
		Version:          1,
		DigestAlgorithms: asn1.RawValue{FullBytes: digestAlgs},
		Encap:            encap,
		Certificates:     asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: cert.Raw},
		SignerInfos:      []asn1.RawValue{{FullBytes: mustMarshal(si)}},
	}
	inner, err := asn1.Marshal(sd)
	if err != nil {
		return nil, err
	}
	return asn1.Marshal(contentInfo{ContentType: oidSignedData, Content: asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: inner}})
}

func mustMarshal(v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
