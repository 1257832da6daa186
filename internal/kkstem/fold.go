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
func kazakhFold(c rune) rune {
	switch c {
	case 'ә':
		return 'а'
	case 'ғ':
		return 'г'
	case 'қ':
		return 'к'
	case 'ң':
		return 'н'
	case 'ө':
		return 'о'
	case 'ұ', 'ү':
		return 'у'
	case 'һ':
		return 'х'
	case 'і':
		return 'и'
	case 'ё':
		return 'е'
	}
	return c
}

// latinLookalike maps Latin letters that scanners and typists put into
// Cyrillic words to the folded Cyrillic letter they stand for, or returns
// 0. It applies before lower-casing because H looks like Н but h like һ.
func latinLookalike(c rune) rune {
	switch c {
	case 'A', 'a', 'Ə', 'ə':
		return 'а'
	case 'B':
		return 'в'
	case 'C', 'c':
		return 'с'
	case 'E', 'e':
		return 'е'
	case 'H':
		return 'н'
	case 'h':
		return 'х'
	case 'I', 'i':
		return 'и'
	case 'K', 'k':
		return 'к'
	case 'M':
		return 'м'
	case 'O', 'o':
		return 'о'
	case 'P', 'p':
		return 'р'
	case 'T':
		return 'т'
	case 'X', 'x':
		return 'х'
	case 'Y', 'y':
		return 'у'
	}
	return 0
}

// isCyrillic reports whether c is in the Cyrillic and Cyrillic Supplement
// blocks, U+0400–U+052F; the JavaScript port uses the same range.
func isCyrillic(c rune) bool { return c >= 0x0400 && c <= 0x052F }

// isCyrillicLetter reports whether c is a letter of those blocks: all of
// them are but the sign ҂ and the combining marks, U+0482–U+0489.
func isCyrillicLetter(c rune) bool { return isCyrillic(c) && (c < 0x0482 || c > 0x0489) }

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
		if cyr {
			if m := latinLookalike(c); m != 0 {
				b.WriteRune(m)
				continue
			}
		}
		switch {
		case c >= 'а' && c <= 'џ': // а–я, ѐ–џ: already lower case
		case c >= 'А' && c <= 'Я':
			c += 'а' - 'А'
		default:
			c = unicode.ToLower(c)
			// İ and the Kelvin sign lower-case to a look-alike.
			if m := latinLookalike(c); m != 0 && cyr {
				c = m
			}
		}
		b.WriteRune(kazakhFold(c))
	}
	return b.String()
}
