package compound

import (
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkBuildCapacity builds one replication of the small scenario with
// a disinfection area of n places and reports the time and the memory per
// place: both stay flat as n grows when building a capacity takes linear
// time and space.
func BenchmarkBuildCapacity(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("space=%d", n), func(b *testing.B) {
			sc := small()
			sc.Disinfection.Space = n
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if _, err := Build(sc, 0, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			perBuild := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/unit")
			b.ReportMetric(perBuild/float64(n), "B/unit")
		})
	}
}
