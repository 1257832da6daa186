// Package examples generates the example document packages in examples/:
// for every checklist a package that passes, and failing packages that
// together produce every kind of finding the checker reports. Each name
// says its verdict — <service>-<edition>-<kind>-pass, -fail-<what> or
// -cannot-<what> — and a test checks that the checker agrees.
package examples

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"ruqsat/checker/contract"
	"ruqsat/internal/syncdir"
	"ruqsat/kzid"
)

// Dir is where the examples live, relative to the repository root.
const Dir = "examples"

//go:embed testdata/signed.p7s
var signedCMS []byte // a real CMS SignedData (see testdata/README.md)

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

// filedOn are the filing dates the examples of today's editions use, kept
// so that regenerating them changes nothing; filed picks a date for any
// other edition from its period in force.
var filedOn = map[string]string{"2008": "2010-06-15", "2013": "2013-12-02", "2019": "2019-12-02", "2023": "2026-11-02"}

// filed is the filing date of an edition's examples: a day inside its
// period in force [from, to), so that the edition chosen by the date is the
// edition itself. A future edition's examples are filed in the future: the
// checker passes them when checking as of that day (--as-of), as an
// applicant would then.
func filed(edition, from, to string) string {
	in := func(d string) bool { return d != "" && (from == "" || d >= from) && (to == "" || d < to) }
	if d := filedOn[edition]; in(d) {
		return d
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

// Generate builds every example from the checklists (name → content, as in
// schemas/checklists).
func Generate(checklists map[string][]byte) ([]Package, error) {
	var idx contract.Index
	if err := json.Unmarshal(checklists["index.json"], &idx); err != nil {
		return nil, err
	}
	var out []Package
	for _, sid := range idx.Order {
		mainKind := "issue" // the service's main kind, for editions without kinds
		for _, e := range idx.Services[sid].Editions {
			if len(e.Kinds) > 0 {
				mainKind = e.Kinds[0].Kind
			}
		}
		for _, e := range idx.Services[sid].Editions {
			if len(e.Kinds) == 0 {
				out = append(out, cannot(sid, e.Edition, mainKind, filed(e.Edition, e.InForce.From, e.InForce.To)))
				continue
			}
			for _, k := range e.Kinds {
				if k.Checklist == "" {
					out = append(out, cannot(sid, e.Edition, k.Kind, filed(e.Edition, e.InForce.From, e.InForce.To)))
					continue
				}
				var cl checklist
				if err := json.Unmarshal(checklists[k.Checklist], &cl); err != nil {
					return nil, fmt.Errorf("%s: %w", k.Checklist, err)
				}
				g := &gen{cl: &cl, idx: &idx}
				out = append(out, g.all()...)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// cannot is a package for an edition whose list is not in the sources.
func cannot(service, edition, kind, filed string) Package {
	m := manifest{Ruqsat: 1, Service: service, Edition: edition, Kind: kind, Filed: filed,
		Answers: map[string]any{}, Applicant: map[string]string{"name": "ТОО «Пример»", "bin": bin(0)}, Documents: map[string]any{"application": "application.pdf"}}
	return Package{Name: fmt.Sprintf("%s-%s-%s-cannot-not-in-sources", service, edition, kind), Files: map[string][]byte{
		"manifest.yaml":   m.yaml("A package for rules that are not in the sources: the checker must say it cannot check it."),
		"application.pdf": PDF("Application"),
	}}
}

type gen struct {
	cl  *checklist
	idx *contract.Index
}

// manifest is the example's manifest, in the order a person writes it.
type manifest struct {
	Ruqsat    int               `yaml:"ruqsat"`
	Service   string            `yaml:"service"`
	Edition   string            `yaml:"edition,omitempty"`
	Kind      string            `yaml:"kind"`
	Filed     string            `yaml:"filed,omitempty"`
	Answers   map[string]any    `yaml:"answers"`
	Applicant map[string]string `yaml:"applicant,omitempty"`
	Fee       map[string]any    `yaml:"fee,omitempty"`
	Change    map[string]string `yaml:"change,omitempty"`
	Info      map[string]string `yaml:"info,omitempty"`
	Documents map[string]any    `yaml:"documents"`
}

func (m manifest) yaml(comment string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=https://ruqsat.kz/schemas/checklists/package.schema.json\n# %s\n", comment)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	enc.Encode(m)
	return b.Bytes()
}

func (g *gen) name(what string) string {
	m := g.cl.Meta
	return fmt.Sprintf("%s-%s-%s-%s", m.Service, m.Edition, m.Kind, what)
}

// answers picks answers that exercise the most items: a legal entity,
// paying at a bank, on paper where there is a choice.
func (g *gen) answers() map[string]any {
	prefer := map[string]string{"applicant": "legal-entity", "payment": "bank", "channel": "paper", "licence-online": "no", "duplicate-of": "licence"}
	a := map[string]any{}
	for _, q := range g.cl.Meta.Questions {
		pick := q.Options[0].ID
		for _, o := range q.Options {
			if o.ID == prefer[q.ID] {
				pick = o.ID
			}
		}
		a[q.ID] = pick
	}
	if len(g.cl.Meta.Subspecies) > 0 {
		a["subspecies"] = []any{g.cl.Meta.Subspecies[0].ID}
	}
	return a
}

// pass builds a package that meets every requirement.
func (g *gen) pass() (manifest, map[string][]byte) {
	m := g.cl.Meta
	filed := filed(m.Edition, m.InForce.From, m.InForce.To)
	man := manifest{Ruqsat: 1, Service: m.Service, Edition: m.Edition, Kind: m.Kind, Filed: filed, Answers: g.answers(),
		Applicant: map[string]string{"name": "ТОО «Қауіпсіз Жүйелер»", "bin": bin(0), "address": "010000, Астана, ул. Примерная, 1"},
		Documents: map[string]any{}}
	if identifiesBy(&m, man.Answers) == contract.IDNumberIIN {
		man.Applicant = map[string]string{"name": "Әлиев Нұрлан Серікұлы", "iin": iin(0), "address": "010000, Астана, ул. Примерная, 1"}
	}
	files := map[string][]byte{}
	for _, d := range m.Documents {
		if d.Fetched || d.IfAny || d.Medium == "object" || !d.Applies(man.Answers) {
			continue
		}
		if d.Medium == "data" {
			if man.Info == nil {
				man.Info = map[string]string{}
			}
			man.Info[d.ID] = "№ 0000001 от 2012-05-10 (пример)"
			continue
		}
		path, body := fileFor(d.ID, d.Name["en"], d.Medium, d.Signed)
		man.Documents[d.ID] = path
		files[path] = body
	}
	if f := m.Fee; f.IsDue() && f.MCI != nil {
		day := addDays(filed, -3)
		man.Fee = map[string]any{"paid": int(*f.MCI*float64(g.mciOn(day)) + 0.5), "date": day}
	}
	if m.RenewalWindow != nil {
		man.Change = map[string]string{"date": addDays(filed, -12), "what": "Изменено наименование юридического лица"}
	}
	return man, files
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

func (g *gen) mciOn(day string) int {
	v := 0
	for _, m := range g.idx.MCI {
		if m.From <= day {
			v = m.KZT
		}
	}
	return v
}

func pkg(name string, man manifest, files map[string][]byte, comment string) Package {
	all := map[string][]byte{"manifest.yaml": man.yaml(comment)}
	for k, v := range files {
		all[k] = v
	}
	return Package{Name: name, Files: all}
}

func clone(m manifest, files map[string][]byte) (manifest, map[string][]byte) {
	c := m
	c.Answers = copyMap(m.Answers)
	c.Documents = copyMap(m.Documents)
	c.Applicant = copyStr(m.Applicant)
	c.Fee = copyMap(m.Fee)
	c.Change = copyStr(m.Change)
	c.Info = copyStr(m.Info)
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

// firstDoc returns the first attached document of a pass package.
func firstDoc(man manifest) (string, string) {
	ids := make([]string, 0, len(man.Documents))
	for id := range man.Documents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		return "", ""
	}
	return ids[0], man.Documents[ids[0]].(string)
}

// all returns the pass package and the failing ones for this checklist.
// The fullest checklist (the current STS licence) gets every failure; the
// others get the commonest one, a missing document.
func (g *gen) all() []Package {
	man, files := g.pass()
	out := []Package{pkg(g.name("pass"), man, files, "Meets every requirement of the checklist: the checker must pass it.")}
	fail := func(what, comment string, edit func(m *manifest, f map[string][]byte)) {
		m, f := clone(man, files)
		edit(&m, f)
		out = append(out, pkg(g.name("fail-"+what), m, f, comment))
	}
	docID, docPath := firstDoc(man)
	if docID != "" {
		fail("missing-document", "A required document is left out.", func(m *manifest, f map[string][]byte) {
			delete(m.Documents, docID)
			delete(f, docPath)
		})
	}
	full := g.cl.Meta.Service == "sts-license" && g.cl.Meta.Edition == "2023"
	if full && g.cl.Meta.Kind == "issue" {
		fail("wrong-fee", "The fee paid is not 20 MCI at the index of the payment date.", func(m *manifest, f map[string][]byte) {
			m.Fee["paid"] = 69200
		})
		fail("bad-bin", "The BIN's check digit is wrong (a typo).", func(m *manifest, f map[string][]byte) {
			b := []byte(m.Applicant["bin"])
			b[11] = '0' + (b[11]-'0'+1)%10
			m.Applicant["bin"] = string(b)
		})
		fail("wrong-file-type", "A document is a text file renamed to .p7s: not what it claims by its content.", func(m *manifest, f map[string][]byte) {
			f[docPath] = []byte("this is not a signed document\n")
		})
		fail("broken-pdf", "A PDF cut short, as by an interrupted download.", func(m *manifest, f map[string][]byte) {
			m.Documents["fee-receipt"] = "docs/fee-receipt.pdf"
			p := PDF("Fee receipt")
			f["docs/fee-receipt.pdf"] = p[:len(p)/2]
		})
		fail("encrypted-pdf", "A password-protected PDF, which the provider cannot read.", func(m *manifest, f map[string][]byte) {
			f["docs/fee-receipt.pdf"] = encryptedPDF("Fee receipt")
		})
		fail("empty-file", "A document's file is empty.", func(m *manifest, f map[string][]byte) {
			f["docs/fee-receipt.pdf"] = []byte{}
		})
		fail("missing-file", "The manifest names a file that is not in the package.", func(m *manifest, f map[string][]byte) {
			delete(f, "docs/fee-receipt.pdf")
		})
		fail("unknown-item", "The manifest lists an item that is not on this checklist.", func(m *manifest, f map[string][]byte) {
			m.Documents["staffing-table"] = "docs/staffing.pdf"
			f["docs/staffing.pdf"] = PDF("Staffing table")
		})
		fail("bad-answer", "An answer that is not one of the question's answers.", func(m *manifest, f map[string][]byte) {
			m.Answers["applicant"] = "company"
		})
		fail("unknown-subspecies", "A subspecies this edition does not have.", func(m *manifest, f map[string][]byte) {
			m.Answers["subspecies"] = []any{"import-export"}
		})
		fail("future-date", "The fee payment date is in the future.", func(m *manifest, f map[string][]byte) {
			m.Fee["date"] = "2099-01-01"
		})
		fail("fee-after-filing", "The fee is paid after the filing date.", func(m *manifest, f map[string][]byte) {
			m.Fee["date"] = addDays(m.Filed, 1)
			m.Filed = addDays(m.Filed, 0)
		})
		fail("missing-bin", "A legal entity gives no BIN.", func(m *manifest, f map[string][]byte) {
			delete(m.Applicant, "bin")
		})
		fail("missing-fee", "Paid at a bank, but the amount and date are not given.", func(m *manifest, f map[string][]byte) {
			m.Fee = nil
		})
		fail("unknown-field", "A field the manifest format does not have.", func(m *manifest, f map[string][]byte) {
			m.Info = map[string]string{"comment": "please hurry"}
		})
		fail("broken-signature", "The signed application is a damaged signature file (BER, not DER).", func(m *manifest, f map[string][]byte) {
			f["docs/application.p7s"] = malformedCMS
		})
		fail("broken-image", "The fee receipt is a scan cut short: the image does not open.", func(m *manifest, f map[string][]byte) {
			delete(f, "docs/fee-receipt.pdf")
			p := pngImage()
			f["docs/fee-receipt.png"] = p[:len(p)-20]
			m.Documents["fee-receipt"] = "docs/fee-receipt.png"
		})
		fail("missing-answer", "The question of who is applying is not answered.", func(m *manifest, f map[string][]byte) {
			delete(m.Answers, "applicant")
		})
		fail("unknown-question", "An answer to a question this service does not ask.", func(m *manifest, f map[string][]byte) {
			m.Answers["channel"] = "paper"
		})
		fail("missing-subspecies", "No activity subspecies is named.", func(m *manifest, f map[string][]byte) {
			m.Answers["subspecies"] = []any{}
		})
		fail("bad-path", "A document path that climbs out of the package.", func(m *manifest, f map[string][]byte) {
			m.Documents["qualification-form"] = "../qualification-form.pdf"
		})
		// Mistakes in the manifest itself: each names its line.
		edit := func(name, comment, from, to string) {
			p := pkg(g.name(name), man, files, comment)
			y := string(p.Files["manifest.yaml"])
			if !strings.Contains(y, from) {
				panic("examples: " + name + ": no " + from)
			}
			p.Files["manifest.yaml"] = []byte(strings.Replace(y, from, to, 1))
			out = append(out, p)
		}
		edit("fail-wrong-type", "A document given as a number instead of a file path.", "application: docs/application.p7s", "application: 5")
		edit("fail-bad-date", "A filing date that is not a date.", "filed: \"2026-11-02\"", "filed: \"2026-13-45\"")
		edit("fail-short-bin", "A BIN with too few digits.", "bin: \"", "bin: \"1901")
		edit("cannot-bad-manifest", "A manifest that is not valid YAML: the checker names the line and cannot check the package.", "answers:\n", "answers:\n  - [unclosed\n")
		edit("cannot-unknown-kind", "An application kind this edition does not have.", "kind: issue", "kind: transfer")
		// Filed a week after the earliest date the 2023 rules can have
		// taken effect: the exact date is not in the sources, so a warning.
		m0, f0 := clone(man, files)
		m0.Filed = "2023-03-20"
		m0.Edition = "" // chosen by the filing date
		m0.Fee = map[string]any{"paid": 20 * g.mciOn("2023-03-17"), "date": "2023-03-17"}
		out = append(out, pkg(g.name("pass-near-start"), m0, f0, "Filed days after the 2023 rules can first have taken effect (their exact date is not in the sources): a warning to make sure of the edition."))
		// Warnings and notes do not fail a package: a scan saved under the
		// wrong extension, an item the answers do not require, one the
		// provider obtains itself, and a file no item names.
		wm, wf := clone(man, files)
		wf["docs/fee-receipt.jpg"] = wf["docs/fee-receipt.pdf"]
		delete(wf, "docs/fee-receipt.pdf")
		wm.Documents["fee-receipt"] = "docs/fee-receipt.jpg"
		wm.Documents["application-individual"] = "docs/application-individual.pdf"
		wf["docs/application-individual.pdf"] = PDF("Application of an individual")
		wm.Documents["identity-registration"] = "docs/registration.pdf"
		wf["docs/registration.pdf"] = PDF("State registration")
		wf["notes.txt"] = []byte("Questions for the lawyer\n")
		out = append(out, pkg(g.name("pass-with-warnings"), wm, wf, "Passes with warnings and notes: a PDF named .jpg, an item the answers do not require, one the provider obtains itself, a file no item names."))
		// An individual paying through the gateway needs no receipt, and an
		// unsigned PDF is accepted with a warning: still a pass.
		m, f := clone(man, files)
		m.Answers["applicant"] = "individual"
		m.Answers["payment"] = "gateway"
		m.Applicant = map[string]string{"name": "Әлиев Нұрлан Серікұлы", "iin": iin(0)}
		m.Fee = nil
		delete(m.Documents, "fee-receipt")
		delete(f, "docs/fee-receipt.pdf")
		delete(m.Documents, "application")
		delete(f, "docs/application.p7s")
		m.Documents["application-individual"] = "docs/application-individual.pdf"
		f["docs/application-individual.pdf"] = PDF("Application of an individual")
		out = append(out, pkg(g.name("pass-individual-gateway"), m, f, "An individual who paid through the e-government gateway: no receipt is needed; an unsigned PDF gets a warning, not an error."))
		zipped := pkg(g.name("pass"), man, files, "The passing package, zipped: a zip is read in place.")
		zipped.Zip = true
		out = append(out, zipped)
	}
	if full && g.cl.Meta.Kind == "renewal" {
		fail("late-renewal", "Filed 45 days after the change; the deadline is 30 calendar days.", func(m *manifest, f map[string][]byte) {
			m.Change["date"] = addDays(m.Filed, -45)
		})
		fail("no-change-date", "A renewal that does not say when the change happened.", func(m *manifest, f map[string][]byte) {
			m.Change = nil
		})
		fail("wrong-fee", "The renewal fee is 2 MCI, not 20.", func(m *manifest, f map[string][]byte) {
			m.Fee["paid"] = m.Fee["paid"].(int) * 10
		})
	}
	if g.cl.Meta.Service == "sts-import-export" && g.cl.Meta.Edition == "2013" {
		// The conclusion is free under the 2013 standard: a fee paid gets a
		// warning; filed in 2026 the 2013 edition is not in force: another.
		m, f := clone(man, files)
		m.Fee = map[string]any{"paid": 1000, "date": addDays(m.Filed, -1)}
		out = append(out, pkg(g.name("pass-with-fee"), m, f, "A fee paid for a service that is free under this edition: a warning, not an error."))
		m, f = clone(man, files)
		m.Filed = "2026-11-02"
		out = append(out, pkg(g.name("pass-out-of-force"), m, f, "Filed in 2026 under the 2013 edition, which is no longer in force: a warning (the edition is named in the manifest)."))
	}
	if g.cl.Meta.Service == "sts-license" && g.cl.Meta.Edition == "2013" && g.cl.Meta.Kind == "issue" {
		fail("bad-iin", "An individual whose IIN has a wrong check digit.", func(m *manifest, f map[string][]byte) {
			m.Answers["applicant"] = "individual"
			b := []byte(iin(0))
			b[11] = '0' + (b[11]-'0'+3)%10
			m.Applicant = map[string]string{"name": "Әлиев Нұрлан Серікұлы", "iin": string(b)}
		})
	}
	return out
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
	b.WriteString("# Example document packages\n\nGenerated by `go run ./cmd/ruqsat gen` from the checklists; do not edit.\n")
	b.WriteString("Each name says the verdict `ruqsat check` gives: `-pass` (exit 0), `-fail-<what>` (exit 1),\n`-cannot-<what>` (exit 2: the rules are not in the sources). A test checks every one.\n")
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
