package experiment

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"cordon/compound"
	"cordon/text"
)

// MaxFigure bounds every figure of a result a part may hold: a count, a
// time in seconds, a rate or a share beyond it (1e12 seconds are 31,000
// years) is no replication's, but damage.
const MaxFigure = 1e12

// checkWork checks the work of a part before anything is taken from it:
// its scenarios pass their checks, its units are at most MaxUnits, and a
// sweep's axes give as many points as it has scenarios.
func checkWork(w *Work) error {
	if len(w.Items) == 0 {
		return errors.New("its work has no scenario")
	}
	units := 0
	for i := range w.Items {
		it := &w.Items[i]
		if it.Reps < 1 || it.Reps > MaxUnits-units {
			return fmt.Errorf("more than %d units, or a scenario of %d replications", MaxUnits, it.Reps)
		}
		units += it.Reps
		if errs := it.Scenario.Check(); len(errs) > 0 {
			return fmt.Errorf("scenario %d (%s): %v", i, text.OneLine(it.Scenario.Name), errs[0])
		}
	}
	if w.Command == CommandSweep {
		points := 1
		for _, a := range w.Axes {
			if len(a.Values) == 0 || points > len(w.Items)/len(a.Values) {
				return fmt.Errorf("its sweep's axes do not give its %d scenarios", len(w.Items))
			}
			points *= len(a.Values)
		}
		if points != len(w.Items) {
			return fmt.Errorf("its sweep's axes give %d points, but it has %d scenarios", points, len(w.Items))
		}
	}
	return nil
}

// checkUnits checks a part's units and results against its work (checked
// by checkWork): the units in order, each of the work and of the part's
// shard, each with a result of the shape and figures a replication of its
// scenario gives, and every result of a scenario of the same shape.
func (p *Part) checkUnits(w *Work) error {
	if len(p.Units) != len(p.Results) {
		return fmt.Errorf("%d units but %d results", len(p.Units), len(p.Results))
	}
	units := w.Units()
	first := map[int]int{}               // item to the index in p of its first result
	catalogs := map[int][]compound.KPI{} // item to its scenario's catalog
	for k, u := range p.Units {
		switch {
		case u < 0 || u >= units:
			return fmt.Errorf("unit %d: the work has %d units", u, units)
		case k > 0 && u <= p.Units[k-1]:
			return fmt.Errorf("unit %d after unit %d: the units are out of order", u, p.Units[k-1])
		case !p.Shard.Has(u):
			return fmt.Errorf("unit %d does not belong to shard %v", u, p.Shard)
		}
		item, rep := w.unit(u)
		what := fmt.Sprintf("unit %d (%s, replication %d)", u, text.OneLine(w.describe(item)), rep)
		res := p.Results[k]
		if res == nil {
			return fmt.Errorf("%s: no result", what)
		}
		sc := &w.Items[item].Scenario
		cat, ok := catalogs[item]
		if !ok {
			cat = compound.Catalog(sc)
			catalogs[item] = cat
		}
		if err := checkResult(sc, cat, res); err != nil {
			return fmt.Errorf("%s: %v", what, err)
		}
		if j, ok := first[item]; ok {
			if err := sameShape(p.Results[j], res, "unit "+strconv.Itoa(p.Units[j])); err != nil {
				return fmt.Errorf("%s: %v", what, err)
			}
		} else {
			first[item] = k
		}
	}
	return nil
}

