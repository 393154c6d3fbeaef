package lang

// plotEntries are the titles, axes, legends and captions of the figures.
func plotEntries() []entry {
	return []entry{
		{key: "time of day", zh: "时间"},
		{key: "count:posts", zh: "%d个岗位"},
		{key: "%s (mean %s)", zh: "%s（平均%s）"},
		{key: "5th–95th percentile", zh: "第5–95百分位"},
		{key: "mean of %d replications", zh: "%d次运行的平均值"},

		// staging
		{key: "Items in the staging area by the gate", zh: "大门暂存区的物品数"},
		{key: "items in staging", zh: "暂存区物品数（件）"},
		{key: "capacity (%d)", zh: "容量（%d）"},
		{key: "capacity %d, above the axis", zh: "容量%d，远高于图中范围"},
		{key: "Items put down in the staging area (ground, shelves and containers) through the day: the line is the mean over %d replications, the band holds 90%% of the replications at each time (5th to 95th percentile). ",
			zh: "全天放在暂存区（地面、货架和集装箱）的物品数：实线为%d次运行的平均值，阴影带为每个时刻90%%的运行所在的范围（第5至第95百分位）。"},
		{key: "The dashed line is the capacity of %d items; couriers wait (or leave) while staging is full.",
			zh: "虚线为容量%d件；暂存区放满时，快递员只能等待（或离开）。"},
		{key: "The capacity, %d items, is more than twice the most ever in staging and is left off the axis: staging was never near full.",
			zh: "容量为%d件，超过暂存区最多物品数的两倍，未画入图中：暂存区从未接近放满。"},

		// queues
		{key: "Items waiting at the posts through the day", zh: "全天各岗位等待处理的物品数"},
		{key: "items waiting", zh: "等待的物品数（件）"},
		{key: "Tasks waiting at the staff pools through the day", zh: "全天各人员组等待处理的任务数"},
		{key: "tasks waiting", zh: "等待的任务数（项）"},
		{key: "How many items wait at each post of the delivery flow through the day, mean over %d replications at each time; the legend gives each post's mean over the whole run, and the posts are in that order.",
			zh: "全天配送流程中各岗位等待处理的物品数，每个时刻取%d次运行的平均值；图例给出各岗位全程的平均值，并按此排序。"},
		{key: "How many tasks (garbage, special-needs requests, door-to-door visits, lab runs, and for pools that also deliver, runs to the door) wait at each staff pool through the day, mean over %d replications at each time; the legend gives each pool's mean over the whole run, and the pools are in that order.",
			zh: "全天各人员组等待处理的任务数（垃圾清运、特殊需求、上门采样、送检，以及兼做配送的人员组的送货上门），每个时刻取%d次运行的平均值；图例给出各组全程的平均值，并按此排序。"},
		{key: " The %s line sums its %d zone groups.", zh: "“%s”一线为其%d个片区小组之和。"},
		{key: " Nothing waited at any post.", zh: "没有任何岗位出现等待。"},
		{key: " Left out: %s with shorter queues, and %d where nothing ever waited.", zh: "未画出：排队较短的%s，以及从未等待的%d个岗位。"},
		{key: " Left out: %s with shorter queues.", zh: "未画出：排队较短的%s。"},
		{key: " Left out: %s where nothing ever waited.", zh: "未画出：从未等待的%s。"},
		{key: " Residents queueing at the testing sites are in the site queues figure.", zh: "核酸采样点排队的居民见采样点排队图。"},

		// door times
		{key: "Time from the gate to the door, by kind", zh: "各类物品从大门送到家门口的用时"},
		{key: "time to the door (minutes)", zh: "送到家门口用时（分钟）"},
		{key: "share of items delivered within x", zh: "在该时间内送达的物品比例"},
		{key: "%s, target %s", zh: "%s，时限%s"},
		{key: "%s, target %s (off the axis, all met)", zh: "%s，时限%s（超出图中范围，全部达成）"},
		{key: "For each kind, the share of delivered items (all %d replications pooled) that reached the door within the time on the x axis; a curve further left is faster, and where it crosses a dashed line of its colour is the share within that kind's target.",
			zh: "每类物品在横轴所示时间内送到家门口的比例（合并全部%d次运行）；曲线越靠左越快，曲线与同色虚线的交点即该类物品在时限内送达的比例。"},
		{key: " Targets far beyond the longest time are not drawn: %s; every delivered item met them.", zh: "远超最长用时的时限未画出：%s；所有已送达物品均在时限内。"},
		{key: " No item delivered: %s.", zh: "没有送达任何物品：%s。"},

		// utilisation
		{key: "Staff utilisation by pool and hour", zh: "各人员组逐小时利用率"},
		{key: "%s (%d zones)", zh: "%s（%d个片区）"},
		{key: "No staff pool in this scenario.", zh: "本方案没有人员组。"},
		{key: "The scenario has no staff pools.", zh: "本方案没有人员组。"},
		{key: "nobody on duty", zh: "无人在岗"},
		{key: "busy / on duty", zh: "忙碌 / 在岗"},
		{key: "Each cell is the share of a pool's on-duty time in that hour that its staff were busy, mean over %d replications; a per-zone pool is the mean of its zone groups. Dark cells are posts near their limit; grey cells are hours when nobody of the pool was on duty.",
			zh: "每格为该小时内人员组在岗时间中忙碌的比例，取%d次运行的平均值；按片区分组的人员组取各片区小组的平均值。深色格表示接近满负荷；灰色格表示该小时无人在岗。"},

		// sampling
		{key: "Residents sampled at each testing site", zh: "各核酸采样点已采样人数"},
		{key: "residents sampled (cumulative)", zh: "已采样居民数（累计）"},
		{key: "Residents sampled so far at each testing site during the round, mean over %d replications (%s in all, the figure in the legend is each site's). A steeper line is a faster site; a line turns flat when its site has sampled everyone called to it.",
			zh: "本轮采样中各核酸采样点累计已采样的居民数，取%d次运行的平均值（共%s人，图例中的数字为各采样点的人数）。曲线越陡表示采样点越快；采样点采完通知到该点的全部居民后，曲线变平。"},
		{key: "Residents waiting at each testing site", zh: "各核酸采样点排队的居民数"},
		{key: "residents waiting", zh: "排队居民数（人）"},
		{key: "shaded: 5th–95th percentile", zh: "阴影：第5–95百分位"},
		{key: "target: at most %s", zh: "目标：不超过%s"},
		{key: "longest queue (KPI): %s on average", zh: "最长排队（指标）：平均%s"},
		{key: "Residents queueing at each testing site (for registration or a swab) during the round: the line is the mean over %d replications at points %s apart, the shaded band holds 90%% of the replications at each time (5th to 95th percentile).",
			zh: "本轮采样中各核酸采样点排队（等候登记或采样）的居民数：实线为%d次运行在间隔%s的各时刻的平均值，阴影带为每个时刻90%%的运行所在的范围（第5至第95百分位）。"},
		{key: " The dashed line is the target %s.", zh: "虚线为目标 %s。"},
		{key: " The KPI sampling.queue.peak, %s on average, is higher than the lines' peaks: it is each replication's longest queue at any instant, at its own time, while the lines average the replications at each point, so peaks that come at different times in different replications are smoothed, and a queue's top between two points is not drawn.",
			zh: "指标 sampling.queue.peak 平均为%s，高于曲线的峰值：它是每次运行在任一时刻的最长排队（各次运行峰值出现的时间不同），而曲线是各次运行在每个时刻的平均值，峰值因此被拉平，两个时刻之间的最高点也不会画出。"},

		// bottlenecks
		{key: "Bottlenecks: where work waits", zh: "瓶颈：任务在哪里积压"},
		{key: "share of time (%%)", zh: "时间比例（%%）"},
		{key: "turned away %s", zh: "退回%s"},
		{key: "No post to rank.", zh: "没有可排序的岗位。"},
		{key: "The run has no posts to rank.", zh: "本次运行没有可排序的岗位。"},
		{key: "The %d most constraining posts, ranked (top first) by the share of arrivals turned away, then by the share of the time they were open during which work was waiting for them (the bar, with its 95%% interval), then by utilisation (the diamond: busy over on-duty time). ",
			zh: "最受限的%d个岗位（从上到下），依次按退回的到达量比例、开放时间中有任务积压的时间比例（条形及其95%%置信区间）、利用率（菱形：忙碌时间占在岗时间的比例）排序。"},
		{key: "Posts that turned work away say how much in red.", zh: "有退回的岗位以红字标出退回比例。"},
		{key: "No post turned work away.", zh: "没有岗位退回任务。"},
		{key: "yes (not with 95%% confidence)", zh: "是（但置信度不足95%%）"},

		// planner figures
		{key: "Cost against %s", zh: "成本与%s"},
		{key: "plan cost (over the run)", zh: "方案成本（整个运行期间）"},
		{key: "gain of one step (%% of the base mean; right is better)", zh: "增加一步的收益（占基准平均值的%%；越靠右越好）"},
		{key: "pale: within chance", zh: "浅色：在随机波动范围内"},
		{key: "no change", zh: "无变化"},
		{key: "%s (minutes)", zh: "%s（分钟）"},
		{key: "%s against %s", zh: "%s随%s的变化"},
		{key: "%s (%s): %s. The mean over %d replications at each point of the sweep (common random numbers), with its 95%% confidence interval as a whisker. One line per value of %s; the x axis is %s.",
			zh: "%s（%s）：%s。扫描中每个取值点的%d次运行平均值（共同随机数），误差线为95%%置信区间。每条线对应%s的一个取值；横轴为%s。"},
		{key: "%s (%s): %s. The mean over %d replications at each point of the sweep (common random numbers), with its 95%% confidence interval as the shaded band; the x axis is %s.",
			zh: "%s（%s）：%s。扫描中每个取值点的%d次运行平均值（共同随机数），阴影带为95%%置信区间；横轴为%s。"},
		{key: "What moves %s", zh: "哪些因素影响%s"},
		{key: "base %s", zh: "基准%s"},
		{key: "axis-unit:min", zh: "分钟"}, {key: "axis-unit:h", zh: "小时"}, {key: "axis-unit:s", zh: "秒"},
		{key: "axis-unit:items", zh: "件"}, {key: "axis-unit:people", zh: "人"}, {key: "axis-unit:households", zh: "户"},
		{key: "mean, 95% interval", zh: "平均值，95%%置信区间"},
	}
}
