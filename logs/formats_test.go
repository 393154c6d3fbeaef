package logs_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"cordon/logs"
)

// TestTimeForms: the same instants written as timestamps with an offset or
// Z, with and without seconds, and as date, time and tz (an offset or an
// IANA name), read as the same simulation times.
func TestTimeForms(t *testing.T) {
	sc := dayOne(t)
	const at = 3600 + 13*60 + 5 // 08:13:05 in Shanghai, the run starting at 07:00
	files := map[string]string{
		"offset":                         "time,kind\n2021-11-25T08:13:05+08:00,express\n",
		"Z":                              "time,kind\n2021-11-25T00:13:05Z,express\n",
		"fraction":                       "time,kind\n2021-11-25T08:13:05.000+08:00,express\n",
		"basic offset":                   "time,kind\n2021-11-25T08:13:05+0800,express\n",
		"space":                          "time,kind\n2021-11-25 08:13:05+08:00,express\n",
		"tz column for a bare timestamp": "time,tz,kind\n2021-11-25T08:13:05,Asia/Shanghai,express\n",
		"date time tz offset":            "date,time,tz,kind\n2021-11-25,08:13:05,+08:00,express\n",
		"date time tz IANA":              "date,time,tz,kind\n2021-11-25,08:13:05,Asia/Shanghai,express\n",
		"date time tz UTC":               "date,time,tz,kind\n2021-11-25,00:13:05,UTC,express\n",
		"columns in any order":           "kind,tz,time,date\nexpress,Asia/Shanghai,08:13:05,2021-11-25\n",
		"upper-case header, spaces":      " Time , KIND \n 2021-11-25T08:13:05+08:00 , express \n",
	}
	day := shanghai(sc)
	for name, text := range files {
		got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{Day: &day})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(got.Rows) != 1 || got.Rows[0].At != at || got.Rows[0].Kind != 0 {
			t.Errorf("%s: read %+v, want one express at %d s", name, got.Rows, at)
		}
	}
	// Without seconds.
	got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader("time,kind\n2021-11-25T08:13+08:00,express\n"), sc, logs.Options{})
	if err != nil || got.Rows[0].At != at-5 {
		t.Errorf("without seconds: %+v, %v", got.Rows, err)
	}
	// The Day of a file in UTC is its date in UTC: 2021-11-25 07:00Z.
	got, err = logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader("time,kind\n2021-11-25T08:13:05Z,express\n"), sc, logs.Options{})
	if err != nil || !got.Day.Start.Equal(time.Date(2021, 11, 25, 7, 0, 0, 0, time.UTC)) || got.Rows[0].At != at {
		t.Errorf("in UTC: day %v, %+v, %v", got.Day.Start, got.Rows, err)
	}
}

// TestDayOf: the run starts at clock.start on the date, in the date's
// location; Seconds and Time are inverse.
func TestDayOf(t *testing.T) {
	sc := dayOne(t)
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	d := logs.DayOf(sc, time.Date(2021, 11, 25, 23, 59, 0, 0, sh))
	if want := "2021-11-25T07:00:00+08:00"; d.Start.Format(time.RFC3339) != want {
		t.Errorf("day starts %v, want %s", d.Start, want)
	}
	at := time.Date(2021, 11, 26, 6, 59, 59, 500e6, sh)
	if s := d.Seconds(at); s != 86399.5 || !d.Time(s).Equal(at) {
		t.Errorf("Seconds %v, Time %v", s, d.Time(s))
	}
}

