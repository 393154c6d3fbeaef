package queueing

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// relNear reports |got-want| <= tol·max(|got|,|want|), or both tiny.
func relNear(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(math.Abs(got), math.Abs(want)) || math.Abs(got-want) < 1e-300
}

// genMMc draws a stable M/M/c queue, ρ <= 0.999.
func genMMc(t *rapid.T) MMc {
	c := rapid.IntRange(1, 300).Draw(t, "c")
	rho := rapid.Float64Range(0, 0.999).Draw(t, "rho")
	mu := rapid.Float64Range(1e-3, 1e3).Draw(t, "mu")
	return MMc{Lambda: rho * float64(c) * mu, Mu: mu, C: c}
}

func TestPropertyMMc(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := genMMc(t)
		vals := make(map[string]float64)
		for name, f := range map[string]func() (float64, error){
			"Wq": q.Wq, "Lq": q.Lq, "W": q.W, "L": q.L, "C": q.ProbWait,
		} {
			v, err := f()
			if err != nil {
				t.Fatalf("%+v: %s: %v", q, name, err)
			}
			if !finite(v) || v < 0 {
				t.Fatalf("%+v: %s = %g", q, name, v)
			}
			vals[name] = v
		}
		// Little's law, with Lq and L computed independently of Wq and W.
		if !relNear(vals["L"], q.Lambda*vals["W"], 1e-9) {
			t.Fatalf("%+v: L = %g, λW = %g", q, vals["L"], q.Lambda*vals["W"])
		}
		if !relNear(vals["Lq"], q.Lambda*vals["Wq"], 1e-9) {
			t.Fatalf("%+v: Lq = %g, λWq = %g", q, vals["Lq"], q.Lambda*vals["Wq"])
		}
		// Erlang B <= Erlang C <= 1.
		b, err := ErlangB(q.C, q.OfferedLoad())
		if err != nil {
			t.Fatal(err)
		}
		if !(b <= vals["C"] && vals["C"] <= 1) {
			t.Fatalf("%+v: B = %g, C = %g, want B <= C <= 1", q, b, vals["C"])
		}
		// One more server never lengthens the wait.
		more := q
		more.C++
		wq, err := more.Wq()
		if err != nil {
			t.Fatal(err)
		}
		if wq > vals["Wq"] {
			t.Fatalf("%+v: Wq rises from %g to %g with one more server", q, vals["Wq"], wq)
		}
		// The staffing search agrees with the queue it returns.
		if vals["Wq"] > 0 {
			c, err := MinServers(q.Lambda, q.Mu, vals["Wq"])
			if err != nil || c > q.C {
				t.Fatalf("%+v: MinServers(target Wq %g) = %d, %v; want <= %d", q, vals["Wq"], c, err, q.C)
			}
		}
	})
}

// TestPropertyMG1: Little's law holds for the P–K formulas, and more service
// variance never shortens the wait.
func TestPropertyMG1(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		mean := rapid.Float64Range(1e-3, 1e3).Draw(t, "mean")
		rho := rapid.Float64Range(0, 0.999).Draw(t, "rho")
		cv := rapid.Float64Range(0, 5).Draw(t, "cv")
		q := MG1{Lambda: rho / mean, MeanService: mean, VarService: (cv * mean) * (cv * mean)}
		wq, err1 := q.Wq()
		lq, err2 := q.Lq()
		w, err3 := q.W()
		l, err4 := q.L()
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			t.Fatalf("%+v: %v %v %v %v", q, err1, err2, err3, err4)
		}
		if !relNear(lq, q.Lambda*wq, 1e-9) || !relNear(l, q.Lambda*w, 1e-9) {
			t.Fatalf("%+v: Little fails: Lq=%g λWq=%g L=%g λW=%g", q, lq, q.Lambda*wq, l, q.Lambda*w)
		}
		q.VarService *= 2
		if wq2, _ := q.Wq(); wq2 < wq {
			t.Fatalf("%+v: Wq fell from %g to %g with more variance", q, wq, wq2)
		}
	})
}
