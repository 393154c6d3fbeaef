package logs

import (
	"context"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

var durationSchema = schema{columns: []column{
	{name: "step", required: true, help: "the step timed, such as gate.intake or delivery.door"},
	{name: "duration", required: true, help: "how long it took: a Go duration like 23s or 1m30s, or a number of seconds"},
}}

// Duration is one observed service or walking time.
type Duration struct {
	Step    string
	Seconds float64
}

// ReadDurations reads durations.csv: observed times of steps, for fitting.
// Steps are any text; durations are finite and 0 or more.
func ReadDurations(ctx context.Context, name string, r io.Reader, opt Options) (Read[Duration], error) {
	t := open(ctx, name, r, opt, durationSchema)
	var out []Duration
	skipped := 0
	for t.next() {
		d := Duration{Step: t.get("step")}
		if d.Step == "" {
			t.fail("step", "missing: name the step timed, such as gate.intake")
		}
		d.Seconds, _ = t.duration("duration")
		if t.bad {
			skipped++
			continue
		}
		out = append(out, d)
	}
	return result(t, out, Day{}, skipped)
}

// DurationsByStep groups durations by their step: each step's seconds, in
// the order of the rows.
func DurationsByStep(rows []Duration) map[string][]float64 {
	by := map[string][]float64{}
	for _, d := range rows {
		by[d.Step] = append(by[d.Step], d.Seconds)
	}
	return by
}

// duration reads a Go duration (23s, 1m30s) or a number of seconds.
func (t *table) duration(name string) (float64, bool) {
	s := t.get(name)
	if s == "" {
		t.fail(name, "missing: give a duration like 23s or 1m30s, or a number of seconds")
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		err = nil // ±Inf, or 0 for a tiny number
	}
	if err != nil || strings.ContainsAny(s, "xX_") {
		d, derr := time.ParseDuration(s)
		if derr != nil {
			t.fail(name, q(s)+" is not a duration: write a Go duration like 23s or 1m30s, or a number of seconds")
			return 0, false
		}
		v = d.Seconds()
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		t.fail(name, q(s)+" is not a finite number of seconds")
	case v < 0:
		t.fail(name, q(s)+" is negative: a duration is 0 or more")
	default:
		return v, true
	}
	return 0, false
}
