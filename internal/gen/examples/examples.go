// Package examples generates the example document packages in examples/:
// for every checklist a package that passes, derived from the checklist
// alone, and the packages of the scenarios in scenarios.yaml, which take a
// passing package, change it and say which findings the checker must give.
// Each name says its verdict — <service>-<edition>-<kind>-pass, -fail-<what>,
// -incomplete-<why> or -cannot-<what> — and the tests check that the checker agrees and gives
// the findings the manifest names (# expect: …).
//
// No id of the rules is written here: answers, documents, fees and dates
// come from the checklists, and scenarios pick what they change by its
// properties (the first signed document, the fee, the applicant's BIN…).
package examples

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"ruqsat/checker/contract"
	"ruqsat/checker/signature"
	"ruqsat/checker/signature/sigtest"
	"ruqsat/internal/syncdir"
	"ruqsat/kzid"
)

// Dir is where the examples live, relative to the repository root.
const Dir = "examples"

//go:embed testdata/signed.p7s
var signedCMS []byte // a real CMS SignedData (see testdata/README.md); in a package, the placeholder pkg signs for the applicant

//go:embed testdata/malformed.p7s
var malformedCMS []byte // the same in BER, refused as not DER

// Package is one example: its manifest and files, as a folder or a zip.
type Package struct {
	Name  string
	Zip   bool
	Files map[string][]byte // path → content, the manifest included
}

// checklist is what the generator reads from a checklist schema.
type checklist struct {
	Meta contract.Meta `json:"x-ruqsat"`
}

// Generate builds every example from the checklists (name → content, as in
// schemas/checklists) and the scenarios of scenarios.yaml.
func Generate(checklists map[string][]byte) ([]Package, error) {
	return generate(checklists, scenariosYAML)
}

