package experiment_test

import (
	"cordon/experiment"
	"strings"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, c := range []struct {
		in   string
		want experiment.Shard
		err  string
	}{
		{"0/4", experiment.Shard{0, 4}, ""},
		{" 3 / 4 ", experiment.Shard{3, 4}, ""},
		{"4/4", experiment.Shard{}, "0 <= I < N"},
		{"1", experiment.Shard{}, "want I/N (shard I of N, from 0) or auto"},
		{"a/4", experiment.Shard{}, "whole numbers"},
		{"0/100001", experiment.Shard{}, "at most 100000 shards"},
	} {
		got, err := experiment.ParseShard(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("experiment.ParseShard(%q): error %v, want one saying %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("experiment.ParseShard(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestShardFromEnv(t *testing.T) {
	for _, c := range []struct {
		name  string
		env   map[string]string
		count int
		want  experiment.Shard
		err   string
	}{
		{"kubernetes with --shards", map[string]string{"JOB_COMPLETION_INDEX": "2"}, 5, experiment.Shard{2, 5}, ""},
		{"kubernetes with CORDON_SHARDS", map[string]string{"JOB_COMPLETION_INDEX": "2", "CORDON_SHARDS": "3"}, 0, experiment.Shard{2, 3}, ""},
		{"kubernetes without a count", map[string]string{"JOB_COMPLETION_INDEX": "2"}, 0, experiment.Shard{}, "needs the number of shards"},
		{"kubernetes index past the count", map[string]string{"JOB_COMPLETION_INDEX": "5"}, 5, experiment.Shard{}, "is not a shard of 5"},
		{"kubernetes index not a number", map[string]string{"JOB_COMPLETION_INDEX": "x"}, 5, experiment.Shard{}, `JOB_COMPLETION_INDEX="x" is not a number`},
		{"slurm from 1 by 2", map[string]string{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, experiment.Shard{2, 4}, ""},
		{"slurm off the step", map[string]string{"SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, experiment.Shard{}, "is not in the array from 1 by 2"},
		{"slurm without a count", map[string]string{"SLURM_ARRAY_TASK_ID": "0"}, 0, experiment.Shard{}, "SLURM_ARRAY_TASK_COUNT is not set"},
		{"slurm task past the count", map[string]string{"SLURM_ARRAY_TASK_ID": "3"}, 3, experiment.Shard{}, "use --array=0-2"},
		{"neither", nil, 0, experiment.Shard{}, "neither JOB_COMPLETION_INDEX"},
	} {
		got, err := experiment.ShardFromEnv(func(k string) string { return c.env[k] }, c.count)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want one saying %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
}
