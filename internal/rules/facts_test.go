package rules_test

// These tests load the real rule data (or the tree in RUQSAT_ROOT) and pin
// the key facts of each source act, as read from the seeds in sources/ (see
// the research digests): the pinned facts. They fail when an edit changes a
// number, a list or a reading the project relies on, and only then: adding
// an act, an edition, a document, an MCI year or fixing a text leaves them
// green. If the law really changed, update the one pinned value here
// together with the data and say why in rules/changes.yaml; every failure
// names the rule file to look at.

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"ruqsat/internal/rules"
	"ruqsat/internal/testrules"
)

var (
	loadOnce sync.Once
	loaded   *rules.Set
	loadErr  string
)

// data loads the repository's rule data once for all tests.
func data(t *testing.T) *rules.Set {
	t.Helper()
	loadOnce.Do(func() {
		root, err := testrules.DataRoot()
		if err != nil {
			loadErr = err.Error()
			return
		}
		s, probs, err := rules.Load(os.DirFS(root))
		switch {
		case err != nil:
			loadErr = err.Error()
		case len(probs) > 0:
			var b strings.Builder
			for _, p := range probs {
				b.WriteString(p.String() + "\n")
			}
			loadErr = "the rule data does not load:\n" + b.String()
		default:
			loaded = s
		}
	})
	if loadErr != "" {
		t.Fatal(loadErr)
	}
	return loaded
}

func edition(t *testing.T, service, year string) *rules.Edition {
	t.Helper()
	e := data(t).Edition(service, year)
	if e == nil {
		t.Fatalf("edition %s/%s is missing", service, year)
	}
	return e
}

func kind(t *testing.T, e *rules.Edition, id string) *rules.Kind {
	t.Helper()
	k := e.Kind(id)
	if k == nil {
		t.Fatalf("%s: application kind %q is missing", e.File, id)
	}
	return k
}

func doc(t *testing.T, e *rules.Edition, k *rules.Kind, id string) *rules.Document {
	t.Helper()
	d := k.Document(id)
	if d == nil {
		t.Fatalf("%s %s: document %q is missing", e.File, k.ID, id)
	}
	return d
}

// wantTerm checks a kind's term: days, unit and "no later than".
func wantTerm(t *testing.T, e *rules.Edition, kindID string, days int, unit string, max bool) {
	t.Helper()
	k := kind(t, e, kindID)
	tm := k.Term
	if !tm.Known() || tm.Days == nil {
		t.Errorf("%s %s: term is a gap (%q), want %d %s days", e.File, kindID, tm.Unknown, days, unit)
		return
	}
	if *tm.Days != days || tm.Unit != unit || tm.Max != max {
		t.Errorf("%s %s: term %d %s (max %v), want %d %s (max %v)", e.File, kindID, *tm.Days, tm.Unit, tm.Max, days, unit, max)
	}
}

// termString renders a term for messages.
func termString(tm rules.Term) string {
	if tm.Days == nil {
		return "gap " + tm.Unknown
	}
	return fmt.Sprintf("%d %s days", *tm.Days, tm.Unit)
}

// wantTermGap checks that a kind's term is recorded as a gap for reason.
func wantTermGap(t *testing.T, e *rules.Edition, kindID, reason string) {
	t.Helper()
	k := kind(t, e, kindID)
	if k.Term.Unknown != reason {
		t.Errorf("%s %s: term gap %q, want %q", e.File, kindID, k.Term.Unknown, reason)
	}
}

// wantFee checks a kind's fee: due, and the amount in MCI (0 = no amount).
func wantFee(t *testing.T, e *rules.Edition, kindID string, due bool, mci float64) {
	t.Helper()
	f := kind(t, e, kindID).Fee
	if !f.Known() || f.Due == nil {
		t.Errorf("%s %s: fee is a gap (%q)", e.File, kindID, f.Unknown)
		return
	}
	var got float64
	if f.MCI != nil {
		got = *f.MCI
	}
	if *f.Due != due || got != mci {
		t.Errorf("%s %s: fee due=%v mci=%v, want due=%v mci=%v", e.File, kindID, *f.Due, got, due, mci)
	}
}

// step is the part of a step these tests compare.
type step struct {
	Actor    string
	Days     int
	Unit     string
	Counts   string
	Optional bool
}

