package lang

import (
	"fmt"
	"strconv"
	"strings"
)

// PathLabel is a settable path of a scenario (see scenarios.Paths) in
// words, from the format's documentation:
// "staff.suited-crew.shifts[0].count" is "suited crew, shift 1, people";
// "gate.shelves" is "gate, parcel shelves". Parts it has no words for are
// written as they are.
func (p *Printer) PathLabel(path string) string {
	var words []string
	parts := strings.Split(path, ".")
	for i, part := range parts {
		name, index, listed := splitIndex(part)
		switch {
		case listed:
			words = append(words, p.listEntry(name, index))
		case namedLists[part] && i+1 < len(parts) && !inEvent(parts, i):
			// the entry's name after it says which list it is in
		case i > 0 && namedLists[parts[i-1]] && !inEvent(parts, i-1):
			words = append(words, p.entryName(parts[i-1], part))
		default:
			words = append(words, p.pathWord(part))
		}
	}
	sep := ", "
	if p.Chinese() {
		sep = "，"
	}
	return strings.Join(words, sep)
}

// namedLists are the lists of the format whose entries paths name by
// their name or id: "staff.suited-crew", "buildings.7".
var namedLists = map[string]bool{"buildings": true, "deliveries": true, "staff": true, "sites": true, "zones": true}

// inEvent says whether parts[i] is a field of an event ("events[1].staff"),
// not a named list of the scenario: an event's staff names its pool with
// "pool".
func inEvent(parts []string, i int) bool {
	return i > 0 && strings.HasPrefix(parts[i-1], "events[")
}

// entryName is an entry of a named list in words: "suited crew",
// "building 7".
func (p *Printer) entryName(list, name string) string {
	if list == "buildings" {
		return p.Sprintf("building %s", name)
	}
	if n := p.Name(name); n != name {
		return n
	}
	if rest, ok := strings.CutPrefix(name, "zone-"); ok {
		return p.Sprintf("zone %s", rest)
	}
	return strings.ReplaceAll(name, "-", " ")
}

// listEntry is an entry of a list by position in words: "shift 1".
func (p *Printer) listEntry(list string, index int) string {
	if k := "path:" + list + "[]"; p.knows(k) {
		return p.msg.Sprintf(k, index+1)
	}
	return fmt.Sprintf("%s %d", strings.ReplaceAll(list, "_", " "), index+1)
}

// pathWord is one part of a path in words: its "path:" entry, or the part
// itself with its underscores as spaces.
func (p *Printer) pathWord(part string) string {
	if k := "path:" + part; p.knows(k) {
		return p.msg.Sprintf(k)
	}
	return strings.ReplaceAll(part, "_", " ")
}

// splitIndex splits "shifts[0]" into "shifts" and 0.
func splitIndex(part string) (name string, index int, ok bool) {
	open := strings.IndexByte(part, '[')
	if open < 0 || !strings.HasSuffix(part, "]") {
		return part, 0, false
	}
	n, err := strconv.Atoi(part[open+1 : len(part)-1])
	if err != nil {
		return part, 0, false
	}
	return part[:open], n, true
}

