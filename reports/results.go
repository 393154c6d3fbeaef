package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"

	"cordon/experiment"
	"cordon/sim/stats"
)

// SchemaVersion is the version of the results document's layout; it changes
// when a field changes meaning or goes away.
const SchemaVersion = 1

// Results is the results document: what `cordon run --json` prints and
// results.json holds.
type Results struct {
	SchemaVersion int          `json:"schema_version"`
	Scenario      string       `json:"scenario"`
	Description   string       `json:"description,omitempty"`
	Seed          uint64       `json:"seed"`
	Replications  int          `json:"replications"`
	Confidence    float64      `json:"confidence"`
	Warnings      []string     `json:"warnings,omitempty"`
	Events        []Event      `json:"events,omitempty"`
	KPIs          []KPI        `json:"kpis"`
	Bottlenecks   []Bottleneck `json:"bottlenecks"`
	// BottlenecksByDay rank the posts day by day of a run of several days
	// by the hours spent waiting there (absent in a run of one day).
	BottlenecksByDay []DayBottlenecks `json:"bottlenecks_by_day,omitempty"`
	Targets          []Target         `json:"targets,omitempty"`
	OnDuty           *OnDuty          `json:"on_duty,omitempty"`
	// values are the KPIs' values per replication, in KPIs' order, when
	// the document refers to the outcome's (NewResults) rather
	// than holding a copy in each KPI's PerReplication.
	values [][]float64
}

// Event is one event of the scenario's timeline, in the order they happen,
// for marking time axes: its day and time of day, when it starts and ends
// in seconds from the start of the run (the same axis as the hourly
// figures and series), and what it does in words.
type Event struct {
	Day  int    `json:"day"`
	Time string `json:"time"`
	At   Number `json:"at_s"`
	End  Number `json:"end_s"`
	What string `json:"what"`
}

// Target is a target checked against the run.
type Target struct {
	Target    string `json:"target"`
	KPI       string `json:"kpi"`
	Op        string `json:"op"`
	Value     Number `json:"value"`
	Mean      Number `json:"mean"`
	Met       bool   `json:"met"`
	Confident bool   `json:"met_with_confidence"`
	Margin    Number `json:"margin"`
}

// KPI is one KPI over the replications. Figures that could not be measured
// (no item of a kind delivered) are null.
type KPI struct {
	Name           string   `json:"name"`
	Day            int      `json:"day,omitempty"`      // the day of the run it is for, from 1; absent for the whole run
	Round          int      `json:"round,omitempty"`    // the testing round it is for, from 2 (sampling.rounds); absent for round 1 and every other KPI
	Headline       bool     `json:"headline,omitempty"` // one of the KPIs the terminal summary shows (and the report's table by day); absent for the others
	Group          string   `json:"group,omitempty"`    // the section of the summary it is in: a kind of delivery, gate, sampling, staff...
	Subject        string   `json:"subject,omitempty"`  // what it is of, where its label names it: a kind, a site, a pool ("express" in "express: items delivered")
	Unit           string   `json:"unit"`
	Better         string   `json:"better,omitempty"`
	Label          string   `json:"label"`
	Description    string   `json:"description"`
	Mean           Number   `json:"mean"`
	CILow          Number   `json:"ci_low"`
	CIHigh         Number   `json:"ci_high"`
	PerReplication []Number `json:"per_replication"`
}

// Bottleneck is one post in the bottleneck ranking.
type Bottleneck struct {
	Rank         int      `json:"rank"`
	Post         string   `json:"post"`
	Class        string   `json:"kind"` // PostResult.Class; the document keeps the name "kind" its readers know
	BlockedShare Estimate `json:"blocked_share"`
	// HoursWaited is the hours spent waiting at the post, added over
	// everything that waited (the time integral of its queue); WorstHour
	// those of its worst hour; DaysWaited HoursWaited day by day (absent
	// in a run of one day).
	HoursWaited Estimate   `json:"hours_waited"`
	WorstHour   Estimate   `json:"worst_hour_waited"`
	DaysWaited  []Estimate `json:"days_waited,omitempty"`
	// AheadOfNext is the post's lead over the next, paired over the
	// replications (absent for the last).
	AheadOfNext *Lead    `json:"ahead_of_next,omitempty"`
	Saturation  Estimate `json:"saturation"`
	Utilisation Estimate `json:"utilisation"`
	QueueMean   Estimate `json:"queue_mean"`
	QueueMax    Estimate `json:"queue_max"`
	WaitMean    Estimate `json:"wait_mean_s"`
	WaitP95     Estimate `json:"wait_p95_s"`
}

