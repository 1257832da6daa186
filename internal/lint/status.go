package lint

import "ruqsat/internal/rules"

// checkStatus checks each act's written status against its dates: the site
// and the checker go by the dates (rules.Set.StatusOn), so a status that
// says otherwise is a mistake in one of them.
func checkStatus(s *rules.Set, r *Reporter) {
	for _, a := range s.Acts {
		got := s.StatusOn(a, r.today)
		switch {
		case (a.Status == rules.StatusInForce && got == rules.StatusRepealed) ||
			(a.Status == rules.StatusRepealed && got != rules.StatusRepealed):
			r.Add(a.File, s.PosOf(a.File, "status"), "status/contradicts", a.Status, got, r.today)
		case a.Status == rules.StatusInForce && got == rules.StatusComing:
			// An act recorded ahead of its date: the pages say "coming"
			// until then; a person should know, nothing is wrong.
			r.Warn(a.File, s.PosOf(a.File, "status"), "status/contradicts", a.Status, got, r.today)
		}
	}
}
