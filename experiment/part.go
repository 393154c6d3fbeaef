package experiment

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"

	"cordon/compound"
	"cordon/text"
)

// PartFormat heads every part file; a file without it is not a part.
const PartFormat = "cordon part 1"

// MaxPartBytes bounds what ReadPart reads of one part: a sweep of 400
// points of 100 replications of the baseline is about 3 GB split over its
// shards, and a part larger than this is not one cordon wrote.
const MaxPartBytes = 16 << 30

// MaxUnits bounds the units of work a part may describe: a 20 × 20 sweep
// of 100 replications a point is 40,000.
const MaxUnits = 10_000_000

// Part is what one shard of some work writes: what the work is, which
// shard, and the results of its units. Parts of one work, merged, give the
// results of all of it, exactly as one process would have had them.
type Part struct {
	Format  string
	Version string // the build of cordon that ran the shard
	Hash    string // the work's Hash: the scenarios, seed, replications, command
	Work    *Work
	Shard   Shard
	Units   []int // the units run, in order
	Results []*compound.Result
}

// NewPart packs the results of a shard's units.
func NewPart(w *Work, shard Shard, results [][]*compound.Result, version string) (*Part, error) {
	if err := shard.Check(); err != nil {
		return nil, err
	}
	hash, err := w.Hash()
	if err != nil {
		return nil, err
	}
	p := &Part{Format: PartFormat, Version: version, Hash: hash, Work: w, Shard: shard}
	for u := range w.Units() {
		if !shard.Has(u) {
			continue
		}
		item, rep := w.unit(u)
		res := results[item][rep]
		if res == nil {
			return nil, fmt.Errorf("shard %v: unit %d (%s, replication %d) has no result", shard, u, w.describe(item), rep)
		}
		p.Units = append(p.Units, u)
		p.Results = append(p.Results, res)
	}
	return p, nil
}

// partMagic begins every part file, so that any other file is told apart
// at once.
const partMagic = "cordon part\n"

// Write writes the part in cordon's binary part format: a line saying what
// it is, then the part in Go's gob encoding.
func (p *Part) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(partMagic); err != nil {
		return err
	}
	if err := gob.NewEncoder(bw).Encode(p); err != nil {
		return err
	}
	return bw.Flush()
}

// ReadPart reads a part written by Write. Anything else, a truncated part
// or a file of some other kind, is an error, never a panic.
func ReadPart(r io.Reader) (p *Part, err error) {
	defer func() {
		if v := recover(); v != nil {
			p, err = nil, fmt.Errorf("not a cordon part: %v", v)
		}
	}()
	lr := &io.LimitedReader{R: r, N: MaxPartBytes + 1}
	br := bufio.NewReader(lr)
	head := make([]byte, len(partMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != partMagic {
		return nil, errors.New("not a cordon part: it does not begin as one (parts are what --shard writes)")
	}
	p = new(Part)
	if err := gob.NewDecoder(br).Decode(p); err != nil {
		if lr.N <= 0 {
			return nil, fmt.Errorf("not a cordon part: larger than %d bytes", int64(MaxPartBytes))
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("a truncated cordon part: the file ends too soon (was its shard stopped while writing?)")
		}
		return nil, fmt.Errorf("a damaged cordon part: %v", err)
	}
	if p.Format != PartFormat {
		return nil, fmt.Errorf("not a cordon part: format %q, want %q", p.Format, PartFormat)
	}
	if p.Work == nil || len(p.Units) != len(p.Results) {
		return nil, errors.New("not a cordon part: its work or results are missing")
	}
	if err := p.check(); err != nil {
		return nil, fmt.Errorf("a damaged cordon part: %v", err)
	}
	return p, nil
}

// check checks the whole content of a part before anything is taken from
// it: its shard, its work (checkWork), its units and their results
// (checkUnits).
func (p *Part) check() error {
	if p.Work == nil {
		return errors.New("its work is missing")
	}
	if err := p.Shard.Check(); err != nil {
		return err
	}
	if err := checkWork(p.Work); err != nil {
		return err
	}
	return p.checkUnits(p.Work)
}

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
	if len(parts) == 0 {
		return nil, nil, errors.New("no parts to merge")
	}
	first := parts[0]
	if first.Work == nil {
		return nil, nil, &MergeError{names[0], errors.New("damaged: its work is missing")}
	}
	hash, err := first.Work.Hash()
	if err != nil {
		return nil, nil, err
	}
	if hash != first.Hash {
		return nil, nil, &MergeError{names[0], errors.New("damaged: its work does not match its hash")}
	}
	w := first.Work
	if err := checkWork(w); err != nil {
		return nil, nil, &MergeError{names[0], fmt.Errorf("damaged: %v", err)}
	}
	units := w.Units()
	results := w.empty()
	from := make([]int, units) // the part each unit came from, plus one
	seen := map[int]int{}      // shard index to the part that has it
	for i, p := range parts {
		name := names[i]
		if p.Work == nil {
			return nil, nil, &MergeError{name, errors.New("damaged: its work is missing")}
		}
		if err := p.Shard.Check(); err != nil {
			return nil, nil, &MergeError{name, fmt.Errorf("damaged: %v", err)}
		}
		if p.Hash != first.Hash {
			return nil, nil, &MergeError{name, fmt.Errorf("a part of other work than %s (%s)", names[0], foreignWhy(first.Work, p.Work))}
		}
		if p.Version != first.Version {
			return nil, nil, &MergeError{name, fmt.Errorf("written by cordon %s, but %s by cordon %s: run every shard with the same build", p.Version, names[0], first.Version)}
		}
		if p.Shard.Count != first.Shard.Count {
			return nil, nil, &MergeError{name, fmt.Errorf("shard %v of a split into %d, but %s is shard %v of %d", p.Shard, p.Shard.Count, names[0], first.Shard, first.Shard.Count)}
		}
		if j, dup := seen[p.Shard.Index]; dup {
			return nil, nil, &MergeError{name, fmt.Errorf("shard %v again: %s is the same shard", p.Shard, names[j])}
		}
		seen[p.Shard.Index] = i
		if err := p.checkUnits(w); err != nil {
			return nil, nil, &MergeError{name, fmt.Errorf("damaged: %v", err)}
		}
		for k, u := range p.Units {
			if from[u] != 0 {
				return nil, nil, &MergeError{name, fmt.Errorf("unit %d again: %s has it", u, names[from[u]-1])}
			}
			from[u] = i + 1
			item, rep := w.unit(u)
			results[item][rep] = p.Results[k]
		}
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
		return nil, nil, &MergeError{missing(sh), fmt.Errorf("missing: no part is shard %v%s", sh, more)}
	}
	for u, f := range from {
		if f == 0 {
			item, rep := w.unit(u)
			return nil, nil, &MergeError{missing(Shard{Index: u % first.Shard.Count, Count: first.Shard.Count}),
				fmt.Errorf("missing: unit %d (%s, replication %d) is in no part", u, w.describe(item), rep)}
		}
	}
	// Every result of a scenario has the shape of its first, whichever
	// parts they came from.
	u := 0
	for item, rs := range results {
		for rep, res := range rs {
			if rep > 0 {
				if err := sameShape(rs[0], res, fmt.Sprintf("unit %d (in %s)", u-rep, names[from[u-rep]-1])); err != nil {
					return nil, nil, &MergeError{names[from[u]-1], fmt.Errorf("damaged: unit %d (%s, replication %d): %v", u, text.OneLine(w.describe(item)), rep, err)}
				}
			}
			u++
		}
	}
	return w, results, nil
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
