// Package checker checks an applicant's document package against the
// checklist of its service, edition and application kind: first the
// manifest against the checklist's JSON Schema, then what a schema cannot
// say — that each named file is in the package and is what it claims, that
// identification numbers are valid, that the fee and the dates are right.
// Every finding has a stable code, a severity, a place, a message in
// Russian, Kazakh and English, and the rule it comes from. The same code
// runs in the ruqsat command and, compiled to WebAssembly, in the browser.
package checker

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"ruqsat/checker/contract"
	"ruqsat/checker/pkgread"
	"ruqsat/checker/sigdata"
	"ruqsat/internal/schemaerr"
	"ruqsat/internal/yamlpos"
)

// Checker holds the checklists; it is safe for concurrent use.
type Checker struct {
	idx    *contract.Index
	comp   *compiler
	fsys   fs.FS
	verify sigdata.Verifier // signatures; see SetVerifier
}

// SetVerifier sets how signatures are verified: by default
// checker/signature (in the command), in the browser the signature module
// the page loads when a package holds a signature. Call before checking.
func (c *Checker) SetVerifier(v sigdata.Verifier) { c.verify = v }

// New reads the checklists from fsys (a folder holding index.json,
// package.schema.json and the generated checklist schemas). base is the
// URL prefix their $id use, e.g. "https://ruqsat.kz/schemas/checklists/".
func New(fsys fs.FS, base string) (*Checker, error) {
	idx, err := loadIndex(fsys)
	if err != nil {
		return nil, err
	}
	return &Checker{idx: idx, fsys: fsys, comp: &compiler{fsys: fsys, base: base, cache: map[string]*checklist{}}, verify: defaultVerifier}, nil
}

// Options adjust a check.
type Options struct {
	// Today is the date the check treats as today (2006-01-02): dates
	// after it are in the future, and a manifest without a filing date is
	// filed on it. Empty means the current date in Astana.
	Today string
	// Edition forces an edition instead of choosing by the filing date.
	Edition string
	// Historical says the check is explicitly about the past (the CLI's
	// --as-of before the real today): an edition named that was not in
	// force on the filing date is then checked as asked, with a warning
	// and an incomplete verdict, instead of being an error.
	Historical bool
	// Service is the service of the page the package was dropped on: a
	// package for another service is refused (cannot check) rather than
	// checked against rules the applicant did not choose. Empty: any.
	Service string
}

// MaxDepth is how deeply a manifest may nest.
const MaxDepth = 32

// maxDuplicates is how many repeated keys a report lists.
const maxDuplicates = 20

// CheckPath reads the package at path (a folder or a .zip) and checks it.
func (c *Checker) CheckPath(path string, o Options) *Report {
	p, err := pkgread.Read(path, pkgread.DefaultLimits())
	if err != nil {
		return cannot(path, packageFinding(err, path))
	}
	return c.Check(p, o)
}

// CheckZip checks a package held in memory as a .zip (the browser's case).
func (c *Checker) CheckZip(b []byte, name string, o Options) *Report {
	p, err := pkgread.ReadZipBytes(b, name, pkgread.DefaultLimits())
	if err != nil {
		return cannot(name, packageFinding(err, name))
	}
	return c.Check(p, o)
}

// CheckFiles checks a package held in memory as files, path → content: a
// dropped folder, or what the browser's form gathered.
func (c *Checker) CheckFiles(name string, files map[string][]byte, o Options) *Report {
	p, err := pkgread.ReadMemory(name, files, pkgread.DefaultLimits())
	if err != nil {
		return cannot(name, packageFinding(err, name))
	}
	return c.Check(p, o)
}

// ChecklistJSON returns the checklist schema of a service, edition and
// kind, as generated; its "x-ruqsat" annotation describes every item.
func (c *Checker) ChecklistJSON(service, edition, kind string) ([]byte, error) {
	if sv := c.idx.Services[service]; sv != nil {
		for _, e := range sv.Editions {
			if e.Edition != edition {
				continue
			}
			for _, k := range e.Kinds {
				if k.Kind == kind && k.Checklist != "" {
					return fs.ReadFile(c.fsys, k.Checklist)
				}
			}
		}
	}
	return nil, fmt.Errorf("no checklist for %s %s %s", service, edition, kind)
}

