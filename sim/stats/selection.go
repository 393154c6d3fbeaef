package stats

import (
	"math/bits"
	"slices"
)

// An order statistic is found by selection, not by sorting: quickselect
// with a median-of-three pivot partitions the values in place until the
// wanted position holds the value a full sort would put there, in time
// proportional to the number of values (a sort of the range is the
// fallback after too many poor pivots, so the worst case is n log n).
//
// After a selection of position k every value left of k is <= the value at
// k and every value right of it >= it, so k holds its sorted value for
// good; the positions found so far (fixed) bracket the next search, and a
// second quantile of the same values costs the part between them.

// maxFixed bounds the positions remembered between two changes of the
// values; a quantile past it is still exact, only not remembered.
const maxFixed = 16

// orderStat returns the value at position k of v in ascending order,
// partly reordering v. fixed lists positions already holding their sorted
// value, ascending; k is added to it.
func orderStat(v []float64, k int, fixed *[]int) float64 {
	lo, hi := 0, len(v)-1
	at := len(*fixed) // where k goes in fixed
	for i, f := range *fixed {
		if f == k {
			return v[k]
		}
		if f < k {
			lo = f + 1
		} else {
			hi, at = f-1, i
			break
		}
	}
	x := selectK(v, lo, hi, k)
	if len(*fixed) < maxFixed {
		*fixed = slices.Insert(*fixed, at, k)
	}
	return x
}

// selectK places at position k of v[lo..hi] the value sorting that range
// would put there, with every value before it <= it and every value after
// it >= it, and returns it. lo <= k <= hi.
func selectK(v []float64, lo, hi, k int) float64 {
	budget := 2 * bits.Len(uint(hi-lo+1))
	for hi-lo > 16 {
		if budget == 0 {
			slices.Sort(v[lo : hi+1])
			return v[k]
		}
		budget--
		i, j := partition(v, lo, hi)
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default: // j < k < i: between the two, every value equals the pivot
			return v[k]
		}
	}
	insertionSort(v[lo : hi+1])
	return v[k]
}

// partition splits v[lo..hi] (more than two values) around a median-of-three
// pivot, Hoare's way: afterwards v[lo..j] <= pivot <= v[i..hi], every value
// strictly between j and i equals the pivot, and lo <= j < i <= hi.
func partition(v []float64, lo, hi int) (i, j int) {
	m := int(uint(lo+hi) >> 1)
	// Order v[lo], v[m], v[hi]: the median lands at m, and the ends act as
	// sentinels for the scans.
	if v[m] < v[lo] {
		v[m], v[lo] = v[lo], v[m]
	}
	if v[hi] < v[m] {
		v[hi], v[m] = v[m], v[hi]
		if v[m] < v[lo] {
			v[m], v[lo] = v[lo], v[m]
		}
	}
	p := v[m]
	i, j = lo, hi
	for {
		i++
		for v[i] < p {
			i++
		}
		j--
		for p < v[j] {
			j--
		}
		if i >= j {
			break
		}
		v[i], v[j] = v[j], v[i]
	}
	if i == j {
		// v[i] is the pivot's value and sits between the two sides.
		return i + 1, j - 1
	}
	return i, j
}

func insertionSort(v []float64) {
	for i := 1; i < len(v); i++ {
		x := v[i]
		j := i
		for ; j > 0 && x < v[j-1]; j-- {
			v[j] = v[j-1]
		}
		v[j] = x
	}
}
