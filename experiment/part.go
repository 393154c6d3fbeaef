package experiment

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"

	"cordon/compound"
)

// PartFormat heads every part file this build writes; a file without a
// format it knows is not a part. It changes when a replication's result
// holds a figure an earlier build's did not (format 3: the hours waited
// at each post), so that a part of an earlier build is refused rather
// than merged with that figure read as zero.
const PartFormat = "cordon part 3"

// earlierPartFormats are the formats of the parts of earlier builds: 1,
// every unit's result in the head's one record; 2, a record a unit, with
// no hours waited at the posts.
var earlierPartFormats = []string{"cordon part 1", "cordon part 2"}

// MaxPartBytes bounds what is read of one part (ReadPart, PartReader): a
// sweep of 400 points of 100 replications of the baseline is about 3 GB
// split over its shards, and a part larger than this is not one cordon
// wrote.
const MaxPartBytes = 16 << 30

// MaxUnits bounds the units of work a part may describe: a 20 × 20 sweep
// of 100 replications a point is 40,000.
const MaxUnits = 10_000_000

// Part is what one shard of some work writes: what the work is, which
// shard, and the results of its units. Parts of one work, merged, give the
// results of all of it, exactly as one process would have had them.
//
// A Part holds every result of its shard; a shard run by RunShard writes
// its part unit by unit instead, and MergeProduct reads parts unit by
// unit (PartReader), so that neither holds more than a few results.
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

// BeginsAsPart reports whether r begins as a part file does: a shard may
// replace a part with its own, and nothing else.
func BeginsAsPart(r io.Reader) bool {
	head := make([]byte, len(partMagic))
	_, err := io.ReadFull(r, head)
	return err == nil && string(head) == partMagic
}

// partHead is the first record of a part file (after partMagic): what the
// part is, and how many units follow it, each a partRecord, in order.
type partHead struct {
	Format  string
	Version string
	Hash    string
	Work    *Work
	Shard   Shard
	Count   int
}

// partRecord is one unit of a part file and its result.
type partRecord struct {
	Unit   int
	Result *compound.Result
}

// partEncoder writes a part file: partMagic, its head, then its units one
// by one, in Go's gob encoding.
type partEncoder struct {
	bw  *bufio.Writer
	enc *gob.Encoder
}

// newPartEncoder writes the part's magic line and head to w.
func newPartEncoder(w io.Writer, head partHead) (*partEncoder, error) {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(partMagic); err != nil {
		return nil, err
	}
	e := &partEncoder{bw: bw, enc: gob.NewEncoder(bw)}
	if err := e.enc.Encode(head); err != nil {
		return nil, err
	}
	return e, nil
}

// unit writes unit u's result.
func (e *partEncoder) unit(u int, res *compound.Result) error {
	return e.enc.Encode(partRecord{Unit: u, Result: res})
}

// flush writes what is buffered.
func (e *partEncoder) flush() error { return e.bw.Flush() }

// Write writes the part in cordon's binary part format: a line saying what
// it is, then in Go's gob encoding a head saying what the part is and how
// many units it holds, then each unit with its result.
func (p *Part) Write(w io.Writer) error {
	if len(p.Units) != len(p.Results) {
		return fmt.Errorf("a part of %d units and %d results", len(p.Units), len(p.Results))
	}
	e, err := newPartEncoder(w, partHead{Format: p.Format, Version: p.Version, Hash: p.Hash, Work: p.Work, Shard: p.Shard, Count: len(p.Units)})
	if err != nil {
		return err
	}
	for k, u := range p.Units {
		if err := e.unit(u, p.Results[k]); err != nil {
			return err
		}
	}
	return e.flush()
}

// ReadPart reads a whole part written by Write or RunShard and checks all
// of it. Anything else, a
// truncated part or a file of some other kind, is an error, never a panic.
func ReadPart(r io.Reader) (*Part, error) {
	pr, err := NewPartReader(r)
	if err != nil {
		return nil, err
	}
	p := &Part{Format: PartFormat, Version: pr.Version, Hash: pr.Hash, Work: pr.Work, Shard: pr.Shard}
	for {
		u, res, err := pr.Next()
		if errors.Is(err, io.EOF) {
			return p, nil
		}
		if err != nil {
			return nil, err
		}
		p.Units = append(p.Units, u)
		p.Results = append(p.Results, res)
	}
}
