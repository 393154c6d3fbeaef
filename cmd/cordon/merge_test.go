package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cordon/compound"
	"cordon/experiment"
	"cordon/scenarios"
)

// TestMergeDamagedPart: a part whose results are cut short (it once made
// merge panic) or hold 1e308 is one line naming the file and what is
// wrong, exit 2, and no report.
func TestMergeDamagedPart(t *testing.T) {
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	w, err := experiment.NewWork(experiment.CommandRun, []*compound.Scenario{sc}, experiment.Options{Replications: 2})
	if err != nil {
		t.Fatal(err)
	}
	whole := experiment.Shard{Index: 0, Count: 1}
	results, err := experiment.RunWork(context.Background(), w, whole, experiment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, damage := range map[string]func(p *experiment.Part){
		"cut.part":  func(p *experiment.Part) { p.Results[1].Values = p.Results[1].Values[:3] },
		"huge.part": func(p *experiment.Part) { p.Results[0].Posts[0].QueueMean = 1e308 },
	} {
		p, err := experiment.NewPart(w, whole, results, version())
		if err != nil {
			t.Fatal(err)
		}
		res := *p.Results[0]
		res.Posts = append([]compound.PostResult(nil), res.Posts...)
		res2 := *p.Results[1]
		p.Results = []*compound.Result{&res, &res2}
		damage(p)
		file := filepath.Join(dir, name)
		if err := putFile(file, nil, p.Write); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "report-"+name)
		code, stdout, stderr := cordon("merge", file, "--out", out)
		if code != exitBadInput || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "cordon: "+file+": a damaged cordon part: unit ") {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", name, code, stderr, stdout)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: a report was written", name)
		}
		// In Chinese the frame is Chinese: the unit, its scenario and
		// replication, and what is wrong with the figure.
		want := map[string]string{"cut.part": "：分片文件已损坏：单元1（day-one，重复运行1）：3个指标值，应为",
			"huge.part": "：分片文件已损坏：单元0（day-one，重复运行0）：岗位0（gate-crew）的 mean queue 为1e+308，超过上限1e+12"}[name]
		code, _, stderr = cordon("merge", "--lang", "zh", file, "--out", out)
		if code != exitBadInput || !strings.Contains(stderr, want) {
			t.Errorf("%s in Chinese: exit %d, stderr %q, want %q", name, code, stderr, want)
		}
		for _, en := range []string{"damaged", "unit", "replication", "post", "want", "below", "beyond"} {
			if strings.Contains(stderr, en) {
				t.Errorf("%s in Chinese: English %q left in %q", name, en, stderr)
			}
		}
	}
	// A part cut short after its head, read well, and some of its units:
	// found when the merge reaches its end.
	p, err := experiment.NewPart(w, whole, results, version())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "short.part")
	if err := os.WriteFile(file, buf.Bytes()[:buf.Len()*3/4], 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report-short")
	code, stdout, stderr := cordon("merge", file, "--out", out)
	if code != exitBadInput || stderr != "cordon: "+file+": a truncated cordon part: the file ends too soon (was its shard stopped while writing?)\n" {
		t.Errorf("short.part: exit %d, stderr %q, stdout %q", code, stderr, stdout)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("short.part: a report was written")
	}
}
