package kzid

// EntityType is what the 5th digit of a BIN says; its value is the digit.
type EntityType int

const (
	// Resident is a resident legal entity (digit 4).
	Resident EntityType = 4
	// NonResident is a non-resident legal entity (digit 5).
	NonResident EntityType = 5
	// JointEntrepreneur is an individual entrepreneur in the form of joint
	// entrepreneurship (digit 6).
	JointEntrepreneur EntityType = 6
)

// Division is what the 6th digit of a BIN says; its value is the digit.
type Division int

const (
	// HeadUnit is the head unit of a legal entity or entrepreneur (digit 0).
	HeadUnit Division = 0
	// Branch is a branch (digit 1).
	Branch Division = 1
	// Representative is a representative office (digit 2).
	Representative Division = 2
	// PeasantFarm is a peasant (farm) holding in joint entrepreneurship
	// (digit 3).
	PeasantFarm Division = 3
)

// BINInfo is what the digits of a BIN say.
type BINInfo struct {
	// YY and Month are the year (last two digits) and month of
	// registration or re-registration, e.g. 94 and 1. The century is not
	// coded; entities registered before 2007 kept their original date.
	YY, Month int
	// Type is from the 5th digit, e.g. Resident.
	Type EntityType
	// Division is from the 6th digit, e.g. HeadUnit.
	Division Division
}

// ParseBIN validates a BIN and decodes it. Digits 1–4 are YYMM, digit 5 the
// type (4, 5 or 6), digit 6 the division (0..3), digits 7–11 a serial
// number and digit 12 the check digit. The error is an *Error.
func ParseBIN(s string) (BINInfo, error) {
	if err := checkForm(s, BIN); err != nil {
		return BINInfo{}, err
	}
	info := BINInfo{YY: num2(s, 0), Month: num2(s, 2)}
	if info.Month < 1 || info.Month > 12 {
		return BINInfo{}, &Error{Kind: ErrBadDate, ID: BIN, Pos: 3}
	}
	info.Type = EntityType(s[4] - '0')
	if info.Type < Resident || info.Type > JointEntrepreneur {
		return BINInfo{}, &Error{Kind: ErrBadType, ID: BIN, Pos: 5}
	}
	info.Division = Division(s[5] - '0')
	if info.Division > PeasantFarm {
		return BINInfo{}, &Error{Kind: ErrBadType, ID: BIN, Pos: 6}
	}
	return info, nil
}
