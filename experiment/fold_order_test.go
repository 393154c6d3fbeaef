package experiment

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"cordon/compound"
	"cordon/scenarios"
)

// TestReportFiguresStayWithinTheWindow: while the first replication of a
// run with its report's figures is held up, the other workers start no
// unit more than the window ahead of it (so no more than the window's
// results are held, whole, for the plots' sums in order); and the figures
// are those of one worker, to the bit.
func TestReportFiguresStayWithinTheWindow(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/valid/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const workers = 2
	window := foldWindow * workers
	var (
		mu      sync.Mutex
		blocked = true
		started = 0
		ahead   = 0 // the highest unit started while the first is held up
		enough  = make(chan struct{})
	)
	opt := Options{Replications: 6 * window, Workers: workers, ReportFigures: true}
	opt.startUnit = func(k int) {
		if k == 0 {
			// Held up until the others have had time to run far ahead
			// (they would, three windows' worth, without the window).
			select {
			case <-enough:
			case <-time.After(300 * time.Millisecond):
			}
			mu.Lock()
			blocked = false
			mu.Unlock()
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if blocked {
			ahead = max(ahead, k)
			if started++; started == 3*window {
				close(enough)
			}
		}
	}
	plots := func(opt Options) string {
		t.Helper()
		w, err := NewRunWork([]*compound.Scenario{sc}, nil, 0, opt)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Do(context.Background(), w, opt)
		if err != nil {
			t.Fatal(err)
		}
		o := p.Runs[0].Outcome
		if o.Plots == nil || o.Plots.Replications != opt.Replications {
			t.Fatalf("no plots' figures of %d replications", opt.Replications)
		}
		out := ""
		for _, s := range o.Plots.series {
			out += fmt.Sprintf("%s %x\n", s.Name, s.Sum)
		}
		return out
	}
	got := plots(opt)
	if ahead >= window {
		t.Errorf("unit %d started while the first was held up: more than the window of %d ahead", ahead, window)
	}
	if ahead == 0 {
		t.Error("no unit started while the first was held up: the test proves nothing")
	}
	one := opt
	one.Workers, one.startUnit = 1, nil
	if want := plots(one); got != want {
		t.Errorf("the plots' sums differ from one worker's:\n%s\nwant\n%s", got, want)
	}
}
