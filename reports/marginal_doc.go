package reports

import (
	"cordon/experiment"
)

// Bottlenecks is the bottlenecks document: what `cordon bottlenecks --json`
// prints and bottlenecks.json holds. Knobs are in rank order; gains are
// improvements (positive is better by the KPI's direction) with paired 95%
// intervals.
type Bottlenecks struct {
	SchemaVersion int    `json:"schema_version"`
	Scenario      string `json:"scenario"`
	Seed          uint64 `json:"seed"`
	Replications  int    `json:"replications"`
	// ScreenReplications is what each zero-cost step was first run with,
	// both ways (0: every step was run with all the replications).
	ScreenReplications int               `json:"screen_replications"`
	Confidence         float64           `json:"confidence"`
	Evaluations        int               `json:"evaluations"`
	KPIs               []BottleneckKPI   `json:"kpis"`
	Knobs              []KnobEntry       `json:"knobs"`
	Findings           []FindingEntry    `json:"findings"`
	Utilisation        []PostUtilisation `json:"utilisation"`
	// Posts are the base run's bottleneck ranking and PostsByDay each
	// day's, as results.json has them (bottlenecks, bottlenecks_by_day).
	Posts      []Bottleneck     `json:"posts"`
	PostsByDay []DayBottlenecks `json:"posts_by_day,omitempty"`
	Hourly     []HourEntry      `json:"hourly"`
}

// BottleneckKPI is a KPI the gains are on, with its value in the base run.
type BottleneckKPI struct {
	Name   string   `json:"name"`
	Unit   string   `json:"unit"`
	Better string   `json:"better,omitempty"`
	Base   Estimate `json:"base"`
}

// KnobEntry is one knob's step and what it buys: for a knob a plan buys,
// one more step; for a zero-cost knob, the better of a step either way,
// with the other way beside it.
type KnobEntry struct {
	Rank         int         `json:"rank"`
	Knob         string      `json:"knob"`
	Path         string      `json:"path"`
	Resource     string      `json:"kind"` // Knob.Resource; the document keeps the name "kind" its readers know
	Arranges     string      `json:"arranges,omitempty"`
	From         string      `json:"from"`
	To           string      `json:"to"`
	Step         int         `json:"step"`
	Cost         Number      `json:"cost"`
	Replications int         `json:"replications"`
	Utilisation  Number      `json:"utilisation"`
	Score        Number      `json:"score"`
	Gains        []GainEntry `json:"gains"`
	OtherWay     *OtherWay   `json:"other_way,omitempty"`
}

// OtherWay is a zero-cost knob's step the other way.
type OtherWay struct {
	To           string      `json:"to"`
	Step         int         `json:"step"`
	Replications int         `json:"replications"`
	Gains        []GainEntry `json:"gains"`
}

// GainEntry is a step's gain on one KPI.
type GainEntry struct {
	KPI         string `json:"kpi"`
	Gain        Number `json:"gain"`
	CILow       Number `json:"ci_low"`
	CIHigh      Number `json:"ci_high"`
	Significant bool   `json:"significant"`
}

// FindingEntry is what moves one KPI: the best unit bought, the best
// zero-cost step, which of them buys more (lever), and when no unit
// bought improves it, what sets it, with the trials' evidence.
type FindingEntry struct {
	KPI          string       `json:"kpi"`
	SetBy        string       `json:"set_by"`
	Lever        string       `json:"lever,omitempty"`
	BestUnit     *StepRef     `json:"best_unit"`
	BestZeroCost *StepRef     `json:"best_zero_cost"`
	Trials       []TrialEntry `json:"trials,omitempty"`
}

// StepRef is one step and its gain on a finding's KPI.
type StepRef struct {
	Knob         string `json:"knob"`
	Path         string `json:"path"`
	From         string `json:"from"`
	To           string `json:"to"`
	Cost         Number `json:"cost"`
	Replications int    `json:"replications"`
	Gain         Number `json:"gain"`
	CILow        Number `json:"ci_low"`
	CIHigh       Number `json:"ci_high"`
	// SideEffects are the chosen KPIs the step makes significantly worse.
	SideEffects []GainEntry `json:"side_effects"`
}

// TrialEntry is a trial (fixed delays or the arrivals halved) and its gain
// on a finding's KPI.
type TrialEntry struct {
	Change      string `json:"change"`
	Gain        Number `json:"gain"`
	CILow       Number `json:"ci_low"`
	CIHigh      Number `json:"ci_high"`
	Significant bool   `json:"significant"`
}

