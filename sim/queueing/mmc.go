package queueing

import (
	"fmt"
	"math"
)

// MMc is an M/M/c queue: Poisson arrivals at rate Lambda, exponential service
// at rate Mu per server, C servers, FIFO, infinite room.
type MMc struct {
	Lambda, Mu float64
	C          int
}

// Validate reports whether q is a well-formed, stable queue: Lambda finite
// and >= 0, Mu finite and > 0, C >= 1 and utilisation < 1.
func (q MMc) Validate() error {
	if err := nonNegative("mmc", "lambda", q.Lambda); err != nil {
		return err
	}
	if err := positive("mmc", "mu", q.Mu); err != nil {
		return err
	}
	if q.C < 1 {
		return fmt.Errorf("mmc: servers must be >= 1, got %d", q.C)
	}
	if rho := q.Rho(); rho >= 1 {
		return unstable("mmc", rho)
	}
	return nil
}

// Rho returns the utilisation Lambda / (C·Mu). It does not validate q.
func (q MMc) Rho() float64 { return q.Lambda / (float64(q.C) * q.Mu) }

// OfferedLoad returns a = Lambda/Mu in Erlangs. It does not validate q.
func (q MMc) OfferedLoad() float64 { return q.Lambda / q.Mu }

// ProbWait returns the Erlang C probability that an arrival waits.
func (q MMc) ProbWait() (float64, error) {
	if err := q.Validate(); err != nil {
		return 0, err
	}
	a := q.OfferedLoad()
	return erlangCFromB(q.C, a, erlangB(q.C, a)), nil
}

// Wq returns the mean wait in queue, C(c,a) / (c·Mu - Lambda).
func (q MMc) Wq() (float64, error) {
	cw, err := q.ProbWait()
	if err != nil {
		return 0, err
	}
	return q.wq(cw), nil
}

// Lq returns the mean number waiting, C(c,a)·ρ/(1-ρ).
func (q MMc) Lq() (float64, error) {
	cw, err := q.ProbWait()
	if err != nil {
		return 0, err
	}
	rho := q.Rho()
	return cw * rho / (1 - rho), nil
}

// W returns the mean time in system, Wq + 1/Mu.
func (q MMc) W() (float64, error) {
	wq, err := q.Wq()
	if err != nil {
		return 0, err
	}
	return wq + 1/q.Mu, nil
}

// L returns the mean number in system, Lq + Lambda/Mu.
func (q MMc) L() (float64, error) {
	lq, err := q.Lq()
	if err != nil {
		return 0, err
	}
	return lq + q.OfferedLoad(), nil
}

// WaitQuantile returns the p-quantile (0 <= p < 1) of the FIFO waiting time
// in queue: the least t with P(Wq > t) = C·exp(-(c·Mu-Lambda)·t) <= 1-p. It
// is 0 when p <= 1-C, since that share of arrivals does not wait at all.
func (q MMc) WaitQuantile(p float64) (float64, error) {
	if err := probability("mmc", "quantile p", p); err != nil {
		return 0, err
	}
	cw, err := q.ProbWait()
	if err != nil {
		return 0, err
	}
	return q.waitQuantile(cw, p), nil
}

// ProbWaitExceeds returns P(Wq > t) = C·exp(-(c·Mu-Lambda)·t) for t >= 0
// (t may be +Inf).
func (q MMc) ProbWaitExceeds(t float64) (float64, error) {
	if math.IsNaN(t) || t < 0 {
		return 0, fmt.Errorf("mmc: wait t must be >= 0, got %g", t)
	}
	cw, err := q.ProbWait()
	if err != nil {
		return 0, err
	}
	return cw * math.Exp(-q.decay()*t), nil
}

// decay is the rate c·Mu - Lambda of the exponential waiting-time tail.
func (q MMc) decay() float64 { return float64(q.C)*q.Mu - q.Lambda }

func (q MMc) wq(cw float64) float64 { return cw / q.decay() }

func (q MMc) waitQuantile(cw, p float64) float64 {
	if cw <= 1-p {
		return 0
	}
	return (math.Log(cw) - math.Log1p(-p)) / q.decay()
}
