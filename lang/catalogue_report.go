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
		{key: "utilisation", zh: "利用率"}, {key: "mean wait", zh: "平均等待"},
		{key: "hours waited", zh: "累计等待时长"}, {key: "worst hour", zh: "最差一小时"}, {key: "ahead of next", zh: "领先下一名"},
		{key: "clear", zh: "明确"}, {key: "day", zh: "日"},
		{key: "Bottlenecks by day", zh: "每日瓶颈"}, {key: "unit", zh: "单位"}, {key: "what it is", zh: "说明"},
		{key: "name (for --target)", zh: "代码名（用于 --target）"},
		{key: "Posts ranked by the share of arrivals they turned away, then by the hours spent waiting there: " +
			"the time everything that waited there (items, residents or tasks) spent waiting, added up, " +
			"which is the time integral of the post's queue and its arrivals times their mean wait. " +
			"Items on the pile outside a full staging area wait at the staging area (an item on the pile waiting for a crew counts at both). " +
			"An item-hour and a resident-hour count alike: weigh them as the work needs. " +
			"Worst hour: the hours waited in the post's worst hour. Ahead of next: whether the post's lead over the next, " +
			"paired over the replications, is clear (its 95% interval above zero) or within chance.",
			zh: "岗位排序依次按：退回的到达量比例；在该岗位累计等待的时长，即在此等待的一切（物品、居民或任务）各自等待时间之和，" +
				"也就是该岗位排队人数（件数）对时间的积分，等于到达量乘以平均等待。" +
				"暂存区满时放在门外堆放处的物品计入暂存区（堆放处上等候工作组的物品两处都计）。" +
				"一件·小时与一人·小时同等计算，请按工作需要自行权衡。" +
				"最差一小时：该岗位最差那一小时内的累计等待时长。领先下一名：该岗位对下一名的领先（按重复运行配对）是否明确（其95%%置信区间在零以上），还是在随机波动范围内。"},
		{key: "Each day's %d posts with the most hours spent waiting there that day, with 95%% intervals; " +
			"ahead of next: whether the post's lead over the next that day, paired over the replications, is clear or within chance.",
			zh: "每天累计等待时长最多的%d个岗位，附95%%置信区间；领先下一名：该岗位当天对下一名的领先（按重复运行配对）是明确的还是在随机波动范围内。"},
		{key: "Made by cordon. Every figure is a mean over replications with its 95% Student-t confidence interval; files:",
			zh: "由 cordon 生成。每个数字都是多次重复运行的平均值及其95%%学生t置信区间；文件："},
		{key: "bottlenecks: work turned away, then hours spent waiting there (added over everything that waited: items, residents or tasks); " +
			"ahead of next: the lead over the next post, paired over the replications",
			zh: "瓶颈：依次按退回比例、在该岗位累计等待的时长（在此等待的一切——物品、居民或任务——的等待时间之和）排序；领先下一名：对下一名的领先，按重复运行配对"},
		{key: "where work waits in the base run: work turned away, then hours spent waiting there " +
			"(added over everything that waited: items, residents or tasks); ahead of next: the lead over the next post, paired over the replications",
			zh: "基准运行中任务在哪里积压：依次按退回比例、在该岗位累计等待的时长（在此等待的一切——物品、居民或任务——的等待时间之和）排序；领先下一名：对下一名的领先，按重复运行配对"},
		{key: "bottlenecks by day: the posts with the most hours spent waiting there each day; ahead of next: the lead over the next post that day, paired over the replications",
			zh: "每日瓶颈：每天累计等待时长最多的岗位；领先下一名：当天对下一名的领先，按重复运行配对"},
		{key: "%d replications", zh: "%d次重复运行"},
		// A run of several scenarios, as each is done (cmd/cordon's batchLine).
		{key: "done", zh: "完成"}, {key: "missed a target", zh: "有目标未达成"},
		{key: "%s, report %s", zh: "%s，报告：%s"}, {key: "%s: %s: failed: %s\n", zh: "%s：%s：运行失败：%s\n"},
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
