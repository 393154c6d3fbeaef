package experiment

import (
	"context"
	"errors"
	"fmt"

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

// Counterfactual replays the same log through two scenarios (the one of the
// day and one with a change) with common random numbers, and compares them:
// what the change would have bought on the day.
func Counterfactual(ctx context.Context, day, changed *compound.Scenario, arrivals []compound.LoggedArrival, roster []compound.RosterEntry, opt Options) (*Comparison, error) {
	for _, sc := range []*compound.Scenario{day, changed} {
		if errs := sc.CheckReplay(arrivals, roster); len(errs) > 0 {
			return nil, fmt.Errorf("%s: %w", sc.Name, errors.Join(errs...))
		}
	}
	return Compare(ctx, []*compound.Scenario{day, changed}, withLog(opt, arrivals, roster))
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
// scenario, an example of one).
func RecordLog(ctx context.Context, sc *compound.Scenario, rep int) (*compound.Log, *compound.Result, error) {
	log := &compound.Log{}
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
