// kkstem.js folds and stems Kazakh words for site search, exactly as the Go
// package ruqsat/internal/kkstem does when pages are generated: Pagefind
// only prefix-matches Kazakh, so pages carry these keys and queries are
// turned into them here. Keep the two in step (same tables, same order); the
// Go test TestJSParity runs both over the test vectors, the seed texts and
// generated words and compares them byte for byte.
//
// API: window.RuqsatKK = {fold, stem, tokens}; module.exports in Node.
//   fold(word)   -> string    lower-cased; ә ғ қ ң ө ұ ү һ і ё -> а г к н о у у х и е;
//                             Latin look-alikes in a Cyrillic word -> Cyrillic
//   stem(word)   -> string    the search key of one word, e.g. куәліктер -> куалик
//   tokens(text) -> string[]  keys of the text's words (letters and digits),
//                             stop words dropped, each key once, in order
// Needs ES2018 (\p{…} in regular expressions). Go and JavaScript agree on
// every character of Unicode 15.0, the version of Go's tables.
(function (root) {
  'use strict';

  // Letters a Russian keyboard lacks, and ё, after lower-casing.
  var KAZAKH_FOLD = {
    'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о',
    'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'ё': 'е'
  };

  // Latin look-alikes inside Cyrillic words, before lower-casing
  // (H looks like Н, h like һ).
  var LATIN_LOOKALIKE = {
    'A': 'а', 'B': 'в', 'C': 'с', 'E': 'е', 'H': 'н', 'I': 'и', 'K': 'к',
    'M': 'м', 'O': 'о', 'P': 'р', 'T': 'т', 'X': 'х', 'Y': 'у',
    'a': 'а', 'c': 'с', 'e': 'е', 'h': 'х', 'i': 'и', 'k': 'к', 'o': 'о',
    'p': 'р', 'x': 'х', 'y': 'у', 'Ə': 'а', 'ə': 'а'
  };

  // Letter classes of the folded alphabet (see suffix.go).
  var VOWEL = 'аеиоыэюя';
  var SONORANT = 'рйу';
  var LATERAL = 'л';
  var NASAL = 'мн';
  var SIBILANT = 'зж';
  var VOICELESS = 'кпстфхцчшщ';
  var LOAN_STOP = 'бвгд';
  var VOICED = SONORANT + LATERAL + NASAL + SIBILANT;
  var CONSONANT = VOICED + VOICELESS + LOAN_STOP;
  var UNVOICED = VOICELESS + LOAN_STOP;
  var MIN_STEM = 3;

  // [folded ending, letters the stem may end in, runes the stem must keep].
  // Same entries as suffixes in suffix.go.
  var SUFFIXES = [
    // Plural.
    ['лар', VOWEL + SONORANT, MIN_STEM],
    ['лер', VOWEL + SONORANT, MIN_STEM],
    ['дар', LATERAL + NASAL + SIBILANT, MIN_STEM],
    ['дер', LATERAL + NASAL + SIBILANT, MIN_STEM],
    ['тар', UNVOICED, MIN_STEM],
    ['тер', UNVOICED, MIN_STEM],
    // Possessive.
    ['ым', CONSONANT, 5],
    ['им', CONSONANT, 5],
    ['ын', CONSONANT, MIN_STEM],
    ['ин', CONSONANT, MIN_STEM],
    ['ы', CONSONANT, MIN_STEM],
    ['и', CONSONANT, MIN_STEM],
    ['сы', VOWEL, MIN_STEM],
    ['си', VOWEL, MIN_STEM],
    ['сын', VOWEL, MIN_STEM],
    ['син', VOWEL, MIN_STEM],
    ['мыз', VOWEL, MIN_STEM],
    ['миз', VOWEL, MIN_STEM],
    ['ымыз', CONSONANT, MIN_STEM],
    ['имиз', CONSONANT, MIN_STEM],
    ['ныз', VOWEL, MIN_STEM],
    ['низ', VOWEL, MIN_STEM],
    ['ыныз', CONSONANT, MIN_STEM],
    ['иниз', CONSONANT, MIN_STEM],
    // Genitive.
    ['нын', VOWEL + NASAL, MIN_STEM],
    ['нин', VOWEL + NASAL, MIN_STEM],
    ['дын', SONORANT + LATERAL + SIBILANT, MIN_STEM],
    ['дин', SONORANT + LATERAL + SIBILANT, MIN_STEM],
    ['тын', UNVOICED, MIN_STEM],
    ['тин', UNVOICED, MIN_STEM],
    // Dative.
    ['га', VOWEL + VOICED, MIN_STEM],
    ['ге', VOWEL + VOICED, MIN_STEM],
    ['ка', UNVOICED, MIN_STEM],
    ['ке', UNVOICED, MIN_STEM],
    ['на', VOWEL, MIN_STEM],
    ['не', VOWEL, MIN_STEM],
    ['ыма', CONSONANT, 5],
    ['име', CONSONANT, 5],
    // Accusative.
    ['ны', VOWEL, MIN_STEM],
    ['ни', VOWEL, MIN_STEM],
    ['ды', VOICED, MIN_STEM],
    ['ди', VOICED, MIN_STEM],
    ['ты', UNVOICED, MIN_STEM],
    ['ти', UNVOICED, MIN_STEM],
    // Locative.
    ['да', VOWEL + VOICED, MIN_STEM],
    ['де', VOWEL + VOICED, MIN_STEM],
    ['та', UNVOICED, MIN_STEM],
    ['те', UNVOICED, MIN_STEM],
    ['нда', VOWEL, MIN_STEM],
    ['нде', VOWEL, MIN_STEM],
    // Ablative.
    ['дан', VOWEL + SONORANT + LATERAL + SIBILANT, MIN_STEM],
    ['ден', VOWEL + SONORANT + LATERAL + SIBILANT, MIN_STEM],
    ['нан', VOWEL + NASAL, MIN_STEM],
    ['нен', VOWEL + NASAL, MIN_STEM],
    ['тан', UNVOICED, MIN_STEM],
    ['тен', UNVOICED, MIN_STEM],
    // Instrumental.
    ['мен', VOWEL + SONORANT + LATERAL, MIN_STEM],
    ['бен', NASAL + SIBILANT, MIN_STEM],
    ['пен', UNVOICED, MIN_STEM],
    // Relative -ғы/-гі.
    ['гы', VOICED, MIN_STEM],
    ['ги', VOICED, MIN_STEM],
    ['дагы', VOWEL + VOICED, MIN_STEM],
    ['деги', VOWEL + VOICED, MIN_STEM],
    ['тагы', UNVOICED, MIN_STEM],
    ['теги', UNVOICED, MIN_STEM],
    ['ндагы', VOWEL, MIN_STEM],
    ['ндеги', VOWEL, MIN_STEM],
    // Derivational -лық/-лік on stems of four letters or more.
    ['лык', VOWEL + SONORANT, 4],
    ['лик', VOWEL + SONORANT, 4],
    ['дык', LATERAL + NASAL + SIBILANT, 4],
    ['дик', LATERAL + NASAL + SIBILANT, 4],
    ['тык', UNVOICED, 4],
    ['тик', UNVOICED, 4],
    // Meeting points.
    ['н', VOWEL, MIN_STEM],
    ['с', VOWEL, MIN_STEM],
    ['т', 'кпсфхцчшщ', MIN_STEM]
  ];

  // Stems never cut into (see keep in suffix.go).
  var KEEP = ['жаргы', 'келисим', 'колданыс', 'маман', 'орыс', 'сауда', 'тегин', 'тургылык'];

  // Function words tokens() drops, matched on the folded word (tokens.go).
  var STOP_WORDS = [
    'және', 'мен', 'бен', 'пен', 'немесе', 'не', 'әрі', 'бірақ', 'егер',
    'үшін', 'бойынша', 'туралы', 'арқылы', 'сияқты', 'дейін', 'бастап',
    'кейін', 'бұрын', 'сондай', 'ақ', 'яғни',
    'осы', 'осының', 'осыған', 'осында', 'бұл', 'бұның', 'мұның', 'мұнда',
    'ол', 'оның', 'оны', 'оған', 'олар', 'олардың', 'сол', 'соның', 'сонда',
    'онда', 'қайда',
    'де', 'да', 'те', 'та', 'ғана', 'қана', 'ма', 'ме', 'ба', 'бе', 'па',
    'пе', 'ғой', 'тек', 'әр', 'тіпті'
  ];

  var suffixIndex = Object.create(null);
  var maxSuffix = 0;
  SUFFIXES.forEach(function (s) {
    suffixIndex[s[0]] = { after: s[1], min: s[2] };
    maxSuffix = Math.max(maxSuffix, Array.from(s[0]).length);
  });

  var WORD = /[\p{L}\p{Nd}]+/gu;

  // Cyrillic and Cyrillic Supplement, U+0400–U+052F, as in fold.go.
  function isCyrillic(c) {
    var cp = c.codePointAt(0);
    return cp >= 0x0400 && cp <= 0x052F;
  }

  // All of those are letters but the sign ҂ and the combining marks.
  function isCyrillicLetter(c) {
    var cp = c.codePointAt(0);
    return isCyrillic(c) && (cp < 0x0482 || cp > 0x0489);
  }

  // toLower lower-cases one code point with Unicode's simple mapping, as
  // Go's unicode.ToLower does: where the full mapping is longer (only
  // U+0130 İ -> i + U+0307), its first code point is the simple one.
  function toLower(c) {
    var l = c.toLowerCase();
    return l.length === c.length ? l : String.fromCodePoint(l.codePointAt(0));
  }

  function fold(word) {
    var cs = Array.from(String(word));
    var cyr = cs.some(isCyrillic);
    var out = '';
    for (var i = 0; i < cs.length; i++) {
      var c = cs[i];
      if (cyr && Object.prototype.hasOwnProperty.call(LATIN_LOOKALIKE, c)) {
        out += LATIN_LOOKALIKE[c];
        continue;
      }
      c = toLower(c);
      // İ and the Kelvin sign lower-case to a look-alike.
      if (cyr && Object.prototype.hasOwnProperty.call(LATIN_LOOKALIKE, c)) {
        c = LATIN_LOOKALIKE[c];
      }
      out += Object.prototype.hasOwnProperty.call(KAZAKH_FOLD, c) ? KAZAKH_FOLD[c] : c;
    }
    return out;
  }

  // stemFolded, keepFloor and match see only Cyrillic letters, each one
  // UTF-16 unit, so string indices count letters as Go's runes do.
  function keepFloor(w) {
    var floor = 0;
    for (var i = 0; i < KEEP.length; i++) {
      var k = KEEP[i];
      if (k.length > floor && w.startsWith(k)) {
        floor = k.length;
      }
    }
    return floor;
  }

  function match(w, floor) {
    for (var n = Math.min(maxSuffix, w.length - 1); n >= 1; n--) {
      var s = suffixIndex[w.slice(w.length - n)];
      if (!s || w.length - n < Math.max(s.min, floor)) {
        continue;
      }
      if (s.after.indexOf(w.charAt(w.length - n - 1)) >= 0) {
        return n;
      }
    }
    return 0;
  }

  function stemFolded(folded) {
    var cs = Array.from(folded);
    if (cs.length === 0 || !cs.every(isCyrillicLetter)) {
      return folded;
    }
    var w = folded;
    for (;;) {
      var last = w.charAt(w.length - 1);
      if (last === 'г') {
        w = w.slice(0, -1) + 'к';
      } else if (last === 'б') {
        w = w.slice(0, -1) + 'п';
      }
      var n = match(w, keepFloor(w));
      if (n === 0) {
        return w;
      }
      w = w.slice(0, w.length - n);
    }
  }

  function stem(word) {
    return stemFolded(fold(word));
  }

  var stopWords = Object.create(null);
  STOP_WORDS.forEach(function (w) {
    stopWords[fold(w)] = true;
  });

  function tokens(text) {
    var out = [];
    var seen = Object.create(null);
    var words = String(text).match(WORD) || [];
    for (var i = 0; i < words.length; i++) {
      var f = fold(words[i]);
      if (stopWords[f]) {
        continue;
      }
      var s = stemFolded(f);
      if (!seen[s]) {
        seen[s] = true;
        out.push(s);
      }
    }
    return out;
  }

  var api = { fold: fold, stem: stem, tokens: tokens };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  }
  if (root) {
    root.RuqsatKK = api;
  }
})(typeof window !== 'undefined' ? window : typeof globalThis !== 'undefined' ? globalThis : this);
