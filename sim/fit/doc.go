// Package fit fits the service and walking time distributions that cordon
// samples to observed durations, by maximum likelihood, and says how well
// each fits: for a post-incident review, to turn logged times into the
// [random.Spec] a scenario uses.
//
// Each family has its fitter, which returns a [Fit]: the Spec in cordon's
// own parameters, the log-likelihood, the Kolmogorov–Smirnov statistic
// against the fitted CDF and its p-value. [Best] fits every family that
// applies and ranks them; [Choose] does so for one step's durations and
// chooses the family with the smallest KS (a [Step]), saying when even
// that one is rejected.
//
// # Estimators
//
// With n samples x, their mean m and y = log x:
//
//   - [Exponential]: mean = m.
//     ℓ = −n·log m − n.
//   - [LogNormal]: mu = mean(y), sigma² = Σ(y − mu)²/n; the Spec carries
//     mean = exp(mu + sigma²/2) and sd = mean·sqrt(exp(sigma²) − 1).
//     ℓ = −Σy − n·log sigma − (n/2)·(1 + log 2π).
//   - [Gamma]: mean = m; the shape k solves log k − ψ(k) = log m − mean(y)
//     (Newton's method from Minka's approximation), the rate is k/m and the
//     Spec carries cv = 1/√k.
//     ℓ = n·(k·log(k/m) − log Γ(k) − k) + (k − 1)·Σy.
//   - [Weibull]: the shape k solves Σxᵏ·y/Σxᵏ − 1/k − mean(y) = 0 (Newton's
//     method inside a shrinking bracket), and the scale is
//     λ = (Σxᵏ/n)^(1/k).
//     ℓ = n·(log k − k·log λ − 1) + (k − 1)·Σy.
//   - [Normal]: mean = m, sd = sqrt(Σ(x − m)²/n), the plain normal's
//     estimates, although cordon's simulator truncates the normal at zero
//     (see [Normal]).
//     ℓ = −n·log sd − (n/2)·(1 + log 2π).
//
// Each ℓ is the log-likelihood Σ log f(x) at the fit, simplified with the
// equations the estimates satisfy. The variances use the divisor n, as
// maximum likelihood has it, not n − 1.
//
// # Goodness of fit
//
// KS is the one-sample Kolmogorov–Smirnov statistic
//
//	D = sup |F_n(t) − F(t)| = max over i of max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n)
//
// for the empirical CDF F_n of the sorted samples x₍₁₎ ≤ … ≤ x₍ₙ₎ and the
// fitted CDF F, exact at the jumps of F_n. PValue is P(K > √n·D) for the
// asymptotic Kolmogorov distribution, P(K > λ) = 2 Σ (−1)^(j−1)·exp(−2j²λ²).
// That law holds for a CDF fixed in advance. Here F was fitted to the same
// samples, so D runs smaller than it would against the truth and the
// p-value larger: it is conservative and approximate (the Lilliefors
// problem), fine for spotting a family that plainly does not fit, not an
// exact test. At the 1% level, D above 1.63/√n rejects even so.
//
// # Samples
//
// Samples are durations: finite and >= 0. A fitter returns an error naming
// the problem for fewer than 2 samples, a sample that is NaN, infinite or
// negative, all samples equal (no spread to fit), and, for the families on
// (0, ∞) — lognormal, gamma, Weibull — zero samples, saying how many. Times
// logged to the second may hold zeros and ties: the exponential and the
// normal take the zeros, and ties are handled exactly by the KS statistic
// (though the KS p-value assumes a continuous sample).
//
// The fitters do not modify their input, keep no state and draw no random
// numbers.
package fit
