package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/pflag"

	"cordon/reports"
	"cordon/text"
)

// reportFolder is where a command puts its report folder: opened, and so
// checked, before any work, so that a folder cordon may not replace is
// refused at once (see reports.Dest); written after the work, saying where
// it went. The zero reportFolder writes nothing: no report was asked for.
type reportFolder struct {
	dest reports.Dest
	// quiet writes the folder without saying where: cordon run says it in
	// its own line for each scenario of a batch, and not at all when it
	// prints JSON or CSV.
	quiet bool
}

// defaultFolder is out, or when out is "" the command's own report folder,
// cordon-out/<command>-<scenario>.
func defaultFolder(out, command, scenario string) string {
	if out != "" {
		return out
	}
	return filepath.Join("cordon-out", command+"-"+reports.Slug(scenario))
}

// addNoReport adds --no-report to a command that writes a report folder
// unless told not to: with it, the command prints what it prints (its
// table, -o json, -o csv) and writes nothing.
func addNoReport(f *pflag.FlagSet, noReport *bool) {
	f.BoolVar(noReport, "no-report", false, "write no report folder")
}

// checkNoReport refuses --out given with --no-report: it would name a
// folder nothing goes into.
func checkNoReport(f *pflag.FlagSet, noReport bool) error {
	if noReport && f.Changed("out") {
		return noReportError("--out")
	}
	return nil
}

// noReportError refuses flag, which has no effect with --no-report.
func noReportError(flag string) error {
	return badInput(fmt.Errorf("%s has no effect with --no-report, which writes no report folder: give one or the other", flag))
}

// commandFolder is a command's report folder: out, or the command's own
// (defaultFolder); none ("") with --no-report.
func commandFolder(noReport bool, out, command, scenario string) string {
	if noReport {
		return ""
	}
	return defaultFolder(out, command, scenario)
}

// openReport is the report folder dir, checked (bad input, exit 2, when it
// is not cordon's to replace); inputs are the files the command reads,
// which the folder must not hold. dir "" is no report.
func openReport(ctx context.Context, dir string, inputs ...string) (reportFolder, error) {
	if dir == "" {
		return reportFolder{}, nil
	}
	f := reportFolder{dest: reports.Dest{Dir: dir, Inputs: inputs}}
	if err := f.dest.Check(ctx); err != nil {
		return f, badInput(err)
	}
	return f, nil
}

// index is the report's page, as a terminal may show it.
func (f reportFolder) index() string {
	return text.TermSafe(filepath.Join(f.dest.Dir, "index.html"))
}

// write writes the report into the folder, when there is one, and says
// where on stderr ("report: DIR/index.html") unless quiet. A failure is
// r.reportError's.
func (f reportFolder) write(ctx context.Context, std *streams, r *runFlags, rep reports.Report) error {
	if f.dest.Dir == "" {
		return nil
	}
	if err := rep.In(std.words).Write(ctx, f.dest); err != nil {
		return r.reportError(ctx, err)
	}
	if !f.quiet {
		fmt.Fprint(std.err, std.words.Sprintf("report: %s\n", f.index()))
	}
	return nil
}

// reportError is the error of a report folder that could not be written:
// the interruption when the command was stopped, bad input (exit 2) when
// the folder is not cordon's to replace.
func (r *runFlags) reportError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return r.stopped(ctx)
	}
	var refused *reports.Refused
	if errors.As(err, &refused) {
		return badInput(err)
	}
	return fmt.Errorf("writing the report: %w", err)
}
