package experiment_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
)

// smallRun is the work of a run of day-one over 2 replications, as one part.
func smallRun(t testing.TB) *experiment.Part {
	t.Helper()
	sc := load(t, "day-one")
	seed := uint64(3)
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: 2, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	return shardParts(t, w, 1, "test")[0]
}

// clonePart is a deep copy of p.
func clonePart(t testing.TB, p *experiment.Part) *experiment.Part {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(p); err != nil {
		t.Fatal(err)
	}
	var c experiment.Part
	if err := gob.NewDecoder(&buf).Decode(&c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// partDamages are ways a part's content can be damaged, each with what the
// error says.
var partDamages = []struct {
	name   string
	damage func(p *experiment.Part)
	want   string
}{
	{"values cut short", func(p *experiment.Part) { p.Results[1].Values = p.Results[1].Values[:3] }, "unit 1 (day-one, replication 1): 3 KPI values, want "},
	{"no values", func(p *experiment.Part) { p.Results[0].Values = nil }, "unit 0 (day-one, replication 0): 0 KPI values, want "},
	{"posts cut short", func(p *experiment.Part) { p.Results[1].Posts = p.Results[1].Posts[:2] }, "unit 1 (day-one, replication 1): 2 posts, but unit 0 has "},
	{"a post renamed", func(p *experiment.Part) { p.Results[1].Posts[3].Name = "elsewhere" }, "unit 1 (day-one, replication 1): post 3 is \"elsewhere\", but unit 0's is "},
	{"hourly cut short", func(p *experiment.Part) { p.Results[1].Posts[0].Hourly = p.Results[1].Posts[0].Hourly[:5] }, "unit 1 (day-one, replication 1): post 0 has 5 hours of utilisation, but unit 0's has "},
	{"a kind's hours cut short", func(p *experiment.Part) { p.Results[0].Hours[1].Delivered = p.Results[0].Hours[1].Delivered[:4] }, "unit 0 (day-one, replication 0): kind 1 has 4 hours delivered, want "},
	{"hours of a kind missing", func(p *experiment.Part) { p.Results[0].Hours = p.Results[0].Hours[:1] }, "unit 0 (day-one, replication 0): hours of 1 kinds, want 4"},
	{"door times of a kind missing", func(p *experiment.Part) { p.Results[1].DoorTimes = nil }, "unit 1 (day-one, replication 1): door times of 0 kinds, want 4"},
	{"series cut short", func(p *experiment.Part) { p.Results[1].Series = p.Results[1].Series[:1] }, "unit 1 (day-one, replication 1): 1 series, but unit 0 has "},
	{"series points cut short", func(p *experiment.Part) { p.Results[1].Series[2].Points = p.Results[1].Series[2].Points[:7] }, "unit 1 (day-one, replication 1): series 2 has 7 points, but unit 0's has "},
	{"NaN door time", func(p *experiment.Part) { p.Results[0].DoorTimes[0][0] = math.NaN() }, "unit 0 (day-one, replication 0): door time 0 of kind 0 is NaN"},
	{"infinite value", func(p *experiment.Part) { p.Results[0].Values[5] = math.Inf(1) }, "unit 0 (day-one, replication 0): KPI express.door_time.p90 is +Inf"},
	{"huge value", func(p *experiment.Part) { p.Results[1].Values[1] = 1e308 }, "unit 1 (day-one, replication 1): KPI express.delivered is 1e+308, beyond 1e+12"},
	{"negative value", func(p *experiment.Part) { p.Results[1].Values[0] = -5 }, "unit 1 (day-one, replication 1): KPI express.arrived is -5, below 0"},
	{"NaN queue", func(p *experiment.Part) { p.Results[0].Posts[2].QueueMean = math.NaN() }, "unit 0 (day-one, replication 0): post 2 (sorting-group) mean queue is NaN"},
	{"huge wait", func(p *experiment.Part) { p.Results[0].Posts[2].WaitP95 = 1e308 }, "unit 0 (day-one, replication 0): post 2 (sorting-group) p95 wait is 1e+308, beyond 1e+12"},
	{"negative arrivals", func(p *experiment.Part) { p.Results[0].Posts[1].Arrivals = -1 }, "unit 0 (day-one, replication 0): post 1 (suited-crew) arrivals is -1, below 0"},
	{"series infinite", func(p *experiment.Part) { p.Results[0].Series[0].Points[3] = math.Inf(-1) }, "unit 0 (day-one, replication 0): series 0 point 3 is -Inf"},
	{"series step zero", func(p *experiment.Part) { p.Results[0].Series[0].Step = 0 }, "unit 0 (day-one, replication 0): series 0 has step 0: want a positive step"},
	{"ledger negative", func(p *experiment.Part) { p.Results[0].Ledger.Delivered = -3 }, "unit 0 (day-one, replication 0): ledger delivered is -3, below 0"},
	{"gate backlog NaN", func(p *experiment.Part) { p.Results[0].GateBacklog[0] = math.Inf(1) }, "unit 0 (day-one, replication 0): gate backlog hour 0 is +Inf"},
	{"a result missing", func(p *experiment.Part) { p.Results[1] = nil }, "unit 1 (day-one, replication 1): no result"},
	{"units out of order", func(p *experiment.Part) { p.Units[0], p.Units[1] = p.Units[1], p.Units[0] }, "unit 0 after unit 1: the units are out of order"},
	{"a unit beyond the work", func(p *experiment.Part) { p.Units[1] = 7 }, "unit 7: the work has 2 units"},
	{"shard count huge", func(p *experiment.Part) { p.Shard = experiment.Shard{Index: 0, Count: 1_000_000_000_000} }, "shard 0/1000000000000: at most 100000 shards"},
}

// TestReadPartRefusesDamagedContent: a part whose results are cut short or
// hold numbers no replication gives (NaN, infinite, 1e308, negative) is
// refused as damaged by ReadPart, saying what is wrong, instead of
// panicking in the merge or merging silently.
func TestReadPartRefusesDamagedContent(t *testing.T) {
	good := smallRun(t)
	for _, d := range partDamages {
		p := clonePart(t, good)
		d.damage(p)
		var buf bytes.Buffer
		if err := p.Write(&buf); err != nil {
			continue // no file holds it (gob writes no nil result): Merge's test has it
		}
		got, err := experiment.ReadPart(&buf)
		if err == nil {
			t.Errorf("%s: read, and merged: %s", d.name, mergeAndAssemble(p))
			continue
		}
		if got != nil || !strings.HasPrefix(err.Error(), "a damaged cordon part: ") || !strings.Contains(err.Error(), d.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want a damaged cordon part: ...%s...", d.name, err, d.want)
		}
	}
}

// mergeAndAssemble merges a part alone and assembles the results, saying
// how it went: an error, a panic, or nothing.
func mergeAndAssemble(p *experiment.Part) (what string) {
	defer func() {
		if v := recover(); v != nil {
			what = fmt.Sprintf("panic: %v", v)
		}
	}()
	w, res, err := experiment.Merge([]*experiment.Part{p}, []string{"p"}, missingName)
	if err != nil {
		return "merge: " + err.Error()
	}
	if _, err := w.Assemble(res); err != nil {
		return "assemble: " + err.Error()
	}
	return "without an error"
}

// TestMergeRefusesDamagedContent: parts that read well alone, each with
// its own shape, are refused by Merge when one of them differs from the
// other (a replication of fewer posts), naming the part.
func TestMergeRefusesDamagedContent(t *testing.T) {
	sc := load(t, "day-one")
	seed := uint64(3)
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: 2, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	parts := shardParts(t, w, 2, "test")
	bad := clonePart(t, parts[1])
	bad.Results[0].Posts = bad.Results[0].Posts[:4]
	bad.Results[0].Series = bad.Results[0].Series[:8]
	_, _, err = experiment.Merge([]*experiment.Part{parts[0], bad}, []string{"a", "b"}, missingName)
	if err == nil || !strings.HasPrefix(err.Error(), "b: damaged: unit 1 (day-one, replication 1): 4 posts, but unit 0 (in a) has 28") {
		t.Errorf("got %v; merged: %s", err, mergeAndAssemble(bad))
	}
}

// TestShardCountBounded: a split into more than MaxShards is refused when
// parsed and when merged, and merging such a part allocates nothing by its
// count.
func TestShardCountBounded(t *testing.T) {
	if err := (experiment.Shard{Index: 0, Count: experiment.MaxShards}).Check(); err != nil {
		t.Errorf("%d shards: %v", experiment.MaxShards, err)
	}
	if err := (experiment.Shard{Index: 0, Count: experiment.MaxShards + 1}).Check(); err == nil {
		t.Errorf("%d shards: no error", experiment.MaxShards+1)
	}
	p := clonePart(t, smallRun(t))
	p.Shard = experiment.Shard{Index: 0, Count: 1_000_000_000_000}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := experiment.Merge([]*experiment.Part{p}, []string{"huge"}, missingName)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "at most 100000 shards") {
		t.Errorf("merged a part of 10^12 shards: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("merging allocated %d MiB", grew>>20)
	}
}

// TestDamagedContentNeverPanics: every damage, read past ReadPart's checks
// (a part given to Merge directly), is refused or merges into a product,
// and never panics.
func TestDamagedContentNeverPanics(t *testing.T) {
	good := smallRun(t)
	for _, d := range partDamages {
		p := clonePart(t, good)
		d.damage(p)
		if what := mergeAndAssemble(p); strings.HasPrefix(what, "panic") || what == "without an error" {
			t.Errorf("%s: %s", d.name, what)
		}
	}
}
