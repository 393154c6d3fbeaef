package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
	"cordon/sim/stats"
)

// MaxResultsSize bounds a results document read back: the baseline's is a
// few hundred kilobytes with 30 replications, and compound.MaxReplications
// of every KPI stays far below this.
const MaxResultsSize = 256 << 20

// DocumentError is a results document that cannot be read back: where in
// the file (line and column, 0 when not known) and what is wrong.
type DocumentError struct {
	Line, Column int
	Err          error
}

func (e *DocumentError) Error() string {
	if e.Line == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("%d:%d: %v", e.Line, e.Column, e.Err)
}

func (e *DocumentError) Unwrap() error { return e.Err }

// kindKeys tells a document of cordon's by a key only it has, and says
// why a report cannot be drawn again from it.
var kindKeys = []struct{ key, kind, why string }{
	{"reference", "comparison document (comparison.json)", "it holds neither the scenarios' descriptions nor the rule of the minimum effects, which its page shows"},
	{"axes", "sweep document", "it holds no series of the points' runs"},
	{"knobs", "bottlenecks document (bottlenecks.json)", "it holds no hour-by-hour utilisation of the posts"},
	{"hours", "review document (review.json)", "it holds no series of the replay's runs"},
	{"planned_scenario", "plan document (plan.json)", "it holds no frontier of the search nor the planned run's series"},
	{"change", "sensitivity document", "it holds no replications of the factors' runs"},
}

// ReadResults reads a run's results document (results.json, or what
// `cordon run --json` printed) back. A document of another command, or one
// that is not cordon's, is an error saying so.
func ReadResults(r io.Reader) (*Results, error) { return readResults(r, MaxResultsSize) }

// readResults is ReadResults of a document of at most limit bytes.
func readResults(r io.Reader, limit int64) (*Results, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &DocumentError{Err: fmt.Errorf("larger than %d bytes: cordon report reads results documents up to that size", limit)}
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		// Unmarshal checks the whole text is JSON before it decodes any of
		// it: a syntax error says it is not, any other that it is not an
		// object.
		if syn := (*json.SyntaxError)(nil); errors.As(err, &syn) {
			return nil, jsonError(data, fmt.Errorf("not a results document of cordon run, not JSON: %w", err))
		}
		return nil, &DocumentError{Line: 1, Column: 1, Err: fmt.Errorf("not a results document of cordon run: a JSON %s, not an object", jsonKind(data))}
	}
	if _, ok := keys["schema_version"]; !ok {
		return nil, &DocumentError{Err: errors.New("not a results document of cordon run: it has no schema_version")}
	}
	for _, k := range kindKeys {
		if _, ok := keys[k.key]; ok {
			return nil, &DocumentError{Err: fmt.Errorf("a %s: cordon report draws a run's report again from its results.json; %s, so run the command again", k.kind, k.why)}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc Results
	if err := dec.Decode(&doc); err != nil {
		if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			// A key no results document has (encoding/json says no
			// more than this, and not where).
			return nil, &DocumentError{Err: fmt.Errorf("unknown field %s: not a results document of this cordon's run", f)}
		}
		return nil, jsonError(data, err)
	}
	if err := doc.check(); err != nil {
		return nil, &DocumentError{Err: err}
	}
	return &doc, nil
}

// jsonKind names the kind of the JSON value data holds: an array, a
// string, a number, true, false or null.
func jsonKind(data []byte) string {
	switch b := bytes.TrimLeft(data, " \t\r\n"); {
	case len(b) == 0:
		return "value"
	case b[0] == '[':
		return "array"
	case b[0] == '"':
		return "string"
	case b[0] == 't' || b[0] == 'f':
		return "boolean"
	case b[0] == 'n':
		return "null"
	}
	return "number"
}

// jsonError places a decoding error in the file.
func jsonError(data []byte, err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	off := int64(-1)
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
		if off > 0 && !strings.HasSuffix(syn.Error(), "end of JSON input") {
			off-- // the offset is past the byte that is wrong: point at it
		}
	case errors.As(err, &typ):
		off = typ.Offset
		err = fmt.Errorf("%s: want a %s, not a JSON %s", typ.Field, typ.Type, typ.Value)
	}
	if off < 0 {
		return &DocumentError{Err: err}
	}
	line, col := 1, 1
	for _, b := range data[:min(off, int64(len(data)))] {
		if b == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	return &DocumentError{Line: line, Column: col, Err: err}
}

// check refuses a document that is not a run's results, or whose parts do
// not agree.
func (d *Results) check() error {
	switch {
	case d.SchemaVersion != SchemaVersion:
		return fmt.Errorf("schema_version %d: this cordon reads results documents of version %d", d.SchemaVersion, SchemaVersion)
	case d.Scenario == "":
		return errors.New("scenario: missing; is this a results document of cordon run?")
	case d.Replications < 1 || d.Replications > compound.MaxReplications:
		return fmt.Errorf("replications: %d, want 1 to %d", d.Replications, compound.MaxReplications)
	case len(d.KPIs) == 0:
		return errors.New("kpis: none; is this a results document of cordon run?")
	}
	for i, k := range d.KPIs {
		if k.Name == "" || len(k.PerReplication) != d.Replications {
			return fmt.Errorf("kpis[%d] (%q): want a name and %d per_replication values, one per replication, got %d", i, k.Name, d.Replications, len(k.PerReplication))
		}
	}
	for i, b := range d.Bottlenecks {
		if b.Post == "" {
			return fmt.Errorf("bottlenecks[%d]: no post", i)
		}
	}
	for i, day := range d.BottlenecksByDay {
		for j, p := range day.Posts {
			if p.Post == "" {
				return fmt.Errorf("bottlenecks_by_day[%d].posts[%d]: no post", i, j)
			}
		}
	}
	return nil
}

