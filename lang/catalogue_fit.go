package lang

// fitEntries are the words of cordon fit's report: its heading, table
// heads and sentences, the families fitted ("family:") and their
// parameters ("param:"), whose English is the scenario format's own.
func fitEntries() []entry {
	family := func(name, zh string) entry { return entry{key: "family:" + name, en: name, zh: zh} }
	param := func(name, zh string) entry { return entry{key: "param:" + name, en: name, zh: zh} }
	return []entry{
		{key: "fits of %s: %d durations of %s; families ranked by the Kolmogorov–Smirnov statistic KS\n",
			zh: "%s 的拟合：%[3]s共%[2]d个时长；各分布族按 Kolmogorov–Smirnov 统计量 KS 排序\n"},
		{key: "count:steps", zh: "%d个步骤"},
		// The comments of the YAML fragment to paste into a scenario.
		{key: "# fitted by cordon fit from %s: paste into a scenario (KS: the Kolmogorov–Smirnov statistic)\n",
			zh: "# 由 cordon fit 从 %s 拟合：粘贴到场景中（KS：Kolmogorov–Smirnov 统计量）\n"},
		{key: "# %s: not fitted: %s", zh: "# %s：未拟合：%s"},
		{key: "# %s: %s cannot be written in a scenario: %v", zh: "# %s：%s无法写入场景：%v"},
		{key: "# %s goes into every %s's %s (%s):\n#   %s: %s  # %s", zh: "# %s 用于每个%s的 %s（%s）：\n#   %s: %s  # %s"},
		{key: "# %s goes into that %s's %s (in its entry, or --set '%s=...'):\n#   %s: %s  # %s",
			zh: "# %s 用于该%s的 %s（写在它的条目中，或用 --set '%s=...'）：\n#   %s: %s  # %s"},
		{key: "# %s is not a random time of the scenario format; its fit: %s  # %s", zh: "# %s 不是场景格式中的随机时长；其拟合：%s  # %s"},
		{key: "all %d samples equal", zh: "%d个样本全部相同"},
		{key: "KS %.4f, n %d", zh: "KS %.4f，样本数%d"},
		{key: "; rejected at the 1%% level: no family fits well", zh: "；在1%%水平上被拒绝：没有分布族能很好地拟合"},
		{key: "entry:zone", en: "zone", zh: "片区"},
		{key: "entry:kind", en: "kind", zh: "配送类型"},
		{key: "the file says it is synthetic: made by cordon, not observed", zh: "该文件注明是合成数据：由 cordon 生成，并非实测"},
		{key: "skipped", zh: "跳过"},
		{key: "  %s: %s\n", zh: "  %s：%s\n"},
		{key: "\n%s: n %d, mean %s, sd %s\n", zh: "\n%s：样本数%d，均值%s，标准差%s\n"},
		{key: "  every sample is %s: no spread to fit; chosen: the constant %s\n", zh: "  所有样本都是%s：没有离散可供拟合；选用：常数 %s\n"},
		{key: "family", zh: "分布族"}, {key: "parameters", zh: "参数"}, {key: "p-value", zh: "p值"},
		{key: "log-likelihood", zh: "对数似然"},
		{key: "  (%d more: --all lists every family)\n", zh: "  （另有%d个：--all 列出全部分布族）\n"},
		{key: "  chosen: %s, the smallest KS (%.4f)\n", zh: "  选用：%s，KS 最小（%.4f）\n"},
		{key: "  warning: even %s is rejected at the 1%% level: KS %.4f > 1.63/√%d = %.4f; no family fits these times well\n",
			zh: "  警告：即使是%s，在1%%水平上也被拒绝：KS %.4f > 1.63/√%d = %.4f；没有分布族能很好地拟合这些时间\n"},
		{key: "warning: %s: even the best fit, %s, is rejected at the 1%% level (KS %.4f > %.4f)",
			zh: "警告：%s：即使是最佳拟合%s，在1%%水平上也被拒绝（KS %.4f > %.4f）"},
		{key: "cordon: %s: skipped %d bad rows (--lenient):\n", zh: "cordon: %s：跳过了%d行有误的数据（--lenient）：\n"},
		{key: "  ... (%d more)\n", zh: "  ……（另有%d行）\n"},
		{key: "%s: skipped %d bad rows (--lenient):\n", zh: "%s：跳过了%d行有误的数据（--lenient）：\n"},
		{key: "  and %d more\n", zh: "  另有%d行\n"},
		// Why a step's samples could not be fitted (sim/fit's Error); in
		// English as fit says them.
		{key: "fit", zh: "拟合"},
		{key: "fit %s", zh: "拟合%s分布"},
		{key: "%s: need at least 2 samples, got %d", zh: "%s：至少需要2个样本，实际只有%d个"},
		{key: "%s: sample %d is %v; samples must be finite", zh: "%s：第%d个样本为%v；样本必须是有限值"},
		{key: "%s: %d of %d samples are negative (the first is sample %d, %v); durations must be >= 0",
			zh: "%s：%[3]d个样本中有%[2]d个为负数（第一个是第%[4]d个样本，%[5]v）；时长必须 >= 0"},
		{key: "%s: all %d samples equal %v; there is no spread to fit", zh: "%s：全部%d个样本都等于%v；没有离散可供拟合"},
		{key: "%s: %d of %d samples are zero; the %s needs every sample > 0", zh: "%s：%[3]d个样本中有%[2]d个为0；%[4]s分布要求每个样本 > 0"},
		{key: "%s: the samples' sum overflows float64", zh: "%s：样本之和超出 float64 的范围"},
		{key: "%s: the samples spread too little to fit", zh: "%s：样本（或其对数）的离散程度太小，无法拟合"},
		{key: "%s: the shape did not converge", zh: "%s：形状参数的求解没有收敛"},
		{key: "%s: the fitted parameters are out of range", zh: "%s：拟合出的参数超出范围"},
		family("exponential", "指数"), family("lognormal", "对数正态"), family("gamma", "伽马"),
		family("weibull", "威布尔"), family("normal", "正态"),
		param("mean", "均值"), param("sd", "标准差"), param("cv", "变异系数"), param("shape", "形状"), param("scale", "尺度"),
	}
}
