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
//	services() → JSON of the services, editions and kinds
//	checklist(service, edition, kind) → the checklist schema JSON
//	editionOn(service, day) → the edition in force on day, or ""
//	check({files: {path: Uint8Array}, name, today, edition}) → report JSON
//	checkZip({zip: Uint8Array, name, today, edition}) → report JSON
//	zip({files: {path: Uint8Array}}) → Uint8Array of a .zip of the files
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io/fs"
	"sort"
	"syscall/js"
	"time"

	"ruqsat/checker"
)

// base is the prefix of the checklists' $id.
const base = "https://ruqsat.kz/schemas/checklists/"

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
	api.Set("init", js.FuncOf(func(this js.Value, args []js.Value) any {
		var raw map[string]json.RawMessage
		if len(args) < 1 || json.Unmarshal([]byte(args[0].String()), &raw) != nil {
			return "the checklist bundle is not JSON"
		}
		b := bundleFS{}
		for k, v := range raw {
			b[k] = v
		}
		c, err := checker.New(b, base)
		if err != nil {
			return err.Error()
		}
		ck = c
		return ""
	}))
	api.Set("services", js.FuncOf(func(this js.Value, args []js.Value) any {
		b, _ := json.Marshal(ck.Services())
		return string(b)
	}))
	api.Set("checklist", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 3 {
			return js.Null()
		}
		b, err := ck.ChecklistJSON(args[0].String(), args[1].String(), args[2].String())
		if err != nil {
			return js.Null()
		}
		return string(b)
	}))
	api.Set("editionOn", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 {
			return ""
		}
		return ck.EditionOn(args[0].String(), args[1].String())
	}))
	api.Set("check", js.FuncOf(func(this js.Value, args []js.Value) any {
		in := args[0]
		rep := ck.CheckFiles(str(in, "name", "package"), files(in.Get("files")), options(in))
		return report(rep)
	}))
	api.Set("checkZip", js.FuncOf(func(this js.Value, args []js.Value) any {
		in := args[0]
		rep := ck.CheckZip(bytesOf(in.Get("zip")), str(in, "name", "package.zip"), options(in))
		return report(rep)
	}))
	api.Set("zip", js.FuncOf(func(this js.Value, args []js.Value) any {
		b := zipOf(files(args[0].Get("files")))
		out := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(out, b)
		return out
	}))
	js.Global().Set("ruqsat", api)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("ruqsat-wasm"))
	select {}
}

func str(v js.Value, key, def string) string {
	if x := v.Get(key); x.Type() == js.TypeString && x.String() != "" {
		return x.String()
	}
	return def
}

func options(in js.Value) checker.Options {
	return checker.Options{Today: str(in, "today", ""), Edition: str(in, "edition", "")}
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
