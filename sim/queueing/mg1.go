package queueing

// MG1 is an M/G/1 queue: Poisson arrivals at rate Lambda and one server
// whose service time has mean MeanService and variance VarService (any
// distribution). M/D/1 is VarService = 0; M/M/1 is VarService =
// MeanService².
type MG1 struct {
	Lambda, MeanService, VarService float64
}

// Validate reports whether q is well formed and stable: Lambda finite and
// >= 0, MeanService finite and > 0, VarService finite and >= 0, ρ < 1.
func (q MG1) Validate() error {
	if err := nonNegative("mg1", "lambda", q.Lambda); err != nil {
		return err
	}
	if err := positive("mg1", "mean service", q.MeanService); err != nil {
		return err
	}
	if err := nonNegative("mg1", "service variance", q.VarService); err != nil {
		return err
	}
	if rho := q.Rho(); rho >= 1 {
		return unstable("mg1", rho)
	}
	return nil
}

// Rho returns the utilisation Lambda·MeanService. It does not validate q.
func (q MG1) Rho() float64 { return q.Lambda * q.MeanService }

// Wq returns the Pollaczek–Khinchine mean wait in queue,
// Lambda·E[S²] / (2(1-ρ)) with E[S²] = VarService + MeanService².
func (q MG1) Wq() (float64, error) {
	if err := q.Validate(); err != nil {
		return 0, err
	}
	s2 := q.VarService + q.MeanService*q.MeanService
	return q.Lambda * s2 / (2 * (1 - q.Rho())), nil
}

// Lq returns the mean number waiting, (ρ² + Lambda²·VarService) / (2(1-ρ)).
func (q MG1) Lq() (float64, error) {
	if err := q.Validate(); err != nil {
		return 0, err
	}
	rho := q.Rho()
	return (rho*rho + q.Lambda*q.Lambda*q.VarService) / (2 * (1 - rho)), nil
}

// W returns the mean time in system, Wq + MeanService.
func (q MG1) W() (float64, error) {
	wq, err := q.Wq()
	if err != nil {
		return 0, err
	}
	return wq + q.MeanService, nil
}

// L returns the mean number in system, Lq + ρ.
func (q MG1) L() (float64, error) {
	lq, err := q.Lq()
	if err != nil {
		return 0, err
	}
	return lq + q.Rho(), nil
}
