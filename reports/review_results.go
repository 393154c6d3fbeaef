package reports

import (
	"cordon/experiment"
)

// ReviewResults is the review document, review.json in a review's report
// folder: the observed day beside the replay hour by hour, the observed KPIs
// against the replay, where each kind's time went, and the change's paired
// differences when one was asked for. Figures that could not be measured
// (no observation, no item delivered) are null.
type ReviewResults struct {
	SchemaVersion int                `json:"schema_version"`
	Scenario      string             `json:"scenario"`
	Seed          uint64             `json:"seed"`
	Replications  int                `json:"replications"`
	Confidence    float64            `json:"confidence"`
	Sources       ReviewSourcesEntry `json:"sources"`
	Arrivals      int                `json:"arrivals"`
	Observed      bool               `json:"observed"`
	Start         string             `json:"start"` // the run's start, HH:MM on day 1
	Hours         []ReviewHourEntry  `json:"hours"`
	KPIs          []ReviewKPIEntry   `json:"kpis"`
	Stages        []KindStagesEntry  `json:"stages"`
	Change        *ReviewChange      `json:"change,omitempty"`
	// WhatWouldHaveHelped are the changes that would have helped on the
	// day, best first (empty when none did or none was tried), and Helped
	// says how they were found (absent when not asked, --no-helped).
	WhatWouldHaveHelped []HelpedEntry  `json:"what_would_have_helped"`
	Helped              *HelpedSummary `json:"helped,omitempty"`
}

// ReviewSourcesEntry is where the review's figures came from: the log
// files as named ("" when not given), whether they are synthetic, and the
// bad rows a lenient read skipped.
type ReviewSourcesEntry struct {
	Arrivals  string `json:"arrivals"`
	Roster    string `json:"roster"`
	Observed  string `json:"observed"`
	Synthetic bool   `json:"synthetic"`
	Skipped   int    `json:"skipped_rows"`
}

// BesideEntry is an observed figure beside the replay's: the replay's mean
// with its confidence interval, the prediction interval for one day, and
// whether the observed figure is inside it (null when nothing was observed
// or there is no interval).
type BesideEntry struct {
	Observed       Number `json:"observed"`
	Mean           Number `json:"mean"`
	CILow          Number `json:"ci_low"`
	CIHigh         Number `json:"ci_high"`
	PredictionLow  Number `json:"prediction_low"`
	PredictionHigh Number `json:"prediction_high"`
	Inside         *bool  `json:"inside"`
}

// ReviewHourEntry is one hour of the logged day: when it starts (day of the
// run, clock time, and seconds from the run's start), the items that
// arrived in it, and the observed figures beside the replay's.
type ReviewHourEntry struct {
	Day       int         `json:"day"`
	Clock     string      `json:"clock"`
	Start     float64     `json:"start_s"`
	Arrived   int         `json:"arrived"`
	Delivered BesideEntry `json:"delivered"`
	DoorTime  BesideEntry `json:"door_time_s"`
	Backlog   BesideEntry `json:"backlog"`
	// TurnedAway is the items turned away at a full gate in the hour; the
	// backlog counts them no more (observed: when the log says so).
	TurnedAway BesideEntry `json:"turned_away"`
	Sampled    BesideEntry `json:"sampled"`
}

// ReviewKPIEntry is one KPI measured on the logged day beside the replay's.
type ReviewKPIEntry struct {
	Name        string `json:"name"`
	Unit        string `json:"unit"`
	Description string `json:"description"`
	BesideEntry
}

// KindStagesEntry is where one kind's time to the door went in the replay.
type KindStagesEntry struct {
	Kind     string       `json:"kind"`
	DoorTime Estimate     `json:"door_time_s"`
	Stages   []StageEntry `json:"stages"`
}

// StageEntry is the mean time a kind's items spent in one stage, and its
// share of their mean time to the door.
type StageEntry struct {
	Stage       string   `json:"stage"`
	Description string   `json:"description"`
	Time        Estimate `json:"time_s"`
	Share       Number   `json:"share"`
}

