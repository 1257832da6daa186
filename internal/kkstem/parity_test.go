package kkstem

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
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
	// The JavaScript alone against the vectors' expected values.
	check := exec.Command(node, "testdata/run.js", "--check", vectorsPath)
	if msg, err := check.CombinedOutput(); err != nil {
		t.Errorf("node testdata/run.js --check: %v\n%s", err, msg)
	}

	// The JavaScript against the Go, word by word.
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
	in.Words = append(in.Words, randomWords(20000)...)
	in.Words = append(in.Words, "", " ", "İSTANBUL", "ǅ", "ΣΑΣ", "ß", "ẞ", "Ǉ", "ӀӏӀ",
		"ÀÉ", "ǰ", "ﬁ", "ŉ", "Ա", "𐐀", "Straße", "КУӘЛIК", "ЁЛКА", "ЙӘ", "Кİ", "К\u212a", "\u212aаз")
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

// randomWords makes n words, the same on every run, from Kazakh, Russian and
// Latin letters in both cases, digits, and letters that lower-case oddly.
func randomWords(n int) []string {
	alphabet := []rune("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЫІЭЮЯ" +
		"aAbBcCeEhHiIkKmMoOpPtTxXyYzZ0123456789əƏİıΣσßẞǅ\u212a\u0482\u0483ӀӏѢѣ")
	r := rand.New(rand.NewPCG(1, 2))
	words := make([]string, n)
	for i := range words {
		w := make([]rune, 1+r.IntN(14))
		for j := range w {
			if r.IntN(4) == 0 {
				w[j] = alphabet[r.IntN(len(alphabet))]
			} else {
				w[j] = alphabet[r.IntN(42)] // mostly Kazakh lower case
			}
		}
		words[i] = string(w)
	}
	return words
}