func steps(t *testing.T, e *rules.Edition, kindID string) []step {
	t.Helper()
	k := kind(t, e, kindID)
	if !k.Steps.Known() {
		t.Fatalf("%s %s: steps are a gap", e.File, kindID)
	}
	var out []step
	for _, s := range k.Steps.Items {
		st := step{Actor: s.Actor, Unit: s.Unit, Counts: s.Counts, Optional: s.Optional, Days: -1}
		if s.Days != nil {
			st.Days = *s.Days
		}
		out = append(out, st)
	}
	return out
}

// mainPath returns the days of the steps that always happen and carry a
// duration, in order: the path whose sum is the service term.
func mainPath(t *testing.T, e *rules.Edition, kindID string) []int {
	t.Helper()
	var out []int
	for _, s := range steps(t, e, kindID) {
		if s.Days > 0 && !s.Optional {
			out = append(out, s.Days)
		}
	}
	return out
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func docIDs(k *rules.Kind) []string {
	var ids []string
	for _, d := range k.Documents.Items {
		ids = append(ids, d.ID)
	}
	return ids
}

func hasAt(cs rules.Cites, act, prefix string) bool {
	for _, c := range cs {
		if c.Act == act && (c.At == prefix || strings.HasPrefix(c.At, prefix+"/")) {
			return true
		}
	}
	return false
}

// TestFacts2023STSLicence pins the 2023 rules of service 1 (seed 000,
// appendix 1 to order No. 1/ke).
func TestFacts2023STSLicence(t *testing.T) {
	e := edition(t, "sts-license", "2023")
	if e.Act != "knb-2023-1" {
		t.Errorf("act %q, want knb-2023-1", e.Act)
	}
	wantTerm(t, e, "issue", 15, "working", false)
	wantTerm(t, e, "renewal", 3, "working", false)
	wantFee(t, e, "issue", true, 20)
	wantFee(t, e, "renewal", true, 2)

	// item 4: 2 + 10 + 3 working days; item 5: 1 + 2.
	if got := mainPath(t, e, "issue"); !reflect.DeepEqual(got, []int{2, 10, 3}) || sum(got) != 15 {
		t.Errorf("issue steps %v, want [2 10 3] = 15 working days", got)
	}
	if got := mainPath(t, e, "renewal"); !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("renewal steps %v, want [1 2]", got)
	}
	for _, s := range steps(t, e, "issue") {
		if s.Days > 0 && s.Unit != "working" {
			t.Errorf("issue step of %s: unit %q, want working", s.Actor, s.Unit)
		}
	}

	w := e.Renewal.Window
	if !e.Renewal.Known() || w.Days == nil || *w.Days != 30 || w.Unit != "calendar" {
		t.Errorf("renewal window %s, want 30 calendar days", termString(w))
	}
	if n := len(e.Renewal.Triggers.Items); n != 5 {
		t.Errorf("%d renewal cases, want 5", n)
	}

	var subs []string
	for _, s := range e.Subspecies.Items {
		subs = append(subs, s.ID)
	}
	if want := []string{"development-production", "repair-sale"}; !reflect.DeepEqual(subs, want) {
		t.Errorf("subspecies %v, want %v", subs, want)
	}

	groups := map[string]int{}
	for _, r := range e.Refusals.Items {
		groups[r.Group]++
	}
	if want := map[string]int{"general": 5, "separation": 3}; !reflect.DeepEqual(groups, want) {
		t.Errorf("refusal grounds by group %v, want %v", groups, want)
	}

	var appeals []int
	for _, a := range e.Appeals.Items {
		if a.Days > 0 {
			if a.Unit != "working" {
				t.Errorf("appeal of %d days: unit %q, want working", a.Days, a.Unit)
			}
			appeals = append(appeals, a.Days)
		}
	}
	if !reflect.DeepEqual(appeals, []int{5, 15}) {
		t.Errorf("appeal terms %v, want [5 15] working days", appeals)
	}

	var phones []string
	for _, p := range e.Contacts.Phones {
		phones = append(phones, p.Number)
	}
	if !reflect.DeepEqual(phones, []string{"8 (7172) 76-49-49"}) {
		t.Errorf("phones %v, want [8 (7172) 76-49-49]", phones)
	}

	// Both applications of item 8 sub-item 1) are signed; the
	// qualification e-form is not said to be.
	iss := kind(t, e, "issue")
	for _, id := range []string{"application", "application-individual"} {
		if d := doc(t, e, iss, id); !d.Signed || d.Medium != "electronic" {
			t.Errorf("issue %s: medium %q signed %v, want a signed electronic document", id, d.Medium, d.Signed)
		}
	}
	if d := doc(t, e, iss, "fee-receipt"); !reflect.DeepEqual(d.When["payment"], []string{"bank"}) {
		t.Errorf("issue fee-receipt: when payment %v, want [bank] (not needed after a gateway payment)", d.When["payment"])
	}
}

