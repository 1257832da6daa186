package site

import (
	"ruqsat/internal/coverage"
	"ruqsat/internal/rules"
)

// task is one line of the home page: what a reader wants to do.
type task struct {
	Text    rules.Texts
	Service *rules.Service
}

type homeData struct {
	Tasks    []task
	Services []*rules.Service
	Acts     int
	Editions int
}

func (g *Generator) homeData(l rules.Lang) homeData {
	d := homeData{Services: g.Set.Services, Acts: len(g.Set.Acts), Editions: len(g.Set.Editions)}
	for _, sv := range g.Set.Services {
		for _, t := range sv.Tasks {
			d.Tasks = append(d.Tasks, task{t, sv})
		}
	}
	return d
}

// editionView is an edition with what templates need around it.
type editionView struct {
	*rules.Edition
	Service  *rules.Service
	Act      *rules.Act
	Status   string // in-force, repealed, unknown
	Coverage *coverage.Cell
	// Newer is the newest edition of the same service, when this is not it.
	Newer *rules.Edition
}

func (g *Generator) view(e *rules.Edition) editionView {
	sv := g.Set.Service(e.Service)
	v := editionView{Edition: e, Service: sv, Act: g.Set.Acts[e.Act], Coverage: coverage.Of(e)}
	if v.Act != nil {
		v.Status = v.Act.Status
	}
	if last := sv.Editions[len(sv.Editions)-1]; last != e {
		v.Newer = last
	}
	return v
}

type serviceData struct {
	Service *rules.Service
	// Current is the newest edition; Full is the newest edition whose
	// procedure (application kinds) the sources give, which may be older.
	Current, Full *editionView
	Editions      []editionView // newest first
}

func (g *Generator) serviceData(l rules.Lang, sv *rules.Service) serviceData {
	d := serviceData{Service: sv}
	for i := len(sv.Editions) - 1; i >= 0; i-- {
		v := g.view(sv.Editions[i])
		d.Editions = append(d.Editions, v)
		if d.Current == nil {
			vv := v
			d.Current = &vv
		}
		if d.Full == nil && v.Kinds.Known() {
			vv := v
			d.Full = &vv
		}
	}
	return d
}

func (g *Generator) editionData(l rules.Lang, e *rules.Edition) editionView { return g.view(e) }

type actsData struct {
	Acts []*actView
}

type actView struct {
	*rules.Act
	Editions   []*rules.Edition
	AmendedBy  []*rules.Act
	Repeals    []*rules.Act
	AmendsActs []*rules.Act
}

func (g *Generator) actView(a *rules.Act) *actView {
	v := &actView{Act: a}
	for _, e := range g.Set.Editions {
		if e.Act == a.ID {
			v.Editions = append(v.Editions, e)
		}
	}
	for _, o := range g.Set.ActsByDate() {
		for _, id := range o.Amends {
			if id == a.ID {
				v.AmendedBy = append(v.AmendedBy, o)
			}
		}
		if o.RepealedBy != nil && o.RepealedBy.Act == a.ID {
			v.Repeals = append(v.Repeals, o)
		}
	}
	for _, id := range a.Amends {
		if o := g.Set.Acts[id]; o != nil {
			v.AmendsActs = append(v.AmendsActs, o)
		}
	}
	return v
}

func (g *Generator) actsData(l rules.Lang) actsData {
	var d actsData
	for _, a := range g.Set.ActsByDate() {
		d.Acts = append(d.Acts, g.actView(a))
	}
	return d
}

func (g *Generator) actData(l rules.Lang, a *rules.Act) *actView { return g.actView(a) }

type coverageData struct {
	M         *coverage.Matrix
	Facts     []string
	Conflicts []conflictView
	Acts      []*rules.Act
}

type conflictView struct {
	rules.Conflict
	File    string
	Edition *rules.Edition
	Act     *rules.Act
}

func (g *Generator) coverageData(l rules.Lang) coverageData {
	d := coverageData{M: g.cov, Facts: coverage.Facts}
	for _, a := range g.Set.ActsByDate() {
		if a.InSources() {
			d.Acts = append(d.Acts, a)
		}
		for _, c := range a.Conflicts {
			d.Conflicts = append(d.Conflicts, conflictView{Conflict: c, File: a.File, Act: a})
		}
	}
	for _, e := range g.Set.Editions {
		for _, c := range e.Conflicts {
			d.Conflicts = append(d.Conflicts, conflictView{Conflict: c, File: e.File, Edition: e, Act: g.Set.Acts[e.Act]})
		}
	}
	return d
}

type tablesData struct {
	MCI     *rules.MCI
	Goods   *rules.Goods
	Current int
	CurFrom string
}

func (g *Generator) tablesData(l rules.Lang) tablesData {
	kzt, from := CurrentMCI(g.Set.MCI, g.Today)
	return tablesData{MCI: g.Set.MCI, Goods: g.Set.Goods, Current: kzt, CurFrom: from}
}
