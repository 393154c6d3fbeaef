package scenarios

import (
	"strings"
	"testing"
)

// TestNoShowsLoadAndAreChecked: small.yaml with residents who miss their
// call and a sweep loads; a sweep that sets off before the round is
// refused at its position.
func TestNoShowsLoadAndAreChecked(t *testing.T) {
	base := string(readFile(t, "testdata/valid/small.yaml"))
	good := replaceOnce(t, base, "[{task: door-to-door}, {task: lab-run}]", "[{task: door-to-door}, {task: lab-run}, {task: sweep}]")
	good = replaceOnce(t, good, "    visit: 6m\n", "    visit: 6m\n  no_shows:\n    share: 0.1\n    sweep: {start: \"14:00\", visit: {dist: triangular, min: 3m, mode: 5m, max: 10m}}\n")
	sc, err := Load("small.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if ns := sc.Sampling.NoShows; ns.Share != 0.1 || ns.Sweep.Start != 14*3600 || ns.Sweep.After != 0 || ns.Sweep.Visit.Mode != 300 {
		t.Errorf("no-shows %+v", ns)
	}
	bad := replaceOnce(t, good, `start: "14:00"`, `start: "07:30"`)
	_, err = Load("small.yaml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "small.yaml:118:20: sampling.no_shows.sweep.start: 07:30 is before the round starts (sampling.start 08:00)") {
		t.Errorf("a sweep before the round: %v", err)
	}
}
