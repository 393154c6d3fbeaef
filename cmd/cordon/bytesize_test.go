package main

import "testing"

// TestByteSizeReadsUnits: bytes, units of 1000 (K, KB, M, ...) and of 1024
// (Ki, KiB, Mi, ...), in any case, with a decimal fraction; anything else,
// a negative amount and one past int64 are refused.
func TestByteSizeReadsUnits(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"0", 0}, {"100", 100}, {"2000000000", 2_000_000_000},
		{"512B", 512}, {"1K", 1000}, {"1kb", 1000}, {"1Ki", 1024}, {"1KiB", 1024},
		{"800M", 800_000_000}, {"512Mi", 512 << 20}, {"512MiB", 512 << 20},
		{"1.5GB", 1_500_000_000}, {"2GiB", 2 << 30}, {"2gi", 2 << 30}, {" 1 GiB ", 1 << 30},
		{"1T", 1e12}, {"1TiB", 1 << 40},
	} {
		var b byteSize
		if err := b.Set(c.in); err != nil || int64(b) != c.want {
			t.Errorf("%q: %d, %v; want %d", c.in, b, err, c.want)
		}
	}
	for _, in := range []string{"", "GB", "-1", "-1GB", "2GX", "1e9", "1..5G", "99999999999TiB", "NaN", "Inf"} {
		b := byteSize(7)
		if err := b.Set(in); err == nil || b != 7 {
			t.Errorf("%q: read as %d, err %v; want refused, the value left", in, b, err)
		}
	}
}
