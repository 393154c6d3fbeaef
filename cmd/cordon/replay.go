package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/experiment"
	"cordon/logs"
	"cordon/reports"
	"cordon/scenarios"
	"cordon/text"
)

// replayOptions are the flags of `cordon replay`.
type replayOptions struct {
	runFlags
	arrivals string
	roster   string
	observed string
	lenient  bool
	vs       string
	out      string
	noReport bool
	noHelped bool
	output   outputFlags
}

func newReplayCmd(std *streams, opts *replayOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "replay SCENARIO --arrivals FILE [--roster FILE] [--observed FILE] [--vs SCENARIO | --set path=value]",
		Short: "Replay a logged day: observed against simulated, where the time went, what a change would have saved",
		Long: `Replay runs the scenario with the items of the arrivals log in place of its random arrivals
(and, with --roster, the staff of the roster log in place of its shifts; the rest as in the
scenario, service times random) over its replications, and sets what was observed on the day
(--observed: items delivered, residents sampled) beside the replay: hour by hour (items
delivered, time to the door, backlog, residents sampled) and KPI by KPI, each observed figure
against the replay's 95% prediction interval for one day. It says where the time went (an item's
time to the door, stage by stage) and writes a report folder (cordon-out/replay-<scenario>
unless --out says otherwise) with observed and simulated on the same plots.

It then ranks what would have helped on the day: one more worker on each post and shift, each
capacity one step up, each zero-cost knob one step either way, and the plan's staff where the day
had fewer (from the roster, or without one from the observations), each replayed on the log with
common random numbers and paired 95% intervals; the plan restored comes first, as the likely
cause. Without a roster, when several shortfalls fit the observations alike, it lists them with
their fit and names none; stage times in observed.csv (cordon record --stages) can tell them
apart (--no-helped skips this, the slow part).

--vs SCENARIO, or --set path=value (repeatable), replays the same log under a change (day one's
log with the second day's shelves, say) with common random numbers and reports what it would
have changed on the day, with paired 95% intervals. Here --set makes the change; the scenario
replayed as the day stays as it is. A change to a pool the roster names goes onto the roster: a
--set of a shift's count is the count on duty wherever that shift covers; --vs adds the
difference between the two scenarios' plans; a change that moves a shift of such a pool is
refused. -o json (or --json) prints the review document (review.json) instead of the summary,
-o csv (or --csv) the day hour by hour, observed beside the replay (hours.csv).

The logs are CSV files (see cordon record, which writes them from a simulated day, and the
README). Every bad row is reported as file:line: column: what is wrong, exit 2; --lenient
skips bad rows instead and says how many, and why.`,
		Example: `  cordon replay day-one --arrivals incident/arrivals.csv --roster incident/roster.csv --observed incident/observed.csv
  cordon replay day-one --arrivals incident/arrivals.csv --set gate.shelves=10 --set gate.containers=2
  cordon replay day-one --arrivals incident/arrivals.csv --vs more-suited-crew --reps 50`,
		Args: oneArg(aScenario),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(cmd.Flags()); err != nil {
				return err
			}
			if err := opts.output.check(); err != nil {
				return err
			}
			if err := checkNoReport(cmd.Flags(), opts.noReport); err != nil {
				return err
			}
			return runReplay(cmd.Context(), std, opts, args[0])
		},
	}
	f := cmd.Flags()
	opts.add(f)
	f.Lookup("set").Usage = "replay the log under a change, path=value (repeatable), e.g. gate.shelves=10"
	f.StringVar(&opts.arrivals, "arrivals", "", "the arrivals log, arrivals.csv (required)")
	f.StringVar(&opts.roster, "roster", "", "the roster log, roster.csv: the staff actually on duty")
	f.StringVar(&opts.observed, "observed", "", "the observations, observed.csv: items delivered, residents sampled")
	f.BoolVar(&opts.lenient, "lenient", false, "skip bad rows of the logs (and say how many) instead of stopping")
	f.StringVar(&opts.vs, "vs", "", "replay the log through this scenario too, and compare")
	f.StringVar(&opts.out, "out", "", "report folder (default cordon-out/replay-<scenario>)")
	addNoReport(f, &opts.noReport)
	f.BoolVar(&opts.noHelped, "no-helped", false, "skip ranking what would have helped (one replay per change: the slow part)")
	opts.output.addAs(f, resultUsage)
	return cmd
}

