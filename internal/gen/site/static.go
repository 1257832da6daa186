package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"ruqsat/schemas"
)

// GenerateStatic writes the files served as they are: the rule data export
// (data/rules.json) and the JSON Schemas of the rule data (schemas/rules/).
// (The Atom feed of rule changes is the changes page's second output
// format: layouts/changes.atom.xml.)
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
	return err
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
	if s.Portals != nil {
		ex.Tables["portals"] = s.Raw(s.Portals.File)
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

// firstSentence is a change's headline in the feed.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 && i < 120 {
		return s[:i]
	}
	if len([]rune(s)) > 120 {
		return string([]rune(s)[:117]) + "…"
	}
	return s
}
