package main

import (
	"bufio"
	"bytes"
	"io"
)

// resultUsage is the usage of -o on a command that prints a result.
const resultUsage = "how to print the result: table (for people), json (the result document, as the report folder holds it) or csv (its main table)"

// result is what a command prints, in each of the formats -o offers: its
// tables for people, its result document as JSON (the same bytes as the
// document in its report folder) and its main table as CSV (a header,
// then one row per KPI, step, change, ...).
type result struct {
	table func(io.Writer) error
	json  func() ([]byte, error)
	csv   func() []byte
	// writeJSON, when not nil, writes the JSON as it is made instead of
	// json: for a document that grows with the replications.
	writeJSON func(io.Writer) error
}

// print writes r on the command's output in the format o chose; a table
// with its bad results in colour when std.color says so.
func (o outputFlags) print(std *streams, r result) error {
	w := std.out
	switch o.format {
	case "json":
		if r.writeJSON != nil {
			bw := bufio.NewWriter(w)
			if err := r.writeJSON(bw); err != nil {
				return err
			}
			return bw.Flush()
		}
		b, err := r.json()
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	case "csv":
		_, err := w.Write(r.csv())
		return err
	}
	if !std.color {
		return r.table(w)
	}
	var buf bytes.Buffer
	if err := r.table(&buf); err != nil {
		return err
	}
	_, err := w.Write(colorBad(buf.Bytes()))
	return err
}

// machine reports whether the result goes to a program (JSON or CSV)
// rather than to people.
func (o outputFlags) machine() bool { return o.format != "table" }
