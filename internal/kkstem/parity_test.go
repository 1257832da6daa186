package kkstem

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestJSParity runs static/js/kkstem.js under Node (testdata/run.js) and
// checks that it folds, stems and tokenizes exactly as this package does:
// on the vectors, on every word and line of the Kazakh seed texts, and on
// every suffix and pair of suffixes after a handful of stems. Node is part
// of every machine this project builds on, so a missing node fails the test.
func TestJSParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is needed to check static/js/kkstem.js: %v", err)
	}
	v := loadVectors(t)
	var in struct {
		Words []string `json:"words"`
		Texts []string `json:"texts"`
	}
	for _, c := range v.Vectors {
		in.Words = append(in.Words, c.Word)
	}
	for _, c := range v.Folds {
		in.Words = append(in.Words, c.Word)
	}
	for _, c := range v.Tokens {
		in.Texts = append(in.Texts, c.Text)
	}
	seed := seedText(t)
	seedWords := strings.FieldsFunc(seed, notWordRune)
	in.Words = append(in.Words, seedWords...)
	in.Words = append(in.Words, syntheticWords()...)
	in.Words = append(in.Words, "", " ", "İSTANBUL", "ǅ", "ΣΑΣ", "ß", "ẞ", "Ǉ", "ӀӏӀ",
		"ÀÉ", "ǰ", "ﬁ", "ŉ", "Ա", "𐐀", "Straße", "КУӘЛIК", "ЁЛКА", "ЙӘ")
	in.Texts = append(in.Texts, strings.Split(seed, "\n")...)
	in.Texts = append(in.Texts, seed)

	stdin, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/run.js")
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/run.js: %v\n%s", err, stderr.String())
	}
	var out struct {
		Fold   []string   `json:"fold"`
		Stem   []string   `json:"stem"`
		Tokens [][]string `json:"tokens"`
	}
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("node output: %v", err)
	}
	if len(out.Fold) != len(in.Words) || len(out.Stem) != len(in.Words) || len(out.Tokens) != len(in.Texts) {
		t.Fatalf("node answered %d folds, %d stems, %d token lists for %d words and %d texts",
			len(out.Fold), len(out.Stem), len(out.Tokens), len(in.Words), len(in.Texts))
	}
	bad := 0
	report := func(format string, args ...any) {
		if bad++; bad <= 30 {
			t.Errorf(format, args...)
		}
	}
	for i, w := range in.Words {
		if got, want := out.Fold[i], Fold(w); got != want {
			report("fold(%q): JS %q, Go %q", w, got, want)
		}
		if got, want := out.Stem[i], Stem(w); got != want {
			report("stem(%q): JS %q, Go %q", w, got, want)
		}
	}
	for i, text := range in.Texts {
		if got, want := out.Tokens[i], Tokens(text); !slices.Equal(got, want) {
			report("tokens(%.60q): JS %q, Go %q", text, got, want)
		}
	}
	if bad > 0 {
		t.Errorf("%d differences between Go and JavaScript", bad)
	}
	t.Logf("compared %d words (%d from the seed texts) and %d texts", len(in.Words), len(seedWords), len(in.Texts))
}

// syntheticWords puts every suffix, and every pair of suffixes, after stems
// ending in each letter class, in Kazakh and in folded spelling.
func syntheticWords() []string {
	stems := []string{"құжат", "лицензия", "тауар", "мерзім", "жүйе", "орган", "куәлік", "талап", "қол", "іс", "келісім", "ұйымдас"}
	var out []string
	for _, st := range stems {
		for _, a := range suffixes {
			out = append(out, st+a.Text, strings.ToUpper(st+a.Text))
			for _, b := range suffixes {
				out = append(out, st+a.Text+b.Text)
			}
		}
	}
	return out
}
