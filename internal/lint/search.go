package lint

import (
	"strconv"

	"ruqsat/internal/kkstem"
	"ruqsat/internal/rules"
)

// checkSearch checks the glossary's search forms (the other ways readers
// type a term, which the site search expands into the term's names): a
// form must add something, so it may not be the term's own name or
// abbreviation, and it must lead to one term only, so it may not be a
// name, abbreviation or form of another term in any language. Forms are
// compared as the search compares them: lower case, ё as е and the Kazakh
// letters folded (kkstem.Fold), so «ЭЦҚ» and «эцк» are one form.
func checkSearch(s *rules.Set, r *Reporter) {
	g := s.Glossary
	if g == nil {
		return
	}
	// owner maps a folded name, abbreviation or form to the term it names.
	owner := map[string]string{}
	claim := func(form, id string) {
		if _, ok := owner[form]; !ok {
			owner[form] = id
		}
	}
	for _, t := range g.Terms {
		for _, l := range rules.Langs {
			if lt := t.Get(l); lt != nil && lt.Text != "" {
				claim(kkstem.Fold(lt.Text), t.ID)
			}
			if a := t.Abbr[l]; a != "" {
				claim(kkstem.Fold(a), t.ID)
			}
		}
	}
	for i, t := range g.Terms {
		for _, l := range rules.Langs {
			for j, form := range t.Search[l] {
				f := kkstem.Fold(form)
				pos := s.PosOf(g.File, "terms", strconv.Itoa(i), "search", string(l), strconv.Itoa(j))
				if id, ok := owner[f]; ok {
					if id == t.ID {
						r.Add(g.File, pos, "search/own-name", form, t.ID)
					} else {
						r.Add(g.File, pos, "search/ambiguous", form, t.ID, id)
					}
					continue
				}
				owner[f] = t.ID
			}
		}
	}
}

// The search check joins the list of checks, and its messages the
// catalogue, when the package starts.
func init() {
	Checks = append(Checks, Check{"search", checkSearch})
	for code, m := range searchMessages {
		messages[code] = m
	}
}

var searchMessages = map[string]message{
	"search/own-name": {
		tr("форма поиска «{1}» термина {2} совпадает с его названием или сокращением: поиск и так его находит",
			"{2} терминінің «{1}» іздеу нысаны оның атауымен немесе қысқартуымен бірдей: іздеу оны онсыз да табады",
			"search form \"{1}\" of term {2} is its own name or abbreviation, which the search finds anyway"),
		tr("удалите форму из search", "нысанды search тізімінен алып тастаңыз", "remove the form from search")},
	"search/ambiguous": {
		tr("форма поиска «{1}» термина {2} уже называет термин {3}: поиск не поймёт, какой из них имеется в виду",
			"{2} терминінің «{1}» іздеу нысаны {3} терминін де атайды: іздеу қайсысы екенін түсінбейді",
			"search form \"{1}\" of term {2} already names term {3}, so the search cannot tell which is meant"),
		tr("оставьте форму у одного термина", "нысанды бір терминде ғана қалдырыңыз", "keep the form under one term only")},
}
