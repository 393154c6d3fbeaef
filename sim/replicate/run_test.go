package replicate_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync/atomic"
	"testing"

	"cordon/sim/replicate"
)

// work is a deterministic function of the replication number only.
func work(_ context.Context, rep int) (float64, error) {
	r := rand.New(rand.NewPCG(uint64(rep), 7))
	s := 0.0
	for range 1000 {
		s += r.Float64()
	}
	return s, nil
}

func TestResultsInReplicationOrderForAnyWorkers(t *testing.T) {
	want, err := replicate.Run(context.Background(), 50, work, replicate.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{2, 3, 8, 64, 0} {
		got, err := replicate.Run(context.Background(), 50, work, replicate.Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("workers %d: results differ from one worker", w)
		}
	}
}

func TestLowestFailureReportedWhateverTheWorkers(t *testing.T) {
	// Replications 7 and 3 fail; 3 must be reported with any number of workers.
	fail := func(_ context.Context, rep int) (int, error) {
		if rep == 3 || rep == 7 {
			return 0, fmt.Errorf("boom %d", rep)
		}
		return rep, nil
	}
	for _, w := range []int{1, 2, 4, 16} {
		_, err := replicate.Run(context.Background(), 20, fail, replicate.Options{Workers: w})
		var re *replicate.Error
		if !errors.As(err, &re) || re.Replication != 3 || re.Err.Error() != "boom 3" {
			t.Errorf("workers %d: got %v, want replication 3: boom 3", w, err)
		}
	}
}

func TestFailureStopsLaterReplications(t *testing.T) {
	var ran atomic.Int64
	fn := func(_ context.Context, rep int) (int, error) {
		ran.Add(1)
		if rep == 0 {
			return 0, errors.New("bad")
		}
		return rep, nil
	}
	_, err := replicate.Run(context.Background(), 1000, fn, replicate.Options{Workers: 1})
	if err == nil || ran.Load() != 1 {
		t.Errorf("ran %d replications after the first failed (err %v), want 1", ran.Load(), err)
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	fn := func(ctx context.Context, rep int) (int, error) {
		if rep == 2 {
			cancel()
		}
		return rep, nil
	}
	_, err := replicate.Run(ctx, 1000, fn, replicate.Options{Workers: 1})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestProgressCountsEveryReplication(t *testing.T) {
	var last, calls int
	_, err := replicate.Run(context.Background(), 30, work, replicate.Options{Workers: 4,
		Progress: func(done, total int) {
			calls++
			if done != last+1 || total != 30 {
				t.Errorf("progress %d/%d after %d", done, total, last)
			}
			last = done
		}})
	if err != nil || calls != 30 {
		t.Errorf("calls %d err %v, want 30 calls", calls, err)
	}
}

func TestZeroAndNegative(t *testing.T) {
	got, err := replicate.Run(context.Background(), 0, work, replicate.Options{})
	if err != nil || len(got) != 0 {
		t.Errorf("n=0: %v %v", got, err)
	}
	if _, err := replicate.Run(context.Background(), -1, work, replicate.Options{}); err == nil {
		t.Error("n=-1: no error")
	}
}

// TestNothingPreallocatedFromTheCount: a count of replications far beyond
// memory (2^50) is not allocated up front: cancelled after a few
// replications, Run returns their results and the cancellation.
func TestNothingPreallocatedFromTheCount(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fn := func(_ context.Context, rep int) (int, error) {
		if rep == 2 {
			cancel()
		}
		return rep + 1, nil
	}
	got, err := replicate.Run(ctx, 1<<50, fn, replicate.Options{Workers: 1})
	if !errors.Is(err, context.Canceled) || len(got) < 3 || len(got) > 4 || got[0] != 1 || got[2] != 3 {
		t.Errorf("got %v, %v; want the first three results and context.Canceled", got, err)
	}
}

func ExampleRun() {
	square := func(_ context.Context, rep int) (int, error) { return rep * rep, nil }
	out, err := replicate.Run(context.Background(), 5, square, replicate.Options{Workers: 3})
	fmt.Println(out, err)
	// Output: [0 1 4 9 16] <nil>
}
