package contract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// dir holds the generated checklists of the real data: the generator wrote
// them with these types, so they must read back with nothing left over and
// nothing lost.
const dir = "../../schemas/checklists"

// strict decodes b into v, refusing fields the contract does not have: a
// field the generator writes and the types lack would be lost to every
// reader.
func strict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// jsonEqual reports whether a and b are the same JSON value.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}

func TestIndexRoundTrip(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var idx Index
	if err := strict(b, &idx); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	if idx.Format != Format {
		t.Errorf("index.json: format %q, want %q", idx.Format, Format)
	}
	out, err := json.Marshal(idx)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, b, out) {
		t.Errorf("index.json does not survive a round trip through Index:\n%s", out)
	}
}

func TestMetaRoundTrip(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		if filepath.Base(name) == "package.schema.json" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var top struct {
			Meta json.RawMessage `json:"x-ruqsat"`
		}
		if err := json.Unmarshal(b, &top); err != nil {
			t.Fatal(err)
		}
		var m Meta
		if err := strict(top.Meta, &m); err != nil {
			t.Errorf("%s: x-ruqsat: %v", filepath.Base(name), err)
			continue
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, top.Meta, out) {
			t.Errorf("%s: x-ruqsat does not survive a round trip through Meta:\n%s", filepath.Base(name), out)
		}
		n++
	}
	if n == 0 {
		t.Fatalf("no checklists in %s", dir)
	}
}

// TestUnknownFieldCaught shows the round trip would notice a field the
// generator writes and the contract lacks, at any depth.
func TestUnknownFieldCaught(t *testing.T) {
	for _, tc := range []struct{ name, meta string }{
		{"top", `{"service": "s", "signed_by": "applicant"}`},
		{"document", `{"documents": [{"id": "application", "signed_by": "applicant"}]}`},
		{"option", `{"questions": [{"id": "applicant", "options": [{"id": "x", "identifies": "bin"}]}]}`},
		{"fee", `{"fee": {"due": true, "currency": "KZT"}}`},
	} {
		if err := strict([]byte(tc.meta), new(Meta)); err == nil || !strings.Contains(err.Error(), "unknown field") {
			t.Errorf("%s: %s decoded without complaint (%v)", tc.name, tc.meta, err)
		}
	}
	if err := strict([]byte(`{"format": "ruqsat-checklists/1", "editions": []}`), new(Index)); err == nil {
		t.Error("an unknown field of index.json decoded without complaint")
	}
}

func TestApplies(t *testing.T) {
	d := Document{When: map[string][]string{"applicant": {"a", "b"}, "subspecies": {"x"}}}
	for _, tc := range []struct {
		answers map[string]any
		want    bool
	}{
		{map[string]any{"applicant": "a", "subspecies": []any{"y", "x"}}, true},
		{map[string]any{"applicant": "b", "subspecies": []any{"x"}}, true},
		{map[string]any{"applicant": "c", "subspecies": []any{"x"}}, false},
		{map[string]any{"applicant": "a", "subspecies": []any{"y"}}, false},
		{map[string]any{"applicant": "a"}, false}, // unanswered
		{map[string]any{"applicant": 5, "subspecies": []any{"x"}}, false},
		{nil, false},
	} {
		if got := d.Applies(tc.answers); got != tc.want {
			t.Errorf("Applies(%v) = %v, want %v", tc.answers, got, tc.want)
		}
	}
	if !(&Document{}).Applies(nil) {
		t.Error("a document without conditions does not apply")
	}
}

func TestAnswered(t *testing.T) {
	m := Meta{Questions: []Question{
		{ID: "applicant", Options: []Option{{ID: "firm", IDNumber: IDNumberBIN}, {ID: "person", IDNumber: IDNumberIIN}}},
		{ID: "payment", Options: []Option{{ID: "portal", ProviderSeesPayment: true}, {ID: "cash"}}},
	}}
	got := m.Answered(map[string]any{"applicant": "person", "payment": "coins", "other": "firm"})
	if len(got) != 1 || got[0].ID != "person" || got[0].IDNumber != IDNumberIIN {
		t.Errorf("Answered = %+v, want the option person only", got)
	}
}
