package logs_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"cordon/logs"
)

// TestRecordingFiles: the four logs in order, each beginning with the
// mark that lets cordon record overwrite it, naming the changes, and each
// read back by its reader as synthetic.
func TestRecordingFiles(t *testing.T) {
	sc := dayOne(t)
	log, err := recorded()
	if err != nil {
		t.Fatal(err)
	}
	files, err := logs.Recording{Scenario: sc, Day: shanghai(sc), Replication: 1, Changes: []string{"gate.shelves=0"}, Log: log}.Files()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if !bytes.HasPrefix(f.Data, []byte(logs.RecordMark+" from the scenario day-one, seed ")) ||
			!bytes.Contains(f.Data, []byte("\n# changed for the recorded day: gate.shelves=0\n")) {
			t.Errorf("%s begins %q", f.Name, f.Data[:min(200, len(f.Data))])
		}
	}
	if want := []string{logs.ArrivalsFile, logs.RosterFile, logs.ObservedFile, logs.DurationsFile}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v", names, want)
	}
	read, err := logs.ReadDurations(context.Background(), logs.DurationsFile, bytes.NewReader(files[3].Data), logs.Options{})
	if err != nil || !read.Synthetic || len(read.Rows) == 0 {
		t.Errorf("durations read back: %d rows, synthetic %v, %v", len(read.Rows), read.Synthetic, err)
	}
}

func TestCheckRecordable(t *testing.T) {
	sc := dayOne(t)
	if err := logs.CheckRecordable(sc, shanghai(sc)); err != nil {
		t.Errorf("2021: %v", err)
	}
	late := logs.DayOf(sc, time.Date(logs.LastYear, 12, 31, 0, 0, 0, 0, time.UTC))
	if err := logs.CheckRecordable(sc, late); err == nil || !strings.HasSuffix(err.Error(), "give an earlier date") {
		t.Errorf("the last day of %d: got %v, want an earlier date asked for", logs.LastYear, err)
	}
	early := logs.DayOf(sc, time.Date(logs.FirstYear, 1, 1, 0, 0, 0, 0, time.FixedZone("", 14*3600)))
	if err := logs.CheckRecordable(sc, early); err == nil || !strings.HasSuffix(err.Error(), "give a later date") {
		t.Errorf("the first day of %d at +14:00: got %v, want a later date asked for", logs.FirstYear, err)
	}
}
