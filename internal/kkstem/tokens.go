package kkstem

import (
	"strings"
	"unicode"
)

// StopWords lists the Kazakh function words Tokens drops: conjunctions,
// particles, postpositions and pronouns that would match almost every page.
// A word is dropped when its folded form is listed, so «оның» goes but
// «тегі» (surname), which stems to the same key as the particle «тек», stays.
var StopWords = []string{
	"және", "мен", "бен", "пен", "немесе", "не", "әрі", "бірақ", "егер",
	"үшін", "бойынша", "туралы", "арқылы", "сияқты", "дейін", "бастап",
	"кейін", "бұрын", "сондай", "ақ", "яғни",
	"осы", "осының", "осыған", "осында", "бұл", "бұның", "мұның", "мұнда",
	"ол", "оның", "оны", "оған", "олар", "олардың", "сол", "соның", "сонда",
	"онда", "қайда",
	"де", "да", "те", "та", "ғана", "қана", "ма", "ме", "ба", "бе", "па",
	"пе", "ғой", "тек", "әр", "тіпті",
}

// stopWords holds StopWords folded.
var stopWords = map[string]bool{}

func init() {
	for _, w := range StopWords {
		stopWords[Fold(w)] = true
	}
}

// Tokens splits text into words (runs of letters and digits), drops stop
// words, and returns the Stem of each remaining word once, in the order they
// first occur. It is what pages are indexed under and what a query is
// turned into.
func Tokens(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, notWordRune) {
		f := Fold(w)
		if stopWords[f] {
			continue
		}
		s, _ := stem(f)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// notWordRune reports whether c separates words: anything but a letter or a
// decimal digit (Unicode L and Nd, the JavaScript port's \p{L} and \p{Nd}).
func notWordRune(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }
