// Package schemas embeds the project's JSON Schemas: the hand-written
// schemas of the rule data (rules/) and the generated checklist and package
// manifest schemas (checklists/), so that the CLI and the WebAssembly
// checker carry them without reading the disk.
package schemas

import "embed"

// Rules holds rules/*.schema.json, the schemas of the rule data files.
//
//go:embed rules/*.schema.json
var Rules embed.FS

// Checklists holds checklists/*.json, generated from the rule data by
// internal/gen/checklist: the checklist schema of each service, edition and
// application kind, the manifest envelope, and the index.
//
//go:embed checklists/*.json
var Checklists embed.FS

// BaseURL is the prefix of every schema's $id.
const BaseURL = "https://ruqsat.kz/schemas/"
