package scenarios

import (
	"fmt"
	"strconv"

	"cordon/compound"
	"cordon/text"
)

// targetsWithoutKPI returns a problem for each of the scenario's targets
// that parses but names a KPI the scenario does not have, with the nearest
// KPI, in the words run and plan use for a --target on no KPI. A target
// that does not parse is Check's to report.
func targetsWithoutKPI(sc *compound.Scenario) []compound.FieldError {
	if len(sc.Targets) == 0 {
		return nil
	}
	var names []string
	have := map[string]bool{}
	for _, k := range compound.Catalog(sc) {
		names = append(names, k.Name)
		have[k.Name] = true
	}
	var out []compound.FieldError
	for i, s := range sc.Targets {
		t, err := compound.ParseTarget(s)
		if err != nil || have[t.KPI] {
			continue
		}
		out = append(out, compound.FieldError{
			Path: "targets[" + strconv.Itoa(i) + "]",
			Msg:  fmt.Sprintf("%q: %s has no KPI %s%s", s, sc.Name, t.KPI, text.DidYouMean(t.KPI, names)),
		})
	}
	return out
}
