package compound

import "fmt"

// checkLab checks the sampling round's lab, if it has one.
func (sc *Scenario) checkLab(c *checker) {
	l := sc.Sampling.Lab
	if l == nil {
		return
	}
	c.positive("sampling.lab.servers", l.Servers)
	c.atMost("sampling.lab.servers", l.Servers, MaxStaff, "each one is built in memory")
	c.dist("sampling.lab.test", l.Test)
	c.share("sampling.lab.prevalence", l.Prevalence)
	c.optionalDist("sampling.lab.report", l.Report)
	c.cost("sampling.lab.hour_cost", l.HourCost)
	for i, p := range sc.Posts {
		if p.Name == LabPost {
			c.add(fmt.Sprintf("posts[%d].name", i), "%q is the sampling lab's name among the posts: choose another", LabPost)
		}
	}
	if l.SampledBy != 0 {
		c.clock("sampling.lab.sampled_by", l.SampledBy, 48*3600)
		if l.SampledBy <= sc.Sampling.Start {
			c.add("sampling.lab.sampled_by", "%s is not after the round starts (sampling.start %s)", l.SampledBy, sc.Sampling.Start)
		}
	}
}
