package checklist_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"ruqsat/checker/contract"
	"ruqsat/internal/gen/checklist"
)

// TestKindChannels: a kind with channels of its own (a 2013 duplicate:
// paper only) carries them, with its own citation, in x-ruqsat, and its
// channel question offers only the answers they allow; the other kinds of
// the edition keep the edition's.
func TestKindChannels(t *testing.T) {
	s, _ := load(t)
	files, err := checklist.Files(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, svc := range []string{"sts-license", "cipf-license", "leak-channels-license"} {
		e := s.Edition(svc, "2013")
		if e == nil {
			t.Fatalf("%s/2013: no edition", svc)
		}
		for _, c := range []struct {
			kind     string
			channels []string
			answers  []string
			own      bool
		}{
			{"duplicate", []string{"in-person", "post"}, []string{"paper"}, true},
			{"renewal", []string{"portal", "in-person", "post"}, []string{"portal", "paper"}, false},
		} {
			name := svc + "-2013-" + c.kind + ".schema.json"
			var doc struct {
				Properties struct {
					Answers struct {
						Properties map[string]struct {
							Enum []string `json:"enum"`
						} `json:"properties"`
					} `json:"answers"`
				} `json:"properties"`
				Meta contract.Meta `json:"x-ruqsat"`
			}
			if err := json.Unmarshal(files[name], &doc); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			ch := doc.Meta.Channels
			if ch == nil {
				t.Fatalf("%s: no channels", name)
			}
			var ids []string
			for _, o := range ch.Options {
				ids = append(ids, o.ID)
			}
			if !reflect.DeepEqual(ids, c.channels) || ch.Own != c.own {
				t.Errorf("%s: channels %v own %v, want %v own %v", name, ids, ch.Own, c.channels, c.own)
			}
			want := e.KindChannels(e.Kind(c.kind)).Cite
			if len(ch.Cite) != len(want) || len(want) == 0 || ch.Cite[0].At != want[0].At {
				t.Errorf("%s: channels cite %+v, want the kind's %+v", name, ch.Cite, want)
			}
			var answers []string
			for _, q := range doc.Meta.Questions {
				if q.ID == "channel" {
					for _, o := range q.Options {
						answers = append(answers, o.ID)
					}
				}
			}
			if q, ok := doc.Properties.Answers.Properties["channel"]; ok && !reflect.DeepEqual(q.Enum, answers) {
				t.Errorf("%s: channel enum %v, question options %v", name, q.Enum, answers)
			}
			if answers != nil && !reflect.DeepEqual(answers, c.answers) {
				t.Errorf("%s: channel question offers %v, want %v", name, answers, c.answers)
			}
		}
	}
}
