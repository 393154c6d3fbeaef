package experiment

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"cordon/compound"
	"cordon/text"
)

// PartReader reads a part unit by unit, checking each unit as it is read,
// so that a part is merged without being held: what it holds is one
// result, and the shape of the first result of the scenario being read.
type PartReader struct {
	Version string // the build of cordon that ran the shard
	Hash    string // the work's Hash
	Work    *Work
	Shard   Shard
	Count   int // the units the part holds

	// next returns the next unit and its result, unchecked, or io.EOF
	// after the last of Count.
	next func() (int, *compound.Result, error)
	// damaged heads the error of a unit that fails its checks.
	damaged   string
	read      int // the units read
	last      int // the last unit read
	catalog   []compound.KPI
	catalogOf int    // the item whose catalog it is
	shapes    shapes // of the units read
}

// NewPartReader reads the head of a part written by Write or RunShard (a
// part of an earlier build is refused: see PartFormat), and checks it:
// what its work is and which shard it is. Its units are then read and
// checked one by one by Next. A file of any other kind is an error, never
// a panic.
func NewPartReader(r io.Reader) (pr *PartReader, err error) {
	defer func() {
		if v := recover(); v != nil {
			pr, err = nil, fmt.Errorf("not a cordon part: %v", v)
		}
	}()
	lr := &io.LimitedReader{R: r, N: MaxPartBytes + 1}
	br := bufio.NewReader(lr)
	head := make([]byte, len(partMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != partMagic {
		return nil, errors.New("not a cordon part: it does not begin as one (parts are what --shard writes)")
	}
	dec := gob.NewDecoder(br)
	var h partHead
	if err := dec.Decode(&h); err != nil {
		return nil, decodeError(err, lr)
	}
	if slices.Contains(earlierPartFormats, h.Format) {
		return nil, fmt.Errorf("a part of an earlier cordon (format %q, by cordon %s): its replications do not hold the hours waited at each post that this build reports; "+
			"run every shard again with this build", h.Format, h.Version)
	}
	if h.Format != PartFormat {
		return nil, fmt.Errorf("not a cordon part: format %q, want %q", h.Format, PartFormat)
	}
	if h.Work == nil {
		return nil, errors.New("not a cordon part: its work is missing")
	}
	pr = &PartReader{Version: h.Version, Hash: h.Hash, Work: h.Work, Shard: h.Shard, Count: h.Count, damaged: "a damaged cordon part: "}
	if err := pr.checkHead(); err != nil {
		return nil, fmt.Errorf("a damaged cordon part: %v", err)
	}
	if want := h.Shard.count(0, h.Work.Units()); h.Count != want {
		return nil, fmt.Errorf("a damaged cordon part: it holds %d units, but shard %v of its work has %d", h.Count, h.Shard, want)
	}
	pr.next = func() (int, *compound.Result, error) {
		var rec partRecord
		if err := dec.Decode(&rec); err != nil {
			return 0, nil, decodeError(err, lr)
		}
		return rec.Unit, rec.Result, nil
	}
	return pr, nil
}

// ShareWork makes pr refer to the work of first, the merge's first part,
// where pr says it is of the same work (the same Hash), and drops its own
// copy: the merge holds one work, not one a part (a sweep's work is every
// point's scenario: hundreds of parts would each hold them all). The merge
// reads a part's work only as the work its Hash names (mergeHeads). A part
// of other work keeps its own, for the merge to say how they differ.
func (pr *PartReader) ShareWork(first *PartReader) {
	if pr.Hash == first.Hash && first.Work != nil {
		pr.Work = first.Work
	}
}

// errTruncated is a part that ends before its last unit.
var errTruncated = errors.New("a truncated cordon part: the file ends too soon (was its shard stopped while writing?)")

// decodeError says why a record of a part could not be decoded.
func decodeError(err error, lr *io.LimitedReader) error {
	switch {
	case lr.N <= 0:
		return fmt.Errorf("not a cordon part: larger than %d bytes", int64(MaxPartBytes))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errTruncated
	}
	return fmt.Errorf("a damaged cordon part: %v", err)
}

// reader returns a reader of the part's units, whose units' damage is
// said to be damage (as Merge says it), not a damaged file.
func (p *Part) reader() *PartReader {
	return &PartReader{Version: p.Version, Hash: p.Hash, Work: p.Work, Shard: p.Shard, Count: len(p.Units),
		next: unitsOf(p.Units, p.Results), damaged: "damaged: "}
}

// unitsOf returns the units and results one by one, then io.EOF.
func unitsOf(units []int, results []*compound.Result) func() (int, *compound.Result, error) {
	k := 0
	return func() (int, *compound.Result, error) {
		if k >= len(units) || k >= len(results) {
			return 0, nil, io.EOF
		}
		k++
		return units[k-1], results[k-1], nil
	}
}

// checkHead checks what a part says of itself before any of its units is
// read: its shard, and its work (checkWork).
func (pr *PartReader) checkHead() error {
	if pr.Work == nil {
		return errors.New("its work is missing")
	}
	if err := pr.Shard.Check(); err != nil {
		return err
	}
	return checkWork(pr.Work)
}

// Next returns the part's next unit and its result, checked (see
// unitChecks), or io.EOF after its last. A unit that fails its checks, or
// a file that ends too soon, is an error, never a panic.
func (pr *PartReader) Next() (u int, res *compound.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			u, res, err = 0, nil, fmt.Errorf("not a cordon part: %v", v)
		}
	}()
	if pr.read >= pr.Count {
		return 0, nil, io.EOF
	}
	u, res, err = pr.next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = fmt.Errorf("%sit ends after %d of its %d units", pr.damaged, pr.read, pr.Count)
		}
		return 0, nil, err
	}
	if err := pr.checkUnit(u, res); err != nil {
		return 0, nil, errors.New(pr.damaged + err.Error())
	}
	pr.read++
	pr.last = u
	return u, res, nil
}

