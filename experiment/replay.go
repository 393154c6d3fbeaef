package experiment

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"cordon/compound"
)

// Replay runs sc with the logged arrivals (and, when not nil, the logged
// roster) in place of its random arrivals and shifts, over replications:
// the service times stay random, so the outcome says what the logged day
// looks like in the model, with its spread.
func Replay(ctx context.Context, sc *compound.Scenario, arrivals []compound.LoggedArrival, roster []compound.RosterEntry, opt Options) (*Outcome, error) {
	if errs := sc.CheckReplay(arrivals, roster); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return Run(ctx, sc, withLog(opt, arrivals, roster))
}

// DayChange is a change to a logged day: the scenario with the change, and
// the roster to replay it with (nil: the day's own roster, or none). A
// change to a pool the day's roster names must be made on the roster
// (compound.SetRoster, compound.ShiftRoster): the roster replaces that
// pool's shifts in a replay.
type DayChange struct {
	Scenario *compound.Scenario
	Roster   []compound.RosterEntry
	// RosterPools are the pools whose roster the change rewrote, to say so.
	RosterPools []string
}

// Counterfactual replays the same log through two scenarios (the one of the
// day and one with a change, each with its roster) with common random
// numbers, and compares them: what the change would have bought on the day.
func Counterfactual(ctx context.Context, day *compound.Scenario, ch DayChange, arrivals []compound.LoggedArrival, roster []compound.RosterEntry, opt Options) (*Comparison, error) {
	chRoster := ch.Roster
	if chRoster == nil {
		chRoster = roster
	}
	outs, err := runLogged(ctx, arrivals, []loggedRun{{day, roster, 0}, {ch.Scenario, chRoster, 0}}, opt)
	if err != nil {
		return nil, err
	}
	return compareOutcomes(outs, MinEffects{})
}

// loggedRun is one scenario to replay on a log, with its roster (nil: its
// own shifts) and replications (0: the options').
type loggedRun struct {
	sc     *compound.Scenario
	roster []compound.RosterEntry
	reps   int
}

// runLogged replays the log through each run in turn, with the same seed
// (common random numbers), and reports progress over all of them at once.
func runLogged(ctx context.Context, arrivals []compound.LoggedArrival, runs []loggedRun, opt Options) ([]*Outcome, error) {
	p := newProgress(opt.Progress, 0)
	for _, r := range runs {
		p.total += repsOf(r, opt)
	}
	return p.run(ctx, arrivals, runs, opt)
}

// repsOf is the replications of a run.
func repsOf(r loggedRun, opt Options) int {
	switch {
	case r.reps > 0:
		return r.reps
	case opt.Replications > 0:
		return opt.Replications
	}
	return r.sc.Replications
}

// progress counts replications done over several runs, so that one bar
// measures the whole of a command's work.
type progress struct {
	report      func(done, total int)
	done, total int
}

func newProgress(report func(done, total int), total int) *progress {
	return &progress{report: report, total: total}
}

// run replays the log through each run, counting its replications.
func (p *progress) run(ctx context.Context, arrivals []compound.LoggedArrival, runs []loggedRun, opt Options) ([]*Outcome, error) {
	var outs []*Outcome
	for _, r := range runs {
		for _, sc := range []*compound.Scenario{r.sc} {
			if errs := sc.CheckReplay(arrivals, r.roster); len(errs) > 0 {
				return nil, fmt.Errorf("%s: %w", sc.Name, errors.Join(errs...))
			}
		}
		o := withLog(opt, arrivals, r.roster)
		o.Replications = repsOf(r, opt)
		base := p.done
		o.Progress = func(done, _ int) {
			if p.report != nil {
				p.report(base+done, p.total)
			}
		}
		out, err := Run(ctx, r.sc, o)
		if err != nil {
			return nil, err
		}
		p.done = base + o.Replications
		outs = append(outs, out)
	}
	return outs, nil
}

// withLog returns opt with the model set to take the logged arrivals (none
// when nil: a replay never draws its own) and roster in place of its own.
func withLog(opt Options, arrivals []compound.LoggedArrival, roster []compound.RosterEntry) Options {
	opt.Model.Arrivals = arrivals
	if opt.Model.Arrivals == nil {
		opt.Model.Arrivals = []compound.LoggedArrival{}
	}
	opt.Model.Roster = roster
	return opt
}

// RecordLog runs one replication of sc and returns what happened in it: the
// log a planner would have kept of the day, for a replay (and, made from a
// scenario, an example of one). Its TurnedAway is never nil: the model
// knows who it turned away, none included.
func RecordLog(ctx context.Context, sc *compound.Scenario, rep int) (*compound.Log, *compound.Result, error) {
	log := &compound.Log{TurnedAway: []compound.LoggedTurnedAway{}}
	m, err := compound.BuildContext(ctx, sc, rep, compound.Options{Log: log})
	if err != nil {
		return nil, nil, err
	}
	res, err := m.RunContext(ctx)
	if err != nil {
		return nil, nil, err
	}
	return log, res, nil
}

// ChangeOnRoster makes a change asked for a logged day: with no roster the
// changed scenario as it is; with one, the pools the roster names get the
// change on the roster. sets, when not "", is the --set overrides that
// made changed, and counts the shift counts they set
// (scenarios.StaffCountsSet): each sets the count on duty wherever that
// shift covers (compound.SetRoster). Otherwise changed is another scenario
// (--vs), and the difference between the two scenarios' plans goes onto
// the roster (compound.ShiftRoster). A change the roster cannot take (a
// --set moving a shift's times, a --vs taking more off duty than the
// roster has) is an error naming the pool.
func ChangeOnRoster(day, changed *compound.Scenario, roster []compound.RosterEntry, sets string, counts map[string][]int) (*DayChange, error) {
	ch := &DayChange{Scenario: changed}
	if roster == nil {
		return ch, nil
	}
	var err error
	if sets != "" {
		ch.Roster, ch.RosterPools, err = compound.SetRoster(day, changed, roster, counts)
		if err != nil {
			return nil, fmt.Errorf("--set %s: %w", sets, err)
		}
		return ch, nil
	}
	var clipped []string
	ch.Roster, ch.RosterPools, clipped, err = compound.ShiftRoster(day, changed, roster)
	if err != nil {
		return nil, fmt.Errorf("--vs %s: %w", changed.Name, err)
	}
	if len(clipped) > 0 {
		return nil, fmt.Errorf("--vs %s takes more of %s off duty than the roster has on duty: "+
			"replay without --roster to compare the plans", changed.Name, strings.Join(clipped, ", "))
	}
	return ch, nil
}
