package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
	"ruqsat/schemas"
)

// GenerateStatic writes the files served as they are: the rule data export
// (data/rules.json), the JSON Schemas of the rule data (schemas/rules/) and
// an Atom feed of rule changes per language.
func (g *Generator) GenerateStatic(dir string) error {
	// Not emptied first: the checker and checklist steps write beside
	// these files, and the live preview's server must never see them go.
	if err := g.writeExport(filepath.Join(dir, "data", "rules.json")); err != nil {
		return err
	}
	err := fs.WalkDir(schemas.Rules, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(schemas.Rules, p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dir, "schemas", filepath.FromSlash(p)), b)
	})
	if err != nil {
		return err
	}
	for _, l := range rules.Langs {
		b, err := g.feed(l)
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, string(l), "changes", "atom.xml"), b); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes b unless the file already holds it (see syncdir).
func writeFile(path string, b []byte) error {
	if cur, err := os.ReadFile(path); err == nil && bytes.Equal(cur, b) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Export is the machine-readable rule data at /data/rules.json. Each part
// has the shape of its rule file (schemas under /schemas/rules/).
type Export struct {
	Format   string                   `json:"format"`
	Acts     map[string]any           `json:"acts"`
	Services map[string]exportService `json:"services"`
	Vocab    any                      `json:"vocab"`
	Tables   map[string]any           `json:"tables"`
	Changes  any                      `json:"changes"`
}

type exportService struct {
	Service  any            `json:"service"`
	Editions map[string]any `json:"editions"`
}

// ExportFormat names the export's version; bump it when its shape changes.
const ExportFormat = "ruqsat-rules/1"

func (g *Generator) export() Export {
	s := g.Set
	ex := Export{Format: ExportFormat, Acts: map[string]any{}, Services: map[string]exportService{}, Tables: map[string]any{}}
	for id, a := range s.Acts {
		ex.Acts[id] = s.Raw(a.File)
	}
	for _, sv := range s.Services {
		es := exportService{Service: s.Raw(sv.File), Editions: map[string]any{}}
		for _, e := range sv.Editions {
			es.Editions[e.Edition] = s.Raw(e.File)
		}
		ex.Services[sv.ID] = es
	}
	if s.Vocab != nil {
		ex.Vocab = s.Raw(s.Vocab.File)
	}
	if s.MCI != nil {
		ex.Tables["mci"] = s.Raw(s.MCI.File)
	}
	if s.Goods != nil {
		ex.Tables["sts_goods_2008"] = s.Raw(s.Goods.File)
	}
	if s.Glossary != nil {
		ex.Tables["glossary"] = s.Raw(s.Glossary.File)
	}
	if s.Changes != nil {
		ex.Changes = s.Raw(s.Changes.File)
	}
	return ex
}

func (g *Generator) writeExport(path string) error {
	b, err := json.MarshalIndent(g.export(), "", " ")
	if err != nil {
		return err
	}
	return writeFile(path, append(b, '\n'))
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// feed renders the Atom feed of rule changes in one language. Ids are tag
// URIs built from the change ids, so they stay stable whatever the host.
func (g *Generator) feed(l rules.Lang) ([]byte, error) {
	f := atomFeed{
		Lang:    string(l),
		Title:   g.I18n.T(l, "changes_title") + " — " + g.I18n.T(l, "site_name"),
		ID:      "tag:ruqsat.kz,2026:changes/" + string(l),
		Updated: "2026-01-01T00:00:00Z",
		Links:   []atomLink{{Href: "/" + string(l) + "/changes/", Rel: "alternate"}, {Href: "/" + string(l) + "/changes/atom.xml", Rel: "self"}},
		Author:  atomAuthor{Name: g.I18n.T(l, "site_name")},
	}
	if c := g.Set.Changes; c != nil {
		for i, ch := range c.Changes {
			ts := ch.Date + "T00:00:00+05:00"
			if i == 0 || ts > f.Updated {
				f.Updated = ts
			}
			f.Entries = append(f.Entries, atomEntry{
				Title:   fmt.Sprintf("%s: %s", legalfmt.FormatDate(l, ch.Date), firstSentence(ch.String(l))),
				ID:      "tag:ruqsat.kz,2026:change/" + ch.ID,
				Updated: ts,
				Link:    atomLink{Href: "/" + string(l) + "/changes/#change-" + ch.ID},
				Summary: ch.String(l) + " (" + strings.Join(ch.Files, ", ") + ")",
			})
		}
	}
	b, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 && i < 120 {
		return s[:i]
	}
	if len([]rune(s)) > 120 {
		return string([]rune(s)[:117]) + "…"
	}
	return s
}
