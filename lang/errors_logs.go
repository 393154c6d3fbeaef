package lang

import "regexp"

// logSentences are the sentences of the problems of a log (package logs:
// arrivals, roster, observed and durations files) whose Chinese puts
// their values in another order; Error tries them before its other
// sentences, so the specific ones come before the general "missing
// column: ...".
func logSentences() []errorSentence {
	s := func(re, zh string) errorSentence { return errorSentence{regexp.MustCompile(re), zh} }
	out := []errorSentence{
		// Missing columns whose help the general sentence cannot say.
		s(`missing column: when: (.*)$`, "缺少列：时间：${1}"),
		s(`missing column: what was observed: delivered, turned_away, sampled, or a checkpoint an item passed \(([^)]*)\)$`,
			"缺少列：观察到的事件：delivered、turned_away、sampled，或物品经过的检查点（${1}）"),
		s(`missing column: (\S+) rows need the item's kind$`, "缺少列：${1}行需要物品的种类"),
		s(`unknown column ("[^"]*"),`, "未知列${1},"),
		// Rows.
		s(`("[^"]*"(?:\.\.\.)?) repeats line (\d+): ids must be unique`, "${1}与第${2}行重复：编号必须唯一"),
		s(`column (\d+) \(("[^"]*")\) repeats column (\d+) \(("[^"]*")\): give it once`, "第${1}列（${2}）与第${3}列（${4}）重复：只写一次"),
		s(`column (\d+) has no name in the header, but this row has (".*") in it$`, "第${1}列在表头中没有名称，但此行在该列有${2}"),
		s(`more than (\d+) rows: split the log, or raise Options.MaxRows`, "超过${1}行：请拆分记录，或调高 Options.MaxRows"),
		s(`(\d+) more errors not shown: fix these first`, "另有${1}个错误未列出：请先改正以上错误"),
		s(`(\S+) is before the run starts at (\S+)$`, "${1}早于运行开始时间 ${2}"),
		s(`(\S+) is after the run ends at (\S+)$`, "${1}晚于运行结束时间 ${2}"),
		s(`the shift ends when it starts \(([^)]*)\): for a shift of 24 hours give start and end timestamps`,
			"班次结束时间与开始时间相同（${1}）：24小时的班次请用 start 和 end 时间戳"),
		s(`the shift ends when it starts \(([^)]*)\)$`, "班次结束时间与开始时间相同（${1}）"),
		s(`the shift ends at (\S+), before the run starts at (\S+)$`, "班次结束于 ${1}，早于运行开始时间 ${2}"),
		s(`the shift ends at (\S+), before it starts at (\S+)$`, "班次结束于 ${1}，早于开始时间 ${2}"),
		s(`missing: a (\S+) row needs the item's id, as in arrivals.csv`, "缺失：${1}行需要物品编号，与 arrivals.csv 中一致"),
		s(`building ("[^"]*") is in ("[^"]*"), not ("[^"]*"): give the building's zone, or leave zone empty`,
			"楼栋${1}属于片区${2}，不属于${3}：请写楼栋所在的片区，或将 zone 留空"),
		s(`building ("[^"]*") is in no zone: leave zone empty`, "楼栋${1}不属于任何片区：请将 zone 留空"),
		s(`(".*") is more than (\d+)$`, "${1}大于${2}"),
		s(`(".*") is not in the years 1000 to 9998$`, "${1}不在1000至9998年之间"),
		s(`(".*") has no time zone: add its offset \((.*), or Z for UTC\) or give a tz column \((.*)\)$`,
			"${1}没有时区：请加上时区偏移（${2}，UTC 写 Z），或给出 tz 列（${3}）"),
		s(`(\S+) on (\S+) has no time zone: give a tz column \((.*)\), or write `, "${2} ${1}没有时区：请给出 tz 列（${3}），或写"),
		// The last line of cordon fit's log problems.
		s(`: (\d+) problems; --lenient skips bad rows$`, "：${1}个问题；--lenient 可跳过有误的行"),
		s(`: (\d+) problems$`, "：${1}个问题"),
		s(`: no durations to fit$`, "：没有可拟合的时长"),
		// cordon record: the day asked for cannot be written in a log.
		s(`the logs would hold times from (\S+) to (\S+), but a log holds times of the years (\d+) to (\d+) \(in UTC\): give a later date`,
			"记录中的时间将从 ${1} 到 ${2}，但记录只能写${3}至${4}年（UTC）的时间：请给出更晚的日期"),
		s(`the logs would hold times from (\S+) to (\S+), but a log holds times of the years (\d+) to (\d+) \(in UTC\): give an earlier date`,
			"记录中的时间将从 ${1} 到 ${2}，但记录只能写${3}至${4}年（UTC）的时间：请给出更早的日期"),
		s(`(\S+) exists and cordon record did not write it \(it does not begin (".*")\): --force overwrites only logs cordon recorded; give another --out`,
			"${1}已存在，且不是 cordon record 写的（开头不是${2}）：--force 只覆盖 cordon record 写的记录；请换一个 --out"),
	}
	// A name a log gives that the scenario does not have, and the list of
	// those it has.
	for _, w := range logWhats() {
		en, zh := w[0], w[1]
		out = append(out,
			s(`no `+en+` ("(?:[^"\\]|\\.)*"(?:\.\.\.)?): `, "没有"+zh+"${1}："),
			s(`no `+en+` ("(?:[^"\\]|\\.)*"(?:\.\.\.)?)`, "没有"+zh+"${1}"),
			s(`the scenario has no `+en+`s`, "场景中没有"+zh),
			s(`the only `+en+` is (.*)$`, "唯一的"+zh+"是 ${1}"),
			s(`the `+en+`s are (.*), \.\.\. \((\d+) in all\)`, zh+"有 ${1}……（共${2}个）"),
			s(`the `+en+`s are (.*) and ([^;]*)`, zh+"有 ${1} 和 ${2}"),
		)
	}
	return out
}

