// Package signature verifies CMS (PKCS#7) SignedData as NCALayer and the
// eGov tools save it — DER, PEM or bare base64, the document inside
// (attached) or beside it (detached) — and reads who signed from the
// signer's certificate as the National Certification Authority (NCA)
// writes it.
//
// For each signer it checks that the messageDigest attribute equals the
// digest of the content and that the signature over the signed attributes
// verifies: RSA and ECDSA with the standard library, GOST 34.310-2004 (with
// GOST 34.311-95, test S-box) and GOST 34.10-2015 512-bit (with Streebog)
// with github.com/ddulesov/gogost, in the NCA's byte order. Any other
// algorithm (GOST 34.10-2015 256-bit included: no public sample confirms
// its parameters) gives Unverified, never a pass. The signer certificate's
// chain is built to the NCA's public production roots bundled in ncaroots/
// (chain.go); revocation is not checked: that needs the NCA's online
// services.
package signature

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"hash"
	"math/big"
	"strings"
	"time"

	"github.com/ddulesov/gogost/gost28147"
	"github.com/ddulesov/gogost/gost3410"
	"github.com/ddulesov/gogost/gost34112012256"
	"github.com/ddulesov/gogost/gost34112012512"
	"github.com/ddulesov/gogost/gost341194"

	"ruqsat/checker/sigdata"
)

// The mistakes and errors, as sigdata names them.
var (
	ErrSMIME  = sigdata.ErrSMIME
	ErrPDF    = sigdata.ErrPDF
	ErrNotCMS = sigdata.ErrNotCMS
	// ErrNoSigner: a SignedData with no signer.
	ErrNoSigner = errors.New("no signer")
)

