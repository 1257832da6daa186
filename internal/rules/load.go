package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"ruqsat/internal/yamlpos"
)

// Dir is the folder of the rule data, and SourcesDir the folder of the
// source acts, both relative to the repository root.
const (
	Dir        = "rules"
	SourcesDir = "sources"
)

// Set is the whole rule data, loaded and cross-indexed.
type Set struct {
	Vocab    *Vocab
	Acts     map[string]*Act
	Services []*Service // by Order
	Editions []*Edition // by service order, then year
	MCI      *MCI
	Goods    *Goods
	Glossary *Glossary
	Changes  *Changes
	Calendar *Calendar
	Portals  *Portals

	// Seeds holds the lines of each seed file named by an act, by file name.
	Seeds map[string][]string
	// Files lists every rule file read, relative to the root.
	Files []string
	// Digest fingerprints the files under rules/ (see Digest).
	Digest string
	// src holds each loaded file's bytes. PosOf and Raw parse a file again
	// when asked, rather than keep every file's YAML tree for the life of
	// the Set: at 100 times today's rules the trees took 780 MB, the bytes
	// 124 MB. Lint asks for positions file after file, so the last file
	// parsed is kept.
	src      map[string][]byte
	lastMu   sync.Mutex
	lastDoc  string
	lastRoot *yaml.Node
}

// doc returns a loaded file's YAML tree, or nil.
func (s *Set) doc(file string) *yaml.Node {
	b, ok := s.src[file]
	if !ok {
		return nil
	}
	s.lastMu.Lock()
	defer s.lastMu.Unlock()
	if s.lastDoc != file || s.lastRoot == nil {
		root, probs := parse(file, b)
		if len(probs) > 0 { // it parsed when it was loaded
			return nil
		}
		s.lastDoc, s.lastRoot = file, root
	}
	return s.lastRoot
}

// Service returns the service with id, or nil.
func (s *Set) Service(id string) *Service {
	for _, sv := range s.Services {
		if sv.ID == id {
			return sv
		}
	}
	return nil
}

// Edition returns the edition "service/year", or nil.
func (s *Set) Edition(service, year string) *Edition {
	if sv := s.Service(service); sv != nil {
		return sv.Edition(year)
	}
	return nil
}

