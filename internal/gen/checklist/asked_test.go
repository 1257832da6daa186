package checklist

import (
	"fmt"
	"testing"

	"ruqsat/internal/rules"
)

// TestAskedWhenTogether: a document that two questions decide together
// (a paper filing of a temporary import with the licence online) must not
// leave each question waiting for the other's answer. The earlier question
// is asked on the earlier answers; the later one once the earlier is
// answered.
func TestAskedWhenTogether(t *testing.T) {
	k := &rules.Kind{}
	k.Documents.Items = []rules.Document{
		{ID: "licence-copy", Medium: "scan", When: map[string][]string{"channel": {"paper"}, "temporary-import": {"yes"}, "licence-online": {"no"}}},
		{ID: "licence-details", Medium: "scan", When: map[string][]string{"channel": {"paper"}, "temporary-import": {"yes"}, "licence-online": {"yes"}}},
	}
	asks := []string{"channel", "applicant", "temporary-import", "licence-online"}
	q := func(id string) *rules.Question {
		return &rules.Question{ID: id, Options: []rules.VocabTerm{{ID: "yes"}, {ID: "no"}}}
	}
	for _, c := range []struct {
		id   string
		want string
	}{
		{"channel", "always"},
		{"temporary-import", "[map[channel:[paper]]]"},
		{"licence-online", "[map[channel:[paper] temporary-import:[yes]]]"},
	} {
		at := 0
		for j, a := range asks {
			if a == c.id {
				at = j
			}
		}
		always, when := askedWhen(q(c.id), k, asks[at+1:])
		got := "always"
		if !always {
			got = fmt.Sprint(when)
		}
		if got != c.want {
			t.Errorf("%s asked when %s, want %s", c.id, got, c.want)
		}
	}
}