// EditionOn returns the edition of a service in force on a day by the
// sources, or "" when none is.
func (c *Checker) EditionOn(service, day string) string {
	sv := c.idx.Services[service]
	if sv == nil {
		return ""
	}
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		if inForceOn(sv.Editions[i].InForce, day) {
			return sv.Editions[i].Edition
		}
	}
	return ""
}

// PageFault is the report of a check that did not run because the program
// around the checker (the web page's) failed, not because of the package:
// the applicant is told so and asked to reload the page.
func PageFault(name, why string) *Report {
	return cannot(name, newFinding("checker/page-fault").withDetail(why))
}

func cannot(name string, f Finding) *Report {
	return &Report{Package: name, Verdict: CannotCheck, Findings: []Finding{f}, CannotSee: CannotSee()}
}

// packageFinding explains why a package could not be read.
func packageFinding(err error, path string) Finding {
	var pe *pkgread.Error
	code, detail, limit := "package/unreadable", err.Error(), ""
	if errors.As(err, &pe) {
		if _, ok := catalogue["package/"+string(pe.Kind)]; ok {
			code = "package/" + string(pe.Kind)
		}
		if pe.Path != "" {
			path = pe.Path
		}
		if pe.Limit != 0 {
			limit = humanSize(pe.Kind, pe.Limit)
		}
		if pe.Err != nil {
			detail = pe.Err.Error()
		}
	}
	args := []argument{arg("path", path), argL("why", unreadableWhy(err))}
	if limit != "" {
		args = append(args, arg("limit", limit))
	}
	return newFinding(code, args...).withDetail(detail)
}

// unreadableWhy says in words why a package could not be opened; the
// system's own text goes to the finding's detail.
func unreadableWhy(err error) map[string]string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return map[string]string{"ru": "такого файла или папки нет", "kk": "мұндай файл немесе бума жоқ", "en": "there is no such file or folder"}
	case errors.Is(err, fs.ErrPermission):
		return map[string]string{"ru": "нет прав на чтение", "kk": "оқуға құқық жоқ", "en": "you have no permission to read it"}
	}
	return map[string]string{"ru": "файл не читается", "kk": "файл оқылмайды", "en": "it cannot be read"}
}

