package experiment

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"cordon/compound"
	"cordon/text"
)

// Axis is one scenario value varied in a sweep: a path as in --set and the
// values it takes, written as in a scenario file.
type Axis struct {
	Path   string
	Values []string
}

// ParseAxis reads path=LIST or path=FROM..TO[:STEP]: a comma-separated list
// of values ("4,6,8", "wait,turn-away"), or a range of numbers, durations or
// times of day from FROM to TO inclusive by STEP (default 1; a duration for
// durations and times of day): "2..6", "10m..30m:5m", "10:00..14:00:30m".
func ParseAxis(s string) (Axis, error) {
	path, spec, ok := strings.Cut(s, "=")
	path, spec = strings.TrimSpace(path), strings.TrimSpace(spec)
	if !ok || path == "" || spec == "" {
		return Axis{}, fmt.Errorf("%q: write path=LIST or path=FROM..TO[:STEP], e.g. staff.suited-crew.count=4..8", s)
	}
	if from, rest, isRange := strings.Cut(spec, ".."); isRange {
		if strings.Contains(from, ":") {
			vals, err := clockRange(strings.TrimSpace(from), strings.TrimSpace(rest))
			if err != nil {
				return Axis{}, fmt.Errorf("%q: %v", s, err)
			}
			return Axis{Path: path, Values: vals}, nil
		}
		to, step, hasStep := strings.Cut(rest, ":")
		if !hasStep {
			step = "1"
			if isDuration(from) {
				step = ""
			}
		}
		vals, err := expandRange(strings.TrimSpace(from), strings.TrimSpace(to), strings.TrimSpace(step))
		if err != nil {
			return Axis{}, fmt.Errorf("%q: %v", s, err)
		}
		return Axis{Path: path, Values: vals}, nil
	}
	parts, err := text.SplitList(spec)
	if err != nil {
		return Axis{}, fmt.Errorf("%q: %v", s, err)
	}
	var vals []string
	for _, v := range parts {
		if v = strings.TrimSpace(v); v == "" {
			return Axis{}, fmt.Errorf("%q: an empty value in the list", s)
		}
		vals = append(vals, v)
	}
	return Axis{Path: path, Values: vals}, nil
}

// maxAxisValues bounds a range, so that a typo cannot ask for a billion
// points.
const maxAxisValues = 1000

func isDuration(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err != nil
}

// clockRange expands a range of times of day, FROM..TO:STEP with a
// duration for STEP ("10:00..14:00:30m"), rest being TO:STEP.
func clockRange(from, rest string) ([]string, error) {
	to, step := rest, ""
	if i := strings.LastIndex(rest, ":"); i >= 0 && strings.ContainsAny(rest[i+1:], "hmsuµμn") {
		to, step = strings.TrimSpace(rest[:i]), strings.TrimSpace(rest[i+1:])
	}
	if step == "" {
		return nil, fmt.Errorf("a range of times of day needs a STEP, a duration, e.g. 10:00..14:00:30m")
	}
	a, err := compound.ParseClock(from)
	if err != nil {
		return nil, fmt.Errorf("FROM: %v", err)
	}
	b, err := compound.ParseClock(to)
	if err != nil {
		return nil, fmt.Errorf("TO: %v", err)
	}
	st, err := compound.ParseDuration(step)
	if err != nil {
		return nil, fmt.Errorf("STEP: %v", err)
	}
	if !(st > 0) {
		return nil, fmt.Errorf("STEP must be more than zero")
	}
	if b < a {
		return nil, fmt.Errorf("TO (%s) is before FROM (%s)", to, from)
	}
	n := math.Floor(float64(b-a)/float64(st)+1e-9) + 1
	if n > maxAxisValues {
		return nil, fmt.Errorf("the range has %.0f values, more than %d", n, maxAxisValues)
	}
	out := make([]string, int(n))
	for i := range out {
		out[i] = (a + compound.Clock(float64(i)*float64(st))).String()
	}
	return out, nil
}

