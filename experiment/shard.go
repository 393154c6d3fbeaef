package experiment

import (
	"fmt"
	"strconv"
	"strings"
)

// PartName is the file a shard writes its part to unless told otherwise.
func (s Shard) PartName() string {
	return fmt.Sprintf("cordon-part-%d-of-%d.part", s.Index, s.Count)
}

// ParseShard parses a shard written I/N (shard I of N, from 0).
func ParseShard(text string) (Shard, error) {
	i, n, ok := strings.Cut(text, "/")
	if !ok {
		return Shard{}, fmt.Errorf("want I/N (shard I of N, from 0) or auto")
	}
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("want I/N with whole numbers, such as 0/4")
	}
	s := Shard{Index: index, Count: count}
	return s, s.Check()
}

// ShardFromEnv finds the shard of a Kubernetes Indexed Job's pod
// (JOB_COMPLETION_INDEX, with count or CORDON_SHARDS) or of a Slurm array
// task (SLURM_ARRAY_TASK_ID, _MIN, _STEP, _COUNT) from the environment
// variables getenv reads. count, when not 0, is the number of shards.
func ShardFromEnv(getenv func(string) string, count int) (Shard, error) {
	num := func(name string) (int, bool, error) {
		v := getenv(name)
		if v == "" {
			return 0, false, nil
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			return 0, true, fmt.Errorf("%s=%q is not a number", name, v)
		}
		return n, true, nil
	}
	if index, ok, err := num("JOB_COMPLETION_INDEX"); ok || err != nil {
		if err != nil {
			return Shard{}, err
		}
		if count == 0 {
			c, ok, err := num("CORDON_SHARDS")
			if err != nil {
				return Shard{}, err
			}
			if !ok {
				return Shard{}, fmt.Errorf("a Kubernetes Indexed Job (JOB_COMPLETION_INDEX=%d) needs the number of shards: --shards N or CORDON_SHARDS, the job's completions", index)
			}
			count = c
		}
		s := Shard{Index: index, Count: count}
		if err := s.Check(); err != nil {
			return s, fmt.Errorf("JOB_COMPLETION_INDEX=%d is not a shard of %d: make --shards the job's completions", index, count)
		}
		return s, nil
	}
	id, ok, err := num("SLURM_ARRAY_TASK_ID")
	if err != nil {
		return Shard{}, err
	}
	if !ok {
		return Shard{}, fmt.Errorf("neither JOB_COMPLETION_INDEX (Kubernetes) nor SLURM_ARRAY_TASK_ID (Slurm) is set: give the shard as I/N")
	}
	first, _, err := num("SLURM_ARRAY_TASK_MIN")
	if err != nil {
		return Shard{}, err
	}
	step, hasStep, err := num("SLURM_ARRAY_TASK_STEP")
	if err != nil {
		return Shard{}, err
	}
	if !hasStep || step == 0 {
		step = 1
	}
	if count == 0 {
		c, ok, err := num("SLURM_ARRAY_TASK_COUNT")
		if err != nil {
			return Shard{}, err
		}
		if !ok {
			return Shard{}, fmt.Errorf("SLURM_ARRAY_TASK_COUNT is not set: give --shards N")
		}
		count = c
	}
	if id < first || (id-first)%step != 0 {
		return Shard{}, fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is not in the array from %d by %d", id, first, step)
	}
	s := Shard{Index: (id - first) / step, Count: count}
	if err := s.Check(); err != nil {
		return s, fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is task %d of the array, but it has %d: use --array=0-%d", id, s.Index, count, count-1)
	}
	return s, nil
}
