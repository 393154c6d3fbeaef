package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"cordon/experiment"
	"cordon/reports"
	"cordon/scenarios"
	"cordon/text"
)

// writePlanned writes the planned scenario to --write
// (reports.PlannedScenario), and the schema beside it when the file names
// one (as init writes it), so that its $schema line points at a file that
// is there.
func writePlanned(std *streams, opts *planOptions, arg string, overrides []scenarios.Override, p *experiment.Plan) error {
	out, hasSchema, err := reports.PlannedScenario(arg, overrides, p)
	if err != nil {
		return err
	}
	if err := writeFile(linkTarget(opts.write), scenarioReplace(opts.write, opts.force, "--write"), out); err != nil {
		return err
	}
	fmt.Fprintf(std.err, "planned scenario: %s\n", text.TermSafe(opts.write))
	if !hasSchema {
		return nil
	}
	schema := filepath.Join(filepath.Dir(opts.write), scenarios.SchemaFile)
	if _, err := os.Lstat(schema); !errors.Is(err, fs.ErrNotExist) {
		return nil // there already: init's, a plan's before, or a link of the user's
	}
	switch err := writeFile(schema, nil, scenarios.Schema()); {
	case errors.Is(err, fs.ErrExist):
		return nil // one appeared meanwhile: it is left
	case err != nil:
		return err
	}
	fmt.Fprintf(std.err, "schema: %s, which its $schema line names\n", text.TermSafe(schema))
	return nil
}
