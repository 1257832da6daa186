package checker_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"ruqsat/checker"
	"ruqsat/checker/signature"
	"ruqsat/checker/signature/sigtest"
)

// TestSignatureChain: a package whose application is signed by the NCA's
// own test CA (its public test signature) is never ready: the signature
// verifies, but its certificate is a test certificate; a certificate
// issued by another CA (the examples' test key) is told that its chain
// was not checked, and the package is not ready either; a self-signed
// certificate, which no CA issued, is an error.
func TestSignatureChain(t *testing.T) {
	ck := newChecker(t)
	files, man := passingWith(t, "application.p7s")
	var sig string
	for name := range files {
		if strings.HasSuffix(name, "application.p7s") {
			sig = name
		}
	}
	if sig == "" {
		t.Fatal("no signed application among the passing examples")
	}
	rep := ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	f := findingOf(t, rep, "signature/chain-not-checked")
	if !strings.Contains(f.Detail, "issuer not among the bundled NCA certificates") || !f.Unchecked || rep.Verdict != checker.Incomplete {
		t.Errorf("chain not checked: detail %q, unchecked %v, verdict %s; want the issuer named as not bundled, and not ready", f.Detail, f.Unchecked, rep.Verdict)
	}
	own := bytes.Clone(files[sig])
	who := signature.Subject{IIN: "850315312419", BIN: regexp.MustCompile(`bin: "(\d+)"`).FindStringSubmatch(man)[1], Name: "ӘЛИЕВ НҰРЛАН", Organisation: "ТОО", FirstHead: true}
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	files[sig] = sigtest.SelfSigned([]byte("self-made"), who, day.AddDate(0, -1, 0), day.AddDate(0, 11, 0), day.Add(10*time.Hour))
	rep = ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	if f := findingOf(t, rep, "signature/self-signed"); f.Severity != checker.Error || rep.Verdict != checker.Fail {
		t.Errorf("self-signed: %s, verdict %s; want an error", f.Severity, rep.Verdict)
	}
	files[sig] = own
	nca, err := os.ReadFile("signature/testdata/nca-attached.b64")
	if err != nil {
		t.Fatal(err)
	}
	files[sig] = nca
	rep = ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	if rep.Verdict == checker.Pass {
		t.Fatalf("a package signed with the NCA's test certificates passes:\n%s", dump(rep))
	}
	n := 0
	for _, f := range rep.Findings {
		if f.Code != "signature/test-certificate" {
			continue
		}
		n++ // one per signer: the file has two, GOST-512 and RSA
		if !strings.Contains(f.Message["en"], "test certificate") || !strings.Contains(f.Message["ru"], "TEST") {
			t.Errorf("message %q / %q", f.Message["en"], f.Message["ru"])
		}
	}
	if n != 2 {
		t.Errorf("%d signature/test-certificate findings, want one per signer (2):\n%s", n, dump(rep))
	}
}