// ReviewChange is what a change would have done on the day: every KPI of
// the replay with the change against the replay, paired.
type ReviewChange struct {
	Change   string `json:"change"`
	Scenario string `json:"scenario"`
	// RosterPools are the pools the change was applied to on the logged
	// roster (a --set count sets the count on duty in that shift; --vs adds
	// the difference between the two plans).
	RosterPools []string          `json:"roster_pools"`
	Differences []DifferenceEntry `json:"differences"`
}

// besideEntry writes an observed figure beside the replay's.
func besideEntry(b experiment.Beside) BesideEntry {
	e := BesideEntry{Observed: Number(b.Observed), Mean: Number(b.Simulated.Mean), CILow: Number(b.Simulated.Low),
		CIHigh: Number(b.Simulated.High), PredictionLow: Number(b.PredLow), PredictionHigh: Number(b.PredHigh)}
	if finite(b.Observed) && finite(b.PredLow) && finite(b.PredHigh) {
		in := b.Inside()
		e.Inside = &in
	}
	return e
}

// NewReviewResults builds the review document.
func NewReviewResults(r *experiment.Review, src ReviewSources) *ReviewResults {
	o := r.Replay
	sc := o.Scenario
	doc := &ReviewResults{SchemaVersion: SchemaVersion, Scenario: sc.Name, Seed: o.Seed, Replications: o.Replications,
		Confidence: experiment.Level, Arrivals: r.Arrivals, Observed: r.Observed != nil, Start: sc.Horizon.Start.String(),
		Sources: ReviewSourcesEntry{Arrivals: src.Arrivals, Roster: src.Roster, Observed: src.Observed,
			Synthetic: src.Synthetic, Skipped: src.Skipped},
		Hours: []ReviewHourEntry{}, KPIs: []ReviewKPIEntry{}, Stages: []KindStagesEntry{}}
	for _, h := range r.Hours {
		day, clock := hourClock(sc, h)
		doc.Hours = append(doc.Hours, ReviewHourEntry{Day: day, Clock: clock, Start: h.Start, Arrived: h.Arrived,
			Delivered: besideEntry(h.Delivered), DoorTime: besideEntry(h.DoorTime),
			Backlog: besideEntry(h.Backlog), Sampled: besideEntry(h.Sampled), TurnedAway: besideEntry(h.TurnedAway)})
	}
	for _, k := range r.KPIs {
		doc.KPIs = append(doc.KPIs, ReviewKPIEntry{Name: k.KPI.Name, Unit: k.KPI.Unit, Description: k.KPI.Desc,
			BesideEntry: besideEntry(k.Beside)})
	}
	for _, ks := range r.Stages {
		e := KindStagesEntry{Kind: ks.Kind, DoorTime: estimate(ks.Total), Stages: []StageEntry{}}
		for _, st := range ks.Stages {
			e.Stages = append(e.Stages, StageEntry{Stage: st.Name, Description: st.Desc, Time: estimate(st.Time), Share: Number(st.Share)})
		}
		doc.Stages = append(doc.Stages, e)
	}
	if c := r.Change; c != nil {
		ch := &ReviewChange{Change: changeName(r, src), Differences: []DifferenceEntry{}}
		if len(c.Outcomes) > 1 {
			ch.Scenario = c.Outcomes[1].Scenario.Name
		}
		for _, d := range c.Differences {
			ch.Differences = append(ch.Differences, DifferenceEntry{Scenario: d.Scenario, KPI: d.Name, Unit: d.Unit,
				Mean: Number(d.Mean), CILow: Number(d.Low), CIHigh: Number(d.High), Verdict: d.Verdict})
		}
		ch.RosterPools = append([]string{}, r.ChangeRosterPools...)
		doc.Change = ch
	}
	doc.WhatWouldHaveHelped, doc.Helped = helpedEntries(r.Helped)
	return doc
}

// JSON writes the document indented, with a final newline. The same review
// always gives the same bytes.
func (d *ReviewResults) JSON() ([]byte, error) { return indentJSON(d) }

// ReviewDocument builds the review document: what review.json holds and
// `cordon replay --json` prints.
func ReviewDocument(r *experiment.Review, src ReviewSources) *ReviewResults {
	return NewReviewResults(r, src)
}
