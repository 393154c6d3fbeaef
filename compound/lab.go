package compound

// Lab is the lab that tests the sampling round's tubes, and the results.
// Runners bring boxes of tubes (Pooling); each tube waits for one of the
// lab's servers (its machines or lines) and is tested in Test. A tube
// holds up to pooling.per_tube samples (mixed pooling, 10 or 20 to a
// tube); a sample is positive with probability Prevalence. A tube with
// no positive sample is negative, and the results of all its samples are
// known Report after its test. A positive pool is re-tested: each of its
// samples again, singly, as a tube of its own, ahead of first tests
// waiting at the lab; their results are known Report after each re-test.
// The residents are not swabbed again: the re-test is of the sample kept
// at the lab.
type Lab struct {
	Servers    int     `yaml:"servers" doc:"tubes the lab tests at once (its machines or lines)" default:"1"`
	Test       Dist    `yaml:"test" doc:"time to test one tube, a pool or a single sample re-tested"`
	Prevalence float64 `yaml:"prevalence" doc:"share of residents whose sample is positive, 0 to 1; each positive pool is re-tested sample by sample"`
	Report     Dist    `yaml:"report" doc:"time from the end of a tube's test to its results known" default:"0s"`
	SampledBy  Clock   `yaml:"sampled_by" doc:"a time on the round's day (past 24:00 for the next day): the KPI sampling.sampled_by is the share of residents sampled by then (omit for none)"`
	HourCost   float64 `yaml:"hour_cost" doc:"cost of one lab server-hour, over the whole run, for the planner" default:"40"`
}
