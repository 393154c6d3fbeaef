package reports

import (
	"fmt"
	"math"
	"slices"

	"cordon/compound"
	"cordon/experiment"
)

// repSeries is one sampled quantity over the replications of an outcome:
// Points[r][i] is replication r at grid point i, every replication cut to
// the shortest.
type repSeries struct {
	Step   float64
	Points [][]float64
}

// seriesOf gathers the series called name from every replication.
func seriesOf(o *experiment.Outcome, name string) (repSeries, error) {
	var rs repSeries
	for r, res := range o.Runs {
		i := slices.IndexFunc(res.Series, func(s compound.Series) bool { return s.Name == name })
		if i < 0 {
			return repSeries{}, fmt.Errorf("replication %d has no series %q", r, name)
		}
		s := res.Series[i]
		if rs.Step == 0 {
			rs.Step = s.Step
		}
		rs.Points = append(rs.Points, s.Points)
	}
	if len(rs.Points) == 0 {
		return repSeries{}, fmt.Errorf("no replication has series %q", name)
	}
	n := len(rs.Points[0])
	for _, p := range rs.Points {
		n = min(n, len(p))
	}
	for r := range rs.Points {
		rs.Points[r] = rs.Points[r][:n]
	}
	return rs, nil
}

// len returns the number of grid points.
func (rs repSeries) len() int { return len(rs.Points[0]) }

// mean returns the mean over replications at each grid point.
func (rs repSeries) mean() []float64 {
	out := make([]float64, rs.len())
	for i := range out {
		s := 0.0
		for _, p := range rs.Points {
			s += p[i]
		}
		out[i] = s / float64(len(rs.Points))
	}
	return out
}

// percentile returns the q-th quantile (0..1) over replications at each
// grid point.
func (rs repSeries) percentile(q float64) []float64 {
	out := make([]float64, rs.len())
	col := make([]float64, len(rs.Points))
	for i := range out {
		for r, p := range rs.Points {
			col[r] = p[i]
		}
		slices.Sort(col)
		out[i] = quantile(col, q)
	}
	return out
}

// add adds other to rs point by point (both over the same replications).
func (rs repSeries) add(other repSeries) repSeries {
	out := repSeries{Step: rs.Step, Points: make([][]float64, len(rs.Points))}
	n := min(rs.len(), other.len())
	for r := range rs.Points {
		out.Points[r] = make([]float64, n)
		for i := range n {
			out.Points[r][i] = rs.Points[r][i] + other.Points[r][i]
		}
	}
	return out
}

// quantile returns the q-th quantile of sorted values by linear
// interpolation between order statistics: position q·(n−1), counting from
// zero (Hyndman and Fan's type 7, the default of R and NumPy).
func quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := q * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
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
