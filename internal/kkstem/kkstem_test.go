package kkstem

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the stems, folds and tokens in testdata/vectors.json from the Go code")

// vectorFile is testdata/vectors.json, shared with the JavaScript port.
type vectorFile struct {
	Comment string `json:"comment"`
	Vectors []struct {
		Word string `json:"word"`
		Stem string `json:"stem"`
	} `json:"vectors"`
	Folds []struct {
		Word string `json:"word"`
		Fold string `json:"fold"`
	} `json:"folds"`
	Tokens []struct {
		Text   string   `json:"text"`
		Tokens []string `json:"tokens"`
	} `json:"tokens"`
	Families []struct {
		Name  string   `json:"name"`
		Words []string `json:"words"`
	} `json:"families"`
	Apart []struct {
		A   string `json:"a"`
		B   string `json:"b"`
		Why string `json:"why"`
	} `json:"apart"`
}

const vectorsPath = "testdata/vectors.json"

func loadVectors(t testing.TB) *vectorFile {
	t.Helper()
	b, err := os.ReadFile(vectorsPath)
	if err != nil {
		t.Fatal(err)
	}
	var v vectorFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", vectorsPath, err)
	}
	return &v
}

// seedPaths are the Kazakh seed texts.
var seedPaths = []string{
	"../../sources/002_6885be08da4fe5cf.txt",
	"../../sources/003_e3c6e59042289d1d.txt",
}

func seedText(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	for _, p := range seedPaths {
		s, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(s)
		b.WriteByte('\n')
	}
	return b.String()
}

func seedWords(t testing.TB) []string {
	return strings.FieldsFunc(seedText(t), notWordRune)
}

