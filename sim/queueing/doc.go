// Package queueing is the closed-form queueing theory cordon checks its
// simulation kernel against (sim/validation, and the model's validation
// scenarios): exact steady-state results for the textbook queues, and the
// staffing bounds derived from them.
//
// # Models and formulas
//
// Notation: λ arrival rate, μ service rate per server, c servers,
// a = λ/μ the offered load in Erlangs, ρ = a/c the utilisation.
//
//   - Erlang B (M/M/c/c loss probability), by the stable recurrence
//     B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1)); no factorials, so it is
//     accurate for hundreds of servers. See [ErlangB].
//   - Erlang C (M/M/c probability of waiting), from Erlang B:
//     C = c·B / (c - a·(1-B)), defined for a < c. See [ErlangC].
//   - M/M/c ([MMc]): Wq = C/(cμ - λ), Lq = C·ρ/(1-ρ), W = Wq + 1/μ,
//     L = Lq + a; FIFO waiting-time tail P(Wq > t) = C·e^{-(cμ-λ)t}, whose
//     p-quantile is ln(C/(1-p))/(cμ-λ), or 0 when 1-p >= C.
//   - M/M/c/K ([MMcK], [MM1K]): birth–death stationary distribution
//     p_n ∝ a^n/n! for n <= c and ∝ a^c/c!·ρ^{n-c} for c < n <= K, built by
//     ratios from its mode so nothing overflows; blocking p_K, throughput
//     λ(1-p_K), W = L/throughput and Wq = Lq/throughput (Little's law).
//   - Erlang A, M/M/c+M ([MMcA]): customers leave the queue after an
//     exponential patience of rate θ; the birth–death chain with death
//     rate min(n,c)μ + max(n-c,0)θ, built in logarithms and cut at e^-60
//     of its largest term; P(abandon) = θ·Lq/λ, Wq = Lq/λ (every arrival,
//     served or not), utilisation E[min(N,c)]/c. Stable at any load.
//   - M/G/1 ([MG1]), Pollaczek–Khinchine mean-value formula:
//     Wq = λ·E[S²] / (2(1-ρ)) with E[S²] = Var[S] + E[S]², ρ = λE[S];
//     Lq = (ρ² + λ²Var[S]) / (2(1-ρ)), W = Wq + E[S], L = Lq + ρ.
//     M/D/1 is the case Var[S] = 0.
//   - Open Jackson network ([Jackson]): the traffic equations
//     λ = γ + Pᵀλ, solved as (I - Pᵀ)λ = γ; by Jackson's theorem each
//     station then behaves as an independent M/M/c with arrival rate λ_k, and
//     the mean sojourn time per external arrival is Σ L_k / Σ γ_k (Little).
//   - Offered load ([OfferedLoad]) = rate × mean service time; the least
//     stable server count ([MinStable]) is the least integer c > load.
//   - Staffing ([MinServers], [MinServersForQuantile]): the least c whose
//     M/M/c mean wait, or wait quantile, meets a target, by a linear search
//     that carries the Erlang B recurrence along.
//
// # Conventions
//
// Rates and times are in whatever unit the caller uses consistently (per
// second in cordon). Functions never panic on bad input: they return an error
// that names the offending parameter and says what was expected. Errors for
// an unstable queue wrap [ErrUnstable]. Stations of a [Jackson] network are
// numbered from 0.
//
// The package keeps no state; every value is safe for concurrent use.
package queueing
