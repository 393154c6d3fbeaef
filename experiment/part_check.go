package experiment

import (
	"errors"
	"fmt"
	"math"

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
		{"time open", p.Active, false}, {"overtime", p.Overtime, false}, {"time spent waiting", p.Waited, false},
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
	for d, v := range p.DayWaited {
		if err := figure(v, false); err != nil {
			return fmt.Errorf("day %d time spent waiting %v", d+1, err)
		}
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

// shape is what every result of one scenario must share with the first:
// the same posts with as many hours each, the same series with as many
// points, as many hours of the gate's backlog. It holds no figure of the
// result, only names and lengths.
type shape struct {
	posts  []postShape
	series []seriesShape
	gate   int
}

type postShape struct {
	name, class   string
	hours, queues int
}

type seriesShape struct {
	name, unit  string
	start, step float64
	points      int
}

// shapeOf returns the shape of res.
func shapeOf(res *compound.Result) *shape {
	s := &shape{gate: len(res.GateBacklog)}
	for _, p := range res.Posts {
		s.posts = append(s.posts, postShape{p.Name, p.Class, len(p.Hourly), len(p.HourlyQueue)})
	}
	for _, x := range res.Series {
		s.series = append(s.series, seriesShape{x.Name, x.Unit, x.Start, x.Step, len(x.Points)})
	}
	return s
}

// same checks that res has the shape; ref names the result the shape is
// of, for the error.
func (s *shape) same(res *compound.Result, ref string) error {
	if len(res.Posts) != len(s.posts) {
		return fmt.Errorf("%d posts, but %s has %d", len(res.Posts), ref, len(s.posts))
	}
	for i, p := range res.Posts {
		f := s.posts[i]
		switch {
		case p.Name != f.name || p.Class != f.class:
			return fmt.Errorf("post %d is %q, but %s's is %q", i, p.Name, ref, f.name)
		case len(p.Hourly) != f.hours:
			return fmt.Errorf("post %d has %d hours of utilisation, but %s's has %d", i, len(p.Hourly), ref, f.hours)
		case len(p.HourlyQueue) != f.queues:
			return fmt.Errorf("post %d has %d hours of queue, but %s's has %d", i, len(p.HourlyQueue), ref, f.queues)
		}
	}
	if len(res.Series) != len(s.series) {
		return fmt.Errorf("%d series, but %s has %d", len(res.Series), ref, len(s.series))
	}
	for i, x := range res.Series {
		f := s.series[i]
		switch {
		case x.Name != f.name || x.Unit != f.unit || x.Start != f.start || x.Step != f.step:
			return fmt.Errorf("series %d is %q, but %s's is %q", i, x.Name, ref, f.name)
		case len(x.Points) != f.points:
			return fmt.Errorf("series %d has %d points, but %s's has %d", i, len(x.Points), ref, f.points)
		}
	}
	if len(res.GateBacklog) != s.gate {
		return fmt.Errorf("gate backlog of %d hours, but %s's has %d", len(res.GateBacklog), ref, s.gate)
	}
	return nil
}
