package experiment_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// runShard runs a shard of w with RunShard and returns its part's bytes.
func runShard(t testing.TB, w *experiment.Work, sh experiment.Shard, opt experiment.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := experiment.RunShard(context.Background(), w, sh, opt, "test", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(shardUnits(w, sh)); n != want {
		t.Fatalf("shard %v: %d units written, want %d", sh, n, want)
	}
	return buf.Bytes()
}

// shardUnits are the units of w that are sh's.
func shardUnits(w *experiment.Work, sh experiment.Shard) []int {
	var units []int
	for u := range w.Units() {
		if sh.Has(u) {
			units = append(units, u)
		}
	}
	return units
}

// readers returns readers of the parts' bytes.
func readers(t testing.TB, parts [][]byte) []*experiment.PartReader {
	t.Helper()
	out := make([]*experiment.PartReader, len(parts))
	for i, b := range parts {
		r, err := experiment.NewPartReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		out[i] = r
	}
	return out
}

// TestRunShardWritesThePart: a shard run by RunShard, its units written
// as they finish in any order over several workers (one at a time held
// back no more than the window lets it), writes the very bytes of the part
// of its results packed whole; merged unit by unit, the parts give the
// product one process gives with the report's figures, to the byte.
func TestRunShardWritesThePart(t *testing.T) {
	w := sweepWork(t, 7)
	var parts [][]byte
	for i := range 2 {
		sh := experiment.Shard{Index: i, Count: 2}
		got := runShard(t, w, sh, experiment.Options{Workers: 3})
		var want bytes.Buffer
		if err := shardParts(t, w, 2, "test")[i].Write(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("shard %v: RunShard wrote %d bytes unlike the part packed whole (%d)", sh, len(got), want.Len())
		}
		parts = append(parts, got)
	}
	parts[0], parts[1] = parts[1], parts[0]
	merged, prod, err := experiment.MergeProduct(context.Background(), readers(t, parts), partNames(2), missingName, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encode(t, merged), encode(t, w)) {
		t.Fatal("merged work differs from the work")
	}
	one, err := experiment.Do(context.Background(), w, experiment.Options{Workers: 2, ReportFigures: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, pt := range prod.Sweep.Points {
		o, want := pt.Outcome, one.Sweep.Points[i].Outcome
		if !bytes.Equal(encode(t, o.KPIs), encode(t, want.KPIs)) || !bytes.Equal(encode(t, o.Bottlenecks), encode(t, want.Bottlenecks)) ||
			!bytes.Equal(encode(t, o.OnDuty), encode(t, want.OnDuty)) || !reflect.DeepEqual(o.Plots, want.Plots) || o.Runs != nil {
			t.Fatalf("point %d merged unit by unit differs from one process's", i)
		}
	}
}

// TestMergeProductWithoutReport: merged without a report, a run's parts
// give the outcome merged with one, KPI for KPI, post for post and with
// the same targets, without what the report's plots read and without the
// marginal analysis only the report shows, though its units were read.
func TestMergeProductWithoutReport(t *testing.T) {
	sc := load(t, "day-one")
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, []string{"express.door_time.p95<=1h"}, 2, experiment.Options{Replications: 3})
	if err != nil {
		t.Fatal(err)
	}
	parts := [][]byte{runShard(t, w, experiment.Shard{Index: 0, Count: 2}, experiment.Options{Workers: 2}),
		runShard(t, w, experiment.Shard{Index: 1, Count: 2}, experiment.Options{Workers: 2})}
	_, with, err := experiment.MergeProduct(context.Background(), readers(t, parts), partNames(2), missingName, true)
	if err != nil {
		t.Fatal(err)
	}
	merged, without, err := experiment.MergeProduct(context.Background(), readers(t, parts), partNames(2), missingName, false)
	if err != nil {
		t.Fatal(err)
	}
	if merged.MarginalReps != 2 {
		t.Errorf("the work merged without a report says %d marginal replications, want the parts' 2", merged.MarginalReps)
	}
	r, n := with.Runs[0], without.Runs[0]
	if r.Marginal == nil || r.Outcome.Plots == nil {
		t.Fatal("merged with a report: no marginal analysis, or no plots' figures")
	}
	if n.Marginal != nil || n.Outcome.Plots != nil {
		t.Errorf("merged without a report: marginal analysis %v, plots' figures %v; want neither", n.Marginal != nil, n.Outcome.Plots != nil)
	}
	o, want := n.Outcome, r.Outcome
	if !bytes.Equal(encode(t, o.KPIs), encode(t, want.KPIs)) || !bytes.Equal(encode(t, o.Bottlenecks), encode(t, want.Bottlenecks)) ||
		!bytes.Equal(encode(t, o.OnDuty), encode(t, want.OnDuty)) || !bytes.Equal(encode(t, n.Targets), encode(t, r.Targets)) {
		t.Error("the run merged without a report differs from the run merged with one")
	}
}

// TestMergeProductRefusesDamagedFiles: a part cut short, or one whose
// unit is damaged half-way, is refused by MergeProduct naming the part,
// after its head was read well.
func TestMergeProductRefusesDamagedFiles(t *testing.T) {
	w := sweepWork(t, 7)
	good := [][]byte{runShard(t, w, experiment.Shard{Index: 0, Count: 2}, experiment.Options{}),
		runShard(t, w, experiment.Shard{Index: 1, Count: 2}, experiment.Options{})}
	cut := bytes.Clone(good[1][:len(good[1])*2/3])
	bad := shardParts(t, w, 2, "test")[1]
	bad.Results[2].Values[0] = -5
	var damaged bytes.Buffer
	if err := bad.Write(&damaged); err != nil {
		t.Fatal(err)
	}
	for name, part := range map[string][]byte{
		"cut":     cut,
		"damaged": damaged.Bytes(),
	} {
		_, _, err := experiment.MergeProduct(context.Background(), readers(t, [][]byte{good[0], part}), []string{"a", name}, missingName, true)
		var me *experiment.MergeError
		if !errors.As(err, &me) || me.Part != name || strings.Contains(err.Error(), "\n") ||
			!strings.HasPrefix(me.Err.Error(), "a truncated cordon part") && !strings.HasPrefix(me.Err.Error(), "a damaged cordon part: unit 5 ") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestPartsOfEarlierFormatsRefused: a part of an earlier build (format 1,
// every unit in its head; format 2, whose replications hold no hours
// waited at the posts) is refused with a sentence that says why and what
// to do, never merged with a figure read as zero.
func TestPartsOfEarlierFormatsRefused(t *testing.T) {
	w := sweepWork(t, 7)
	parts := shardParts(t, w, 2, "test")
	for _, format := range []string{"cordon part 1", "cordon part 2"} {
		var buf bytes.Buffer
		old := *parts[0]
		old.Format = format
		if format == "cordon part 2" {
			// Format 2's head, then its records, as this build writes
			// them: only the head's format differs.
			if err := old.Write(&buf); err != nil {
				t.Fatal(err)
			}
		} else {
			buf.WriteString("cordon part\n")
			if err := gob.NewEncoder(&buf).Encode(&old); err != nil {
				t.Fatal(err)
			}
		}
		_, err := experiment.ReadPart(bytes.NewReader(buf.Bytes()))
		if err == nil || !strings.Contains(err.Error(), "a part of an earlier cordon (format \""+format+"\", by cordon test)") ||
			!strings.Contains(err.Error(), "run every shard again with this build") {
			t.Errorf("%s: %v", format, err)
		}
	}
}

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

// TestRunShardStopsWhenItCannotWrite: a part that cannot be written stops
// the shard with a *PartWriteError, whatever the workers, without a hang.
func TestRunShardStopsWhenItCannotWrite(t *testing.T) {
	w := sweepWork(t, 7)
	for _, n := range []int{0, 6000, 40000} {
		_, err := experiment.RunShard(context.Background(), w, experiment.Shard{Index: 0, Count: 1}, experiment.Options{Workers: 3}, "test", &failingWriter{n: n})
		var pe *experiment.PartWriteError
		if !errors.As(err, &pe) || err.Error() != "disk full" {
			t.Errorf("after %d bytes: %v, want a PartWriteError", n, err)
		}
	}
}

// TestRunShardStopsOnAFailedUnit: a unit that fails stops the shard with
// its error, and the units waiting for their turn behind it do not hang.
func TestRunShardStopsOnAFailedUnit(t *testing.T) {
	sc := load(t, "day-one")
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: 12})
	if err != nil {
		t.Fatal(err)
	}
	opt := experiment.Options{Workers: 2, Model: compound.Options{MaxEvents: 1000}}
	_, err = experiment.RunShard(context.Background(), w, experiment.Shard{Index: 0, Count: 1}, opt, "test", io.Discard)
	var ue *experiment.UnitError
	if !errors.As(err, &ue) || ue.Replication != 0 {
		t.Fatalf("got %v, want replication 0's error", err)
	}
}
