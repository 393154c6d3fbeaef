package logs_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/internal/fuzzguard"
	"cordon/logs"
)

// errorLine is the shape of every error line: file:line: message.
var errorLine = regexp.MustCompile(`^fuzz\.csv:[1-9][0-9]*: [^\n]+$`)

// addSeeds adds the testdata files whose names start with prefix, and
// some texts, to the seed corpus (crashers found are kept in
// testdata/fuzz).
func addSeeds(f *testing.F, prefix string, texts ...string) {
	files, err := filepath.Glob(filepath.Join("testdata", prefix+"*.csv"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files %s*.csv: %v", prefix, err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range texts {
		f.Add([]byte(s))
	}
}

// checkErr checks that err is Errors, every line of the file:line: shape,
// at most 200 and a count of the rest.
func checkErr(t *testing.T, err error) {
	t.Helper()
	var errs logs.Errors
	if !errors.As(err, &errs) || len(errs) == 0 || len(errs) > 201 {
		t.Fatalf("the error is %T with %d errors: %v", err, len(errs), err)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !errorLine.MatchString(line) {
			t.Fatalf("error line %q is not file:line: message", line)
		}
	}
}

// FuzzReadArrivals: any input reads without a panic, as arrivals the model
// accepts or as errors of the file:line: shape; arrivals read, written and
// read again are the same, to the millisecond.
func FuzzReadArrivals(f *testing.F) {
	sc := dayOne(f)
	addSeeds(f, "arrivals",
		"",
		"time,kind\n",
		"\xef\xbb\xbftime,kind\r\n2021-11-25T08:00:00Z,express\r\n",
		"time,kind,id\n2021-11-25T08:00:00+08:00,express,\"a\nb\"\"\"\n",
		"date,time,tz,kind\n2021-11-25,24:00,Europe/London,reserve\n",
		"time,kind\n\"2021-11-25T08:00:00+08:00\"x,express,,\n#\x00\n\"",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzguard.Check(t, func() {
			for _, lenient := range []bool{false, true} {
				got, err := logs.ReadArrivals(context.Background(), "fuzz.csv", bytes.NewReader(data), sc, logs.Options{Lenient: lenient})
				if err != nil {
					checkErr(t, err)
					continue
				}
				if got.Skipped < 0 || !lenient && got.Skipped != 0 || len(got.SkippedErrors) > 0 && got.Skipped == 0 {
					t.Fatalf("skipped %d, errors %v", got.Skipped, got.SkippedErrors)
				}
				for _, e := range got.SkippedErrors {
					if !errorLine.MatchString(e.Error()) {
						t.Fatalf("skipped error %q", e.Error())
					}
				}
				if errs := sc.CheckReplay(got.Rows, nil); len(errs) > 0 {
					t.Fatalf("read arrivals the model refuses: %v", errs[0])
				}
				var buf bytes.Buffer
				if err := logs.WriteArrivals(&buf, sc, got.Day, nil, got.Rows); err != nil {
					t.Fatal(err)
				}
				again, err := logs.ReadArrivals(context.Background(), "fuzz.csv", &buf, sc, logs.Options{Day: &got.Day})
				if err != nil {
					t.Fatalf("written arrivals do not read: %v\n%s", err, buf.String())
				}
				if len(again.Rows) != len(got.Rows) {
					t.Fatalf("%d arrivals written, %d read", len(got.Rows), len(again.Rows))
				}
				for i, a := range got.Rows {
					b := again.Rows[i]
					if math.Abs(a.At-b.At) > 0.001+1e-9 || a.Kind != b.Kind || a.Building != b.Building || a.Zone != b.Zone || a.ID != b.ID || a.Batch != b.Batch {
						t.Fatalf("arrival %d: %+v written, %+v read", i, a, b)
					}
				}
			}
		})
	})
}

// FuzzReadDurations: any input reads without a panic, as finite durations
// of named steps or as errors of the file:line: shape; durations written
// and read again are the same, to the millisecond.
func FuzzReadDurations(f *testing.F) {
	addSeeds(f, "durations",
		"step,duration\nx,0x1p4\n",
		"step,duration\nx,1_000\n",
		"duration,step\n 1h2m3.5s , a b \n",
		"step,duration\nx,\"\"\"\"\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzguard.Check(t, func() {
			for _, lenient := range []bool{false, true} {
				got, err := logs.ReadDurations(context.Background(), "fuzz.csv", bytes.NewReader(data), logs.Options{Lenient: lenient})
				if err != nil {
					checkErr(t, err)
					continue
				}
				byStep := map[string][]float64{}
				for _, d := range got.Rows {
					if d.Step == "" || d.Step != strings.TrimSpace(d.Step) || !(d.Seconds >= 0) || math.IsInf(d.Seconds, 0) {
						t.Fatalf("read %+v", d)
					}
					byStep[d.Step] = append(byStep[d.Step], d.Seconds)
				}
				var buf bytes.Buffer
				if err := logs.WriteDurations(&buf, []string{"synthetic: fuzz"}, byStep); err != nil {
					t.Fatal(err)
				}
				again, err := logs.ReadDurations(context.Background(), "fuzz.csv", &buf, logs.Options{})
				if err != nil || !again.Synthetic || len(again.Rows) != len(got.Rows) {
					t.Fatalf("written durations read as %d rows, %v\n%s", len(again.Rows), err, buf.String())
				}
				seen := map[string]int{}
				for _, d := range again.Rows {
					want := byStep[d.Step][seen[d.Step]]
					seen[d.Step]++
					if math.Abs(d.Seconds-want) > 0.0005*max(1, want*1e-12) {
						t.Fatalf("%s: wrote %v, read %v", d.Step, want, d.Seconds)
					}
				}
			}
		})
	})
}

