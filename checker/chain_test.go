package checker_test

import (
	"os"
	"strings"
	"testing"

	"ruqsat/checker"
)

// TestSignatureChain: a package whose application is signed by the NCA's
// own test CA (its public test signature) is never ready: the signature
// verifies, but its certificate is a test certificate; and a self-made
// certificate (the examples' throwaway key) is told that its chain was not
// checked.
func TestSignatureChain(t *testing.T) {
	ck := newChecker(t)
	files, _ := passingWith(t, "application.p7s")
	var sig string
	for name := range files {
		if strings.HasSuffix(name, "application.p7s") {
			sig = name
		}
	}
	if sig == "" {
		t.Skip("no signed application among the passing examples")
	}
	rep := ck.CheckFiles("pkg", files, checker.Options{Today: "2026-11-29"})
	f := findingOf(t, rep, "signature/chain-not-checked")
	if !strings.Contains(f.Detail, "self-signed") {
		t.Errorf("detail %q does not say the certificate is self-signed", f.Detail)
	}
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
