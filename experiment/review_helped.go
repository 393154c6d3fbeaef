package experiment

import (
	"context"
	"fmt"
	"math"
	"sort"

	"cordon/compound"
	"cordon/sim/stats"
)

// Restore is the Resource of a change that gives the day back what the plan had
// and the day did not: the staff the roster shows absent, or the shortfall
// the observations point to.
const Restore = "restore"

// Helped is what would have helped on a logged day. Every change a planner
// could have made (one more worker on each post and shift, each capacity
// one step up, each zero-cost knob one step either way, and the plan's staff
// where the day had fewer) is replayed on the logged arrivals with common
// random numbers, and those that would have improved the review's headline
// KPIs are ranked: first the changes that restore the plan (the day departed
// from it there: the likely cause), then the others by their gains.
type Helped struct {
	// Day is the day the changes are made to: the replay with the logged
	// roster, or, with no roster but observations, the scenario with the
	// shortfall that best explains the observed day (Inferred).
	Day *Outcome
	// Inferred is the shortfall read from the observations when there is
	// no roster, with any others that fit them alike; nil when none
	// explains the day better than the plan.
	Inferred *Inferred
	// Shortfalls are where the logged roster had fewer on duty than the plan.
	Shortfalls []compound.RosterShortfall
	// KPIs are the headline KPIs the changes are judged on.
	KPIs []compound.KPI
	// Changes are the changes that would have helped, best first.
	Changes []HelpedChange
	// Tried is how many changes were replayed.
	Tried int
	// Reps is the replications of each change.
	Reps int
	// Notes say what the ranking could not do (no roster, no observations).
	Notes []string
}

// HelpedChange is one change and what it would have done on the day.
type HelpedChange struct {
	Change   string // as --set takes it; for a roster restored, what was restored
	Post     string // the pool, site or equipment it changes
	Resource string // Restore, or the knob's: KnobStaff, KnobEquipment or KnobSchedule
	Cost     float64
	// Score adds the significant relative gains on the headline KPIs
	// (losses count against it).
	Score float64
	// Lead is the headline KPI it improves most (relative to the day), and
	// Effects every headline KPI: the change minus the day, paired.
	Lead    Difference
	Effects []Difference
}

// LikelyCause returns the change named the likely cause: the first, when
// it restores the plan; nil when no departure from the plan would have
// helped (or none is known).
func (h *Helped) LikelyCause() *HelpedChange {
	if h == nil || len(h.Changes) == 0 || h.Changes[0].Resource != Restore {
		return nil
	}
	return &h.Changes[0]
}

// inferReps is the replications each candidate shortfall (and the plan)
// is replayed with to see which explains the observed day, whatever the
// replications of the review: with fewer, the fits are too uncertain to
// tell most causes apart.
const inferReps = 10

// helping is the work of ranking what would have helped.
type helping struct {
	sc       *compound.Scenario
	arrivals []compound.LoggedArrival
	roster   []compound.RosterEntry
	observed *Observed
	opt      Options
	reps     int
	fitReps  int
	guesses  []shortfall
}

// shortfall is a guess at what the day was short of: a staff knob at a
// lower count.
type shortfall struct {
	knob  Knob
	value int
}

func newHelping(sc *compound.Scenario, arrivals []compound.LoggedArrival, roster []compound.RosterEntry, observed *Observed, opt Options) *helping {
	// The changes and the guesses are judged by their KPIs alone: each
	// keeps its KPIs' values, not its replications whole (a logged day's
	// replay is about 200 kB a replication, and some sixty changes are
	// replayed).
	opt.FiguresOnly = true
	h := &helping{sc: sc, arrivals: arrivals, roster: roster, observed: observed, opt: opt}
	h.reps = repsOf(loggedRun{sc: sc}, opt)
	h.fitReps = inferReps
	if roster == nil && observed != nil && (observed.Deliveries != nil || observed.Sampled != nil) {
		for _, k := range Knobs(sc) {
			if k.Resource != KnobStaff {
				continue
			}
			v := k.Value(sc)
			guesses := []int{v - k.Step}
			if v/2 < v-k.Step {
				guesses = append(guesses, v/2)
			}
			for _, w := range guesses {
				if w >= 0 {
					h.guesses = append(h.guesses, shortfall{k, w})
				}
			}
		}
	}
	return h
}

