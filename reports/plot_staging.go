package reports

import (
	"fmt"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"cordon/compound"
	"cordon/experiment"
)

// stagingPlot is staging occupancy over the day: the mean over replications
// of the items in the staging area, the band from the 5th to the 95th
// percentile across replications at each grid time, and the capacity.
func stagingPlot(l look, o *experiment.Outcome) (Plot, error) {
	rs, err := seriesOf(o, "busy at staging")
	if err != nil {
		return Plot{}, fmt.Errorf("staging plot: %w", err)
	}
	sc := o.Scenario
	x := clockHours(sc, rs.Step, rs.len())
	mean, lo, hi := rs.mean(), rs.percentile(0.05), rs.percentile(0.95)
	capacity := float64(sc.Gate.Slots())

	fig := Plot{Name: "staging", Title: l.T("Items in the staging area by the gate")}
	p := l.newPlot(fig.Title, l.T("time of day"), l.T("items in staging"))
	clockAxis(p, x[0], x[len(x)-1])
	// A capacity far above what was ever in staging (680 places, 140
	// items) would squeeze the data into the bottom of the chart: the axis
	// then stops above the data, and the key and caption give the capacity.
	top := max(maxOf(hi, mean), 1)
	drawCapacity := capacity <= 2*top
	p.Y.Min, p.Y.Max = 0, top*1.1
	if drawCapacity {
		p.Y.Max = max(top, capacity) * 1.05
	}

	blue := seriesColor(0)
	area, ring, err := band(x, lo, hi, alpha(blue, 0.25))
	if err != nil {
		return Plot{}, err
	}
	meanXY := xyOf(x, mean)
	ml, err := line(meanXY, blue, vg.Points(1.6))
	if err != nil {
		return Plot{}, err
	}
	capXY := plotter.XYs{{X: x[0], Y: capacity}, {X: x[len(x)-1], Y: capacity}}
	cl, err := line(capXY, seriesColor(3), vg.Points(1.2))
	if err != nil {
		return Plot{}, err
	}
	cl.Dashes = dashes()
	p.Add(area, ml)

	key := l.newSideLegend()
	key.Add(l.Sprintf("mean of %d replications", rs.Reps), ml)
	key.Add(l.T("5th–95th percentile"), area)
	if drawCapacity {
		p.Add(cl)
		key.Add(l.Sprintf("capacity (%d)", sc.Gate.Slots()), cl)
	} else {
		key.Add(l.Sprintf("capacity %d, above the axis", sc.Gate.Slots()))
	}
	p.Add(key)

	fig.P = p
	fig.addLayer("mean", meanXY)
	fig.addLayer("band", ring)
	fig.addLayer("low", xyOf(x, lo))
	fig.addLayer("high", xyOf(x, hi))
	if drawCapacity {
		fig.addLayer("capacity", capXY)
	}
	fig.Caption = l.Sprintf("Items put down in the staging area (ground, shelves and containers) through the day: "+
		"the line is the mean over %d replications, the band holds 90%% of the replications at each time (5th to 95th percentile). ", rs.Reps)
	if drawCapacity {
		switch sc.Gate.WhenFull {
		case compound.WhenFullPile:
			fig.Caption += l.Sprintf("The dashed line is the capacity of %d items; while staging is full, couriers put their items down on a pile outside the gate (the queues plot draws it).", sc.Gate.Slots())
		case compound.WhenFullTurnAway:
			fig.Caption += l.Sprintf("The dashed line is the capacity of %d items; couriers who find staging full leave with their items.", sc.Gate.Slots())
		default:
			fig.Caption += l.Sprintf("The dashed line is the capacity of %d items; couriers wait (or leave) while staging is full.", sc.Gate.Slots())
		}
	} else {
		fig.Caption += l.Sprintf("The capacity, %d items, is more than twice the most ever in staging and is left off the axis: staging was never near full.", sc.Gate.Slots())
	}
	return fig, nil
}
