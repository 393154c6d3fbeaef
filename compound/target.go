package compound

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Target is a threshold on a KPI: "takeout.door_time.p95 <= 45m".
type Target struct {
	KPI   string
	Op    string // <=, >=, < or >
	Value float64
	Text  string // as written
	// Form is how the value is written: FormNumber, FormDuration (Value in
	// seconds) or FormPercent (Value as a share); ForKPI checks it against
	// the KPI's unit.
	Form string
}

// The forms a target's value is written in.
const (
	FormNumber   = "number"     // 50, 0.95
	FormDuration = "duration"   // 45m, 1h30m
	FormPercent  = "percentage" // 95%
)

// ParseTarget reads a target written KPI OP VALUE, where OP is one of <=,
// >=, < and > and VALUE is a number, a duration (45m, 1h30m: in seconds) or
// a percentage (95%: 0.95).
func ParseTarget(s string) (Target, error) {
	for _, op := range []string{"<=", ">=", "<", ">"} {
		i := strings.Index(s, op)
		if i < 0 {
			continue
		}
		kpi := strings.TrimSpace(s[:i])
		val := strings.TrimSpace(s[i+len(op):])
		if kpi == "" || strings.ContainsAny(kpi, " \t<>=") {
			return Target{}, fmt.Errorf("%q: the KPI name before %s is missing or has spaces", s, op)
		}
		v, form, err := ParseValueForm(val)
		if err != nil {
			return Target{}, fmt.Errorf("%q: %v", s, err)
		}
		return Target{KPI: kpi, Op: op, Value: v, Text: strings.TrimSpace(s), Form: form}, nil
	}
	return Target{}, fmt.Errorf("%q is not a target: write KPI<=VALUE (or >=, <, >), for example 'takeout.door_time.p95<=45m'", s)
}

// ParseValue reads a number, a duration (in seconds) or a percentage (as a
// share).
func ParseValue(s string) (float64, error) {
	v, _, err := ParseValueForm(s)
	return v, err
}

// ParseValueForm is ParseValue, also saying which form the value is
// written in: FormNumber, FormDuration or FormPercent.
func ParseValueForm(s string) (float64, string, error) {
	s = strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, "", fmt.Errorf("%q is not a percentage", s)
		}
		return v / 100, FormPercent, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, "", fmt.Errorf("%q is not a finite number", s)
		}
		return v, FormNumber, nil
	}
	if d, err := ParseDuration(s); err == nil {
		return float64(d), FormDuration, nil
	}
	return 0, "", fmt.Errorf("%q is not a number, a duration (45m) or a percentage (95%%)", s)
}

// ForKPI checks that the target's value is written in the unit of k, its
// KPI, and returns the target with its value in that unit:
//   - a time (unit s) takes a duration, 45m: a bare number other than 0 is
//     refused, as 45 could be seconds or minutes;
//   - staff-hours (unit h) take a number of hours, 40, or a duration, 40h;
//   - a share takes a percentage, 95%, or a number from 0 to 1, 0.95;
//   - a count or a rate (items, people, items/h, ...) takes a number.
//
// The error says what to write instead.
func (t Target) ForKPI(k KPI) (Target, error) {
	switch {
	case k.Unit == "s":
		switch t.Form {
		case FormNumber:
			if t.Value != 0 {
				n := strconv.FormatFloat(t.Value, 'g', -1, 64)
				return t, fmt.Errorf("a duration needs a unit: write %sm (or %ss, 1h)", n, n)
			}
		case FormPercent:
			return t, fmt.Errorf("%s is a time, not a share: write a duration such as 45m", k.Name)
		}
	case k.Unit == "h":
		switch t.Form {
		case FormDuration:
			t.Value /= 3600
			t.Form = FormNumber
		case FormPercent:
			return t, fmt.Errorf("%s is in hours, not a share: write a number of hours such as 40 (or a duration, 40h)", k.Name)
		}
	case k.Unit == "share":
		switch t.Form {
		case FormDuration:
			return t, fmt.Errorf("%s is a share, not a time: write a percentage such as 95%% (or 0.95)", k.Name)
		case FormNumber:
			if t.Value < 0 || t.Value > 1 {
				n := strconv.FormatFloat(t.Value, 'g', -1, 64)
				return t, fmt.Errorf("a share is from 0 to 1: write %s%% (or %s)", n, strconv.FormatFloat(t.Value/100, 'g', -1, 64))
			}
		case FormPercent:
			if t.Value < 0 || t.Value > 1 {
				return t, fmt.Errorf("a share is from 0%% to 100%%")
			}
		}
	default:
		switch t.Form {
		case FormDuration:
			return t, fmt.Errorf("%s is counted in %s, not a time: write a number", k.Name, k.Unit)
		case FormPercent:
			return t, fmt.Errorf("%s is counted in %s, not a share: write a number", k.Name, k.Unit)
		}
	}
	return t, nil
}

// checkTargets reports each of the scenario's targets that does not parse
// or is not written in its KPI's unit. A target on a KPI the scenario does
// not have is left to the commands that check targets (run, plan): a
// scenario made from another without its sampling round keeps its targets
// and runs for a comparison.
func (sc *Scenario) checkTargets(c *checker) {
	if len(sc.Targets) == 0 {
		return
	}
	kpis := map[string]KPI{}
	for _, k := range Catalog(sc) {
		kpis[k.Name] = k
	}
	for i, s := range sc.Targets {
		path := fmt.Sprintf("targets[%d]", i)
		t, err := ParseTarget(s)
		if err != nil {
			c.add(path, "%v", err)
			continue
		}
		if k, ok := kpis[t.KPI]; ok {
			if _, err := t.ForKPI(k); err != nil {
				c.add(path, "%q: %v", s, err)
			}
		}
	}
}

// Met reports whether value meets the target.
func (t Target) Met(value float64) bool {
	switch t.Op {
	case "<=":
		return value <= t.Value
	case ">=":
		return value >= t.Value
	case "<":
		return value < t.Value
	case ">":
		return value > t.Value
	}
	return false
}

// ParsedTargets parses the scenario's targets, each with its value in its
// KPI's unit (Check has made sure they parse and fit their KPIs).
func (sc *Scenario) ParsedTargets() []Target {
	out := make([]Target, 0, len(sc.Targets))
	var kpis map[string]KPI
	for _, s := range sc.Targets {
		t, err := ParseTarget(s)
		if err != nil {
			continue
		}
		if kpis == nil {
			kpis = map[string]KPI{}
			for _, k := range Catalog(sc) {
				kpis[k.Name] = k
			}
		}
		if k, ok := kpis[t.KPI]; ok {
			if f, err := t.ForKPI(k); err == nil {
				t = f
			}
		}
		out = append(out, t)
	}
	return out
}
