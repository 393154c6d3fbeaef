package experiment

import (
	"context"

	"cordon/compound"
)

// A run report's plots sum every series point by point in replication
// order, so that the sums are the same bits whatever the order in which
// replications finish: a replication that finishes before its turn is held
// whole (about 0.3 MB of two-days) until those before it are in. Without a
// bound, one slow replication would let the other workers run ahead and
// hold all they finish meanwhile; so, as a shard writes its part, no unit
// starts more than foldWindow units a worker ahead of the first not yet
// folded, and the units are handed to the figures in order.

// foldWindow is how many units a worker may run ahead of the first unit
// not yet folded.
const foldWindow = 4

// foldInOrder reports whether some figures fold their replications in
// order (a run report's plots, PlotFigures).
func foldInOrder(figs []*figures) bool {
	for _, f := range figs {
		if f != nil && f.plots != nil {
			return true
		}
	}
	return false
}

// newFoldOrder returns the order that hands the shard's units of w to
// their figures, or to out where an item keeps its results whole, in the
// units' order, with the workers of opt kept within the window.
func newFoldOrder(ctx context.Context, w *Work, shard Shard, opt Options, figs []*figures, out [][]*compound.Result) *unitOrder {
	return newUnitOrder(ctx, foldWindow*workersOrCPUs(opt.Workers), func(k int, res *compound.Result) error {
		item, rep := w.unit(shard.unit(k))
		if out[item] != nil {
			out[item][rep] = res
		} else {
			figs[item].add(w.Items[item].from+rep, res)
		}
		return nil
	}, func() {})
}