func expandRange(from, to, step string) ([]string, error) {
	dur := isDuration(from)
	parse := func(v, what string) (float64, error) {
		if dur {
			d, err := compound.ParseDuration(v)
			if err != nil {
				return 0, fmt.Errorf("%s: %v", what, err)
			}
			return float64(d), nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, fmt.Errorf("%s %q is not a number", what, v)
		}
		return f, nil
	}
	a, err := parse(from, "FROM")
	if err != nil {
		if dur && !strings.ContainsAny(from, "0123456789") {
			// Neither a number nor a duration: say what a range takes,
			// not only what a duration is (gate.shelves=a..b).
			return nil, fmt.Errorf("FROM %q is not a number, a duration or a time of day: a range is of numbers (4..8), durations (10m..30m:5m) or times of day (10:00..14:00:30m)", from)
		}
		return nil, err
	}
	b, err := parse(to, "TO")
	if err != nil {
		return nil, err
	}
	if step == "" {
		return nil, fmt.Errorf("a range of durations needs a STEP, e.g. 10m..30m:5m")
	}
	st, err := parse(step, "STEP")
	if err != nil {
		return nil, err
	}
	if !(st > 0) {
		return nil, fmt.Errorf("STEP must be more than zero")
	}
	if b < a {
		return nil, fmt.Errorf("TO (%s) is before FROM (%s)", to, from)
	}
	n := math.Floor((b-a)/st+1e-9) + 1
	if n > maxAxisValues {
		return nil, fmt.Errorf("the range has %.0f values, more than %d", n, maxAxisValues)
	}
	var out []string
	for i := 0; i < int(n); i++ {
		v := a + float64(i)*st
		if dur {
			out = append(out, compound.FormatSeconds(v))
		} else {
			out = append(out, strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	return out, nil
}

// Sweep is a grid of scenarios: every combination of the axes' values, each
// run over the same replications and seed (common random numbers).
type Sweep struct {
	Axes   []Axis
	Points []SweepPoint
}

// SweepPoint is one combination of values and its outcome.
type SweepPoint struct {
	Values  []string // one per axis, in the axes' order
	Outcome *Outcome
}

// Grid returns every combination of the axes' values, the last axis varying
// fastest.
func Grid(axes []Axis) [][]string {
	grid := [][]string{{}}
	for _, a := range axes {
		var next [][]string
		for _, g := range grid {
			for _, v := range a.Values {
				next = append(next, append(append([]string(nil), g...), v))
			}
		}
		grid = next
	}
	return grid
}

// RunSweep builds the scenario of every grid point with build (which applies
// the values to the base scenario and checks it) and runs them all.
func RunSweep(ctx context.Context, axes []Axis, build func(values []string) (*compound.Scenario, error), opt Options) (*Sweep, error) {
	w, err := NewSweepWork(axes, build, opt)
	if err != nil {
		return nil, err
	}
	p, err := Do(ctx, w, opt)
	if err != nil {
		return nil, err
	}
	return p.Sweep, nil
}

// SweepKPIs are the KPIs a sweep of sc reports: those asked for (--kpi);
// without any, the KPIs of the scenario's targets, or a few headline KPIs.
// Each must be in sc's catalogue.
func SweepKPIs(sc *compound.Scenario, asked []string) ([]string, error) {
	if len(asked) == 0 {
		asked = defaultSweepKPIs(sc)
	}
	all := compound.KPINames(compound.Catalog(sc))
	for _, k := range asked {
		if !slices.Contains(all, k) {
			return nil, fmt.Errorf("--kpi %s: %w", k, compound.NoKPI(sc.Name, k, all))
		}
	}
	return asked, nil
}

// defaultSweepKPIs are the KPIs of the scenario's targets, or a few
// headline KPIs.
func defaultSweepKPIs(sc *compound.Scenario) []string {
	var out []string
	for _, t := range sc.ParsedTargets() {
		out = append(out, t.KPI)
	}
	if len(out) > 0 {
		return out
	}
	out = append(out, "items.delivered", "gate.staging.max")
	if sc.Sampling != nil {
		out = append(out, "sampling.makespan")
	}
	return out
}
