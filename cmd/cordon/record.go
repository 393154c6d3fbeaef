package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

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
		Args: oneArg(aScenario),
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
	date, err := opts.calendarDate()
	if err != nil {
		return err
	}
	if opts.rep < 0 {
		return badInput(fmt.Errorf("--rep must be 0 or more, got %d", opts.rep))
	}
	r := runFlags{sets: opts.sets}
	all, _, err := r.load([]string{arg}, false)
	if err != nil {
		return err
	}
	sc := all[0]
	if opts.seedSet {
		sc.Seed = opts.seed
	}
	day := logs.DayOf(sc, date)
	if err := logs.CheckRecordable(sc, day); err != nil {
		return badInput(fmt.Errorf("--date %s --tz %s: %v", opts.date, text.TermSafe(opts.tz), err))
	}
	dir := opts.out
	if dir == "" {
		dir = "cordon-log-" + reports.Slug(sc.Name)
	}
	for _, name := range []string{logs.ArrivalsFile, logs.RosterFile, logs.ObservedFile, logs.DurationsFile} {
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
	recorded, err := logs.Recording{Scenario: sc, Day: day, Replication: opts.rep, Changes: opts.sets, Stages: opts.stages, Log: log}.Files()
	if err != nil {
		return err
	}
	files := make([]outFile, len(recorded))
	for i, f := range recorded {
		files[i] = outFile{f.Name, func(w io.Writer) error {
			_, err := w.Write(f.Data)
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
		text.TermSafe(dir), logs.ArrivalsFile, logs.RosterFile, logs.ObservedFile, logs.DurationsFile, times, steps))
	return nil
}

// calendarDate is the date of --date at midnight in the zone of --tz.
func (opts *recordOptions) calendarDate() (time.Time, error) {
	if opts.date == "" || opts.tz == "" {
		return time.Time{}, badInput(fmt.Errorf("record needs --date YYYY-MM-DD and --tz ZONE: a log's times are on a calendar, in an explicit zone"))
	}
	loc, err := logs.ParseZone(opts.tz)
	if err != nil {
		return time.Time{}, badInput(fmt.Errorf("--tz: %v", err))
	}
	date, err := time.ParseInLocation("2006-01-02", opts.date, loc)
	if err != nil {
		return time.Time{}, badInput(fmt.Errorf("--date %q: want YYYY-MM-DD, such as 2021-11-25", opts.date))
	}
	return date, nil
}

// checkOverwrite refuses to write the log p when it exists, unless force is
// given and cordon record wrote it; and a symbolic link there, --force or
// not: the logs are written as files of their folder, and the link (to a
// log or to nothing) is the user's, which writing the log would replace.
func checkOverwrite(p string, force bool) error {
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symbolic link: cordon record writes its logs only as files of the folder; give another --out", text.TermSafe(p))
	}
	if fi, err := os.Stat(p); err == nil && !fi.Mode().IsRegular() {
		// Not opened: a pipe would wait for a writer, deaf to Ctrl-C.
		return fmt.Errorf("%s exists and is not a file (a folder, a device or a pipe): give another --out", text.TermSafe(p))
	}
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
	head := make([]byte, len(logs.RecordMark))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != logs.RecordMark {
		return fmt.Errorf("%s exists and cordon record did not write it (it does not begin %q): --force overwrites only logs cordon recorded; give another --out", text.TermSafe(p), logs.RecordMark)
	}
	return nil
}
