package reports

import (
	"cordon/experiment"
)

// PlanDocument is the plan document: what `cordon plan --json` prints and
// plan.json in the plan's report folder holds.
type PlanDocument struct {
	SchemaVersion int     `json:"schema_version"`
	Scenario      string  `json:"scenario"`
	Planned       string  `json:"planned_scenario"`
	Confidence    float64 `json:"confidence"`
	// Feasible says every target is met with confidence at the
	// confirmation.
	Feasible  bool   `json:"feasible"`
	AllowCuts bool   `json:"allow_cuts"`
	Cost      Number `json:"cost"`
	InputCost Number `json:"input_cost"`
	// Evaluations counts the scenarios evaluated, Replications every
	// replication run.
	Evaluations  int     `json:"evaluations"`
	Replications int     `json:"replications_run"`
	Search       PlanRun `json:"search"`
	// Confirmation is null when no confirmation ran.
	Confirmation *PlanRun     `json:"confirmation"`
	Targets      []PlanTarget `json:"targets"`
	LeftOut      []string     `json:"left_out"`
	Changes      []PlanChange `json:"changes"`
	SideEffects  []SideEffect `json:"side_effects"`
	Bounds       []PlanBound  `json:"bounds"`
	UnderFloors  []string     `json:"under_floors"`
}

// PlanRun is the seed and replications of a part of the search.
type PlanRun struct {
	Seed         uint64 `json:"seed"`
	Replications int    `json:"replications"`
}

// PlanTarget is one target of a plan, checked at the confirmation.
type PlanTarget struct {
	Target    string `json:"target"`
	KPI       string `json:"kpi"`
	Op        string `json:"op"`
	Value     Number `json:"value"`
	Unit      string `json:"unit"`
	Source    string `json:"source"`
	Mean      Number `json:"mean"`
	CILow     Number `json:"ci_low"`
	CIHigh    Number `json:"ci_high"`
	Met       bool   `json:"met"`
	Confident bool   `json:"met_with_confidence"`
}

// PlanChange is one knob the plan changes: from and to as --set and a
// scenario file take them ("6", "20m", "07:30"), and what the change alone
// costs.
type PlanChange struct {
	Path     string `json:"path"`
	Knob     string `json:"knob"`
	Resource string `json:"kind"` // Knob.Resource; the document keeps the name "kind" its readers know
	From     string `json:"from"`
	To       string `json:"to"`
	Cost     Number `json:"cost"`
}

// SideEffect is a KPI the plan makes significantly worse than the input:
// both means and the paired difference (plan minus input) with its
// interval.
type SideEffect struct {
	KPI        string `json:"kpi"`
	Unit       string `json:"unit"`
	Better     string `json:"better"`
	Base       Number `json:"base"`
	Plan       Number `json:"plan"`
	Difference Number `json:"difference"`
	CILow      Number `json:"ci_low"`
	CIHigh     Number `json:"ci_high"`
}

// PlanBound is a target no plan met, and its KPI with every staff and
// equipment capacity multiplied by factor: met says whether even that
// meets it.
type PlanBound struct {
	Target string `json:"target"`
	KPI    string `json:"kpi"`
	Factor int    `json:"factor"`
	Mean   Number `json:"mean"`
	CILow  Number `json:"ci_low"`
	CIHigh Number `json:"ci_high"`
	Met    bool   `json:"met"`
}

// NewPlanDocument builds the plan document.
func NewPlanDocument(p *experiment.Plan) *PlanDocument {
	d := &PlanDocument{SchemaVersion: SchemaVersion, Scenario: p.Input.Name, Planned: p.Planned.Name, Confidence: experiment.Level,
		Feasible: p.Feasible, AllowCuts: p.AllowCuts, Cost: Number(p.Cost), InputCost: Number(p.InputCost),
		Evaluations: p.Evaluations, Replications: p.Replications,
		Search:  PlanRun{Seed: p.SearchSeed, Replications: p.SearchReplications},
		Targets: []PlanTarget{}, LeftOut: []string{}, Changes: []PlanChange{}, SideEffects: []SideEffect{},
		Bounds: []PlanBound{}, UnderFloors: []string{}}
	if p.Confirmed {
		d.Confirmation = &PlanRun{Seed: p.ConfirmSeed, Replications: p.ConfirmReplications}
	}
	for i, t := range p.Targets {
		d.Targets = append(d.Targets, PlanTarget{Target: t.Text, KPI: t.KPI.Name, Op: t.Op, Value: Number(t.Value), Unit: t.KPI.Unit,
			Source: p.Constraints[i].Source, Mean: Number(t.KPI.Mean), CILow: Number(t.KPI.Low), CIHigh: Number(t.KPI.High),
			Met: t.Met, Confident: t.Confident})
	}
	for _, t := range p.LeftOut {
		d.LeftOut = append(d.LeftOut, t.Text)
	}
	for _, s := range p.Settings {
		d.Changes = append(d.Changes, PlanChange{Path: s.Knob.Path, Knob: s.Knob.Name, Resource: s.Knob.Resource,
			From: s.Knob.Text(s.From), To: s.Knob.Text(s.To), Cost: Number(p.ChangeCost(s))})
	}
	for _, e := range p.SideEffects {
		d.SideEffects = append(d.SideEffects, SideEffect{KPI: e.Name, Unit: e.Unit, Better: e.Better, Base: Number(e.Base), Plan: Number(e.Plan),
			Difference: Number(e.Difference.Mean), CILow: Number(e.Difference.Low), CIHigh: Number(e.Difference.High)})
	}
	for _, b := range p.Bounds {
		d.Bounds = append(d.Bounds, PlanBound{Target: b.Text, KPI: b.KPI.Name, Factor: b.Factor, Mean: Number(b.KPI.Mean),
			CILow: Number(b.KPI.Low), CIHigh: Number(b.KPI.High), Met: b.Met})
	}
	for _, s := range p.UnderFloors {
		d.UnderFloors = append(d.UnderFloors, s.String())
	}
	return d
}

// JSON writes the document indented, with a final newline.
func (d *PlanDocument) JSON() ([]byte, error) { return indentJSON(d) }