func humanSize(k pkgread.ErrorKind, n int64) string {
	if k == pkgread.ErrTooManyFiles || k == pkgread.ErrZipBomb {
		return fmt.Sprint(n)
	}
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// run is the state of one check.
type run struct {
	c        *Checker
	pkg      *pkgread.Package
	opt      Options
	rep      *Report
	root     *yaml.Node
	places   map[string]place // the manifest's nodes by path, see node
	man      map[string]any
	cl       *checklist
	filed    string
	findings []Finding
	// signedDocs are the documents of detached signatures, found beside
	// them rather than named in the manifest.
	signedDocs map[string]bool
	// notRequired are the items given that the answers do not call for.
	notRequired map[string]bool
}

func (r *run) add(f Finding) { r.findings = append(r.findings, f) }

// inManifest places a finding in the manifest file itself, at a line and
// column (none when 0): for findings about the file, not a field of it.
func (r *run) inManifest(f Finding, line, col int) Finding {
	f.File, f.Line, f.Column = r.pkg.ManifestName, line, col
	return f
}

// at fills a finding's manifest position from a path.
func (r *run) at(f Finding, path ...string) Finding {
	f.Path = "/" + strings.Join(path, "/")
	if n := r.node(path, false); n != nil {
		f.Line, f.Column = n.Line, n.Column
	}
	if len(path) >= 2 && (path[0] == "documents" || path[0] == "info") {
		f.Item = path[1]
	}
	return f
}

// atKey is at, with the position of the last key of the path rather than
// of its value: an unknown field is named where its key is written.
func (r *run) atKey(f Finding, path ...string) Finding {
	f = r.at(f, path...)
	if n := r.node(path, true); n != nil {
		f.Line, f.Column = n.Line, n.Column
	}
	return f
}

// place is where a value, and the key naming it, are written.
type place struct{ val, key *yaml.Node }

// node returns the manifest node at a path of keys and indexes, or the
// deepest one on the way when the path goes further than the manifest (as
// yamlpos.NodeAt does); with key, the key of the last element if there is
// one. The nodes are indexed by path on first use: a manifest with tens of
// thousands of unknown keys gets a finding for each, and finding each by
// walking the tree took time quadratic in its size.
func (r *run) node(path []string, key bool) *yaml.Node {
	if r.root == nil {
		return nil
	}
	if r.places == nil {
		r.index()
	}
	for i := len(path); i >= 0; i-- {
		if p, ok := r.places[strings.Join(path[:i], "\x00")]; ok {
			if key && i == len(path) && p.key != nil {
				return p.key
			}
			return p.val
		}
	}
	return nil
}

// index fills r.places, following aliases as yamlpos.ToJSON does; parse
// has bounded how far they expand.
func (r *run) index() {
	r.places = map[string]place{}
	deref := func(n *yaml.Node) *yaml.Node {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		return n
	}
	var walk func(n *yaml.Node, p string)
	walk = func(n *yaml.Node, p string) {
		n = deref(n)
		sep := "\x00"
		if p == "" {
			sep = ""
		}
		switch n.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(n.Content); j += 2 {
				cp := p + sep + n.Content[j].Value
				if _, seen := r.places[cp]; seen {
					continue // the first of repeated keys, as yamlpos.NodeAt
				}
				r.places[cp] = place{val: n.Content[j+1], key: n.Content[j]}
				walk(n.Content[j+1], cp)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				cp := p + sep + strconv.Itoa(i)
				r.places[cp] = place{val: c}
				walk(c, cp)
			}
		}
	}
	root := r.root
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	r.places[""] = place{val: root}
	walk(root, "")
}

// Check checks a package that has been read.
func (c *Checker) Check(p *pkgread.Package, o Options) *Report {
	if o.Today == "" {
		o.Today = time.Now().In(time.FixedZone("Asia/Almaty", 5*3600)).Format("2006-01-02")
	}
	r := &run{c: c, pkg: p, opt: o, rep: &Report{Package: p.Name, CannotSee: CannotSee()}}
	if !r.parse() || !r.choose() {
		r.rep.Verdict = CannotCheck
		r.rep.Findings = r.findings
		sortFindings(r.rep.Findings)
		return r.rep
	}
	r.validate()
	r.domain()
	for i := range r.findings {
		if r.findings[i].Item != "" {
			r.findings[i].order = r.cl.order[r.findings[i].Item]
			if r.findings[i].order == 0 {
				r.findings[i].order = len(r.cl.order) + 1
			}
		}
	}
	r.rep.Findings = r.findings
	sortFindings(r.rep.Findings)
	r.rep.Verdict = verdictOf(r.rep.Findings)
	return r.rep
}

