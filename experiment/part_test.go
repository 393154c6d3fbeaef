package experiment_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// sweepWork is a small sweep of the baseline: 3 points of 3 replications.
func sweepWork(t testing.TB, seed uint64) *experiment.Work {
	t.Helper()
	axis, err := experiment.ParseAxis("gate.ground=10,30,60")
	if err != nil {
		t.Fatal(err)
	}
	w, err := experiment.NewSweepWork([]experiment.Axis{axis}, func(v []string) (*compound.Scenario, error) {
		return scenarios.Resolve("baseline", scenarios.Override{Path: axis.Path, Value: v[0]})
	}, experiment.Options{Replications: 3, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// shardParts runs the work as n shards and returns their parts, written
// and read back.
func shardParts(t testing.TB, w *experiment.Work, n int, version string) []*experiment.Part {
	t.Helper()
	var parts []*experiment.Part
	for i := range n {
		sh := experiment.Shard{Index: i, Count: n}
		res, err := experiment.RunWork(context.Background(), w, sh, experiment.Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		p, err := experiment.NewPart(w, sh, res, version)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.Write(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := experiment.ReadPart(&buf)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, back)
	}
	return parts
}

func partNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("part-%d", i)
	}
	return names
}

func missingName(s experiment.Shard) string { return fmt.Sprintf("part-%d", s.Index) }

// encode writes results as bytes, NaN and all, to compare them exactly.
func encode(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestShardsMergeToTheWholeRun(t *testing.T) {
	w := sweepWork(t, 7)
	whole, err := experiment.RunWork(context.Background(), w, experiment.Shard{}, experiment.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 4, 9, 12} { // 12 > the 9 units: some shards are empty
		parts := shardParts(t, w, n, "test")
		// Any order of parts merges to the same.
		parts[0], parts[n-1] = parts[n-1], parts[0]
		got, merged, err := experiment.Merge(parts, partNames(n), missingName)
		if err != nil {
			t.Fatalf("%d shards: %v", n, err)
		}
		if !bytes.Equal(encode(t, got), encode(t, w)) {
			t.Fatalf("%d shards: merged work differs from the work", n)
		}
		if !bytes.Equal(encode(t, merged), encode(t, whole)) {
			t.Fatalf("%d shards: merged results differ from one process's", n)
		}
	}
	p, err := w.Assemble(whole)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sweep.Points) != 3 || p.Sweep.Points[2].Values[0] != "60" || p.Sweep.Points[2].Outcome.Scenario.Gate.Ground != 60 {
		t.Fatalf("sweep assembled wrong: %+v", p.Sweep.Points)
	}
}

func TestMergeRefuses(t *testing.T) {
	w := sweepWork(t, 7)
	parts := shardParts(t, w, 3, "test")
	other := shardParts(t, sweepWork(t, 8), 3, "test")
	newer := shardParts(t, w, 3, "newer")
	split4 := shardParts(t, w, 4, "test")
	cases := []struct {
		name  string
		parts []*experiment.Part
		names []string
		want  string
	}{
		{"missing", parts[:2], []string{"a", "b"}, "part-2: missing: no part is shard 2/3"},
		{"two missing", parts[:1], []string{"a"}, "part-1: missing: no part is shard 1/3 (and 1 more of the 3 shards)"},
		{"twice", []*experiment.Part{parts[0], parts[1], parts[1], parts[2]}, []string{"a", "b", "c", "d"}, "c: shard 1/3 again: b is the same shard"},
		{"other seed", []*experiment.Part{parts[0], other[1], parts[2]}, []string{"a", "b", "c"}, "b: a part of other work than a (seed 8, not 7)"},
		{"other build", []*experiment.Part{parts[0], newer[1], parts[2]}, []string{"a", "b", "c"}, "b: written by cordon newer, but a by cordon test: run every shard with the same build"},
		{"other split", []*experiment.Part{parts[0], split4[1], parts[2]}, []string{"a", "b", "c"}, "b: shard 1/4 of a split into 4, but a is shard 0/3 of 3"},
	}
	for _, c := range cases {
		_, _, err := experiment.Merge(c.parts, c.names, missingName)
		var me *experiment.MergeError
		if !errors.As(err, &me) || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
}

func TestMergeRefusesDamagedParts(t *testing.T) {
	w := sweepWork(t, 7)
	parts := shardParts(t, w, 2, "test")
	// A unit of the other shard.
	bad := *parts[1]
	bad.Units = append([]int{0}, bad.Units[1:]...)
	if _, _, err := experiment.Merge([]*experiment.Part{parts[0], &bad}, []string{"a", "b"}, missingName); err == nil ||
		!strings.HasPrefix(err.Error(), "b: damaged: unit 0 does not belong to shard 1/2") {
		t.Errorf("got %v", err)
	}
	// Work changed after hashing.
	changed := *parts[0]
	cw := *changed.Work
	cw.Items = append([]experiment.WorkItem(nil), cw.Items...)
	cw.Items[0].Reps++
	changed.Work = &cw
	if _, _, err := experiment.Merge([]*experiment.Part{&changed, parts[1]}, []string{"a", "b"}, missingName); err == nil ||
		err.Error() != "a: damaged: its work does not match its hash" {
		t.Errorf("got %v", err)
	}
}

func TestReadPartRefusesOtherFiles(t *testing.T) {
	w := sweepWork(t, 7)
	var buf bytes.Buffer
	if err := shardParts(t, w, 1, "test")[0].Write(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("name: baseline\nseed: 1\n"),
		"truncated": good[:len(good)/2],
		"header":    good[:40],
	} {
		if p, err := experiment.ReadPart(bytes.NewReader(data)); err == nil || p != nil {
			t.Errorf("%s: read as a part", name)
		} else if !strings.Contains(err.Error(), "cordon part") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The run's work gives the same marginal analysis as running it on its
// own, for the steps its screen keeps: the variants reuse the run's first
// replications (the run's zero-cost steps, screened only, fewer; a step of
// a knob a plan buys whose screen shows no room for a gain, its screen's).
// Done in one process, in two stages, and assembled from every
// replication, as merged parts are, the run's product is the same.
func TestRunWorkMarginalMatchesMarginalAnalysis(t *testing.T) {
	sc := load(t, "day-one")
	opt := experiment.Options{Replications: 6}
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, []string{"express.door_time.p95<=1h"}, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	pc := &progressCheck{t: t}
	withProgress := opt
	withProgress.Progress = pc.report
	p, err := experiment.Do(context.Background(), w, withProgress)
	if err != nil {
		t.Fatal(err)
	}
	seed := sc.Seed
	m, err := experiment.MarginalAnalysis(context.Background(), sc, experiment.HeadlineKPIs(sc),
		experiment.Options{Replications: 4, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Runs[0]
	if r.Outcome.Replications != 6 || r.Marginal.Base.Replications != 4 || !r.Marginal.BoughtScreened {
		t.Fatalf("replications %d and %d (bought steps screened: %v), want 6 and 4, screened",
			r.Outcome.Replications, r.Marginal.Base.Replications, r.Marginal.BoughtScreened)
	}
	if pc.done != pc.total || pc.done != r.Marginal.Units+2 {
		t.Errorf("progress ended at %d of %d, the run and its analysis ran %d replications", pc.done, pc.total, r.Marginal.Units+2)
	}
	// The knobs a plan buys kept by the screen, run with the same
	// replications, have the same gains; the others are marked with the
	// screen's replications and show no gain; zero-cost steps, which the
	// run only screens, have fewer replications.
	full := map[string]experiment.KnobGain{}
	for _, k := range m.Knobs {
		full[k.Knob.Path] = k
	}
	kept, screened := 0, 0
	for _, k := range r.Marginal.Knobs {
		switch {
		case k.Knob.TwoWay && k.Replications != experiment.RunScreenReplications:
			t.Errorf("the run screens %s with %d replications, want %d", k.Knob.Name, k.Replications, experiment.RunScreenReplications)
		case k.Knob.TwoWay:
		case k.Replications == 4:
			kept++
			if f := full[k.Knob.Path]; !bytes.Equal(encode(t, k), encode(t, f)) {
				t.Errorf("%s: the run's gains %+v, MarginalAnalysis' %+v", k.Knob.Name, k.Gains, f.Gains)
			}
		case k.Replications == experiment.RunScreenReplications:
			screened++
			for _, g := range k.Gains {
				if g.High > 0 {
					t.Errorf("%s screened out with room for a gain on %s: %+v", k.Knob.Name, g.KPI.Name, g.Summary)
				}
			}
		default:
			t.Errorf("%s: %d replications", k.Knob.Name, k.Replications)
		}
	}
	if kept == 0 || screened == 0 {
		t.Errorf("%d steps kept, %d screened out: want some of each", kept, screened)
	}
	if !bytes.Equal(encode(t, r.Marginal.Hourly), encode(t, m.Hourly)) {
		t.Fatal("the run's hourly bottlenecks differ from MarginalAnalysis'")
	}
	whole, err := experiment.RunWork(context.Background(), w, experiment.Shard{}, opt)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := w.Assemble(whole)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encode(t, merged.Runs[0].Marginal.Knobs), encode(t, r.Marginal.Knobs)) {
		t.Fatal("the marginal analysis assembled from every replication differs from Do's")
	}
	last := r.Targets[len(r.Targets)-1]
	if len(r.Targets) != len(sc.Targets)+1 || last.Text != "express.door_time.p95<=1h" || last.Met {
		t.Fatalf("targets %+v", r.Targets)
	}
	if _, err := experiment.NewRunWork([]*compound.Scenario{sc}, []string{"express.door_tme.p95<=1h"}, 0, opt); err == nil ||
		!strings.Contains(err.Error(), "did you mean express.door_time.p95") {
		t.Fatalf("a target on a KPI that does not exist: %v", err)
	}
}
