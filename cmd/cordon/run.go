package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
	"cordon/reports"
	"cordon/scenarios"
	"cordon/text"
)

// runOptions are the flags of `cordon run`.
type runOptions struct {
	runFlags
	shardFlags
	output   outputFlags
	strict   bool // --check
	out      string
	noReport bool
	targets  []string
	marginal int
}

func newRunCmd(std *streams, opts *runOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run [SCENARIO...]",
		Short: "Run scenarios and report their KPIs, bottlenecks and targets",
		Long: `Run runs each scenario (a YAML file, or the name of a built-in scenario; two-days when none is
given) over its replications, prints the KPIs with 95% confidence intervals and the top
bottlenecks, and writes a report folder (cordon-out/<scenario>/ unless --out says otherwise):
index.html with the plots, summary.md, results.json, replications.csv and plots/*.png, *.svg, *.csv (each plot's data).
-o json (or --json) prints the results document instead of the summary, -o csv (or --csv) the
KPIs as CSV (kpis.csv): one row per KPI with its mean, interval and target.

Targets come from the scenario's targets and from --target; the summary says which are missed,
and by how much. With --check (for scripts and CI) a missed target makes the exit code 1;
without it the run exits 0 whatever the targets.`,
		Example: `  cordon run
  cordon run day-one --reps 50 --out reports/day-one
  cordon run my-compound.yaml --set 'staff.suited-crew.shifts[0].count=6' --json
  cordon run --target 'takeout.door_time.p95<=1h' --target 'sampling.makespan<=4h' --check`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := opts.output.check(); err != nil {
				return err
			}
			if err := opts.checkShard(std.getenv); err != nil {
				return err
			}
			if err := checkReps("--marginal-reps", opts.marginal, 0); err != nil {
				return err
			}
			if err := opts.refuseWithShard(cmd.Flags(), "out", "output", "json", "csv", "check", "no-report"); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			if opts.noReport && opts.marginal > 0 && cmd.Flags().Changed("marginal-reps") {
				return noReportError("--marginal-reps")
			}
			return runRun(cmd.Context(), std, opts, args)
		},
	}
	f := cmd.Flags()
	opts.add(f)
	opts.addShard(f)
	opts.output.addAs(f, resultUsage)
	f.BoolVar(&opts.strict, "check", false, "exit 1 when a target is missed (for scripts and CI)")
	f.StringVar(&opts.out, "out", "", "report folder (default cordon-out/<scenario>; with several scenarios, one folder each inside it)")
	addNoReport(f, &opts.noReport)
	f.StringArrayVar(&opts.targets, "target", nil, "a target KPI<=VALUE (also >=, <, >), repeatable; e.g. 'takeout.door_time.p95<=45m'")
	f.IntVar(&opts.marginal, "marginal-reps", 10, "replications of the report's marginal analysis (what one more unit buys); 0 leaves it out")
	return cmd
}

