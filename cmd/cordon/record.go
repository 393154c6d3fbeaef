package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"cordon/compound"
	"cordon/experiment"
	"cordon/logs"
	"cordon/reports"
	"cordon/text"
)

// recordOptions are the flags of `cordon record`.
type recordOptions struct {
	seed    uint64
	seedSet bool
	rep     int
	sets    []string
	date    string
	tz      string
	out     string
	force   bool
	stages  bool
}

// The files of a logged day, as `cordon replay` and `cordon fit` read them.
const (
	arrivalsFile  = "arrivals.csv"
	rosterFile    = "roster.csv"
	observedFile  = "observed.csv"
	durationsFile = "durations.csv"
)

func newRecordCmd(std *streams, opts *recordOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "record SCENARIO --date YYYY-MM-DD --tz ZONE [--out DIR]",
		Short: "Write the logs of one simulated day, as a post-incident review reads them",
		Long: `Record runs one replication of the scenario and writes what a planner would have logged of
that day into DIR (cordon-log-<scenario> by default): arrivals.csv (every item at the gate),
roster.csv (the staff on duty), observed.csv (every item handed over at the door and every
resident sampled) and durations.csv (every service and walking time drawn), in the formats
cordon replay and cordon fit read, with times on the calendar date and in the zone given.
Every file says on its first line that it is synthetic: made by cordon, not observed.

The logs are examples of the formats, test data for a review, and a way to check a review: a
day recorded from a scenario and replayed through it must come back inside the replay's
prediction intervals. --set changes the recorded day (a crew short in the morning, say) while
the scenario replayed stays as planned. --stages also logs in observed.csv when each delivered
item passed each checkpoint (staged, labelled, on_cart, unloaded, disinfected, sorted, on_run):
the time it spent in each stage, which lets a review tell apart shortfalls that slow different
stages. The four files are written all or none; files already there are not overwritten
without --force.`,
		Example: `  cordon record day-one --date 2021-11-25 --tz Asia/Shanghai --seed 2021 --out incident
  cordon record baseline --date 2021-11-26 --tz +08:00 --set 'staff.suited-crew.shifts[0].count=3'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.seedSet = cmd.Flags().Changed("seed")
			return runRecord(cmd.Context(), std, opts, args[0])
		},
	}
	f := cmd.Flags()
	f.Uint64Var(&opts.seed, "seed", 0, "seed of the random streams (default: the scenario's)")
	f.IntVar(&opts.rep, "rep", 0, "the replication recorded, from 0: another day with the same seed")
	f.StringArrayVar(&opts.sets, "set", nil, "change the recorded day, path=value (repeatable), e.g. gate.shelves=0")
	f.StringVar(&opts.date, "date", "", "the calendar date of the run's first day, YYYY-MM-DD (required)")
	f.StringVar(&opts.tz, "tz", "", "the time zone of the logs: an offset like +08:00 or a zone name like Asia/Shanghai (required)")
	f.StringVar(&opts.out, "out", "", "the folder of the logs (default cordon-log-<scenario>)")
	f.BoolVar(&opts.force, "force", false, "overwrite logs already in the folder")
	f.BoolVar(&opts.stages, "stages", false, "log when each delivered item passed each checkpoint (observed.csv): the time it spent in each stage")
	return cmd
}

func runRecord(ctx context.Context, std *streams, opts *recordOptions, arg string) error {
	if opts.date == "" || opts.tz == "" {
		return badInput(fmt.Errorf("record needs --date YYYY-MM-DD and --tz ZONE: a log's times are on a calendar, in an explicit zone"))
	}
	loc, err := logs.ParseZone(opts.tz)
	if err != nil {
		return badInput(fmt.Errorf("--tz: %v", err))
	}
	date, err := time.ParseInLocation("2006-01-02", opts.date, loc)
	if err != nil {
		return badInput(fmt.Errorf("--date %q: want YYYY-MM-DD, such as 2021-11-25", opts.date))
	}
	if opts.rep < 0 {
		return badInput(fmt.Errorf("--rep must be 0 or more, got %d", opts.rep))
	}
	r := runFlags{sets: opts.sets}
	all, _, err := r.load([]string{arg})
	if err != nil {
		return err
	}
	sc := all[0]
	if opts.seedSet {
		sc.Seed = opts.seed
	}
	day := logs.DayOf(sc, date)
	if err := checkLogYears(sc, day); err != nil {
		return badInput(fmt.Errorf("--date %s --tz %s: %v", opts.date, text.TermSafe(opts.tz), err))
	}
	dir := opts.out
	if dir == "" {
		dir = "cordon-log-" + reports.Slug(sc.Name)
	}
	names := []string{arrivalsFile, rosterFile, observedFile, durationsFile}
	for _, name := range names {
		if err := checkOverwrite(filepath.Join(dir, name), opts.force); err != nil {
			return badInput(err)
		}
	}
	log, res, err := experiment.RecordLog(ctx, sc, opts.rep)
	if err != nil {
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		return fmt.Errorf("%s: %w", sc.Name, err)
	}
	comments := []string{
		fmt.Sprintf("synthetic: made by cordon record from the scenario %s, seed %d, replication %d: not observed", text.TermSafe(sc.Name), sc.Seed, opts.rep),
	}
	for _, s := range opts.sets {
		comments = append(comments, "changed for the recorded day: "+text.TermSafe(s))
	}
	var data [4]bytes.Buffer
	if err := logs.WriteArrivals(&data[0], sc, day, comments, log.Arrivals); err != nil {
		return err
	}
	if err := logs.WriteRoster(&data[1], day, comments, sc.PlannedRoster()); err != nil {
		return err
	}
	writeObserved := logs.WriteObserved
	if opts.stages {
		writeObserved = logs.WriteObservedTimed
	}
	if err := writeObserved(&data[2], sc, day, comments, log); err != nil {
		return err
	}
	if err := logs.WriteDurations(&data[3], comments, log.Durations); err != nil {
		return err
	}
	files := make([]outFile, len(names))
	for i, name := range names {
		files[i] = outFile{name, func(w io.Writer) error {
			_, err := w.Write(data[i].Bytes())
			return err
		}}
	}
	if err := writeFiles(dir, opts.force, files); err != nil {
		return badInput(fmt.Errorf("--out %s: nothing written: %s", text.TermSafe(dir), text.TermSafe(err.Error())))
	}
	steps, times := 0, 0
	for _, v := range log.Durations {
		steps++
		times += len(v)
	}
	p := std.printer()
	fmt.Fprint(std.out, p.Sprintf("%s, %s from %s: %d items arrived, %d delivered, %d residents sampled\n",
		text.TermSafe(sc.Name), opts.date, day.Start.Format("15:04 Z07:00"), len(log.Arrivals), res.Ledger.Delivered, len(log.Sampled)))
	fmt.Fprint(std.out, p.Sprintf("wrote %s: %s, %s, %s and %s (%d times of %d steps)\n",
		text.TermSafe(dir), arrivalsFile, rosterFile, observedFile, durationsFile, times, steps))
	return nil
}

// checkLogYears checks that the logs of a day recorded from sc on day hold
// only times cordon replay reads (logs.InYears): from the earliest, the
// run's start or an earlier shift's, to the latest, the run's end or a
// later shift's, on every day of the run, in the zone of the day.
func checkLogYears(sc *compound.Scenario, day logs.Day) error {
	first, last := 0.0, float64(sc.Horizon.Days)*86400
	for _, r := range sc.PlannedRoster() {
		first, last = min(first, r.From), max(last, r.To)
	}
	from, to := day.Time(first), day.Time(last)
	if logs.InYears(from) && logs.InYears(to) {
		return nil
	}
	better := "a later"
	if to.UTC().Year() > logs.LastYear {
		better = "an earlier"
	}
	const layout = "2006-01-02T15:04:05Z07:00"
	return fmt.Errorf("the logs would hold times from %s to %s, but a log holds times of the years %d to %d (in UTC): give %s date",
		from.Format(layout), to.Format(layout), logs.FirstYear, logs.LastYear, better)
}

// recordMark begins every log cordon record writes: --force overwrites a
// log only when it carries it, so that a real day's logs are never lost.
const recordMark = "# synthetic: made by cordon record"

// checkOverwrite refuses to write the log p when it exists, unless force is
// given and cordon record wrote it.
func checkOverwrite(p string, force bool) error {
	f, err := os.Open(p)
	if err != nil {
		// Nothing there to lose; a folder that cannot be made is said when
		// the logs are written.
		return nil
	}
	defer f.Close()
	if !force {
		return fmt.Errorf("%s exists: give another --out or --force", text.TermSafe(p))
	}
	head := make([]byte, len(recordMark))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != recordMark {
		return fmt.Errorf("%s exists and cordon record did not write it (it does not begin %q): --force overwrites only logs cordon recorded; give another --out", text.TermSafe(p), recordMark)
	}
	return nil
}
