package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestMergeManyPartsFewFiles: a merge of more parts than the process may
// open files at once (ulimit -n, set in the shell that starts it) is done,
// and its report is byte for byte the one merged without the limit. merge
// opened every part at once and failed: "too many open files".
func TestMergeManyPartsFewFiles(t *testing.T) {
	const limit, count = 32, 48 // the limit counts the runtime's own files too
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: count})
	if err != nil {
		t.Fatal(err)
	}
	results, err := experiment.RunWork(context.Background(), w, experiment.Shard{Index: 0, Count: 1}, experiment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var parts []string
	for i := range count {
		p, err := experiment.NewPart(w, experiment.Shard{Index: i, Count: count}, results, version())
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprintf("%02d.part", i))
		if err := putFile(file, nil, p.Write); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, file)
	}
	free := filepath.Join(dir, "free")
	if code, _, stderr := runCordon("", append([]string{"merge", "-q", "--out", free}, parts...)...); code != 0 {
		t.Fatalf("merge without a limit: exit %d: %s", code, stderr)
	}
	limited := filepath.Join(dir, "limited")
	cmd := exec.Command("sh", append([]string{"-c", fmt.Sprintf(`ulimit -n %d && exec "$@"`, limit), "sh",
		os.Args[0], "merge", "-q", "--out", limited}, parts...)...)
	cmd.Env = append(os.Environ(), "CORDON_TEST_AS_CLI=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("merge of %d parts with ulimit -n %d: %v: %s", count, limit, err, stderr.String())
	}
	want, err := os.ReadFile(filepath.Join(free, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(limited, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("results.json merged under the limit differs from the one merged without it")
	}
}
