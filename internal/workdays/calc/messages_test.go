package calc

import (
	"slices"
	"strings"
	"testing"
)

// TestMessages: every message has its three languages with the same
// placeholders.
func TestMessages(t *testing.T) {
	for code, m := range messages {
		want := placeholders(m["en"])
		for _, l := range Langs {
			if strings.TrimSpace(m[l]) == "" {
				t.Errorf("%s: no %s text", code, l)
			}
			if got := placeholders(m[l]); !slices.Equal(got, want) {
				t.Errorf("%s: %s has placeholders %v, en %v", code, l, got, want)
			}
		}
	}
}

func placeholders(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "{")[1:] {
		if i := strings.Index(part, "}"); i > 0 {
			out = append(out, part[:i])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestNoKazakhBasylym: the Kazakh messages say «редакция» for an edition,
// as legal texts do, never «басылым» (a publication).
func TestNoKazakhBasylym(t *testing.T) {
	for code, m := range messages {
		if strings.Contains(m["kk"], "басылым") {
			t.Errorf("%s: kk says басылым: %s", code, m["kk"])
		}
	}
}
