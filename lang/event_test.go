package lang_test

import (
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/lang"
)

// Every kind of event is worded in Chinese from its fields, with the
// catalogue's names and a scenario's own names as they are; in English it
// is compound's own description, byte for byte.
func TestEvent(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	hours := func(h float64) compound.Duration { return compound.Duration(h * 3600) }
	for _, c := range []struct {
		ev   compound.Event
		want string
	}{
		{compound.Event{Remove: &compound.Equipment{Carts: 2, DisinfectionSpace: 1}}, "撤走推车2辆、消杀位1个"},
		{compound.Event{Staff: &compound.StaffChange{Pool: "runners", Change: -3, For: hours(4)}}, "跑腿志愿者在岗人数-3，持续4小时"},
		{compound.Event{Staff: &compound.StaffChange{Pool: "my-pool", Change: 2}}, "my-pool在岗人数+2，直到运行结束"},
		{compound.Event{CloseGate: &compound.GateClosure{For: hours(2), Couriers: "wait", Except: []string{"takeout", "express"}}},
			"大门关闭，持续2小时，快递员等待（外卖、快递：离开）"},
		{compound.Event{Seal: &compound.Seal{Building: "3", Crew: "suited-crew", For: hours(48)}}, "3号楼封控，持续48小时，由穿防护服人员上门服务"},
		{compound.Event{Surge: &compound.Surge{Kind: "takeout", Times: 2, Extra: 30, For: hours(1.5)}}, "外卖到达量×2，并额外30件外卖，持续1小时30分钟"},
		{compound.Event{Surge: &compound.Surge{Kind: "groupbuy", Times: 1, Extra: 1200}, Note: "a big order"}, "额外1200件团购，一次到达（a big order）"},
	} {
		if got := zh.Event(c.ev); got != c.want {
			t.Errorf("Chinese Event(%+v) = %q, want %q", c.ev, got, c.want)
		}
		if got, want := en.Event(c.ev), c.ev.Describe(); got != want {
			t.Errorf("English Event(%+v) = %q, want %q", c.ev, got, want)
		}
	}
}
