package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cordon/experiment"
	"cordon/scenarios"
	"cordon/text"
)

// modelinePrefix starts the line that points editors at a schema.
const modelinePrefix = "# yaml-language-server: $schema="

// writePlanned writes the planned scenario to --write: the scenario's file
// with the --set overrides and the plan's changes written in, each changed
// line marked ("changed by plan: was 4") in place of its old comment, a
// note at the top saying so, and the schema beside it when the file names
// one (as init writes it), so that its $schema line points at a file that
// is there.
func writePlanned(std *streams, opts *planOptions, arg string, overrides []scenarios.Override, p *experiment.Plan) error {
	name, data, err := scenarios.Source(arg)
	if err != nil {
		return err
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
		return err
	}
	out, hasSchema := plannedHeader(out, p)
	if err := writeFileAtomic(opts.write, out); err != nil {
		return err
	}
	fmt.Fprintf(std.err, "planned scenario: %s\n", text.TermSafe(opts.write))
	if !hasSchema {
		return nil
	}
	schema := filepath.Join(filepath.Dir(opts.write), schemaFile)
	if _, err := os.Stat(schema); !errors.Is(err, fs.ErrNotExist) {
		return nil // there already: init's, or a plan's before
	}
	if err := writeFileAtomic(schema, scenarios.Schema()); err != nil {
		return err
	}
	fmt.Fprintf(std.err, "schema: %s, which its $schema line names\n", text.TermSafe(schema))
	return nil
}

// plannedHeader points the file's $schema line, if it has one, at the
// schema beside it, and adds a note below it (or at the top) saying how
// the file came about; it reports whether the file names a schema.
func plannedHeader(data []byte, p *experiment.Plan) ([]byte, bool) {
	note := fmt.Sprintf("# %s: %s as planned by cordon plan (cost %.0f; %s cost %.0f).\n"+
		"# Each line marked \"changed by\" differs from %s; a comment above such a\n"+
		"# line was written for %s's value.\n",
		p.Planned.Name, p.Input.Name, p.Cost, p.Input.Name, p.InputCost, p.Input.Name, p.Input.Name)
	text := string(data)
	first, rest, _ := strings.Cut(text, "\n")
	if strings.HasPrefix(first, modelinePrefix) {
		return []byte(scenarios.Modeline(schemaFile) + "\n" + note + rest), true
	}
	return []byte(note + text), false
}
