package scenarios

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/malformed")

// errorLine is the shape of every error line of a file.
func errorLine(file string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `:[1-9][0-9]*:[1-9][0-9]*: \S`)
}

// checkShape fails the test unless err is Errors whose every line is
// file:line:column: ..., one line each, and none an internal error.
func checkShape(t testing.TB, file string, err error) {
	t.Helper()
	var errs Errors
	if !errors.As(err, &errs) || len(errs) == 0 {
		t.Fatalf("error %T %v, want Errors", err, err)
	}
	re := errorLine(file)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(errs) {
		t.Errorf("%d errors on %d lines: an error spans lines", len(errs), len(lines))
	}
	for _, l := range lines {
		if !re.MatchString(l) {
			t.Errorf("error line without file:line:column: %q", l)
		}
		if strings.Contains(l, "internal error") {
			t.Errorf("internal error: %q", l)
		}
	}
}

// TestMalformed loads each file of testdata/malformed and compares the
// errors with its golden file; go test -run TestMalformed -update rewrites
// them.
func TestMalformed(t *testing.T) {
	files, err := filepath.Glob("testdata/malformed/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 35 {
		t.Fatalf("only %d malformed scenarios", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			sc, err := Load(name, readFile(t, path))
			if err == nil {
				t.Fatalf("loaded %+v, want errors", sc)
			}
			if sc != nil {
				t.Errorf("got a scenario with the errors")
			}
			checkShape(t, name, err)
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(path, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := string(readFile(t, golden))
			if got != want {
				t.Errorf("errors differ from %s (go test -run TestMalformed -update rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}
