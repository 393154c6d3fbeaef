package scenarios

import (
	"fmt"
	"strings"
	"testing"

	"cordon/sim/fit"
)

func TestFittedFragment(t *testing.T) {
	steps := []fit.Step{
		{Name: "gate.intake", Samples: []float64{30, 30}},
		{Name: "gate.pile_intake", Samples: []float64{12, 12, 12}},
		{Name: "lift.ride", Skipped: "1 sample, fewer than --min 30"},
		{Name: "zones.walk", Samples: []float64{90}},
		{Name: "zones[2].walk", Samples: []float64{80}},
	}
	got := FittedFragment("durations.csv", steps, english{})
	want := `# fitted by cordon fit from durations.csv: paste into a scenario (KS: the Kolmogorov–Smirnov statistic)
gate:
  intake: 30s  # all 2 samples equal
  pile_intake: 12s  # all 3 samples equal
# lift.ride: not fitted: 1 sample, fewer than --min 30
# zones.walk goes into every zone's walk (zones[i].walk):
#   walk: 1m30s  # all 1 samples equal
# zones[2].walk goes into that zone's walk (in its entry, or --set 'zones[2].walk=...'):
#   walk: 1m20s  # all 1 samples equal
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// english is the fragment's words as the English catalogue gives them:
// formats as they are, a keyed word ("entry:zone") as its English.
type english struct{}

func (english) Sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
func (english) Error(msg string) string                   { return msg }
func (english) T(s string) string {
	_, w, _ := strings.Cut(s, ":")
	return w
}
