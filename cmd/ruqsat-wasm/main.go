//go:build js && wasm

// Command ruqsat-wasm is the checker compiled to WebAssembly for the site's
// "Check my package" pages: the same library as `ruqsat check`, with the
// checklists embedded, so a package is checked entirely in the browser and
// nothing leaves the applicant's computer.
//
// The checklists are not built in: the page fetches them as one bundle
// (/schemas/checklists/bundle.json, generated from the rule data) and hands
// them over with init, so the WebAssembly changes only when the code does.
//
// It exposes window.ruqsat with:
//
//	init(bundleJSON) → "" or an error message; call once before the rest
//	(before it, check and checkZip report "cannot check", the others return
//	empty results; a wrong call never stops the checker)
//	services() → JSON of the services, editions and kinds
//	checklist(service, edition, kind) → the checklist schema JSON
//	editionOn(service, day) → the edition in force on day, or ""
//	check({files: {path: Uint8Array}, name, today, edition, service}) → report JSON
//	checkZip({zip: Uint8Array, name, today, edition, service}) → report JSON
//	(service: the page's service; a package for another one is refused)
//	zip({files: {path: Uint8Array}}) → Uint8Array of a .zip of the files
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"syscall/js"
	"time"

	"ruqsat/checker"
	"ruqsat/checker/sigdata"
)

// baseOf returns the prefix of the checklists' $id, read from the bundle's
// manifest envelope (".../checklists/package.schema.json"), so the checker
// follows whatever base the generator wrote instead of keeping a copy of it.
func baseOf(b bundleFS) (string, error) {
	var env struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(b["package.schema.json"], &env); err != nil || !strings.HasSuffix(env.ID, "/package.schema.json") {
		return "", fmt.Errorf("the checklist bundle has no package.schema.json with its $id")
	}
	return strings.TrimSuffix(env.ID, "package.schema.json"), nil
}

// bundleFS serves the checklists handed over by the page.
type bundleFS map[string][]byte

func (b bundleFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (b bundleFS) ReadFile(name string) ([]byte, error) {
	if d, ok := b[name]; ok {
		return d, nil
	}
	return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
}

func main() {
	var ck *checker.Checker
	api := js.Global().Get("Object").New()
	api.Set("init", guard("", func(args []js.Value) any {
		var raw map[string]json.RawMessage
		if len(args) < 1 || args[0].Type() != js.TypeString || json.Unmarshal([]byte(args[0].String()), &raw) != nil {
			return "the checklist bundle is not JSON"
		}
		b := bundleFS{}
		for k, v := range raw {
			b[k] = v
		}
		base, err := baseOf(b)
		if err != nil {
			return err.Error()
		}
		c, err := checker.New(b, base)
		if err != nil {
			return err.Error()
		}
		c.SetVerifier(verifySignature)
		ck = c
		return ""
	}))
	api.Set("services", guard("[]", func(args []js.Value) any {
		if ck == nil {
			return "[]"
		}
		b, _ := json.Marshal(ck.Services())
		return string(b)
	}))
	api.Set("checklist", guard(js.Null(), func(args []js.Value) any {
		if ck == nil || len(args) < 3 {
			return js.Null()
		}
		b, err := ck.ChecklistJSON(args[0].String(), args[1].String(), args[2].String())
		if err != nil {
			return js.Null()
		}
		return string(b)
	}))
	api.Set("editionOn", guard("", func(args []js.Value) any {
		if ck == nil || len(args) < 2 {
			return ""
		}
		return ck.EditionOn(args[0].String(), args[1].String())
	}))
	api.Set("check", guardReport(func(args []js.Value) any {
		in := arg(args)
		if ck == nil {
			return failed(str(in, "name", "package"), "init was not called")
		}
		return report(ck.CheckFiles(str(in, "name", "package"), files(in.Get("files")), options(in)))
	}))
	api.Set("checkZip", guardReport(func(args []js.Value) any {
		in := arg(args)
		if ck == nil {
			return failed(str(in, "name", "package.zip"), "init was not called")
		}
		return report(ck.CheckZip(bytesOf(in.Get("zip")), str(in, "name", "package.zip"), options(in)))
	}))
	api.Set("zip", guard(js.Null(), func(args []js.Value) any {
		b := zipOf(files(arg(args).Get("files")))
		out := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(out, b)
		return out
	}))
	js.Global().Set("ruqsat", api)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("ruqsat-wasm"))
	select {}
}

