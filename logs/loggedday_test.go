package logs_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"cordon/logs"
)

const dayArrivals = `time,kind,building,id
2021-11-25T07:04:57+08:00,takeout,38,T-1
2021-11-25T07:10:00+08:00,express,37,E-1
`

func logFile(name, text string) *logs.File {
	return &logs.File{Name: name, R: strings.NewReader(text)}
}

// TestReadDayJoins: observed.csv's delivered rows are joined to their
// arrivals by id, on the day the arrivals set; an item with no id, or an
// id no arrival has, has no arrival time; turned-away and sampled rows are
// kept by event.
func TestReadDayJoins(t *testing.T) {
	sc := dayOne(t)
	const observed = `event,time,kind,id
delivered,2021-11-25T07:34:57+08:00,takeout,T-1
delivered,2021-11-25T07:40:00+08:00,express,
delivered,2021-11-25T07:41:00+08:00,express,X-9
turned_away,2021-11-25T08:00:00+08:00,express,E-2
sampled,2021-11-25T09:00:00+08:00,,
`
	day := logs.ReadDay(context.Background(), sc, logs.DayFiles{
		Arrivals: *logFile("arrivals.csv", dayArrivals),
		Roster:   logFile("roster.csv", "pool,start,end,count\n"),
		Observed: logFile("observed.csv", observed),
	}, logs.Options{})
	for _, f := range day.Files {
		if f.Err != nil {
			t.Fatalf("%s: %v", f.Name, f.Err)
		}
	}
	if len(day.Files) != 3 || len(day.Arrivals) != 2 || day.Roster == nil || len(day.Roster) != 0 {
		t.Fatalf("read %d files, %d arrivals, roster %v (want 3, 2, empty)", len(day.Files), len(day.Arrivals), day.Roster)
	}
	o := day.Observed
	if o == nil || len(o.Deliveries) != 3 || len(o.TurnedAway) != 1 || len(o.Sampled) != 1 {
		t.Fatalf("observed %+v", o)
	}
	if d := o.Deliveries[0]; d.ID != "T-1" || d.Arrived != 297 || d.Delivered != 297+30*60 {
		t.Errorf("the delivery of T-1 is %+v, want arrived at 297 s, delivered 30 minutes later", d)
	}
	for _, d := range o.Deliveries[1:] {
		if !math.IsNaN(d.Arrived) {
			t.Errorf("the delivery %+v joins no arrival, but has an arrival time", d)
		}
	}
	if a := o.TurnedAway[0]; a.ID != "E-2" || a.At != 3600 || o.Sampled[0] != 2*3600 {
		t.Errorf("turned away %+v, sampled %v", a, o.Sampled)
	}
}

// TestReadDayStops: a day whose arrivals have an error reads no further
// (the others' day is the arrivals'); observations with no turned_away
// rows do not say who was turned away.
func TestReadDayStops(t *testing.T) {
	sc := dayOne(t)
	day := logs.ReadDay(context.Background(), sc, logs.DayFiles{
		Arrivals: *logFile("arrivals.csv", "time,kind\n2021-11-25T07:04:57+08:00,takout\n"),
		Observed: logFile("observed.csv", "event,time\n"),
	}, logs.Options{})
	if len(day.Files) != 1 || day.Files[0].Err == nil || day.Observed != nil {
		t.Errorf("read %+v after bad arrivals, want the arrivals' error alone", day.Files)
	}
	day = logs.ReadDay(context.Background(), sc, logs.DayFiles{
		Arrivals: *logFile("arrivals.csv", dayArrivals),
		Observed: logFile("observed.csv", "event,time,kind,id\ndelivered,2021-11-25T07:34:57+08:00,takeout,T-1\n"),
	}, logs.Options{})
	if o := day.Observed; len(day.Files) != 2 || day.Files[1].Err != nil || o == nil || o.TurnedAway != nil || day.Roster != nil {
		t.Errorf("files %+v, observed %+v, roster %v: want turned away nil (not said), no roster", day.Files, o, day.Roster)
	}
}
