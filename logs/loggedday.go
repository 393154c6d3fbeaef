package logs

import (
	"context"
	"io"
	"math"

	"cordon/compound"
)

// File is one log file of a day: the name its messages use and its text.
type File struct {
	Name string
	R    io.Reader
}

// DayFiles are the log files of one day: the arrivals, and the roster and
// the observations when given (nil when not).
type DayFiles struct {
	Arrivals         File
	Roster, Observed *File
}

// FileRead is how one file of a day read: its error (Errors, one per bad
// row, or another error), and the rows skipped with Options.Lenient and
// why.
type FileRead struct {
	Name          string
	Err           error
	Skipped       int
	SkippedErrors Errors
}

// LoggedDay is a day's logs read and checked against a scenario, for a
// replay: the arrivals, the roster (nil when none was given) and what was
// observed (nil when no observations were given).
type LoggedDay struct {
	Arrivals  []compound.LoggedArrival
	Synthetic bool // the arrivals say cordon made them
	Roster    []compound.RosterEntry
	// Observed holds observed.csv's rows: the deliveries, joined to their
	// arrivals by id (Arrived is NaN for an item with no id or one no
	// arrival has); the items turned away (nil when the file has no
	// turned_away rows: it does not say); the residents sampled.
	Observed *compound.Log
	// Files are the files read, in order; reading stops after the
	// arrivals when they have an error, since the others' day is theirs.
	Files   []FileRead
	Skipped int // rows skipped, over all the files
}

// ReadDay reads the logs of a day for sc: arrivals first, whose first day
// is the day of the others (opt.Day is ignored). It stops early when the
// arrivals have an error or ctx is done.
func ReadDay(ctx context.Context, sc *compound.Scenario, files DayFiles, opt Options) *LoggedDay {
	d := &LoggedDay{}
	note := func(name string, err error, skipped int, why Errors) {
		d.Files = append(d.Files, FileRead{Name: name, Err: err, Skipped: skipped, SkippedErrors: why})
		d.Skipped += skipped
	}
	arr, err := ReadArrivals(ctx, files.Arrivals.Name, files.Arrivals.R, sc, opt)
	note(files.Arrivals.Name, err, arr.Skipped, arr.SkippedErrors)
	if err != nil || ctx.Err() != nil {
		return d
	}
	d.Arrivals, d.Synthetic = arr.Rows, arr.Synthetic
	opt.Day = &arr.Day
	if f := files.Roster; f != nil {
		ro, err := ReadRoster(ctx, f.Name, f.R, sc, opt)
		note(f.Name, err, ro.Skipped, ro.SkippedErrors)
		if ctx.Err() != nil {
			return d
		}
		d.Roster = ro.Rows
		if d.Roster == nil && err == nil {
			d.Roster = []compound.RosterEntry{}
		}
	}
	if f := files.Observed; f != nil {
		ob, err := ReadObserved(ctx, f.Name, f.R, sc, opt)
		note(f.Name, err, ob.Skipped, ob.SkippedErrors)
		d.Observed = joinObserved(d.Arrivals, ob.Rows)
	}
	return d
}

// joinObserved sorts observed.csv's rows by event, joining each delivered
// item to its arrival by id, and times the stages of an item whose
// checkpoints the rows have (LoggedDelivery.Stages; nil for an item with
// none).
func joinObserved(arrivals []compound.LoggedArrival, rows []Observation) *compound.Log {
	arrivedAt := make(map[string]float64, len(arrivals))
	for _, a := range arrivals {
		if a.ID != "" {
			arrivedAt[a.ID] = a.At
		}
	}
	passed := map[string][]float64{} // by id: when the item passed each checkpoint
	for _, o := range rows {
		if j, ok := CheckpointStage(o.Event); ok {
			if passed[o.ID] == nil {
				passed[o.ID] = unknownTimes(len(Checkpoints))
			}
			passed[o.ID][j] = o.At
		}
	}
	log := &compound.Log{}
	for _, o := range rows {
		switch o.Event {
		case Delivered:
			at, ok := arrivedAt[o.ID]
			if o.ID == "" || !ok {
				at = math.NaN()
			}
			var stages []float64
			if o.ID != "" {
				stages = stageTimes(at, passed[o.ID], o.At)
			}
			log.Deliveries = append(log.Deliveries, compound.LoggedDelivery{ID: o.ID, Kind: o.Kind, Arrived: at, Delivered: o.At, Stages: stages})
		case TurnedAway:
			log.TurnedAway = append(log.TurnedAway, compound.LoggedTurnedAway{ID: o.ID, Kind: o.Kind, At: o.At})
		case Sampled:
			log.Sampled = append(log.Sampled, o.At)
		}
	}
	return log
}

// stageTimes are the times an item spent in each stage of
// compound.Stages(), from when it arrived, passed each checkpoint and was
// delivered: NaN where the log does not say one end of a stage; nil when it
// passed no checkpoint the log says.
func stageTimes(arrived float64, passed []float64, delivered float64) []float64 {
	if len(passed) == 0 {
		return nil
	}
	n := len(compound.Stages())
	ends := unknownTimes(n + 1) // the stages' bounds: arrived, the checkpoints, delivered
	ends[0], ends[n] = arrived, delivered
	copy(ends[1:n], passed)
	out := make([]float64, n)
	for j := range out {
		out[j] = ends[j+1] - ends[j] // NaN when either end is not known
	}
	return out
}

// unknownTimes are n times the log does not say.
func unknownTimes(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}
