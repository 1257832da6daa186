package signature

import (
	"bytes"
	"crypto/x509"
	"crypto/x509/pkix"
	"embed"
	"encoding/asn1"
	"strings"
	"sync"
	"time"

	"ruqsat/checker/sigdata"
)

// The NCA's public production certificates (roots and intermediates),
// embedded: see ncaroots/README.md for where each comes from.
//
//go:embed ncaroots/*.crt
var ncaFiles embed.FS

// Anchors are the trust anchors and intermediates a chain is built to.
type Anchors struct {
	Roots         []*x509.Certificate
	Intermediates []*x509.Certificate
}

var (
	ncaOnce    sync.Once
	ncaAnchors *Anchors
)

// NCA returns the bundled production certificates of the NCA.
func NCA() *Anchors {
	ncaOnce.Do(func() {
		a := &Anchors{}
		ents, _ := ncaFiles.ReadDir("ncaroots")
		for _, e := range ents {
			b, err := ncaFiles.ReadFile("ncaroots/" + e.Name())
			if err != nil {
				continue
			}
			c, err := x509.ParseCertificate(b)
			if err != nil {
				continue
			}
			if bytes.Equal(c.RawIssuer, c.RawSubject) {
				a.Roots = append(a.Roots, c)
			} else {
				a.Intermediates = append(a.Intermediates, c)
			}
		}
		ncaAnchors = a
	})
	return ncaAnchors
}

// Chain is what came of building and checking a signer's chain.
type Chain struct {
	Status sigdata.ChainStatus
	// Root names the root the chain ends at (verified or test), or the
	// issuer not found (not checked).
	Root string
	// Why says, for NotChecked or Broken, what is missing or wrong.
	Why string
	// Links is how many links (certificate to its issuer) verified.
	Links int
}

// maxChain bounds a chain's length.
const maxChain = 6

// testName reports whether a CA's name is one of the NCA's test CAs.
func testName(n pkix.Name) bool {
	s := strings.ToUpper(n.String())
	return strings.Contains(s, "TEST") || strings.Contains(s, "ТЕСТ")
}

// CheckChain builds the chain of leaf from the certificates in the file
// and the anchors' intermediates to one of the anchors' roots, verifying
// each link's signature and each CA's validity at time at (now when the
// signature has no signing time). A chain that passes through a test CA of
// the NCA is Test, whether or not its root is at hand; a broken link is
// Broken even then.
func CheckChain(leaf *x509.Certificate, inFile []*x509.Certificate, a *Anchors, at time.Time) Chain {
	c := buildChain(leaf, inFile, a, at)
	if c.test && (c.Status == sigdata.ChainVerified || c.Status == sigdata.ChainNotChecked) {
		c.Status, c.Root = sigdata.ChainTest, c.testCA
	}
	return c.Chain
}

type built struct {
	Chain
	test   bool
	testCA string
}

