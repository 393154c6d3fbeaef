package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"cordon/compound"
	"cordon/experiment"
	"cordon/logs"
)

// dayLogs are the logs of a day, read and checked as `cordon replay`
// reads them.
type dayLogs struct {
	arrivals  []compound.LoggedArrival
	roster    []compound.RosterEntry
	observed  *experiment.Observed
	synthetic bool
	skipped   int
	names     [3]string // the files' names in messages: arrivals, roster, observed ("" when not given)
}

// upload is one uploaded log: the name its messages use and its bytes.
type upload struct {
	name string
	data []byte
}

// readDayLogs reads the uploaded logs of a day for sc: arrivals first,
// whose first day is the day of the others. It returns every problem of
// every file, one line each (file:line: column: what is wrong), as the
// command line prints them; with lenient, bad rows are skipped and
// counted instead.
func readDayLogs(ctx context.Context, sc *compound.Scenario, arrivals, roster, observed *upload, lenient bool) (*dayLogs, []string) {
	lg := &dayLogs{}
	opt := logs.Options{Lenient: lenient}
	var problems []string
	report := func(name string, err error, skipped int) {
		var errs logs.Errors
		switch {
		case errors.As(err, &errs):
			for _, e := range errs {
				problems = append(problems, e.Error())
			}
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
		}
		lg.skipped += skipped
	}
	lg.names[0] = arrivals.name
	arr, err := logs.ReadArrivals(ctx, arrivals.name, bytes.NewReader(arrivals.data), sc, opt)
	report(arrivals.name, err, arr.Skipped)
	if err != nil {
		return nil, problems
	}
	lg.arrivals, lg.synthetic = arr.Rows, arr.Synthetic
	opt.Day = &arr.Day
	if roster != nil {
		lg.names[1] = roster.name
		ro, err := logs.ReadRoster(ctx, roster.name, bytes.NewReader(roster.data), sc, opt)
		report(roster.name, err, ro.Skipped)
		lg.roster = ro.Rows
		if lg.roster == nil && err == nil {
			lg.roster = []compound.RosterEntry{}
		}
	}
	if observed != nil {
		lg.names[2] = observed.name
		ob, err := logs.ReadObserved(ctx, observed.name, bytes.NewReader(observed.data), sc, opt)
		report(observed.name, err, ob.Skipped)
		var delivered []experiment.DeliveredItem
		var sampled, turned []float64
		for _, o := range ob.Rows {
			switch o.Event {
			case logs.Delivered:
				delivered = append(delivered, experiment.DeliveredItem{Kind: o.Kind, ID: o.ID, At: o.At})
			case logs.TurnedAway:
				turned = append(turned, o.At)
			case logs.Sampled:
				sampled = append(sampled, o.At)
			}
		}
		lg.observed = experiment.NewObserved(lg.arrivals, delivered, sampled)
		// The log says who was turned away when it has such rows; without
		// any, it does not say (and its backlog counts them).
		lg.observed.TurnedAway = turned
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return lg, nil
}