// PostUtilisation is one post's utilisation in the base run.
type PostUtilisation struct {
	Post        string   `json:"post"`
	Class       string   `json:"kind"` // PostResult.Class; the document keeps the name "kind" its readers know
	Utilisation Estimate `json:"utilisation"`
}

// HourEntry is the post limiting work in one hour.
type HourEntry struct {
	Hour        float64 `json:"hour"`
	Post        string  `json:"post"`
	Utilisation Number  `json:"utilisation"`
	Waiting     Number  `json:"waiting"`
}

// NewBottlenecks builds the bottlenecks document of a marginal analysis.
func NewBottlenecks(m *experiment.Marginal) *Bottlenecks {
	b := m.Base
	doc := &Bottlenecks{SchemaVersion: SchemaVersion, Scenario: b.Scenario.Name, Seed: b.Seed, Replications: b.Replications,
		ScreenReplications: m.Screen, Confidence: experiment.Level, Evaluations: m.Evaluations,
		KPIs: []BottleneckKPI{}, Knobs: []KnobEntry{}, Findings: []FindingEntry{}, Utilisation: []PostUtilisation{}, Hourly: []HourEntry{}}
	for _, k := range m.KPIs {
		r, _ := b.KPI(k.Name)
		doc.KPIs = append(doc.KPIs, BottleneckKPI{Name: k.Name, Unit: k.Unit, Better: k.Better, Base: estimate(r.Summary)})
	}
	for i, k := range m.Knobs {
		e := KnobEntry{Rank: i + 1, Knob: k.Knob.Name, Path: k.Knob.Path, Resource: k.Knob.Resource, Arranges: k.Knob.Arranges,
			From: k.Knob.Text(k.From), To: k.Knob.Text(k.To), Step: k.To - k.From, Cost: Number(k.Knob.UnitCost),
			Replications: k.Replications, Utilisation: Number(k.Utilisation), Score: Number(k.Score), Gains: gainEntries(k.Gains)}
		if o := k.Other; o != nil {
			e.OtherWay = &OtherWay{To: o.Knob.Text(o.To), Step: o.To - o.From, Replications: o.Replications, Gains: gainEntries(o.Gains)}
		}
		doc.Knobs = append(doc.Knobs, e)
	}
	for _, f := range m.Findings {
		e := FindingEntry{KPI: f.KPI.Name, SetBy: f.SetBy, BestUnit: stepRef(f, f.Post), BestZeroCost: stepRef(f, f.Free)}
		if l := f.Lever(); l != nil {
			e.Lever = l.Knob.Path
		}
		for _, t := range f.Trials {
			e.Trials = append(e.Trials, TrialEntry{Change: t.Change, Gain: Number(t.Gain.Mean), CILow: Number(t.Gain.Low), CIHigh: Number(t.Gain.High),
				Significant: t.Gain.Significant()})
		}
		doc.Findings = append(doc.Findings, e)
	}
	for _, p := range b.Bottlenecks {
		doc.Utilisation = append(doc.Utilisation, PostUtilisation{Post: p.Post, Class: p.Class, Utilisation: estimate(p.Utilisation)})
	}
	doc.Posts, doc.PostsByDay = bottleneckEntries(b)
	for _, h := range m.Hourly {
		doc.Hourly = append(doc.Hourly, HourEntry{Hour: h.Hour, Post: h.Post, Utilisation: Number(h.Utilisation), Waiting: Number(h.Queue)})
	}
	return doc
}

// gainEntries are the gains of a step.
func gainEntries(gains []experiment.Gain) []GainEntry {
	out := []GainEntry{}
	for _, g := range gains {
		out = append(out, GainEntry{KPI: g.KPI.Name, Gain: Number(g.Mean), CILow: Number(g.Low), CIHigh: Number(g.High), Significant: g.Significant()})
	}
	return out
}

// stepRef is a finding's step, nil for none.
func stepRef(f experiment.Finding, k *experiment.KnobGain) *StepRef {
	if k == nil {
		return nil
	}
	g := f.GainOf(k)
	return &StepRef{Knob: k.Knob.Name, Path: k.Knob.Path, From: k.Knob.Text(k.From), To: k.Knob.Text(k.To), Cost: Number(k.Knob.UnitCost),
		Replications: k.Replications, Gain: Number(g.Mean), CILow: Number(g.Low), CIHigh: Number(g.High),
		SideEffects: gainEntries(experiment.SideEffects(k))}
}

// JSON writes the document indented, with a final newline.
func (d *Bottlenecks) JSON() ([]byte, error) { return indentJSON(d) }
