package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"cordon/reports"
	"cordon/text"
)

// redrawOptions are the flags of `cordon report`.
type redrawOptions struct {
	out string
}

func newRedrawCmd(std *streams, opts *redrawOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report RESULTS.json [--out DIR]",
		Short: "Draw a run's report again from its results document, without simulating",
		Long: `Report reads a run's results document (results.json of its report folder, or what cordon run
--json printed, as in cordon run day-one --json > day-one.json; - reads it from stdin) and writes a report folder from it without simulating
(cordon-out/report-<scenario>/ unless --out says otherwise): results.json, kpis.csv and
replications.csv with the same bytes as the run's own, the bottlenecks chart, and index.html and
summary.md with the targets, the bottlenecks and every KPI. The figures over the day (staging,
queues, times to the door, utilisation, the sampling round) need each replication's series and
the marginal analysis its own runs, which the document does not hold: run again to draw them.
The documents of compare, sweep, bottlenecks, plan, sensitivity and replay do not hold what
their pages show, and are refused with the reason.`,
		Example: `  cordon report cordon-out/baseline/results.json --out cordon-out/baseline-again
  cordon report - --out day-one-report < day-one.json`,
		Args: oneArg("a results document: the results.json of a report folder"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRedraw(cmd.Context(), std, opts, args[0])
		},
	}
	cmd.Flags().StringVar(&opts.out, "out", "", "report folder (default cordon-out/report-<scenario>)")
	return cmd
}

func runRedraw(ctx context.Context, std *streams, opts *redrawOptions, name string) error {
	var in io.Reader = std.in
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return badInput(fmt.Errorf("%s: no such file", text.TermSafe(name)))
			}
			return badInput(fmt.Errorf("%s: %v", text.TermSafe(name), err))
		}
		defer f.Close()
		in = f
	}
	doc, err := reports.ReadResults(in)
	if err != nil {
		return badInput(fmt.Errorf("%s:%v", text.TermSafe(name), prefixColon(err)))
	}
	folder, err := openReport(ctx, defaultFolder(opts.out, "report", doc.Scenario), name)
	if err != nil {
		return err
	}
	return folder.write(ctx, std, &runFlags{}, reports.ResultsReport(doc))
}

// prefixColon writes an error after a file name: "FILE:3:14: ..." when it
// says where, "FILE: ..." when not.
func prefixColon(err error) string {
	var de *reports.DocumentError
	if errors.As(err, &de) && de.Line > 0 {
		return err.Error()
	}
	return " " + err.Error()
}