// ActsByDate returns the acts ordered by date, then id.
func (s *Set) ActsByDate() []*Act {
	out := make([]*Act, 0, len(s.Acts))
	for _, a := range s.Acts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// PosOf returns the position of the node at a path in a loaded file, for
// checks that find a problem in a value that has no Pos of its own.
func (s *Set) PosOf(file string, path ...string) Pos {
	if root := s.doc(file); root != nil {
		n := nodeAt(root, path, false)
		return Pos{n.Line, n.Column}
	}
	return Pos{1, 1}
}

// Load reads the rule data under rules/ and the seeds under sources/ from
// fsys (the repository root). It returns the problems that stop the data
// from being read at all — YAML syntax, schema violations, misplaced files —
// each with the file and position; lint then checks what the data means.
// When problems are returned the Set is incomplete and must not be used to
// build anything.
func Load(fsys fs.FS) (*Set, []Problem, error) {
	s := &Set{Acts: map[string]*Act{}, Seeds: map[string][]string{}, src: map[string][]byte{}}
	var probs []Problem
	services := map[string]*Service{}
	var editions []*Edition

	// Find the files, then read them on every core (parsing and schema
	// validation dominate), then merge in path order so results are stable.
	type job struct {
		path, kind string
		src        []byte
		value      any
		probs      []Problem
		err        error
	}
	var jobs []*job
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			if !d.IsDir() && strings.HasSuffix(p, ".yml") {
				probs = append(probs, Problem{File: p, Pos: Pos{1, 1}, Code: "file/extension", Args: []string{p}})
			}
			return nil
		}
		kind := classify(p)
		if kind == "" {
			probs = append(probs, Problem{File: p, Pos: Pos{1, 1}, Code: "file/unknown", Args: []string{p}})
			return nil
		}
		jobs = append(jobs, &job{path: p, kind: kind})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if s.Digest, err = Digest(fsys); err != nil {
		return nil, nil, err
	}
	work := make(chan *job)
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.src, j.value, j.probs, j.err = readFile(fsys, j.path, j.kind)
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	for _, j := range jobs {
		p := j.path
		s.Files = append(s.Files, p)
		if j.err != nil {
			return nil, nil, j.err
		}
		if len(j.probs) > 0 {
			probs = append(probs, j.probs...)
			continue
		}
		s.src[p] = j.src
		switch v := j.value.(type) {
		case *Vocab:
			s.Vocab = v
		case *Act:
			if prev := s.Acts[v.ID]; prev != nil {
				probs = append(probs, Problem{File: p, Pos: s.PosOf(p, "id"), Code: "ref/duplicate-id", Args: []string{v.ID, prev.File}})
				continue
			}
			s.Acts[v.ID] = v
		case *Service:
			services[path.Base(path.Dir(p))] = v
		case *Edition:
			editions = append(editions, v)
		case *MCI:
			s.MCI = v
		case *Goods:
			s.Goods = v
		case *Glossary:
			s.Glossary = v
		case *Changes:
			s.Changes = v
		case *Calendar:
			s.Calendar = v
		case *Portals:
			s.Portals = v
		}
	}
	if s.Vocab == nil && !hasFileProblem(probs, Dir+"/vocab.yaml") {
		probs = append(probs, Problem{File: Dir + "/vocab.yaml", Pos: Pos{1, 1}, Code: "file/missing", Args: []string{Dir + "/vocab.yaml"}})
	}

	for dir, sv := range services {
		s.Services = append(s.Services, sv)
		_ = dir
	}
	sort.Slice(s.Services, func(i, j int) bool {
		if s.Services[i].Order != s.Services[j].Order {
			return s.Services[i].Order < s.Services[j].Order
		}
		return s.Services[i].ID < s.Services[j].ID
	})
	for _, e := range editions {
		dir := path.Base(path.Dir(e.File))
		sv := services[dir]
		if sv == nil {
			// A service.yaml that failed to load has its own problem: one
			// mistake, one message, not one more per edition.
			if svFile := path.Join(path.Dir(e.File), "service.yaml"); !hasFileProblem(probs, svFile) {
				probs = append(probs, Problem{File: e.File, Pos: Pos{1, 1}, Code: "file/no-service", Args: []string{dir, svFile}})
			}
			continue
		}
		sv.Editions = append(sv.Editions, e)
	}
	for _, sv := range s.Services {
		sort.Slice(sv.Editions, func(i, j int) bool { return sv.Editions[i].Edition < sv.Editions[j].Edition })
		s.Editions = append(s.Editions, sv.Editions...)
	}

	for _, a := range s.Acts {
		a.units = map[string]int{}
		for i, u := range a.Outline {
			if _, dup := a.units[u.At]; dup {
				probs = append(probs, Problem{File: a.File, Pos: u.Pos, Code: "ref/duplicate-unit", Args: []string{u.At}})
				continue
			}
			a.units[u.At] = i
		}
		for _, sd := range a.Seeds {
			if _, ok := s.Seeds[sd.File]; ok {
				continue
			}
			b, err := fs.ReadFile(fsys, SourcesDir+"/"+sd.File)
			if err != nil {
				probs = append(probs, Problem{File: a.File, Pos: s.PosOf(a.File, "seeds"), Code: "ref/seed-missing", Args: []string{SourcesDir + "/" + sd.File}})
				continue
			}
			s.Seeds[sd.File] = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		}
	}
	SortProblems(probs)
	return s, probs, nil
}

// readFile parses, validates and decodes one rule file, and returns its
// bytes with the decoded value. Problems in it are returned, not errors:
// err is only for failures to read at all.
func readFile(fsys fs.FS, p, kind string) ([]byte, any, []Problem, error) {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, nil, nil, err
	}
	root, ps := parse(p, b)
	if len(ps) > 0 {
		return nil, nil, ps, nil
	}
	var dups []Problem
	value := toJSON(root, func(k *yaml.Node) {
		dups = append(dups, Problem{File: p, Pos: Pos{k.Line, k.Column}, Code: "yaml/duplicate-key", Args: []string{k.Value}})
	})
	if len(dups) > 0 {
		return nil, nil, dups, nil
	}
	ps, err = validate(p, kind, root, value)
	if err != nil || len(ps) > 0 {
		return nil, nil, ps, err
	}
	v, err := decode(kind, p, root)
	if err != nil {
		return nil, nil, []Problem{{File: p, Pos: Pos{1, 1}, Code: "yaml/decode", Args: []string{err.Error()}}}, nil
	}
	return b, v, nil, nil
}

func hasFileProblem(ps []Problem, file string) bool {
	for _, p := range ps {
		if p.File == file {
			return true
		}
	}
	return false
}

var editionFile = regexp.MustCompile(`^rules/services/[^/]+/[0-9]{4}\.yaml$`)

