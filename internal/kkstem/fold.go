// Package kkstem folds and stems Kazakh words for site search: Pagefind
// stems Russian and English but only prefix-matches Kazakh, so pages carry
// the keys made here, and static/js/kkstem.js makes the same keys from the
// reader's query. The two must agree byte for byte; a test runs both.
package kkstem

import (
	"strings"
	"unicode"
)

// kazakhFold maps the letters a Russian keyboard lacks to their look-alikes,
// and ё to е, after lower-casing.
var kazakhFold = map[rune]rune{
	'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о',
	'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'ё': 'е',
}

// latinLookalike maps Latin letters that scanners and typists put into
// Cyrillic words to the folded Cyrillic letter they stand for. It applies
// before lower-casing because H looks like Н but h looks like һ.
var latinLookalike = map[rune]rune{
	'A': 'а', 'B': 'в', 'C': 'с', 'E': 'е', 'H': 'н', 'I': 'и', 'K': 'к',
	'M': 'м', 'O': 'о', 'P': 'р', 'T': 'т', 'X': 'х', 'Y': 'у',
	'a': 'а', 'c': 'с', 'e': 'е', 'h': 'х', 'i': 'и', 'k': 'к', 'o': 'о',
	'p': 'р', 'x': 'х', 'y': 'у', 'Ə': 'а', 'ə': 'а',
}

// isCyrillic reports whether c is in the Cyrillic and Cyrillic Supplement
// blocks, U+0400–U+052F; the JavaScript port uses the same range.
func isCyrillic(c rune) bool { return c >= 0x0400 && c <= 0x052F }

// Fold lower-cases word and spells it as a reader without a Kazakh
// keyboard would: ә ғ қ ң ө ұ ү һ і become а г к н о у у х и, and ё becomes
// е. In a word that has any Cyrillic letter, Latin look-alikes such as the
// scanner's "i" in «әзiрлеу» become Cyrillic too. Fold maps rune by rune, so
// the result has as many runes as word, and Fold(Fold(w)) == Fold(w).
func Fold(word string) string {
	cyr := strings.IndexFunc(word, isCyrillic) >= 0
	var b strings.Builder
	b.Grow(len(word))
	for _, c := range word {
		if m, ok := latinLookalike[c]; ok && cyr {
			b.WriteRune(m)
			continue
		}
		c = unicode.ToLower(c)
		if m, ok := kazakhFold[c]; ok {
			c = m
		}
		b.WriteRune(c)
	}
	return b.String()
}
