package reports

import (
	"context"
	"fmt"
	"io"

	"gonum.org/v1/plot/vg"
)

// Report is one report folder as a command makes it: the documents and
// tables it holds (results.json, a CSV, summary.md, ...), its plots, and
// index.html, the page that shows them. The functions that make one
// (RunReport, ComparisonReport, SweepReport, MarginalReport, PlanReport,
// SensitivityReport, ReviewReport) say what goes in it; Write, the same for
// every command, builds and writes it.
type Report struct {
	build func(w *Words) (*contents, error)
	words *Words // nil: English
}

// In returns the report written in w's language.
func (r Report) In(w *Words) Report {
	r.words = w
	return r
}

// contents is what a report folder holds: its files in the order they are
// written, its plots (each written as plots/NAME.png and .svg) and its page,
// whose figures are the plots.
type contents struct {
	files []file
	plots []Plot
	page  page
}

// file is one document or table of a report folder, made as it is written.
type file struct {
	name  string
	data  func() ([]byte, error)
	write func(io.Writer) error // instead of data: the file written as it is made
}

// jsonFile is a document of a report folder: results.json, plan.json, ...
func jsonFile(name string, d document) file {
	if s, ok := d.(streamed); ok {
		return file{name: name, write: s.WriteJSON}
	}
	return file{name: name, data: d.JSON}
}

// streamed is a document that writes itself (the same bytes as its JSON)
// without holding them whole: one that grows with the replications.
type streamed interface{ WriteJSON(io.Writer) error }

// rawFile is a file of a report folder made already: a CSV, summary.md.
func rawFile(name string, data []byte) file {
	return file{name: name, data: func() ([]byte, error) { return data, nil }}
}

// csvFile is a file of a report folder written as it is made, not held
// whole: replications.csv, which grows with the replications.
func csvFile(name string, write func(io.Writer) error) file {
	return file{name: name, write: write}
}

// plotsError says that the plots of a report could not be made.
func plotsError(err error) error { return fmt.Errorf("plots: %w", err) }

// Write writes the report folder to dest, whole or not at all (see Folder):
// its files, every plot as PNG and SVG under plots/ with its data as CSV, and index.html with the
// figures. Nothing is written when the report cannot be made.
func (r Report) Write(ctx context.Context, dest Dest) error {
	w := r.words
	if w == nil {
		w = English()
	}
	c, err := r.build(w)
	if err != nil {
		return err
	}
	f, err := NewFolder(ctx, dest)
	if err != nil {
		return err
	}
	defer f.Discard()
	for _, fl := range c.files {
		if fl.write != nil {
			if err := f.WriteFrom(fl.name, fl.write); err != nil {
				return err
			}
			continue
		}
		data, err := fl.data()
		if err != nil {
			return err
		}
		if err := f.Write(fl.name, data); err != nil {
			return err
		}
	}
	figs, err := writePlots(ctx, f, c.plots)
	if err != nil {
		return err
	}
	p := c.page
	p.Plots = figs
	return finish(ctx, f, p, w)
}

// writePlots renders every plot as PNG and SVG into plots/, with its data
// beside it as CSV (PlotCSV), and returns the figures for the page.
func writePlots(ctx context.Context, f *Folder, plots []Plot) ([]figure, error) {
	var figs []figure
	var r renderer
	for _, p := range plots {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		w, h := p.Size()
		png, svg, err := r.renderBoth(p.P, w, h)
		if err != nil {
			return nil, fmt.Errorf("plot %s: %w", p.Name, err)
		}
		if err := f.Write("plots/"+p.Name+".png", png); err != nil {
			return nil, err
		}
		if err := f.Write("plots/"+p.Name+".svg", svg); err != nil {
			return nil, err
		}
		if err := f.Write("plots/"+p.Name+".csv", PlotCSV(p)); err != nil {
			return nil, err
		}
		figs = append(figs, figure{Name: p.Name, Title: p.Title, Caption: p.Caption, Src: pngSrc(png),
			Width: int(float64(w/vg.Inch) * pngDPI), Height: int(float64(h/vg.Inch) * pngDPI)})
	}
	return figs, nil
}

// finish renders the page as index.html and puts the folder in place.
func finish(ctx context.Context, f *Folder, p page, w *Words) error {
	html, err := renderPage(p, w)
	if err != nil {
		return err
	}
	if err := f.Write("index.html", html); err != nil {
		return err
	}
	return f.Commit(ctx)
}