// pathEntries are the words of the parts of settable paths ("path:"),
// after the scenario format's documentation; a list's entry by position
// is "path:NAME[]", with %d for its number from 1.
func pathEntries() []entry {
	w := func(part, en, zh string) entry { return entry{key: "path:" + part, en: en, zh: zh} }
	return []entry{
		w("name", "name", "名称"), w("description", "description", "说明"), w("seed", "seed", "随机种子"),
		w("replications", "replications", "重复运行次数"), w("targets", "targets", "目标"),
		w("clock", "clock", "时钟"), w("start", "start", "开始时间"), w("days", "days", "天数"),
		w("buildings", "buildings", "楼栋"), w("households", "households", "户数"), w("residents", "residents", "居民人数"),
		w("walk", "walk", "步行时间"), w("id", "number", "编号"),
		w("costs", "costs", "成本"), w("cart", "a cart", "每辆推车"), w("container", "a container", "每个集装箱"),
		w("disinfection_slot", "a disinfection place", "每个消杀位"), w("medical", "a medical team member", "每名医护人员"),
		w("shelf", "a shelf", "每个货架"),
		w("deliveries", "deliveries", "配送"), w("batch", "batch", "每批件数"), w("hot", "hot food", "热食"),
		w("per_day", "per day", "每天数量"), w("priority", "priority", "优先级"), w("profile", "arrivals through the day", "全天到达分布"),
		w("target", "target", "时限"), w("dwell", "dwell", "停留时间"),
		w("delivery", "delivery to the door", "送货上门"), w("door", "time at the door", "在家门口的时间"),
		w("fill", "fill", "等满载的最长时间"), w("items_per_run", "items per run", "每趟件数"),
		w("disinfection", "disinfection", "消杀"), w("space", "places", "消杀位"),
		w("floors", "floors", "下限"), w("knobs[]", "knob %d", "第%d项调整"), w("min", "least", "最少"), w("path", "path", "路径"),
		w("on_duty[]", "on duty rule %d", "第%d条在岗要求"), w("during", "during", "时段"), w("from", "from", "开始"),
		w("to", "to", "结束"), w("pool", "staff pool", "人员组"),
		w("garbage", "garbage", "垃圾清运"), w("bags_per_household", "bags per household", "每户垃圾袋数"),
		w("per_bag", "time per bag", "每袋用时"),
		w("gate", "gate", "大门"), w("close", "closes", "关闭时间"), w("open", "opens", "开放时间"),
		w("container_slots", "places per container", "每个集装箱的格位"), w("containers", "containers", "集装箱"),
		w("courier_patience", "courier's patience", "快递员可等待时间"), w("ground", "places on the ground", "地面暂存位"),
		w("intake", "intake", "登记贴标"), w("pile_intake", "intake from the pile", "堆放处登记贴标"),
		w("shelf_slots", "places per shelf", "每个货架的格位"),
		w("shelves", "parcel shelves", "快递货架"), w("when_full", "when full", "放满时的处理"),
		w("sampling", "sampling round", "核酸采样"), w("calling", "calling residents down", "通知下楼"),
		w("come_down", "time to come down", "下楼用时"), w("interval", "interval", "间隔"), w("order", "order", "顺序"),
		w("per_wave", "buildings per wave", "每批楼栋数"), w("day", "day", "日期"),
		w("door_to_door", "door-to-door sampling", "上门采样"), w("no_shows", "residents who miss the call", "错过叫号的居民"),
		w("sweep", "sweep", "扫楼"), w("after", "after the call", "叫号后多久"), w("share", "share", "比例"), w("visit", "time per visit", "每户用时"),
		w("pooling", "pooling", "混采"), w("every", "every", "每隔"), w("per_tube", "swabs per tube", "每管人数"),
		w("trip", "trip", "往返用时"), w("tubes_per_box", "tubes per box", "每箱管数"),
		w("registration", "registration", "登记用时"), w("sites", "sites", "采样点"), w("swab", "swab", "采样用时"),
		w("sorting", "sorting", "分拣"), w("time", "time", "用时"),
		w("special_needs", "special needs", "特殊需求"), w("handling", "handling", "处理用时"), w("trip_share", "share with a trip", "需外出的比例"),
		w("staff", "staff", "人员"), w("count", "people", "人数"), w("hour_cost", "cost per hour", "每小时成本"),
		w("max_hours", "most hours a person", "每人最长工时"),
		w("per_zone", "per zone", "按片区分组"), w("shifts[]", "shift %d", "第%d班"), w("breaks[]", "break %d", "第%d次休息"),
		w("at", "at", "时间"), w("length", "length", "时长"), w("tasks[]", "task %d", "第%d项任务"), w("task", "task", "任务"),
		w("suit", "protective suit", "防护服"), w("changeover", "changeover", "更换用时"), w("limit", "wearing limit", "穿着时限"),
		w("transfer", "transfer", "转运"), w("capacity", "capacity", "容量"), w("carts", "carts", "推车"), w("load", "loading", "装车用时"),
		w("zones", "zones", "片区"), w("site", "testing site", "采样点"), w("volunteers", "volunteers", "志愿者"),
		w("walk_to_site", "walk to the site", "到采样点的步行时间"),
		w("events[]", "event %d", "第%d项事件"), w("note", "note", "备注"),
		w("add", "added", "增加"), w("remove", "removed", "撤走"), w("disinfection_space", "disinfection places", "消杀位"),
		w("change", "change", "增减人数"), w("all_off", "whole team off", "全组停岗"), w("zone", "zone", "片区"),
		w("for", "for", "持续时间"), w("seal", "sealed building", "封控楼栋"), w("building", "building", "楼栋"),
		w("crew", "suited crew", "上门人员组"), w("close_gate", "gate closed", "大门关闭"),
		w("couriers", "couriers meanwhile", "期间快递员的处理"), w("except", "except", "例外的配送类型"),
		w("surge", "surge", "激增"), w("kind", "kind of delivery", "配送类型"), w("times", "times", "倍数"),
		w("extra", "extra items", "额外件数"),
		w("lab", "lab", "实验室"), w("servers", "servers", "服务台数"), w("test", "test time", "检测用时"),
		w("prevalence", "share positive", "阳性比例"), w("report", "time to the result", "出结果用时"),
		w("sampled_by", "sampled by", "计采样比例的时刻"),
		w("deadline", "deadline", "送达硬时限"), w("schedule[]", "schedule %d", "第%d批"), w("items", "items", "件数"),
		w("stairs", "stairs", "爬楼用时"), w("bin_trip", "bin trip", "往返垃圾桶用时"), w("bags_per_trip", "bags per trip", "每趟袋数"),
		w("disinfectant", "disinfectant", "每升消毒液"), w("disinfectant_per_item", "disinfectant per item", "每件消毒液用量"),
		w("rounds[]", "rounds %d", "后续第%d轮"), w("method", "method", "方式"), w("kits", "kits", "抗原试剂盒"),
		w("hand_out", "hand out", "发放用时"), w("returned", "returned", "交回比例"), w("collect", "collect", "收取用时"),
		{key: "building %s", zh: "%s号楼"}, {key: "zone %s", zh: "%s号片区"},
	}
}