var (
	oidSignedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidMessageDigest = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningTime   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
)

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"explicit,tag:0"`
}

type signedData struct {
	Version          int
	DigestAlgorithms asn1.RawValue
	Encap            encapContent
	Certificates     asn1.RawValue   `asn1:"optional,tag:0"`
	CRLs             asn1.RawValue   `asn1:"optional,tag:1"`
	SignerInfos      []asn1.RawValue `asn1:"set"`
}

type encapContent struct {
	Type    asn1.ObjectIdentifier
	Content asn1.RawValue `asn1:"explicit,optional,tag:0"`
}

type signerInfo struct {
	Version            int
	SID                asn1.RawValue
	DigestAlgorithm    pkix.AlgorithmIdentifier
	SignedAttrs        asn1.RawValue `asn1:"optional,tag:0"`
	SignatureAlgorithm pkix.AlgorithmIdentifier
	Signature          []byte
	UnsignedAttrs      asn1.RawValue `asn1:"optional,tag:1"`
}

type issuerSerial struct {
	Issuer asn1.RawValue
	Serial *big.Int
}

type attribute struct {
	Type   asn1.ObjectIdentifier
	Values asn1.RawValue
}

// SignedData is a parsed CMS SignedData.
type SignedData struct {
	// Content is the signed document when it is inside (attached); nil
	// when the signature is detached.
	Content  []byte
	Detached bool
	Certs    []*x509.Certificate
	signers  []signerInfo
}

// DER returns the DER bytes of a CMS file written as DER, PEM or base64,
// or says which common mistake it is.
func DER(b []byte) ([]byte, error) { return sigdata.DER(b) }

// Parse reads a CMS SignedData from DER, PEM or base64.
func Parse(b []byte) (*SignedData, error) {
	der, err := DER(b)
	if err != nil {
		return nil, err
	}
	var ci contentInfo
	if rest, err := asn1.Unmarshal(der, &ci); err != nil || len(bytes.Trim(rest, "\x00\t\r\n ")) > 0 {
		return nil, fmt.Errorf("%w: %v", ErrNotCMS, err)
	}
	if !ci.ContentType.Equal(oidSignedData) {
		return nil, fmt.Errorf("%w: content type %s", ErrNotCMS, ci.ContentType)
	}
	var sd signedData
	if rest, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || len(rest) > 0 {
		return nil, fmt.Errorf("%w: SignedData: %v", ErrNotCMS, err)
	}
	out := &SignedData{Detached: len(sd.Encap.Content.FullBytes) == 0}
	if !out.Detached {
		c, err := octets(sd.Encap.Content)
		if err != nil {
			return nil, fmt.Errorf("%w: content: %v", ErrNotCMS, err)
		}
		out.Content = c
	}
	if len(sd.Certificates.Bytes) > 0 {
		// Certificates one by one: a certificate x509 refuses (an
		// attribute certificate, an odd extension) is skipped, not fatal.
		rest := sd.Certificates.Bytes
		for len(rest) > 0 {
			var raw asn1.RawValue
			r, err := asn1.Unmarshal(rest, &raw)
			if err != nil {
				break
			}
			rest = r
			if c, err := x509.ParseCertificate(raw.FullBytes); err == nil {
				out.Certs = append(out.Certs, c)
			}
		}
	}
	for _, raw := range sd.SignerInfos {
		var si signerInfo
		if rest, err := asn1.Unmarshal(raw.FullBytes, &si); err != nil || len(rest) > 0 {
			return nil, fmt.Errorf("%w: SignerInfo: %v", ErrNotCMS, err)
		}
		out.signers = append(out.signers, si)
	}
	if len(out.signers) == 0 {
		return nil, ErrNoSigner
	}
	return out, nil
}

// octets is the value of an OCTET STRING, primitive or (BER-style)
// constructed of pieces.
func octets(v asn1.RawValue) ([]byte, error) {
	if v.Class == asn1.ClassContextSpecific && v.Tag == 0 && v.IsCompound { // the [0] EXPLICIT wrapper
		var in asn1.RawValue
		if rest, err := asn1.Unmarshal(v.Bytes, &in); err != nil || len(rest) > 0 {
			return nil, errors.New("eContent is not one value")
		}
		v = in
	}
	if v.Tag != asn1.TagOctetString || v.Class != asn1.ClassUniversal {
		return nil, errors.New("not an OCTET STRING")
	}
	if !v.IsCompound {
		return v.Bytes, nil
	}
	var out []byte
	rest := v.Bytes
	for len(rest) > 0 {
		var p asn1.RawValue
		r, err := asn1.Unmarshal(rest, &p)
		if err != nil {
			return nil, err
		}
		b, err := octets(p)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
		rest = r
	}
	return out, nil
}

// Status is sigdata's.
type Status = sigdata.Status

// The statuses.
const (
	Valid          = sigdata.Valid
	ContentChanged = sigdata.ContentChanged
	Invalid        = sigdata.Invalid
	NoContent      = sigdata.NoContent
	Unverified     = sigdata.Unverified
	NoCertificate  = sigdata.NoCertificate
)

// Signer is one signer and what was found about it.
type Signer struct {
	Status Status
	// Why says, for Unverified or Invalid, what could not be done.
	Why string
	// Algorithm names the signature algorithm, as people know it.
	Algorithm string
	// SigningTime is the signingTime attribute, zero when absent.
	SigningTime time.Time
	Cert        *x509.Certificate
	Who         Who
	// Chain is the certificate chain's check, for a Valid signature.
	Chain Chain
}

// Who, Role and the roles are sigdata's.
type (
	Who  = sigdata.Who
	Role = sigdata.Role
)

// The roles.
const (
	Individual   = sigdata.Individual
	LegalEntity  = sigdata.LegalEntity
	FirstHead    = sigdata.FirstHead
	SigningRight = sigdata.SigningRight
	Financial    = sigdata.Financial
	HR           = sigdata.HR
	Employee     = sigdata.Employee
	InfoSystem   = sigdata.InfoSystem
)

var roleOIDs = map[string]Role{
	"1.2.398.3.3.4.1.1": Individual, "1.2.398.3.3.4.1.2": LegalEntity,
	"1.2.398.3.3.4.1.2.1": FirstHead, "1.2.398.3.3.4.1.2.2": SigningRight, "1.2.398.3.3.4.1.2.3": Financial,
	"1.2.398.3.3.4.1.2.4": HR, "1.2.398.3.3.4.1.2.5": Employee, "1.2.398.3.3.4.1.2.6": InfoSystem,
}

// WhoOf reads IIN, BIN, name and role from an NCA certificate.
func WhoOf(c *x509.Certificate) Who {
	w := Who{Name: c.Subject.CommonName}
	if s, ok := strings.CutPrefix(c.Subject.SerialNumber, "IIN"); ok {
		w.IIN = s
	}
	for _, ou := range c.Subject.OrganizationalUnit {
		if s, ok := strings.CutPrefix(ou, "BIN"); ok {
			w.BIN = s
		}
	}
	if len(c.Subject.Organization) > 0 {
		w.Organisation = c.Subject.Organization[0]
	}
	for _, o := range c.UnknownExtKeyUsage {
		if r, ok := roleOIDs[o.String()]; ok {
			w.Roles = append(w.Roles, r)
		}
	}
	for _, u := range c.ExtKeyUsage {
		w.Signing = w.Signing || u == x509.ExtKeyUsageEmailProtection
	}
	return w
}

// Check parses and verifies a CMS file (see Verify), as plain data: the
// checker's Verifier.
func Check(cms, detached []byte) (*sigdata.Result, error) {
	sd, err := Parse(cms)
	if err != nil {
		return nil, err
	}
	out := &sigdata.Result{Detached: sd.Detached}
	for _, s := range sd.Verify(detached) {
		p := sigdata.Signer{Status: s.Status, Why: s.Why, Algorithm: s.Algorithm, SigningTime: s.SigningTime, Who: s.Who}
		if s.Cert != nil {
			p.Certificate, p.NotBefore, p.NotAfter = true, s.Cert.NotBefore, s.Cert.NotAfter
		}
		p.Chain, p.Root, p.ChainWhy = s.Chain.Status, s.Chain.Root, s.Chain.Why
		out.Signers = append(out.Signers, p)
	}
	return out, nil
}

// Verify checks every signer against content: the attached content, or
// detached (the document given beside a detached signature; nil when it is
// missing).
func (sd *SignedData) Verify(detached []byte) []Signer {
	return sd.VerifyWith(detached, NCA())
}

// VerifyWith is Verify with the chain built to the given anchors (tests
// give the NCA's test roots).
func (sd *SignedData) VerifyWith(detached []byte, a *Anchors) []Signer {
	content := sd.Content
	if sd.Detached {
		content = detached
	}
	out := make([]Signer, 0, len(sd.signers))
	for i := range sd.signers {
		s := sd.verify(&sd.signers[i], content)
		if s.Status == Valid {
			s.Chain = CheckChain(s.Cert, sd.Certs, a, s.SigningTime)
		}
		out = append(out, s)
	}
	return out
}

func (sd *SignedData) verify(si *signerInfo, content []byte) Signer {
	s := Signer{Algorithm: algName(si.SignatureAlgorithm.Algorithm, si.DigestAlgorithm.Algorithm)}
	s.Cert = sd.certOf(si)
	if s.Cert != nil {
		s.Who = WhoOf(s.Cert)
	}
	var md []byte
	if len(si.SignedAttrs.Bytes) > 0 {
		rest := si.SignedAttrs.Bytes
		for len(rest) > 0 {
			var a attribute
			r, err := asn1.Unmarshal(rest, &a)
			if err != nil {
				s.Status, s.Why = Invalid, "signed attributes: "+err.Error()
				return s
			}
			rest = r
			switch {
			case a.Type.Equal(oidMessageDigest):
				var v []byte
				if _, err := asn1.Unmarshal(a.Values.Bytes, &v); err == nil {
					md = v
				}
			case a.Type.Equal(oidSigningTime):
				var t time.Time
				if _, err := asn1.Unmarshal(a.Values.Bytes, &t); err == nil {
					s.SigningTime = t
				}
			}
		}
	}
	if s.Cert == nil {
		s.Status, s.Why = NoCertificate, "the signer's certificate is not in the file"
		return s
	}
	if content == nil {
		s.Status = NoContent
		return s
	}
	h, err := newHash(si.DigestAlgorithm.Algorithm)
	if err != nil {
		s.Status, s.Why = Unverified, err.Error()
		return s
	}
	h.Write(content)
	digest := h.Sum(nil)
	signed := content
	if len(si.SignedAttrs.FullBytes) > 0 {
		if md == nil {
			s.Status, s.Why = Invalid, "no messageDigest attribute"
			return s
		}
		if !bytes.Equal(md, digest) {
			s.Status = ContentChanged
			return s
		}
		// The signature is over the attributes as a DER SET, not with
		// the [0] IMPLICIT tag they carry in the SignerInfo.
		signed = append([]byte{0x31}, si.SignedAttrs.FullBytes[1:]...)
	}
	ok, why := verifySig(s.Cert, si, signed)
	switch {
	case why != "":
		s.Status, s.Why = Unverified, why
	case ok:
		s.Status = Valid
	default:
		s.Status = Invalid
	}
	return s
}

func (sd *SignedData) certOf(si *signerInfo) *x509.Certificate {
	var is issuerSerial
	if _, err := asn1.Unmarshal(si.SID.FullBytes, &is); err == nil && is.Serial != nil {
		for _, c := range sd.Certs {
			if c.SerialNumber.Cmp(is.Serial) == 0 && bytes.Equal(c.RawIssuer, is.Issuer.FullBytes) {
				return c
			}
		}
		return nil
	}
	if si.SID.Class == asn1.ClassContextSpecific && si.SID.Tag == 0 {
		for _, c := range sd.Certs {
			if bytes.Equal(c.SubjectKeyId, si.SID.Bytes) {
				return c
			}
		}
	}
	return nil
}

// The algorithms, by OID.
const (
	oidGOST94      = "1.2.398.3.10.1.3.1"
	oidStreebog256 = "1.2.398.3.10.1.3.2"
	oidStreebog512 = "1.2.398.3.10.1.3.3"
	oidSigGOST2004 = "1.2.398.3.10.1.1.1.2"
	oidSigGOST256  = "1.2.398.3.10.1.1.2.3.1"
	oidSigGOST512  = "1.2.398.3.10.1.1.2.3.2"
)

var stdHashes = map[string]crypto.Hash{
	"1.3.14.3.2.26": crypto.SHA1, "2.16.840.1.101.3.4.2.1": crypto.SHA256,
	"2.16.840.1.101.3.4.2.2": crypto.SHA384, "2.16.840.1.101.3.4.2.3": crypto.SHA512,
}

func newHash(oid asn1.ObjectIdentifier) (hash.Hash, error) {
	switch o := oid.String(); o {
	case oidGOST94:
		// The NCA's GOST 34.311-95 is GOST R 34.11-94 with the test
		// parameter set's S-box, not the CryptoPro one.
		return gost341194.New(&gost28147.SboxIdGostR341194TestParamSet), nil
	case oidStreebog256:
		return gost34112012256.New(), nil
	case oidStreebog512:
		return gost34112012512.New(), nil
	default:
		switch stdHashes[o] {
		case crypto.SHA1:
			return sha1.New(), nil
		case crypto.SHA256:
			return sha256.New(), nil
		case crypto.SHA384:
			return sha512.New384(), nil
		case crypto.SHA512:
			return sha512.New(), nil
		}
		return nil, fmt.Errorf("unknown digest algorithm %s", o)
	}
}

func algName(sig, dig asn1.ObjectIdentifier) string {
	switch sig.String() {
	case oidSigGOST2004:
		return "GOST 34.310-2004"
	case oidSigGOST256:
		return "GOST 34.10-2015 (256)"
	case oidSigGOST512:
		return "GOST 34.10-2015 (512)"
	}
	if strings.HasPrefix(sig.String(), "1.2.840.113549.1.1.") {
		return "RSA"
	}
	if strings.HasPrefix(sig.String(), "1.2.840.10045.") {
		return "ECDSA"
	}
	return sig.String()
}

type spki struct {
	Algorithm pkix.AlgorithmIdentifier
	Key       asn1.BitString
}

// verifySig verifies the signature over signed; why is non-empty when it
// cannot be verified at all (an unknown or unconfirmed algorithm).
func verifySig(c *x509.Certificate, si *signerInfo, signed []byte) (ok bool, why string) {
	sig := si.SignatureAlgorithm.Algorithm.String()
	switch sig {
	case oidSigGOST512, oidSigGOST2004:
		curve, mode, hashOID := gost3410.CurveIdtc26gost341012512paramSetA(), gost3410.Mode2012, oidStreebog512
		if sig == oidSigGOST2004 {
			curve, mode, hashOID = gost3410.CurveIdGostR34102001CryptoProAParamSet(), gost3410.Mode2001, oidGOST94
		}
		var k spki
		if _, err := asn1.Unmarshal(c.RawSubjectPublicKeyInfo, &k); err != nil {
			return false, "public key: " + err.Error()
		}
		var raw []byte
		if _, err := asn1.Unmarshal(k.Key.Bytes, &raw); err != nil {
			return false, "public key: " + err.Error()
		}
		pub, err := gost3410.NewPublicKey(curve, mode, raw)
		if err != nil {
			return false, "public key: " + err.Error()
		}
		h, _ := newHash(asn1ObjectIdentifier(hashOID))
		h.Write(signed)
		// The NCA reads the digest as a little-endian number and writes
		// the signature as r‖s, each little-endian: reversed, they are the
		// big-endian digest and s‖r gogost takes.
		d := reverse(h.Sum(nil))
		ok, err := pub.VerifyDigest(d, reverse(si.Signature))
		if err != nil {
			return false, ""
		}
		return ok, ""
	case oidSigGOST256:
		return false, "GOST 34.10-2015 256-bit: its parameters are not confirmed by any public sample"
	}
	switch pub := c.PublicKey.(type) {
	case *rsa.PublicKey:
		hf, ok := stdHashes[si.DigestAlgorithm.Algorithm.String()]
		if !ok {
			return false, "digest " + si.DigestAlgorithm.Algorithm.String() + " with RSA"
		}
		h := hf.New()
		h.Write(signed)
		if sig == "1.2.840.113549.1.1.10" {
			return rsa.VerifyPSS(pub, hf, h.Sum(nil), si.Signature, nil) == nil, ""
		}
		return rsa.VerifyPKCS1v15(pub, hf, h.Sum(nil), si.Signature) == nil, ""
	case *ecdsa.PublicKey:
		hf, ok := stdHashes[si.DigestAlgorithm.Algorithm.String()]
		if !ok {
			return false, "digest " + si.DigestAlgorithm.Algorithm.String() + " with ECDSA"
		}
		h := hf.New()
		h.Write(signed)
		return ecdsa.VerifyASN1(pub, h.Sum(nil), si.Signature), ""
	}
	return false, "signature algorithm " + sig
}

func asn1ObjectIdentifier(s string) asn1.ObjectIdentifier {
	var o asn1.ObjectIdentifier
	for _, p := range strings.Split(s, ".") {
		n := 0
		fmt.Sscan(p, &n)
		o = append(o, n)
	}
	return o
}

func reverse(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[len(b)-1-i] = b[i]
	}
	return out
}
