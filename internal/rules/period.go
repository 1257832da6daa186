package rules

// Period is when an act is in force, as its dates say: From is its entry
// into force (exact when the act or a source gives the date; otherwise the
// earliest date it can be, or the act's own date), To the day its repeal
// takes effect ("" while it is not repealed or the date is not known).
type Period struct {
	From      string
	FromExact bool
	To        string
	ToExact   bool
	Repealed  bool
}

// Period computes an act's period in force from its dates.
func (s *Set) Period(a *Act) Period {
	var p Period
	if f := a.InForce; f != nil && f.Known() {
		if f.Date.Value != "" {
			p.From, p.FromExact = f.Date.Value, true
		} else {
			p.From = f.NotBefore
		}
	}
	if p.From == "" {
		p.From = a.Date
	}
	if r := a.RepealedBy; r != nil && r.Known() {
		p.Repealed = true
		if r.Effective.Value != "" {
			p.To, p.ToExact = r.Effective.Value, true
		} else {
			p.To = r.NotBefore
		}
		if p.To == "" {
			if ra := s.Acts[r.Act]; ra != nil {
				p.To = ra.Date
			}
		}
	}
	if a.Status == "repealed" {
		p.Repealed = true
	}
	return p
}

// The statuses an act has on a day, derived from its dates.
const (
	StatusInForce  = "in-force"
	StatusRepealed = "repealed"
	StatusComing   = "coming" // its entry into force is still ahead
	StatusUnknown  = "unknown"
)

// StatusOn is an act's status on day (2006-01-02), derived from its dates:
// repealed once its repeal has taken effect (or when the sources show a
// repeal without a date), coming before its exact date of entry into
// force, else in force — or unknown when the sources do not show whether
// an act that has come into force still applies (status: unknown) and
// record no repeal.
func (s *Set) StatusOn(a *Act, day string) string {
	p := s.Period(a)
	switch {
	case p.Repealed && (p.To == "" || p.To <= day):
		return StatusRepealed
	case p.FromExact && p.From > day:
		return StatusComing
	case a.Status == StatusUnknown && !p.Repealed:
		// The sources do not show whether it still applies: dates alone
		// do not make it so.
		return StatusUnknown
	}
	return StatusInForce
}
