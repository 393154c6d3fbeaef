package reports

import (
	"errors"
	"io"

	"cordon/experiment"
)

// ReviewFiles lists the files of a review's report folder.
const ReviewFiles = "index.html, summary.md, results.json, replications.csv, review.json, hours.csv and plots/*.png, *.svg, *.csv"

// ReviewReport is the report folder of a post-incident review, the same
// kind of folder as a run's: results.json and replications.csv of the
// replay, review.json (the observed day beside the replay, the observed
// KPIs, where the time went, the change), hours.csv, summary.md,
// index.html, and every plot as PNG and SVG under plots/: the review's
// first, then the replay's own.
func ReviewReport(r *experiment.Review, src ReviewSources) Report {
	return Report{build: func(w *Words) (*contents, error) {
		if r == nil || r.Replay == nil || r.Replay.Scenario == nil {
			return nil, errors.New("review report: no replay")
		}
		review, err := w.ReviewPlots(r)
		if err != nil {
			return nil, plotsError(err)
		}
		run, err := w.RunPlots(r.Replay)
		if err != nil {
			return nil, plotsError(err)
		}
		plots := append(review, run...)
		p := runPage(w, r.Replay, nil)
		p.Title = w.Sprintf("review of a logged day: %s", r.Replay.Scenario.Name)
		p.Lines = append(p.Lines, w.Sprintf("A logged day replayed: %s", w.reviewHeader(r, src)))
		p.Files = w.files(ReviewFiles)
		p.Lead = answerFirst(w.reviewTables(r, src, true))
		return &contents{plots: plots, page: p, files: []file{
			jsonFile("results.json", NewResults(r.Replay)),
			csvFile("replications.csv", func(w io.Writer) error { return WriteReplicationsCSV(w, r.Replay) }),
			jsonFile("review.json", NewReviewResults(r, src)),
			rawFile("hours.csv", HoursCSV(r)),
			rawFile("summary.md", w.reviewMarkdown(r, src, plots)),
		}}, nil
	}}
}
