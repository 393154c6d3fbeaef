package experiment

import (
	"context"

	"cordon/compound"
	"cordon/sim/stats"
)

// Level is the confidence level of every interval cordon reports.
const Level = 0.95

// Options tune a Run.
type Options struct {
	Replications int     // 0: the scenario's
	Seed         *uint64 // nil: the scenario's
	Workers      int     // 0: one per CPU
	Progress     func(done, total int)
	Model        compound.Options
	// Memory is the most memory the work may take, in bytes (0: no
	// limit). Work estimated to need more (EstimateMemory) is refused with
	// a *MemoryError before anything runs, and each replication's entities
	// are capped at its share of what is left.
	Memory int64
	// MinEffect are the minimum effects of a comparison's verdicts, as
	// --min-effect takes them (ParseMinEffects); none: the defaults.
	MinEffect []string
	// FiguresOnly keeps of each replication, as it finishes, only the
	// numbers the summaries are made of, and no Outcome.Runs: for work
	// whose report folder is not written, so that memory stays flat in
	// replications. Do, Run and the plan honour it; RunWork, whose results
	// may go into parts that a merge turns into a report, does not.
	FiguresOnly bool
	// ReportFigures keeps of each replication, as it finishes, the numbers
	// the summaries are made of and what a run report's plots read
	// (Outcome.Plots), and no Outcome.Runs: for work whose report folder is
	// written, so that memory stays flat in replications. Of a run with a
	// marginal analysis the first replications it reads (Work.MarginalReps)
	// are still kept whole until the product is assembled. Do, Run and the
	// plan honour it; RunWork does not.
	ReportFigures bool
	// onlyKPIs, when not nil, are the KPIs whose values every scenario
	// keeps, and no post's figures: for work judged by a few KPIs alone
	// (a plan's search at the confirmation's replications).
	onlyKPIs []string
	// startUnit, when not nil, is called as each unit starts, with its
	// number in the shard: for tests of the order units start in.
	startUnit func(k int)
}

// Outcome is a scenario run over replications.
type Outcome struct {
	Scenario     *compound.Scenario
	Seed         uint64
	Replications int
	KPIs         []KPIResult
	Bottlenecks  []Bottleneck
	// DayBottlenecks rank the posts day by day of a run of several days
	// (nil in a run of one day).
	DayBottlenecks []DayBottlenecks
	Runs           []*compound.Result // per replication, in order (none with FiguresOnly or ReportFigures)
	// Plots are what a run report's plots read of the replications,
	// gathered as they finish (nil with FiguresOnly).
	Plots *PlotFigures
	// OnDuty is the staff on duty hour by hour, pool by pool, over the
	// replications (kept when Runs are not).
	OnDuty []OnDutyLine
	// Unstable are the posts offered more work over the day than they can
	// do, from the scenario alone (Scenario.Stability): reports lead with
	// them.
	Unstable []compound.Instability
	// first are the first replications' results, kept whole for a run's
	// marginal analysis when Runs are not (ReportFigures).
	first []*compound.Result
}

// firstRuns returns the results of the first n replications: Runs' or
// those kept for the marginal analysis.
func (o *Outcome) firstRuns(n int) []*compound.Result {
	if o.Runs != nil {
		return o.Runs[:n]
	}
	return o.first[:n]
}

// hourRuns are the replications whose posts' hours a marginal analysis
// reads of its base: Runs, or those kept for it (of a bottlenecks
// analysis' base, only their posts' hours).
func (o *Outcome) hourRuns() []*compound.Result {
	if o.Runs != nil {
		return o.Runs
	}
	return o.first
}

// KPIResult is one KPI over the replications.
type KPIResult struct {
	compound.KPI
	stats.Summary
}

// Run runs sc over replications in parallel workers.
func Run(ctx context.Context, sc *compound.Scenario, opt Options) (*Outcome, error) {
	outs, err := runScenarios(ctx, []*compound.Scenario{sc}, opt)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// Summarize turns per-replication results into an Outcome.
func Summarize(sc *compound.Scenario, results []*compound.Result) *Outcome {
	out := figuresOf(results).outcome(sc, len(results))
	out.Runs = results
	out.Plots = plotFiguresOf(sc, results)
	return out
}

// summarize is stats.Summarize at the report's level, with the interval cut
// at zero: every KPI and post figure is a count, a time or a share, none of
// which can be negative, and a symmetric t-interval on a skewed quantity
// (overtime, mostly zero) can reach below zero. Shares are also cut at one,
// by capShare. A cut never passes the mean: the interval always holds it.
func summarize(v []float64) stats.Summary {
	s := stats.Summarize(v, Level)
	s.Low = max(s.Low, min(0, s.Mean))
	return s
}

// summarizeColumn is summarize of a column of figures that the summary
// keeps as its Values (nothing else holds it): no copy of every value.
func summarizeColumn(v []float64) stats.Summary {
	s := summarize(v)
	s.Values = v
	return s
}

// capShare cuts a share's interval at one, or at its mean if that is
// higher.
func capShare(s stats.Summary) stats.Summary {
	s.High = min(s.High, max(1, s.Mean))
	return s
}

// KPI returns the result for the KPI called name.
func (o *Outcome) KPI(name string) (KPIResult, bool) {
	for _, k := range o.KPIs {
		if k.Name == name {
			return k, true
		}
	}
	return KPIResult{}, false
}