// Lead is what a post is ahead of the next in a ranking by, paired over
// the replications, on the figure that orders them (the share turned away
// while either turned work away, else the hours waited); Clear when its
// interval is above zero.
type Lead struct {
	Estimate
	Clear bool `json:"clear"`
}

// DayBottlenecks are the posts ranked by the hours spent waiting there on
// one day of a run of several days.
type DayBottlenecks struct {
	Day   int       `json:"day"`
	Posts []DayPost `json:"posts"`
}

// DayPost is one post's hours waited on a day and its lead over the next.
type DayPost struct {
	Post        string   `json:"post"`
	Class       string   `json:"kind"`
	HoursWaited Estimate `json:"hours_waited"`
	AheadOfNext *Lead    `json:"ahead_of_next,omitempty"`
}

// bottleneckEntries are the bottleneck ranking of o and, in a run of
// several days, each day's, as the documents hold them.
func bottleneckEntries(o *experiment.Outcome) ([]Bottleneck, []DayBottlenecks) {
	posts := []Bottleneck{}
	for _, b := range o.Bottlenecks {
		var days []Estimate
		for _, d := range b.Days {
			days = append(days, estimate(d))
		}
		posts = append(posts, Bottleneck{
			Rank: b.Rank, Post: b.Post, Class: b.Class,
			BlockedShare: estimate(b.BlockedShare), HoursWaited: estimate(b.Waited), WorstHour: estimate(b.WorstHour),
			DaysWaited: days, AheadOfNext: lead(b.Lead, b.Clear), Saturation: estimate(b.Saturation),
			Utilisation: estimate(b.Utilisation), QueueMean: estimate(b.QueueMean),
			QueueMax: estimate(b.QueueMax), WaitMean: estimate(b.WaitMean), WaitP95: estimate(b.WaitP95),
		})
	}
	var byDay []DayBottlenecks
	for _, d := range o.DayBottlenecks {
		day := DayBottlenecks{Day: d.Day}
		for _, p := range d.Posts {
			day.Posts = append(day.Posts, DayPost{Post: p.Post, Class: p.Class, HoursWaited: estimate(p.Waited), AheadOfNext: lead(p.Lead, p.Clear)})
		}
		byDay = append(byDay, day)
	}
	return posts, byDay
}

// lead is a ranking's lead as the document holds it: none for the last.
func lead(s stats.Summary, clear bool) *Lead {
	if s.N == 0 {
		return nil
	}
	return &Lead{Estimate: estimate(s), Clear: clear}
}

// Estimate is a mean with its confidence interval.
type Estimate struct {
	Mean   Number `json:"mean"`
	CILow  Number `json:"ci_low"`
	CIHigh Number `json:"ci_high"`
}

// Number is a float64 that is written as null when it is not finite, since
// JSON has no NaN.
type Number float64

// MarshalJSON writes n, or null.
func (n Number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// UnmarshalJSON reads a number or null (as NaN).
func (n *Number) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Number(math.NaN())
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*n = Number(f)
	return nil
}

func estimate(s stats.Summary) Estimate {
	return Estimate{Mean: Number(s.Mean), CILow: Number(s.Low), CIHigh: Number(s.High)}
}

// NewResults builds the results document of an outcome and the targets
// checked against it. Its KPIs' values per replication are the outcome's
// own, written in their place by WriteJSON, not a copy, which would grow
// with the replications and be held while the document is written; a
// KPI's PerReplication is set only in a document read back (ReadResults).
func NewResults(o *experiment.Outcome, targets ...experiment.TargetResult) *Results {
	r := newResults(o, targets)
	r.values = make([][]float64, len(o.KPIs))
	for i, k := range o.KPIs {
		r.values[i] = k.Values
		if r.values[i] == nil {
			r.values[i] = []float64{} // [], never null: every KPI has its values
		}
	}
	return r
}

