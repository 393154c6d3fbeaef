package experiment

import (
	"fmt"
	"runtime"

	"cordon/compound"
)

// Memory estimation: what running (a shard of) some work takes, from its
// scenarios' counts and volumes, so that work that would not fit is refused
// before it starts instead of dying out of memory half-way.
const (
	// baseBytes is the process itself: the runtime, the binary's data.
	baseBytes = 32 << 20
	// gcFactor is how far the heap grows past what is live before the
	// collector runs (GOGC=100).
	gcFactor = 2
	// slotBytes is a unit's slot in the table of results.
	slotBytes = 8
)

// MemoryNeed is the memory some work is estimated to need, in bytes.
type MemoryNeed struct {
	Replications int   // the replications run (of the shard)
	Workers      int   // replications run at once
	Model        int64 // the largest replication while it runs, with the entities it may well hold
	Result       int64 // the largest result, kept until the work is done
	Total        int64 // the process, the replications running and every result kept, with the collector's headroom
}

// EstimateMemory estimates what running shard of w with workers
// replications at once (0: one per CPU) and the model options opt needs.
func EstimateMemory(w *Work, shard Shard, workers int, opt compound.Options) MemoryNeed {
	return estimateMemory(w, shard, workers, opt, nil)
}

// estimateMemory is EstimateMemory counting, for the items where
// figuresOnly is true, only the figures each replication keeps.
func estimateMemory(w *Work, shard Shard, workers int, opt compound.Options, figuresOnly func(item int) bool) MemoryNeed {
	need := MemoryNeed{}
	kept := int64(0)
	first := 0
	for i, it := range w.Items {
		n := shard.count(first, it.Reps)
		first += it.Reps
		if n == 0 {
			continue
		}
		model, result := it.Scenario.Memory(opt)
		if figuresOnly != nil && figuresOnly(i) {
			result = it.Scenario.FiguresMemory()
		}
		model += int64(it.Scenario.ExpectedEntities()) * compound.EntityBytes
		need.Model = max(need.Model, model)
		need.Result = max(need.Result, result)
		need.Replications += n
		kept += int64(n) * result
	}
	need.Workers = max(min(workersOrCPUs(workers), need.Replications), 1)
	kept += int64(first) * slotBytes
	need.Total = baseBytes + gcFactor*(int64(need.Workers)*need.Model+kept)
	return need
}

// count returns how many of the units first..first+n-1 are the shard's.
func (s Shard) count(first, n int) int {
	if s.Count <= 1 {
		return n
	}
	// Units u with u mod Count == Index, in [first, first+n).
	below := func(x int) int { // units of the shard below x
		if x <= s.Index {
			return 0
		}
		return (x-s.Index-1)/s.Count + 1
	}
	return below(first+n) - below(first)
}

// MemoryError is work refused because it is estimated to need more memory
// than it may have.
type MemoryError struct {
	Need  MemoryNeed
	Limit int64
}

func (e *MemoryError) Error() string {
	return e.Describe(fmt.Sprintf("the %s it may have", Bytes(e.Limit)))
}

// Describe says what the work needs and that it is more than limit, which
// names the limit and where it comes from.
func (e *MemoryError) Describe(limit string) string {
	keep := "replications keep"
	if e.Need.Replications == 1 {
		keep = "replication keeps"
	}
	return fmt.Sprintf("needs about %s of memory (%d %s %s of results each; %d at once take %s each), more than %s",
		Bytes(e.Need.Total), e.Need.Replications, keep, Bytes(e.Need.Result), e.Need.Workers, Bytes(e.Need.Model), limit)
}

// fitMemory refuses work that needs more than opt.Memory and caps each
// replication's entities at its share of what is left (with room for
// those it may well hold), on top of opt.Model.MaxEntities.
//
// figuresOnly reports the items whose replications are not kept whole:
// reduced to their figures, or written to a part as they finish (see
// runUnits).
func fitMemory(w *Work, shard Shard, opt Options, figuresOnly func(item int) bool) (Options, error) {
	if opt.Memory <= 0 {
		return opt, nil
	}
	need := estimateMemory(w, shard, opt.Workers, opt.Model, figuresOnly)
	if need.Total > opt.Memory {
		return opt, &MemoryError{Need: need, Limit: opt.Memory}
	}
	least := 0
	for _, it := range w.Items {
		least = max(least, it.Scenario.ExpectedEntities())
	}
	left := (opt.Memory - need.Total) / (gcFactor * int64(need.Workers) * compound.EntityBytes)
	share := int(min(int64(least)+left, int64(1)<<40))
	if opt.Model.MaxEntities <= 0 || share < opt.Model.MaxEntities {
		opt.Model.MaxEntities = share
	}
	return opt, nil
}

// workersOrCPUs is the number of workers replicate.Run uses for workers.
func workersOrCPUs(workers int) int {
	if workers > 0 {
		return workers
	}
	return runtime.NumCPU()
}

// Bytes formats a number of bytes for people: "512 MiB", "3.2 GiB".
func Bytes(n int64) string {
	const k = 1024
	switch {
	case n >= k*k*k*k:
		return fmt.Sprintf("%.1f TiB", float64(n)/(k*k*k*k))
	case n >= k*k*k:
		return fmt.Sprintf("%.1f GiB", float64(n)/(k*k*k))
	case n >= k*k:
		return fmt.Sprintf("%.0f MiB", float64(n)/(k*k))
	case n < k:
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.0f KiB", float64(n)/k)
}
