package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"cordon/scenarios"
	"cordon/text"
)

// initOptions are the flags of `cordon init`.
type initOptions struct {
	from  string
	force bool
}

func newInitCmd(std *streams, opts *initOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a fully commented scenario to edit (the baseline)",
		Long: `Init writes the commented baseline scenario to FILE (scenario.yaml by default), or to the
terminal with -, for editing, and the JSON Schema of the format beside it as
scenario.schema.json (unless one is there): the scenario's first line points editors with the
YAML language server at it. It does not overwrite a scenario unless --force is given.`,
		Args: atMostOneArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			file := "scenario.yaml"
			if len(args) == 1 {
				file = args[0]
			}
			return runInit(std, opts, file)
		},
	}
	cmd.Flags().StringVar(&opts.from, "from", "baseline", "the built-in scenario to start from")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite FILE if it exists")
	return cmd
}

func runInit(std *streams, opts *initOptions, file string) error {
	data, ok := scenarios.Builtin(opts.from)
	if !ok {
		return badInput(fmt.Errorf("--from %s: no such built-in scenario (cordon scenarios lists them)", opts.from))
	}
	data = scenarios.WithLocalSchema(data)
	if file == "-" {
		_, err := std.out.Write(data)
		return err
	}
	if err := checkScenarioOverwrite(file, opts.force, "name"); err != nil {
		return badInput(err)
	}
	if err := writeFile(linkTarget(file), scenarioReplace(file, opts.force, "name"), data); err != nil {
		return err
	}
	fmt.Fprint(std.out, std.printer().Sprintf("wrote %s (from %s): edit it, then cordon validate %s\n", text.TermSafe(file), text.TermSafe(opts.from), text.TermSafe(file)))
	schema := filepath.Join(filepath.Dir(file), scenarios.SchemaFile)
	if _, err := os.Lstat(schema); errors.Is(err, fs.ErrNotExist) { // a link there, even to nothing, is the user's
		switch err := writeFile(schema, nil, scenarios.Schema()); {
		case errors.Is(err, fs.ErrExist):
			return nil // one appeared meanwhile: it is left
		case err != nil:
			return err
		}
		fmt.Fprint(std.out, std.printer().Sprintf("wrote %s, the schema editors check it against\n", text.TermSafe(schema)))
	}
	return nil
}

// checkScenarioOverwrite refuses what a scenario may not be written over: a file
// without force, and never anything but a file (a folder, a device, a
// pipe), a symbolic link followed to where it points; a link to nothing,
// --force or not (the link is the user's, and writing through it would
// make a file where the user may not expect one). what is what to give
// instead: "name" for init, "--write" for plan.
func checkScenarioOverwrite(path string, force bool, what string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := checkDanglingLink(path, what); err != nil {
			return err
		}
		return nil
	case err != nil:
		return fmt.Errorf("%s: %v", text.TermSafe(path), err)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a file (a folder, a device or a pipe): a scenario is written only as a file; give another %s", text.TermSafe(path), what)
	case !force:
		return fmt.Errorf("%s exists: give another %s or --force", text.TermSafe(path), what)
	}
	return nil
}

// linkTarget returns where the symbolic link at path points, so that
// writing a file there replaces the file and keeps the link; path itself
// when it is no link (or a link to nothing, which checkDanglingLink
// refuses before).
func linkTarget(path string) string {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if to, err := filepath.EvalSymlinks(path); err == nil {
			return to
		}
	}
	return path
}

// checkDanglingLink refuses a symbolic link at path that points to nothing
// that exists (or round in a loop): writing a file in its place would
// destroy the user's link, and writing through it would make a file
// wherever it points. what is what to give instead.
func checkDanglingLink(path, what string) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if _, err := filepath.EvalSymlinks(path); err == nil {
		return nil
	}
	to, _ := os.Readlink(path)
	return fmt.Errorf("%s: a symbolic link to nothing that exists (%s): give another %s, or remove the link yourself", text.TermSafe(path), text.TermSafe(to), what)
}

// scenarioReplace is what may be replaced when a scenario is put at path
// (putFile's replace): with force, the file checkScenarioOverwrite found
// to be a file; without, nothing: a file that appeared at path since that
// check is refused as one there before would have been.
func scenarioReplace(path string, force bool, what string) func(string) error {
	if force {
		return replaceAny
	}
	return func(string) error {
		return badInput(fmt.Errorf("%s exists: give another %s or --force", text.TermSafe(path), what))
	}
}

// writeFile writes data to a temporary file beside path and puts it in
// place (putFile), so the file appears whole or not at all, replacing
// only what replace allows.
func writeFile(path string, replace func(string) error, data []byte) error {
	return putFile(path, replace, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// checkWritable makes sure a file can be written at path (its folder exists
// and takes new files), before long work whose result goes there.
func checkWritable(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".check-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	name := tmp.Name()
	tmp.Close()
	return os.Remove(name)
}
