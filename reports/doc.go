// Package reports turns the outcome of a command into what people and
// scripts read: the documents (results.json and --json, comparison.json,
// plan.json, review.json, ...), the tables on the terminal, and the report
// folder with its plots. It runs no simulation.
//
// A report folder is a Report (report.go): each command's (RunReport,
// ComparisonReport, SweepReport, MarginalReport, PlanReport,
// SensitivityReport, ReviewReport) says what goes in it, its files, plots
// and page; Report.Write, the one routine for them all, writes it whole or
// not at all (Folder), and only where cordon may (Dest).
//
// A figure is a Plot, made in two steps in its plot_*.go: choosing what it
// shows from the results (in the axis' units, with what was left out and
// why, for the caption), then drawing that with gonum/plot: horizontal
// plotter.BarChart for charts of rows and XErrorBars for their intervals
// (plot_bars.go), HeatMap and ColorBar for heat maps, Legend for keys
// (plot_legend.go), in the style of plot_style.go. Where gonum/plot has
// nothing that does the job, the type says why. A new figure is a new
// plot_*.go and one line in the list of its report (RunPlots, ReviewPlots,
// MarginalPlots, ...).
package reports
