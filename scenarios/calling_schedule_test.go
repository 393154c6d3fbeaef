package scenarios

import (
	"strings"
	"testing"
)

// TestCallingScheduleLoadsAndIsChecked: small.yaml with an explicit
// calling schedule in place of its waves loads; a building called twice,
// and so another never, are refused at their positions.
func TestCallingScheduleLoadsAndIsChecked(t *testing.T) {
	base := string(readFile(t, "testdata/valid/small.yaml"))
	waves := "    interval: 20m\n    per_wave: 2\n"
	schedule := "    schedule:\n      - {buildings: [\"1-2\"], at: \"08:00\"}\n      - {buildings: [\"3\", A], at: \"08:30\", site: site-a}\n"
	good := replaceOnce(t, base, waves, schedule)
	sc, err := Load("small.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if s := sc.Sampling.Calling.Schedule; len(s) != 2 || s[1].At != 8*3600+1800 || s[1].Site != "site-a" || s[0].Site != "" {
		t.Errorf("schedule %+v", s)
	}
	bad := replaceOnce(t, good, `{buildings: ["3", A]`, `{buildings: ["2", A]`)
	_, err = Load("small.yaml", []byte(bad))
	if err == nil {
		t.Fatal("a building called twice is accepted")
	}
	for _, want := range []string{
		`small.yaml:106:5: sampling.calling.schedule: building "3" is never called`,
		`small.yaml:108:22: sampling.calling.schedule[1].buildings[0]: building "2" is already called by sampling.calling.schedule[0]`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}
