package logs_test

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/logs"
)

var synthetic = []string{"synthetic: made by cordon from day-one, seed 1, replication 1; not observed data"}

// TestRoundTripArrivals: day-one's logged arrivals, written and read back,
// are the same arrivals, to the millisecond.
func TestRoundTripArrivals(t *testing.T) {
	sc := dayOne(t)
	log, err := recorded()
	if err != nil {
		t.Fatal(err)
	}
	day := shanghai(sc)
	var buf bytes.Buffer
	if err := logs.WriteArrivals(&buf, sc, day, synthetic, log.Arrivals); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "# synthetic: made by cordon") || !strings.Contains(buf.String(), "2021-11-25T07:") {
		t.Errorf("the file starts %q", buf.String()[:200])
	}
	got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", &buf, sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Synthetic || got.Skipped != 0 || !got.Day.Start.Equal(day.Start) {
		t.Errorf("synthetic %v, skipped %d, day %v (want %v)", got.Synthetic, got.Skipped, got.Day.Start, day.Start)
	}
	if len(got.Rows) != len(log.Arrivals) || len(got.Rows) < 1000 {
		t.Fatalf("read %d arrivals, wrote %d", len(got.Rows), len(log.Arrivals))
	}
	for i, a := range log.Arrivals {
		b := got.Rows[i]
		if ms(a.At) != ms(b.At) || a.Kind != b.Kind || a.Building != b.Building || a.Zone != b.Zone || a.ID != b.ID || a.Batch != b.Batch {
			t.Fatalf("arrival %d: wrote %+v, read %+v", i, a, b)
		}
	}
	if errs := sc.CheckReplay(got.Rows, nil); len(errs) > 0 {
		t.Errorf("the arrivals read do not replay: %v", errs[0])
	}
}

// TestRoundTripObserved: deliveries and samples, written and read back.
func TestRoundTripObserved(t *testing.T) {
	sc := dayOne(t)
	log, err := recorded()
	if err != nil {
		t.Fatal(err)
	}
	day := shanghai(sc)
	var buf bytes.Buffer
	if err := logs.WriteObserved(&buf, sc, day, synthetic, log); err != nil {
		t.Fatal(err)
	}
	got, err := logs.ReadObserved(context.Background(), "observed.csv", &buf, sc, logs.Options{Day: &day})
	if err != nil {
		t.Fatal(err)
	}
	delivered := map[string]logs.Observation{}
	var sampled []int64
	for _, o := range got.Rows {
		switch o.Event {
		case logs.Delivered:
			delivered[o.ID] = o
		case logs.Sampled:
			if o.Kind != -1 || o.ID != "" {
				t.Errorf("a sampled row read as %+v", o)
			}
			sampled = append(sampled, ms(o.At))
		}
	}
	if len(delivered) != len(log.Deliveries) || len(log.Deliveries) < 1000 {
		t.Fatalf("read %d deliveries, wrote %d", len(delivered), len(log.Deliveries))
	}
	for _, d := range log.Deliveries {
		o, ok := delivered[d.ID]
		if !ok || o.Kind != d.Kind || ms(o.At) != ms(d.Delivered) {
			t.Fatalf("delivery %+v read as %+v", d, o)
		}
	}
	want := make([]int64, len(log.Sampled))
	for i, s := range log.Sampled {
		want[i] = ms(s)
	}
	slices.Sort(want)
	if len(want) < 1000 || !slices.Equal(sampled, want) {
		t.Errorf("read %d residents sampled, wrote %d (or at other times)", len(sampled), len(want))
	}
}

// TestRoundTripDurations: every step's durations, to the millisecond.
func TestRoundTripDurations(t *testing.T) {
	log, err := recorded()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := logs.WriteDurations(&buf, synthetic, log.Durations); err != nil {
		t.Fatal(err)
	}
	got, err := logs.ReadDurations(context.Background(), "durations.csv", &buf, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	read := map[string][]int64{}
	for _, d := range got.Rows {
		read[d.Step] = append(read[d.Step], ms(d.Seconds))
	}
	steps := slices.Sorted(maps.Keys(log.Durations))
	if !slices.Equal(slices.Sorted(maps.Keys(read)), steps) || len(steps) < 5 {
		t.Fatalf("steps read %v, written %v", slices.Sorted(maps.Keys(read)), steps)
	}
	for _, s := range steps {
		want := log.Durations[s]
		if len(read[s]) != len(want) {
			t.Fatalf("%s: read %d durations, wrote %d", s, len(read[s]), len(want))
		}
		for i, v := range want {
			if read[s][i] != ms(v) {
				t.Fatalf("%s %d: wrote %v s, read %v ms", s, i, v, read[s][i])
			}
		}
	}
}

// TestRoundTripRoster: the planned roster of day-one, written and read
// back, is the same roster; and replayed, it runs the day as the
// scenario's own shifts and breaks do.
func TestRoundTripRoster(t *testing.T) {
	sc := dayOne(t)
	planned := sc.PlannedRoster()
	if errs := sc.CheckReplay(nil, planned); len(errs) > 0 {
		t.Fatal(errs)
	}
	var buf bytes.Buffer
	if err := logs.WriteRoster(&buf, shanghai(sc), synthetic, planned); err != nil {
		t.Fatal(err)
	}
	got, err := logs.ReadRoster(context.Background(), "roster.csv", &buf, sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Rows, planned) {
		t.Errorf("read\n%v\nwrote\n%v", got.Rows, planned)
	}
	// Each zone's volunteers: 3 from 07:00, 2 over lunch, 3 again, none
	// from midnight.
	var zone1 []compound.RosterEntry
	for _, e := range planned {
		if e.Pool == "zone-volunteers/zone-1" {
			zone1 = append(zone1, e)
		}
	}
	want := []compound.RosterEntry{
		{Pool: "zone-volunteers/zone-1", From: 0, To: 5 * 3600, Count: 3},
		{Pool: "zone-volunteers/zone-1", From: 5 * 3600, To: 5.5 * 3600, Count: 2},
		{Pool: "zone-volunteers/zone-1", From: 5.5 * 3600, To: 17 * 3600, Count: 3},
		{Pool: "zone-volunteers/zone-1", From: 17 * 3600, To: 24 * 3600, Count: 0},
	}
	if !slices.Equal(zone1, want) {
		t.Errorf("zone-1's volunteers: %v, want %v", zone1, want)
	}

	log, err := recorded()
	if err != nil {
		t.Fatal(err)
	}
	opt := experiment.Options{Replications: 2, Workers: 1}
	a, err := experiment.Replay(context.Background(), sc, log.Arrivals, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.Replay(context.Background(), sc, log.Arrivals, planned, opt)
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range a.KPIs {
		if k.Mean != b.KPIs[i].Mean {
			t.Errorf("%s: %v with the scenario's shifts, %v with PlannedRoster", k.Name, k.Mean, b.KPIs[i].Mean)
		}
	}
}