func runReplay(ctx context.Context, std *streams, opts *replayOptions, arg string) error {
	if opts.arrivals == "" {
		return badInput(errors.New("replay needs --arrivals FILE: the items that arrived at the gate"))
	}
	if opts.vs != "" && len(opts.sets) > 0 {
		return badInput(errors.New("give the change as --vs SCENARIO or as --set path=value, not both"))
	}
	sc, err := scenarios.Resolve(arg)
	if err != nil {
		return badInput(err)
	}
	changed, setOverrides, change, err := opts.change(arg)
	if err != nil {
		return err
	}
	inputs := []string{arg, opts.vs, opts.arrivals, opts.roster, opts.observed}
	folder, err := openReport(ctx, commandFolder(opts.noReport, opts.out, "replay", sc.Name), inputs...)
	if err != nil {
		return err
	}
	lg, err := opts.readLogs(ctx, std, sc)
	if err != nil {
		return err
	}
	ask := experiment.ReviewAsk{Helped: !opts.noHelped}
	if changed != nil {
		var counts map[string][]int
		sets := ""
		if len(setOverrides) > 0 {
			sets = change
		}
		if sets != "" && lg.roster != nil {
			if counts, err = scenarios.StaffCountsSet(arg, sc, sc.RosterPools(lg.roster), setOverrides); err != nil {
				return badInput(err)
			}
		}
		if ask.Change, err = experiment.ChangeOnRoster(sc, changed, lg.roster, sets, counts); err != nil {
			return badInput(err)
		}
	}
	update, clear := progress(std, opts.quiet, "replay")
	r, err := experiment.ReviewDay(ctx, sc, lg.arrivals, lg.roster, lg.observed, ask, opts.options(update))
	clear()
	if err != nil {
		if ctx.Err() != nil {
			return opts.stopped(ctx)
		}
		return badInput(err)
	}
	src := reports.ReviewSources{Arrivals: opts.arrivals, Roster: opts.roster, Observed: opts.observed,
		Synthetic: lg.synthetic, Skipped: lg.skipped, Change: change}
	if err := folder.write(ctx, std, &opts.runFlags, reports.ReviewReport(r, src)); err != nil {
		return err
	}
	return opts.output.print(std, result{
		json:  func() ([]byte, error) { return reports.ReviewDocument(r, src).JSON() },
		csv:   func() []byte { return reports.HoursCSV(r) },
		table: func(w io.Writer) error { return std.words.WriteReviewSummary(w, r, src) }})
}

// change resolves the change asked for the day: the scenario of --vs, or
// the scenario replayed with the --set overrides (given too); nil when
// none is asked. change says what it is, for the report.
func (opts *replayOptions) change(arg string) (changed *compound.Scenario, overrides []scenarios.Override, change string, err error) {
	switch {
	case opts.vs != "":
		if changed, err = scenarios.Resolve(opts.vs); err != nil {
			return nil, nil, "", badInput(err)
		}
		return changed, nil, "scenario " + changed.Name, nil
	case len(opts.sets) > 0:
		if overrides, err = parseSets(opts.sets); err != nil {
			return nil, nil, "", err
		}
		if changed, err = scenarios.Resolve(arg, overrides...); err != nil {
			return nil, nil, "", badInput(err)
		}
		return changed, overrides, strings.Join(opts.sets, ", "), nil
	}
	return nil, nil, "", nil
}

// replayLogs are the logs of a day, read.
type replayLogs struct {
	arrivals  []compound.LoggedArrival
	roster    []compound.RosterEntry
	observed  *experiment.Observed
	synthetic bool
	skipped   int
}

// readLogs reads the logs named by the flags (logs.ReadDay): arrivals
// first, whose first day is the day of the others. Every bad row of every
// file is printed, one line each, before the error; with --lenient they
// are printed as skipped.
func (opts *replayOptions) readLogs(ctx context.Context, std *streams, sc *compound.Scenario) (*replayLogs, error) {
	var opened []*os.File
	defer func() {
		for _, f := range opened {
			f.Close()
		}
	}()
	// open opens a flag's file ("-": standard input); nil when not given.
	open := func(flag, name string) (*logs.File, error) {
		switch name {
		case "":
			return nil, nil
		case "-":
			return &logs.File{Name: name, R: std.in}, nil
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, badInput(fmt.Errorf("--%s: %s", flag, text.TermSafe(err.Error())))
		}
		opened = append(opened, f)
		return &logs.File{Name: name, R: f}, nil
	}
	arrivals, err := open("arrivals", opts.arrivals)
	if err != nil {
		return nil, err
	}
	files := logs.DayFiles{Arrivals: *arrivals}
	if files.Roster, err = open("roster", opts.roster); err != nil {
		return nil, err
	}
	if files.Observed, err = open("observed", opts.observed); err != nil {
		return nil, err
	}
	day := logs.ReadDay(ctx, sc, files, logs.Options{Lenient: opts.lenient})
	if ctx.Err() != nil {
		return nil, interrupted(ctx)
	}
	bad, p := 0, std.printer()
	for _, f := range day.Files {
		var errs logs.Errors
		switch {
		case errors.As(f.Err, &errs):
			for _, e := range errs {
				fmt.Fprintln(std.err, p.Error(e.Error()))
			}
			bad++
		case f.Err != nil:
			fmt.Fprintf(std.err, "%s: %s\n", text.TermSafe(f.Name), p.Error(errorText(f.Err)))
			bad++
		case f.Skipped > 0:
			fmt.Fprint(std.err, p.Sprintf("%s: skipped %d bad rows (--lenient):\n", text.TermSafe(f.Name), f.Skipped))
			for _, e := range f.SkippedErrors {
				fmt.Fprintln(std.err, "  "+p.Error(e.Error()))
			}
			if len(f.SkippedErrors) < f.Skipped {
				fmt.Fprint(std.err, p.Sprintf("  and %d more\n", f.Skipped-len(f.SkippedErrors)))
			}
		}
	}
	if day.Files[0].Err != nil {
		return nil, badInput(fmt.Errorf("%s: the arrivals log has problems (above)", text.TermSafe(opts.arrivals)))
	}
	if bad > 0 {
		return nil, badInput(fmt.Errorf("%d of the logs have problems (above)", bad))
	}
	return &replayLogs{arrivals: day.Arrivals, roster: day.Roster, observed: experiment.ObservedTimed(day.Observed),
		synthetic: day.Synthetic, skipped: day.Skipped}, nil
}
