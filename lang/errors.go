package lang

import (
	"regexp"
	"slices"
	"strings"
)

// Error writes an error message of the command line in the printer's
// language. Errors are made deep in cordon (the loader, the targets, the
// report folders) in English, with the file, line, field and value they
// are about; in Chinese the message's known sentences and phrases are put
// in Chinese and the rest (names, paths, values, the fields of a
// scenario file) kept as it is, so that the message still names exactly
// what to fix.
func (p *Printer) Error(msg string) string {
	if !p.Chinese() {
		return msg
	}
	for _, s := range p.sentences() {
		if s.re.MatchString(msg) { // a match allocates nothing; a replacement does
			msg = s.re.ReplaceAllString(msg, s.zh)
		}
	}
	for _, ph := range errorPhrases() {
		msg = strings.ReplaceAll(msg, ph[0], ph[1])
	}
	return msg
}

// errorSentence is a whole sentence of an error, matched with its values.
type errorSentence struct {
	re *regexp.Regexp
	zh string // with $1, $2 for the values
}

// errorSentences are the errors whose Chinese puts their values in
// another order.
func errorSentences() []errorSentence {
	s := func(re, zh string) errorSentence { return errorSentence{regexp.MustCompile(re), zh} }
	return append(slices.Concat(checkSentences(), scenarioSentences(), logSentences(), commandSentences(), usageSentences()),
		s(`(\d+) of (\d+) scenarios missed a target`, "${2}个场景中有${1}个未达成目标"),
		s(`(\d+) of (\d+) scenarios have problems`, "${2}个场景中有${1}个有问题"),
		s(`the arrivals log has problems \(above\)`, "到达记录有问题（见上文）"),
		s(`^(\d+) of the logs have problems \(above\)`, "${1}份记录有问题（见上文）"),
		s(`unknown column ("[^"]*"): the columns are (.*)$`, "未知列${1}：可用的列为 ${2}"),
		s(`empty file: no header row; the columns are (.*)$`, "空文件：没有表头行；可用的列为 ${1}"),
		s(`missing column: (.*)$`, "缺少列：${1}"),
		s(`the row has (\d+) fields, the header names (\d+) columns`, "该行有${1}个字段，表头有${2}列"),
		s(`^(.*): valid \((.*)\)$`, "${1}：有效（${2}）"),
		s(` ?\(fields here: ([^)]*)\)`, "（此处可用字段：${1}）"),
		s(` ?\(built-in scenarios: ([^)]*)\)`, "（内置场景：${1}）"),
		s(`accepts (\d+) arg\(s\), received (\d+)`, "最多接受${1}个参数，实际收到${2}个"),
		s(`no scenario file or built-in scenario named ("[^"]*")`, "找不到名为${1}的场景文件或内置场景"),
		s(`(\S+) has no KPI (\S+)`, "${1}没有指标${2}"),
		s(`a duration needs a unit: write (\S+) \(or (\S+), (\S+)\)`, "时长需要单位：请写${1}（或${2}、${3}）"),
		// A suggestion asked, with a full-width question mark.
		s(`,? ?did you mean (\S+?)\?`, "，是否想写 ${1}？"),
		s(`^(\d+) samples?, fewer than --min (\d+)$`, "${1}个样本，少于 --min ${2}"),
		s(`^lognormal, gamma and weibull left out: (\d+) of (\d+) samples are 0s$`, "未考虑对数正态、伽马和威布尔分布：${2}个样本中有${1}个为0秒"),
	)
}

// errorPhrases are phrases of errors and their Chinese, longest first
// where one holds another.
func errorPhrases() [][2]string {
	return append(logPhrases(), [][2]string{
		{"unknown field, did you mean ", "未知字段，是否想写 "},
		{"unknown field", "未知字段"},
		{"expected a whole number such as 5", "应为整数，例如5"},
		{"expected a number such as 2.5", "应为数值，例如2.5"},
		{"expected a duration such as 45s, 30m or 1h30m", "应为时长，例如 45s、30m 或 1h30m"},
		{"expected a time of day HH:MM, for example 07:30", "应为钟点 HH:MM，例如 07:30"},
		{"expected true or false", "应为 true 或 false"},
		{"expected an amount of memory such as 2GiB, 512MB or 2000000000 (bytes)", "应为内存大小，例如 2GiB、512MB 或2000000000（字节）"},
		{"; got the text ", "；实际为文字"},
		{"; got ", "；实际为"},
		{"did you mean ", "是否想写 "},
		{"must not be negative", "不能为负数"},
		{"must be at least ", "必须至少为"},
		{"must be at most ", "必须至多为"},
		{", got ", "，实际为"},
		{"is not a whole number", "不是整数"},
		{"is not a duration", "不是时长"},
		{"unknown flag: ", "未知选项："},
		{"unknown shorthand flag: ", "未知短选项："},
		{"unknown command ", "未知命令 "},
		{"no such file or directory", "文件或目录不存在"},
		{"exists and is not a report cordon wrote", "已存在，且不是 cordon 写的报告"},
		{"cordon replaces only report folders it wrote itself", "cordon 只替换它自己写的报告文件夹"},
		{"an input of this command", "是本命令的输入"},
		{"; no report or file was written", "；未写入任何报告或文件"},
		{"interrupted again: stopped at once", "再次中断：立即停止"},
		{"interrupted", "已中断"},
		{"terminated", "已终止"},
		{"plan needs targets: give --target 'KPI<=VALUE' or targets in the scenario", "plan 需要目标：请用 --target 'KPI<=VALUE' 给出，或写在场景的 targets 中"},
		{"warning: ", "警告："},
		{"problems", "个问题"},
	}...)
}
