package logs

import (
	"bytes"
	"fmt"
	"io"

	"cordon/compound"
	"cordon/text"
)

// The files of a logged day, as cordon record writes them and cordon
// replay and cordon fit read them.
const (
	ArrivalsFile  = "arrivals.csv"
	RosterFile    = "roster.csv"
	ObservedFile  = "observed.csv"
	DurationsFile = "durations.csv"
)

// RecordMark begins every log cordon record writes: a log is overwritten
// only when it carries it, so that a real day's logs are never lost.
const RecordMark = "# synthetic: made by cordon record"

// Recording is a simulated day to write as logs (cordon record).
type Recording struct {
	Scenario    *compound.Scenario
	Day         Day      // the run's start on the calendar
	Replication int      // the replication recorded
	Changes     []string // the --set overrides that changed the recorded day, as given
	Stages      bool     // observed.csv says when each delivered item passed each checkpoint
	Log         *compound.Log
}

// RecordedFile is one log of a recorded day: its name in the folder and
// its text.
type RecordedFile struct {
	Name string
	Data []byte
}

// Files writes the four logs of the day, in the order ArrivalsFile,
// RosterFile, ObservedFile, DurationsFile; each begins with comments
// saying it is synthetic (RecordMark), from which scenario, seed and
// replication, and the changes made to the day.
func (r Recording) Files() ([]RecordedFile, error) {
	sc := r.Scenario
	comments := []string{
		fmt.Sprintf("synthetic: made by cordon record from the scenario %s, seed %d, replication %d: not observed", text.TermSafe(sc.Name), sc.Seed, r.Replication),
	}
	for _, s := range r.Changes {
		comments = append(comments, "changed for the recorded day: "+text.TermSafe(s))
	}
	writeObserved := WriteObserved
	if r.Stages {
		writeObserved = WriteObservedTimed
	}
	writes := []struct {
		name  string
		write func(io.Writer) error
	}{
		{ArrivalsFile, func(w io.Writer) error { return WriteArrivals(w, sc, r.Day, comments, r.Log.Arrivals) }},
		{RosterFile, func(w io.Writer) error { return WriteRoster(w, r.Day, comments, sc.PlannedRoster()) }},
		{ObservedFile, func(w io.Writer) error { return writeObserved(w, sc, r.Day, comments, r.Log) }},
		{DurationsFile, func(w io.Writer) error { return WriteDurations(w, comments, r.Log.Durations) }},
	}
	files := make([]RecordedFile, len(writes))
	for i, f := range writes {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			return nil, err
		}
		files[i] = RecordedFile{f.name, b.Bytes()}
	}
	return files, nil
}

// CheckRecordable checks that the logs of a day recorded from sc on day
// hold only times a log may hold (InYears): from the earliest, the run's
// start or an earlier shift's, to the latest, the run's end or a later
// shift's, on every day of the run, in the zone of the day.
func CheckRecordable(sc *compound.Scenario, day Day) error {
	first, last := 0.0, horizon(sc)
	for _, r := range sc.PlannedRoster() {
		first, last = min(first, r.From), max(last, r.To)
	}
	from, to := day.Time(first), day.Time(last)
	if InYears(from) && InYears(to) {
		return nil
	}
	better := "a later"
	if to.UTC().Year() > LastYear {
		better = "an earlier"
	}
	const layout = "2006-01-02T15:04:05Z07:00"
	return fmt.Errorf("the logs would hold times from %s to %s, but a log holds times of the years %d to %d (in UTC): give %s date",
		from.Format(layout), to.Format(layout), FirstYear, LastYear, better)
}