// logWhats are the things a log names, and their Chinese.
func logWhats() [][2]string {
	return [][2]string{{"kind", "种类"}, {"building", "楼栋"}, {"zone", "片区"}, {"pool", "人员组"}, {"event", "事件"}}
}

// logPhrases are the phrases of the problems of a log and the help of
// its columns, longest first where one holds another; Error puts them
// before its other phrases.
func logPhrases() [][2]string {
	return [][2]string{
		// The help of each column, said when it is missing.
		{"when each item arrived at the gate: ", "每件物品到达大门的时间："},
		{"the kind of each item, one of the scenario's deliveries", "每件物品的种类，须为场景中的一种配送"},
		{"the step timed, such as gate.intake or delivery.door", "计时的步骤，例如 gate.intake 或 delivery.door"},
		{"how long it took: a Go duration like 23s or 1m30s, or a number of seconds", "所用时长：Go 时长如 23s 或 1m30s，或秒数"},
		{"the kind of a delivered or turned-away item", "已送达或被拒收物品的种类"},
		{"the id of a delivered item, as in arrivals.csv", "已送达物品的编号，与 arrivals.csv 中一致"},
		{"the staff pool, or pool/zone for one zone's group of a zone pool", "人员组；分片区的人员组中某一片区的小组写作 pool/zone"},
		{"when the staff came on duty: ", "人员上岗的时间："},
		{"when they went off duty: ", "人员下岗的时间："},
		{" (or from, HH:MM, with date and tz columns)", "（或 from 列写 HH:MM，并有 date 和 tz 列）"},
		{" (or to, HH:MM, with date and tz columns)", "（或 to 列写 HH:MM，并有 date 和 tz 列）"},
		{"how many were on duty, a whole number", "在岗人数，整数"},
		{"the date of a time written HH:MM, as 2021-11-25", "以 HH:MM 写的时间所在的日期，如 2021-11-25"},
		{"the time zone: ", "时区："},
		// The ways of writing a time.
		{"a timestamp with its offset, like 2021-11-25T08:13:05+08:00", "带时区偏移的时间戳，如 2021-11-25T08:13:05+08:00"},
		{"an offset like +08:00 or a zone name like Asia/Shanghai", "时区偏移如 +08:00，或时区名如 Asia/Shanghai"},
		{", or HH:MM with date and tz columns", "，或 HH:MM 并有 date 和 tz 列"},
		// A row's fields.
		{"missing: name the step timed, such as gate.intake", "缺失：请写计时的步骤，例如 gate.intake"},
		{"missing: give a duration like 23s or 1m30s, or a number of seconds", "缺失：请给出时长，如 23s 或 1m30s，或秒数"},
		{" is not a duration: write a Go duration like 23s or 1m30s, or a number of seconds", "不是时长：请写 Go 时长如 23s 或 1m30s，或秒数"},
		{" is not a finite number of seconds", "不是有限的秒数"},
		{" is negative: a duration is 0 or more", "为负数：时长须为0或以上"},
		{"missing: give delivered, turned_away or sampled", "缺失：请写 delivered、turned_away 或 sampled"},
		{"missing: give the item's kind; ", "缺失：请写物品的种类；"},
		{"missing: give the pool; ", "缺失：请写人员组；"},
		{"; a zone pool's group is pool/zone, like ", "；分片区人员组的小组写作 pool/zone，例如 "},
		{"missing: give a whole number, 0 or more", "缺失：请写0或以上的整数"},
		{" is not a whole number, 0 or more", "不是0或以上的整数"},
		{" is not a whole number: write 0, 1, 2, ...", "不是整数：请写0、1、2……"},
		{" is negative: write a whole number, 0 or more", "为负数：请写0或以上的整数"},
		{"missing: give ", "缺失：请写"},
		{" is a date without a time: write ", "只有日期没有时间：请写"},
		{" is not a time: write ", "不是时间：请写"},
		{" has no date: give a date column (2021-11-25) and a tz column, or write ", "没有日期：请给出 date 列（2021-11-25）和 tz 列，或写"},
		{" is not a date: write YYYY-MM-DD, for example 2021-11-25", "不是日期：请写 YYYY-MM-DD，例如 2021-11-25"},
		{" is not a time zone: write ", "不是时区：请写"},
		// The file as a whole.
		{"the lines end in a carriage return alone (old Mac line endings): save the file with LF or CRLF line endings",
			"行尾只有回车符（旧式 Mac 换行）：请以 LF 或 CRLF 换行保存文件"},
		{"the line is longer than 1 MiB, the most a line of a log may hold (is this a log?)", "该行超过1 MiB，即记录中一行的上限（这是记录文件吗？）"},
		{"the row is longer than 1 MiB, the most a row of a log may hold (is a quoted field not closed?)", "该行数据超过1 MiB，即记录中一行的上限（是否有引号未闭合？）"},
		{`the quoted field opening on this line is never closed: end it with "`, `此行开始的带引号字段没有结束：请以 " 结束`},
		// cordon record's flags and folder.
		{"record needs --date YYYY-MM-DD and --tz ZONE: a log's times are on a calendar, in an explicit zone",
			"record 需要 --date YYYY-MM-DD 和 --tz ZONE：记录中的时间要落在日历的某一天，并有明确的时区"},
		{": want YYYY-MM-DD, such as 2021-11-25", "：应为 YYYY-MM-DD，例如 2021-11-25"},
		{" must be 0 or more, got ", "必须为0或以上，实际为"},
		{": nothing written: ", "：未写入任何文件："},
		{" exists: give another --out or --force", "已存在：请换一个 --out，或用 --force"},
		{"bad header: ", "表头有误："},
		{"cannot read: ", "无法读取："},
	}
}