// parse reads the manifest (YAML or JSON) into positioned values.
func (r *run) parse() bool {
	b := r.pkg.Manifest
	if line := yamlpos.InvalidUTF8Line(b); line > 0 {
		r.add(r.inManifest(newFinding("manifest/utf8", arg("line", fmt.Sprint(line))), line, 1))
		return false
	}
	var root *yaml.Node
	if isJSONName(r.pkg.ManifestName) {
		n, se := parseJSON(b)
		if se != nil && se.deep {
			r.add(r.inManifest(newFinding("manifest/too-deep", arg("limit", fmt.Sprint(MaxDepth))), se.line, se.col))
			return false
		}
		if se != nil {
			r.add(r.inManifest(newFinding("manifest/syntax", arg("line", fmt.Sprint(se.line)), argL("why", syntaxWhy(se.why))).withDetail(se.why), se.line, se.col))
			return false
		}
		root = n
	} else {
		root = &yaml.Node{}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(root); err != nil && err != io.EOF { // EOF: an empty manifest, reported below
			line, why := yamlErrorLine(err)
			if strings.HasPrefix(why, "exceeded max depth") {
				r.add(r.inManifest(newFinding("manifest/too-deep", arg("limit", fmt.Sprint(MaxDepth))), line, 1))
				return false
			}
			r.add(r.inManifest(newFinding("manifest/syntax", arg("line", fmt.Sprint(line)), argL("why", syntaxWhy(why))).withDetail(why), line, 1))
			return false
		}
	}
	switch deep, many := expansion(root); {
	case deep:
		r.add(r.inManifest(newFinding("manifest/too-deep", arg("limit", fmt.Sprint(MaxDepth))), 0, 0))
		return false
	case many:
		r.add(r.inManifest(newFinding("manifest/too-many-values", arg("limit", fmt.Sprint(MaxValues))), 0, 0))
		return false
	}
	r.root = root
	var dups []Finding
	v := yamlpos.ToJSON(root, func(k *yaml.Node) {
		if len(dups) == maxDuplicates {
			return
		}
		dups = append(dups, r.inManifest(newFinding("manifest/syntax", arg("line", fmt.Sprint(k.Line)), argL("why", map[string]string{
			"ru": "поле «" + k.Value + "» записано второй раз; оставьте одно",
			"kk": "«" + k.Value + "» өрісі екінші рет жазылған; біреуін қалдырыңыз",
			"en": "the field \"" + k.Value + "\" is written twice; keep one",
		})), k.Line, k.Column))
	})
	if len(dups) > 0 {
		r.findings = append(r.findings, dups...)
		return false
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.add(r.inManifest(newFinding("manifest/not-object"), 0, 0))
		return false
	}
	r.man = m
	return true
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// choose finds the service, the edition (given, or in force on the filing
// date) and the kind, and loads the checklist. It returns false, with a
// finding, when the package cannot be checked.
func (r *run) choose() bool {
	service := str(r.man["service"])
	if service == "" {
		r.add(r.at(newFinding("service/missing"), "service"))
		return false
	}
	sv := r.c.idx.Services[service]
	if sv == nil {
		var ns []map[string]string
		for _, id := range r.c.idx.Order {
			ns = append(ns, r.c.idx.Services[id].Name)
		}
		r.add(r.at(newFinding("service/unknown", arg("got", service), argL("list", names(ns))).withDetail("services: "+strings.Join(r.c.idx.Order, ", ")), "service"))
		return false
	}
	if want := r.c.idx.Services[r.opt.Service]; want != nil && r.opt.Service != service {
		r.add(r.at(newFinding("service/other-page", argL("got", sv.Name), argL("want", want.Name)), "service"))
		return false
	}
	r.rep.Service = service
	r.filed = r.opt.Today
	if f := str(r.man["filed"]); f != "" {
		if _, err := time.Parse("2006-01-02", f); err == nil {
			r.filed = f
		}
	}
	r.rep.Filed = r.filed
	var editions []string
	for _, e := range sv.Editions {
		editions = append(editions, e.Edition)
	}
	var ed *contract.IndexEdition
	why := map[string]string{}
	want, from := r.opt.Edition, "flag"
	if want == "" {
		want, from = str(r.man["edition"]), "manifest"
	}
	if want != "" {
		for i := range sv.Editions {
			if sv.Editions[i].Edition == want {
				ed = &sv.Editions[i]
			}
		}
		if ed == nil {
			f := newFinding("edition/unknown", arg("got", want), arg("list", strings.Join(editions, ", ")))
			if from == "manifest" { // a wrong --edition is not the manifest's fault
				f = r.at(f, "edition")
			}
			r.add(f)
			return false
		}
		why = map[string]string{
			"ru": "вы выбрали её сами",
			"kk": "оны өзіңіз таңдадыңыз",
			"en": "you chose it yourself",
		}
		if !inForceOn(ed.InForce, r.filed) && r.filed >= earliestDate { // an impossible date is reported by dates
			f := newFinding("edition/not-in-force", arg("edition", ed.Edition), arg("date", r.filed), argL("current", inForceInstead(sv, r.filed)))
			if r.opt.Historical {
				f = newFinding("edition/historical", arg("edition", ed.Edition), arg("date", r.filed))
			}
			if from == "manifest" {
				f = r.at(f, "edition")
			}
			r.add(f)
		}
	} else {
		for i := len(sv.Editions) - 1; i >= 0; i-- {
			if inForceOn(sv.Editions[i].InForce, r.filed) {
				ed = &sv.Editions[i]
				break
			}
		}
		if ed == nil {
			r.add(newFinding("edition/none", arg("date", r.filed), arg("list", strings.Join(editions, ", "))))
			return false
		}
		why = map[string]string{
			"ru": "в источниках она действовала на дату подачи " + r.filed,
			"kk": "дереккөздер бойынша ол " + r.filed + " берілген күні қолданыста болған",
			"en": "by the sources it was in force on the filing date " + r.filed,
		}
		// Two editions in force that day (one not yet repealed, as the
		// sources date it, when the next began): say so rather than choose
		// silently; the latest is checked, and naming one settles it.
		var other *contract.IndexEdition
		for i := range sv.Editions {
			if &sv.Editions[i] != ed && inForceOn(sv.Editions[i].InForce, r.filed) {
				other = &sv.Editions[i]
			}
		}
		switch {
		case other != nil:
			a, b := other.Edition, ed.Edition
			if a > b {
				a, b = b, a
			}
			r.add(newFinding("edition/overlap", arg("date", r.filed), arg("a", a), arg("b", b), arg("chosen", ed.Edition)))
		case nearBoundary(ed.InForce, r.filed):
			r.add(newFinding("edition/uncertain", arg("date", r.filed)))
		}
	}
	r.rep.Edition = ed.Edition
	r.add(newFinding("edition/chosen", arg("edition", ed.Edition), argL("why", why)))

	kind := str(r.man["kind"])
	var kinds []string
	var kindNames []map[string]string
	for _, k := range ed.Kinds {
		kinds = append(kinds, k.Kind)
		kindNames = append(kindNames, r.kindName(k.Kind))
	}
	kindList := argL("list", names(kindNames))
	kindIDs := "kinds: " + strings.Join(kinds, ", ")
	if ed.Gap != "" {
		r.add(newFinding("edition/not-in-sources", argL("kind", r.kindName(kind)), arg("edition", ed.Edition), argL("why", gapText(ed.Gap))))
		return false
	}
	if kind == "" {
		r.add(r.at(newFinding("kind/missing", kindList).withDetail(kindIDs), "kind"))
		return false
	}
	var k *contract.IndexKind
	for i := range ed.Kinds {
		if ed.Kinds[i].Kind == kind {
			k = &ed.Kinds[i]
		}
	}
	if k == nil {
		r.add(r.at(newFinding("kind/unknown", arg("got", kind), arg("edition", ed.Edition), kindList).withDetail(kindIDs), "kind"))
		return false
	}
	r.rep.Kind = kind
	r.rep.KindName = r.kindName(kind)
	if k.Checklist == "" {
		r.add(newFinding("edition/not-in-sources", argL("kind", r.kindName(kind)), arg("edition", ed.Edition), argL("why", gapText(k.Gap))))
		return false
	}
	cl, err := r.c.comp.get(k.Checklist)
	if err != nil {
		// The checklist is ours, not the applicant's: a fault of the
		// program, to be reported to us, never "your package is unreadable".
		r.add(newFinding("checker/fault").withDetail(k.Checklist + ": " + err.Error()))
		return false
	}
	r.cl = cl
	r.rep.Checklist = k.Checklist
	if cl.meta.Partial != nil {
		r.add(newFinding("checklist/partial", argL("why", gapText(cl.meta.Partial.Gap))).citing(cl.meta.Partial.Cite))
	}
	answers, _ := r.man["answers"].(map[string]any)
	for _, d := range cl.meta.Documents {
		if d.Medium == "object" {
			continue
		}
		r.rep.Items = append(r.rep.Items, Item{ID: d.ID, Name: d.Name, Required: !d.Fetched && !d.IfAny && d.Applies(answers)})
	}
	return true
}

// inForceInstead says which edition was in force on a day, and what to do,
// for an edition named that was not.
func inForceInstead(sv *contract.IndexService, day string) map[string]string {
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		if e := sv.Editions[i].Edition; inForceOn(sv.Editions[i].InForce, day) {
			return map[string]string{
				"ru": "В этот день действовала редакция " + e + ": проверьте пакет по ней, не выбирая редакцию, или исправьте дату подачи.",
				"kk": "Ол күні " + e + " редакциясы қолданыста болды: топтаманы редакцияны таңдамай, сол бойынша тексеріңіз немесе берілген күнді түзетіңіз.",
				"en": "The " + e + " edition was: check the package against it by choosing no edition, or correct the filing date.",
			}
		}
	}
	return map[string]string{
		"ru": "Ни одна редакция из источников в этот день не действовала: исправьте дату подачи.",
		"kk": "Ол күні дереккөздердегі редакциялардың ешқайсысы қолданыста болмаған: берілген күнді түзетіңіз.",
		"en": "No edition in the sources was in force that day: correct the filing date.",
	}
}

