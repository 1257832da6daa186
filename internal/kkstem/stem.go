package kkstem

import (
	"strings"
	"unicode"
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
// order, for tests.
func stem(folded string) (string, []string) {
	w := []rune(folded)
	if len(w) == 0 {
		return folded, nil
	}
	for _, c := range w {
		if !isCyrillic(c) || !unicode.IsLetter(c) {
			return folded, nil
		}
	}
	var took []string
	for {
		alternate(w)
		s := match(w, keepFloor(w))
		if s == nil {
			return string(w), took
		}
		w = w[:len(w)-len([]rune(s.Text))]
		took = append(took, s.Text)
	}
}

// alternate undoes the voicing of a stem's last consonant that a vowel
// suffix causes (қ→ғ, к→г, п→б): after folding, a final г becomes к and
// a final б becomes п.
func alternate(w []rune) {
	switch w[len(w)-1] {
	case 'г':
		w[len(w)-1] = 'к'
	case 'б':
		w[len(w)-1] = 'п'
	}
}

// match returns the longest suffix w ends in whose stem keeps s.Min runes,
// and floor runes of a kept stem, and ends in a letter the suffix may
// follow; or nil.
func match(w []rune, floor int) *suffix {
	for n := min(maxSuffix, len(w)-1); n >= 1; n-- {
		s, ok := suffixIndex[string(w[len(w)-n:])]
		if !ok || len(w)-n < max(s.Min, floor) {
			continue
		}
		if strings.ContainsRune(s.After, w[len(w)-n-1]) {
			return s
		}
	}
	return nil
}
