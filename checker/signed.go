package checker

import (
	"errors"
	"path"
	"strings"
	"time"

	"ruqsat/checker/contract"
	"ruqsat/checker/pkgread"
	"ruqsat/checker/sigdata"
	"ruqsat/kzid"
)

// smimeFile reports whether a file given where a signature may be is the
// S/MIME text `openssl cms -sign` writes without -outform DER: a common
// mistake with its own help. (An unsigned PDF given instead is the
// document/not-signed warning.)
func smimeFile(f *pkgread.File) bool {
	_, err := sigdata.DER(f.Head)
	return errors.Is(err, sigdata.ErrSMIME)
}

// signatureExts are the names a signature file adds to its document's
// (application.pdf.p7s signs application.pdf).
var signatureExts = []string{".p7s", ".p7m", ".cms", ".sig", ".sgn"}

// signed verifies a CMS file's signatures: against its own content, or,
// for a detached signature, the document it is named after (X.p7s beside
// X) or the one other file given for the same item; then who signed,
// against the manifest's applicant, and the certificate's dates.
func (r *run) signed(d *contract.Document, f *pkgread.File, b []byte, p []string) {
	verify := r.c.verify
	if verify == nil {
		verify = unavailable
	}
	sd, err := verify(b, nil)
	if err != nil {
		return // CheckCMS has reported the structure
	}
	name := f.Path
	var content []byte
	want := ""
	if sd.Detached {
		doc, candidate := r.detachedDocument(f.Path, p)
		want = candidate
		if doc != nil {
			if c, err := readAll(doc, maxSignedDocument); err == nil {
				content = c
			}
			if r.signedDocs == nil {
				r.signedDocs = map[string]bool{}
			}
			r.signedDocs[doc.Path] = true
		}
	}
	signers := sd.Signers
	if sd.Detached && content != nil {
		if again, err := verify(b, content); err == nil {
			signers = again.Signers
		}
	}
	for _, s := range signers {
		switch s.Status {
		case sigdata.NoContent:
			r.add(r.file(newFinding("signature/no-document", arg("file", name), arg("want", want)).citing(d.Cite), name, p))
		case sigdata.ContentChanged:
			r.add(r.file(newFinding("signature/content-changed", arg("file", name)).citing(d.Cite), name, p))
		case sigdata.Invalid:
			r.add(r.file(newFinding("signature/invalid", arg("file", name)).citing(d.Cite), name, p))
		case sigdata.Unverified:
			r.add(r.file(newFinding("signature/not-verified", arg("file", name), argL("why", unverifiedWhy(s.Algorithm, s.Why))).withDetail(s.Algorithm+": "+s.Why), name, p))
		case sigdata.NoCertificate:
			r.add(r.file(newFinding("signature/no-certificate", arg("file", name)), name, p))
		case sigdata.Valid:
			switch s.Chain {
			case sigdata.ChainTest:
				r.add(r.file(newFinding("signature/test-certificate", arg("file", name), argL("who", whoText(s.Who)), arg("ca", s.Root)).citing(d.Cite), name, p))
				continue
			case sigdata.ChainSelfSigned:
				r.add(r.file(newFinding("signature/self-signed", arg("file", name), argL("who", whoText(s.Who))).withDetail(s.ChainWhy).citing(d.Cite), name, p))
				continue
			case sigdata.ChainBroken:
				r.add(r.file(newFinding("signature/chain-broken", arg("file", name), argL("who", whoText(s.Who))).withDetail(s.ChainWhy).citing(d.Cite), name, p))
				continue
			}
			if !r.signer(d, s, name, p) {
				continue
			}
			if s.Chain == sigdata.ChainVerified {
				r.add(r.file(newFinding("signature/verified", arg("file", name), argL("who", whoText(s.Who)), arg("alg", s.Algorithm), arg("root", s.Root)), name, p))
			} else {
				why := s.ChainWhy
				if why == "" {
					why = "the verifier did not check the chain"
				}
				r.add(r.file(newFinding("signature/chain-not-checked", arg("file", name), argL("who", whoText(s.Who)), arg("alg", s.Algorithm), arg("issuer", s.Root)).withDetail(why), name, p))
			}
		}
	}
}

// maxSignedDocument bounds the document a detached signature is checked
// against (the package's own limits are larger than any real one).
const maxSignedDocument = 64 << 20

// detachedDocument finds the document a detached signature signs, and
// the name it should have.
func (r *run) detachedDocument(sig string, p []string) (*pkgread.File, string) {
	want := sig
	for _, ext := range signatureExts {
		if base, ok := strings.CutSuffix(sig, ext); ok && base != "" {
			want = base
			if f := r.pkg.Files[base]; f != nil {
				return f, want
			}
		}
	}
	if want == sig {
		want = strings.TrimSuffix(sig, path.Ext(sig)) + ".pdf"
	}
	docs, _ := r.man["documents"].(map[string]any)
	var others []*pkgread.File
	for _, n := range files(docs[p[1]]) {
		if c, ok := cleanPath(n); ok && c != sig {
			if f := r.pkg.Files[c]; f != nil {
				others = append(others, f)
			}
		}
	}
	if len(others) == 1 {
		return others[0], want
	}
	return nil, want
}

