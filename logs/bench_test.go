package logs_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"cordon/logs"
)

// BenchmarkReadArrivals reads a log of 100,000 arrivals over the day.
func BenchmarkReadArrivals(b *testing.B) {
	sc := dayOne(b)
	const n = 100_000
	day := shanghai(sc)
	var sb strings.Builder
	sb.WriteString("# synthetic: the benchmark's\ntime,kind,building,zone,batch,id\n")
	for i := range n {
		at := day.Time(float64(i) * 86000 / n).Round(time.Millisecond)
		fmt.Fprintf(&sb, "%s,%s,%d,,drop-%d,item-%d\n", at.Format("2006-01-02T15:04:05.000Z07:00"), sc.Kinds[i%len(sc.Kinds)].Name, 1+i%len(sc.Buildings), i/10, i)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		got, err := logs.ReadArrivals(context.Background(), "arrivals.csv", strings.NewReader(text), sc, logs.Options{})
		if err != nil || len(got.Rows) != n {
			b.Fatalf("%d rows, %v", len(got.Rows), err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