func same(s string) map[string]string { return map[string]string{"ru": s, "kk": s, "en": s} }

func (r *run) kindName(k string) map[string]string {
	if n, ok := r.c.idx.Kinds[k]; ok {
		return n
	}
	return same(k)
}

// gapText names why rules are not in the sources.
func gapText(gap string) map[string]string {
	switch gap {
	case "cut-off":
		return map[string]string{"ru": "текст источника обрывается раньше", "kk": "дереккөз мәтіні бұған дейін үзіледі", "en": "the source text is cut off before it"}
	case "elsewhere":
		return map[string]string{"ru": "перечень — в другом акте, которого нет в источниках", "kk": "тізбе дереккөздерде жоқ басқа актіде", "en": "the list is in another act that is not in the sources"}
	case "not-in-act":
		return map[string]string{"ru": "акт называет услугу, но не содержит её текста", "kk": "акт қызметті атайды, бірақ оның мәтіні жоқ", "en": "the act names the service but has no text for it"}
	case "garbled":
		return map[string]string{"ru": "текст источника в этом месте утрачен", "kk": "дереккөз мәтіні бұл жерде жоғалған", "en": "the source text is lost at this place"}
	}
	return map[string]string{"ru": "в акте не указано", "kk": "актіде көрсетілмеген", "en": "the act does not say"}
}

