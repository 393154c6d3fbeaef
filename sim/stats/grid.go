package stats

import (
	"errors"
	"math"
)

// grid is n consecutive intervals of equal width from start: interval i is
// [start+i*width, start+(i+1)*width). Edges are computed by multiplication,
// never by accumulation, so they do not drift.
type grid struct {
	start, width float64
	n            int
}

func newGrid(start, width float64, n int) (grid, error) {
	switch {
	case !finite(start):
		return grid{}, errors.New("stats: grid start must be finite")
	case !(width > 0) || math.IsInf(width, 1):
		return grid{}, errors.New("stats: grid step must be finite and > 0")
	case n < 1:
		return grid{}, errors.New("stats: grid needs at least one point")
	}
	return grid{start: start, width: width, n: n}, nil
}

// edge returns start + i*width.
func (g grid) edge(i int) float64 { return g.start + float64(i)*g.width }

// end returns the end of the last interval.
func (g grid) end() float64 { return g.edge(g.n) }

// index returns the interval holding t, for start <= t < end.
func (g grid) index(t float64) int {
	i := int(math.Floor((t - g.start) / g.width))
	i = min(max(i, 0), g.n-1)
	// Division may round across an edge; settle on the edges themselves.
	for i > 0 && t < g.edge(i) {
		i--
	}
	for i < g.n-1 && t >= g.edge(i+1) {
		i++
	}
	return i
}

// nanSlice returns n NaNs.
func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}
