package experiment

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"cordon/sim/stats"
)

// CheckInvariants returns what an outcome gets wrong of what every outcome
// must hold, whatever the scenario, or nil; tests and fuzz targets call it
// on every outcome they make:
//
//   - every KPI value of every replication is finite and not negative, or
//     NaN where there was nothing to measure (no item of a kind delivered);
//     a share is from 0 to 1;
//   - every utilisation (of a post over the run, in each hour, and in the
//     bottleneck ranking) is from 0 to 1, or NaN where no one was on duty;
//   - a summary's mean is NaN only when no replication measured anything,
//     and its interval holds its mean: ci_low <= mean <= ci_high, all
//     finite, from two replications measured; with fewer there is no
//     interval (both ends NaN).
func CheckInvariants(o *Outcome) error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	for r, res := range o.Runs {
		if len(res.Values) != len(o.KPIs) {
			bad("replication %d: %d KPI values for %d KPIs", r, len(res.Values), len(o.KPIs))
			continue
		}
		for i, v := range res.Values {
			k := o.KPIs[i]
			if !math.IsNaN(v) && !(v >= 0 && !math.IsInf(v, 1)) || k.Unit == "share" && v > 1 {
				bad("replication %d: %s = %v (%s)", r, k.Name, v, k.Unit)
			}
		}
		for _, p := range res.Posts {
			if !shareOrNaN(p.Utilisation) {
				bad("replication %d: post %s: utilisation %v", r, p.Name, p.Utilisation)
			}
			for h, u := range p.Hourly {
				if !shareOrNaN(u) {
					bad("replication %d: post %s: utilisation %v in hour %d", r, p.Name, u, h)
				}
			}
		}
	}
	for _, k := range o.KPIs {
		if err := checkSummary(k.Summary, k.Unit == "share"); err != nil {
			bad("%s: %v", k.Name, err)
		}
	}
	for _, b := range o.Bottlenecks {
		for _, f := range []struct {
			name  string
			s     stats.Summary
			share bool
		}{
			{"blocked share", b.BlockedShare, true}, {"saturation", b.Saturation, true},
			{"utilisation", b.Utilisation, true}, {"mean queue", b.QueueMean, false},
			{"longest queue", b.QueueMax, false}, {"mean wait", b.WaitMean, false},
			{"95th percentile wait", b.WaitP95, false}, {"hours waited", b.Waited, false},
			{"hours waited in the worst hour", b.WorstHour, false},
		} {
			if err := checkSummary(f.s, f.share); err != nil {
				bad("post %s: %s: %v", b.Post, f.name, err)
			}
		}
	}
	return errors.Join(errs...)
}

// checkSummary checks one summary: its mean (a share from 0 to 1 when
// share), and its interval.
func checkSummary(s stats.Summary, share bool) error {
	var msgs []string
	switch {
	case s.N == 0 && !math.IsNaN(s.Mean):
		msgs = append(msgs, fmt.Sprintf("mean %v of nothing measured", s.Mean))
	case s.N > 0 && !(s.Mean >= 0 && !math.IsInf(s.Mean, 1)):
		msgs = append(msgs, fmt.Sprintf("mean %v", s.Mean))
	case s.N > 0 && share && s.Mean > 1:
		msgs = append(msgs, fmt.Sprintf("mean %v of a share", s.Mean))
	}
	switch {
	case s.N >= 2 && (!(s.Low <= s.Mean && s.Mean <= s.High) || math.IsInf(s.Low, 0) || math.IsInf(s.High, 0)):
		msgs = append(msgs, fmt.Sprintf("mean %v outside its interval [%v, %v]", s.Mean, s.Low, s.High))
	case s.N < 2 && (!math.IsNaN(s.Low) || !math.IsNaN(s.High)):
		msgs = append(msgs, fmt.Sprintf("an interval [%v, %v] from %d replications", s.Low, s.High, s.N))
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}

func shareOrNaN(u float64) bool { return math.IsNaN(u) || u >= 0 && u <= 1 }