// signer compares who signed with the applicant and checks the
// certificate's dates; it reports whether all is well.
func (r *run) signer(d *contract.Document, s sigdata.Signer, name string, p []string) bool {
	if !s.Certificate {
		return false // reported as NoCertificate
	}
	ok := true
	who := argL("who", whoText(s.Who))
	if s.Who.IIN == "" && s.Who.BIN == "" {
		r.add(r.file(newFinding("signature/not-nca", arg("file", name)).citing(d.Cite), name, p))
		return false
	}
	a, _ := r.man["applicant"].(map[string]any)
	bin, iin := str(a["bin"]), str(a["iin"])
	// An applicant's number that is itself wrong is reported as such;
	// comparing the signer with it would say the same mistake twice.
	if kzid.Validate(bin, kzid.BIN) != nil {
		bin = ""
	}
	if kzid.Validate(iin, kzid.IIN) != nil {
		iin = ""
	}
	answers, _ := r.man["answers"].(map[string]any)
	by := ""
	for _, o := range r.cl.meta.Answered(answers) {
		if o.IDNumber != "" {
			by = o.IDNumber
		}
	}
	if by == "" && bin != "" {
		by = contract.IDNumberBIN
	}
	switch {
	case by == contract.IDNumberBIN && bin != "":
		switch {
		case s.Who.BIN == "":
			r.add(r.file(newFinding("signature/personal-key", arg("file", name), who, arg("bin", bin)).citing(d.Cite), name, p))
			ok = false
		case s.Who.BIN != bin:
			r.add(r.file(newFinding("signature/other-signer", arg("file", name), who, argL("want", idText("bin", bin))).citing(d.Cite), name, p))
			ok = false
		case s.Who.Has(sigdata.Employee) && !s.Who.Has(sigdata.FirstHead) && !s.Who.Has(sigdata.SigningRight):
			r.add(r.file(newFinding("signature/no-right", arg("file", name), who).citing(d.Cite), name, p))
			ok = false
		}
	case iin != "" && s.Who.IIN != iin:
		r.add(r.file(newFinding("signature/other-signer", arg("file", name), who, argL("want", idText("iin", iin))).citing(d.Cite), name, p))
		ok = false
	}
	c := s
	valid := func(t time.Time) bool { return !t.Before(c.NotBefore) && !t.After(c.NotAfter) }
	dates := []struct {
		when map[string]string
		t    time.Time
	}{{map[string]string{"ru": "в момент подписания", "kk": "қол қойылған кезде", "en": "time of signing"}, s.SigningTime}}
	if f, err := time.Parse("2006-01-02", r.filed); err == nil {
		// The filing day as a whole, in Astana: valid at some time of it.
		dates = append(dates, struct {
			when map[string]string
			t    time.Time
		}{map[string]string{"ru": "на дату подачи", "kk": "берілген күні", "en": "filing date"}, f.Add(-5 * time.Hour)})
	}
	for i, dt := range dates {
		if dt.t.IsZero() {
			continue
		}
		inDay := valid(dt.t)
		if i == 1 { // any moment of the filing day
			inDay = !dt.t.Add(24*time.Hour).Before(c.NotBefore) && !dt.t.After(c.NotAfter)
		}
		if !inDay {
			r.add(r.file(newFinding("signature/expired", arg("file", name), who, argL("when", dt.when), arg("date", dt.t.Add(5*time.Hour).Format("2006-01-02")),
				arg("from", c.NotBefore.Format("2006-01-02")), arg("to", c.NotAfter.Format("2006-01-02"))).citing(d.Cite), name, p))
			return false
		}
	}
	return ok
}

// whoText names a signer: the name, then the IIN and the BIN.
func whoText(w sigdata.Who) map[string]string {
	out := map[string]string{}
	for _, l := range Langs {
		parts := []string{}
		if w.Name != "" {
			parts = append(parts, w.Name)
		}
		if w.IIN != "" {
			parts = append(parts, idText("iin", w.IIN)[l])
		}
		if w.BIN != "" {
			parts = append(parts, idText("bin", w.BIN)[l])
		}
		out[l] = strings.Join(parts, ", ")
	}
	return out
}

func idText(kind, n string) map[string]string {
	if kind == "bin" {
		return map[string]string{"ru": "БИН " + n, "kk": "БСН " + n, "en": "BIN " + n}
	}
	return map[string]string{"ru": "ИИН " + n, "kk": "ЖСН " + n, "en": "IIN " + n}
}

// unavailable is the verifier where none is set (the check page before its
// signature module has loaded): every signature is not verified — never
// passed.
func unavailable(cms, _ []byte) (*sigdata.Result, error) {
	return &sigdata.Result{Signers: []sigdata.Signer{{Status: sigdata.Unverified, Algorithm: "CMS", Why: unavailableWhy}}}, nil
}

// unverifiedWhy says in words why a signature could not be verified; the
// verifier's own text goes to the finding's detail.
func unverifiedWhy(alg, why string) map[string]string {
	switch {
	case why == unavailableWhy:
		return map[string]string{"ru": "модуль проверки подписей не загрузился; обновите страницу", "kk": "қолтаңбаларды тексеру модулі жүктелмеді; бетті жаңартыңыз", "en": "the signature checker did not load; reload the page"}
	case strings.Contains(why, "256-bit"):
		return map[string]string{
			"ru": "алгоритм " + alg + " с ключом 256 бит проверить нельзя: его параметры не подтверждены ни одним открытым образцом",
			"kk": alg + " алгоритмін 256 биттік кілтпен тексеру мүмкін емес: оның параметрлері бірде-бір ашық үлгімен расталмаған",
			"en": "the " + alg + " algorithm with a 256-bit key cannot be checked: no public sample confirms its parameters",
		}
	}
	return map[string]string{
		"ru": "алгоритм подписи " + alg + " или его параметры эта проверка не поддерживает",
		"kk": alg + " қолтаңба алгоритмін немесе оның параметрлерін бұл тексеру қолдамайды",
		"en": "this check does not support the signature algorithm " + alg + " or its parameters",
	}
}

// unavailableWhy is why a signature is not verified before the page's
// signature module has loaded.
const unavailableWhy = "the signature module is not loaded"
