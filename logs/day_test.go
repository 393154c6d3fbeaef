package logs_test

import (
	"context"
	"strings"
	"testing"

	"cordon/logs"
)

// TestNoArrivalsSetNoDay: an arrivals log with no rows says no day (its
// Read.Day is the zero Day). Passed on to the roster, as cordon replay
// passes it, it set the run at year 1, and every row was "after the run
// ends at 0001-01-02T00:00:00Z". A zero Day is no day: the roster's own
// earliest time chooses it.
func TestNoArrivalsSetNoDay(t *testing.T) {
	ctx := context.Background()
	sc := dayOne(t)
	arr, err := logs.ReadArrivals(ctx, "arrivals.csv", strings.NewReader("time,kind,building\n"), sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const roster = "pool,start,end,count\ngate-crew,2021-11-25T07:00:00+08:00,2021-11-25T15:00:00+08:00,1\n"
	ro, err := logs.ReadRoster(ctx, "roster.csv", strings.NewReader(roster), sc, logs.Options{Day: &arr.Day})
	if err != nil {
		t.Fatalf("roster after an empty arrivals log: %v", err)
	}
	if want := shanghai(sc); !ro.Day.Start.Equal(want.Start) {
		t.Errorf("the roster's day starts at %v, want %v", ro.Day.Start, want.Start)
	}
}