// TestFacts2008 pins the 2008 Instruction (seed 004).
func TestFacts2008(t *testing.T) {
	e := edition(t, "sts-license", "2008")
	wantTerm(t, e, "issue", 45, "working", false)

	q := e.Qualify
	if q.Test == nil || !q.Test.Known() {
		t.Fatal("qualification test is missing")
	}
	if !q.Test.Written || q.Test.PassPercent != 60 || q.Test.Minutes != 80 {
		t.Errorf("qualification test written=%v pass=%d%% minutes=%d, want written, 60 %%, 80 minutes",
			q.Test.Written, q.Test.PassPercent, q.Test.Minutes)
	}
	if q.Experience == nil {
		t.Error("experience requirement is missing, want at least 3 years")
	} else if q.Experience.Min != 3 {
		t.Errorf("experience at least %d years (gap %q), want 3", q.Experience.Min, q.Experience.Unknown)
	}

	// Item 4 lists nine numbered items. The model splits some of them into
	// several documents (item 2: charter and certificates by applicant;
	// item 8: education and experience), so every document cites one of
	// instr/p4/sp1 … sp9 and together they cover all nine.
	iss := kind(t, e, "issue")
	covered := map[string]bool{}
	for _, d := range iss.Documents.Items {
		n := 0
		for _, c := range d.Cite {
			if c.Act == "knb-2008-28" && strings.HasPrefix(c.At, "instr/p4/sp") {
				covered[c.At] = true
				n++
			}
		}
		if n == 0 {
			t.Errorf("document %s cites no sub-item of item 4", d.ID)
		}
	}
	var subs []string
	for at := range covered {
		subs = append(subs, at)
	}
	sort.Strings(subs)
	want := []string{"instr/p4/sp1", "instr/p4/sp2", "instr/p4/sp3", "instr/p4/sp4", "instr/p4/sp5", "instr/p4/sp6", "instr/p4/sp7", "instr/p4/sp8", "instr/p4/sp9"}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("item 4 sub-items covered %v, want the nine %v", subs, want)
	}
	wantIDs := []string{"application", "charter-copy", "registration-certificate", "identity-document",
		"ie-registration-certificate", "tax-registration-certificate", "fee-receipt", "questionnaire",
		"staffing-table", "specialists-ids", "education-documents", "experience-documents", "consent-special-checks"}
	if got := docIDs(iss); !reflect.DeepEqual(got, wantIDs) {
		t.Errorf("item 4 documents %v, want %v", got, wantIDs)
	}
	if d := doc(t, e, iss, "charter-copy"); d.Certified != "notarised" || !reflect.DeepEqual(d.When["trade-operations"], []string{"no"}) {
		t.Errorf("charter-copy: certified %q when %v, want notarised and not for export/import operations", d.Certified, d.When)
	}

	// Technical research: 5 working days (item 18).
	gc := edition(t, "goods-classification", "2008")
	wantTerm(t, gc, "issue", 5, "working", false)
}

