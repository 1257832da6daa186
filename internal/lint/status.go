package lint

import "ruqsat/internal/rules"

// checkStatus checks each act's written status against its dates: the site
// and the checker go by the dates (rules.Set.StatusOn), so a status that
// says otherwise is a mistake in one of them.
func checkStatus(s *rules.Set, r *Reporter) {
	for _, a := range s.Acts {
		got := s.StatusOn(a, r.today)
		// An act recorded ahead of its date may say in-force: the pages
		// say "coming" until then, and nothing is wrong.
		if (a.Status == rules.StatusInForce && got == rules.StatusRepealed) ||
			(a.Status == rules.StatusRepealed && got != rules.StatusRepealed) {
			r.Add(a.File, s.PosOf(a.File, "status"), "status/contradicts", a.Status, got, r.today)
		}
	}
}