// outcome is the run as the document holds it: its KPIs with their
// per-replication values and intervals, and its bottlenecks; no
// replication's series (Runs and Plots are nil), which the figures over the day
// need.
func (d *Results) outcome() (*experiment.Outcome, []experiment.TargetResult) {
	o := &experiment.Outcome{Scenario: &compound.Scenario{Name: d.Scenario, Description: d.Description},
		Seed: d.Seed, Replications: d.Replications}
	for _, k := range d.KPIs {
		values := make([]float64, len(k.PerReplication))
		n := 0
		for i, v := range k.PerReplication {
			values[i] = float64(v)
			if finite(values[i]) {
				n++
			}
		}
		// The document keeps the KPI's title (express: time to the door,
		// mean); its subject (the document's, or for one of an earlier
		// build the catalogue's) gives its label back, so that a report in
		// another language finds its words.
		kpi := compound.KPI{Name: k.Name, Day: k.Day, Round: k.Round, Headline: k.Headline, Group: k.Group,
			Unit: k.Unit, Better: k.Better, Desc: k.Description, Label: k.Label}
		of := k.Subject
		if of == "" {
			of = lang.KPISubject(k.Name)
		}
		if of != "" && strings.HasPrefix(k.Label, of+": ") {
			kpi.Of, kpi.Label = of, strings.TrimPrefix(k.Label, of+": ")
		}
		o.KPIs = append(o.KPIs, experiment.KPIResult{
			KPI: kpi,
			Summary: stats.Summary{N: n, Missing: len(values) - n, Mean: float64(k.Mean), Low: float64(k.CILow), High: float64(k.CIHigh),
				StdDev: math.NaN(), Level: d.Confidence, Values: values}})
	}
	for _, b := range d.Bottlenecks {
		x := experiment.Bottleneck{Rank: b.Rank, Post: b.Post, Class: b.Class,
			BlockedShare: b.BlockedShare.summary(), Waited: b.HoursWaited.summary(), WorstHour: b.WorstHour.summary(),
			Saturation: b.Saturation.summary(), Utilisation: b.Utilisation.summary(),
			QueueMean: b.QueueMean.summary(), QueueMax: b.QueueMax.summary(), WaitMean: b.WaitMean.summary(), WaitP95: b.WaitP95.summary()}
		for _, e := range b.DaysWaited {
			x.Days = append(x.Days, e.summary())
		}
		x.Lead, x.Clear = b.AheadOfNext.summary(d.Replications)
		o.Bottlenecks = append(o.Bottlenecks, x)
	}
	for _, day := range d.BottlenecksByDay {
		x := experiment.DayBottlenecks{Day: day.Day}
		for _, p := range day.Posts {
			post := experiment.DayPost{Post: p.Post, Class: p.Class, Waited: p.HoursWaited.summary()}
			post.Lead, post.Clear = p.AheadOfNext.summary(d.Replications)
			x.Posts = append(x.Posts, post)
		}
		o.DayBottlenecks = append(o.DayBottlenecks, x)
	}
	var targets []experiment.TargetResult
	for _, t := range d.Targets {
		kpi, _ := o.KPI(t.KPI)
		targets = append(targets, experiment.TargetResult{Target: compound.Target{KPI: t.KPI, Op: t.Op, Value: float64(t.Value), Text: t.Target},
			KPI: kpi, Met: t.Met, Confident: t.Confident, Margin: float64(t.Margin)})
	}
	return o, targets
}

// summary is an estimate as the reports read it.
func (e Estimate) summary() stats.Summary {
	return stats.Summary{Mean: float64(e.Mean), Low: float64(e.CILow), High: float64(e.CIHigh)}
}

// summary is a lead as the reports read it, over reps replications: none
// (N 0) for the last post.
func (l *Lead) summary(reps int) (stats.Summary, bool) {
	if l == nil {
		return stats.Summary{}, false
	}
	s := l.Estimate.summary()
	s.N = reps
	return s, l.Clear
}

// RedrawnNote says what a report drawn again from a results document
// leaves out.
const RedrawnNote = "Drawn again from results.json by cordon report, without simulating: the figures over the day (staging, queues, times to the door, utilisation, the sampling round) " +
	"need each replication's series and the marginal analysis its own runs, which a results document does not hold; run the scenario again to draw them."

// ResultsReport is a run's report drawn again from its results document,
// without simulating: results.json, kpis.csv and replications.csv, the
// same bytes as the run's own report; the bottlenecks chart, the same
// figure; and the page and summary.md with what the document holds (the
// targets, the bottlenecks, every KPI), saying what it leaves out
// (RedrawnNote).
func ResultsReport(d *Results) Report {
	return Report{build: func(w *Words) (*contents, error) {
		o, targets := d.outcome()
		plot, err := bottlenecksPlot(w.figures, o)
		if err != nil {
			return nil, plotsError(err)
		}
		plots := []Plot{plot}
		p := runPage(w, o, targets)
		p.Warnings = append(p.Warnings, d.Warnings...)
		p.Lines = append(p.Lines, w.T(RedrawnNote))
		p.Files = "index.html, summary.md, results.json, kpis.csv, replications.csv " + w.and() + " plots/bottlenecks.png, .svg, .csv"
		md := w.SummaryMarkdown(o, targets, plots)
		md = append(md, "\n"+w.T(RedrawnNote)+"\n"...)
		return &contents{plots: plots, page: p, files: []file{
			jsonFile("results.json", d),
			rawFile("kpis.csv", KPIsCSV(o, targets)),
			csvFile("replications.csv", func(w io.Writer) error { return WriteReplicationsCSV(w, o) }),
			rawFile("summary.md", md),
		}}, nil
	}}
}