// classify names the schema of a rule file by its place in the tree.
func classify(p string) string {
	switch {
	case p == Dir+"/vocab.yaml":
		return "vocab"
	case p == Dir+"/changes.yaml":
		return "changes"
	case p == Dir+"/tables/mci.yaml":
		return "mci"
	case p == Dir+"/tables/glossary.yaml":
		return "glossary"
	case p == Dir+"/tables/calendar.yaml":
		return "calendar"
	case p == Dir+"/tables/portals.yaml":
		return "portals"
	case strings.HasPrefix(p, Dir+"/tables/") && strings.Contains(p, "goods"):
		return "goods"
	case strings.HasPrefix(p, Dir+"/acts/") && strings.Count(p, "/") == 2:
		return "act"
	case strings.HasPrefix(p, Dir+"/services/") && strings.HasSuffix(p, "/service.yaml") && strings.Count(p, "/") == 3:
		return "service"
	case editionFile.MatchString(p):
		return "edition"
	}
	return ""
}

// syntaxCodes are the problem codes of the kinds of YAML syntax error.
var syntaxCodes = map[string]string{
	yamlpos.KindEmpty:        "yaml/empty",
	yamlpos.KindTab:          "yaml/tab",
	yamlpos.KindQuote:        "yaml/unclosed-quote",
	yamlpos.KindBracket:      "yaml/unclosed-bracket",
	yamlpos.KindColon:        "yaml/colon",
	yamlpos.KindAfter:        "yaml/after-quote",
	yamlpos.KindAfterBracket: "yaml/after-bracket",
	yamlpos.KindIndent:       "yaml/indent",
	yamlpos.KindNoColon:      "yaml/no-colon",
	yamlpos.KindSpecial:      "yaml/special",
	yamlpos.KindEscape:       "yaml/escape",
	yamlpos.KindDash:         "yaml/dash",
	yamlpos.KindOther:        "yaml/syntax",
}

// parse reads one YAML document, turning syntax errors and text that is not
// UTF-8 into problems placed at the mistake.
func parse(file string, b []byte) (*yaml.Node, []Problem) {
	if line := yamlpos.InvalidUTF8Line(b); line > 0 {
		return nil, []Problem{{File: file, Pos: Pos{line, 1}, Code: "yaml/utf8"}}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&root); err != nil {
		sx := yamlpos.Locate(b, err)
		p := Problem{File: file, Pos: Pos{sx.Line, sx.Col}, Code: syntaxCodes[sx.Kind]}
		switch sx.Kind {
		case yamlpos.KindQuote, yamlpos.KindAfterBracket:
			p.Args = []string{sx.Arg}
		case yamlpos.KindBracket:
			p.Args = []string{sx.Arg, sx.Close}
		case yamlpos.KindColon:
			ex := sx.Example
			if ex == "" {
				ex = `key: "text: more text"`
			}
			p.Args = []string{ex}
		case yamlpos.KindIndent:
			p.Args = []string{strconv.Itoa(sx.Col), sx.Arg}
		case yamlpos.KindSpecial:
			ex := sx.Example
			if ex == "" {
				ex = `"` + sx.Arg + ` …"`
			}
			p.Args = []string{sx.Arg, ex}
		case yamlpos.KindOther:
			p.Args = []string{sx.Parser}
		}
		return nil, []Problem{p}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, []Problem{{File: file, Pos: Pos{extra.Line, extra.Column}, Code: "yaml/many-documents"}}
	}
	return &root, nil
}

// decode fills the typed model from a file that passed its schema.
func decode(kind, file string, root *yaml.Node) (any, error) {
	var v any
	switch kind {
	case "vocab":
		v = &Vocab{File: file}
	case "changes":
		v = &Changes{File: file}
	case "mci":
		v = &MCI{File: file}
	case "glossary":
		v = &Glossary{File: file}
	case "calendar":
		v = &Calendar{File: file}
	case "portals":
		v = &Portals{File: file}
	case "goods":
		v = &Goods{File: file}
	case "act":
		v = &Act{File: file}
	case "service":
		v = &Service{File: file}
	case "edition":
		v = &Edition{File: file}
	default:
		return nil, fmt.Errorf("no model for %s", kind)
	}
	if err := root.Decode(v); err != nil {
		return nil, err
	}
	attach(reflect.ValueOf(v), root)
	return v, nil
}

// Raw returns a loaded file's data as JSON-ready values (maps, slices,
// strings, numbers), with the same keys as the YAML: the form the rule
// data is exported in.
func (s *Set) Raw(file string) any {
	root := s.doc(file)
	if root == nil {
		return nil
	}
	return toJSON(root, func(*yaml.Node) {})
}