// boundaryDays is how close to an edition's estimated start or end a date
// must be to warn that the edition may be the wrong one: the sources give
// only the earliest dates, and publication usually follows within weeks.
const boundaryDays = 60

func inForceOn(p contract.Period, day string) bool {
	if p.From != "" && day < p.From {
		return false
	}
	if p.To != "" {
		end := p.To
		if !p.ToExact {
			end = addDays(p.To, boundaryDays)
		}
		if day >= end {
			return false
		}
	}
	return true
}

func nearBoundary(p contract.Period, day string) bool {
	for _, b := range []struct {
		d     string
		exact bool
	}{{p.From, p.FromExact}, {p.To, p.ToExact}} {
		if b.d == "" || b.exact {
			continue
		}
		if day >= b.d && day < addDays(b.d, boundaryDays) {
			return true
		}
	}
	return false
}

func addDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// validate checks the manifest against the checklist schema.
func (r *run) validate() {
	man := r.man
	if _, named := man["edition"]; named && r.opt.Edition != "" {
		// --edition overrides the manifest's edition, which the checklist
		// would otherwise refuse as not its own.
		man = make(map[string]any, len(r.man))
		for k, v := range r.man {
			man[k] = v
		}
		man["edition"] = r.rep.Edition
	}
	err := r.cl.schema.Validate(man)
	if err == nil {
		return
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		r.add(newFinding("manifest/invalid", argL("field", r.fieldName(nil))).withDetail(err.Error()))
		return
	}
	seen := map[string]bool{}
	for _, leaf := range schemaerr.Leaves(ve) {
		for _, f := range r.schemaFindings(leaf) {
			key := f.Code + "|" + f.Path + "|" + f.Message["en"]
			if !seen[key] {
				seen[key] = true
				r.add(f)
			}
		}
	}
}
