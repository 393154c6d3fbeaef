package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"cordon/experiment"
	"cordon/text"
)

// SweepResults is the results document of a sweep, results.json in its
// report folder: every KPI with its interval and per-replication values at
// every point of the grid.
type SweepResults struct {
	SchemaVersion int          `json:"schema_version"`
	Scenario      string       `json:"scenario"`
	Seed          uint64       `json:"seed"`
	Replications  int          `json:"replications"`
	Confidence    float64      `json:"confidence"`
	Axes          []string     `json:"axes"`
	Points        []SweepEntry `json:"points"`
}

// SweepEntry is one point of a sweep: its values, one per axis, and the
// KPIs there.
type SweepEntry struct {
	Values   []string `json:"values"`
	Warnings []string `json:"warnings,omitempty"`
	KPIs     []KPI    `json:"kpis"`
	// values are the KPIs' values per replication, the outcome's own (see
	// NewResults), when KPIs' PerReplication are not set.
	values [][]float64
}

// NewSweepResults builds the results document of a sweep. Its KPIs' values
// per replication are the sweep's outcomes' own, written in their place by
// WriteJSON: a copy would grow with the points and the replications.
func NewSweepResults(s *experiment.Sweep) *SweepResults {
	first := s.Points[0].Outcome
	doc := &SweepResults{SchemaVersion: SchemaVersion, Scenario: first.Scenario.Name, Seed: first.Seed,
		Replications: first.Replications, Confidence: experiment.Level, Axes: []string{}, Points: []SweepEntry{}}
	for _, a := range s.Axes {
		doc.Axes = append(doc.Axes, a.Path)
	}
	for _, pt := range s.Points {
		r := NewResults(pt.Outcome)
		doc.Points = append(doc.Points, SweepEntry{Values: pt.Values, Warnings: r.Warnings, KPIs: r.KPIs, values: r.values})
	}
	return doc
}

// JSON writes the document indented, with a final newline.
func (s *SweepResults) JSON() ([]byte, error) {
	var b bytes.Buffer
	err := s.WriteJSON(&b)
	return b.Bytes(), err
}

// WriteJSON writes the document's JSON to w, every point's KPIs' values
// per replication written in their place one by one (see Results.WriteJSON).
func (s *SweepResults) WriteJSON(w io.Writer) error {
	rest := *s
	rest.Points = slices.Clone(s.Points)
	var kpis []KPI
	var values [][]float64
	for i, p := range s.Points {
		rest.Points[i].KPIs = withoutValues(p.KPIs)
		kpis = append(kpis, p.KPIs...)
		if p.values == nil {
			values = append(values, make([][]float64, len(p.KPIs))...)
		} else {
			values = append(values, p.values...)
		}
	}
	doc, err := indentJSON(&rest)
	if err != nil {
		return err
	}
	return fillValues(w, doc, kpis, values)
}

// SensitivityResults is the results document of a sensitivity analysis,
// results.json in its report folder: for each KPI, each factor's effect.
type SensitivityResults struct {
	SchemaVersion int              `json:"schema_version"`
	Scenario      string           `json:"scenario"`
	Seed          uint64           `json:"seed"`
	Replications  int              `json:"replications"`
	Confidence    float64          `json:"confidence"`
	Change        float64          `json:"change"`
	KPIs          []SensitivityKPI `json:"kpis"`
}

// SensitivityKPI is one KPI of a sensitivity analysis: its base value and
// the effects of the factors, those beyond chance first, each group
// largest swing first.
type SensitivityKPI struct {
	Name    string        `json:"name"`
	Unit    string        `json:"unit"`
	Base    Estimate      `json:"base"`
	Effects []EffectEntry `json:"effects"`
}

// EffectEntry is one factor's effect on a KPI: the KPI with the factor
// scaled down and up.
type EffectEntry struct {
	Factor string   `json:"factor"`
	Scales string   `json:"kind"` // Factor.Scales; the document keeps the name "kind" its readers know
	Low    Estimate `json:"low"`
	High   Estimate `json:"high"`
	Swing  Number   `json:"swing"`
	// Change is the KPI scaled up less the KPI scaled down, paired over
	// the replications, with its interval; WithinChance says the interval
	// holds zero (or there is none).
	Change       Estimate `json:"change"`
	WithinChance bool     `json:"within_chance"`
}

// NewSensitivityResults builds the results document of a sensitivity
// analysis.
func NewSensitivityResults(s *experiment.Sensitivity) *SensitivityResults {
	doc := &SensitivityResults{SchemaVersion: SchemaVersion, Scenario: s.Base.Scenario.Name, Seed: s.Base.Seed,
		Replications: s.Base.Replications, Confidence: experiment.Level, Change: s.Delta, KPIs: []SensitivityKPI{}}
	for i, k := range s.KPIs {
		base, _ := s.Base.KPI(k.Name)
		sk := SensitivityKPI{Name: k.Name, Unit: k.Unit, Base: estimate(base.Summary), Effects: []EffectEntry{}}
		for _, e := range s.Effects[i] {
			sk.Effects = append(sk.Effects, EffectEntry{Factor: e.Factor.Name, Scales: e.Factor.Scales,
				Low: estimate(e.Low.Summary), High: estimate(e.High.Summary), Swing: Number(e.Swing),
				Change: estimate(e.Change), WithinChance: e.WithinChance()})
		}
		doc.KPIs = append(doc.KPIs, sk)
	}
	return doc
}

// JSON writes the document indented, with a final newline.
func (s *SensitivityResults) JSON() ([]byte, error) { return indentJSON(s) }

// indentJSON writes a document indented, HTML characters as they are, with
// a final newline, and every control character as a JSON escape (jsonSafe).
// The same document always gives the same bytes.
func indentJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeIndentJSON(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeIndentJSON writes indentJSON of v to w: the encoder writes the
// document in one piece, made safe (jsonSafe) on its way.
func writeIndentJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(safeWriter{w})
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// safeWriter writes what it is given through jsonSafe; json.Encoder
// writes a whole document at once, so no character is split between
// writes.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	if _, err := s.w.Write(jsonSafe(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// jsonSafe writes the characters of a JSON document that encoding/json
// leaves as they are but compound.OneLine escapes (DEL, the C1 controls,
// the bidirectional controls) as \u escapes: the document reads back the
// same, and shown on a terminal (--json) it neither starts an escape nor
// reorders the text. They can only be inside strings, where \u escapes
// mean them.
func jsonSafe(doc []byte) []byte {
	unsafe := func(r rune) bool { return r >= 0x7f && text.Escapes(r) }
	if !bytes.ContainsFunc(doc, unsafe) {
		return doc
	}
	var b bytes.Buffer
	b.Grow(len(doc) + 64)
	for _, r := range string(doc) {
		if unsafe(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}
