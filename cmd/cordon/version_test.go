package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionNamesTheBuild: a build without a commit on record (this test
// binary) is named by the SHA-256 of its executable, so that parts written
// by two different builds never pass the merge's version check as one.
func TestVersionNamesTheBuild(t *testing.T) {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				t.Skip("this binary has a commit on record")
			}
		}
	}
	path, err := os.Executable()
	if err != nil {
		t.Skip("no executable path:", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	want := " build " + hex.EncodeToString(sum[:])[:12] + " "
	v := version()
	if !strings.HasPrefix(v, "devel") || !strings.Contains(v, want) {
		t.Errorf("version() = %q, want devel with%q", v, want)
	}
	if again := version(); again != v {
		t.Errorf("version() gave %q, then %q", v, again)
	}
}
