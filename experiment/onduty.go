package experiment

import (
	"math"
	"strings"

	"cordon/compound"
)

// OnDutyLine is the staff on duty hour by hour of a run: one pool's (every
// zone's group together), or the sampling sites' medical staff's, as the
// mean over the replications of the mean number on duty in each hour
// (staff in a change-over or finishing past their shift end not counted);
// NaN in an hour no replication has a figure for.
type OnDutyLine struct {
	Pool    string // a pool's name, or compound.MedicalStaff
	Step    float64
	PerHour []float64
}

// dutySums adds up the replications' staff on duty in the order of the
// replications, whatever the order they finish in, so that the sums are
// the same to the bit as one pass over them: a replication that finishes
// before its turn waits (its on-duty series only) until the ones before it
// are in. The lines are the first replication's.
type dutySums struct {
	next    int
	pending map[int][]compound.Series
	lines   []compound.Series // the first replication's, for the names and steps
	sum     [][]float64
	n       [][]int
}

// add takes replication rep's on-duty series.
func (d *dutySums) add(rep int, res *compound.Result) {
	var mine []compound.Series
	prefix := compound.OnDutySeries("")
	for _, s := range res.Series {
		if strings.HasPrefix(s.Name, prefix) {
			s.Points = append([]float64(nil), s.Points...)
			mine = append(mine, s)
		}
	}
	if rep != d.next {
		if d.pending == nil {
			d.pending = map[int][]compound.Series{}
		}
		d.pending[rep] = mine
		return
	}
	for {
		d.fold(mine)
		d.next++
		var ok bool
		if mine, ok = d.pending[d.next]; !ok {
			return
		}
		delete(d.pending, d.next)
	}
}

// fold adds the next replication's series to the sums.
func (d *dutySums) fold(series []compound.Series) {
	if d.next == 0 {
		d.lines = series
		for _, s := range series {
			d.sum = append(d.sum, make([]float64, len(s.Points)))
			d.n = append(d.n, make([]int, len(s.Points)))
		}
	}
	for l, line := range d.lines {
		for _, s := range series {
			if s.Name != line.Name {
				continue
			}
			for h, v := range s.Points[:min(len(s.Points), len(d.sum[l]))] {
				if !math.IsNaN(v) {
					d.sum[l][h] += v
					d.n[l][h]++
				}
			}
			break
		}
	}
}

// result returns the means, nil when the replications have no on-duty
// series (or the first has not been added).
func (d *dutySums) result() []OnDutyLine {
	var out []OnDutyLine
	prefix := compound.OnDutySeries("")
	for l, line := range d.lines {
		per := make([]float64, len(d.sum[l]))
		for h := range per {
			per[h] = math.NaN()
			if d.n[l][h] > 0 {
				per[h] = d.sum[l][h] / float64(d.n[l][h])
			}
		}
		out = append(out, OnDutyLine{Pool: strings.TrimPrefix(line.Name, prefix), Step: line.Step, PerHour: per})
	}
	return out
}
