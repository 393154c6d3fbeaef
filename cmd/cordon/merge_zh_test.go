package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMergeProblemsInChinese: what merge says of parts that do not make a
// whole run (a shard missing, a shard twice, splits that differ, other
// work, a part cut short, a file that is no part) is said in Chinese with
// --lang zh: the file names and shard numbers kept, no English sentence
// left.
func TestMergeProblemsInChinese(t *testing.T) {
	dir := t.TempDir()
	mini := filepath.Join("..", "..", "scenarios", "testdata", "valid", "mini.yaml")
	part := func(name, shard, reps string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if code, _, errw := cordon("run", mini, "--reps", reps, "-q", "--marginal-reps", "0", "--shard", shard, "--part", path); code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errw)
		}
		return path
	}
	p0, p1, p2 := part("p0.part", "0/3", "3"), part("p1.part", "1/3", "3"), part("p2.part", "2/3", "3")
	dup, other, halves := part("dup.part", "2/3", "3"), part("other.part", "2/3", "4"), part("half.part", "1/2", "3")
	data, err := os.ReadFile(p1)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.part")
	notPart := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(cut, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notPart, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		parts []string
		zh    string
	}{
		{[]string{p1, p2}, "缺失：没有分片文件是分片0/3"},
		{[]string{p1, p2, dup}, "又是分片2/3"},
		{[]string{p1, halves}, "是分成2份中的分片1/2，但 " + p1 + " 是分成3份中的分片1/3"},
		{[]string{p1, other}, "与 " + p1 + " 不是同一项工作的分片（4次重复运行，而不是3次）"},
		{[]string{p0, cut, p2}, "分片文件不完整"},
		{[]string{notPart}, "不是 cordon 的分片文件"},
	} {
		code, _, errw := cordon(append([]string{"merge", "--lang", "zh", "--out", filepath.Join(dir, "m")}, c.parts...)...)
		if code != exitBadInput || !strings.Contains(errw, c.zh) {
			t.Errorf("merge %v: exit %d, stderr %q, want %q", c.parts, code, errw, c.zh)
		}
		for _, en := range []string{"missing", "again", "split", "other work", "replications", "truncated", "not a cordon part"} {
			if strings.Contains(errw, en) {
				t.Errorf("merge %v: English left in %q", c.parts, errw)
			}
		}
	}
}
