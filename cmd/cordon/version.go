package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version names this build of cordon: the module's version, and the
// commit it was built from (with +dirty when the tree had changes), or
// "devel" when the build has no such record (a test binary).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		v += " " + rev[:min(12, len(rev))] + dirty
	}
	return v + " " + info.GoVersion
}

func newVersionCmd(std *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print cordon's version: the build every shard of a split run must share",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(std.out, "cordon %s\n", version())
			return err
		},
	}
}
