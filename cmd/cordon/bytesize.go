package main

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// byteSize is a flag's amount of memory: bytes, or a number with a unit
// as a planner or a cluster's manifest writes it: 2GiB, 1.5GB, 512Mi,
// 800M. Units of 1024 end in i or iB (Ki, KiB, Mi, Gi, Ti), units of
// 1000 do not (K, KB, M, MB, G, GB, T, TB); B and no unit are bytes.
type byteSize int64

// byteUnits are the units byteSize reads, by their names in upper case.
var byteUnits = map[string]float64{
	"": 1, "B": 1,
	"K": 1e3, "KB": 1e3, "KI": 1 << 10, "KIB": 1 << 10,
	"M": 1e6, "MB": 1e6, "MI": 1 << 20, "MIB": 1 << 20,
	"G": 1e9, "GB": 1e9, "GI": 1 << 30, "GIB": 1 << 30,
	"T": 1e12, "TB": 1e12, "TI": 1 << 40, "TIB": 1 << 40,
}

// errByteSize is what a value byteSize cannot read is told.
var errByteSize = errors.New("expected an amount of memory such as 2GiB, 512MB or 2000000000 (bytes)")

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

// Type names the value in the help: --max-memory SIZE.
func (b *byteSize) Type() string { return "SIZE" }

// Set reads s.
func (b *byteSize) Set(s string) error {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end < 0 {
		end = len(s)
	}
	unit, ok := byteUnits[strings.ToUpper(strings.TrimSpace(s[end:]))]
	if !ok || end == 0 {
		return errByteSize
	}
	n, err := strconv.ParseFloat(s[:end], 64)
	if err != nil {
		return errByteSize
	}
	v := math.Round(n * unit)
	if !(v >= 0 && v < math.MaxInt64) {
		return errByteSize
	}
	*b = byteSize(v)
	return nil
}
