package lang

import (
	"fmt"

	"cordon/compound"
)

// Unstable says that a post is offered more work over the day than it can
// do, and in which hours most: in English as compound says it ("unstable:
// gate-crew at 131% of capacity 08:00–20:00"), in Chinese with the post's
// name in words (不稳定：大门组在08:00–20:00的负荷达到容量的131%).
func (p *Printer) Unstable(i compound.Instability) string {
	if !p.Chinese() {
		return i.String()
	}
	o := i.Worst
	span := fmt.Sprintf("%02d:00–%02d:00", o.From, o.To)
	post := p.Post(o.Post)
	var what string
	switch hours := o.To - o.From; {
	case o.Unstaffed == hours:
		what = p.Sprintf("%s at no one on duty %s", post, span)
	case o.Unstaffed > 0:
		what = p.Sprintf("%s at %.0f%% of capacity %s, with no one on duty in %d of those %d hours",
			post, 100*o.Utilisation, span, o.Unstaffed, hours)
	default:
		what = p.Sprintf("%s at %.0f%% of capacity %s", post, 100*o.Utilisation, span)
	}
	return p.T("unstable: ") + what
}

// ExplainUnstable is what a report leads with for an unstable post: the
// post and its hours, the day's work against its capacity, and what to
// expect.
func (p *Printer) ExplainUnstable(i compound.Instability) string {
	if !p.Chinese() {
		return i.Explain()
	}
	return p.Sprintf("%s (%s): expect a backlog", p.Unstable(i), p.UnstableAmounts(i))
}

// UnstableAmounts says an unstable post's day's work and its capacity, in
// unit-hours.
func (p *Printer) UnstableAmounts(i compound.Instability) string {
	if !p.Chinese() {
		return i.Amounts()
	}
	return p.Sprintf("the day's work %s unit-hours, its capacity %s", compound.UnitHours(i.Load), compound.UnitHours(i.Capacity))
}

// unstableEntries are the words of an unstable post, as compound's
// Instability says them in English.
func unstableEntries() []entry {
	return []entry{
		{key: "unstable: ", zh: "不稳定："},
		{key: "%s at no one on duty %s", zh: "%s在%s无人在岗"},
		{key: "%s at %.0f%% of capacity %s, with no one on duty in %d of those %d hours",
			zh: "%[1]s在%[3]s的负荷达到容量的%.0[2]f%%，这%[5]d小时中有%[4]d小时无人在岗"},
		{key: "%s at %.0f%% of capacity %s", zh: "%[1]s在%[3]s的负荷达到容量的%.0[2]f%%"},
		{key: "the day's work %s unit-hours, its capacity %s", zh: "全天工作量%s单位·小时，容量%s单位·小时"},
		{key: "%s (%s): expect a backlog", zh: "%s（%s）：预计会积压"},
		{key: "%s: %s\n", zh: "%s：%s\n"},
		{key: "**%s** (%s): expect a backlog.\n\n", zh: "**%s**（%s）：预计会积压。\n\n"},
	}
}
