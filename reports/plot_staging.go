package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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
	steps := sc.StagingCapacity()
	capXY, least, most := capacityLine(sc, steps, x[0], x[len(x)-1])
	capacity, what, inKey := float64(least), capacityText(l, sc, steps), capacityKey(steps)

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
		// A capacity that events raise far above the data leaves the
		// chart at the top (the key gives it).
		p.Y.Max = max(top, capacity) * 1.05
		if float64(most) <= 2*top {
			p.Y.Max = max(top, float64(most)) * 1.05
		}
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
		yMax := p.Y.Max
		p.Add(cl)
		p.Y.Max = yMax // Add widens the axis to the whole line
		key.Add(l.Sprintf("capacity (%s)", inKey), cl)
	} else {
		key.Add(l.Sprintf("capacity %s, above the axis", inKey))
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
			fig.Caption += l.Sprintf("The dashed line is the capacity, %s; while staging is full, couriers put their items down on a pile outside the gate (the queues plot draws it).", what)
		case compound.WhenFullTurnAway:
			fig.Caption += l.Sprintf("The dashed line is the capacity, %s; couriers who find staging full leave with their items.", what)
		default:
			fig.Caption += l.Sprintf("The dashed line is the capacity, %s; couriers wait (or leave) while staging is full.", what)
		}
	} else {
		fig.Caption += l.Sprintf("The capacity, %s, is more than twice the most ever in staging and is left off the axis: staging was never near full.", what)
	}
	return fig, nil
}

// capacityLine is the staging area's capacity over the hours from x0 to x1
// of the clock, its steps as sc.StagingCapacity gives them (the events
// that add or remove places change it), as a step line, with the least and
// the most it is in those hours.
func capacityLine(sc *compound.Scenario, steps []compound.CapacityChange, x0, x1 float64) (xy plotter.XYs, least, most int) {
	start := float64(sc.Horizon.Start)
	least, most = steps[0].Capacity, steps[0].Capacity
	for i, c := range steps {
		at := max((start+c.At)/3600, x0)
		if at > x1 {
			break
		}
		if i > 0 {
			xy = append(xy, plotter.XY{X: at, Y: float64(steps[i-1].Capacity)})
		}
		xy = append(xy, plotter.XY{X: at, Y: float64(c.Capacity)})
		least, most = min(least, c.Capacity), max(most, c.Capacity)
	}
	return append(xy, plotter.XY{X: x1, Y: xy[len(xy)-1].Y}), least, most
}

// capacityText says the staging area's capacity of steps: "20 items", or
// with the events of sc that change it, by their numbers on the figures,
// "20 items, 680 from event 1".
func capacityText(l look, sc *compound.Scenario, steps []compound.CapacityChange) string {
	text := l.count(steps[0].Capacity, "item", "items")
	events := sc.Timeline()
	for _, c := range steps[1:] {
		n := slices.IndexFunc(events, func(e compound.TimelineEntry) bool {
			return e.Time == c.At && (e.Event.Add != nil || e.Event.Remove != nil)
		})
		text += l.Sprintf(", %d from event %d", c.Capacity, n+1)
	}
	return text
}

// capacityKey is the capacity of steps in the figure's key: "20", or
// "20 → 680" where events change it.
func capacityKey(steps []compound.CapacityChange) string {
	var caps []string
	for _, c := range steps {
		caps = append(caps, strconv.Itoa(c.Capacity))
	}
	return strings.Join(caps, " → ")
}