// checkResult checks a result against its scenario and the scenario's
// catalog: as many KPI values as the catalog, hours and door times for each kind, hours of the run's
// length; every figure a finite number from 0 to MaxFigure, or NaN where a
// replication may have nothing to measure (a KPI, a post's utilisation or
// wait, an hour of a post or of the gate, a kind's time to the door in an
// hour).
func checkResult(sc *compound.Scenario, cat []compound.KPI, res *compound.Result) error {
	if len(res.Values) != len(cat) {
		return fmt.Errorf("%d KPI values, want %d", len(res.Values), len(cat))
	}
	for i, v := range res.Values {
		if err := figure(v, true); err != nil {
			return fmt.Errorf("KPI %s %v", text.OneLine(cat[i].Name), err)
		}
	}
	hours := sc.Horizon.Days * 24
	kinds := len(sc.Kinds)
	if len(res.Hours) != kinds {
		return fmt.Errorf("hours of %d kinds, want %d", len(res.Hours), kinds)
	}
	for k, h := range res.Hours {
		for _, c := range []struct {
			what string
			n    int
		}{{"arrived", len(h.Arrived)}, {"delivered", len(h.Delivered)}, {"turned away", len(h.TurnedAway)}, {"of time to the door", len(h.DoorTime)}, {"of doors counted", len(h.DoorCount)}} {
			if c.n != hours {
				return fmt.Errorf("kind %d has %d hours %s, want %d", k, c.n, c.what, hours)
			}
		}
		for i := range hours {
			if err := count(h.Arrived[i]); err != nil {
				return fmt.Errorf("kind %d hour %d arrived %v", k, i, err)
			}
			if err := count(h.Delivered[i]); err != nil {
				return fmt.Errorf("kind %d hour %d delivered %v", k, i, err)
			}
			if err := count(h.TurnedAway[i]); err != nil {
				return fmt.Errorf("kind %d hour %d turned away %v", k, i, err)
			}
			if err := count(h.DoorCount[i]); err != nil {
				return fmt.Errorf("kind %d hour %d doors counted %v", k, i, err)
			}
			if err := figure(h.DoorTime[i], true); err != nil {
				return fmt.Errorf("kind %d hour %d time to the door %v", k, i, err)
			}
		}
	}
	if len(res.DoorTimes) != kinds {
		return fmt.Errorf("door times of %d kinds, want %d", len(res.DoorTimes), kinds)
	}
	for k, d := range res.DoorTimes {
		for i, v := range d {
			if err := figure(v, false); err != nil {
				return fmt.Errorf("door time %d of kind %d %v", i, k, err)
			}
			if i > 0 && v < d[i-1] {
				return fmt.Errorf("door times of kind %d out of order at %d", k, i)
			}
		}
	}
	if len(res.GateBacklog) > hours {
		return fmt.Errorf("gate backlog of %d hours, want at most %d", len(res.GateBacklog), hours)
	}
	for i, v := range res.GateBacklog {
		if err := figure(v, true); err != nil {
			return fmt.Errorf("gate backlog hour %d %v", i, err)
		}
	}
	for i, p := range res.Posts {
		if err := checkPost(p, hours); err != nil {
			return fmt.Errorf("post %d (%s) %v", i, text.OneLine(p.Name), err)
		}
	}
	horizon := float64(sc.Horizon.Days) * 86400
	for i, s := range res.Series {
		if !(s.Step > 0) || s.Step > MaxFigure || math.IsNaN(s.Start) || math.Abs(s.Start) > MaxFigure {
			return fmt.Errorf("series %d has step %v: want a positive step", i, s.Step)
		}
		if most := math.Floor(horizon/s.Step) + 1; float64(len(s.Points)) > most {
			return fmt.Errorf("series %d has %d points, want at most %.0f", i, len(s.Points), most)
		}
		for j, v := range s.Points {
			if err := figure(v, false); err != nil {
				return fmt.Errorf("series %d point %d %v", i, j, err)
			}
		}
	}
	l := res.Ledger
	for _, c := range []struct {
		what string
		n    int
	}{{"arrived", l.Arrived}, {"delivered", l.Delivered}, {"turned away", l.TurnedAway}, {"in the pipeline", l.InPipeline},
		{"residents", l.Residents}, {"sampled", l.Sampled}, {"not sampled", l.NotSampled}} {
		if err := count(c.n); err != nil {
			return fmt.Errorf("ledger %s %v", c.what, err)
		}
	}
	return nil
}

