package experiment

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"cordon/compound"
	"cordon/sim/stats"
)

// Observed is what the log of a day says happened beside what arrived: the
// items delivered, each with the time it arrived when the log joins it to
// its arrival, the times items were turned away at a full gate, and the
// residents sampled. Times are seconds from the run's start. Nil
// Deliveries, TurnedAway or Sampled mean that the log does not say (not
// that nothing happened): their figures are left out, not set at zero.
type Observed struct {
	Deliveries []ObservedDelivery
	TurnedAway []float64
	Sampled    []float64
}

// ObservedDelivery is one item handed over at the door, as logged.
type ObservedDelivery struct {
	Kind      int     // index into Scenario.Kinds
	Arrived   float64 // NaN when the log does not say (no id joining it to arrivals.csv)
	Delivered float64
	// Stages is the time it spent in each stage, in the order of
	// compound.Stages(): NaN for a stage the log does not time, nil when
	// it times none.
	Stages []float64
}

// Review is a post-incident review of a logged day: the day replayed
// through the model, the observed figures beside the replay's hour by hour
// and KPI by KPI, where an item's time went, and, when a change is asked
// for, what it would have changed on the day.
type Review struct {
	Replay   *Outcome // the logged arrivals and roster through the scenario, over replications
	Arrivals int      // items in the log
	Observed *Observed
	Hours    []ReviewHour
	KPIs     []ReviewKPI
	Stages   []KindStages
	// Change is the replay under a change against the replay (its first
	// outcome is Replay), with paired intervals; nil when no change was asked.
	Change *Comparison
	// ChangeRosterPools are the pools the change was applied to on the
	// logged roster.
	ChangeRosterPools []string
	// Helped is what would have helped on the day, when asked
	// (see Helped); nil when not.
	Helped *Helped
}

// Beside is an observed figure beside the replay's: the mean over the
// replications with its confidence interval, and the prediction interval
// for one day, where a logged day's figure should fall when the model is
// right about it.
type Beside struct {
	Observed          float64 // NaN when the log does not say
	Simulated         stats.Summary
	PredLow, PredHigh float64
}

// Inside reports whether the observed figure is inside the prediction
// interval (false when there is no observed figure).
func (b Beside) Inside() bool { return b.PredLow <= b.Observed && b.Observed <= b.PredHigh }

func beside(observed float64, values []float64) Beside {
	s := summarize(values)
	lo, hi := s.Prediction()
	if lo < 0 {
		lo = 0
	}
	return Beside{Observed: observed, Simulated: s, PredLow: lo, PredHigh: hi}
}

// ReviewHour is one hour of the logged day.
type ReviewHour struct {
	Start     float64 // seconds from the run's start
	Arrived   int     // items the log has arriving in the hour
	Delivered Beside  // items delivered in the hour
	DoorTime  Beside  // mean time to the door of the items that arrived in the hour, seconds
	// Backlog is the items still on their way at the end of the hour:
	// arrived, neither delivered nor turned away, as the KPI items.backlog
	// at the end of the run. When the log does not say which items were
	// turned away, the observed backlog counts them too.
	Backlog    Beside
	TurnedAway Beside // items turned away at a full gate in the hour
	Sampled    Beside // residents sampled in the hour (NaN throughout without a round)
}

// ReviewKPI is one KPI measured on the logged day beside the replay's.
type ReviewKPI struct {
	KPI compound.KPI
	Beside
}

// KindStages is where the time of one kind's delivered items went, stage by
// stage, in the replay: the mean time in each stage, and its share of the
// time to the door.
type KindStages struct {
	Kind   string
	Total  stats.Summary // the mean time to the door
	Stages []StageTime
}

// StageTime is the mean time a kind's items spent in one stage.
type StageTime struct {
	compound.Stage
	Time  stats.Summary
	Share float64 // of the mean time to the door
}

// ReviewAsk is what a review is asked for besides the replay: a change to
// replay the day under (nil for none), and whether to rank what would have
// helped on the day (see Helped).
type ReviewAsk struct {
	Change *DayChange
	Helped bool
}