// FuzzReadRoster: any input reads without a panic, as a roster the model
// accepts or as errors of the file:line: shape; a roster read, written and
// read again is the same, to the millisecond.
func FuzzReadRoster(f *testing.F) {
	sc := dayOne(f)
	addSeeds(f, "roster",
		"",
		"pool,start,end,count\n",
		"pool,date,from,to,tz,count\nrunners,2021-11-25,23:00,07:00,+08:00,1\n",
		"pool,from,to,date,tz,count\nzone-volunteers/zone-1,07:00,07:00,2021-11-25,Z,1\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzguard.Check(t, func() {
			for _, lenient := range []bool{false, true} {
				got, err := logs.ReadRoster(context.Background(), "fuzz.csv", bytes.NewReader(data), sc, logs.Options{Lenient: lenient})
				if err != nil {
					checkErr(t, err)
					continue
				}
				if !lenient && got.Skipped != 0 {
					t.Fatalf("skipped %d without lenient", got.Skipped)
				}
				if errs := sc.CheckReplay(nil, got.Rows); len(errs) > 0 {
					t.Fatalf("read a roster the model refuses: %v", errs[0])
				}
				var buf bytes.Buffer
				if err := logs.WriteRoster(&buf, got.Day, nil, got.Rows); err != nil {
					t.Fatal(err)
				}
				again, err := logs.ReadRoster(context.Background(), "fuzz.csv", &buf, sc, logs.Options{Day: &got.Day})
				if err != nil {
					t.Fatalf("a written roster does not read: %v\n%s", err, buf.String())
				}
				if len(again.Rows) != len(got.Rows) {
					t.Fatalf("%d entries written, %d read", len(got.Rows), len(again.Rows))
				}
				for i, a := range got.Rows {
					b := again.Rows[i]
					if a.Pool != b.Pool || a.Count != b.Count || math.Abs(a.From-b.From) > 0.001+1e-9 || math.Abs(a.To-b.To) > 0.001+1e-9 {
						t.Fatalf("entry %d: %+v written, %+v read", i, a, b)
					}
				}
			}
		})
	})
}

// FuzzReadObserved: any input reads without a panic, as observations of the
// scenario's kinds inside the run or as errors of the file:line: shape;
// observations read, written and read again are the same, to the
// millisecond.
func FuzzReadObserved(f *testing.F) {
	sc := dayOne(f)
	addSeeds(f, "observed",
		"",
		"event,time\nsampled,2021-11-25T12:00:00+08:00\n",
		"event,date,time,tz,kind,id\ndelivered,2021-11-25,08:00,Asia/Shanghai,reserve,\"x,y\"\n",
	)
	end := float64(sc.Horizon.Days) * 86400
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzguard.Check(t, func() {
			for _, lenient := range []bool{false, true} {
				got, err := logs.ReadObserved(context.Background(), "fuzz.csv", bytes.NewReader(data), sc, logs.Options{Lenient: lenient})
				if err != nil {
					checkErr(t, err)
					continue
				}
				log := &compound.Log{}
				for _, o := range got.Rows {
					if !(o.At >= 0 && o.At < end) {
						t.Fatalf("an observation at %v s, outside the run", o.At)
					}
					switch o.Event {
					case logs.Delivered:
						if o.Kind < 0 || o.Kind >= len(sc.Kinds) {
							t.Fatalf("a delivery of kind %d", o.Kind)
						}
						log.Deliveries = append(log.Deliveries, compound.LoggedDelivery{ID: o.ID, Kind: o.Kind, Delivered: o.At})
					case logs.Sampled:
						log.Sampled = append(log.Sampled, o.At)
					default:
						t.Fatalf("event %q", o.Event)
					}
				}
				var buf bytes.Buffer
				if err := logs.WriteObserved(&buf, sc, got.Day, nil, log); err != nil {
					t.Fatal(err)
				}
				again, err := logs.ReadObserved(context.Background(), "fuzz.csv", &buf, sc, logs.Options{Day: &got.Day})
				if err != nil {
					t.Fatalf("written observations do not read: %v\n%s", err, buf.String())
				}
				if len(again.Rows) != len(got.Rows) {
					t.Fatalf("%d observations written, %d read", len(got.Rows), len(again.Rows))
				}
			}
		})
	})
}