func runRun(ctx context.Context, std *streams, opts *runOptions, args []string) error {
	if len(args) == 0 {
		args = []string{scenarios.Default}
	}
	if _, err := parseTargets(opts.targets); err != nil {
		return err
	}
	if opts.sharded() {
		return opts.runShardOfRun(ctx, std, args)
	}
	// Without a report, each replication is reduced to its figures as it
	// finishes (flat memory); the results document is made from them (the
	// staff on duty hour by hour added up as they come), the same bytes as
	// the report folder's. With one, each also leaves what the report's
	// plots read, added up as they come: memory flat too.
	opts.keepFigures(!opts.noReport)
	overrides, err := parseSets(opts.sets)
	if err != nil {
		return err
	}
	// Check every scenario first: every bad one is named before any work, and
	// the others still run. They are loaded again when their turn comes, so
	// that a batch of a thousand files holds one scenario at a time.
	var good []string
	bad := 0
	for _, a := range args {
		if _, err := scenarios.ResolveWithTargets(a, overrides...); err != nil {
			if len(args) == 1 {
				return badInput(err)
			}
			bad++
			fmt.Fprintln(std.err, std.printer().Error(errorText(err)))
			continue
		}
		good = append(good, a)
	}
	batch := len(args) > 1
	taken := map[string]bool{}
	missed, failed := 0, 0
	for i, arg := range good {
		sc, err := scenarios.ResolveWithTargets(arg, overrides...)
		if err != nil {
			return badInput(err) // it loaded a moment ago: the file changed
		}
		dir := ""
		if !opts.noReport {
			dir = reportDir(opts.out, sc.Name, batch, taken)
		}
		met, err := opts.runOne(ctx, std, sc, i, reportTo{dir: dir, inputs: args, batch: batch})
		switch {
		case ctx.Err() != nil:
			return opts.stopped(ctx)
		case err != nil && !batch:
			return err
		case err != nil:
			failed++
			fmt.Fprint(std.err, std.printer().Sprintf("%s: %s: failed: %s\n", text.TermSafe(arg), text.TermSafe(sc.Name), std.printer().Error(errorText(err))))
			continue
		case !met:
			missed++
		}
		if batch {
			index := ""
			if dir != "" {
				index = text.TermSafe(filepath.Join(dir, "index.html"))
			}
			fmt.Fprintln(std.err, batchLine(std.printer(), std.printer().Sprintf("%s: %s", text.TermSafe(arg), text.TermSafe(sc.Name)), met, index))
		}
	}
	if bad+failed > 0 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%d of %d scenarios could not be run (%d bad, %d failed)", bad+failed, len(args), bad, failed)}
	}
	return opts.missedError(missed, len(args))
}

// runShardOfRun runs one shard of the work of every scenario and writes
// it as a part.
func (opts *runOptions) runShardOfRun(ctx context.Context, std *streams, args []string) error {
	all, _, err := opts.load(args, true)
	if err != nil {
		return err
	}
	w, err := experiment.NewRunWork(all, opts.targets, opts.marginalReps(), opts.options(nil))
	if err != nil {
		return badInput(err)
	}
	return opts.runShard(ctx, std, &opts.runFlags, w)
}

// marginalReps are the replications of the report's marginal analysis: none
// without a report.
func (opts *runOptions) marginalReps() int {
	if opts.noReport {
		return 0
	}
	return opts.marginal
}

// reportTo is where the report of one scenario of a run goes: the folder
// dir ("" for none), which must not hold the inputs; in a batch the run
// says where each report went in its own line.
type reportTo struct {
	dir    string
	inputs []string
	batch  bool
}

// open checks the folder (before any work: a folder that is not cordon's
// is refused before the work, not after); a run's report folder says
// where it went unless a batch or JSON or CSV output says it otherwise.
func (to reportTo) open(ctx context.Context, machine bool) (reportFolder, error) {
	f, err := openReport(ctx, to.dir, to.inputs...)
	f.quiet = to.batch || machine
	return f, err
}

// runOne runs one scenario, writes its report and prints its summary (or
// its results document); it reports whether every target was met.
func (opts *runOptions) runOne(ctx context.Context, std *streams, sc *compound.Scenario, i int, to reportTo) (bool, error) {
	folder, err := to.open(ctx, opts.output.machine())
	if err != nil {
		return false, err
	}
	w, err := experiment.NewRunWork([]*compound.Scenario{sc}, opts.targets, opts.marginalReps(), opts.options(nil))
	if err != nil {
		return false, badInput(err)
	}
	p, err := opts.do(ctx, std, sc.Name, w)
	if err != nil {
		return false, opts.runError(ctx, sc.Name, err)
	}
	return opts.report(ctx, std, p.Runs[0], i, folder)
}

