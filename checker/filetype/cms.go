package filetype

import (
	"bytes"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"errors"
)

// oidSignedData is id-signedData (RFC 5652 §5.1).
var oidSignedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}

// pemLabels are the PEM labels used for CMS/PKCS#7 (RFC 7468 §8 and what
// OpenSSL writes).
var pemLabels = map[string]bool{"PKCS7": true, "CMS": true, "PKCS #7 SIGNED DATA": true}

// contentInfo is RFC 5652 §3.
type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"explicit,tag:0"`
}

// signedData is RFC 5652 §5.1, with the parts not checked kept raw.
type signedData struct {
	Version          int
	DigestAlgorithms asn1.RawValue `asn1:"set"`
	EncapContentInfo asn1.RawValue
	Certificates     asn1.RawValue   `asn1:"optional,tag:0"`
	CRLs             asn1.RawValue   `asn1:"optional,tag:1"`
	SignerInfos      []asn1.RawValue `asn1:"set"`
}

// signerInfo is RFC 5652 §5.3.
type signerInfo struct {
	Version            int
	SID                asn1.RawValue
	DigestAlgorithm    pkix.AlgorithmIdentifier
	SignedAttrs        asn1.RawValue `asn1:"optional,tag:0"`
	SignatureAlgorithm pkix.AlgorithmIdentifier
	Signature          []byte
	UnsignedAttrs      asn1.RawValue `asn1:"optional,tag:1"`
}

// CheckCMS reports whether b is a CMS SignedData with at least one signer.
// b may be DER, PEM (PKCS7 or CMS label) or bare base64, as eGov signing
// tools save it. Only the structure is checked: the signature is neither
// verified nor its certificate validated, and any algorithm (GOST included)
// is accepted. The encoding must be DER; BER with indefinite lengths, which
// some tools stream out, gives ErrBadCMS. The error is an *Error.
func CheckCMS(b []byte) error {
	der, err := cmsDER(b)
	if err != nil {
		return err
	}
	var ci contentInfo
	rest, err := asn1.Unmarshal(der, &ci)
	if err != nil {
		if isIndefinite(der) {
			return newError(ErrBadCMS, 0, errors.New("BER indefinite length, not DER"))
		}
		return newError(ErrNotCMS, 0, err)
	}
	if len(bytes.Trim(rest, "\x00\t\r\n ")) > 0 {
		return newError(ErrBadCMS, int64(len(der)-len(rest)), errors.New("trailing data"))
	}
	if !ci.ContentType.Equal(oidSignedData) {
		return newError(ErrNotCMS, 0, errors.New("content type "+ci.ContentType.String()))
	}
	var sd signedData
	if rest, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || len(rest) > 0 {
		return newError(ErrBadCMS, -1, errors.Join(errors.New("SignedData"), err))
	}
	if len(sd.SignerInfos) == 0 {
		return newError(ErrNoSigner, -1, nil)
	}
	for _, raw := range sd.SignerInfos {
		var si signerInfo
		if rest, err := asn1.Unmarshal(raw.FullBytes, &si); err != nil || len(rest) > 0 {
			return newError(ErrBadCMS, -1, errors.Join(errors.New("SignerInfo"), err))
		}
		if len(si.Signature) == 0 {
			return newError(ErrBadCMS, -1, errors.New("empty signature"))
		}
	}
	return nil
}

// cmsDER returns the DER bytes of b, undoing PEM or base64.
func cmsDER(b []byte) ([]byte, error) {
	if len(b) > 0 && b[0] == 0x30 {
		return b, nil
	}
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))
	if bytes.HasPrefix(t, []byte("-----BEGIN ")) {
		blk, _ := pem.Decode(t)
		if blk == nil || !pemLabels[blk.Type] {
			return nil, newError(ErrNotCMS, 0, errors.New("not a PKCS7 or CMS PEM block"))
		}
		return blk.Bytes, nil
	}
	der, err := base64.StdEncoding.DecodeString(string(stripSpace(t)))
	if err != nil || len(der) == 0 || der[0] != 0x30 {
		return nil, newError(ErrNotCMS, 0, errors.New("not DER, PEM or base64"))
	}
	return der, nil
}

// isCMS reports whether head starts a CMS SignedData in DER, PEM or bare
// base64. It decodes only the outer SEQUENCE and the content type, so it
// works on a head cut from a larger file.
func isCMS(head []byte, size int64) bool {
	if len(head) > 0 && head[0] == 0x30 {
		return isSignedDataDER(head, size)
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if bytes.HasPrefix(t, []byte("-----BEGIN ")) {
		line, body, ok := bytes.Cut(t, []byte("\n"))
		label := bytes.TrimSuffix(bytes.TrimSpace(line), []byte("-----"))
		if !ok || !pemLabels[string(bytes.TrimPrefix(label, []byte("-----BEGIN ")))] {
			return false
		}
		t = bytes.TrimLeft(body, " \t\r\n")
	}
	// 64 base64 characters decode to 48 bytes: enough for the outer
	// header and the OID.
	b64 := stripSpace(t[:min(len(t), 128)])
	b64 = b64[:len(b64)/4*4]
	der, err := base64.StdEncoding.DecodeString(string(b64[:min(len(b64), 64)]))
	return err == nil && len(der) > 0 && der[0] == 0x30 && isSignedDataDER(der, -1)
}

// isSignedDataDER checks the outer SEQUENCE of b and that its first element
// is id-signedData. size, if not -1, is the whole file's size, which a
// definite length must fit in.
func isSignedDataDER(b []byte, size int64) bool {
	hdr, n, ok := derHeader(b)
	if !ok || (size >= 0 && n >= 0 && int64(hdr)+n > size) {
		return false
	}
	var oid asn1.ObjectIdentifier
	_, err := asn1.Unmarshal(b[hdr:], &oid)
	return err == nil && oid.Equal(oidSignedData)
}

// derHeader parses the tag and length at the start of b: the header length,
// and the content length (-1 for BER's indefinite length).
func derHeader(b []byte) (hdr int, n int64, ok bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	l := b[1]
	switch {
	case l < 0x80:
		return 2, int64(l), true
	case l == 0x80:
		return 2, -1, true
	case l > 0x84 || len(b) < 2+int(l&0x7f):
		return 0, 0, false
	}
	for _, c := range b[2 : 2+int(l&0x7f)] {
		n = n<<8 | int64(c)
	}
	return 2 + int(l&0x7f), n, true
}

// isIndefinite reports whether b starts with a BER indefinite length.
func isIndefinite(b []byte) bool {
	_, n, ok := derHeader(b)
	return ok && n < 0
}

func stripSpace(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			out = append(out, c)
		}
	}
	return out
}
