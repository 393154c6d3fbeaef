package experiment

import (
	"context"
	"errors"
	"fmt"
	"io"

	"cordon/compound"
	"cordon/text"
)

// MergeError is a merge refused: a part that is damaged, of other work,
// given twice, or missing.
type MergeError struct {
	Part string // the part's name, or the shard missing
	Err  error
}

func (e *MergeError) Error() string { return e.Part + ": " + e.Err.Error() }

func (e *MergeError) Unwrap() error { return e.Err }

// Merge checks that the parts belong to one work and cover every unit of
// it exactly once, and returns the work with the results of all its units.
// names name the parts in errors (their files); a missing shard is named by
// its index and the file name a shard of that index writes by default,
// given by missing.
func Merge(parts []*Part, names []string, missing func(Shard) string) (*Work, [][]*compound.Result, error) {
	readers := make([]*PartReader, len(parts))
	for i, p := range parts {
		readers[i] = p.reader()
	}
	w, err := mergeHeads(readers, names, missing)
	if err != nil {
		return nil, nil, err
	}
	results := w.empty()
	err = mergeUnits(context.Background(), w, readers, names, missing, func(item, rep int, res *compound.Result) {
		results[item][rep] = res
	})
	if err != nil {
		return nil, nil, err
	}
	return w, results, nil
}

// MergeProduct is Merge of parts read unit by unit, each unit put into its
// scenario's figures as it is read and then dropped, and the product
// assembled from the figures: the product Do makes of the work with
// ReportFigures, whose report is the one a single process writes. What it
// holds grows with the replications by their figures alone (and the first
// replications a run's marginal analysis reads, whole), not by their
// results. A part that fails its checks is an error, and then nothing is
// made; so is ctx done before every unit is read (ctx's error).
//
// Without report (no report folder is written) it is the product Do makes
// with FiguresOnly: no scenario gathers what a report's plots read, and a
// run's marginal analysis, which only its report shows, is left out
// (RunProduct.Marginal nil), though its units are read and checked as
// every other.
func MergeProduct(ctx context.Context, parts []*PartReader, names []string, missing func(Shard) string, report bool) (*Work, *Product, error) {
	w, err := mergeHeads(parts, names, missing)
	if err != nil {
		return nil, nil, err
	}
	figs := w.newFigures(Options{ReportFigures: report, FiguresOnly: !report})
	err = mergeUnits(ctx, w, parts, names, missing, func(item, rep int, res *compound.Result) {
		figs[item].add(rep, res)
	})
	if err != nil {
		return nil, nil, err
	}
	made := w
	if !report && w.MarginalReps > 0 {
		c := *w
		c.MarginalReps = 0 // its base kept no replication whole to analyse
		made = &c
	}
	prod, err := made.assemble(make([][]*compound.Result, len(w.Items)), figs)
	if err != nil {
		return nil, nil, &MergeError{names[0], err}
	}
	return w, prod, nil
}

// mergeHeads checks what the parts say of themselves, before any unit is
// read: that they are of one work and one build, each a different shard of
// one split, and no shard missing. It returns the work.
func mergeHeads(parts []*PartReader, names []string, missing func(Shard) string) (*Work, error) {
	if len(parts) == 0 {
		return nil, errors.New("no parts to merge")
	}
	first := parts[0]
	if first.Work == nil {
		return nil, &MergeError{names[0], errors.New("damaged: its work is missing")}
	}
	hash, err := first.Work.Hash()
	if err != nil {
		return nil, err
	}
	if hash != first.Hash {
		return nil, &MergeError{names[0], errors.New("damaged: its work does not match its hash")}
	}
	w := first.Work
	if err := checkWork(w); err != nil {
		return nil, &MergeError{names[0], fmt.Errorf("damaged: %v", err)}
	}
	seen := map[int]int{} // shard index to the part that has it
	for i, p := range parts {
		name := names[i]
		if p.Work == nil {
			return nil, &MergeError{name, errors.New("damaged: its work is missing")}
		}
		if err := p.Shard.Check(); err != nil {
			return nil, &MergeError{name, fmt.Errorf("damaged: %v", err)}
		}
		if p.Hash != first.Hash {
			return nil, &MergeError{name, fmt.Errorf("a part of other work than %s (%s)", names[0], foreignWhy(first.Work, p.Work))}
		}
		if p.Version != first.Version {
			return nil, &MergeError{name, fmt.Errorf("written by cordon %s, but %s by cordon %s: run every shard with the same build", p.Version, names[0], first.Version)}
		}
		if p.Shard.Count != first.Shard.Count {
			return nil, &MergeError{name, fmt.Errorf("shard %v of a split into %d, but %s is shard %v of %d", p.Shard, p.Shard.Count, names[0], first.Shard, first.Shard.Count)}
		}
		if j, dup := seen[p.Shard.Index]; dup {
			return nil, &MergeError{name, fmt.Errorf("shard %v again: %s is the same shard", p.Shard, names[j])}
		}
		seen[p.Shard.Index] = i
	}
	// The shards missing: the count is at most MaxShards (Shard.Check), and
	// nothing is allocated by it.
	if absent := first.Shard.Count - len(seen); absent > 0 {
		sh := Shard{Index: 0, Count: first.Shard.Count}
		for _, ok := seen[sh.Index]; ok; _, ok = seen[sh.Index] {
			sh.Index++
		}
		more := ""
		if absent > 1 {
			more = fmt.Sprintf(" (and %d more of the %d shards)", absent-1, sh.Count)
		}
		return nil, &MergeError{missing(sh), fmt.Errorf("missing: no part is shard %v%s", sh, more)}
	}
	return w, nil
}

