package kzid

import "time"

// Sex is what the 7th digit of an IIN says about the holder's sex.
type Sex int

const (
	// SexUnknown is given for the 7th digit 0.
	SexUnknown Sex = iota
	// Male is given for an odd 7th digit (1, 3, 5).
	Male
	// Female is given for an even 7th digit (2, 4, 6).
	Female
)

// IINInfo is what the digits of an IIN say. Since 2013 these need not be
// the holder's real birth date and sex (see the package comment), so use it
// to cross-check a form, never to overrule one.
type IINInfo struct {
	// YY, Month and Day are the date digits, e.g. 85, 3, 14.
	YY, Month, Day int
	// Year is the full birth year, e.g. 1985; 0 when the 7th digit is 0 and
	// the century is unknown.
	Year int
	// Sex is from the 7th digit.
	Sex Sex
	// Foreign is true when the 7th digit is 0, which is used for some
	// foreign citizens.
	Foreign bool
}

// ParseIIN validates an IIN and decodes it. Digits 1–6 are the date YYMMDD;
// digit 7 gives the century and sex: 1/2 born in the 1800s, 3/4 in the
// 1900s, 5/6 in the 2000s, odd male and even female; 0 is accepted
// with century and sex unknown. The error is an *Error.
func ParseIIN(s string) (IINInfo, error) {
	if err := checkForm(s, IIN); err != nil {
		return IINInfo{}, err
	}
	info := IINInfo{YY: num2(s, 0), Month: num2(s, 2), Day: num2(s, 4)}
	switch c := s[6]; {
	case c == '0':
		info.Foreign = true
	case c >= '1' && c <= '6':
		n := int(c - '0')
		info.Year = 1800 + 100*((n-1)/2) + info.YY
		info.Sex = Female
		if n%2 == 1 {
			info.Sex = Male
		}
	default:
		return IINInfo{}, &Error{Kind: ErrBadType, ID: IIN, Pos: 7}
	}
	year := info.Year
	if year == 0 {
		// Century unknown: 2000 stands in for any year, so 29 February is
		// accepted whenever YY is a multiple of 4 (1900 was not a leap
		// year, but 2000 was).
		year = 2000 + info.YY
	}
	if !validDate(year, info.Month, info.Day) {
		pos := 3 // the month digits
		if info.Month >= 1 && info.Month <= 12 {
			pos = 5 // the day digits
		}
		return IINInfo{}, &Error{Kind: ErrBadDate, ID: IIN, Pos: pos}
	}
	return info, nil
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	// time.Date normalises 30 February to 2 March; a real date survives.
	t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}