// checkUnit checks unit u, the k-th of the part, and its result against
// the part's work and shard: the units in order, each of the work and of
// the part's shard, each with a result of the shape and figures a
// replication of its scenario gives, and every result of a scenario of the
// same shape as the part's first.
func (pr *PartReader) checkUnit(u int, res *compound.Result) error {
	w := pr.Work
	units := w.Units()
	switch {
	case u < 0 || u >= units:
		return fmt.Errorf("unit %d: the work has %d units", u, units)
	case pr.read > 0 && u <= pr.last:
		return fmt.Errorf("unit %d after unit %d: the units are out of order", u, pr.last)
	case !pr.Shard.Has(u):
		return fmt.Errorf("unit %d does not belong to shard %v", u, pr.Shard)
	}
	item, rep := w.unit(u)
	what := fmt.Sprintf("unit %d (%s, replication %d)", u, text.OneLine(w.describe(item)), rep)
	if res == nil {
		return fmt.Errorf("%s: no result", what)
	}
	sc := &w.Items[item].Scenario
	if pr.catalog == nil || pr.catalogOf != item {
		pr.catalog, pr.catalogOf = compound.Catalog(sc), item
	}
	if err := checkResult(sc, pr.catalog, res); err != nil {
		return fmt.Errorf("%s: %v", what, err)
	}
	if err := pr.shapes.check(u, item, res, func(first int) string { return "unit " + strconv.Itoa(first) }); err != nil {
		return fmt.Errorf("%s: %v", what, err)
	}
	return nil
}

// shapes check that every result of a scenario in a stream of units has
// the shape of the scenario's first. Units come scenario by scenario, so
// only the current scenario's first shape is held.
type shapes struct {
	item  int
	first int    // the unit of the scenario's first result
	shape *shape // of that result, nil before it
}

// check checks the result of unit u of item; ref names the unit of the
// item's first result in an error.
func (c *shapes) check(u, item int, res *compound.Result, ref func(first int) string) error {
	if c.shape == nil || c.item != item {
		*c = shapes{item: item, first: u, shape: shapeOf(res)}
		return nil
	}
	return c.shape.same(res, ref(c.first))
}