// checkPost checks the figures of a post over a replication.
func checkPost(p compound.PostResult, hours int) error {
	for _, f := range []struct {
		what  string
		v     float64
		orNaN bool
	}{
		{"utilisation", p.Utilisation, true}, {"mean queue", p.QueueMean, false}, {"longest queue", p.QueueMax, false},
		{"mean wait", p.WaitMean, true}, {"p95 wait", p.WaitP95, true}, {"time with work waiting", p.Saturated, false},
		{"time open", p.Active, false}, {"overtime", p.Overtime, false},
	} {
		if err := figure(f.v, f.orNaN); err != nil {
			return fmt.Errorf("%s %v", f.what, err)
		}
	}
	if err := count(p.Arrivals); err != nil {
		return fmt.Errorf("arrivals %v", err)
	}
	if err := count(p.Blocked); err != nil {
		return fmt.Errorf("turned away %v", err)
	}
	if p.Blocked > p.Arrivals {
		return fmt.Errorf("turned away %d of %d arrivals", p.Blocked, p.Arrivals)
	}
	for _, h := range []struct {
		what string
		v    []float64
	}{{"utilisation", p.Hourly}, {"queue", p.HourlyQueue}} {
		if len(h.v) > hours {
			return fmt.Errorf("has %d hours of %s, want at most %d", len(h.v), h.what, hours)
		}
		for i, v := range h.v {
			if err := figure(v, true); err != nil {
				return fmt.Errorf("hour %d %s %v", i, h.what, err)
			}
		}
	}
	return nil
}

// figure checks a figure: finite, from 0 to MaxFigure (a little below 0
// for rounding), or NaN when orNaN. The error says what it is instead.
func figure(v float64, orNaN bool) error {
	switch {
	case math.IsNaN(v) && orNaN:
		return nil
	case math.IsNaN(v), math.IsInf(v, 0):
		return fmt.Errorf("is %v", v)
	case v < -1e-6:
		return fmt.Errorf("is %v, below 0", v)
	case v > MaxFigure:
		return fmt.Errorf("is %v, beyond %v", v, MaxFigure)
	}
	return nil
}

// count checks a count: from 0 to MaxFigure.
func count(n int) error {
	switch {
	case n < 0:
		return fmt.Errorf("is %d, below 0", n)
	case float64(n) > MaxFigure:
		return fmt.Errorf("is %d, beyond %v", n, MaxFigure)
	}
	return nil
}

// sameShape checks that two results of one scenario have the same shape:
// the same posts with as many hours each, the same series with as many
// points, as many hours of the gate's backlog. ref names the first, for
// the error.
func sameShape(first, res *compound.Result, ref string) error {
	if len(res.Posts) != len(first.Posts) {
		return fmt.Errorf("%d posts, but %s has %d", len(res.Posts), ref, len(first.Posts))
	}
	for i, p := range res.Posts {
		f := first.Posts[i]
		switch {
		case p.Name != f.Name || p.Class != f.Class:
			return fmt.Errorf("post %d is %q, but %s's is %q", i, p.Name, ref, f.Name)
		case len(p.Hourly) != len(f.Hourly):
			return fmt.Errorf("post %d has %d hours of utilisation, but %s's has %d", i, len(p.Hourly), ref, len(f.Hourly))
		case len(p.HourlyQueue) != len(f.HourlyQueue):
			return fmt.Errorf("post %d has %d hours of queue, but %s's has %d", i, len(p.HourlyQueue), ref, len(f.HourlyQueue))
		}
	}
	if len(res.Series) != len(first.Series) {
		return fmt.Errorf("%d series, but %s has %d", len(res.Series), ref, len(first.Series))
	}
	for i, s := range res.Series {
		f := first.Series[i]
		switch {
		case s.Name != f.Name || s.Unit != f.Unit || s.Start != f.Start || s.Step != f.Step:
			return fmt.Errorf("series %d is %q, but %s's is %q", i, s.Name, ref, f.Name)
		case len(s.Points) != len(f.Points):
			return fmt.Errorf("series %d has %d points, but %s's has %d", i, len(s.Points), ref, len(f.Points))
		}
	}
	if len(res.GateBacklog) != len(first.GateBacklog) {
		return fmt.Errorf("gate backlog of %d hours, but %s's has %d", len(res.GateBacklog), ref, len(first.GateBacklog))
	}
	return nil
}