func generate(checklists map[string][]byte, scenarioFile []byte) ([]Package, error) {
	sc, err := loadScenarios(scenarioFile)
	if err != nil {
		return nil, err
	}
	var idx contract.Index
	if err := json.Unmarshal(checklists["index.json"], &idx); err != nil {
		return nil, err
	}
	// Every checklist, read once: scenarios look at a service's other
	// editions (an item or a question only they have).
	metas := map[string]*contract.Meta{}
	byService := map[string][]*contract.Meta{} // newest edition first
	for _, sid := range idx.Order {
		eds := idx.Services[sid].Editions
		for i := len(eds) - 1; i >= 0; i-- {
			for _, k := range eds[i].Kinds {
				if k.Checklist == "" {
					continue
				}
				var cl checklist
				if err := json.Unmarshal(checklists[k.Checklist], &cl); err != nil {
					return nil, fmt.Errorf("%s: %w", k.Checklist, err)
				}
				metas[k.Checklist] = &cl.Meta
				byService[sid] = append(byService[sid], &cl.Meta)
			}
		}
	}
	if err := sc.check(&idx); err != nil {
		return nil, err
	}
	var out []Package
	for _, sid := range idx.Order {
		mainKind := "" // the service's main kind, for editions without kinds
		for _, e := range idx.Services[sid].Editions {
			if len(e.Kinds) > 0 {
				mainKind = e.Kinds[0].Kind
			}
		}
		if mainKind == "" {
			mainKind = anyKind(&idx)
		}
		for _, e := range idx.Services[sid].Editions {
			day := sc.filed(e.Edition, e.InForce.From, e.InForce.To)
			if len(e.Kinds) == 0 {
				out = append(out, sc.cannot(sid, e.Edition, mainKind, day, byService[sid]))
				continue
			}
			for _, k := range e.Kinds {
				if k.Checklist == "" {
					out = append(out, sc.cannot(sid, e.Edition, k.Kind, day, byService[sid]))
					continue
				}
				g := &gen{m: metas[k.Checklist], idx: &idx, sc: sc, others: byService[sid]}
				pkgs, err := g.all()
				if err != nil {
					return nil, err
				}
				out = append(out, pkgs...)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return !out[i].Zip && out[j].Zip
	})
	for i := 1; i < len(out); i++ {
		if out[i].Name == out[i-1].Name && out[i].Zip == out[i-1].Zip {
			return nil, fmt.Errorf("%s: two scenarios make the example %s", scenariosFile, out[i].Name)
		}
	}
	return out, nil
}

// anyKind is a kind for a service none of whose editions has kinds: the
// first kind of the first edition in the index that has one.
func anyKind(idx *contract.Index) string {
	for _, sid := range idx.Order {
		for _, e := range idx.Services[sid].Editions {
			if len(e.Kinds) > 0 {
				return e.Kinds[0].Kind
			}
		}
	}
	return "unknown"
}

// filed is the filing date of an edition's examples: a day inside its
// period in force [from, to), so that the edition chosen by the date is the
// edition itself — the first of the scenario file's filed_on days inside
// it, else a year in. A future edition's examples are filed in the future:
// the checker passes them when checking as of that day (--as-of), as an
// applicant would then.
func (s *scenarios) filed(edition, from, to string) string {
	in := func(d string) bool { return d != "" && (from == "" || d >= from) && (to == "" || d < to) }
	for _, d := range s.FiledOn {
		if in(d) {
			return d
		}
	}
	start := from
	if start == "" {
		start = edition + "-01-01"
	}
	// A year in, clear of the uncertain first weeks, or halfway through a
	// shorter period.
	d := addDays(start, 365)
	if to != "" && d >= to {
		s, _ := time.Parse("2006-01-02", start)
		e, _ := time.Parse("2006-01-02", to)
		d = addDays(start, int(e.Sub(s).Hours()/24)/2)
	}
	return d
}

// cannot is a package for an edition whose list is not in the sources: it
// names the first document of the service's newest checklist, if any.
func (s *scenarios) cannot(service, edition, kind, filed string, others []*contract.Meta) Package {
	m := manifest{Ruqsat: 1, Service: service, Edition: edition, Kind: kind, Filed: filed,
		Answers: map[string]any{}, Applicant: legalEntity(), Documents: map[string]any{}}
	delete(m.Applicant, "address")
	m.Applicant["name"] = "ТОО «Пример»"
	files := map[string][]byte{}
	for _, o := range others {
		if len(o.Documents) > 0 {
			d := o.Documents[0]
			m.Documents[d.ID] = d.ID + ".pdf"
			files[d.ID+".pdf"] = PDF(d.Name["en"])
			break
		}
	}
	n := s.NotInSources
	return pkg(fmt.Sprintf("%s-%s-%s-cannot-not-in-sources", service, edition, kind), m, files, n.Comment, n.Expect)
}

type gen struct {
	// incomplete is why a passing package is not ready (see incompleteWhy),
	// unchecked the findings that say so; set by all.
	incomplete string
	unchecked  []string
	m          *contract.Meta
	idx        *contract.Index
	sc         *scenarios
	others     []*contract.Meta // the service's checklists, newest edition first
}

// manifest is the example's manifest, in the order a person writes it.
type manifest struct {
	Ruqsat    int               `yaml:"ruqsat"`
	Service   string            `yaml:"service"`
	Edition   string            `yaml:"edition,omitempty"`
	Kind      string            `yaml:"kind"`
	Filed     string            `yaml:"filed,omitempty"`
	Channel   string            `yaml:"channel,omitempty"`
	Answers   map[string]any    `yaml:"answers"`
	Applicant map[string]string `yaml:"applicant,omitempty"`
	Fee       map[string]any    `yaml:"fee,omitempty"`
	Change    map[string]string `yaml:"change,omitempty"`
	Info      map[string]string `yaml:"info,omitempty"`
	Documents map[string]any    `yaml:"documents"`
	// Legalisation says how documents issued abroad were legalised.
	Legalisation map[string]string `yaml:"legalisation,omitempty"`
}

func (m manifest) yaml(comment string, expect []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=../../schemas/checklists/package.schema.json\n# %s\n", comment)
	if len(expect) > 0 {
		fmt.Fprintf(&b, "%s%s\n", ExpectPrefix, strings.Join(expect, " "))
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	enc.Encode(m)
	return b.Bytes()
}

// ExpectPrefix starts the manifest line of a generated example that names
// the findings it exists for, separated by spaces.
const ExpectPrefix = "# expect: "

// Expected reads the findings a generated manifest says its package
// exists for (none for a plain passing package).
func Expected(manifest []byte) []string {
	for _, l := range strings.SplitN(string(manifest), "\n", 4) {
		if rest, ok := strings.CutPrefix(l, ExpectPrefix); ok {
			return strings.Fields(rest)
		}
	}
	return nil
}

// name is an example's name; a passing package of a checklist the checker
// cannot check in full is named incomplete-<why> instead, as its verdict.
func (g *gen) name(what string) string { return g.nameWhy(what, g.incomplete) }

// nameWhy is name for a package the checker cannot check in full for why
// ("" when it can).
func (g *gen) nameWhy(what, why string) string {
	if rest, ok := strings.CutPrefix(what, "pass"); ok && why != "" {
		what = "incomplete-" + why + rest
	}
	return fmt.Sprintf("%s-%s-%s-%s", g.m.Service, g.m.Edition, g.m.Kind, what)
}

// incompleteComment explains each reason a package that meets every
// requirement in the sources is still not "ready".
var incompleteComment = map[string]string{
	"partial-list":    "Meets every requirement the sources give, but the document list is only in part in the sources: no error, and the checker says what it could not check.",
	"fee-not-in-act":  "Meets every requirement of the checklist, but the act gives no fee amount: no error, and the checker says the amount could not be checked.",
	"no-mci":          "Meets every requirement of the checklist, but the MCI for the payment's year is not in the table: no error, and the checker says the amount could not be checked.",
	"signature-chain": "Meets every requirement of the checklist, and its signatures are valid and the applicant's, but they are made with the repository's test key, whose certificate the NCA did not issue: the checker cannot confirm the key is the NCA's, so the package is not ready (a key issued by the NCA makes it so).",
}

// incompleteWhy says why the checker cannot check a passing package in
// full (the verdict "incomplete"), as the checker decides it, with the
// findings that say so; "" when it can.
func (g *gen) incompleteWhy(man manifest, files map[string][]byte) (string, []string) {
	why, unchecked := g.listOrFeeWhy(man)
	for _, b := range files {
		// The placeholder of a signed document, or a signature made with
		// the test key (its certificate names the example CA): issued by
		// a CA that is not the NCA's, so the chain cannot be followed.
		if bytes.Equal(b, signedCMS) || bytes.Contains(b, []byte(sigtest.CAName)) {
			if why == "" {
				why = "signature-chain"
			}
			return why, append(unchecked, "signature/chain-not-checked")
		}
	}
	return why, unchecked
}

// listOrFeeWhy is incompleteWhy for the checklist and the fee.
func (g *gen) listOrFeeWhy(man manifest) (string, []string) {
	if g.m.Partial != nil {
		return "partial-list", []string{"checklist/partial"}
	}
	day := man.Filed
	if d, ok := man.Fee["date"].(string); ok {
		day = d
	}
	f := g.m.Fee.On(day)
	if f == nil || f.Gap != "" || !f.IsDue() {
		return "", nil
	}
	if f.MCI == nil {
		return "fee-not-in-act", []string{"fee/amount-unknown"}
	}
	if man.Fee != nil {
		from := ""
		for _, m := range g.idx.MCI {
			if m.From <= day {
				from = m.From
			}
		}
		if len(from) < 4 || from[:4] != day[:4] {
			return "no-mci", []string{"fee/no-mci"}
		}
	}
	return "", nil
}

// constraint narrows the answers a passing package gives: an applicant who
// identifies by this number, a payment the provider sees itself.
type constraint struct {
	identifyBy   string
	providerSees bool
	unsigned     bool // signed documents attached as plain PDFs
}

// allows reports whether option o of q may be chosen under c.
func (c constraint) allows(q *contract.Question, o *contract.Option) bool {
	has := func(f func(*contract.Option) bool) bool {
		for i := range q.Options {
			if f(&q.Options[i]) {
				return true
			}
		}
		return false
	}
	if c.identifyBy != "" && has(func(o *contract.Option) bool { return o.IDNumber != "" }) && o.IDNumber != c.identifyBy {
		return false
	}
	if c.providerSees && has(func(o *contract.Option) bool { return o.ProviderSeesPayment }) && !o.ProviderSeesPayment {
		return false
	}
	return true
}

// attached reports whether a document is attached as a file, typed whether
// it is typed into the application (info/<id>).
func attached(d *contract.Document) bool {
	return !d.Fetched && !d.IfAny && d.Medium != "object" && d.Medium != "data"
}

func typed(d *contract.Document) bool {
	return !d.Fetched && !d.IfAny && d.Medium == "data"
}

// answers picks, question by question in the checklist's order, the answer
// that requires the most documents to attach (then the most to type in),
// counting only conditions on the questions answered so far; a tie goes to
// the earlier answer. The example then shows as much of the checklist as
// one applicant can. It reports false when c allows no answer.
func answers(m *contract.Meta, c constraint) (map[string]any, bool) {
	a := map[string]any{}
	asked := map[string]bool{}
	for qi := range m.Questions {
		q := &m.Questions[qi]
		asked[q.ID] = true
		best, bestFiles, bestData := "", -1, -1
		for i := range q.Options {
			o := &q.Options[i]
			if !c.allows(q, o) {
				continue
			}
			a[q.ID] = o.ID
			files, data := 0, 0
			for j := range m.Documents {
				d := &m.Documents[j]
				if !appliesSoFar(d, a, asked) {
					continue
				}
				if attached(d) {
					files++
				} else if typed(d) {
					data++
				}
			}
			if files > bestFiles || files == bestFiles && data > bestData {
				best, bestFiles, bestData = o.ID, files, data
			}
		}
		if best == "" {
			return nil, false
		}
		a[q.ID] = best
	}
	pruneUnasked(m, a)
	if len(m.Subspecies) > 0 {
		a["subspecies"] = []any{m.Subspecies[0].ID}
	}
	return a, true
}

// pruneUnasked removes the answers to questions the other answers do not
// ask (Question.Asked): a passing example answers only what decides
// something for it. Removing one answer can unask another, so it repeats
// until nothing changes.
func pruneUnasked(m *contract.Meta, a map[string]any) {
	for changed := true; changed; {
		changed = false
		for qi := range m.Questions {
			q := &m.Questions[qi]
			if _, ok := a[q.ID]; ok && !q.Asked(a) {
				delete(a, q.ID)
				changed = true
			}
		}
	}
}

// appliesSoFar is Document.Applies with the conditions on questions not yet
// answered taken as met.
func appliesSoFar(d *contract.Document, a map[string]any, asked map[string]bool) bool {
	when := map[string][]string{}
	for q, v := range d.When {
		if asked[q] {
			when[q] = v
		}
	}
	dd := contract.Document{When: when}
	return dd.Applies(a)
}

const address = "010000, Астана, ул. Примерная, 1"

func legalEntity() map[string]string {
	return map[string]string{"name": "ТОО «Қауіпсіз Жүйелер»", "bin": bin(0), "address": address}
}

func individual() map[string]string {
	return map[string]string{"name": "Әлиев Нұрлан Серікұлы", "iin": iin(0), "address": address}
}

// pass builds a package that meets every requirement, or reports that no
// answers meet the constraint.
func (g *gen) pass(c constraint) (manifest, map[string][]byte, bool) {
	m := g.m
	ans, ok := answers(m, c)
	if !ok {
		return manifest{}, nil, false
	}
	man := manifest{Ruqsat: 1, Service: m.Service, Edition: m.Edition, Kind: m.Kind, Answers: ans,
		Applicant: legalEntity(), Documents: map[string]any{}}
	if identifiesBy(m, man.Answers) == contract.IDNumberIIN {
		man.Applicant = individual()
	}
	files := map[string][]byte{}
	for i := range m.Documents {
		d := &m.Documents[i]
		if !d.Applies(man.Answers) {
			continue
		}
		if typed(d) {
			if man.Info == nil {
				man.Info = map[string]string{}
			}
			man.Info[d.ID] = "№ 0000001 от 2012-05-10 (пример)"
			continue
		}
		if !attached(d) {
			continue
		}
		path, body := fileFor(d.ID, d.Name["en"], d.Medium, d.Signed && !c.unsigned)
		man.Documents[d.ID] = path
		files[path] = body
	}
	g.refile(&man, g.sc.filed(m.Edition, m.InForce.From, m.InForce.To))
	return man, files, true
}

// refile files a package on day, with the fee paid three days before at
// that day's index and the renewal's change twelve days before.
func (g *gen) refile(man *manifest, day string) {
	m := g.m
	man.Filed = day
	man.Fee = nil
	paid := addDays(day, -3)
	if f := m.Fee.On(paid); f.IsDue() && f.MCI != nil && !g.seen(man.Answers) {
		man.Fee = map[string]any{"paid": int(*f.MCI*float64(g.mciOn(paid)) + 0.5), "date": paid}
	}
	if m.RenewalWindow != nil {
		man.Change = map[string]string{"date": addDays(day, -12), "what": "Изменено наименование юридического лица"}
	}
	// The first case of the act's list that concerns this applicant.
	for _, o := range m.RenewalReasons {
		if len(o.Applicants) > 0 && !answersAny(man.Answers, o.Applicants) {
			continue
		}
		if man.Change == nil {
			man.Change = map[string]string{"date": addDays(day, -12)}
		}
		man.Change["reason"], man.Change["what"] = o.ID, strings.TrimSuffix(o.Text["ru"], ".")
		break
	}
}

// seen reports whether the answers pay the fee in a way the provider sees
// itself: then the manifest gives no fee.
func (g *gen) seen(answers map[string]any) bool {
	for _, o := range g.m.Answered(answers) {
		if o.ProviderSeesPayment {
			return true
		}
	}
	return false
}

// identifiesBy is the identification number the answers call for: the
// checklist says which answer identifies by which.
func identifiesBy(m *contract.Meta, answers map[string]any) string {
	for _, o := range m.Answered(answers) {
		if o.IDNumber != "" {
			return o.IDNumber
		}
	}
	return contract.IDNumberBIN
}

func fileFor(id, name, medium string, signed bool) (string, []byte) {
	switch {
	case medium == "electronic" && signed:
		return "docs/" + id + ".p7s", signedCMS
	case medium == "carrier":
		return "docs/" + id + ".xml", []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notification example=\"true\"/>\n")
	}
	return "docs/" + id + ".pdf", PDF(name)
}

// mciOn is the MCI on day, or the table's latest before it: an example
// needs some amount (for a year the table lacks, the check warns).
func (g *gen) mciOn(day string) int {
	v := 0
	for _, m := range g.idx.MCI {
		if m.From <= day {
			v = m.KZT
		}
	}
	return v
}

func pkg(name string, man manifest, files map[string][]byte, comment string, expect []string) Package {
	all := map[string][]byte{"manifest.yaml": man.yaml(comment, expect)}
	for k, v := range files {
		if bytes.Equal(v, signedCMS) {
			// The placeholder of a signed document: signed now, when the
			// applicant and the filing date are final, by the applicant.
			v = signedFor(man, man.signer(), k, false)
		}
		all[k] = v
	}
	return Package{Name: name, Files: all}
}

// signer is who signs for the manifest's applicant, as the NCA's
// certificate names them: a legal entity's first head with the entity's
// key (its BIN), else the individual.
func (m manifest) signer() signature.Subject {
	if b := m.Applicant["bin"]; b != "" {
		return signature.Subject{IIN: iin(7), BIN: b, Name: "ӘЛИЕВ НҰРЛАН", Organisation: m.Applicant["name"], FirstHead: true}
	}
	return signature.Subject{IIN: m.Applicant["iin"], Name: "ӘЛИЕВ НҰРЛАН"}
}

// signedContent is what an example signature signs.
func signedContent(path string) []byte {
	return []byte("Ruqsat example document, signed: " + path + "\n")
}

// signedFor signs an example document for who on the manifest's filing
// day (made with the repository's throwaway test key, see sigtest).
func signedFor(m manifest, who signature.Subject, path string, detached bool) []byte {
	day := m.Filed
	if !isDay(day) {
		day = "2026-11-02"
	}
	return sigtest.Signed(signedContent(path), who, day, detached)
}

func isDay(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func clone(m manifest, files map[string][]byte) (manifest, map[string][]byte) {
	c := m
	c.Answers = copyMap(m.Answers)
	c.Documents = copyMap(m.Documents)
	c.Applicant = copyStr(m.Applicant)
	c.Fee = copyMap(m.Fee)
	c.Change = copyStr(m.Change)
	c.Info = copyStr(m.Info)
	c.Legalisation = copyStr(m.Legalisation)
	f := map[string][]byte{}
	for k, v := range files {
		f[k] = v
	}
	return c, f
}

func copyMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	c := map[string]any{}
	for k, v := range m {
		c[k] = v
	}
	return c
}

func copyStr(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := map[string]string{}
	for k, v := range m {
		c[k] = v
	}
	return c
}

// all returns the pass package and the scenarios' packages for this
// checklist.
func (g *gen) all() ([]Package, error) {
	man, files, ok := g.pass(constraint{})
	if !ok {
		return nil, fmt.Errorf("%s-%s-%s: no answers to its questions", g.m.Service, g.m.Edition, g.m.Kind)
	}
	g.incomplete, g.unchecked = g.incompleteWhy(man, files)
	out := []Package{pkg(g.name("pass"), man, files, "Meets every requirement of the checklist: the checker must pass it.", nil)}
	if g.incomplete != "" {
		out[0] = pkg(g.name("pass"), man, files, incompleteComment[g.incomplete], g.unchecked)
	}
	more, err := g.sc.apply(g, man, files)
	if err != nil {
		return nil, err
	}
	return append(out, more...), nil
}

// pngImage returns a small valid PNG, as a phone's scan app would save.
func pngImage() []byte {
	img := image.NewGray(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// bin returns a valid BIN: registered January 2019, a resident legal entity.
func bin(n int) string {
	for serial := 12345 + n; ; serial++ {
		if id, err := kzid.Complete(fmt.Sprintf("190140%05d", serial)); err == nil {
			return id
		}
	}
}

// iin returns a valid IIN: born 15 March 1985, a man.
func iin(n int) string {
	for serial := 1234 + n; ; serial++ {
		if id, err := kzid.Complete(fmt.Sprintf("8503153%04d", serial)); err == nil {
			return id
		}
	}
}

func addDays(day string, n int) string {
	t, _ := time.Parse("2006-01-02", day)
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// Write writes the examples under dir, replacing what is there.
func Write(dir string, pkgs []Package) error {
	want := map[string][]byte{"README.md": readme(pkgs)}
	for _, p := range pkgs {
		if p.Zip {
			b, err := Zip(p)
			if err != nil {
				return err
			}
			want[p.Name+".zip"] = b
			continue
		}
		for path, b := range p.Files {
			want[p.Name+"/"+path] = b
		}
	}
	_, err := syncdir.Write(dir, want)
	return err
}

// Zip packs a package into a zip with fixed times, so it is reproducible.
func Zip(p Package) ([]byte, error) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	paths := make([]string, 0, len(p.Files))
	for k := range p.Files {
		paths = append(paths, k)
	}
	sort.Strings(paths)
	for _, k := range paths {
		h := &zip.FileHeader{Name: k, Method: zip.Deflate, Modified: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
		fw, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		fw.Write(p.Files[k])
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func readme(pkgs []Package) []byte {
	var b strings.Builder
	b.WriteString("# Example document packages\n\nGenerated by `go run ./cmd/ruqsat gen` from the checklists and the scenarios in\n`internal/gen/examples/scenarios.yaml`; do not edit.\n")
	b.WriteString("Each name says the verdict `ruqsat check` gives: `-pass` (exit 0, ready to submit), `-fail-<what>` (exit 1),\n`-cannot-<what>` (exit 2: the rules are not in the sources), `-incomplete-<why>` (exit 3: no errors found, but\nnot everything could be checked — a list only in part in the sources, a fee amount the act does not give…),\nand a manifest's `# expect:` line names the findings the package exists for. A test checks every one.\n")
	b.WriteString("Each package is filed (`filed:`) on a day its edition was in force; a package of an edition still to come\nis filed in the future and gets its verdict when checked as of that day (`ruqsat check --as-of`).\n\n")
	for _, p := range pkgs {
		name := p.Name
		if p.Zip {
			name += ".zip"
		}
		first := strings.SplitN(string(p.Files["manifest.yaml"]), "\n", 3)
		note := ""
		if len(first) > 1 {
			note = strings.TrimPrefix(first[1], "# ")
		}
		fmt.Fprintf(&b, "- `%s` — %s\n", name, note)
	}
	return []byte(b.String())
}

// answersAny reports whether any answer is one of ids.
func answersAny(answers map[string]any, ids []string) bool {
	for _, v := range answers {
		if s, ok := v.(string); ok && slices.Contains(ids, s) {
			return true
		}
	}
	return false
}
