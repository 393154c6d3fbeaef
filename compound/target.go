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
}

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
		v, err := ParseValue(val)
		if err != nil {
			return Target{}, fmt.Errorf("%q: %v", s, err)
		}
		return Target{KPI: kpi, Op: op, Value: v, Text: strings.TrimSpace(s)}, nil
	}
	return Target{}, fmt.Errorf("%q is not a target: write KPI<=VALUE (or >=, <, >), for example 'takeout.door_time.p95<=45m'", s)
}

// ParseValue reads a number, a duration (in seconds) or a percentage (as a
// share).
func ParseValue(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("%q is not a percentage", s)
		}
		return v / 100, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("%q is not a finite number", s)
		}
		return v, nil
	}
	if d, err := ParseDuration(s); err == nil {
		return float64(d), nil
	}
	return 0, fmt.Errorf("%q is not a number, a duration (45m) or a percentage (95%%)", s)
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

// Targets parses the scenario's targets (Check has made sure they parse).
func (sc *Scenario) ParsedTargets() []Target {
	out := make([]Target, 0, len(sc.Targets))
	for _, s := range sc.Targets {
		if t, err := ParseTarget(s); err == nil {
			out = append(out, t)
		}
	}
	return out
}