// mergeUnits reads the units of the parts of w (checked by mergeHeads) in
// the work's order, unit u from the part of shard u mod N, each checked by
// its part's reader and against the first result of its scenario
// whichever part that came from, and puts each into put: every scenario's
// replications in order, whatever the order of the parts. Each part is
// read as a stream: nothing is held but the unit being put and the shape
// of its scenario's first result.
func mergeUnits(ctx context.Context, w *Work, parts []*PartReader, names []string, missing func(Shard) string, put func(item, rep int, res *compound.Result)) error {
	count := parts[0].Shard.Count
	byShard := make([]int, count) // every shard has a part (mergeHeads)
	for i, p := range parts {
		byShard[p.Shard.Index] = i
	}
	var check shapes
	firstPart := 0 // the part of the scenario's first result
	units := w.Units()
	for u := range units {
		if err := ctx.Err(); err != nil {
			return err
		}
		i := byShard[u%count]
		v, res, err := parts[i].Next()
		item, rep := w.unit(u)
		switch {
		case err != nil && !errors.Is(err, io.EOF):
			return &MergeError{names[i], err}
		case err != nil || v != u:
			return &MergeError{missing(Shard{Index: u % count, Count: count}),
				fmt.Errorf("missing: unit %d (%s, replication %d) is in no part", u, w.describe(item), rep)}
		}
		// Every result of a scenario has the shape of its first, whichever
		// parts they came from.
		if rep == 0 {
			firstPart = i
		}
		err = check.check(u, item, res, func(first int) string { return fmt.Sprintf("unit %d (in %s)", first, names[firstPart]) })
		if err != nil {
			return &MergeError{names[i], fmt.Errorf("damaged: unit %d (%s, replication %d): %v", u, text.OneLine(w.describe(item)), rep, err)}
		}
		put(item, rep, res)
	}
	for i, p := range parts {
		if u, _, err := p.Next(); err == nil {
			return &MergeError{names[i], fmt.Errorf("damaged: unit %d again", u)}
		} else if !errors.Is(err, io.EOF) {
			return &MergeError{names[i], err}
		}
	}
	return nil
}

// foreignWhy says how two works differ, in a planner's words.
func foreignWhy(a, b *Work) string {
	switch {
	case a.Command != b.Command:
		return fmt.Sprintf("cordon %s, not %s", b.Command, a.Command)
	case len(a.Items) != len(b.Items):
		return fmt.Sprintf("%d scenarios, not %d", len(b.Items), len(a.Items))
	}
	for i := range a.Items {
		x, y := &a.Items[i], &b.Items[i]
		switch {
		case x.Scenario.Seed != y.Scenario.Seed:
			return fmt.Sprintf("seed %d, not %d", y.Scenario.Seed, x.Scenario.Seed)
		case x.Reps != y.Reps:
			return fmt.Sprintf("%d replications, not %d", y.Reps, x.Reps)
		case x.Scenario.Name != y.Scenario.Name:
			return fmt.Sprintf("scenario %s, not %s", y.Scenario.Name, x.Scenario.Name)
		}
	}
	return "the scenarios' contents or the command's options differ"
}
