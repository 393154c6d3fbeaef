package experiment

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"

	"cordon/sim/compound"
	"cordon/sim/replicate"
)

// Work is the units of work of a command: every replication of every
// scenario it runs, in order. A unit is one (scenario, replication); the
// units are numbered item by item, replication by replication. Work can be
// split into shards, run on several machines and merged back (see Part).
type Work struct {
	Command string // run, compare, sweep, sensitivity
	Items   []WorkItem
	// What the command needs besides the scenarios to turn the results into
	// its report: a sweep's axes, a sensitivity analysis' KPIs and change,
	// a run's targets from the command line.
	Axes    []Axis
	KPIs    []string
	Delta   float64
	Targets []string
}

// WorkItem is one scenario of the work, its seed set, and its replications.
type WorkItem struct {
	Scenario compound.Scenario
	Reps     int
}

// Units returns the number of units.
func (w *Work) Units() int {
	n := 0
	for _, it := range w.Items {
		n += it.Reps
	}
	return n
}

// unit returns the item and replication of unit u.
func (w *Work) unit(u int) (item, rep int) {
	for i, it := range w.Items {
		if u < it.Reps {
			return i, u
		}
		u -= it.Reps
	}
	return -1, -1
}

// Hash identifies the work: the command, the scenarios as run (seeds set)
// with their replications, and what the command needs besides. Parts of
// different work never share it.
func (w *Work) Hash() (string, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(w); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:]), nil
}

// Shard is part Index of Count of some work: the units u with
// u mod Count == Index. The zero Shard is all of it.
type Shard struct {
	Index, Count int
}

// Has reports whether unit u is the shard's.
func (s Shard) Has(u int) bool { return s.Count <= 1 || u%s.Count == s.Index }

// Check reports a shard that names no part of a split.
func (s Shard) Check() error {
	if s.Count < 1 || s.Index < 0 || s.Index >= s.Count {
		return fmt.Errorf("shard %d/%d: want I/N with 0 <= I < N", s.Index, s.Count)
	}
	return nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// NewWork prepares the work of running every scenario with the same seed and
// replications (opt's, else the first scenario's): common random numbers.
func NewWork(command string, scs []*compound.Scenario, opt Options) (*Work, error) {
	if len(scs) == 0 {
		return nil, errors.New("no scenario")
	}
	seed := scs[0].Seed
	if opt.Seed != nil {
		seed = *opt.Seed
	}
	reps := scs[0].Replications
	if opt.Replications > 0 {
		reps = opt.Replications
	}
	w := &Work{Command: command}
	for _, sc := range scs {
		c := *sc
		c.Seed = seed
		if errs := c.Check(); len(errs) > 0 {
			return nil, fmt.Errorf("scenario %s: %v", c.Name, errs[0])
		}
		w.Items = append(w.Items, WorkItem{Scenario: c, Reps: reps})
	}
	return w, nil
}

// RunWork runs the shard's units of the work in parallel workers and returns
// their results by item and replication (nil for units of other shards).
// Results are the same whatever the number of workers or shards.
func RunWork(ctx context.Context, w *Work, shard Shard, opt Options) ([][]*compound.Result, error) {
	var units []int
	for u := range w.Units() {
		if shard.Has(u) {
			units = append(units, u)
		}
	}
	results, err := replicate.Run(ctx, len(units), func(ctx context.Context, k int) (*compound.Result, error) {
		item, rep := w.unit(units[k])
		m, err := compound.Build(&w.Items[item].Scenario, rep, opt.Model)
		if err != nil {
			return nil, err
		}
		return m.RunContext(ctx)
	}, replicate.Options{Workers: opt.Workers, Progress: opt.Progress})
	if err != nil {
		var re *replicate.Error
		if errors.As(err, &re) {
			item, rep := w.unit(units[re.Replication])
			return nil, &pointError{point: item, rep: rep, err: re.Err}
		}
		return nil, err
	}
	out := make([][]*compound.Result, len(w.Items))
	for i, it := range w.Items {
		out[i] = make([]*compound.Result, it.Reps)
	}
	for k, u := range units {
		item, rep := w.unit(u)
		out[item][rep] = results[k]
	}
	return out, nil
}

// Outcomes summarises complete results, item by item.
func (w *Work) Outcomes(results [][]*compound.Result) []*Outcome {
	outs := make([]*Outcome, len(w.Items))
	for i := range w.Items {
		outs[i] = Summarize(&w.Items[i].Scenario, results[i])
	}
	return outs
}
