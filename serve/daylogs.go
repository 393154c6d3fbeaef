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

// readDayLogs reads the uploaded logs of a day for sc as `cordon replay`
// does (logs.ReadDay). It returns every problem of every file, one line
// each (file:line: column: what is wrong), as the command line prints
// them; with lenient, bad rows are skipped and counted instead.
func readDayLogs(ctx context.Context, sc *compound.Scenario, arrivals, roster, observed *upload, lenient bool) (*dayLogs, []string) {
	file := func(u *upload) *logs.File {
		if u == nil {
			return nil
		}
		return &logs.File{Name: u.name, R: bytes.NewReader(u.data)}
	}
	day := logs.ReadDay(ctx, sc, logs.DayFiles{Arrivals: *file(arrivals), Roster: file(roster), Observed: file(observed)},
		logs.Options{Lenient: lenient})
	var problems []string
	for _, f := range day.Files {
		var errs logs.Errors
		switch {
		case errors.As(f.Err, &errs):
			for _, e := range errs {
				problems = append(problems, e.Error())
			}
		case f.Err != nil:
			problems = append(problems, fmt.Sprintf("%s: %v", f.Name, f.Err))
		}
	}
	if err := ctx.Err(); err != nil && len(problems) == 0 {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return nil, problems
	}
	lg := &dayLogs{arrivals: day.Arrivals, roster: day.Roster, observed: experiment.ObservedTimed(day.Observed),
		synthetic: day.Synthetic, skipped: day.Skipped, names: [3]string{arrivals.name}}
	if roster != nil {
		lg.names[1] = roster.name
	}
	if observed != nil {
		lg.names[2] = observed.name
	}
	return lg, nil
}
