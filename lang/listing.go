package lang

import "strings"

// Unit is a KPI's unit in words, in the printer's language: "s" is 秒 in
// Chinese, "items/h" 件/小时; in English, and for a unit the catalogue
// does not know, the unit as it is.
func (p *Printer) Unit(unit string) string {
	return p.chineseWord("unit:", unit)
}

// Better is which direction of a KPI is better, in the printer's
// language: "lower" is 越低越好 in Chinese; "" (neither) stays "".
func (p *Printer) Better(better string) string {
	return p.chineseWord("better:", better)
}

// PathType is the kind of value a settable path takes (scenarios.Paths),
// in the printer's language: "whole number" is 整数 in Chinese.
func (p *Printer) PathType(typ string) string {
	return p.chineseWord("type:", typ)
}

// Column is the head of a column of the kpis and paths listings in the
// printer's language; in English the column's name, which is also its key
// in their JSON and CSV.
func (p *Printer) Column(name string) string {
	return p.chineseWord("column:", name)
}

// chineseWord is s in Chinese where the catalogue has prefix+s, else s as
// it is (in English always).
func (p *Printer) chineseWord(prefix, s string) string {
	if k := prefix + s; p.Chinese() && p.knows(k) {
		return p.msg.Sprintf(k)
	}
	return s
}

// listingEntries are the words of `cordon kpis` and `cordon paths`: their
// columns, the units and better directions of the KPIs, and the kinds of
// value of the settable paths.
func listingEntries() []entry {
	c := func(key, zh string) entry { return entry{key: key, en: key[1+strings.Index(key, ":"):], zh: zh} }
	return []entry{
		c("column:name", "代码名（用于 --target 和 --kpi）"), c("column:unit", "单位"), c("column:better", "方向"),
		c("column:label", "指标"), c("column:description", "说明"),
		c("column:path", "路径（用于 --set 和 --vary）"), c("column:meaning", "含义"), c("column:type", "取值类型"), c("column:value", "当前值"),
		{key: "unit:s", zh: "秒"}, {key: "unit:h", zh: "小时"}, {key: "unit:share", zh: "比例"},
		c("better:lower", "越低越好"), c("better:higher", "越高越好"),
		c("type:text", "文字"), c("type:whole number", "整数"), c("type:number", "数值"),
		c("type:duration", "时长"), c("type:time of day", "钟点"), c("type:yes or no", "是或否"),
		c("type:list", "列表"), c("type:time: a duration or a distribution", "时长：固定时长或分布"),
		c("type:count: a whole number or a distribution", "数量：整数或分布"),
	}
}
