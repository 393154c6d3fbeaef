package compound

import (
	"runtime"
	"testing"
)

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestMemoryEstimates: Memory's estimate of a replication's model, with
// room for the entities it may hold, is at least what the model takes once
// run (its entities are kept for reuse), and the model alone is not more
// than four times that; the estimate of its result is at least what the
// result takes, and not more than four times as much. For small and large
// counts.
func TestMemoryEstimates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs large replications")
	}
	cases := map[string]func(sc *Scenario){
		"small":       func(*Scenario) {},
		"3 days":      func(sc *Scenario) { sc.Horizon.Days = 3 },
		"busy":        func(sc *Scenario) { sc.Kinds[0].PerDay *= 50; sc.Staff[0].Shifts[1].Count = 4 },
		"big space":   func(sc *Scenario) { sc.Disinfection.Space = 200_000 },
		"many carts":  func(sc *Scenario) { sc.Transfer.Carts = 20_000 },
		"many people": func(sc *Scenario) { widen(sc, 1); sc.Buildings[6].Residents = 50_000 },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			sc := small()
			change(sc)
			if errs := sc.Check(); len(errs) > 0 {
				t.Fatal(errs)
			}
			model, result := sc.Memory(Options{})
			withEntities := model + int64(sc.ExpectedEntities())*EntityBytes
			before := heapInUse()
			m, err := Build(sc, 0, Options{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := m.Run()
			if err != nil {
				t.Fatal(err)
			}
			ran := heapInUse() - before
			runtime.KeepAlive(m)
			m = nil
			kept := heapInUse() - before
			runtime.KeepAlive(res)
			t.Logf("model %d KB, estimated %d KB (%d KB with entities); result %d KB, estimated %d KB",
				ran>>10, model>>10, withEntities>>10, kept>>10, result>>10)
			if ran > withEntities || model > 4*ran {
				t.Errorf("a running model takes %d B, estimated %d B with its entities", ran, withEntities)
			}
			if kept > result || result > 4*kept {
				t.Errorf("a result takes %d B, estimated %d B", kept, result)
			}
		})
	}
}
