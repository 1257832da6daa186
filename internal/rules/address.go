package rules

import "strings"

// Where a citation leads. The site, the checklists (and so the checker's
// reports) and the deadline calculator all link a cited unit the same way,
// so that the address is decided here once.

// UnitAnchor is the id of an outline unit on its act's pages: the row of
// the outline table on the act's page and the unit's words on its text.
func UnitAnchor(at string) string { return "u-" + strings.ReplaceAll(at, "/", "-") }

// TextPath is the path (under a language's root, without a leading
// slash) of the act's text in seed language seed.
func (a *Act) TextPath(seed Lang) string { return "acts/" + a.ID + "/text/" + string(seed) + "/" }

// TextLang is the language of the text a reader of language l is sent to
// for unit at: l when the act's text in l has the unit, else the first of
// the act's texts that has it. ok is false when no text has the unit (an
// act known only from mentions, or a unit not in the outline).
func (a *Act) TextLang(l Lang, at string) (seed Lang, ok bool) {
	u := a.Unit(at)
	has := func(sd Seed) bool {
		if u == nil {
			return at == "" // the act as a whole: any text
		}
		_, in := u.Lines[sd.Lang]
		return in
	}
	for _, sd := range a.Seeds {
		if sd.Lang == l && has(sd) {
			return sd.Lang, true
		}
	}
	for _, sd := range a.Seeds {
		if has(sd) {
			return sd.Lang, true
		}
	}
	return "", false
}

// CitePath is where a reader of language l reads unit at of the act: the
// unit's words in the act's text, highlighted by its anchor; the act's
// page when no text has the unit.
func (a *Act) CitePath(l Lang, at string) string {
	seed, ok := a.TextLang(l, at)
	if !ok {
		p := "acts/" + a.ID + "/"
		if at != "" {
			p += "#" + UnitAnchor(at)
		}
		return p
	}
	p := a.TextPath(seed)
	if at != "" {
		p += "#" + UnitAnchor(at)
	}
	return p
}
