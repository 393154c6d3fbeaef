package lang

// compareEntries are the words of a comparison: its terminal table, its
// page and the verdicts ("verdict:", English as experiment writes them).
func compareEntries() []entry {
	verdict := func(v, zh string) entry { return entry{key: "verdict:" + v, en: v, zh: zh} }
	effect := func(kind, zh string) entry { return entry{key: "effect:" + kind, en: kind, zh: zh} }
	return []entry{
		verdict("better", "更好"), verdict("worse", "更差"), verdict("differs", "有差异"), verdict("none", "无结论"),
		effect("durations", "时长"), effect("shares", "比例"), effect("counts", "计数"), effect("rates", "速率"),
		{key: "%s of the reference's mean", zh: "参照场景平均值的%s"},
		{key: "%s with %s", zh: "%s，改设 %s"}, // a variant: baseline with gate.shelves=10
		{key: "%s percentage points", zh: "%s个百分点"},
		{key: "%s KPIs their own", zh: "另有%s个指标单独设定"},
		{key: "0 (no minimum)", zh: "0（无最小差值）"},
		{key: "compared with %s: %d replications, seed %d, common random numbers; paired differences with %.0f%% intervals\n",
			zh: "与%s比较：%d次重复运行，随机种子%d，共用随机数；成对差值及%.0f%%置信区间\n"},
		{key: "a verdict needs the interval to leave out zero and a difference of at least %s (--min-effect)\n",
			zh: "得出结论需要置信区间不含零，且差值至少达到：%s（--min-effect）\n"},
		{key: "%s is compared with itself: nothing differs between them, so no KPI can.",
			zh: "%s与自身比较：两者毫无差别，任何指标都不会有差异。"},
		{key: "%s simulates exactly what %s does (they differ at most in name, description, targets and costs): nothing differs between them, so no KPI can.",
			zh: "%s模拟的内容与%s完全相同（至多名称、说明、目标和成本不同）：两者毫无差别，任何指标都不会有差异。"},
		{key: "%d KPI differences with a verdict; %d significant but smaller than the minimum effect and %d within chance (verdict none)",
			zh: "%d项指标差异得出结论；%d项显著但小于最小差值，%d项在随机波动范围内（无结论）"},
		{key: "there", zh: "对比场景"},
		{key: "comparison with %s", zh: "与%s的比较"},
		{key: "Each scenario against %s under common random numbers: the mean of the paired differences (there minus %s) with its 95%% interval. ",
			zh: "各场景在共用随机数下与%s比较：成对差值（对比场景减去%s）的平均值及其95%%置信区间。"},
		{key: "Only differences with a verdict are listed: the interval leaves out zero and the difference is at least %s. ",
			zh: "只列出得出结论的差异：置信区间不含零，且差值至少达到：%s。"},
		{key: "; differences.csv has them all.", zh: "；全部差异见 differences.csv。"},
		{key: "KPIs by scenario", zh: "各场景的指标"},
		{key: "Headline KPIs", zh: "主要指标"},
		{key: "filter rows", zh: "筛选行"}, {key: "filter the rows of the table below", zh: "筛选下表的行"},
		{key: "report: %s\n", zh: "报告：%s\n"},
		{key: "%d replications, seed %d", zh: "%d次重复运行，随机种子%d"},
	}
}

// dayEntries are the words of the tables of the days.
func dayEntries() []entry {
	return []entry{
		{key: "By day", zh: "按天"},
		{key: "By day, days %d to %d", zh: "按天，第%d至%d天"},
		{key: "day %d", zh: "第%d天"},
		{key: "\n%s: means of each day's KPI (KPI@dayN), the whole run's above\n", zh: "\n%s：各天指标（KPI@dayN）的平均值，全程的见上文\n"},
		{key: "The mean of each day's KPI (named KPI@dayN); the KPIs below have each with its interval.", zh: "各天指标（名为 KPI@dayN）的平均值；下方的指标表列出每一项及其置信区间。"},
	}
}
