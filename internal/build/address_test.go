package build

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestBaseURL(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# comment\nbaseURL = \"/\"\ntitle = \"x\"\n[params]\n  baseURL = \"https://not.this/\"\n")
	for _, c := range []struct{ flag, want, reason string }{
		{"", "", ""},
		{"https://Example.org", "https://example.org/", ""},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/", ""},
		{"example.org", "", "not-absolute"},
		{"/ru/", "", "not-absolute"},
		{"ftp://example.org/", "", "scheme"},
		{"https://example.org/ruqsat/", "", "path"},
		{"https://example.org/?a=1", "", "query"},
	} {
		got, err := BaseURL(dir, c.flag)
		var ae *AddressError
		switch {
		case c.reason == "" && (err != nil || got != c.want):
			t.Errorf("BaseURL(%q) = %q, %v; want %q", c.flag, got, err, c.want)
		case c.reason != "" && (!errors.As(err, &ae) || ae.Reason != c.reason):
			t.Errorf("BaseURL(%q) = %q, %v; want the reason %s", c.flag, got, err, c.reason)
		}
	}
	// config.toml's top-level baseURL, not a table's, when no flag is given.
	write("baseURL = \"https://ruqsat.example/\" # the address\n[params]\nbaseURL = \"https://not.this/\"\n")
	if got, err := BaseURL(dir, ""); err != nil || got != "https://ruqsat.example/" {
		t.Errorf("from config.toml: %q, %v", got, err)
	}
	if got, _ := BaseURL(dir, "https://flag.example"); got != "https://flag.example/" {
		t.Errorf("the flag does not win over config.toml: %q", got)
	}
	write("baseURL = \"https://example.org/sub/\"\n")
	if _, err := BaseURL(dir, ""); err == nil {
		t.Error("config.toml's address with a path accepted")
	}
}

func TestPublishSchemaIDs(t *testing.T) {
	for _, c := range []struct{ base, want string }{
		{"https://example.org/", `"$id": "https://example.org/schemas/checklists/a.schema.json"`},
		{"", `"$id": "/schemas/checklists/a.schema.json"`},
	} {
		dir := t.TempDir()
		cl := filepath.Join(dir, "schemas", "checklists")
		os.MkdirAll(cl, 0o755)
		orig := "{\n  \"$id\": \"https://ruqsat.invalid/schemas/checklists/a.schema.json\",\n  \"allOf\": [{\"$ref\": \"package.schema.json\"}]\n}\n"
		bundle := `{"a.schema.json":{"$id": "https://ruqsat.invalid/schemas/checklists/a.schema.json"}}`
		os.WriteFile(filepath.Join(cl, "a.schema.json"), []byte(orig), 0o644)
		os.WriteFile(filepath.Join(cl, "bundle.json"), []byte(bundle), 0o644)
		if err := publishSchemaIDs(dir, c.base); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(cl, "a.schema.json"))
		want := "{\n  " + c.want + ",\n  \"allOf\": [{\"$ref\": \"package.schema.json\"}]\n}\n"
		if string(got) != want {
			t.Errorf("base %q:\n%s\nwant\n%s", c.base, got, want)
		}
		if b, _ := os.ReadFile(filepath.Join(cl, "bundle.json")); string(b) != bundle {
			t.Errorf("bundle.json rewritten: %s", b)
		}
	}
	// A site without schemas/ is not an error.
	if err := publishSchemaIDs(t.TempDir(), ""); err != nil {
		t.Error(err)
	}
}
