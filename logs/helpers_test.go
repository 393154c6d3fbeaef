package logs_test

import (
	"context"
	"math"
	"sync"
	"testing"
	"time"

	"cordon/compound"
	"cordon/experiment"
	"cordon/logs"
	"cordon/scenarios"
)

// dayOne loads the built-in day-one scenario.
func dayOne(t testing.TB) *compound.Scenario {
	t.Helper()
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// recorded is the log of one replication of day-one, made once.
var recorded = sync.OnceValues(func() (*compound.Log, error) {
	sc, err := scenarios.Resolve("day-one")
	if err != nil {
		return nil, err
	}
	log, _, err := experiment.RecordLog(context.Background(), sc, 1)
	return log, err
})

// shanghai is 2021-11-25 in +08:00: the run starts there at clock.start.
func shanghai(sc *compound.Scenario) logs.Day {
	return logs.DayOf(sc, time.Date(2021, 11, 25, 0, 0, 0, 0, time.FixedZone("", 8*3600)))
}

// ms is a time in whole milliseconds.
func ms(s float64) int64 { return int64(math.Round(s * 1000)) }
