package lang

import "regexp"

// commandSentences are the command line's own errors, of its flags and
// arguments, whose Chinese puts their values in another order; Error
// tries them after the sentences of logs.
func commandSentences() []errorSentence {
	s := func(re, zh string) errorSentence { return errorSentence{regexp.MustCompile(re), zh} }
	return []errorSentence{
		s(`^compare needs at least two scenarios: give two, or one and --variant '(.*)'$`, "compare 至少需要两个方案：请给出两个，或一个方案加 --variant '${1}'"),
		s(`--variant (\S+): (\S+) names another scenario of the comparison: give the variant a name of its own`,
			"--variant ${1}：${2}是对比中另一个方案的名字：请给该变体另起一个名字"),
		s(`^sweep needs at least one --vary path=values$`, "sweep 至少需要一个 --vary path=values"),
		s(`the grid has more than (\d+) points`, "网格超过${1}个点"),
		s(`^fit needs --observed FILE: the durations to fit \(step,duration; - reads stdin\)$`, "fit 需要 --observed FILE：要拟合的时长（step,duration；- 表示从标准输入读取）"),
		s(`(\S+) has no such step`, "${1}中没有这个步骤"),
		s(` ?\(its steps: ([^)]*)\)`, "（其中的步骤：${1}）"),
		s(`(\S+) has 1 sample of it: a fit needs at least 2`, "${1}中该步骤只有1个样本：拟合至少需要2个"),
		s(`^replay needs --arrivals FILE: the items that arrived at the gate$`, "replay 需要 --arrivals FILE：到达大门的物品记录"),
		s(`^give the change as --vs SCENARIO or as --set path=value, not both$`, "请用 --vs SCENARIO 或 --set path=value 给出改动，不要两者都用"),
		s(`^--only-given leaves the scenario's targets out: give --target 'KPI<=VALUE'$`, "--only-given 不考虑方案中的目标：请用 --target 'KPI<=VALUE' 给出目标"),
		s(`^--budget must not be negative$`, "--budget 不能为负数"),
		s(`^no plan meets every target$`, "没有方案能达成全部目标"),
		s(`-o (\S+): want table, json or csv`, "-o ${1}：应为 table、json 或 csv"),
		s(`^give --json or --csv, not both$`, "请只给 --json 或 --csv 之一"),
		s(`--color (\S+): want auto, always or never`, "--color ${1}：应为 auto、always 或 never"),
		s(`--addr (\S+): want HOST:PORT, such as 127.0.0.1:8080`, "--addr ${1}：应为 HOST:PORT，例如 127.0.0.1:8080"),
		s(`--from (\S+): no such built-in scenario \(cordon scenarios lists them\)`, "--from ${1}：没有这个内置方案（cordon scenarios 会列出它们）"),
		s(`^(.*) exists: give another (--out|--write) or --force$`, "${1}已存在：请换一个 ${2}，或用 --force"),
		s(`^(.*) exists: give another name or --force$`, "${1}已存在：请换一个名字，或用 --force"),
		s(`: no such file$`, "：文件不存在"),
		s(`requires at least (\d+) arg\(s\), only received (\d+)`, "至少需要${1}个参数，实际只收到${2}个"),
		s(`^(\S+) needs a scenario: a YAML file or the name of a built-in \(cordon scenarios lists them\)$`, "${1} 需要一个方案：YAML 文件或内置方案的名字（cordon scenarios 会列出它们）"),
		s(`^compare needs the scenarios to compare: YAML files or names of built-ins \(cordon scenarios lists them\)$`, "compare 需要要对比的方案：YAML 文件或内置方案的名字（cordon scenarios 会列出它们）"),
		s(`^merge needs the part files the shards wrote \(cordon run --shard I/N\)$`, "merge 需要各分片写出的分片文件（cordon run --shard I/N）"),
		s(`^report needs a results document: the results.json of a report folder$`, "report 需要一份结果文件：报告文件夹中的 results.json"),
		s(`^validate needs the scenario files to check$`, "validate 需要要检查的方案文件"),
		s(`^(\S+) takes one argument, got (\d+): (.*)$`, "${1} 只接受一个参数，实际收到${2}个：${3}"),
		s(`^(\S+) takes at most one argument, got (\d+): (.*)$`, "${1} 最多接受一个参数，实际收到${2}个：${3}"),
		s(`^(\S+) takes no argument, got (\d+): (.*)$`, "${1} 不接受参数，实际收到${2}个：${3}"),
		s(`unknown command ("[^"]*") for ("[^"]*")`, "未知命令 ${1}（${2} 没有这个子命令）"),
		s(`(?m)^Did you mean this\?$`, "是否想输入："),
		s(`must be one of (.*?)(，实际为|, got)`, "必须是 ${1} 之一${2}"),
		s(`(\d+) of (\d+) scenarios could not be run \((\d+) bad, (\d+) failed\)`, "${2}个方案中有${1}个无法运行（${3}个有误，${4}个运行失败）"),
		s(`needs about (\S+ \S+) of memory \((\d+) replications keep (\S+ \S+) of results each; (\d+) at once take (\S+ \S+) each\), more than `,
			"约需${1}内存（${2}次重复运行，每次保存${3}的结果；同时运行${4}个，每个占用${5}），超过"),
		s(`the (\S+ \S+) --max-memory allows`, "--max-memory 允许的${1}"),
		s(`the (\S+ \S+) this machine has available`, "本机可用的${1}"),
		s(`the (\S+ \S+) it may have`, "可用的${1}"),
		s(`: run fewer replications \(--reps\) or fewer at once \(--jobs\)`, "：请减少重复次数（--reps）或同时运行的个数（--jobs）"),
		s(`: each replication keeps its result in memory`, "：每次重复运行的结果都保存在内存中"),
		s(`^--max-events, --max-entities and --max-memory must be positive$`, "--max-events、--max-entities 和 --max-memory 必须为正数"),
		s(` \(a fit needs two samples\)`, "（拟合需要两个样本）"),
		s(`^writing the report: `, "写报告时出错："),
	}
}
