package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/spf13/cobra"

	"cordon/reports"
)

// Exit codes.
const (
	exitOK       = 0
	exitMissed   = 1 // a target was missed
	exitBadInput = 2 // bad input: the error says which file, line and field
)

// exitError carries an exit code with an error.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// badInput marks err as bad input (exit code 2).
func badInput(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitBadInput, err: err}
}

// streams are where a command reads and writes.
type streams struct {
	in       io.Reader
	out, err io.Writer
	getenv   func(string) string // the environment: where --shard auto finds its shard, the language
	// color says whether tables show bad results in colour (--color).
	color bool
	// words is the language the command writes in (--lang); set before
	// any command runs.
	words *reports.Words
	// langArg is the --lang of the command line, read ahead of its flags,
	// for the errors of a command line whose flags do not parse.
	langArg string
}

// Exit codes of a run stopped by a signal: 128 plus the signal's number.
const (
	exitInterrupted = 130 // SIGINT, Ctrl-C
	exitTerminated  = 143 // SIGTERM
)

// signalKey is the context key of the signal that stopped the command.
type signalKey struct{}

// watchSignals returns a context cancelled by SIGINT or SIGTERM, which
// remembers the signal. A second signal stops the process at once, saying
// so on errw in the words of say: for a command stuck where it cannot see
// the first (opening a named pipe nothing writes to waits in the kernel).
// What it was writing is still aside (a .NAME.tmp-* folder, a temporary
// file), never half in place.
func watchSignals(errw io.Writer, say func(string) string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	got := new(atomic.Value)
	ctx = context.WithValue(ctx, signalKey{}, got)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			got.Store(sig)
			cancel()
		case <-done:
			return
		}
		select {
		case sig := <-ch:
			code := exitInterrupted
			if sig == syscall.SIGTERM {
				code = exitTerminated
			}
			fmt.Fprintln(errw, "cordon:", say("interrupted again: stopped at once"))
			os.Exit(code)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
}

// interrupted is the error of a command stopped by a signal.
func interrupted(ctx context.Context) error { return interruptedAfter(ctx, "") }

// interruptedAfter is the error of a command stopped by a signal, saying
// what was finished.
func interruptedAfter(ctx context.Context, progress string) error {
	code, name := exitInterrupted, "interrupted"
	if v, ok := ctx.Value(signalKey{}).(*atomic.Value); ok {
		if sig, _ := v.Load().(os.Signal); sig == syscall.SIGTERM {
			code, name = exitTerminated, "terminated"
		}
	}
	if progress != "" {
		name += " " + progress
	}
	return &exitError{code: code, err: fmt.Errorf("%s; no report or file was written", name)}
}

// Main runs cordon with args and returns its exit code.
func Main(args []string, in io.Reader, out, errw io.Writer) int {
	std := &streams{in: in, out: out, err: errw, getenv: os.Getenv, langArg: langArgOf(args)}
	early := std.printer() // from the arguments' --lang or the environment: no command has run
	ctx, stop := watchSignals(errw, func(msg string) string { return early.Error(msg) })
	defer stop()
	root, stopProfile := newRootCmd(std)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.ExecuteContext(ctx)
	if perr := stopProfile(); perr != nil && err == nil {
		err = fmt.Errorf("--cpuprofile: %w", perr)
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			// A list of problems is one a line (errorText), each
			// starting "cordon: " as the first does.
			msg := std.printer().Error(errorText(ee.err))
			fmt.Fprintln(errw, "cordon:", strings.ReplaceAll(msg, "\n", "\ncordon: "))
		}
		return ee.code
	}
	// Cobra's own errors are bad usage: an unknown flag or command, with
	// suggestions on lines of their own.
	fmt.Fprintln(errw, "cordon:", std.printer().Error(terminalLines(err.Error())))
	return exitBadInput
}

// newRootCmd builds the command tree; the function it returns stops the
// CPU profile of --cpuprofile, if one is running, and is called once the
// command has ended, whatever its exit code.
func newRootCmd(std *streams) (*cobra.Command, func() error) {
	root := &cobra.Command{
		Use:   "cordon",
		Short: "Simulate a residential compound under closed management and plan its staffing",
		Long: `cordon simulates a residential compound under closed management: supplies through one gate,
staging, transfer by suited crew, disinfection, delivery to the door by zone volunteers, the
sampling round, garbage and special-needs requests. It reports throughput, waits and the
bottlenecks, with confidence intervals over replications.

  cordon run                  the built-in two-days; cordon scenarios lists the others
  cordon kpis [SCENARIO]      the KPIs a run reports (names for --target and --kpi)
  cordon paths [SCENARIO]     the values --set and --vary can change, with their values now
  cordon report RESULTS.json  a run's report drawn again from its results document

Any result as data: on run, compare, sweep, bottlenecks, plan, sensitivity, replay, merge, kpis
and paths, -o json (or --json) prints the result document, the same bytes as the .json file of
the report folder, and -o csv (or --csv) the main table as CSV. Every report folder also holds
each plot's data beside it (plots/NAME.csv). --no-color (or NO_COLOR) keeps the terminal plain.

Exit codes: 0 done, 1 a target missed (only with --check), 2 bad input.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// cobra's own --version: a root without a run function keeps cobra's
	// "Did you mean this?" for a mistyped command.
	root.Version = version()
	root.SetVersionTemplate("cordon {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.Flags().Bool("version", false, "print cordon's version (as cordon version does)")
	prof := &cpuProfile{}
	root.PersistentFlags().StringVar(&prof.path, "cpuprofile", "", "write a CPU profile of the command to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	colors := &colorFlags{}
	colors.add(root.PersistentFlags())
	words := &languageFlag{}
	root.PersistentFlags().StringVar(&words.value, "lang", "", "language of the summary, reports, figures and errors: en or zh-CN (default: from LANG, LC_ALL or LC_MESSAGES when they start with zh, else en)")
	// cobra adds --help when it runs a command, after it has looked for the
	// command among the arguments: until then it took --help for a flag
	// with a value, so "cordon --help --lang zh-CN" read zh-CN as a command.
	root.InitDefaultHelpFlag()
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		on, err := colors.decide(std.getenv, std.out)
		if err != nil {
			return err
		}
		std.color = on
		if err := words.words(std); err != nil {
			return err
		}
		return prof.start()
	}
	root.AddCommand(
		newRunCmd(std, &runOptions{}),
		newCompareCmd(std, &compareOptions{}),
		newSweepCmd(std, &sweepOptions{}),
		newBottlenecksCmd(std, &bottlenecksOptions{}),
		newPlanCmd(std, &planOptions{}),
		newSensitivityCmd(std, &sensitivityOptions{}),
		newSchemaCmd(std),
		newValidateCmd(std, &validateOptions{}),
		newScenariosCmd(std),
		newInitCmd(std, &initOptions{}),
		newMergeCmd(std, &mergeOptions{}),
		newRecordCmd(std, &recordOptions{}),
		newReplayCmd(std, &replayOptions{}),
		newVersionCmd(std),
		newFitCmd(std, &fitOptions{}),
		newKPIsCmd(std, &kpisOptions{}),
		newPathsCmd(std, &pathsOptions{}),
		newRedrawCmd(std, &redrawOptions{}),
		newServeCmd(std, &serveOptions{}),
	)
	addCompletions(root)
	setHelp(root, std)
	return root, prof.stop
}
