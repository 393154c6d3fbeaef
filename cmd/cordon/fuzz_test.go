package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cordon/internal/fuzzguard"
)

// fuzzScenario writes a small scenario from the fuzzer's numbers, each
// folded into a range a planner might write, edge cases included (a shift of
// minutes, a door time longer than the shift, one cart, no staging room).
func fuzzScenario(residents, perDay uint16, crew, volunteers, from, length, door, cartCap, ground, space uint8) string {
	clock := func(m int) string { return fmt.Sprintf("%02d:%02d", m/60%24, m%60) }
	start := int(from) * 6 // 00:00 to 25:30, folded into the day
	end := start + 10 + int(length)*5
	return fmt.Sprintf(`name: fuzz
buildings:
  - {id: "1", households: %d, residents: %d}
zones:
  - {name: east, buildings: ["1"], walk: 2m}
staff:
  - name: gate-crew
    count: %d
    tasks: [{task: intake}, {task: transfer}, {task: sorting}]
  - name: volunteers
    per_zone: true
    shifts:
      - {from: "%s", to: "%s", count: %d}
    tasks: [{task: delivery}]
gate:
  ground: %d
  intake: 20s
deliveries:
  - {name: express, per_day: %d}
transfer: {carts: 1, capacity: %d, trip: 5m}
disinfection: {space: %d, dwell: 20m}
sorting: {time: 10s}
delivery: {items_per_run: 5, door: %dm}
`, 1+int(residents)%200, 1+int(residents)%200+int(residents)%300, 1+int(crew)%4,
		clock(start), clock(end), 1+int(volunteers)%4,
		int(ground)%120, int(perDay)%1500, 1+int(cartCap)%20, 1+int(space)%60, 1+int(door)%45)
}

// FuzzRun drives `cordon run` end to end on small random scenarios: it
// exits 0, 1 or 2; bad input is one line; and every figure of a run that
// ends is sound: each interval holds its mean, shares and utilisations lie
// in [0, 1], and nothing is NaN.
func FuzzRun(f *testing.F) {
	f.Add(uint16(25), uint16(100), uint8(2), uint8(2), uint8(140), uint8(100), uint8(1), uint8(10), uint8(100), uint8(50))
	// Volunteers on a 09:00-09:10 shift with door 20m (utilisation once read 260%).
	f.Add(uint16(25), uint16(100), uint8(2), uint8(0), uint8(90), uint8(0), uint8(19), uint8(10), uint8(100), uint8(50))
	// No staging room at all; a heavy day for one crew.
	f.Add(uint16(199), uint16(1499), uint8(0), uint8(3), uint8(70), uint8(200), uint8(44), uint8(0), uint8(0), uint8(0))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, residents, perDay uint16, crew, volunteers, from, length, door, cartCap, ground, space uint8) {
		yaml := fuzzScenario(residents, perDay, crew, volunteers, from, length, door, cartCap, ground, space)
		file := filepath.Join(dir, "fuzz.yaml")
		if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errw bytes.Buffer
		code := 0
		fuzzguard.Check(t, func() {
			code = Main([]string{"run", file, "--reps", "2", "--jobs", "1", "--json", "--no-report", "-q"}, nil, &out, &errw)
		})
		switch code {
		case exitOK, exitMissed:
		case exitBadInput:
			// One line, or the problems of the file one per line.
			for _, l := range strings.Split(strings.TrimSpace(errw.String()), "\n") {
				if !strings.HasPrefix(l, "cordon: ") && !problemLine.MatchString(l) {
					t.Fatalf("bad input is not one line an error or a problem:\n%s\n%s", errw.String(), yaml)
				}
			}
			return
		default:
			t.Fatalf("exit %d: %s\n%s", code, errw.String(), yaml)
		}
		checkResults(t, out.Bytes(), yaml)
	})
}

// problemLine is one problem of a scenario file: file:line:column: ...
var problemLine = regexp.MustCompile(`^\S+:\d+:\d+: \S`)

// checkResults checks the invariants of a results document.
func checkResults(t *testing.T, doc []byte, yaml string) {
	t.Helper()
	var res struct {
		KPIs []struct {
			Name   string
			Unit   string
			Mean   float64
			Low    *float64  `json:"ci_low"`
			High   *float64  `json:"ci_high"`
			Values []float64 `json:"per_replication"`
		} `json:"kpis"`
	}
	if err := json.Unmarshal(doc, &res); err != nil {
		t.Fatalf("the results document does not read: %v\n%s", err, yaml)
	}
	if len(res.KPIs) == 0 {
		t.Fatalf("no KPIs\n%s", yaml)
	}
	for _, k := range res.KPIs {
		bad := func(why string) {
			t.Errorf("%s %s: %s\n%s", k.Name, why, fmt.Sprint(k.Mean, " [", orNone(k.Low), ", ", orNone(k.High), "]"), yaml)
		}
		if math.IsNaN(k.Mean) || math.IsInf(k.Mean, 0) {
			bad("is not a number")
		}
		if k.Low != nil && k.High != nil && !(*k.Low <= k.Mean && k.Mean <= *k.High) {
			bad("interval does not hold its mean")
		}
		if k.Unit == "share" || strings.HasSuffix(k.Name, ".utilisation") {
			for _, v := range append([]float64{k.Mean}, k.Values...) {
				if v < 0 || v > 1 {
					bad("lies outside [0, 1]")
					break
				}
			}
		}
	}
}

func orNone(p *float64) any {
	if p == nil {
		return "none"
	}
	return *p
}
