package kkstem

import (
	"strings"
	"unicode/utf8"
)

// Stem returns the search key of a Kazakh word: Fold(word) with its
// inflectional endings stripped (plural, possessive, case, the relative
// -ғы and -лық on long stems; see suffixes), one at a time, longest first,
// until none applies. A stem that ends in г or б then ends in к or п, so
// that «куәлігі» and «куәлік» both give «куалик» and «талабы» and «талап»
// both give «талап». Words with any letter outside Cyrillic, or any digit,
// are only folded. Stem never shortens a word below three letters, never
// returns "" for a non-empty word, and Stem(Stem(w)) == Stem(w). A few
// stems are kept whole (see keep).
func Stem(word string) string {
	s, _ := stem(Fold(word))
	return s
}

// stem strips a folded word and also returns the endings it took off, in
// order, for tests. Every letter of U+0400–U+052F is two bytes in UTF-8, so
// it works on bytes: rune i of w is w[2i:2i+2].
func stem(folded string) (string, []string) {
	if folded == "" {
		return folded, nil
	}
	for _, c := range folded {
		if !isCyrillicLetter(c) {
			return folded, nil
		}
	}
	w := []byte(folded)
	var took []string
	for {
		alternate(w)
		s := match(w, keepFloor(w))
		if s == nil {
			return string(w), took
		}
		w = w[:len(w)-len(s.Text)]
		took = append(took, s.Text)
	}
}

// alternate undoes the voicing of a stem's last consonant that a vowel
// suffix causes (қ→ғ, к→г, п→б): after folding, a final г becomes к and
// a final б becomes п.
func alternate(w []byte) {
	switch string(w[len(w)-2:]) {
	case "г":
		copy(w[len(w)-2:], "к")
	case "б":
		copy(w[len(w)-2:], "п")
	}
}

// match returns the longest suffix w ends in whose stem keeps s.Min runes,
// and floor runes of a kept stem, and ends in a letter the suffix may
// follow; or nil.
func match(w []byte, floor int) *suffix {
	runes := len(w) / 2
	for n := min(maxSuffix, runes-1); n >= 1; n-- {
		s, ok := suffixIndex[string(w[len(w)-2*n:])]
		if !ok || runes-n < max(s.Min, floor) {
			continue
		}
		before, _ := utf8.DecodeRune(w[len(w)-2*n-2:])
		if strings.ContainsRune(s.After, before) {
			return s
		}
	}
	return nil
}