// TestNoZone: a time without a zone is an error that says how to give one.
func TestNoZone(t *testing.T) {
	sc := dayOne(t)
	cases := map[string]string{
		"time,kind\n2021-11-25T08:13:05,express\n":            `arrivals.csv:2: time: "2021-11-25T08:13:05" has no time zone: add its offset (2021-11-25T08:13:05+08:00, or Z for UTC) or give a tz column (an offset like +08:00 or a zone name like Asia/Shanghai)`,
		"date,time,kind\n2021-11-25,08:13,express\n":          `arrivals.csv:2: time: 08:13 on 2021-11-25 has no time zone: give a tz column (an offset like +08:00 or a zone name like Asia/Shanghai), or write a timestamp with its offset, like 2021-11-25T08:13:05+08:00`,
		"date,time,tz,kind\n2021-11-25,08:13,,express\n":      `arrivals.csv:2: time: 08:13 on 2021-11-25 has no time zone: give a tz column (an offset like +08:00 or a zone name like Asia/Shanghai), or write a timestamp with its offset, like 2021-11-25T08:13:05+08:00`,
		"time,tz,kind\n08:13,+08:00,express\n":                `arrivals.csv:2: time: "08:13" has no date: give a date column (2021-11-25) and a tz column, or write a timestamp with its offset, like 2021-11-25T08:13:05+08:00`,
		"date,time,tz,kind\n2021-11-25,08:13,Local,express\n": `arrivals.csv:2: tz: "Local" is not a time zone: write an offset like +08:00 or a zone name like Asia/Shanghai`,
	}
	for text, want := range cases {
		_, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{})
		if err == nil || err.Error() != want {
			t.Errorf("%q:\n got %v\nwant %s", text, err, want)
		}
	}
}

// TestComments: comment lines anywhere, blank lines, and the synthetic
// marker.
func TestComments(t *testing.T) {
	sc := dayOne(t)
	text := "# arrivals at the north gate, 25 November\n\n" +
		"time,kind,building,id\n" +
		"# the first van\n" +
		"2021-11-25T08:00:00+08:00,express,7,\"#12\"\n" +
		"   # an indented comment\n" +
		"2021-11-25T08:01:00+08:00,express,\"7\",\"a, b\"\"c\"\"\"\n"
	got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Synthetic || len(got.Rows) != 2 || got.Rows[0].ID != "#12" || got.Rows[1].ID != `a, b"c"` || got.Rows[1].Building != 6 {
		t.Errorf("read %+v, synthetic %v", got.Rows, got.Synthetic)
	}
	got, err = logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader("# synthetic: made by cordon from day-one\n"+text), sc, logs.Options{})
	if err != nil || !got.Synthetic {
		t.Errorf("with the marker: synthetic %v, %v", got.Synthetic, err)
	}
}

// TestZones: a zone without a building, a building's zone found for it,
// and a batch.
func TestZones(t *testing.T) {
	sc := dayOne(t)
	text := "time,kind,building,zone,batch\n" +
		"2021-11-25T08:00:00+08:00,express,,zone-3,van-1\n" +
		"2021-11-25T08:00:00+08:00,express,10,,van-1\n" +
		"2021-11-25T08:00:00+08:00,express,,,\n"
	got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := got.Rows
	if r[0].Building != -1 || r[0].Zone != 2 || r[0].Batch != "van-1" || r[1].Building != 9 || r[1].Zone != 2 || r[2].Building != -1 || r[2].Zone != -1 {
		t.Errorf("read %+v", r)
	}
}

// TestRosterForms: date, from and to as HH:MM, a shift past midnight, and
// a zone group.
func TestRosterForms(t *testing.T) {
	sc := dayOne(t)
	text := "pool,date,from,to,tz,count\n" +
		"gate-crew,2021-11-25,07:00,15:00,+08:00,3\n" +
		"gate-crew,2021-11-25,23:00,07:00,Asia/Shanghai,1\n" +
		"zone-volunteers/zone-2,2021-11-25,07:00,24:00,+08:00,4\n"
	got, err := logs.ReadRoster(context.Background(), "roster.csv", strings.NewReader(text), sc, logs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := 3600.0
	want := []struct {
		pool     string
		from, to float64
		count    int
	}{{"gate-crew", 0, 8 * h, 3}, {"gate-crew", 16 * h, 24 * h, 1}, {"zone-volunteers/zone-2", 0, 17 * h, 4}}
	for i, w := range want {
		if e := got.Rows[i]; e.Pool != w.pool || e.From != w.from || e.To != w.to || e.Count != w.count {
			t.Errorf("row %d: %+v, want %+v", i, e, w)
		}
	}
}