// units is the replications the ranking will run: the guesses, and (when
// one is taken) the day it makes and the plan restored; the changes.
func (h *helping) units() int {
	if h == nil || h.reps < 2 {
		return 0
	}
	n := len(h.guesses) * h.fitReps
	if len(h.guesses) > 0 && h.reps < h.fitReps {
		n += h.fitReps // the plan, fitted with more replications than the replay has
	}
	if len(h.guesses) > 0 {
		n += 2 * h.reps
	}
	n += len(h.sc.Shortfalls(h.roster)) * h.reps
	n += len(knobMoves(h.sc)) * h.reps
	return n
}

// knobMove is one change of a knob: one step up, or for a two-way knob one
// step either way.
type knobMove struct {
	knob Knob
	to   int
}

// knobMoves are the moves of sc's knobs that stay within their bounds.
func knobMoves(sc *compound.Scenario) []knobMove {
	var out []knobMove
	for _, k := range Knobs(sc) {
		v := k.Value(sc)
		if v+k.Step <= k.Max {
			out = append(out, knobMove{k, v + k.Step})
		}
		if k.TwoWay && v-k.Step >= k.Min {
			out = append(out, knobMove{k, v - k.Step})
		}
	}
	return out
}

// headlineKPIs are the KPIs a review judges a change on: all items
// delivered, items turned away at the gate, each logged kind's mean time to
// the door, and, with a round, its makespan and mean wait.
func headlineKPIs(sc *compound.Scenario, arrivals []compound.LoggedArrival) []compound.KPI {
	logged := make([]bool, len(sc.Kinds))
	for _, a := range arrivals {
		if a.Kind >= 0 && a.Kind < len(logged) {
			logged[a.Kind] = true
		}
	}
	names := []string{"items.delivered", "gate.turned_away"}
	for i, k := range sc.Kinds {
		if logged[i] {
			names = append(names, k.Name+".door_time.mean")
		}
	}
	if sc.Sampling != nil {
		names = append(names, "sampling.makespan", "sampling.wait.mean")
	}
	kpis, _ := chooseKPIs(sc, names)
	return kpis
}

