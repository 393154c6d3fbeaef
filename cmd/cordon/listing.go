package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"cordon/logs"
	"cordon/reports"
	"cordon/text"
)

// outputFlags choose how a listing is printed: a table for people, JSON or
// CSV for scripts.
type outputFlags struct {
	format    string
	json, csv bool
}

func (o *outputFlags) add(f *pflag.FlagSet) {
	o.addAs(f, "how to print it: table, json or csv")
}

// addAs adds -o with its usage, and --json and --csv.
func (o *outputFlags) addAs(f *pflag.FlagSet, usage string) {
	f.StringVarP(&o.format, "output", "o", "table", usage)
	f.BoolVar(&o.json, "json", false, "print JSON (the same as -o json)")
	f.BoolVar(&o.csv, "csv", false, "print CSV (the same as -o csv)")
}

// check validates the format.
func (o *outputFlags) check() error {
	if o.json && o.csv {
		return badInput(fmt.Errorf("give --json or --csv, not both"))
	}
	if o.json {
		o.format = "json"
	}
	if o.csv {
		o.format = "csv"
	}
	switch o.format {
	case "table", "json", "csv":
		return nil
	}
	return badInput(fmt.Errorf("-o %s: want table, json or csv", text.TermSafe(o.format)))
}

// listing is rows with named columns, printed as a table, JSON (an array of
// objects, one a row, keyed by the columns) or CSV (a header, then the
// rows; a cell a spreadsheet would run as a formula gets an apostrophe).
type listing struct {
	columns []string
	rows    [][]string
	// heads are the table's column heads in Chinese (--lang zh-CN), which
	// is then lined up for the width Chinese text takes; nil in English:
	// the columns' names. JSON and CSV are keyed by the columns' names.
	heads []string
	// shown writes a column's code (a unit, a direction) in words in the
	// Chinese table, by column; the JSON and CSV keep the code.
	shown map[int]func(string) string
}

// write prints the listing in the format o chose.
func (l listing) write(w io.Writer, o outputFlags) error {
	switch o.format {
	case "json":
		objs := make([]map[string]string, len(l.rows))
		for i, r := range l.rows {
			objs[i] = map[string]string{}
			for j, c := range l.columns {
				objs[i][c] = r[j]
			}
		}
		b, err := json.MarshalIndent(objs, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "csv":
		var buf bytes.Buffer
		cw := csv.NewWriter(&buf)
		cw.Write(l.columns)
		for _, r := range l.rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = logs.SafeCell(c)
			}
			cw.Write(cells)
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	if l.heads != nil {
		return l.writeWide(w)
	}
	tw := tabwriter.NewWriter(w, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(l.columns, "\t"))
	for _, r := range l.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = text.TermSafe(c)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// writeWide writes the listing as a table headed by its heads, its cells
// in words (shown), lined up for the width Chinese text takes.
func (l listing) writeWide(w io.Writer) error {
	rows := [][]string{l.heads}
	for _, r := range l.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			if show := l.shown[i]; show != nil {
				c = show(c)
			}
			cells[i] = text.TermSafe(c)
		}
		rows = append(rows, cells)
	}
	return reports.WriteColumns(w, rows)
}
