package reports

import (
	"fmt"

	"cordon/experiment"
	"cordon/scenarios"
)

// PlannedScenario writes the scenario planned (cordon plan --write): the
// file of the scenario named (a file or a built-in) with the --set
// overrides and the plan's changes written in, each changed line marked
// ("changed by plan: was 4") in place of its old comment, and a note at
// the top saying so. It reports whether the file names a schema file (as
// init writes it), which should then be beside it.
func PlannedScenario(scenario string, overrides []scenarios.Override, p *experiment.Plan) ([]byte, bool, error) {
	name, data, err := scenarios.Source(scenario)
	if err != nil {
		return nil, false, err
	}
	var changes []scenarios.Change
	for _, o := range overrides {
		changes = append(changes, scenarios.Change{Override: o, By: "--set"})
	}
	for _, s := range p.Settings {
		changes = append(changes, scenarios.Change{Override: scenarios.Override{Path: s.Knob.Path, Value: s.Knob.Text(s.To)},
			By: "plan", Was: s.Knob.Text(s.From)})
	}
	changes = append(changes, scenarios.Change{Override: scenarios.Override{Path: "name", Value: p.Planned.Name}, By: "plan", Was: p.Input.Name})
	out, err := scenarios.RewriteChanged(name, data, changes...)
	if err != nil {
		return nil, false, err
	}
	note := fmt.Sprintf("# %s: %s as planned by cordon plan (cost %.0f; %s cost %.0f).\n"+
		"# Each line marked \"changed by\" differs from %s; a comment above such a\n"+
		"# line was written for %s's value.\n",
		p.Planned.Name, p.Input.Name, p.Cost, p.Input.Name, p.InputCost, p.Input.Name, p.Input.Name)
	out, hasSchema := scenarios.WithNote(out, note)
	return out, hasSchema, nil
}
