package kkstem

import "bytes"

// Letter classes of the folded alphabet that decide which variant of a
// suffix follows a stem: Kazakh picks -лар after a vowel, -дар after л, м,
// н, з, ж and -тар after a voiceless consonant. A suffix is stripped only
// after a letter its variant can follow, which keeps «техника» and «карта»
// whole: after и the dative is -ға, and after р the locative is -да.
// Folding keeps these classes: қ→к stays voiceless, ғ→г stays voiced, ң→н
// joins м and н.
const (
	vowel     = "аеиоыэюя"   // у is not here: it behaves like й
	sonorant  = "рйу"        // take -лар, -дың, -ды, -мен
	lateral   = "л"          // takes -дар, -дың, -ды, -мен
	nasal     = "мн"         // takes -дар, -ның, -ды, -бен
	sibilant  = "зж"         // takes -дар, -дың, -ды, -бен
	voiceless = "кпстфхцчшщ" // takes -тар, -тың, -ты, -пен
	loanStop  = "бвгд"       // final in loans only; takes what voiceless does

	voiced    = sonorant + lateral + nasal + sibilant
	consonant = voiced + voiceless + loanStop
	unvoiced  = voiceless + loanStop
)

// A suffix is one ending Stem may strip, written in folded spelling.
type suffix struct {
	Text  string // folded spelling, e.g. "дын" for -дың/-дің
	After string // letters the stem may end in, e.g. vowel+nasal
	Min   int    // runes the stem must keep, e.g. 3
	Kind  string // what it marks, e.g. "genitive"; for tests and docs
}

// minStem is the shortest stem an inflection may leave: «алым» (fee) must
// not become «ал» (take), nor «заң» (law) «за».
const minStem = 3

// suffixes lists every ending Stem strips. Stem tries the longest ending
// first; where it fails its class or length check, the next shorter one. A
// spelling appears once: -ын is both the 2nd-person possessive and the 3rd
// person possessive plus accusative (құжат+ы+н), and both follow a
// consonant. Endings made of two suffixes (-лары, -ларды) need no entry: Stem
// strips again until nothing matches.
var suffixes = []suffix{
	// Plural.
	{"лар", vowel + sonorant, minStem, "plural"},
	{"лер", vowel + sonorant, minStem, "plural"},
	{"дар", lateral + nasal + sibilant, minStem, "plural"},
	{"дер", lateral + nasal + sibilant, minStem, "plural"},
	{"тар", unvoiced, minStem, "plural"},
	{"тер", unvoiced, minStem, "plural"},

	// Possessive. 1st person singular only on long stems: «бөлім»
	// (section) must not become «бол» (be), nor «мерзім» (term) «мерз».
	{"ым", consonant, 5, "possessive-1sg"},
	{"им", consonant, 5, "possessive-1sg"},
	{"ын", consonant, minStem, "possessive-2sg/3sg+accusative"},
	{"ин", consonant, minStem, "possessive-2sg/3sg+accusative"},
	{"ы", consonant, minStem, "possessive-3"},
	{"и", consonant, minStem, "possessive-3"},
	{"сы", vowel, minStem, "possessive-3"},
	{"си", vowel, minStem, "possessive-3"},
	{"сын", vowel, minStem, "possessive-3+accusative"},
	{"син", vowel, minStem, "possessive-3+accusative"},
	{"мыз", vowel, minStem, "possessive-1pl"},
	{"миз", vowel, minStem, "possessive-1pl"},
	{"ымыз", consonant, minStem, "possessive-1pl"},
	{"имиз", consonant, minStem, "possessive-1pl"},
	{"ныз", vowel, minStem, "possessive-2pl"},
	{"низ", vowel, minStem, "possessive-2pl"},
	{"ыныз", consonant, minStem, "possessive-2pl"},
	{"иниз", consonant, minStem, "possessive-2pl"},

	// Genitive.
	{"нын", vowel + nasal, minStem, "genitive"},
	{"нин", vowel + nasal, minStem, "genitive"},
	{"дын", sonorant + lateral + sibilant, minStem, "genitive"},
	{"дин", sonorant + lateral + sibilant, minStem, "genitive"},
	{"тын", unvoiced, minStem, "genitive"},
	{"тин", unvoiced, minStem, "genitive"},

	// Dative. The bare -а/-е follows only the 1st person possessive
	// (құжатыма); after the 3rd person it is -на (құжатына), and a bare
	// vowel would cut «бала», «қала», «жаңа».
	{"га", vowel + voiced, minStem, "dative"},
	{"ге", vowel + voiced, minStem, "dative"},
	{"ка", unvoiced, minStem, "dative"},
	{"ке", unvoiced, minStem, "dative"},
	{"на", vowel, minStem, "dative"},
	{"не", vowel, minStem, "dative"},
	{"ыма", consonant, 5, "possessive-1sg+dative"},
	{"име", consonant, 5, "possessive-1sg+dative"},

	// Accusative.
	{"ны", vowel, minStem, "accusative"},
	{"ни", vowel, minStem, "accusative"},
	{"ды", voiced, minStem, "accusative"},
	{"ди", voiced, minStem, "accusative"},
	{"ты", unvoiced, minStem, "accusative"},
	{"ти", unvoiced, minStem, "accusative"},

	// Locative.
	{"да", vowel + voiced, minStem, "locative"},
	{"де", vowel + voiced, minStem, "locative"},
	{"та", unvoiced, minStem, "locative"},
	{"те", unvoiced, minStem, "locative"},
	{"нда", vowel, minStem, "locative"},
	{"нде", vowel, minStem, "locative"},

	// Ablative.
	{"дан", vowel + sonorant + lateral + sibilant, minStem, "ablative"},
	{"ден", vowel + sonorant + lateral + sibilant, minStem, "ablative"},
	{"нан", vowel + nasal, minStem, "ablative"},
	{"нен", vowel + nasal, minStem, "ablative"},
	{"тан", unvoiced, minStem, "ablative"},
	{"тен", unvoiced, minStem, "ablative"},

	// Instrumental. After the 3rd person possessive it is -ымен/-сымен,
	// which is -ы/-сы plus -мен and needs no entry.
	{"мен", vowel + sonorant + lateral, minStem, "instrumental"},
	{"бен", nasal + sibilant, minStem, "instrumental"},
	{"пен", unvoiced, minStem, "instrumental"},

	// Relative -ғы/-гі (жылғы, қаңтардағы). After a vowel, г is the stem's
	// own к (куәлігі = куәлік+і), so a bare -гы needs a voiced consonant.
	{"гы", voiced, minStem, "relative"},
	{"ги", voiced, minStem, "relative"},
	{"дагы", vowel + voiced, minStem, "locative+relative"},
	{"деги", vowel + voiced, minStem, "locative+relative"},
	{"тагы", unvoiced, minStem, "locative+relative"},
	{"теги", unvoiced, minStem, "locative+relative"},
	{"ндагы", vowel, minStem, "locative+relative"},
	{"ндеги", vowel, minStem, "locative+relative"},

	// Derivational -лық/-лік (мемлекет → мемлекеттік), on stems of four
	// letters or more: «куәлік» must not become «куә» (witness).
	{"лык", vowel + sonorant, 4, "derivational"},
	{"лик", vowel + sonorant, 4, "derivational"},
	{"дык", lateral + nasal + sibilant, 4, "derivational"},
	{"дик", lateral + nasal + sibilant, 4, "derivational"},
	{"тык", unvoiced, 4, "derivational"},
	{"тик", unvoiced, 4, "derivational"},

	// Meeting points. Where an ending reads two ways, both readings must
	// reach one key: «органы» is орган+ы but «лицензияны» is лицензия+ны, so
	// a stem's last н after a vowel goes too (орган → орга). Likewise с after
	// a vowel (жұмысы, лицензиясы; жұмыс → жұмы → жұм) and т after a
	// voiceless consonant (объектісі, өтінішті; объект → объек).
	{"н", vowel, minStem, "meet"},
	{"с", vowel, minStem, "meet"},
	{"т", "кпсфхцчшщ", minStem, "meet"},
}