// TestFacts2013 pins Government resolution No. 50 (seed 002, six standards).
func TestFacts2013(t *testing.T) {
	for _, svc := range []string{"sts-license", "cipf-license", "leak-channels-license"} {
		e := edition(t, svc, "2013")
		wantTerm(t, e, "issue", 15, "working", false)
		wantTerm(t, e, "renewal", 10, "working", false)
		wantTerm(t, e, "duplicate", 2, "working", false)
		wantTermGap(t, e, "appendix", "not-stated")
		wantFee(t, e, "appendix", false, 0)
		for _, k := range []string{"issue", "renewal", "duplicate"} {
			wantFee(t, e, k, true, 0) // a fee is due; the standard gives no amount
		}
		w := e.Renewal.Window
		if w.Days == nil || *w.Days != 30 || w.Unit != "calendar" {
			t.Errorf("%s: renewal window %s, want 30 calendar days", e.File, termString(w))
		}
	}
	for _, svc := range []string{"sts-import-export", "crypto-import-export"} {
		e := edition(t, svc, "2013")
		wantTerm(t, e, "issue", 15, "calendar", true) // «күнтізбелік он бес күннен кешіктірмей»
		wantFee(t, e, "issue", false, 0)
	}
	n := edition(t, "crypto-notification", "2013")
	wantTerm(t, n, "registration", 10, "working", false)
	wantFee(t, n, "registration", false, 0)

	// Appendix 1 of every standard lists the same 16 subdivisions.
	std := map[string]string{"sts-license": "std1", "cipf-license": "std2", "leak-channels-license": "std3",
		"sts-import-export": "std4", "crypto-import-export": "std5", "crypto-notification": "std6"}
	for svc, s := range std {
		e := edition(t, svc, "2013")
		if e.Part != s {
			t.Errorf("%s: part %q, want %q", e.File, e.Part, s)
		}
		n := 0
		for _, o := range e.Contacts.Offices {
			if hasAt(o.Cite, "gov-2013-50", s+"/app1") {
				n++
			}
		}
		if n != 16 {
			t.Errorf("%s: %d subdivision offices from %s/app1, want 16", e.File, n, s)
		}
	}

	// Standard 1 asks for the state-secrets permit; standard 2 does not.
	sts := edition(t, "sts-license", "2013")
	for _, k := range []string{"issue", "appendix"} {
		doc(t, sts, kind(t, sts, k), "state-secrets-permit")
		doc(t, sts, kind(t, sts, k), "e-state-secrets-permit")
	}
	cipf := edition(t, "cipf-license", "2013")
	for _, k := range cipf.Kinds.Items {
		for _, d := range k.Documents.Items {
			if strings.Contains(d.ID, "secret") {
				t.Errorf("cipf-license/2013 %s: unexpected document %s (standard 2 asks for no state-secrets permit)", k.ID, d.ID)
			}
		}
	}

	// Standard 2 lost its portal lists for issue and appendix (seed lines
	// 668–678): the rest of those lists is garbled, not merely unstated.
	for _, k := range []string{"issue", "appendix"} {
		r := kind(t, cipf, k).DocumentsRest
		if r == nil {
			t.Errorf("cipf-license/2013 %s: no documents_rest, want garbled", k)
		} else if r.Unknown != "garbled" {
			t.Errorf("cipf-license/2013 %s: documents_rest %q, want garbled", k, r.Unknown)
		}
	}
	if r := kind(t, cipf, "renewal").DocumentsRest; r != nil {
		t.Errorf("cipf-license/2013 renewal: documents_rest %q, want none (the portal renewal list survives)", r.Unknown)
	}

	// Standards 1–3: copies notarised unless the original is shown
	// (item 11); standards 4–5: copies certified by the applicant
	// organisation (footnote * to item 11).
	if d := doc(t, sts, kind(t, sts, "issue"), "tax-registration-certificate"); d.Certified != "notarised-unless-original" {
		t.Errorf("sts-license/2013 tax-registration-certificate: certified %q, want notarised-unless-original", d.Certified)
	}
	for svc, ids := range map[string][]string{
		"sts-import-export":    {"trade-contract", "licence-copy"},
		"crypto-import-export": {"trade-contract", "research-conclusion"},
	} {
		e := edition(t, svc, "2013")
		iss := kind(t, e, "issue")
		for _, id := range ids {
			if d := doc(t, e, iss, id); d.Certified != "organisation" {
				t.Errorf("%s %s: certified %q, want organisation", e.File, id, d.Certified)
			}
		}
		for _, d := range iss.Documents.Items {
			if strings.HasPrefix(d.Certified, "notarised") {
				t.Errorf("%s %s: certified %q; standards 4–5 ask for no notarisation", e.File, d.ID, d.Certified)
			}
		}
	}
}