// rank finds the day to change, replays every change on it and ranks them.
func (h *helping) rank(ctx context.Context, r *Review, p *progress) error {
	out := &Helped{KPIs: headlineKPIs(h.sc, h.arrivals), Reps: h.reps}
	r.Helped = out
	if h.reps < 2 {
		out.Notes = append(out.Notes, NoteOneReplication)
		return nil
	}
	day, daySc := r.Replay, h.sc
	type candidate struct {
		ch     HelpedChange
		sc     *compound.Scenario
		roster []compound.RosterEntry
	}
	var cands []candidate
	switch {
	case h.roster != nil:
		out.Shortfalls = h.sc.Shortfalls(h.roster)
		for _, s := range out.Shortfalls {
			cands = append(cands, candidate{HelpedChange{
				Change: fmt.Sprintf("%s as planned (%.0f staff-hours short, up to %d missing at once)", s.Pool, s.StaffHours, s.MostMissing),
				Post:   s.Pool, Resource: Restore}, h.sc, h.sc.RestoreRoster(h.roster, s.Pool)})
		}
	case len(h.guesses) > 0:
		inf, err := h.infer(ctx, r, p)
		if err != nil {
			return err
		}
		if inf == nil {
			p.total -= 2 * h.reps
			out.Notes = append(out.Notes, NoteNoCause)
			break
		}
		out.Inferred = inf
		daySc = inf.Knob.With(h.sc, inf.OnDuty)
		outs, err := p.run(ctx, h.arrivals, []loggedRun{{daySc, nil, h.reps}}, h.opt)
		if err != nil {
			return err
		}
		day = outs[0]
		if inf.Several() {
			p.total -= h.reps // no plan restored to replay
			// The observations cannot tell which post was short: restoring
			// one of them is not the likely cause, and none is ranked as it.
			out.Notes = append(out.Notes, NoteCausesAlike)
			break
		}
		cands = append(cands, candidate{HelpedChange{
			Change: fmt.Sprintf("%s=%s (as planned, not %s)", inf.Knob.Path, inf.Knob.Text(inf.Planned), inf.Knob.Text(inf.OnDuty)),
			Post:   postOf(inf.Knob), Resource: Restore}, h.sc, nil})
	default:
		out.Notes = append(out.Notes, NoteNothingObserved)
	}
	out.Day = day
	for _, m := range knobMoves(daySc) {
		changed := m.knob.With(daySc, m.to)
		text := m.knob.Path + "=" + m.knob.Text(m.to)
		from := m.knob.Value(daySc)
		roster := h.roster
		if roster != nil {
			var pools []string
			var err error
			if roster, pools, _, err = compound.ShiftRoster(daySc, changed, h.roster); err != nil {
				return fmt.Errorf("%s on the roster: %w", text, err)
			}
			if len(pools) > 0 { // the roster's count, not the plan's, moves
				text = fmt.Sprintf("%s %+d on the roster", m.knob.Path, m.to-from)
			}
		}
		cost := m.knob.UnitCost * float64(m.to-from) / float64(max(m.knob.Step, 1))
		cands = append(cands, candidate{HelpedChange{Change: text,
			Post: postOf(m.knob), Resource: m.knob.Resource, Cost: cost}, changed, roster})
	}
	out.Tried = len(cands)
	runs := make([]loggedRun, len(cands))
	for i, c := range cands {
		runs[i] = loggedRun{c.sc, c.roster, h.reps}
	}
	outs, err := p.run(ctx, h.arrivals, runs, h.opt)
	if err != nil {
		return err
	}
	for i, c := range cands {
		ch := c.ch
		ch.Effects, ch.Score, ch.Lead = judge(day, outs[i], out.KPIs)
		if ch.Score > 0 && ch.Lead.Verdict == Better {
			out.Changes = append(out.Changes, ch)
		}
	}
	sort.SliceStable(out.Changes, func(i, j int) bool {
		a, b := out.Changes[i], out.Changes[j]
		if (a.Resource == Restore) != (b.Resource == Restore) {
			return a.Resource == Restore
		}
		return a.Score > b.Score
	})
	return nil
}

// postOf is the post a knob changes: its pool, or its own name (a site's
// stations, shelves, carts).
func postOf(k Knob) string {
	if k.Pool != "" {
		return k.Pool
	}
	return k.Name
}

// judge compares a change's outcome with the day's on the headline KPIs:
// the paired differences, the score (the significant relative gains, losses
// counted against) and the KPI with the largest significant relative gain.
func judge(day, changed *Outcome, kpis []compound.KPI) ([]Difference, float64, Difference) {
	var effects []Difference
	score, bestGain := 0.0, math.Inf(-1)
	var lead Difference
	for _, k := range kpis {
		a, ok1 := day.KPI(k.Name)
		b, ok2 := changed.KPI(k.Name)
		if !ok1 || !ok2 {
			continue
		}
		d, err := stats.Paired(a.Values, b.Values, Level)
		if err != nil {
			continue
		}
		diff := Difference{Scenario: changed.Scenario.Name, KPI: k, Summary: d, Verdict: Judge(k, a.Mean, d, MinEffects{})}
		effects = append(effects, diff)
		gain := d.Mean
		if k.Better == "lower" {
			gain = -gain
		}
		rel := 0.0
		if a.Mean != 0 && !math.IsNaN(a.Mean) && !math.IsNaN(gain) {
			rel = gain / math.Abs(a.Mean)
		}
		if diff.Verdict == Better || diff.Verdict == Worse {
			score += rel
		}
		if diff.Verdict == Better && rel > bestGain {
			bestGain, lead = rel, diff
		}
	}
	return effects, score, lead
}

// The notes of what would have helped (Helped.Notes): fixed sentences, so
// that a report can say them in its own language.
const (
	NoteOneReplication  = "one replication: no paired interval, so nothing is ranked (give --reps 2 or more)"
	NoteNoCause         = "no roster, and no one post short of staff explains the observed day better than the plan: the changes are made to the day as planned"
	NoteCausesAlike     = "several shortfalls fit the observations alike, so none is named the likely cause: observations that tell them apart (the time items spent in each stage) would"
	NoteNothingObserved = "no roster and no observations: nothing says who was absent, so the changes are made to the day as planned"
)
