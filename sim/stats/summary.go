package stats

import (
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Summary describes one KPI across replications, with a Student-t
// confidence interval for its mean.
type Summary struct {
	N       int     // number of finite values used
	Missing int     // number of values excluded because they were not finite
	Mean    float64 // NaN when N == 0
	StdDev  float64 // sample standard deviation across replications; NaN when N < 2
	// Low and High bound the confidence interval
	// Mean ± t(1-(1-Level)/2, N-1) · StdDev/√N. They equal Mean when
	// StdDev == 0, and are NaN when N < 2 (one value has no spread to
	// measure: there is no interval) or Level is not in (0, 1).
	Low, High float64
	Level     float64   // the confidence level, e.g. 0.95
	Values    []float64 // a copy of every input in order, excluded ones too: index i is replication i
}

// Summarize summarises one value per replication with a confidence interval
// at the given level (e.g. 0.95). Values that are not finite are excluded
// and counted in Missing.
func Summarize(values []float64, level float64) Summary {
	s := Summary{Level: level, Values: slices.Clone(values)}
	used := make([]float64, 0, len(values))
	for _, v := range values {
		if finite(v) {
			used = append(used, v)
		}
	}
	s.N, s.Missing = len(used), len(values)-len(used)
	switch {
	case s.N == 0:
		s.Mean, s.StdDev = math.NaN(), math.NaN()
	case s.N == 1:
		s.Mean, s.StdDev = used[0], math.NaN()
	case allEqual(used):
		// Exact, where summing would leave rounding noise in the spread.
		s.Mean, s.StdDev = used[0], 0
	default:
		s.Mean, s.StdDev = stat.MeanStdDev(used, nil)
	}
	s.Low, s.High = math.NaN(), math.NaN()
	if s.N >= 2 {
		s.Low, s.High = s.Mean, s.Mean
	}
	if s.N >= 2 && s.StdDev > 0 {
		h := tQuantile(1-(1-level)/2, s.N-1) * s.StdDev / math.Sqrt(float64(s.N))
		s.Low, s.High = s.Mean-h, s.Mean+h
	}
	if !(level > 0 && level < 1) {
		s.Low, s.High = math.NaN(), math.NaN()
	}
	return s
}

// HalfWidth returns half the width of the confidence interval.
func (s Summary) HalfWidth() float64 { return (s.High - s.Low) / 2 }

// Contains reports whether x lies in the confidence interval [Low, High].
func (s Summary) Contains(x float64) bool { return s.Low <= x && x <= s.High }

// Prediction returns the Student-t prediction interval at the summary's
// level for one more value from the same distribution as the values:
// Mean ± t(1-(1-Level)/2, N-1) · StdDev · √(1 + 1/N). One logged day is
// such a value beside replications of the model of it: its figure should
// fall inside this interval, not inside the narrower confidence interval of
// the mean. Both ends are Mean when StdDev is 0, and NaN when N < 2.
func (s Summary) Prediction() (low, high float64) {
	if s.N < 2 || math.IsNaN(s.StdDev) || !(s.Level > 0 && s.Level < 1) {
		return math.NaN(), math.NaN()
	}
	h := tQuantile(1-(1-s.Level)/2, s.N-1) * s.StdDev * math.Sqrt(1+1/float64(s.N))
	return s.Mean - h, s.Mean + h
}

// Paired summarises the differences b[i]-a[i] of two KPIs measured over the
// same replications (common random numbers). A difference that is not
// finite is counted in Missing. It fails when the lengths differ.
func Paired(a, b []float64, level float64) (Summary, error) {
	if len(a) != len(b) {
		return Summary{}, errors.New("stats: paired samples differ in length")
	}
	d := make([]float64, len(a))
	for i := range a {
		d[i] = b[i] - a[i]
	}
	return Summarize(d, level), nil
}

// tQuantile returns the p-quantile of Student's t with nu degrees of
// freedom, for p in (0, 1) and nu >= 1.
func tQuantile(p float64, nu int) float64 {
	if !(p > 0 && p < 1) {
		return math.NaN()
	}
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(nu)}.Quantile(p)
}

func allEqual(x []float64) bool {
	for _, v := range x[1:] {
		if v != x[0] {
			return false
		}
	}
	return true
}
