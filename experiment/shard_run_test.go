package experiment

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"cordon/compound"
)

// TestUnitOrder: results put in any order are written in the shard's
// order, none held beyond the window; a unit beyond the window waits for
// its turn, and stops waiting when a unit before it fails or the work is
// stopped (else this test hangs).
func TestUnitOrder(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var written []int
	o := newUnitOrder(ctx, 3, func(k int, _ *compound.Result) error {
		written = append(written, k)
		return nil
	}, cancel)
	defer o.close()
	res := &compound.Result{}
	for k := range 3 {
		if err := o.admit(ctx, k); err != nil {
			t.Fatalf("unit %d not admitted within the window: %v", k, err)
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	var late error
	go func() { // unit 4 waits until units 0 and 1 are written
		defer wg.Done()
		late = o.admit(ctx, 4)
	}()
	o.put(2, res)
	o.put(1, res)
	if len(written) != 0 || len(o.pending) != 2 {
		t.Fatalf("written %v, %d held, before unit 0", written, len(o.pending))
	}
	o.put(0, res)
	wg.Wait()
	if late != nil || !slices.Equal(written, []int{0, 1, 2}) || len(o.pending) != 0 {
		t.Fatalf("written %v (unit 4: %v), %d held", written, late, len(o.pending))
	}
	// Unit 3 fails: unit 7, waiting beyond the window, is not run.
	wg.Add(1)
	go func() {
		defer wg.Done()
		late = o.admit(ctx, 7)
	}()
	o.fail()
	wg.Wait()
	if !errors.Is(late, errSkipped) {
		t.Fatalf("unit 7 behind a failed unit: %v", late)
	}
	// The work stopped: a unit waiting stops waiting.
	o2 := newUnitOrder(ctx, 1, func(int, *compound.Result) error { return nil }, cancel)
	defer o2.close()
	wg.Add(1)
	go func() {
		defer wg.Done()
		late = o2.admit(ctx, 5)
	}()
	cancel()
	wg.Wait()
	if !errors.Is(late, context.Canceled) {
		t.Fatalf("unit 5 of stopped work: %v", late)
	}
}