// ReviewDay replays the logged arrivals (and roster, when not nil) through
// sc and sets the observed figures beside the replay's. When a change is
// asked the log is replayed under it too, with common random numbers, and
// compared with the replay; when Helped is asked, the changes a planner
// could have made are ranked by what they would have done on the day. One
// progress count covers all of it.
func ReviewDay(ctx context.Context, sc *compound.Scenario, arrivals []compound.LoggedArrival, roster []compound.RosterEntry,
	observed *Observed, ask ReviewAsk, opt Options) (*Review, error) {
	if observed != nil {
		if err := checkObserved(sc, observed); err != nil {
			return nil, err
		}
	}
	runs := []loggedRun{{sc, roster, 0}}
	if ch := ask.Change; ch != nil {
		chRoster := ch.Roster
		if chRoster == nil {
			chRoster = roster
		}
		runs = append(runs, loggedRun{ch.Scenario, chRoster, 0})
	}
	var h *helping
	if ask.Helped {
		h = newHelping(sc, arrivals, roster, observed, opt)
	}
	p := newProgress(opt.Progress, h.units())
	for _, r := range runs {
		p.total += repsOf(r, opt)
	}
	outs, err := p.run(ctx, arrivals, runs, opt)
	if err != nil {
		return nil, err
	}
	replay := outs[0]
	r := &Review{Replay: replay, Arrivals: len(arrivals), Observed: observed}
	if len(outs) > 1 {
		if r.Change, err = compareOutcomes(outs, MinEffects{}); err != nil {
			return nil, err
		}
		r.ChangeRosterPools = ask.Change.RosterPools
	}
	r.Hours = reviewHours(replay, arrivals, observed)
	r.KPIs = reviewKPIs(replay, observed)
	r.Stages = kindStages(replay)
	if h != nil {
		if err := h.rank(ctx, r, p); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// checkObserved makes sure the observations fit the scenario.
func checkObserved(sc *compound.Scenario, o *Observed) error {
	end := float64(sc.Horizon.Days) * 86400
	for i, d := range o.Deliveries {
		if d.Kind < 0 || d.Kind >= len(sc.Kinds) {
			return fmt.Errorf("observed delivery %d: no kind %d", i, d.Kind)
		}
		if !(d.Delivered >= 0 && d.Delivered <= end) {
			return fmt.Errorf("observed delivery %d: delivered at %v s, outside the run", i, d.Delivered)
		}
	}
	for i, t := range o.Sampled {
		if !(t >= 0 && t <= end) {
			return fmt.Errorf("observed sample %d: at %v s, outside the run", i, t)
		}
	}
	return nil
}

// reviewHours sets the observed day beside the replay, hour by hour.
func reviewHours(replay *Outcome, arrivals []compound.LoggedArrival, observed *Observed) []ReviewHour {
	runs := replay.Runs
	if len(runs) == 0 || len(runs[0].Hours) == 0 {
		return nil
	}
	hours := len(runs[0].Hours[0].Arrived)
	nan := math.NaN()
	// Observed, hour by hour.
	arrived := make([]int, hours)
	for _, a := range arrivals {
		if h := hourOf(a.At, hours); h >= 0 {
			arrived[h]++
		}
	}
	obsDelivered, obsBacklog, obsDoor, obsSampled := nanHours(hours), nanHours(hours), nanHours(hours), nanHours(hours)
	obsTurned := nanHours(hours)
	turnedAt := make([]int, hours)
	if observed != nil && observed.TurnedAway != nil {
		for _, t := range observed.TurnedAway {
			if h := hourOf(t, hours); h >= 0 {
				turnedAt[h]++
			}
		}
		for h := range hours {
			obsTurned[h] = float64(turnedAt[h])
		}
	}
	if observed != nil && observed.Deliveries != nil {
		delivered := make([]int, hours)
		doorSum, doorN := make([]float64, hours), make([]int, hours)
		for _, d := range observed.Deliveries {
			if h := hourOf(d.Delivered, hours); h >= 0 {
				delivered[h]++
			}
			if !math.IsNaN(d.Arrived) {
				if h := hourOf(d.Arrived, hours); h >= 0 {
					doorSum[h] += d.Delivered - d.Arrived
					doorN[h]++
				}
			}
		}
		in, out := 0, 0
		for h := range hours {
			in += arrived[h]
			out += delivered[h] + turnedAt[h]
			obsDelivered[h] = float64(delivered[h])
			obsBacklog[h] = float64(in - out)
			if doorN[h] > 0 {
				obsDoor[h] = doorSum[h] / float64(doorN[h])
			}
		}
	}
	if observed != nil && observed.Sampled != nil && replay.Scenario.Sampling != nil {
		sampled := make([]int, hours)
		for _, t := range observed.Sampled {
			if h := hourOf(t, hours); h >= 0 {
				sampled[h]++
			}
		}
		for h := range hours {
			obsSampled[h] = float64(sampled[h])
		}
	}
	// Simulated, replication by replication.
	n := len(runs)
	delivered, backlog, door, sampled := table(hours, n), table(hours, n), table(hours, n), table(hours, n)
	turned := table(hours, n)
	for r, res := range runs {
		in, out := 0, 0
		for h := range hours {
			dsum, dn := 0.0, 0
			for _, kh := range res.Hours {
				in += kh.Arrived[h]
				out += kh.Delivered[h]
				delivered[h][r] += float64(kh.Delivered[h])
				if h < len(kh.TurnedAway) {
					out += kh.TurnedAway[h]
					turned[h][r] += float64(kh.TurnedAway[h])
				}
				if h < len(kh.DoorCount) && kh.DoorCount[h] > 0 {
					dsum += kh.DoorTime[h] * float64(kh.DoorCount[h])
					dn += kh.DoorCount[h]
				}
			}
			backlog[h][r] = float64(in - out)
			door[h][r] = nan
			if dn > 0 {
				door[h][r] = dsum / float64(dn)
			}
		}
		cum := sampledByHour(res, hours)
		for h := range hours {
			sampled[h][r] = cum[h]
		}
	}
	out := make([]ReviewHour, hours)
	for h := range hours {
		out[h] = ReviewHour{
			Start:      float64(h) * 3600,
			Arrived:    arrived[h],
			Delivered:  beside(obsDelivered[h], delivered[h]),
			DoorTime:   beside(obsDoor[h], door[h]),
			Backlog:    beside(obsBacklog[h], backlog[h]),
			TurnedAway: beside(obsTurned[h], turned[h]),
			Sampled:    beside(obsSampled[h], sampled[h]),
		}
	}
	return out
}

// sampledByHour is the residents sampled in each hour of a replication,
// from the sites' cumulative series (NaN without a round).
func sampledByHour(res *compound.Result, hours int) []float64 {
	out := nanHours(hours)
	var total []float64
	for _, s := range res.Series {
		if !strings.HasPrefix(s.Name, "sampled at ") || s.Step <= 0 {
			continue
		}
		if total == nil {
			total = make([]float64, hours+1)
		}
		for h := 0; h <= hours; h++ {
			total[h] += seriesAt(s, float64(h)*3600)
		}
	}
	if total == nil {
		return out
	}
	for h := range hours {
		out[h] = total[h+1] - total[h]
	}
	return out
}

// seriesAt is a cumulative series' value at time t: its last point at or
// before t.
func seriesAt(s compound.Series, t float64) float64 {
	if len(s.Points) == 0 || t < s.Start {
		return 0
	}
	i := int(math.Floor((t - s.Start) / s.Step))
	if i >= len(s.Points) {
		i = len(s.Points) - 1
	}
	v := s.Points[i]
	if math.IsNaN(v) {
		return 0
	}
	return v
}

func hourOf(t float64, hours int) int {
	h := int(math.Floor(t / 3600))
	if h < 0 || h >= hours {
		return -1
	}
	return h
}

func nanHours(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

func table(rows, cols int) [][]float64 {
	out := make([][]float64, rows)
	for i := range out {
		out[i] = make([]float64, cols)
	}
	return out
}

// reviewKPIs measures on the logged day the KPIs the log can tell: each
// kind's items delivered and, for the items it joins to their arrival, the
// mean and 95th percentile of the time to the door; all items delivered;
// residents sampled and the round's makespan.
func reviewKPIs(replay *Outcome, observed *Observed) []ReviewKPI {
	if observed == nil {
		return nil
	}
	sc := replay.Scenario
	var out []ReviewKPI
	add := func(name string, v float64) {
		if k, ok := replay.KPI(name); ok {
			out = append(out, ReviewKPI{KPI: k.KPI, Beside: beside(v, k.Values)})
		}
	}
	total := 0
	for i, kind := range sc.Kinds {
		if observed.Deliveries == nil {
			break
		}
		var door stats.Tally
		door.KeepValues()
		n := 0
		for _, d := range observed.Deliveries {
			if d.Kind != i {
				continue
			}
			n++
			if !math.IsNaN(d.Arrived) {
				door.Add(d.Delivered - d.Arrived)
			}
		}
		total += n
		if kind.PerDay == 0 && n == 0 {
			continue
		}
		add(kind.Name+".delivered", float64(n))
		mean, p95 := math.NaN(), math.NaN()
		if door.Count() > 0 {
			mean, p95 = door.Mean(), door.Quantile(0.95)
		}
		add(kind.Name+".door_time.mean", mean)
		add(kind.Name+".door_time.p95", p95)
		for j, st := range compound.Stages() {
			if t, ok := observedStage(observed.Deliveries, i, j); ok {
				add(kind.Name+".time."+st.Name, t)
			}
		}
	}
	if observed.Deliveries != nil {
		add("items.delivered", float64(total))
	}
	if sp := sc.Sampling; sp != nil && observed.Sampled != nil {
		add("sampling.sampled", float64(len(observed.Sampled)))
		if len(observed.Sampled) > 0 {
			last := observed.Sampled[0]
			for _, t := range observed.Sampled {
				last = math.Max(last, t)
			}
			start := float64(sp.Day-1)*86400 + float64(sp.Start) - float64(sc.Horizon.Start)
			add("sampling.makespan", last-start)
		}
	}
	return out
}

// observedStage is the mean time the delivered items of a kind spent in
// stage j, over those the log times it for; false when it times none.
func observedStage(deliveries []ObservedDelivery, kind, j int) (float64, bool) {
	sum, n := 0.0, 0
	for _, d := range deliveries {
		if d.Kind == kind && j < len(d.Stages) && !math.IsNaN(d.Stages[j]) {
			sum += d.Stages[j]
			n++
		}
	}
	return sum / float64(n), n > 0
}

// kindStages splits each kind's time to the door into its stages.
func kindStages(replay *Outcome) []KindStages {
	var out []KindStages
	for _, kind := range replay.Scenario.Kinds {
		total, ok := replay.KPI(kind.Name + ".door_time.mean")
		if !ok || total.N == 0 {
			continue
		}
		ks := KindStages{Kind: kind.Name, Total: total.Summary}
		for _, st := range compound.Stages() {
			k, ok := replay.KPI(kind.Name + ".time." + st.Name)
			if !ok {
				continue
			}
			share := math.NaN()
			if total.Mean > 0 {
				share = k.Mean / total.Mean
			}
			ks.Stages = append(ks.Stages, StageTime{Stage: st, Time: k.Summary, Share: share})
		}
		out = append(out, ks)
	}
	return out
}

// ObservedOf is what a log observed, without the stage times: one kept by
// the model (RecordLog), as cordon record writes it by default. Its
// TurnedAway is nil when the log's is (it does not say); nil for no log.
// See ObservedTimed for a log that times the stages.
func ObservedOf(log *compound.Log) *Observed {
	if log == nil {
		return nil
	}
	o := &Observed{Sampled: log.Sampled}
	if log.TurnedAway != nil {
		o.TurnedAway = make([]float64, 0, len(log.TurnedAway))
	}
	for _, t := range log.TurnedAway {
		o.TurnedAway = append(o.TurnedAway, t.At)
	}
	for _, d := range log.Deliveries {
		o.Deliveries = append(o.Deliveries, ObservedDelivery{Kind: d.Kind, Arrived: d.Arrived, Delivered: d.Delivered})
	}
	return o
}

// ObservedTimed is what ObservedOf has, with the time each delivered item
// spent in each stage where the log says (a day read by logs.ReadDay times
// the stages of the items whose checkpoints observed.csv has); nil for no
// log.
func ObservedTimed(log *compound.Log) *Observed {
	o := ObservedOf(log)
	if o == nil {
		return nil
	}
	for i, d := range log.Deliveries {
		o.Deliveries[i].Stages = slices.Clone(d.Stages)
	}
	return o
}
