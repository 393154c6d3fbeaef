package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts in testdata/script run cordon as a command.
func TestMain(m *testing.M) {
	if os.Getenv("CORDON_TEST_AS_CLI") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	// The tests read English: a Chinese LANG where they run must not
	// change what cordon prints. The scripts set their own: testscript runs
	// their cordon as this binary under the command's name, left alone.
	if filepath.Base(os.Args[0]) != "cordon" {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			os.Unsetenv(v)
		}
	}
	testscript.Main(m, map[string]func(){
		"cordon": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script, one txtar file
// each: the commands a user types and what they must print and exit with.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
