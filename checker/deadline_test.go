package checker_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ruqsat/checker"
)

// TestDeadline checks the decision's due date and the calendar's warnings
// in reports of the STS licence's 2023 example with the filing and payment
// dates changed. The dates are counted by hand on the frozen test
// calendar (2026: Nauryz Sat 21 – Mon 23 March, carried to Tue 24 and
// Wed 25; 15 working days from the day after receipt).
func TestDeadline(t *testing.T) {
	ck := newChecker(t)
	dir := filepath.Join(fixtureRoot(t), "examples", "sts-license-2023-issue-incomplete-signature-chain")
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	man := string(files["manifest.yaml"])
	for _, tc := range []struct {
		name, filed, fee string
		want             map[string]string // code → text its English message contains
		absent           []string
	}{
		{"in hours before Nauryz, fee paid on Nauryz", "2026-03-20", "2026-03-21",
			map[string]string{"deadline/due": "received on 2026-03-20; the decision is due by 2026-04-15", "deadline/fee-day-off": "2026-03-21 is a day off (holiday: Nauryz)"},
			[]string{"deadline/filed-day-off", "deadline/calendar", "deadline/out-of-range"}},
		{"filed on Nauryz", "2026-03-22", "2026-03-20",
			map[string]string{"deadline/filed-day-off": "2026-03-22 is a day off (holiday: Nauryz): filed on a day off", "deadline/due": "received on 2026-03-26; the decision is due by 2026-04-16"},
			[]string{"deadline/fee-day-off"}},
		{"a year without an official calendar", "2027-02-01", "2027-01-29",
			map[string]string{"deadline/calendar": "the 2027 calendar is not confirmed", "deadline/due": "due by 2027-02-22"},
			[]string{"deadline/out-of-range"}},
		{"a year before the calendar", "2022-06-01", "2022-05-30",
			map[string]string{"deadline/out-of-range": "does not cover 2022"},
			[]string{"deadline/due"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := strings.Replace(man, `filed: "2026-11-02"`, `filed: "`+tc.filed+`"`, 1)
			m = strings.Replace(m, `date: "2026-10-30"`, `date: "`+tc.fee+`"`, 1)
			if m == man {
				t.Fatal("the example's manifest no longer has the dates this test replaces")
			}
			fs := map[string][]byte{}
			for k, v := range files {
				fs[k] = v
			}
			fs["manifest.yaml"] = []byte(m)
			rep := ck.CheckFiles("pkg", fs, checker.Options{Today: "2027-12-31"})
			got, all := map[string]checker.Finding{}, map[string]string{}
			for _, f := range rep.Findings {
				got[f.Code] = f
				all[f.Code] += f.Message["en"] + "\n"
			}
			for code, text := range tc.want {
				f, ok := got[code]
				if !ok {
					t.Errorf("no %s; findings: %v", code, codesOf(rep))
					continue
				}
				if !strings.Contains(all[code], text) {
					t.Errorf("%s says %q, want it to contain %q", code, all[code], text)
				}
				for _, l := range checker.Langs {
					if f.Message[l] == "" || strings.Contains(f.Message[l], "{") {
						t.Errorf("%s: %s message %q", code, l, f.Message[l])
					}
				}
			}
			if f, ok := got["deadline/due"]; ok && (len(f.Rules) == 0 || f.Rules[0].URL["kk"] == "") {
				t.Errorf("deadline/due cites %v, want the term's unit with its page", f.Rules)
			}
			for _, code := range tc.absent {
				if _, ok := got[code]; ok {
					t.Errorf("unexpected %s: %s", code, got[code].Message["en"])
				}
			}
		})
	}
}

func codesOf(r *checker.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	return out
}
