package fuzzguard_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"cordon/internal/fuzzguard"
)

// runaway is what the child process runs when the test asks it to.
var runaway = map[string]func(){
	"memory": func() {
		var keep [][]byte
		for {
			keep = append(keep, make([]byte, 1<<20))
			for i := range keep[len(keep)-1] {
				keep[len(keep)-1][i] = 1
			}
		}
	},
	"time": func() { select {} },
}

// TestRunaways: an input that grows the heap without end, or never ends,
// stops the process with the guard's message.
func TestRunaways(t *testing.T) {
	if which := os.Getenv("FUZZGUARD_CHILD"); which != "" {
		fuzzguard.CheckWith(fuzzguard.Limits{Memory: 32 << 20, Time: 500 * time.Millisecond}, runaway[which])
		return
	}
	for which, want := range map[string]string{
		"memory": "grew the heap by",
		"time":   "ran for more than 500ms",
	} {
		t.Run(which, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRunaways$")
			cmd.Env = append(os.Environ(), "FUZZGUARD_CHILD="+which)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the runaway was not stopped:\n%s", out)
			}
			if !strings.Contains(string(out), want) {
				t.Errorf("the process ended without saying %q:\n%s", want, out)
			}
		})
	}
}

// TestWithinLimits: a body inside the limits runs to its end, and the
// watchdog goes with it.
func TestWithinLimits(t *testing.T) {
	ran := false
	fuzzguard.CheckWith(fuzzguard.Limits{Memory: 64 << 20, Time: time.Minute}, func() {
		_ = make([]byte, 1<<20)
		ran = true
	})
	if !ran {
		t.Fatal("the body did not run")
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv("CORDON_FUZZ_MEMORY", "64MiB")
	t.Setenv("CORDON_FUZZ_TIME", "3s")
	l := fuzzguard.FromEnv(t)
	if l.Memory != 64<<20 || l.Time != 3*time.Second {
		t.Errorf("got %+v", l)
	}
}

func ExampleCheckWith() {
	fuzzguard.CheckWith(fuzzguard.Limits{Memory: 64 << 20, Time: time.Minute}, func() {
		// one fuzz input's work: parse, run, check
	})
	// Output:
}
