package serve

import "cordon/reports"

// runRecord is run.json: what was run and the figures its page leads
// with. Texts are the engine's (KPI labels, scenario names); the page's
// own words come from the catalogue.
type runRecord struct {
	ID           string        `json:"id"`
	Kind         string        `json:"kind"`
	Title        string        `json:"title"`   // the (first) scenario's name; the pages say the kind of work
	Created      string        `json:"created"` // RFC 3339, the server's clock
	Scenarios    []scenarioRef `json:"scenarios"`
	Seed         uint64        `json:"seed"`
	Replications int           `json:"replications"`
	// Report is the report's first page, relative to the run folder.
	Report string `json:"report"`
	// Files are the report's documents worth offering for download.
	Files []string `json:"files"`

	KPIs    []kpiCell    `json:"kpis,omitempty"`    // run, replay: the headline KPIs
	Targets []targetCell `json:"targets,omitempty"` // run, plan
	// Differences are a comparison's verdicts, the ones that matter first.
	Differences []diffCell `json:"differences,omitempty"`
	// Side is a comparison's headline KPIs side by side, by scenario.
	Side *sideBySide `json:"side,omitempty"`
	Plan *planCell   `json:"plan,omitempty"`
	// Observed are a replay's observed figures beside the replay's, and
	// Helped what would have helped on the day, best first (HelpedAsked:
	// it was asked for).
	Observed    []besideCell `json:"observed,omitempty"`
	Helped      []helpedCell `json:"helped,omitempty"`
	HelpedAsked bool         `json:"helped_asked,omitempty"`
	// Notes are lines the engine wrote about the run: unstable posts, a
	// replay's skipped rows.
	Notes []string `json:"notes,omitempty"`
}

// scenarioRef is one scenario of a run: its name, where it came from
// (a source reference, see source.go), the changes made to it, and its
// file in inputs/ as run.
type scenarioRef struct {
	Name      string   `json:"name"`
	Source    string   `json:"source"`
	Overrides []string `json:"overrides,omitempty"`
	File      string   `json:"file"`
}

// kpiCell is a KPI's mean and interval.
type kpiCell struct {
	Name  string         `json:"name"`
	Label string         `json:"label"`
	Unit  string         `json:"unit"`
	Mean  reports.Number `json:"mean"`
	Low   reports.Number `json:"low"`
	High  reports.Number `json:"high"`
	// Key marks the KPIs the page leads with (keyKPIs).
	Key bool `json:"key,omitempty"`
}

// targetCell is a target checked against a run.
type targetCell struct {
	Text string `json:"text"`
	KPI  string `json:"kpi"`
	// Label is the KPI's title in English with its subject ("takeout:
	// time to the door, 95th percentile"), for its label in Chinese;
	// records written before it name the KPI by its code.
	Label     string         `json:"label,omitempty"`
	Unit      string         `json:"unit"`
	Mean      reports.Number `json:"mean"`
	Met       bool           `json:"met"`
	Confident bool           `json:"confident"`
}

// diffCell is one KPI of one scenario against a comparison's first.
type diffCell struct {
	Scenario string         `json:"scenario"`
	KPI      string         `json:"kpi"`
	Label    string         `json:"label"`
	Unit     string         `json:"unit"`
	Mean     reports.Number `json:"mean"`
	Low      reports.Number `json:"low"`
	High     reports.Number `json:"high"`
	Verdict  string         `json:"verdict"`
}

// besideCell is an observed figure beside the replay's mean and its
// prediction interval for one day (Low, High).
type besideCell struct {
	KPI      string         `json:"kpi"`
	Label    string         `json:"label"`
	Unit     string         `json:"unit"`
	Observed reports.Number `json:"observed"`
	Mean     reports.Number `json:"mean"`
	Low      reports.Number `json:"low"`
	High     reports.Number `json:"high"`
	Inside   bool           `json:"inside"`
}

// helpedCell is a change that would have helped on a logged day, and what
// it does to the figure it helps most.
type helpedCell struct {
	Change string   `json:"change"`
	Post   string   `json:"post"`
	Lead   diffCell `json:"lead"`
}

// sideBySide is the headline KPIs of every scenario of a comparison.
type sideBySide struct {
	Scenarios []string    `json:"scenarios"`
	Rows      []kpiAcross `json:"rows"`
}

// kpiAcross is one KPI's mean in each scenario (NaN, written as null,
// where it could not be measured).
type kpiAcross struct {
	Name  string           `json:"name"`
	Label string           `json:"label"`
	Unit  string           `json:"unit"`
	Means []reports.Number `json:"means"`
}

// planCell is what a plan changes, costs and makes worse.
type planCell struct {
	Feasible    bool           `json:"feasible"`
	Cost        reports.Number `json:"cost"`
	InputCost   reports.Number `json:"input_cost"`
	Changes     []planChange   `json:"changes"`
	SideEffects []diffCell     `json:"side_effects"`
	// Planned is the planned scenario's file in inputs/, for the editor
	// and for saving.
	Planned string `json:"planned"`
}

// planChange is one knob a plan turns.
type planChange struct {
	Knob string         `json:"knob"`
	Path string         `json:"path"`
	From string         `json:"from"`
	To   string         `json:"to"`
	Cost reports.Number `json:"cost"`
}

// idName is what a result's folder is named after: its scenario, after
// the kind of work for all but a run (0003-plan-baseline).
func (rec *runRecord) idName() string {
	if rec.Kind == kindRun {
		return rec.Title
	}
	return rec.Kind + " " + rec.Title
}