// suffixIndex holds suffixes by spelling; maxSuffix is the longest one.
var (
	suffixIndex = map[string]*suffix{}
	maxSuffix   int
)

func init() {
	for i := range suffixes {
		s := &suffixes[i]
		if _, dup := suffixIndex[s.Text]; dup {
			panic("kkstem: suffix listed twice: " + s.Text)
		}
		suffixIndex[s.Text] = s
		maxSuffix = max(maxSuffix, len(s.Text)/2)
	}
}

// keep lists stems Stem never cuts into, each a word the rules above would
// cut into an unrelated one: «қолданыс» (application) would become «қол»
// (hand), «келісім» (agreement) «кел» (come), «тегін» (free of charge)
// «тек» (only), «сауда» (trade) «сау» (healthy). A word beginning with one
// keeps at least that much, so «келісімнің» and «келісімі» stop at
// «келисим». Spelled folded; none ends in г or б.
var keep = []string{
	"жаргы",    // жарғы, charter (not жар)
	"келисим",  // келісім, agreement (not кел)
	"колданыс", // қолданыс, application (not қол)
	"маман",    // маман, specialist (not мама)
	"орыс",     // орыс, Russian (not орындаған)
	"сауда",    // сауда, trade (not сау)
	"тегин",    // тегін, free of charge (not тегі, surname)
	"тургылык", // тұрғылықты, of residence (not түр, type)
}

// keepFloor returns how many runes of w a kept stem protects: the length of
// the longest kept stem w begins with, or 0.
func keepFloor(w []byte) int {
	floor := 0
	for _, k := range keep {
		if n := len(k) / 2; n > floor && bytes.HasPrefix(w, []byte(k)) {
			floor = n
		}
	}
	return floor
}
