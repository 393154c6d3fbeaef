package lang

// reportEntries are the headings and sentences of the report pages and
// summary.md, and the words of the tables.
func reportEntries() []entry {
	return []entry{
		{key: "Drawn again from results.json by cordon report, without simulating: the figures over the day (staging, queues, times to the door, utilisation, the sampling round) " +
			"need each replication's series and the marginal analysis its own runs, which a results document does not hold; run the scenario again to draw them.",
			zh: "由 cordon report 根据 results.json 重新绘制，未重新模拟：全天的图（暂存区、排队、送到家门口用时、利用率、采样轮次）" +
				"需要每次重复运行的时间序列，边际分析需要其自己的运行，而结果文档中没有这些；要画出它们，请重新运行该场景。"},
		{key: "Warnings", zh: "警告"}, {key: "Targets", zh: "目标"}, {key: "targets", zh: "目标"},
		{key: "target", zh: "目标"}, {key: "mean", zh: "平均值"}, {key: "met", zh: "达成"}, {key: "missed", zh: "未达成"},
		{key: "MISSED", zh: "未达成"}, {key: "margin", zh: "差距"}, {key: "as written", zh: "原文"},
		{key: "yes", zh: "是"}, {key: "no", zh: "否"},
		{key: "met (not with 95%% confidence)", zh: "达成（但置信度不足95%%）"},
		{key: "missed by %s", zh: "差%s"}, {key: "by %s", zh: "富余%s"}, {key: "mean %s", zh: "平均%s"},
		{key: "Differences", zh: "差异"}, {key: "scenario", zh: "场景"}, {key: "KPI", zh: "指标"},
		{key: "KPIs", zh: "指标"}, {key: "difference", zh: "差值"}, {key: "95% interval", zh: "95%%置信区间"},
		{key: "verdict", zh: "结论"}, {key: "Bottlenecks", zh: "瓶颈"}, {key: "Plots", zh: "图表"},
		{key: "rank", zh: "排名"}, {key: "post", zh: "岗位"}, {key: "turned away", zh: "退回比例"},
		{key: "work waiting", zh: "积压时间比例"}, {key: "utilisation", zh: "利用率"}, {key: "mean queue", zh: "平均排队"},
		{key: "mean wait", zh: "平均等待"}, {key: "unit", zh: "单位"}, {key: "what it is", zh: "说明"},
		{key: "name (for --target)", zh: "代码名（用于 --target）"},
		{key: "Posts ranked by the share of arrivals they turned away, then by the share of the time they were open or had work during which work waited, then by utilisation.",
			zh: "岗位排序依次按：退回的到达量比例；开放或有任务的时间中有任务积压的时间比例；利用率。"},
		{key: "Made by cordon. Every figure is a mean over replications with its 95% Student-t confidence interval; files:",
			zh: "由 cordon 生成。每个数字都是多次重复运行的平均值及其95%%学生t置信区间；文件："},
		{key: "bottlenecks: work turned away, then work waiting (share of the time the post was open or had work), then utilisation",
			zh: "瓶颈：依次按退回比例、积压时间比例（岗位开放或有任务的时间中有任务等待的比例）、利用率排序"},
		{key: "%d replications", zh: "%d次重复运行"},
		{key: "%d replications, seed %d, 95%% confidence intervals", zh: "%d次重复运行，随机种子%d，95%%置信区间"},
		{key: "%s, seed %d, no interval: %s", zh: "%s，随机种子%d，无置信区间：只有%s"},
		{key: "%s: %d replications, seed %d, means with %.0f%% confidence intervals; the last column is each KPI's name for --target and --kpi\n",
			zh: "%s：%d次重复运行，随机种子%d，平均值及%.0f%%置信区间；最后一列是各指标的代码名，用于 --target 和 --kpi\n"},
		{key: "%s: %s, seed %d, means (no interval: %s); the last column is each KPI's name for --target and --kpi\n",
			zh: "%s：%s，随机种子%d，平均值（无置信区间：只有%s）；最后一列是各指标的代码名，用于 --target 和 --kpi\n"},
		{key: "%d replications, seed %d. Each figure is the mean over the replications with its %.0f%% Student-t confidence interval.\n\n",
			zh: "%d次重复运行，随机种子%d。每个数字都是各次运行的平均值及其%.0f%%学生t置信区间。\n\n"},
		{key: "%s, seed %d. Each figure is its value (no interval: %s).\n\n", zh: "%s，随机种子%d。每个数字即其取值（无置信区间：只有%s）。\n\n"},
		{key: "deliveries: %s", zh: "配送：%s"},
		{key: "group:items", zh: "全部配送"}, {key: "group:gate", zh: "大门"}, {key: "group:sampling", zh: "核酸采样"},
		{key: "group:garbage", zh: "垃圾清运"}, {key: "group:special_needs", zh: "特殊需求"}, {key: "group:staff", zh: "人员"},
		{key: "unit:items", zh: "件"}, {key: "unit:items/h", zh: "件/小时"}, {key: "unit:people", zh: "人"},
		{key: "unit:people/h", zh: "人/小时"}, {key: "unit:households", zh: "户"}, {key: "unit:samples", zh: "份样本"},
		{key: "unit:cards", zh: "张"}, {key: "unit:kits", zh: "盒"},
		{key: "group:households", zh: "户"}, {key: "group:consumables", zh: "耗材"}, {key: "group:cost", zh: "成本"},
		{key: "group:posts", zh: "岗位"},
		{key: "unit:arrivals", zh: "人"}, {key: "unit:arrivals/h", zh: "人/小时"}, {key: "unit:suits", zh: "套"},
		{key: "unit:litres", zh: "升"}, {key: "unit:cost", zh: "成本"},
	}
}

// summaryEntries are the lines of the terminal summary.
func summaryEntries() []entry {
	return nil
}

// errorEntries are the command line's error messages, and what cordon
// record says it wrote.
func errorEntries() []entry {
	return []entry{
		{key: "cordon: warning: figures drawn in English: %v", zh: "cordon：警告：图表将以英文绘制：%v"},
		{key: "%s, %s from %s: %d items arrived, %d delivered, %d residents sampled\n", zh: "%s，%s，自%s起：到达%d件，送达%d件，采样%d人\n"},
		{key: "wrote %s: %s, %s, %s and %s (%d times of %d steps)\n", zh: "已写入%s：%s、%s、%s和%s（共%d个用时，%d个环节）\n"},
		{key: "wrote %s (from %s): edit it, then cordon validate %s\n", zh: "已写入%s（来自%s）：请修改它，然后运行 cordon validate %s\n"},
		{key: "wrote %s, the schema editors check it against\n", zh: "已写入%s，编辑器据此检查场景文件\n"},
		{key: "shard %v: %d of %d units, part %s; when every shard is done: cordon merge PARTS... --out DIR\n",
			zh: "分片%v：%d个单元（共%d个），分片文件 %s；所有分片完成后运行：cordon merge PARTS... --out DIR\n"},
	}
}
