package main

import (
	"strings"
	"testing"

	"cordon/experiment"
)

func TestMachineMemoryParsing(t *testing.T) {
	meminfo := []byte("MemTotal:       24683792 kB\nMemFree:         1000000 kB\nMemAvailable:   24318364 kB\n")
	if got := memAvailable(meminfo); got != 24318364<<10 {
		t.Errorf("MemAvailable: %d", got)
	}
	if got := memAvailable([]byte("MemTotal: 5 kB\n")); got != 0 {
		t.Errorf("no MemAvailable: %d", got)
	}
	for _, c := range []struct {
		max, current string
		want         int64
	}{{"max\n", "100\n", 0}, {"1073741824\n", "73741824\n", 1_000_000_000}, {"1000\n", "5000\n", 1}, {"", "", 0}} {
		if got := cgroupFree([]byte(c.max), []byte(c.current)); got != c.want {
			t.Errorf("cgroup max %q current %q: %d, want %d", c.max, c.current, got, c.want)
		}
	}
}

// TestMemoryBudget: the command's budget is the smaller of --max-memory and
// what the machine has, either when the other is unknown or not given; a
// refusal names the one that applied.
func TestMemoryBudget(t *testing.T) {
	for _, c := range []struct {
		flag, machine, want int64
		source              string
	}{
		{0, 5 << 30, 5 << 30, "this machine has available"},
		{1 << 30, 5 << 30, 1 << 30, "--max-memory allows"},
		{10 << 30, 5 << 30, 5 << 30, "this machine has available"},
		{1 << 30, 0, 1 << 30, "--max-memory allows"},
		{0, 0, 0, ""},
	} {
		r := &runFlags{maxMemory: c.flag, available: func() int64 { return c.machine }}
		if got := r.memory(); got != c.want {
			t.Errorf("--max-memory %d, machine %d: budget %d, want %d", c.flag, c.machine, got, c.want)
		}
		if c.want == 0 {
			continue
		}
		err := r.explainMemory(&experiment.MemoryError{Need: experiment.MemoryNeed{Total: 2 * c.want, Replications: 10, Workers: 2}, Limit: c.want})
		if msg := err.Error(); !strings.Contains(msg, c.source) || strings.Contains(msg, "\n") {
			t.Errorf("--max-memory %d, machine %d: %q, want one line naming %q", c.flag, c.machine, msg, c.source)
		}
	}
}
