package lang_test

import (
	"fmt"

	"cordon/lang"
)

// A printer writes cordon's words in the language --lang or LANG names.
func ExampleParse() {
	for _, s := range []string{"zh_CN.UTF-8", "en_GB.UTF-8", "fr"} {
		tag, err := lang.Parse(s)
		fmt.Println(tag, err)
	}
	// Output:
	// zh-Hans <nil>
	// en <nil>
	// und language "fr": cordon writes en (English) and zh-CN (Simplified Chinese)
}

// Spans of time are written as people read them, in either language.
func ExamplePrinter_Duration() {
	en := lang.English()
	zh, _ := lang.Parse("zh-CN")
	for _, p := range []*lang.Printer{en, lang.New(zh)} {
		fmt.Println(p.Duration(3.4), p.Duration(269), p.Duration(5640), p.Difference(-720))
	}
	// Output:
	// 3.4 s 4 min 29 s 1 h 34 min −12 min
	// 3.4秒 4分29秒 1小时34分钟 −12分钟
}

// A KPI's label comes from the catalogue in Chinese; in English it is the
// label the model gives it.
func ExamplePrinter_KPILabel() {
	zh, _ := lang.Parse("zh-CN")
	p := lang.New(zh)
	fmt.Println(p.KPILabel("sampling.makespan", "", "round's length"))
	fmt.Println(lang.English().KPILabel("sampling.makespan", "", "round's length"))
	// Output:
	// 本轮核酸采样用时
	// round's length
}
