package experiment

import (
	"fmt"
	"math"

	"cordon/compound"
)

// TargetResult is a target checked against an outcome.
type TargetResult struct {
	compound.Target
	KPI KPIResult
	// Met is whether the mean meets the target; Confident whether the whole
	// 95% interval does (the planner's test).
	Met, Confident bool
	// Margin is how far the mean is on the right side of the threshold (in
	// the KPI's unit): negative when the target is missed.
	Margin float64
}

// CheckTargets checks targets against an outcome. A target naming a KPI the
// outcome does not have is an error naming the nearest KPI; one whose value
// is not written in its KPI's unit (45 for a time) an error saying what to
// write (compound.Target.ForKPI). Each result holds its target with the
// value in the KPI's unit.
func CheckTargets(o *Outcome, targets []compound.Target) ([]TargetResult, error) {
	var out []TargetResult
	for _, t := range targets {
		k, ok := o.KPI(t.KPI)
		if !ok {
			names := make([]string, len(o.KPIs))
			for i, k := range o.KPIs {
				names[i] = k.Name
			}
			return nil, fmt.Errorf("target %q: %w", t.Text, compound.NoKPI(o.Scenario.Name, t.KPI, names))
		}
		t, err := t.ForKPI(k.KPI)
		if err != nil {
			return nil, fmt.Errorf("target %q: %v", t.Text, err)
		}
		r := TargetResult{Target: t, KPI: k}
		r.Met = !math.IsNaN(k.Mean) && t.Met(k.Mean)
		switch t.Op {
		case "<=", "<":
			r.Margin = t.Value - k.Mean
			r.Confident = r.Met && t.Met(k.High)
		default:
			r.Margin = k.Mean - t.Value
			r.Confident = r.Met && t.Met(k.Low)
		}
		out = append(out, r)
	}
	return out, nil
}

// AllMet reports whether every target is met.
func AllMet(rs []TargetResult) bool {
	for _, r := range rs {
		if !r.Met {
			return false
		}
	}
	return true
}

// AllMetWithConfidence reports whether every target is met by the whole of
// its KPI's interval.
func AllMetWithConfidence(rs []TargetResult) bool {
	for _, r := range rs {
		if !r.Confident {
			return false
		}
	}
	return true
}
