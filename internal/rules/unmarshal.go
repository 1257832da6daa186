package rules

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// The rule files allow a few shorthands (a plain string for our own wording,
// one citation without a list, a single line number) and unions (a fact or
// the gap that replaces it). The JSON Schema has already accepted the shape
// when these run, so they only pick the branch.

// UnmarshalYAML reads a plain string as this project's wording, or
// {text, src}.
func (t *LangText) UnmarshalYAML(n *yaml.Node) error {
	t.Pos = Pos{n.Line, n.Column}
	if n.Kind == yaml.ScalarNode {
		t.Text = n.Value
		return nil
	}
	var v struct {
		Text string `yaml:"text"`
		Src  string `yaml:"src"`
	}
	if err := n.Decode(&v); err != nil {
		return err
	}
	t.Text, t.Official = v.Text, v.Src == "official"
	return nil
}

// UnmarshalYAML reads a line number or a [first, last] pair.
func (s *Span) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		i, err := strconv.Atoi(n.Value)
		if err != nil {
			return fmt.Errorf("line %q is not a number", n.Value)
		}
		s.First, s.Last = i, i
		return nil
	case yaml.SequenceNode:
		var v []int
		if err := n.Decode(&v); err != nil {
			return err
		}
		if len(v) != 2 {
			return fmt.Errorf("a line range has two numbers, not %d", len(v))
		}
		s.First, s.Last = v[0], v[1]
		return nil
	}
	return fmt.Errorf("a line range is a number or [first, last]")
}

// UnmarshalYAML reads one range or a range per language.
func (l *Lines) UnmarshalYAML(n *yaml.Node) error {
	l.Pos = Pos{n.Line, n.Column}
	if n.Kind == yaml.MappingNode {
		return n.Decode(&l.ByLang)
	}
	l.Single = new(Span)
	return n.Decode(l.Single)
}

// UnmarshalYAML reads one citation or a list of them.
func (c *Cites) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		var one Cite
		if err := n.Decode(&one); err != nil {
			return err
		}
		*c = Cites{one}
		return nil
	}
	var many []Cite
	if err := n.Decode(&many); err != nil {
		return err
	}
	*c = many
	return nil
}

// UnmarshalYAML reads the list's items, or the gap that replaces them.
func (l *List[T]) UnmarshalYAML(n *yaml.Node) error {
	l.Pos = Pos{n.Line, n.Column}
	if n.Kind == yaml.SequenceNode {
		return n.Decode(&l.Items)
	}
	return decodeGap(n, &l.Gap)
}

// UnmarshalYAML reads a date, or the gap that replaces it.
func (d *DateFact) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		d.Value = n.Value
		return nil
	}
	return decodeGap(n, &d.Gap)
}

// decodeGap reads a gap with the citation beside it. (Not Gap's own
// UnmarshalYAML: the facts that embed a Gap would inherit the method and
// decode as nothing but their gap.)
func decodeGap(n *yaml.Node, g *Gap) error {
	if err := n.Decode(g); err != nil {
		return err
	}
	var c struct {
		Cite Cites `yaml:"cite"`
	}
	if err := n.Decode(&c); err != nil {
		return err
	}
	g.GapCite = c.Cite
	return nil
}

// UnmarshalYAML reads the gap of a list given in part.
func (r *Rest) UnmarshalYAML(n *yaml.Node) error { return decodeGap(n, &r.Gap) }

// isGap reports whether a mapping is a gap ({unknown: …} or {applies: false}).
func isGap(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k == "unknown" || k == "applies" {
			return true
		}
	}
	return false
}

// union decodes n into gap when it is a gap, else into value.
func union(n *yaml.Node, gap *Gap, value any) error {
	if isGap(n) {
		return decodeGap(n, gap)
	}
	return n.Decode(value)
}

// UnmarshalYAML reads a cited text or a gap.
func (f *TextFact) UnmarshalYAML(n *yaml.Node) error {
	type plain TextFact
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a cited id list or a gap.
func (f *IDs) UnmarshalYAML(n *yaml.Node) error {
	type plain IDs
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a cited id or a gap.
func (f *IDFact) UnmarshalYAML(n *yaml.Node) error {
	type plain IDFact
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a term or a gap.
func (f *Term) UnmarshalYAML(n *yaml.Node) error {
	type plain Term
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a fee or a gap.
func (f *Fee) UnmarshalYAML(n *yaml.Node) error {
	type plain Fee
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads renewal rules or a gap.
func (f *Renewal) UnmarshalYAML(n *yaml.Node) error {
	type plain Renewal
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads qualification checks or a gap.
func (f *Qualification) UnmarshalYAML(n *yaml.Node) error {
	type plain Qualification
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a qualification test or a gap.
func (f *QualTest) UnmarshalYAML(n *yaml.Node) error {
	type plain QualTest
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads an experience requirement or a gap.
func (f *Experience) UnmarshalYAML(n *yaml.Node) error {
	type plain Experience
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads contacts or a gap.
func (f *Contacts) UnmarshalYAML(n *yaml.Node) error {
	type plain Contacts
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a registration or a gap.
func (f *Registration) UnmarshalYAML(n *yaml.Node) error {
	type plain Registration
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads a repeal or a gap.
func (f *Repeal) UnmarshalYAML(n *yaml.Node) error {
	type plain Repeal
	return union(n, &f.Gap, (*plain)(f))
}

// UnmarshalYAML reads an entry-into-force rule or a gap.
func (f *InForce) UnmarshalYAML(n *yaml.Node) error {
	type plain InForce
	return union(n, &f.Gap, (*plain)(f))
}
