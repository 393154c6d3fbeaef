package experiment

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"

	"cordon/compound"
	"cordon/scenarios"
)

// TestPartsShareOneWork: the parts of a sweep split into many shards, each
// opened and made to share the first's work (as cordon merge opens them),
// hold one copy of the work, not one a part, and merge into the same
// product as parts that each keep their own.
func TestPartsShareOneWork(t *testing.T) {
	const points, shards = 24, 12
	var values []string
	for i := range points {
		values = append(values, fmt.Sprint(10+i))
	}
	axes := []Axis{{Path: "gate.ground", Values: values}}
	w, err := NewSweepWork(axes, func(v []string) (*compound.Scenario, error) {
		return scenarios.Resolve("baseline", scenarios.Override{Path: "gate.ground", Value: v[0]})
	}, Options{Replications: 1})
	if err != nil {
		t.Fatal(err)
	}
	files := make([][]byte, shards)
	names := make([]string, shards)
	for i := range shards {
		var b bytes.Buffer
		sh := Shard{Index: i, Count: shards}
		if _, err := RunShard(context.Background(), w, sh, Options{Workers: 1}, "test", &b); err != nil {
			t.Fatal(err)
		}
		files[i], names[i] = b.Bytes(), sh.PartName()
	}
	open := func(share bool) ([]*PartReader, int64) {
		before := liveHeap()
		parts := make([]*PartReader, shards)
		for i, f := range files {
			p, err := NewPartReader(bytes.NewReader(f))
			if err != nil {
				t.Fatal(err)
			}
			if share && i > 0 {
				p.ShareWork(parts[0])
			}
			parts[i] = p
		}
		held := liveHeap() - before
		runtime.KeepAlive(parts)
		return parts, held
	}
	own, ownHeld := open(false)
	shared, sharedHeld := open(true)
	for i, p := range shared {
		if p.Work != shared[0].Work {
			t.Errorf("part %d keeps a work of its own", i)
		}
	}
	// One work held instead of twelve: well under half, whatever the
	// collector's noise.
	if testing.Verbose() {
		t.Logf("held: %d kB shared, %d kB own", sharedHeld>>10, ownHeld>>10)
	}
	if sharedHeld > ownHeld/2 {
		t.Errorf("parts sharing their work hold %d kB, parts with their own %d kB", sharedHeld>>10, ownHeld>>10)
	}
	product := func(parts []*PartReader) string {
		t.Helper()
		_, prod, err := MergeProduct(context.Background(), parts, names, func(s Shard) string { return fmt.Sprint(s) }, true)
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, pt := range prod.Sweep.Points {
			for _, k := range pt.Outcome.KPIs {
				out += fmt.Sprintf("%v %s %v %v\n", pt.Values, k.Name, k.Summary, k.Values) // %v writes each float so that it reads back exactly
			}
		}
		return out
	}
	if a, b := product(shared), product(own); a != b {
		t.Error("the parts sharing their work merge into another product than the parts with their own")
	}
}
