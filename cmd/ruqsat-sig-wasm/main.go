//go:build js && wasm

// Command ruqsat-sig-wasm is the signature verifier (checker/signature:
// CMS, RSA, ECDSA, the NCA's GOST algorithms, crypto/x509) compiled to a
// WebAssembly module of its own. The check page loads it only when a
// package holds a signature, so that the checker's first download stays
// within its budget; the checker (cmd/ruqsat-wasm) calls it through
// window.ruqsatSig:
//
//	verify(cms Uint8Array, detached Uint8Array|null) →
//	  JSON {"result": sigdata.Result} or {"error": "…"}
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"ruqsat/checker/signature"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("verify", js.FuncOf(func(this js.Value, args []js.Value) (res any) {
		defer func() {
			if r := recover(); r != nil {
				res = answer(nil, fmt.Errorf("%v", r))
			}
		}()
		if len(args) < 1 {
			return answer(nil, fmt.Errorf("no CMS given"))
		}
		var detached []byte
		if len(args) > 1 && args[1].Type() == js.TypeObject {
			detached = bytesOf(args[1])
		}
		return answer(signature.Check(bytesOf(args[0]), detached))
	}))
	js.Global().Set("ruqsatSig", api)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("ruqsat-sig"))
	select {}
}

func answer(r any, err error) string {
	out := map[string]any{"result": r}
	if err != nil {
		out = map[string]any{"error": err.Error()}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func bytesOf(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}
