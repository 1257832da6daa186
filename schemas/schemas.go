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

// BaseURL is the prefix of every schema's $id as committed and as the
// checker (CLI, library, WebAssembly) knows them. It is under .invalid, a
// top-level domain reserved never to resolve (RFC 6761): an id is a name,
// and nobody — least of all a stranger who registers a look-alike domain —
// can ever answer a request for it. It stays an https URL, not a URN, so
// the schemas' relative $refs ("package.schema.json#/$defs/files") resolve
// against it. The copies published with the site carry the site's own
// address instead (internal/build, --base-url).
const BaseURL = "https://ruqsat.invalid/schemas/"
