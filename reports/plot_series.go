package reports

import (
	"fmt"
	"math"

	"cordon/experiment"
)

// repSeries is one sampled quantity over the replications of an outcome,
// every replication cut to the shortest: its sums point by point (and its
// values counted, for a series drawn with a band), not the replications'
// points, gathered as they finished (experiment.PlotFigures).
type repSeries struct {
	Step float64
	Reps int // replications
	sum  []float64
	fig  *experiment.SeriesFigures
}

// seriesOf gathers the series called name from every replication.
func seriesOf(o *experiment.Outcome, name string) (repSeries, error) {
	if o.Plots == nil {
		return repSeries{}, fmt.Errorf("no replication has series %q", name)
	}
	sf, err := o.Plots.Series(name)
	if err != nil {
		return repSeries{}, err
	}
	return repSeries{Step: sf.Step, Reps: sf.N, sum: sf.Sum, fig: sf}, nil
}

// len returns the number of grid points.
func (rs repSeries) len() int { return len(rs.sum) }

// mean returns the mean over replications at each grid point.
func (rs repSeries) mean() []float64 {
	out := make([]float64, rs.len())
	for i, s := range rs.sum {
		out[i] = s / float64(rs.Reps)
	}
	return out
}

// percentile returns the q-th quantile (0..1) over replications at each
// grid point, of a series drawn with a band (experiment.Banded).
func (rs repSeries) percentile(q float64) []float64 {
	if rs.fig == nil {
		return nil
	}
	return rs.fig.Quantile(q)[:rs.len()]
}

// add adds other to rs point by point (both over the same replications).
// The series are counts (items, tasks, people waiting), whose sums are
// exact in float64: adding the sums is adding the replications' points
// first, to the bit.
func (rs repSeries) add(other repSeries) repSeries {
	n := min(rs.len(), other.len())
	out := repSeries{Step: rs.Step, Reps: rs.Reps, sum: make([]float64, n)}
	for i := range n {
		out.sum[i] = rs.sum[i] + other.sum[i]
	}
	return out
}

// maxOf returns the largest finite value of vs (0 when there is none).
func maxOf(vs ...[]float64) float64 {
	m := 0.0
	for _, v := range vs {
		for _, x := range v {
			if !math.IsNaN(x) && !math.IsInf(x, 0) {
				m = max(m, x)
			}
		}
	}
	return m
}