// report writes a scenario's report folder (when there is one) and prints
// its summary, its results document or its KPIs as CSV (the i-th scenario
// of a batch, i > 0, without the header); it reports whether every target
// was met.
func (opts *runOptions) report(ctx context.Context, std *streams, r experiment.RunProduct, i int, folder reportFolder) (bool, error) {
	out, targets := r.Outcome, r.Targets
	if err := folder.write(ctx, std, &opts.runFlags, reports.RunReport(out, targets, r.Marginal)); err != nil {
		return false, err
	}
	err := opts.output.print(std, result{
		writeJSON: func(w io.Writer) error { return reports.NewResults(out, targets...).WriteJSON(w) },
		csv: func() []byte {
			b := reports.KPIsCSV(out, targets)
			if i > 0 {
				_, b, _ = bytes.Cut(b, []byte("\n"))
			}
			return b
		},
		table: func(w io.Writer) error {
			if i > 0 {
				fmt.Fprintln(w)
			}
			if err := std.words.WriteSummary(w, out, 5); err != nil {
				return err
			}
			return std.words.WriteTargets(w, targets)
		}})
	return experiment.AllMet(targets), err
}

// reportDir is where a scenario's report goes: --out itself for one
// scenario, a folder named after the scenario inside it (or inside
// cordon-out) otherwise; scenarios of one run that share a name get -2, -3,
// ... so that no report overwrites another.
func reportDir(out, name string, batch bool, taken map[string]bool) string {
	if out != "" && !batch {
		return out
	}
	parent := out
	if parent == "" {
		parent = "cordon-out"
	}
	base := reports.Slug(name)
	dir := filepath.Join(parent, base)
	for n := 2; taken[dir]; n++ {
		dir = filepath.Join(parent, fmt.Sprintf("%s-%d", base, n))
	}
	taken[dir] = true
	return dir
}

// runError reports a failed run: an interruption as such, anything else as
// an error in the scenario named (once: a replication's error names it
// already).
func (r *runFlags) runError(ctx context.Context, name string, err error) error {
	if ctx.Err() != nil {
		return r.stopped(ctx)
	}
	if ue, ok := errors.AsType[*experiment.UnitError](err); ok && ue.What == name {
		return r.explainMemory(err)
	}
	return fmt.Errorf("%s: %w", name, r.explainMemory(err))
}

// reportAll writes the report of every scenario of a merged run (none with
// --no-report), and says how each went as a batch run does.
func (opts *runOptions) reportAll(ctx context.Context, std *streams, runs []experiment.RunProduct, parts []string) error {
	batch := len(runs) > 1
	taken := map[string]bool{}
	folders := make([]reportFolder, len(runs))
	for i, r := range runs {
		dir := ""
		if !opts.noReport {
			dir = reportDir(opts.out, r.Outcome.Scenario.Name, batch, taken)
		}
		f, err := reportTo{dir: dir, inputs: parts, batch: batch}.open(ctx, opts.output.machine())
		if err != nil {
			return err
		}
		folders[i] = f
	}
	missed := 0
	for i, r := range runs {
		met, err := opts.report(ctx, std, r, i, folders[i])
		if err != nil {
			return err
		}
		if !met {
			missed++
		}
		if batch {
			index := ""
			if folders[i].dest.Dir != "" {
				index = folders[i].index()
			}
			fmt.Fprintln(std.err, batchLine(std.printer(), text.TermSafe(r.Outcome.Scenario.Name), met, index))
		}
	}
	return opts.missedError(missed, len(runs))
}

// batchLine is the line a run of several scenarios writes as each is done:
// who (the file and the scenario's name), whether it met its targets, and
// its report's page (index, "" when it wrote none).
func batchLine(p *lang.Printer, who string, met bool, index string) string {
	state := p.T("done")
	if !met {
		state = p.T("missed a target")
	}
	if index != "" {
		state = p.Sprintf("%s, report %s", state, index)
	}
	return p.Sprintf("%s: %s", who, state)
}

// missedError is the exit of a run where missed of n scenarios missed a
// target: 1 with --check, else none (the summary says what was missed).
func (opts *runOptions) missedError(missed, n int) error {
	if missed == 0 || !opts.strict {
		return nil
	}
	return &exitError{code: exitMissed, err: fmt.Errorf("%d of %d scenarios missed a target", missed, n)}
}
