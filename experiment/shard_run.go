package experiment

import (
	"context"
	"errors"
	"io"
	"sync"

	"cordon/compound"
)

// PartWriteError is a part that could not be written: the run stopped
// there.
type PartWriteError struct{ Err error }

func (e *PartWriteError) Error() string { return e.Err.Error() }

func (e *PartWriteError) Unwrap() error { return e.Err }

// RunShard runs the shard's units of the work in parallel workers, as
// RunWork does, and writes them to out as a part (see Part.Write) made by
// the build version: each unit as soon as every unit of the shard before
// it is written, then dropped, so that what the shard holds does not grow
// with its units. A unit that finishes before its turn waits for it, and
// no unit starts more than a few places (four a worker) ahead of the
// first not yet written. It returns the number of units written; a part
// that could not be written is a *PartWriteError, and then out holds half
// a part (write it aside and rename it into place).
func RunShard(ctx context.Context, w *Work, shard Shard, opt Options, version string, out io.Writer) (int, error) {
	if err := shard.Check(); err != nil {
		return 0, err
	}
	hash, err := w.Hash()
	if err != nil {
		return 0, err
	}
	n := shard.count(0, w.Units())
	enc, err := newPartEncoder(out, partHead{Format: PartFormat, Version: version, Hash: hash, Work: w, Shard: shard, Count: n})
	if err != nil {
		return 0, &PartWriteError{err}
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	order := newUnitOrder(ctx, 4*workersOrCPUs(opt.Workers), func(k int, res *compound.Result) error {
		return enc.unit(shard.unit(k), res)
	}, stop)
	defer order.close()
	_, err = runUnits(ctx, w, shard, opt, nil, order)
	if werr := order.writeError(); werr != nil {
		return 0, &PartWriteError{werr}
	}
	if err != nil {
		return 0, err
	}
	if err := enc.flush(); err != nil {
		return 0, &PartWriteError{err}
	}
	return n, nil
}

// errSkipped is a unit not started because one before it failed.
var errSkipped = errors.New("not run: a unit before it failed")

// unitOrder hands a shard's results to write in the shard's order, k = 0,
// 1, 2, ..., holding those that finish before their turn, and keeps the
// workers within window units of the first not yet written, so that it
// never holds more than window results.
type unitOrder struct {
	mu      sync.Mutex
	turn    *sync.Cond
	next    int // the first unit not yet written
	window  int
	pending map[int]*compound.Result
	write   func(k int, res *compound.Result) error
	err     error // the first write's error: nothing more is written
	failed  bool  // a unit failed: the units waiting will not get their turn
	stop    func()
	release func() bool
}

// newUnitOrder returns a unitOrder writing through write, which calls
// stop when a write fails; the units waiting for their turn stop waiting
// when ctx is done.
func newUnitOrder(ctx context.Context, window int, write func(int, *compound.Result) error, stop func()) *unitOrder {
	o := &unitOrder{window: max(window, 1), pending: map[int]*compound.Result{}, write: write, stop: stop}
	o.turn = sync.NewCond(&o.mu)
	o.release = context.AfterFunc(ctx, o.wake)
	return o
}

// wake wakes the units waiting, to look again.
func (o *unitOrder) wake() {
	o.mu.Lock()
	o.turn.Broadcast()
	o.mu.Unlock()
}

// close stops waking on the context.
func (o *unitOrder) close() { o.release() }

// admit waits until unit k is within the window of the first unit not yet
// written: its result will be written soon after it finishes. It returns
// an error when the unit should not start: the work is stopped, a write
// failed, or a unit failed.
func (o *unitOrder) admit(ctx context.Context, k int) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for {
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case o.err != nil:
			return o.err
		case k < o.next+o.window:
			return nil
		case o.failed:
			return errSkipped
		}
		o.turn.Wait()
	}
}

// put takes unit k's result and writes it, with every result held after
// it whose turn has come.
func (o *unitOrder) put(k int, res *compound.Result) {
	o.mu.Lock()
	defer o.mu.Unlock()
	defer o.turn.Broadcast()
	if o.err != nil {
		return
	}
	o.pending[k] = res
	for {
		res, ok := o.pending[o.next]
		if !ok {
			return
		}
		delete(o.pending, o.next)
		if err := o.write(o.next, res); err != nil {
			o.err = err
			clear(o.pending)
			o.stop()
			return
		}
		o.next++
	}
}

// fail notes that a unit failed: the units waiting for their turn behind
// it will never get it.
func (o *unitOrder) fail() {
	o.mu.Lock()
	o.failed = true
	o.turn.Broadcast()
	o.mu.Unlock()
}

// writeError returns the first write's error, if any.
func (o *unitOrder) writeError() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}