// TestFacts2019 pins order No. 46/қе (seeds 001 and 003).
func TestFacts2019(t *testing.T) {
	for _, svc := range []string{"sts-license", "cipf-license", "leak-channels-license"} {
		e := edition(t, svc, "2019")
		wantTerm(t, e, "issue", 15, "working", false)
		wantTerm(t, e, "renewal", 3, "working", false)
		if got := mainPath(t, e, "issue"); !reflect.DeepEqual(got, []int{13, 1, 1}) {
			t.Errorf("%s issue steps %v, want [13 1 1]", e.File, got)
		}
		if got := mainPath(t, e, "renewal"); !reflect.DeepEqual(got, []int{1, 1, 1}) {
			t.Errorf("%s renewal steps %v, want [1 1 1]", e.File, got)
		}
	}

	sale := edition(t, "cipf-sale-permit", "2019")
	wantTerm(t, sale, "issue", 15, "working", false)
	if got := mainPath(t, sale, "issue"); !reflect.DeepEqual(got, []int{13, 1, 1}) {
		t.Errorf("cipf-sale-permit/2019 issue steps %v, want [13 1 1]", got)
	}

	// Import/export: 7 + 1 working days; the 5-day sample window is
	// expressly not counted in the term.
	for _, svc := range []string{"sts-import-export", "crypto-import-export"} {
		e := edition(t, svc, "2019")
		wantTerm(t, e, "issue", 8, "working", false)
		var work []int
		samples := 0
		for _, s := range steps(t, e, "issue") {
			switch {
			case s.Unit == "calendar":
				samples++
				if s.Days != 5 || s.Counts != "no" || !s.Optional || s.Actor != "applicant" {
					t.Errorf("%s sample step %+v, want the applicant's optional 5 calendar days, counts no", e.File, s)
				}
			case s.Days > 0:
				work = append(work, s.Days)
				if s.Counts != "yes" {
					t.Errorf("%s step %+v: counts %q, want yes", e.File, s, s.Counts)
				}
			}
		}
		if !reflect.DeepEqual(work, []int{7, 1}) || samples != 1 {
			t.Errorf("%s: working steps %v and %d sample steps, want [7 1] and one", e.File, work, samples)
		}
	}

	// Technical research: 4 working days, or 30 calendar days from the
	// sample; whether the 5-day sample window counts is not stated.
	gc := edition(t, "goods-classification", "2019")
	var got []step
	for _, s := range steps(t, gc, "issue") {
		if s.Days > 0 {
			got = append(got, s)
		}
	}
	want := []step{
		{Actor: "executor", Days: 4, Unit: "working", Counts: "yes", Optional: true},
		{Actor: "applicant", Days: 5, Unit: "calendar", Counts: "unstated", Optional: true},
		{Actor: "executor", Days: 30, Unit: "calendar", Counts: "yes", Optional: true},
		{Actor: "authorised-person", Days: 1, Unit: "working", Counts: "yes"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("goods-classification/2019 steps\n got %+v\nwant %+v", got, want)
	}

	// The notification service is only named in the new item 1.
	n := edition(t, "crypto-notification", "2019")
	if n.Kinds.Unknown != "not-in-act" {
		t.Errorf("crypto-notification/2019 kinds gap %q, want not-in-act", n.Kinds.Unknown)
	}

	// The gateway payment has one id in every edition that lists it, and the
	// licence details of standard 4 share the licences' ids.
	for _, e := range data(t).Editions {
		for _, k := range e.Kinds.Items {
			for _, d := range k.Documents.Items {
				switch d.ID {
				case "e-fee-payment", "sts-licence", "sts-licence-copy", "e-sts-licence":
					t.Errorf("%s %s: document id %q; use fee-payment, licence-details, licence-copy, e-licence-details", e.File, k.ID, d.ID)
				}
			}
		}
	}
	for _, key := range [][2]string{{"sts-license", "2013"}, {"sts-license", "2019"}, {"cipf-license", "2013"},
		{"cipf-license", "2019"}, {"leak-channels-license", "2013"}, {"leak-channels-license", "2019"}} {
		e := edition(t, key[0], key[1])
		d := doc(t, e, kind(t, e, "renewal"), "fee-payment")
		if !reflect.DeepEqual(d.When, map[string][]string{"payment": {"gateway"}}) && !reflect.DeepEqual(d.When, map[string][]string{"channel": {"portal"}}) {
			t.Errorf("%s renewal fee-payment: when %v", e.File, d.When)
		}
	}
}

// conflict returns the conflict id of an edition, or fails.
func conflict(t *testing.T, e *rules.Edition, id string) *rules.Conflict {
	t.Helper()
	for i := range e.Conflicts {
		if e.Conflicts[i].ID == id {
			return &e.Conflicts[i]
		}
	}
	t.Fatalf("%s: conflict %q is missing", e.File, id)
	return nil
}

// readingLines returns the first seed line a reading cites in lang.
func readingLines(c *rules.Conflict, key string, lang rules.Lang) int {
	r, ok := c.Readings[key]
	if !ok {
		return 0
	}
	for _, ct := range r.Cite {
		if ct.Lines == nil {
			continue
		}
		if sp, ok := ct.Lines.ByLang[lang]; ok {
			return sp.First
		}
	}
	return 0
}

// TestConflicts2019 pins the recorded Russian/Kazakh disagreements of the
// 2019 order (seed-2019.md §5: D1, D2, D3, R1) and the readings followed.
func TestConflicts2019(t *testing.T) {
	cie := edition(t, "crypto-import-export", "2019")

	// R1: the Russian text of annex 5 cites the annex 4 Standard (RU l.502).
	r1 := conflict(t, cie, "ru-wrong-standard")
	if r1.Fact != "legal_basis" || r1.Followed != "kk" || readingLines(r1, "ru", rules.RU) != 502 {
		t.Errorf("R1: fact %q followed %q ru line %d, want legal_basis, kk, 502", r1.Fact, r1.Followed, readingLines(r1, "ru", rules.RU))
	}
	// D1: the Kazakh text of annex 5 names the annex 4 service on the portal (KK l.1006–1010).
	d1 := conflict(t, cie, "kk-wrong-portal-service")
	if l := readingLines(d1, "kk", rules.KK); d1.Followed != "ru" || l < 1006 || l > 1010 {
		t.Errorf("D1: followed %q kk line %d, want ru and a line in 1006–1010", d1.Followed, l)
	}
	// D2: the Kazakh texts of annexes 4, 5 and 6 send the result to the provider's cabinet.
	for svc, line := range map[string]int{"sts-import-export": 847, "crypto-import-export": 1038, "goods-classification": 1231} {
		e := edition(t, svc, "2019")
		d2 := conflict(t, e, "kk-result-provider-cabinet")
		if l := readingLines(d2, "kk", rules.KK); d2.Fact != "result" || d2.Followed != "ru" || l != line {
			t.Errorf("D2 in %s: fact %q followed %q kk line %d, want result, ru, %d", e.File, d2.Fact, d2.Followed, l, line)
		}
	}
	// D3: the Kazakh text of annex 6 says «күнтізбелік 30 жұмыс күні» (KK l.1139, 1173, 1223).
	d3 := conflict(t, edition(t, "goods-classification", "2019"), "kk-calendar-working-days")
	if l := readingLines(d3, "kk", rules.KK); d3.Fact != "terms" || d3.Followed != "ru" || l != 1139 {
		t.Errorf("D3: fact %q followed %q kk line %d, want terms, ru, 1139", d3.Fact, d3.Followed, l)
	}
	for _, c := range []*rules.Conflict{r1, d1, d3} {
		if _, ok := c.Readings[c.Followed]; !ok {
			t.Errorf("conflict %s follows %q, which is not one of its readings", c.ID, c.Followed)
		}
	}
}

// TestActs pins the identification of the source acts and checks that
// every act in sources/ has an outline and every edition's act exists.
func TestActs(t *testing.T) {
	s := data(t)
	act := func(id string) *rules.Act {
		t.Helper()
		a := s.Acts[id]
		if a == nil {
			t.Fatalf("act %s is missing", id)
		}
		return a
	}
	for id, num := range map[string]string{"knb-2008-28": "5166", "knb-2019-46": "18982"} {
		a := act(id)
		if a.Registration == nil || a.Registration.Number != num {
			got := "none"
			if a.Registration != nil {
				got = a.Registration.Number
			}
			t.Errorf("%s: registration No. %q, want No. %s", id, got, num)
		}
	}
	if r := act("knb-2008-28").Registration; r.Date.Value != "2008-03-12" {
		t.Errorf("knb-2008-28 registered %q, want 2008-03-12", r.Date.Value)
	}
	if r := act("knb-2019-46").Registration; r.Date.Value != "2019-07-05" {
		t.Errorf("knb-2019-46 registered %q, want 2019-07-05", r.Date.Value)
	}
	for id, want := range map[string]struct {
		days      int
		notBefore string
	}{
		"knb-2019-46": {21, "2019-07-27"}, // registered 5 July 2019 + 21 full days
		"knb-2023-1":  {60, "2023-03-13"}, // dated 11 January 2023 + 60 full days
		"knb-2008-28": {10, "2008-03-23"}, // registered 12 March 2008 + 10 full days
		"gov-2013-50": {10, "2013-02-09"}, // dated 29 January 2013 + 10 full days
	} {
		f := act(id).InForce
		if f == nil {
			t.Errorf("%s: no entry-into-force rule", id)
		} else if f.Days != want.days || f.Unit != "calendar" || f.After != "first-publication" || f.NotBefore != want.notBefore {
			t.Errorf("%s: in force %d %s days after %s, not before %s; want %d calendar days after first-publication, not before %s",
				id, f.Days, f.Unit, f.After, f.NotBefore, want.days, want.notBefore)
		} else if f.Date.Value != "" {
			t.Errorf("%s: in-force date %q given, but the sources do not give one", id, f.Date.Value)
		}
	}
	for id, want := range map[string]string{"knb-2008-28": "knb-2013-430", "gov-2013-50": "gov-2014-600", "knb-2019-46": "knb-2020-34"} {
		a := act(id)
		if a.Status != "repealed" || a.RepealedBy == nil || a.RepealedBy.Act != want {
			by := ""
			if a.RepealedBy != nil {
				by = a.RepealedBy.Act
			}
			t.Errorf("%s: status %q repealed by %q, want repealed by %s", id, a.Status, by, want)
		}
	}

	for id, a := range s.Acts {
		if a.InSources() && len(a.Outline) == 0 {
			t.Errorf("rules/acts/%s.yaml: the act has seeds but no outline", id)
		}
	}
	if len(s.Editions) == 0 {
		t.Fatal("no editions loaded")
	}
	for _, e := range s.Editions {
		a := s.Acts[e.Act]
		if a == nil {
			t.Errorf("%s: act %s does not exist", e.File, e.Act)
			continue
		}
		if !strings.HasPrefix(a.Date, e.Edition) {
			t.Errorf("%s: act %s is dated %s", e.File, a.ID, a.Date)
		}
		if a.InSources() && a.Unit(e.Part) == nil {
			t.Errorf("%s: part %s is not in the outline of %s", e.File, e.Part, a.ID)
		}
	}
}

// TestLineage pins how services split and carry on across acts.
func TestLineage(t *testing.T) {
	for _, c := range []struct{ service, year, from, fromYear, change string }{
		{"cipf-sale-permit", "2019", "cipf-license", "2013", "split-from"},
		{"leak-channels-license", "2013", "sts-license", "2008", "split-from"},
		{"sts-license", "2013", "sts-license", "2008", "narrowed"},
		{"cipf-license", "2019", "cipf-license", "2013", "narrowed"},
		{"sts-license", "2023", "sts-license", "2019", "continues"},
	} {
		e := edition(t, c.service, c.year)
		found := false
		for _, l := range e.Follows {
			if l.Service == c.from && l.Edition == c.fromYear {
				found = true
				if l.Change != c.change {
					t.Errorf("%s follows %s/%s as %q, want %q", e.File, c.from, c.fromYear, l.Change, c.change)
				}
			}
		}
		if !found {
			t.Errorf("%s does not follow %s/%s", e.File, c.from, c.fromYear)
		}
	}
	// Every lineage link points to an older edition that exists.
	s := data(t)
	for _, e := range s.Editions {
		for _, l := range e.Follows {
			if s.Edition(l.Service, l.Edition) == nil {
				t.Errorf("%s follows %s/%s, which does not exist", e.File, l.Service, l.Edition)
			}
			if l.Edition >= e.Edition {
				t.Errorf("%s follows %s/%s, which is not older", e.File, l.Service, l.Edition)
			}
		}
	}
}

// TestKindChannels2013 pins the 2013 standards' filing channels per kind:
// a duplicate has no portal list (stds 1-3, item 11), so it is paper only,
// while the other kinds keep the edition's channels.
func TestKindChannels2013(t *testing.T) {
	for _, svc := range []string{"sts-license", "cipf-license", "leak-channels-license"} {
		e := edition(t, svc, "2013")
		for _, k := range e.Kinds.Items {
			got := e.KindChannels(&k)
			want := []string{"portal", "in-person", "post"}
			if k.ID == "duplicate" {
				want = []string{"in-person", "post"}
				if k.Channels == nil || len(k.Channels.Cite) == 0 {
					t.Errorf("%s duplicate: no channels of its own with a citation", e.File)
				}
			}
			if !reflect.DeepEqual(got.Value, want) {
				t.Errorf("%s %s: channels %v, want %v", e.File, k.ID, got.Value, want)
			}
		}
	}
}
