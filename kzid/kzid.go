// Package kzid checks Kazakhstan identification numbers: the BIN of a
// legal entity and the IIN of an individual. It checks the form and the
// check digit and decodes what the leading digits say; it cannot tell
// whether a number was ever issued.
//
// Sources relied on (the normative text is the Rules for forming the
// identification number, Government Decree No. 406 of 22 May 2007, as
// amended by Decree No. 853 of 26 August 2013; the weights were checked
// against public implementations, not against the decree itself):
//   - check digit: weights 1..11, sum mod 11; on 10, weights
//     3,4,5,6,7,8,9,10,11,1,2; on 10 again the number is never issued —
//     as in github.com/valery1707/kaz-person-id (PersonIdUtils.isValidCRC)
//     and the Kazakhstan TIN sheet of the OECD that several libraries cite;
//   - IIN layout YYMMDD + century/sex digit, BIN layout YYMM + type digit
//     (4, 5, 6) + attribute digit (0..3): the same Java library and
//     github.com/arthurdejong/python-stdnum (stdnum/kz/bin.py).
//
// Since Decree No. 853 (2013) the digits of an IIN need no longer match
// the holder's real birth date and sex, so ParseIIN reports what the
// digits say, not facts about the person.
package kzid

import (
	"fmt"
	"strconv"
)

// Kind is the kind of identification number: BIN or IIN.
type Kind int

const (
	// IIN is the individual identification number (ЖСН / ИИН).
	IIN Kind = iota + 1
	// BIN is the business identification number (БСН / БИН) of a legal
	// entity, its branch or representative office, or an individual
	// entrepreneur in joint entrepreneurship.
	BIN
)

// String returns "IIN", "BIN" or "Kind(n)".
func (k Kind) String() string {
	switch k {
	case IIN:
		return "IIN"
	case BIN:
		return "BIN"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Length is the number of digits in a BIN or an IIN.
const Length = 12

// ErrorKind names what is wrong with a number. Its value is a stable code
// that callers may use as a message key, e.g. "checksum". An ErrorKind is
// itself an error, so errors.Is(err, kzid.ErrChecksum) works.
type ErrorKind string

const (
	// ErrLength means the number does not have 12 characters.
	ErrLength ErrorKind = "length"
	// ErrNotDigits means a character is not an ASCII digit; Error.Pos
	// gives its position.
	ErrNotDigits ErrorKind = "not-digits"
	// ErrChecksum means the 12th digit is not the check digit, or the first
	// 11 digits have no check digit at all (both passes gave 10).
	ErrChecksum ErrorKind = "checksum"
	// ErrBadDate means the date digits are not a date: the birth date of
	// an IIN, or the registration month of a BIN.
	ErrBadDate ErrorKind = "bad-date"
	// ErrBadType means a code digit is out of range: the century/sex digit
	// of an IIN (7th), or the type (5th) or attribute (6th) digit of a BIN.
	ErrBadType ErrorKind = "bad-type"
	// ErrBadKind means Validate was called with a Kind that is neither BIN
	// nor IIN: a programming error, not a problem with the number.
	ErrBadKind ErrorKind = "bad-kind"
)

// Error returns the code with the package prefix, e.g. "kzid: checksum".
func (k ErrorKind) Error() string { return "kzid: " + string(k) }

// Error is a problem with one number. It carries data, not prose, so that
// callers write their own messages in Russian, Kazakh and English.
type Error struct {
	Kind ErrorKind
	// ID is the kind of number that was checked, e.g. BIN.
	ID Kind
	// Pos is the 1-based position of the offending digit, e.g. 12 for the
	// check digit; 0 when no single digit is at fault (ErrLength).
	Pos int
	// Want is the expected check digit ('0'..'9') for ErrChecksum, or 0 when
	// the first 11 digits have no check digit.
	Want byte
}

// Error returns e.g. "kzid: checksum: BIN digit 12 (want 5)".
func (e *Error) Error() string {
	s := e.Kind.Error() + ": " + e.ID.String()
	if e.Pos > 0 {
		s += " digit " + strconv.Itoa(e.Pos)
	}
	if e.Want != 0 {
		s += fmt.Sprintf(" (want %c)", e.Want)
	}
	return s
}

// Is reports whether target is e's ErrorKind, so that errors.Is matches
// the kind constants.
func (e *Error) Is(target error) bool {
	k, ok := target.(ErrorKind)
	return ok && k == e.Kind
}

var (
	weights1 = [11]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	weights2 = [11]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}
)

// CheckDigit returns the check digit ('0'..'9') of the first 11 digits of a
// BIN or IIN. ok is false if first11 is not 11 ASCII digits, or if both
// passes give 10: such a prefix is never issued.
//
// The check digit is weaker than it looks: in the first pass the 11th digit
// has weight 11, which is 0 mod 11, so a typo in it usually goes unnoticed,
// and a typo that sends the sum to the second pass can pass by chance. A
// wrong digit among digits 1–10 is always caught while the first pass
// applies (see TestChecksumStrength).
func CheckDigit(first11 string) (digit byte, ok bool) {
	if len(first11) != 11 || !allDigits(first11) {
		return 0, false
	}
	for _, w := range [...][11]int{weights1, weights2} {
		sum := 0
		for i := range 11 {
			sum += int(first11[i]-'0') * w[i]
		}
		if r := sum % 11; r != 10 {
			return byte('0' + r), true
		}
	}
	return 0, false
}

// Complete returns the 12-digit number whose first 11 digits are first11:
// first11 with its check digit appended. The error is ErrLength or
// ErrNotDigits for a malformed prefix, ErrChecksum for a prefix that has no
// check digit (never issued: take the next serial number).
func Complete(first11 string) (string, error) {
	switch {
	case len(first11) != Length-1:
		return "", ErrLength
	case !allDigits(first11):
		return "", ErrNotDigits
	}
	d, ok := CheckDigit(first11)
	if !ok {
		return "", ErrChecksum
	}
	return first11 + string(d), nil
}

// Validate checks that s is a well-formed number of the given kind: 12
// ASCII digits (no spaces: callers strip formatting), a correct check digit,
// and leading digits that decode (see ParseIIN and ParseBIN). The error is
// an *Error. Checks run in the order length, digits, checksum, then the
// layout, so a mistyped digit is reported as ErrChecksum even when it also
// breaks the date.
func Validate(s string, kind Kind) error {
	switch kind {
	case IIN:
		_, err := ParseIIN(s)
		return err
	case BIN:
		_, err := ParseBIN(s)
		return err
	}
	return &Error{Kind: ErrBadKind, ID: kind}
}

// checkForm runs the checks shared by both kinds.
func checkForm(s string, kind Kind) error {
	if len(s) != Length {
		return &Error{Kind: ErrLength, ID: kind}
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return &Error{Kind: ErrNotDigits, ID: kind, Pos: i + 1}
		}
	}
	if want, ok := CheckDigit(s[:11]); !ok || want != s[11] {
		return &Error{Kind: ErrChecksum, ID: kind, Pos: 12, Want: want}
	}
	return nil
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// num2 returns the two-digit number at s[i:i+2]; s is known to be digits.
func num2(s string, i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