// newResults is the results document of an outcome without its KPIs'
// values per replication.
func newResults(o *experiment.Outcome, targets []experiment.TargetResult) *Results {
	r := &Results{
		SchemaVersion: SchemaVersion,
		Scenario:      o.Scenario.Name,
		Description:   o.Scenario.Description,
		Seed:          o.Seed,
		Replications:  o.Replications,
		Confidence:    experiment.Level,
		KPIs:          []KPI{},
		Bottlenecks:   []Bottleneck{},
	}
	for _, u := range o.Unstable {
		r.Warnings = append(r.Warnings, u.String())
	}
	for _, e := range o.Scenario.Timeline() {
		r.Events = append(r.Events, Event{Day: e.Day, Time: e.At.String(), At: Number(e.Time), End: Number(e.End), What: e.What})
	}
	for _, k := range o.KPIs {
		r.KPIs = append(r.KPIs, KPI{Name: k.Name, Day: k.Day, Round: k.Round, Headline: k.Headline, Group: k.Group, Subject: k.Of, Unit: k.Unit, Better: k.Better, Label: k.Title(), Description: k.Desc,
			Mean: Number(k.Mean), CILow: Number(k.Low), CIHigh: Number(k.High)})
	}
	r.Bottlenecks, r.BottlenecksByDay = bottleneckEntries(o)
	for _, t := range targets {
		r.Targets = append(r.Targets, Target{Target: t.Text, KPI: t.Target.KPI, Op: t.Op, Value: Number(t.Value),
			Mean: Number(t.KPI.Mean), Met: t.Met, Confident: t.Confident, Margin: Number(t.Margin)})
	}
	r.OnDuty = newOnDuty(o)
	return r
}

// JSON writes the document indented, with a final newline. The same outcome
// always gives the same bytes.
func (r *Results) JSON() ([]byte, error) {
	if r.values != nil {
		var b bytes.Buffer
		err := r.WriteJSON(&b)
		return b.Bytes(), err
	}
	return indentJSON(r)
}

// WriteJSON writes the document's JSON to w without a copy of it whole:
// the document without its KPIs' values per replication (which grow with
// the replications) is made whole, and each KPI's values are written in
// its place one by one, the same bytes as JSON.
func (r *Results) WriteJSON(w io.Writer) error {
	rest := *r
	rest.KPIs = withoutValues(r.KPIs)
	doc, err := indentJSON(&rest)
	if err != nil {
		return err
	}
	return fillValues(w, doc, r.KPIs, r.values)
}

// withoutValues is a copy of kpis without their values per replication,
// each written "per_replication": null by the encoder, for fillValues to
// find.
func withoutValues(kpis []KPI) []KPI {
	out := slices.Clone(kpis)
	for i := range out {
		out[i].PerReplication = nil
	}
	return out
}

// fillValues writes doc, a document whose KPIs (kpis, in its order) were
// encoded withoutValues, to w with each KPI's values per replication in its
// place: values[i] where values holds it (the outcome's own), else the
// KPI's PerReplication.
func fillValues(w io.Writer, doc []byte, kpis []KPI, values [][]float64) error {
	// Every KPI has its per_replication field, in the KPIs' order; a
	// string cannot hold the marker (its quotes would be escaped).
	marker := []byte(`"per_replication": null`)
	for i, k := range kpis {
		at := bytes.Index(doc, marker)
		if at < 0 {
			return fmt.Errorf("results document: no per_replication for %s", k.Name)
		}
		indent := doc[bytes.LastIndexByte(doc[:at], '\n')+1 : at]
		if _, err := w.Write(doc[:at]); err != nil {
			return err
		}
		var err error
		if values != nil && values[i] != nil {
			err = writeValues(w, values[i], indent)
		} else {
			err = writeValues(w, k.PerReplication, indent)
		}
		if err != nil {
			return err
		}
		doc = doc[at+len(marker):]
	}
	_, err := w.Write(doc)
	return err
}

// writeValues writes the per_replication field of a KPI whose line starts
// with indent, as the indenting encoder writes it: null when there are no
// values, [] when there are none, else one value a line.
func writeValues[T ~float64](w io.Writer, values []T, indent []byte) error {
	b := []byte(`"per_replication": `)
	switch {
	case values == nil:
		b = append(b, "null"...)
	case len(values) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
	}
	for i, v := range values {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, indent...)
		b = append(b, "  "...)
		n, err := Number(v).MarshalJSON()
		if err != nil {
			return err
		}
		b = append(b, n...)
		if len(b) >= 4096 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	if len(values) > 0 {
		b = append(b, '\n')
		b = append(b, indent...)
		b = append(b, ']')
	}
	_, err := w.Write(b)
	return err
}
