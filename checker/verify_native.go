//go:build !js

package checker

import "ruqsat/checker/signature"

// defaultVerifier verifies signatures in the process. The WebAssembly
// build leaves it out (with the GOST code and crypto/x509 it is about
// 300 KB brotli): the check page loads it as a module of its own only when
// a package holds a signature, and sets it with SetVerifier.
var defaultVerifier = signature.Check
