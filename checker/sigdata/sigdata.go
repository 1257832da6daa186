// Package sigdata is what a signature check finds, as plain data: the
// checker reads it, and a verifier produces it — checker/signature in the
// command, or the signature module the check page loads only when a
// package holds a signature (so the page's first download stays small).
// It imports no cryptography.
package sigdata

import (
	"bytes"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"strings"
	"time"
)

// Status is what came of checking one signer's signature.
type Status string

// The statuses.
const (
	// Valid: the content's digest and the signature both verify.
	Valid Status = "valid"
	// ContentChanged: the messageDigest is not the content's digest — the
	// document was changed after signing, or another one is given.
	ContentChanged Status = "content-changed"
	// Invalid: the signature does not verify over the signed attributes.
	Invalid Status = "invalid"
	// NoContent: a detached signature checked without its document.
	NoContent Status = "no-content"
	// Unverified: an algorithm or its parameters cannot be confirmed, or
	// the verifier is not available; never counts as valid.
	Unverified Status = "unverified"
	// NoCertificate: the signer's certificate is not in the file.
	NoCertificate Status = "no-certificate"
)

// Role is a signer's role by the NCA's extendedKeyUsage identifiers.
type Role string

// The roles the NCA writes into certificates.
const (
	Individual   Role = "individual"    // 1.2.398.3.3.4.1.1
	LegalEntity  Role = "legal-entity"  // 1.2.398.3.3.4.1.2
	FirstHead    Role = "first-head"    // .2.1
	SigningRight Role = "signing-right" // .2.2
	Financial    Role = "financial"     // .2.3
	HR           Role = "hr"            // .2.4
	Employee     Role = "employee"      // .2.5
	InfoSystem   Role = "info-system"   // .2.6
)

// Who is the signer as the NCA's certificate names them.
type Who struct {
	IIN          string `json:"iin,omitempty"`
	BIN          string `json:"bin,omitempty"`
	Name         string `json:"name,omitempty"`         // CN: surname and name
	Organisation string `json:"organisation,omitempty"` // O
	// Roles are the NCA's role identifiers in extendedKeyUsage.
	Roles []Role `json:"roles,omitempty"`
	// Signing is true for a signing key (emailProtection), false for an
	// authentication key (clientAuth only).
	Signing bool `json:"signing,omitempty"`
}

// Has reports whether the signer has a role.
func (w Who) Has(r Role) bool {
	for _, x := range w.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Signer is one signer and what was found, as plain data.
type Signer struct {
	Status Status `json:"status"`
	// Why says, for Unverified or Invalid, what could not be done.
	Why string `json:"why,omitempty"`
	// Algorithm names the signature algorithm, as people know it.
	Algorithm   string    `json:"algorithm"`
	SigningTime time.Time `json:"signing_time"` // zero when absent
	// Certificate and NotBefore/NotAfter: whether the signer's certificate
	// was found, and its validity.
	Certificate bool      `json:"certificate"`
	NotBefore   time.Time `json:"not_before"`
	NotAfter    time.Time `json:"not_after"`
	Who         Who       `json:"who"`
	// Chain is what came of checking the certificate's chain to the
	// NCA's roots (empty when the signature itself is not valid); Root
	// names the root reached (or the issuer not found), ChainWhy why the
	// chain was not checked or is broken.
	Chain    ChainStatus `json:"chain,omitempty"`
	Root     string      `json:"root,omitempty"`
	ChainWhy string      `json:"chain_why,omitempty"`
}

// ChainStatus is what came of checking a signer's certificate chain.
type ChainStatus string

// The chain statuses.
const (
	// ChainVerified: every link verified, to a bundled NCA root.
	ChainVerified ChainStatus = "verified"
	// ChainTest: the certificate was issued by a test CA of the NCA.
	ChainTest ChainStatus = "test"
	// ChainNotChecked: the issuer is not among the bundled certificates,
	// or an algorithm cannot be confirmed.
	ChainNotChecked ChainStatus = "not-checked"
	// ChainBroken: a CA's signature does not verify, or a CA was not
	// valid at the time of signing.
	ChainBroken ChainStatus = "broken"
	// ChainSelfSigned: the signer's certificate is signed by its own key,
	// so no certification authority issued it: knowably not the NCA's.
	ChainSelfSigned ChainStatus = "self-signed"
)

// Result is what a verifier found in one CMS file.
type Result struct {
	Detached bool     `json:"detached"` // the document is not inside
	Signers  []Signer `json:"signers"`
}

// Verifier checks a CMS file against the document of a detached signature
// (nil when it is not at hand, or the signature is attached).
type Verifier func(cms, detached []byte) (*Result, error)

// Mistakes people make, told apart so the checker can say what to do.
var (
	// ErrSMIME: the S/MIME (e-mail) text `openssl cms -sign` writes
	// without -outform DER.
	ErrSMIME = errors.New("S/MIME text, not a CMS file")
	// ErrPDF: a PDF where a signature file was expected.
	ErrPDF = errors.New("a PDF, not a CMS signature")
	// ErrNotCMS: neither DER, PEM nor base64 of a CMS SignedData.
	ErrNotCMS = errors.New("not a CMS SignedData")
)

// DER returns the DER bytes of a CMS file written as DER, PEM or base64,
// or says which common mistake it is.
func DER(b []byte) ([]byte, error) {
	if len(b) > 0 && b[0] == 0x30 {
		return b, nil
	}
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))
	switch {
	case bytes.HasPrefix(t, []byte("%PDF-")):
		return nil, ErrPDF
	case smime(t):
		return nil, ErrSMIME
	case bytes.HasPrefix(t, []byte("-----BEGIN ")):
		blk, _ := pem.Decode(t)
		if blk == nil || (blk.Type != "PKCS7" && blk.Type != "CMS" && blk.Type != "PKCS #7 SIGNED DATA") {
			return nil, ErrNotCMS
		}
		return blk.Bytes, nil
	}
	clean := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, t)
	der, err := base64.StdEncoding.DecodeString(string(clean))
	if err != nil || len(der) == 0 || der[0] != 0x30 {
		return nil, ErrNotCMS
	}
	return der, nil
}

func smime(t []byte) bool {
	head := strings.ToLower(string(t[:min(len(t), 512)]))
	return strings.HasPrefix(head, "mime-version:") || strings.HasPrefix(head, "content-type:") ||
		strings.Contains(head, "application/pkcs7-signature") || strings.Contains(head, "application/x-pkcs7-signature") ||
		strings.Contains(head, "application/pkcs7-mime")
}
