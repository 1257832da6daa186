//go:build js

package checker

import "ruqsat/checker/sigdata"

// defaultVerifier: none in the browser until the page sets one (see
// verify_native.go).
var defaultVerifier sigdata.Verifier
