package replicate

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// Options tune a Run.
type Options struct {
	// Workers is the number of replications run at once; 0 or less means
	// runtime.NumCPU().
	Workers int
	// Progress, when set, is called after each replication finishes with the
	// number finished so far and the total. Calls never overlap; they come
	// in the order replications finish, which varies between runs.
	Progress func(done, total int)
}

// Func runs replication rep (numbered from 0) and returns its result. It must
// not share mutable state with other replications, and should return soon
// after ctx is cancelled.
type Func[T any] func(ctx context.Context, rep int) (T, error)

// Error is the failure of one replication.
type Error struct {
	Replication int
	Err         error
}

func (e *Error) Error() string { return fmt.Sprintf("replication %d: %v", e.Replication, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// Run runs replications 0..n-1 of fn and returns their results in
// replication order.
//
// When replications fail, Run returns the error of the lowest-numbered one
// (as an *Error), the same one whatever the number of workers: a failure
// stops only the replications numbered above it from starting. When ctx is
// cancelled Run stops starting replications, waits for those running and
// returns ctx's error. Either way the slice holds a result for every
// replication started (the zero value for one that failed), and nothing is
// allocated for replications not started: n may be far more than memory
// would hold.
func Run[T any](ctx context.Context, n int, fn Func[T], opt Options) ([]T, error) {
	if n < 0 {
		return nil, fmt.Errorf("replicate: %d replications", n)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = max(min(workers, n), 1)

	var lowestFailed atomic.Int64
	lowestFailed.Store(math.MaxInt64)
	next := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex // results, failures and done
		results  []T        // grows as replications start
		failures = map[int]error{}
		done     int
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rep := range next {
				if int64(rep) > lowestFailed.Load() {
					// Handed over before a lower replication failed: a
					// failure stops those above it from starting.
					continue
				}
				r, err := fn(ctx, rep)
				if err != nil {
					for {
						low := lowestFailed.Load()
						if int64(rep) >= low || lowestFailed.CompareAndSwap(low, int64(rep)) {
							break
						}
					}
				}
				mu.Lock()
				results[rep] = r
				if err != nil {
					failures[rep] = err
				}
				done++
				if opt.Progress != nil {
					opt.Progress(done, n)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for rep := range n {
		if int64(rep) > lowestFailed.Load() {
			break
		}
		mu.Lock()
		var zero T
		results = append(results, zero)
		mu.Unlock()
		select {
		case next <- rep:
		case <-ctx.Done():
			mu.Lock()
			results = results[:rep]
			mu.Unlock()
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return results, err
	}
	if low := lowestFailed.Load(); low != math.MaxInt64 {
		return results, &Error{Replication: int(low), Err: failures[int(low)]}
	}
	return results, nil
}