func buildChain(leaf *x509.Certificate, inFile []*x509.Certificate, a *Anchors, at time.Time) built {
	if at.IsZero() {
		at = time.Now()
	}
	pool := append(append([]*x509.Certificate{}, a.Roots...), a.Intermediates...)
	pool = append(pool, inFile...)
	isRoot := func(c *x509.Certificate) bool {
		for _, r := range a.Roots {
			if bytes.Equal(r.Raw, c.Raw) {
				return true
			}
		}
		return false
	}
	var b built
	cur := leaf
	for links := 0; links < maxChain; links++ {
		if testName(cur.Issuer) && !b.test {
			b.test, b.testCA = true, cur.Issuer.CommonName
		}
		if isRoot(cur) {
			b.Chain = Chain{Status: sigdata.ChainVerified, Root: cur.Subject.CommonName, Links: links}
			return b
		}
		var issuer *x509.Certificate
		lastWhy := ""
		for _, c := range pool {
			if c == cur || !bytes.Equal(c.RawSubject, cur.RawIssuer) {
				continue
			}
			if len(cur.AuthorityKeyId) > 0 && len(c.SubjectKeyId) > 0 && !bytes.Equal(cur.AuthorityKeyId, c.SubjectKeyId) {
				continue
			}
			ok, why := checkLink(c, cur)
			if why != "" {
				lastWhy = why
				continue
			}
			if !ok {
				// A broken link only when the key identifiers say this is
				// the issuer's key; a CA re-keyed under the same name is
				// another issuer, not a forgery.
				if len(cur.AuthorityKeyId) > 0 && bytes.Equal(cur.AuthorityKeyId, c.SubjectKeyId) {
					lastWhy = "broken"
				}
				continue
			}
			issuer = c
			break
		}
		if issuer == nil {
			switch lastWhy {
			case "":
				if links == 0 && bytes.Equal(cur.RawIssuer, cur.RawSubject) && checkSelf(cur) {
					// The signer's own certificate signed by its own key:
					// no certification authority issued it.
					b.Chain = Chain{Status: sigdata.ChainSelfSigned, Root: cur.Subject.CommonName, Why: "self-signed certificate: no certification authority issued it", Links: 0}
					return b
				}
				why := "issuer not among the bundled NCA certificates"
				if bytes.Equal(cur.RawIssuer, cur.RawSubject) {
					why = "self-signed CA certificate not among the bundled NCA roots"
				}
				b.Chain = Chain{Status: sigdata.ChainNotChecked, Root: cur.Issuer.CommonName, Why: why, Links: links}
			case "broken":
				b.Chain = Chain{Status: sigdata.ChainBroken, Root: cur.Issuer.CommonName, Links: links,
					Why: "the signature of " + cur.Issuer.CommonName + " on the certificate of " + cur.Subject.CommonName + " does not verify"}
			default:
				b.Chain = Chain{Status: sigdata.ChainNotChecked, Root: cur.Issuer.CommonName, Why: lastWhy, Links: links}
			}
			return b
		}
		if at.Before(issuer.NotBefore) || at.After(issuer.NotAfter) {
			b.Chain = Chain{Status: sigdata.ChainBroken, Root: issuer.Subject.CommonName, Links: links,
				Why: "the CA certificate " + issuer.Subject.CommonName + " was not valid at the time of signing (" + issuer.NotBefore.Format("2006-01-02") + " to " + issuer.NotAfter.Format("2006-01-02") + ")"}
			return b
		}
		cur = issuer
	}
	b.Chain = Chain{Status: sigdata.ChainNotChecked, Root: cur.Issuer.CommonName, Why: "chain too long", Links: maxChain}
	return b
}

// checkSelf reports whether c's signature verifies with its own key: a
// certificate that only names itself as issuer, but is signed by another
// key, is a CA's certificate not at hand, not a self-made one.
func checkSelf(c *x509.Certificate) bool {
	ok, why := checkLink(c, c)
	return ok && why == ""
}

type rawCert struct {
	TBS asn1.RawValue
	Alg pkix.AlgorithmIdentifier
	Sig asn1.BitString
}

// checkLink verifies issuer's signature on c (over its TBSCertificate);
// why is non-empty when the algorithm cannot be verified.
func checkLink(issuer, c *x509.Certificate) (ok bool, why string) {
	var rc rawCert
	if _, err := asn1.Unmarshal(c.Raw, &rc); err != nil {
		return false, "certificate: " + err.Error()
	}
	switch rc.Alg.Algorithm.String() {
	case oidSigGOST2004, oidSigGOST256, oidSigGOST512:
		dig := oidGOST94
		if rc.Alg.Algorithm.String() == oidSigGOST512 {
			dig = oidStreebog512
		}
		si := &signerInfo{SignatureAlgorithm: rc.Alg, DigestAlgorithm: pkix.AlgorithmIdentifier{Algorithm: asn1ObjectIdentifier(dig)}, Signature: rc.Sig.RightAlign()}
		return verifySig(issuer, si, rc.TBS.FullBytes)
	}
	if c.SignatureAlgorithm == x509.UnknownSignatureAlgorithm {
		return false, "certificate signature algorithm " + rc.Alg.Algorithm.String()
	}
	err := issuer.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature)
	if err == nil {
		return true, ""
	}
	if _, ok := err.(x509.InsecureAlgorithmError); ok {
		return false, err.Error()
	}
	if err == x509.ErrUnsupportedAlgorithm {
		return false, err.Error()
	}
	return false, ""
}
