package lang_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/lang"
	"cordon/logs"
	"cordon/scenarios"
)

// TestLogProblemsInChinese: every problem the log readers find in a bad
// log (a missing column of each kind of file, with its help; bad rows;
// bad headers; names the scenario does not have) is said in Chinese: no
// English word is left but the code names a user writes in the file.
func TestLogProblemsInChinese(t *testing.T) {
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	const ts = "2021-11-25T08:00:00+08:00"
	arr, ros := "time,kind,building,zone,id\n", "pool,start,end,count\n"
	bad := []struct{ file, text string }{
		// Every required column missing, so that its help is said.
		{"arrivals.csv", "date\n"},
		{"observed.csv", "date\n"},
		{"roster.csv", "date\n"},
		{"durations.csv", "building\n"},
		// Headers.
		{"arrivals.csv", ""},
		{"arrivals.csv", "time,knd\n"},
		{"durations.csv", "step,duration,operator\n"},
		{"roster.csv", "pool,start,from,end,count\n"},
		{"durations.csv", "step,duration\rgate.intake,23s\r"},
		{"durations.csv", "step,duration\ngate.intake,23s,24s\n"},
		{"durations.csv", "step,duration,\ngate.intake,23s,x\n"},
		{"durations.csv", "step,duration\ngate.intake,\"23s\n"},
		{"durations.csv", "step,duration\n" + strings.Repeat("x", 1<<20+1) + "\n"},
		{"durations.csv", "step,duration\n\"" + strings.Repeat("x", 1<<20+1) + "\n"},
		// Times.
		{"arrivals.csv", arr + "25/11/2021 08:13,express,7,,\n"},
		{"arrivals.csv", "date,time,tz,kind\n2021-11-31,08:13,+08:00,express\n"},
		{"arrivals.csv", "date,time,tz,kind\n2021-11-25,08:13,Asia/Shangai,express\n"},
		{"arrivals.csv", "date,time,kind\n2021-11-25,08:13,express\n"},
		{"arrivals.csv", "time,kind\n08:13,express\n"},
		{"arrivals.csv", arr + "2021-11-25T08:13,express,7,,\n"},
		{"arrivals.csv", arr + "2021-11-25,express,7,,\n"},
		{"arrivals.csv", arr + "0999-11-25T08:00:00+08:00,express,7,,\n"},
		{"arrivals.csv", arr + ",express,7,,\n"},
		{"arrivals.csv", arr + "2021-11-25T06:59:00+08:00,express,7,,\n2021-11-26T07:00:00+08:00,express,7,,\n"},
		// Names.
		{"arrivals.csv", arr + ts + ",takout,7,,\n" + ts + ",groceries,7,,\n" + ts + ",,7,,\n"},
		{"arrivals.csv", arr + ts + ",express,B7,,\n" + ts + ",express,Tower A,,\n" + ts + ",express,,zone 3,\n"},
		{"arrivals.csv", arr + ts + ",express,7,zone-3,\n" + ts + ",express,7,,A1\n" + ts + ",express,8,,A1\n"},
		{"roster.csv", ros + "gate-crw," + ts + ",2021-11-25T15:00:00+08:00,3\n"},
		{"roster.csv", ros + "police," + ts + ",2021-11-25T15:00:00+08:00,3\n," + ts + ",2021-11-25T15:00:00+08:00,3\n"},
		{"roster.csv", ros + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,-2\ngate-crew," + ts + ",2021-11-25T15:00:00+08:00,2.5\n"},
		{"roster.csv", ros + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,x\ngate-crew," + ts + ",2021-11-25T15:00:00+08:00,\n"},
		{"roster.csv", ros + "gate-crew," + ts + ",2021-11-25T15:00:00+08:00,99999999999\n"},
		{"roster.csv", ros + "gate-crew,2021-11-25T15:00:00+08:00," + ts + ",3\n"},
		{"roster.csv", "pool,date,from,to,tz,count\ngate-crew,2021-11-25,07:00,07:00,+08:00,3\n"},
		{"roster.csv", ros + "gate-crew," + ts + "," + ts + ",3\n"},
		{"roster.csv", ros + "gate-crew,2021-11-26T07:00:00+08:00,2021-11-26T15:00:00+08:00,3\n"},
		{"roster.csv", "pool,date,from,to,tz,count\ngate-crew,2021-11-24,23:00,07:00,+08:00,1\n"},
		{"observed.csv", "event,time,kind\ndeliverd," + ts + ",express\ndelivered," + ts + ",\n," + ts + ",\n"},
		{"observed.csv", "event,time,kind,id\nstaged," + ts + ",express,\n"},
		{"observed.csv", "event,time\nsampled," + ts + "\ndelivered," + ts + "\n"},
		// Durations.
		{"durations.csv", "step,duration\ngate.intake,fast\ngate.intake,-3s\ngate.intake,+Inf\n,23s\ngate.intake,\n"},
		{"durations.csv", "step,duration\n" + strings.Repeat("gate.intake,x\n", 205)},
	}
	zh := lang.New(language.SimplifiedChinese)
	allowed := codeNames(sc)
	seen := 0
	for _, b := range bad {
		for _, msg := range logProblems(t, sc, b.file, b.text) {
			seen++
			said := zh.Error(msg)
			if left := englishLeft(said, allowed); len(left) > 0 {
				t.Errorf("%s\n  is said %s\n  with English left: %q", msg, said, left)
			}
		}
	}
	if seen < len(bad) {
		t.Errorf("%d problems from %d bad logs: some log was read without one", seen, len(bad))
	}
}

// TestRecordableInChinese: a day cordon record cannot write is said in
// Chinese.
func TestRecordableInChinese(t *testing.T) {
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	zh := lang.New(language.SimplifiedChinese)
	for _, year := range []int{1, 9999} {
		err := logs.CheckRecordable(sc, logs.DayOf(sc, time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)))
		if err == nil {
			t.Fatalf("year %d: recordable", year)
		}
		if left := englishLeft(zh.Error(err.Error()), codeNames(sc)); len(left) > 0 {
			t.Errorf("%v\n  is said %s\n  with English left: %q", err, zh.Error(err.Error()), left)
		}
	}
}

// logProblems reads text as the log file named and returns its problems
// as the command line writes them, one a line.
func logProblems(t *testing.T, sc *compound.Scenario, file, text string) []string {
	t.Helper()
	ctx, r := context.Background(), strings.NewReader(text)
	opt := logs.Options{Day: new(logs.DayOf(sc, time.Date(2021, 11, 25, 0, 0, 0, 0, time.FixedZone("", 8*3600))))}
	var err error
	switch file {
	case "arrivals.csv":
		_, err = logs.ReadArrivals(ctx, file, r, sc, opt)
	case "observed.csv":
		_, err = logs.ReadObserved(ctx, file, r, sc, opt)
	case "roster.csv":
		_, err = logs.ReadRoster(ctx, file, r, sc, opt)
	default:
		_, err = logs.ReadDurations(ctx, file, r, opt)
	}
	var errs logs.Errors
	if !errors.As(err, &errs) {
		t.Errorf("%s %q: %v, not the log's problems", file, text, err)
		return nil
	}
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// codeNames are the words a log's problem may leave in English: the
// names the scenario and the log formats give, which a user writes as
// they are.
func codeNames(sc *compound.Scenario) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields("HH:MM YYYY-MM-DD Go LF CRLF Mac MiB UTC Z T Asia/Shanghai Options.MaxRows " +
		"delivered turned_away sampled date tz from to start end zone pool/zone step duration time kind id building batch " +
		"gate.intake delivery.door arrivals.csv observed.csv roster.csv durations.csv") {
		out[w] = true
	}
	for _, c := range logs.Checkpoints {
		out[c] = true
	}
	for _, k := range sc.Kinds {
		out[k.Name] = true
	}
	for _, z := range sc.Zones {
		out[z.Name] = true
	}
	for _, p := range sc.Staff {
		out[p.Name] = true
	}
	return out
}

// englishLeft lists the words of a log's problem msg, after its
// file:line: and field: and leaving out what it quotes, that are neither
// code names nor Chinese.
func englishLeft(msg string, allowed map[string]bool) []string {
	return wordsLeft(regexp.MustCompile(`^[^:]*:\d*:? (\w+: )?`).ReplaceAllString(msg, ""), allowed)
}

// wordsLeft lists the words of msg, leaving out what it quotes and the
// flags it names, that are neither code names nor Chinese.
func wordsLeft(msg string, allowed map[string]bool) []string {
	msg = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'`).ReplaceAllString(msg, "")
	var left []string
	for _, w := range regexp.MustCompile(`-{0,2}(?:[A-Za-z0-9][A-Za-z0-9_.:/+=<>-]*[A-Za-z0-9]|[A-Za-z])`).FindAllString(msg, -1) {
		w = strings.TrimRight(w, ":")
		if strings.HasPrefix(w, "-") {
			continue // a flag
		}
		if !allowed[w] && !regexp.MustCompile(`\d`).MatchString(w) && !allowed[strings.Split(w, "/")[0]] {
			left = append(left, w)
		}
	}
	return slices.Compact(left)
}

// TestCommandErrorsInChinese: the command line's own errors of its flags
// and arguments are said in Chinese, but for the flags, files and values
// a user types.
func TestCommandErrorsInChinese(t *testing.T) {
	zh := lang.New(language.SimplifiedChinese)
	allowed := map[string]bool{}
	for _, w := range strings.Fields("compare sweep fit replay plan record --variant NAME path=value --vary path=values --observed FILE step,duration " +
		"--arrivals --vs SCENARIO --set --only-given --target KPI<=VALUE --budget -o table json csv xml --json --csv --color auto always never --addr HOST:PORT " +
		"--from cordon scenarios --out --write --force --reps --jobs --max-events --max-entities --max-memory --min wait turn-away pile gate.when_full " +
		"durations.csv gate.intak gate.intake roomy baseline MiB KiB nope out.yaml r.json sometimes step duration gate.when_full=sometimes") {
		allowed[w] = true
	}
	for _, msg := range []string{
		"compare needs at least two scenarios: give two, or one and --variant 'NAME: path=value, ...'",
		"--variant roomy: baseline names another scenario of the comparison: give the variant a name of its own",
		"sweep needs at least one --vary path=values",
		"the grid has more than 10000 points",
		"fit needs --observed FILE: the durations to fit (step,duration; - reads stdin)",
		"--step gate.intak: durations.csv has no such step, did you mean gate.intake?",
		"--step nope: durations.csv has no such step (its steps: gate.intake)",
		"--step gate.intake: durations.csv has 1 sample of it: a fit needs at least 2",
		"--min must be at least 2 (a fit needs two samples), got 1",
		"replay needs --arrivals FILE: the items that arrived at the gate",
		"give the change as --vs SCENARIO or as --set path=value, not both",
		"--only-given leaves the scenario's targets out: give --target 'KPI<=VALUE'",
		"--budget must not be negative",
		"no plan meets every target",
		"-o xml: want table, json or csv",
		"give --json or --csv, not both",
		"--color sometimes: want auto, always or never",
		"--addr nope: want HOST:PORT, such as 127.0.0.1:8080",
		"--from nope: no such built-in scenario (cordon scenarios lists them)",
		"out.yaml exists: give another --out or --force",
		"out.yaml exists: give another name or --force",
		"r.json: no such file",
		"requires at least 1 arg(s), only received 0",
		"--set gate.when_full=sometimes: gate.when_full: must be one of wait, turn-away, pile, got \"sometimes\"",
		"2 of 3 scenarios could not be run (1 bad, 1 failed)",
		"--reps: run fewer replications (--reps) or fewer at once (--jobs)",
		"--max-events, --max-entities and --max-memory must be positive",
		"baseline: needs about 97 MiB of memory (2 replications keep 4 KiB of results each; 2 at once take 16 MiB each), more than the 0 KiB --max-memory allows: run fewer replications (--reps) or fewer at once (--jobs)",
		"baseline: needs about 97 MiB of memory (2 replications keep 4 KiB of results each; 2 at once take 16 MiB each), more than the 64 MiB this machine has available: run fewer replications (--reps) or fewer at once (--jobs)",
	} {
		said := zh.Error(msg)
		if left := wordsLeft(said, allowed); len(left) > 0 {
			t.Errorf("%s\n  is said %s\n  with English left: %q", msg, said, left)
		}
	}
}
