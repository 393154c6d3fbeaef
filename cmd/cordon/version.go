package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version names this build of cordon: the module's version ("devel" for a
// build from a checkout) and the commit it was built from (with +dirty when
// the tree had changes). A build with no commit on record (one made without
// .git, as in the container image, or a test binary) is named by the SHA-256
// of its own executable instead, so that the parts of two different builds
// never pass for one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel" + executableID()
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
	} else {
		v += executableID()
	}
	return v + " " + info.GoVersion
}

// executableID is " build " and the first 12 hex digits of the SHA-256 of
// the running executable, or "" when it cannot be read.
func executableID() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return " build " + hex.EncodeToString(h.Sum(nil))[:12]
}

func newVersionCmd(std *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print cordon's version: the build every shard of a split run must share",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(std.out, "cordon %s\n", version())
			return err
		},
	}
}
