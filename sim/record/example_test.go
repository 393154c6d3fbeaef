package record_test

import (
	"fmt"

	"cordon/sim"
	"cordon/sim/record"
)

// A two-unit desk with three customers at time 0, served for 10, 20 and
// 5 s: the third waits 10 s for the first unit to come free.
func ExampleNewResource() {
	s := sim.New()
	desk := s.NewResource("desk", 2)
	rec := record.NewResource(desk, 0)
	for _, d := range []float64{10, 20, 5} {
		f := sim.NewFlow("customer").Then(sim.Seize(desk, 1), sim.Delay(sim.Constant(d)), sim.Release(desk, 1))
		s.Start(f, nil)
	}
	s.RunUntil(20)
	fmt.Printf("utilisation %.3f, mean queue %.2f, mean wait %.2f s over %d customers\n",
		rec.Utilisation(20), rec.Queue.Mean(20), rec.Wait.Mean(), rec.Granted)
	fmt.Println("busy seconds per unit:", rec.UnitBusy(20))
	// Output:
	// utilisation 0.875, mean queue 0.50, mean wait 3.33 s over 3 customers
	// busy seconds per unit: [15 20]
}

// A shelf of two places that turns items away when full: three items come
// at time 0 and a picker takes one every 10 s. The level is 2 until 10 s,
// 1 until 20 s and 0 after: a mean of 1 over 30 s; the two items stayed 10
// and 20 s.
func ExampleNewStore() {
	s := sim.New()
	shelf := s.NewStore("shelf", 2, true)
	rec := record.NewStore(shelf, 0)
	item := sim.NewFlow("item").Then(sim.Put(shelf, ""), sim.Park())
	for range 3 {
		s.Start(item, nil)
	}
	picker := sim.NewFlow("picker").Label("again").
		Then(sim.Delay(sim.Constant(10)), sim.Get(shelf, nil, 1, 0), sim.Drop(), sim.Goto("again"))
	s.Start(picker, nil)
	s.RunUntil(30)
	fmt.Printf("put %d, turned away %d, taken %d; mean level %.2f, mean stay %.0f s\n",
		rec.Put, rec.Rejected, rec.Taken, rec.Level.Mean(30), rec.Stay.Mean())
	// Output:
	// put 2, turned away 1, taken 2; mean level 1.00, mean stay 15 s
}
