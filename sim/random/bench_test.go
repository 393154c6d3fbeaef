package random_test

import "testing"

// BenchmarkRand measures one draw of each test case's distribution.
func BenchmarkRand(b *testing.B) {
	for _, c := range distCases() {
		b.Run(c.name, func(b *testing.B) {
			d := newDist(b, c.spec, propSeed, c.name)
			b.ReportAllocs()
			for b.Loop() {
				d.Rand()
			}
		})
	}
}
