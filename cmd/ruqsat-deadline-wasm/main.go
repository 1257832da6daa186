//go:build js && wasm

// Command ruqsat-deadline-wasm is the deadline computation of `ruqsat
// deadline` (package internal/workdays/calc) compiled to WebAssembly for
// the deadline calculator on the site's service and edition pages. It
// imports only calc and the standard library — not the rule data's loader
// (YAML, JSON Schema) — so that it stays a fraction of the checker's size;
// the data (the calendar and every kind's procedure) is generated from the
// rules by the build (schemas/checklists/deadlines.json) and handed over
// with init.
//
// It exposes window.ruqsatDeadline with:
//
//	init(dataJSON) → "" or an error message; call once before the rest
//	deadline({service, edition, kind, filed}) → JSON of calc.Result, or
//	  {"error": {ru, kk, en}}; filed is 2006-01-02T15:04 or 2006-01-02
//	window({service, edition, change}) → JSON of calc.WindowResult, or
//	  {"error": …}
//
// and fires the "ruqsat-deadline" event on window when it is ready.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"ruqsat/internal/workdays/calc"
)

func main() {
	var data *calc.Data
	var cal *calc.Calendar
	api := js.Global().Get("Object").New()
	api.Set("init", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return "the deadline data is not JSON"
		}
		var d calc.Data
		if err := json.Unmarshal([]byte(args[0].String()), &d); err != nil {
			return "the deadline data is not JSON: " + err.Error()
		}
		if d.Format != calc.Format {
			return fmt.Sprintf("the deadline data's format is %q, not %q", d.Format, calc.Format)
		}
		c, err := calc.New(&d.Calendar)
		if err != nil {
			return err.Error()
		}
		data, cal = &d, c
		return ""
	}))
	api.Set("deadline", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if data == nil {
			return fail(&calc.Error{Code: "no-calendar"})
		}
		req, err := request(args)
		if err != nil {
			return fail(err)
		}
		res, err := calc.Deadline(data, cal, req)
		if err != nil {
			return fail(err)
		}
		return marshal(res)
	}))
	api.Set("window", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if data == nil {
			return fail(&calc.Error{Code: "no-calendar"})
		}
		if len(args) < 1 || args[0].Type() != js.TypeObject {
			return fail(&calc.Error{Code: "bad-request", Args: []string{"window({service, edition, change})"}})
		}
		change, err := calc.ParseDate(args[0].Get("change").String())
		if err != nil {
			return fail(&calc.Error{Code: "bad-request", Args: []string{"change: 2006-01-02"}})
		}
		res, err := calc.RenewalWindow(data, cal, str(args[0], "service"), str(args[0], "edition"), change)
		if err != nil {
			return fail(err)
		}
		return marshal(res)
	}))
	js.Global().Set("ruqsatDeadline", api)
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("ruqsat-deadline"))
	select {}
}

// request reads {service, edition, kind, filed} from the page.
func request(args []js.Value) (calc.Request, error) {
	if len(args) < 1 || args[0].Type() != js.TypeObject {
		return calc.Request{}, &calc.Error{Code: "bad-request", Args: []string{"deadline({service, edition, kind, filed})"}}
	}
	a := args[0]
	req := calc.Request{Service: str(a, "service"), Edition: str(a, "edition"), Kind: str(a, "kind")}
	filed := str(a, "filed")
	if t, err := time.Parse("2006-01-02T15:04", filed); err == nil {
		req.Filed = t
	} else if t, err := time.Parse("2006-01-02", filed); err == nil {
		req.Filed, req.NoTime = t, true
	} else {
		return req, &calc.Error{Code: "bad-request", Args: []string{"filed: 2006-01-02T15:04"}}
	}
	return req, nil
}

func str(v js.Value, key string) string {
	if x := v.Get(key); x.Type() == js.TypeString {
		return x.String()
	}
	return ""
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fail(err)
	}
	return string(b)
}

// fail is an error in the three languages, as JSON.
func fail(err error) string {
	msg := calc.Texts{}
	var e *calc.Error
	for _, l := range calc.Langs {
		if errors.As(err, &e) {
			msg[l] = e.Message(l)
		} else {
			msg[l] = err.Error()
		}
	}
	b, _ := json.Marshal(map[string]calc.Texts{"error": msg})
	return string(b)
}
