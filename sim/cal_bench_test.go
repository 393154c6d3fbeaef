package sim

import (
	"math/rand/v2"
	"testing"
)

type nopHandler struct{}

func (nopHandler) Handle() {}

func BenchmarkCalendarHold(b *testing.B) {
	for _, n := range []int{6, 1000, 100000} {
		b.Run(itoa(n), func(b *testing.B) {
			var c calendar
			r := rand.New(rand.NewPCG(1, 2))
			h := nopHandler{}
			for range n {
				c.push(r.ExpFloat64(), 0, h)
			}
			b.ReportAllocs()
			for b.Loop() {
				t := c.pop().t
				c.push(t+r.ExpFloat64(), 0, h)
			}
		})
	}
}

func itoa(n int) string {
	s := ""
	for n > 0 || s == "" {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
