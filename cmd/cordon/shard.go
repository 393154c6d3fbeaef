package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"cordon/experiment"
	"cordon/text"
)

// shardFlags are the flags of the commands whose work can be split over
// machines: --shard, --shards and --part.
type shardFlags struct {
	shard  string
	shards int
	part   string

	split experiment.Shard // parsed; Count 0 when the work is not split
	file  string           // where the part is written: part, or the file a symbolic link there points to
}

func (s *shardFlags) addShard(f *pflag.FlagSet) {
	f.StringVar(&s.shard, "shard", "", "run only shard I of N of the work (I/N, from 0) and write it as a part for cordon merge; "+
		"auto takes I and N from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with --shards) or a Slurm job array")
	f.IntVar(&s.shards, "shards", 0, "the number of shards, for --shard auto on Kubernetes (default: $CORDON_SHARDS)")
	f.StringVar(&s.part, "part", "", "where --shard writes its part (default cordon-part-I-of-N.part)")
}

// checkShard parses --shard, from the environment when it is auto.
func (s *shardFlags) checkShard(getenv func(string) string) error {
	if s.shard == "" {
		if s.part != "" || s.shards != 0 {
			return badInput(fmt.Errorf("--part and --shards go with --shard"))
		}
		return nil
	}
	var err error
	if s.shard == "auto" {
		s.split, err = experiment.ShardFromEnv(getenv, s.shards)
	} else {
		if s.shards != 0 {
			return badInput(fmt.Errorf("--shards goes with --shard auto; --shard %s names its N", s.shard))
		}
		s.split, err = experiment.ParseShard(s.shard)
	}
	if err != nil {
		return badInput(fmt.Errorf("--shard %s: %v", s.shard, err))
	}
	if s.part == "" {
		s.part = s.split.PartName()
	}
	if err := checkPartPlace(s.part); err != nil {
		return badInput(err)
	}
	s.file = linkTarget(s.part)
	if err := os.MkdirAll(filepath.Dir(s.file), 0o755); err != nil {
		return badInput(fmt.Errorf("--part: %v", err))
	}
	if err := checkWritable(s.file); err != nil {
		return badInput(fmt.Errorf("--part: %v", err))
	}
	return nil
}

// checkPartPlace refuses a --part that names anything but a new file or a
// part cordon wrote (a shard run again replaces its part): never a file of
// the user's, the command's own scenario, a folder or a device, nor a
// symbolic link to nothing. A link to a part is followed: the part it
// points to is replaced and the link stays.
func checkPartPlace(part string) error {
	if err := checkDanglingLink(part, "--part"); err != nil {
		return fmt.Errorf("--part %v", err)
	}
	fi, err := os.Stat(part)
	switch {
	case err != nil:
		return nil // nothing there, or no place for it: said when its folder is made
	case !fi.Mode().IsRegular():
		return fmt.Errorf("--part %s: exists and is not a file: choose another --part", text.TermSafe(part))
	case !isPart(part):
		return fmt.Errorf("--part %s: exists and is not a part cordon wrote (it does not begin as one): choose another --part, or move it away yourself", text.TermSafe(part))
	}
	return nil
}

// isPart reports whether the file at path begins as a part cordon wrote.
func isPart(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return experiment.BeginsAsPart(f)
}

// replacePart is checkPartPlace made again when the part is put in place,
// on what is at the part's file then (putFile asks it only when something
// is): a shard may run for hours, and a file that appeared meanwhile is
// replaced only when it is a part cordon wrote (the same shard, run twice
// at once), never a file of the user's, a link or a folder.
func (s *shardFlags) replacePart(file string) error {
	if fi, err := os.Lstat(file); err == nil && fi.Mode().IsRegular() && isPart(file) {
		return nil
	}
	return badInput(fmt.Errorf("--part %s: something that is not a part cordon wrote appeared there while the shard ran: it is left as it was, and this shard's part is not written; choose another --part", text.TermSafe(s.part)))
}

// refuseWithShard refuses, with --shard, each of the flags named that was
// given: a shard writes only its part, and what the report and the
// terminal show, and --check's exit code, are cordon merge's, which takes
// those flags.
func (s *shardFlags) refuseWithShard(f *pflag.FlagSet, names ...string) error {
	if !s.sharded() {
		return nil
	}
	for _, n := range names {
		if !f.Changed(n) {
			continue
		}
		switch n {
		case "output":
			return badInput(fmt.Errorf("-o has no effect with --shard, which writes only its part: give it to cordon merge"))
		case "no-report":
			return badInput(fmt.Errorf("--no-report has no effect with --shard, which writes only its part (cordon merge writes the report)"))
		}
		return badInput(fmt.Errorf("--%s has no effect with --shard, which writes only its part: give it to cordon merge", n))
	}
	return nil
}

// sharded reports whether the command runs one shard of its work.
func (s *shardFlags) sharded() bool { return s.split.Count > 0 }

// runShard runs the shard's units of w and writes them as a part, each
// unit as it finishes (its turn come), into a file put in place once whole
// (putFile), where what is there then is looked at again (replacePart).
func (s *shardFlags) runShard(ctx context.Context, std *streams, r *runFlags, w *experiment.Work) error {
	update, clear := progress(std, r.quiet, fmt.Sprintf("shard %v", s.split))
	units := 0
	var runErr error // the run's own, not the file's
	var we *experiment.PartWriteError
	err := putFile(s.file, s.replacePart, func(f io.Writer) error {
		units, runErr = experiment.RunShard(ctx, w, s.split, r.options(update), version(), f)
		if errors.As(runErr, &we) {
			runErr = nil
			return we.Err
		}
		return runErr
	})
	clear()
	var refused *exitError
	switch {
	case err == nil:
	case errors.As(err, &refused):
		return err
	case ctx.Err() != nil:
		return r.stopped(ctx)
	case runErr != nil:
		return r.runError(ctx, w.Command, runErr)
	default:
		return fmt.Errorf("writing the part: %w", err)
	}
	fmt.Fprint(std.err, std.printer().Sprintf("shard %v: %d of %d units, part %s; when every shard is done: cordon merge PARTS... --out DIR\n",
		s.split, units, w.Units(), text.TermSafe(s.part)))
	return nil
}