// guard makes a function of the API safe to call wrongly: a panic (a bad
// argument, a fault of ours) would otherwise end the Go program and the
// checker with it for the rest of the page's life. It returns fallback
// instead, and says why in the browser's console.
func guard(fallback any, f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (res any) {
		defer func() {
			if r := recover(); r != nil {
				js.Global().Get("console").Call("error", fmt.Sprintf("ruqsat: %v", r))
				res = fallback
			}
		}()
		return f(args)
	})
}

// guardReport is guard for check and checkZip: the fallback is a report
// that says the check did not run, so the page shows "cannot check" and
// never a verdict.
func guardReport(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (res any) {
		defer func() {
			if r := recover(); r != nil {
				js.Global().Get("console").Call("error", fmt.Sprintf("ruqsat: %v", r))
				res = failed("package", fmt.Sprint(r))
			}
		}()
		return f(args)
	})
}

// arg is the first argument, or an empty object when there is none.
func arg(args []js.Value) js.Value {
	if len(args) == 0 || args[0].Type() != js.TypeObject {
		return js.Global().Get("Object").New()
	}
	return args[0]
}

// failed is the report of a check that could not run because of the
// program, not the package: the applicant is told so, not that the
// package is wrong.
func failed(name, why string) string {
	return report(checker.PageFault(name, why))
}

func str(v js.Value, key, def string) string {
	if x := v.Get(key); x.Type() == js.TypeString && x.String() != "" {
		return x.String()
	}
	return def
}

func options(in js.Value) checker.Options {
	// service is the page's: a package for another one is refused.
	return checker.Options{Today: str(in, "today", ""), Edition: str(in, "edition", ""), Service: str(in, "service", "")}
}

func bytesOf(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func files(v js.Value) map[string][]byte {
	out := map[string][]byte{}
	if v.Type() != js.TypeObject {
		return out
	}
	keys := js.Global().Get("Object").Call("keys", v)
	for i := 0; i < keys.Length(); i++ {
		k := keys.Index(i).String()
		out[k] = bytesOf(v.Get(k))
	}
	return out
}

func report(r *checker.Report) string {
	b, _ := json.Marshal(r)
	return string(b)
}

// zipOf packs files into a .zip the CLI can check, for "download package".
func zipOf(files map[string][]byte) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		f, err := w.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			continue
		}
		f.Write(files[n])
	}
	w.Close()
	return buf.Bytes()
}

// verifySignature asks the signature module (cmd/ruqsat-sig-wasm, loaded
// by the page only when a package holds a signature) to verify a CMS file.
// Without it every signature is "not verified": never a pass.
func verifySignature(cms, detached []byte) (*sigdata.Result, error) {
	m := js.Global().Get("ruqsatSig")
	if m.Type() != js.TypeObject {
		return &sigdata.Result{Signers: []sigdata.Signer{{Status: sigdata.Unverified, Algorithm: "CMS", Why: "the signature module did not load"}}}, nil
	}
	var d any = js.Null()
	if detached != nil {
		d = u8(detached)
	}
	var out struct {
		Result *sigdata.Result
		Error  string
	}
	if err := json.Unmarshal([]byte(m.Call("verify", u8(cms), d).String()), &out); err != nil {
		return nil, err
	}
	if out.Error != "" || out.Result == nil {
		return nil, errors.New(out.Error)
	}
	return out.Result, nil
}

func u8(b []byte) js.Value {
	v := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(v, b)
	return v
}
