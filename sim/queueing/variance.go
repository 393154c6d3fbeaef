package queueing

// LogNormalVariance returns the variance of a log-normal service time given,
// as the simulator parameterises it, by its own mean and standard deviation
// (not those of the underlying normal): sd². The mean does not enter; it is
// a parameter so that call sites read like the distribution they describe.
func LogNormalVariance(mean, sd float64) float64 { return sd * sd }

// ExponentialVariance returns the variance of an exponential service time
// with the given mean: mean².
func ExponentialVariance(mean float64) float64 { return mean * mean }
