package stats

import (
	"errors"

	"gonum.org/v1/gonum/stat"
)

// BatchMeans estimates a steady-state mean from one long run: it splits
// values into batches consecutive batches of equal size and summarises the
// batch means at the given confidence level. When len(values) is not a
// multiple of batches the remainder is dropped from the start, where the
// warm-up is. A batch holding a value that is not finite is excluded and
// counted in Missing. The Summary's Values are the batch means.
//
// It fails unless 2 <= batches <= len(values): a confidence interval needs
// at least two batches, and each batch at least one value.
func BatchMeans(values []float64, batches int, level float64) (Summary, error) {
	if batches < 2 || batches > len(values) {
		return Summary{}, errors.New("stats: batch means need 2 <= batches <= len(values)")
	}
	size := len(values) / batches
	values = values[len(values)-size*batches:]
	means := make([]float64, batches)
	for i := range means {
		means[i] = stat.Mean(values[i*size:(i+1)*size], nil)
	}
	return Summarize(means, level), nil
}
