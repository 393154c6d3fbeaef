package reports

import (
	"context"
	"errors"
	"fmt"

	"cordon/experiment"
)

// ReviewFiles lists the files of a review's report folder.
const ReviewFiles = "index.html, summary.md, results.json, replications.csv, review.json, hours.csv and plots/*.png, *.svg"

// WriteReview writes the report folder of a post-incident review to dir,
// whole or not at all, the same kind of folder as a run's: results.json and
// replications.csv of the replay, review.json (the observed day beside the
// replay, the observed KPIs, where the time went, the change), hours.csv,
// summary.md, index.html, and every plot as PNG and SVG under plots/: the
// review's first, then the replay's own.
func WriteReview(ctx context.Context, dest Dest, r *experiment.Review, src ReviewSources) error {
	if r == nil || r.Replay == nil || r.Replay.Scenario == nil {
		return errors.New("review report: no replay")
	}
	review, err := ReviewPlots(r)
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	run, err := RunPlots(r.Replay)
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	plots := append(review, run...)
	f, err := NewFolder(ctx, dest)
	if err != nil {
		return err
	}
	defer f.Discard()
	if err := f.WriteJSON("results.json", NewResults(r.Replay)); err != nil {
		return err
	}
	if err := f.Write("replications.csv", ReplicationsCSV(r.Replay)); err != nil {
		return err
	}
	if err := f.WriteJSON("review.json", NewReviewResults(r, src)); err != nil {
		return err
	}
	if err := f.Write("hours.csv", HoursCSV(r)); err != nil {
		return err
	}
	if err := f.Write("summary.md", reviewMarkdown(r, src, plots)); err != nil {
		return err
	}
	figs, err := writePlots(ctx, f, plots)
	if err != nil {
		return err
	}
	p := runPage(r.Replay, nil, figs)
	p.Title = "review of a logged day: " + r.Replay.Scenario.Name
	p.Lines = append(p.Lines, "A logged day replayed: "+reviewHeader(r, src))
	p.Files = ReviewFiles
	p.Lead = reviewTables(r, src, true)
	return finish(ctx, f, p)
}