// formatVectors writes v as JSON with one vector, fold, token list, family
// or pair a line, so that a diff shows which expectation changed.
func formatVectors(v *vectorFile) ([]byte, error) {
	var b bytes.Buffer
	compact := func(x any) error {
		var e bytes.Buffer
		enc := json.NewEncoder(&e)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(x); err != nil {
			return err
		}
		b.Write(bytes.TrimSpace(e.Bytes()))
		return nil
	}
	b.WriteString("{\n  \"comment\": ")
	if err := compact(v.Comment); err != nil {
		return nil, err
	}
	list := func(name string, n int, item func(i int) any) error {
		fmt.Fprintf(&b, ",\n  %q: [", name)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			if err := compact(item(i)); err != nil {
				return err
			}
		}
		b.WriteString("\n  ]")
		return nil
	}
	for _, err := range []error{
		list("vectors", len(v.Vectors), func(i int) any { return v.Vectors[i] }),
		list("folds", len(v.Folds), func(i int) any { return v.Folds[i] }),
		list("tokens", len(v.Tokens), func(i int) any { return v.Tokens[i] }),
		list("families", len(v.Families), func(i int) any { return v.Families[i] }),
		list("apart", len(v.Apart), func(i int) any { return v.Apart[i] }),
	} {
		if err != nil {
			return nil, err
		}
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// TestVectors checks Stem, Fold and Tokens against the shared vectors. With
// -update it rewrites their expected values instead; review the diff.
func TestVectors(t *testing.T) {
	v := loadVectors(t)
	if *update {
		if os.Getenv("CI") != "" {
			t.Fatal("-update is refused when CI is set")
		}
		for i := range v.Vectors {
			v.Vectors[i].Stem = Stem(v.Vectors[i].Word)
		}
		for i := range v.Folds {
			v.Folds[i].Fold = Fold(v.Folds[i].Word)
		}
		for i := range v.Tokens {
			v.Tokens[i].Tokens = append([]string{}, Tokens(v.Tokens[i].Text)...)
		}
		b, err := formatVectors(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vectorsPath, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, c := range v.Vectors {
		if got := Stem(c.Word); got != c.Stem {
			t.Errorf("Stem(%q) = %q, want %q", c.Word, got, c.Stem)
		}
	}
	for _, c := range v.Folds {
		if got := Fold(c.Word); got != c.Fold {
			t.Errorf("Fold(%q) = %q, want %q", c.Word, got, c.Fold)
		}
	}
	for _, c := range v.Tokens {
		if got := Tokens(c.Text); !slices.Equal(got, c.Tokens) {
			t.Errorf("Tokens(%q) = %q, want %q", c.Text, got, c.Tokens)
		}
	}
}

// TestVectorsCoverRules checks that the vectors exercise every suffix, both
// alternations and every kept stem, and that every word of the families and
// apart pairs is a vector too, so the JavaScript port is checked on them.
func TestVectorsCoverRules(t *testing.T) {
	v := loadVectors(t)
	if len(v.Vectors) < 150 {
		t.Errorf("%d vectors, want at least 150", len(v.Vectors))
	}
	words := map[string]bool{}
	taken := map[string]bool{}
	var alternated, kept = map[rune]bool{}, map[string]bool{}
	for _, c := range v.Vectors {
		if words[c.Word] {
			t.Errorf("vector %q listed twice", c.Word)
		}
		words[c.Word] = true
		f := Fold(c.Word)
		s, took := stem(f)
		for _, x := range took {
			taken[x] = true
		}
		// A stem that ends where the folded word had г or б was alternated.
		if n := len([]rune(s)); len(took) > 0 && n <= len([]rune(f)) {
			if c := []rune(f)[n-1]; c == 'г' || c == 'б' {
				alternated[c] = true
			}
		}
		if fl := keepFloor([]byte(s)); fl > 0 && len(took) > 0 {
			kept[string([]rune(s)[:fl])] = true
		}
	}
	for _, s := range suffixes {
		if !taken[s.Text] {
			t.Errorf("no vector strips -%s (%s)", s.Text, s.Kind)
		}
	}
	for _, c := range "гб" {
		if !alternated[c] {
			t.Errorf("no vector alternates a final %c", c)
		}
	}
	for _, k := range keep {
		if !kept[k] {
			t.Errorf("no inflected vector stops at kept stem %q", k)
		}
	}
	for _, f := range v.Families {
		for _, w := range f.Words {
			if !words[w] {
				t.Errorf("family %s: %q is not a vector", f.Name, w)
			}
		}
	}
	for _, a := range v.Apart {
		for _, w := range []string{a.A, a.B} {
			if !words[w] {
				t.Errorf("apart pair %q/%q: %q is not a vector", a.A, a.B, w)
			}
		}
	}
}

// TestFamilies checks that every form of a word, spelled with or without
// the Kazakh letters, gives one key, and logs the recall that buys over
// Pagefind's prefix matching.
func TestFamilies(t *testing.T) {
	v := loadVectors(t)
	var pairs, prefixHits, stemHits int
	for _, f := range v.Families {
		want := Stem(f.Words[0])
		for _, w := range f.Words {
			if got := Stem(w); got != want {
				t.Errorf("family %s: Stem(%q) = %q, but Stem(%q) = %q", f.Name, w, got, f.Words[0], want)
			}
		}
		// A query q finds a page word p if p begins with q: as typed and
		// lower-cased today, or as keys with this package.
		for _, q := range f.Words {
			for _, p := range f.Words {
				pairs++
				if strings.HasPrefix(strings.ToLower(p), strings.ToLower(q)) {
					prefixHits++
				}
				if strings.HasPrefix(Stem(p), Stem(q)) {
					stemHits++
				}
			}
		}
	}
	t.Logf("%d families, %d query/page pairs: prefix match finds %d (%.1f%%), keys find %d (%.1f%%)",
		len(v.Families), pairs, prefixHits, 100*float64(prefixHits)/float64(pairs),
		stemHits, 100*float64(stemHits)/float64(pairs))
}

// TestApart checks that unrelated words keep different keys.
func TestApart(t *testing.T) {
	v := loadVectors(t)
	if len(v.Apart) == 0 {
		t.Fatal("no apart pairs")
	}
	for _, a := range v.Apart {
		if sa, sb := Stem(a.A), Stem(a.B); sa == sb {
			t.Errorf("%q and %q (%s) both stem to %q", a.A, a.B, a.Why, sa)
		}
	}
}

// TestIdempotent checks Fold(Fold(w)) == Fold(w) and Stem(Stem(w)) ==
// Stem(w) on the vectors and every word of the seed texts.
func TestIdempotent(t *testing.T) {
	v := loadVectors(t)
	words := seedWords(t)
	for _, c := range v.Vectors {
		words = append(words, c.Word)
	}
	for _, w := range words {
		if f := Fold(w); Fold(f) != f {
			t.Errorf("Fold(%q) = %q, but Fold(%q) = %q", w, f, f, Fold(f))
		}
		if s := Stem(w); Stem(s) != s {
			t.Errorf("Stem(%q) = %q, but Stem(%q) = %q", w, s, s, Stem(s))
		}
	}
}

func TestStemShortAndForeign(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"", ""},
		{"іс", "ис"},        // too short to strip
		{"заңы", "зан"},     // stem keeps three letters
		{"алымы", "алым"},   // -ым needs five
		{"бөлімі", "болим"}, // likewise
		{"2019", "2019"},    // digits: folded only
		{"46/қе", "46/ке"},  // not a word of letters: folded only
		{"eLicense", "elicense"},
		{"Лицензиясы", "лицензия"},
		{"ЛИЦЕНЗИЯСЫ", "лицензия"},
	} {
		if got := Stem(c.word); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

func TestTokensStopWords(t *testing.T) {
	if got := Tokens(strings.Join(StopWords, " ")); len(got) != 0 {
		t.Errorf("Tokens(stop words) = %q, want none", got)
	}
	// Typed without the Kazakh letters, and in capitals, they still go.
	if got := Tokens("ЖАНЕ ушин бойынша Туралы онын"); len(got) != 0 {
		t.Errorf("Tokens(folded stop words) = %q, want none", got)
	}
	got := Tokens("Лицензия және куәлік, лицензияның және куәліктің осы тегі")
	want := []string{"лицензия", "куалик", "тек"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	for _, w := range StopWords {
		if Fold(w) != Fold(strings.TrimSpace(w)) || strings.ContainsFunc(w, notWordRune) {
			t.Errorf("stop word %q is not one word", w)
		}
	}
}

// TestTables checks the suffix and keep tables' own invariants.
func TestTables(t *testing.T) {
	for _, s := range suffixes {
		if Fold(s.Text) != s.Text || Fold(s.After) != s.After {
			t.Errorf("suffix -%s is not in folded spelling", s.Text)
		}
		if s.After == "" || s.Min < minStem {
			t.Errorf("suffix -%s: After %q, Min %d", s.Text, s.After, s.Min)
		}
	}
	for _, k := range keep {
		if Fold(k) != k || strings.HasSuffix(k, "г") || strings.HasSuffix(k, "б") {
			t.Errorf("kept stem %q must be folded and not end in г or б", k)
		}
		if Stem(k) != k {
			t.Errorf("Stem(%q) = %q, want it kept", k, Stem(k))
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, c := range loadVectors(f).Vectors {
		f.Add(c.Word)
	}
	f.Add("İSTANBUL")
	f.Add("ǅ")
	f.Fuzz(func(t *testing.T, word string) {
		folded := Fold(word)
		if Fold(folded) != folded {
			t.Errorf("Fold not idempotent on %q: %q, %q", word, folded, Fold(folded))
		}
		if utf8.ValidString(word) && utf8.RuneCountInString(folded) != utf8.RuneCountInString(word) {
			t.Errorf("Fold(%q) = %q changed the rune count", word, folded)
		}
		s := Stem(word)
		letters := word != "" && !strings.ContainsFunc(word, func(c rune) bool { return !unicode.IsLetter(c) })
		if letters && s == "" {
			t.Errorf("Stem(%q) is empty", word)
		}
		if !strings.HasPrefix(folded, strings.TrimRight(s, "кп")) {
			t.Errorf("Stem(%q) = %q is not a prefix of Fold = %q", word, s, folded)
		}
		if Stem(s) != s {
			t.Errorf("Stem(%q) = %q, but Stem(%q) = %q", word, s, s, Stem(s))
		}
		for _, tok := range Tokens(word) {
			if tok == "" {
				t.Errorf("Tokens(%q) has an empty token", word)
			}
		}
	})
}

func BenchmarkTokens(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokens(text)
	}
}

func BenchmarkStem(b *testing.B) {
	words := seedWords(b)
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
