package lang_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/experiment"
	"cordon/lang"
	"cordon/scenarios"
)

// TestUsageProblemsInChinese: the errors of a command line's values that
// package experiment and the report reader make (sweep's --vary, compare's
// --min-effect, --shard and the variables of a job array) are said in
// Chinese; package reports checks a results document's.
func TestUsageProblemsInChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	var msgs []string
	for _, vary := range []string{"gate.shelves", "gate.shelves=", "gate.shelves=1,,2", "gate.shelves=4..",
		"gate.open=10:00..14:00", "gate.open=10:00..14:00:0m", "gate.open=14:00..10:00:30m",
		"transfer.fill=10m..30m", "transfer.fill=10m..30m:0s", "gate.shelves=10..1", "gate.shelves=1..100000000", "gate.shelves=a..b"} {
		if _, err := experiment.ParseAxis(vary); err != nil {
			msgs = append(msgs, "--vary "+err.Error())
		} else {
			t.Errorf("--vary %s: no problem", vary)
		}
	}
	sc, err := scenarios.Resolve("baseline")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"-1", "foo", "durations=5%", "shares=5m", "shares=5", "rates=5m", "counts=5m", "nokpi=5"} {
		if _, err := experiment.ParseMinEffects([]string{m}, compound.Catalog(sc)); err != nil {
			msgs = append(msgs, err.Error())
		} else {
			t.Errorf("--min-effect %s: no problem", m)
		}
	}
	for _, shard := range []string{"x", "1/x", "5/4", "0/100000000"} {
		if _, err := experiment.ParseShard(shard); err != nil {
			msgs = append(msgs, "--shard "+shard+": "+err.Error())
		} else {
			t.Errorf("--shard %s: no problem", shard)
		}
	}
	for _, env := range []string{"", "JOB_COMPLETION_INDEX=1", "JOB_COMPLETION_INDEX=x", "SLURM_ARRAY_TASK_ID=1",
		"SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_COUNT=2 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_STEP=1",
		"SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=2 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_STEP=2"} {
		vars := map[string]string{}
		for _, kv := range strings.Fields(env) {
			k, v, _ := strings.Cut(kv, "=")
			vars[k] = v
		}
		if _, err := experiment.ShardFromEnv(func(k string) string { return vars[k] }, 0); err != nil {
			msgs = append(msgs, "--shard auto: "+err.Error())
		} else {
			t.Errorf("--shard auto with %q: no problem", env)
		}
	}
	if _, err := experiment.ShardFromEnv(func(k string) string { return map[string]string{"JOB_COMPLETION_INDEX": "5"}[k] }, 3); err != nil {
		msgs = append(msgs, "--shard auto: "+err.Error())
	}
	if len(msgs) < 30 {
		t.Fatalf("%d problems: %q", len(msgs), msgs)
	}
	for _, msg := range msgs {
		checkSaidInChinese(t, zh, msg)
	}
}
