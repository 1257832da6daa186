package checker

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"ruqsat/internal/workdays/calc"
)

// TestDeadlineSplit: the deadline data read by brackets, a service at a
// time, is what decoding the whole file gives.
func TestDeadlineSplit(t *testing.T) {
	b, err := os.ReadFile("../schemas/checklists/" + calc.File)
	if err != nil {
		t.Fatal(err)
	}
	var whole calc.Data
	if err := json.Unmarshal(b, &whole); err != nil {
		t.Fatal(err)
	}
	var d deadlineData
	d.read(b)
	if d.data == nil {
		t.Fatal("the split read found no deadline data")
	}
	if !reflect.DeepEqual(d.data.Calendar, whole.Calendar) || !reflect.DeepEqual(d.data.Gaps, whole.Gaps) || d.data.Format != whole.Format {
		t.Error("calendar, gaps or format differ from the whole file's")
	}
	for _, sv := range whole.Services {
		got := d.service(sv.ID)
		if len(got.Services) != 1 || !reflect.DeepEqual(got.Services[0], sv) {
			t.Errorf("service %s differs from the whole file's", sv.ID)
		}
	}
	if got := d.service("no-such-service"); len(got.Services) != 0 {
		t.Error("an unknown service has data")
	}
	for _, bad := range []string{``, `{`, `[]`, `{"format": "ruqsat-deadlines/1", "calendar": {}, "services": [{"id": 1}]}`, `{"format": "x"}`, `{"a": "unterminated}`} {
		var d deadlineData
		d.read([]byte(bad))
		if d.data != nil {
			t.Errorf("%q read as deadline data", bad)
		}
	}
	if m, ok := splitObject([]byte(` {"a": [1, {"b": "}\""}], "c": true, "a": 2} `)); !ok || string(m["a"]) != "2" || string(m["c"]) != "true" {
		t.Errorf("splitObject: %q %v", m, ok)
	}
}
