package lang

import "strings"

// entry is one message of the catalogue: its key, its English text when
// the key is not English text itself ("kpi:*.door_time.p95"), and its
// Simplified Chinese.
type entry struct {
	key, en, zh string
	// of is, for a command's text of the help, the Fingerprint of the
	// English that zh translates.
	of string
}

// catalogue is every message cordon translates.
func catalogue() []entry {
	var all []entry
	for _, part := range [][]entry{kpiEntries(), nameEntries(), stageEntries(), pathEntries(), reportEntries(), plotEntries(), summaryEntries(), errorEntries(), postEntries(), compareEntries(), dayEntries(), plannerEntries(), reviewEntries(), listingEntries(), eventEntries(), fitEntries(), unstableEntries(), helpWordEntries(), helpCommandEntries()} {
		all = append(all, part...)
	}
	return all
}

// kpiEntries are the KPIs' labels ("kpi:") and descriptions ("kpi-desc:",
// with %s for the subject), keyed by KPIKey. Their English is in
// compound's catalogue (kpi_defs.go).
func kpiEntries() []entry {
	kpi := func(key, label, desc string) []entry {
		return []entry{{key: "kpi:" + key, zh: label}, {key: "kpi-desc:" + key, zh: desc}}
	}
	var out []entry
	for _, e := range [][]entry{
		kpi("*.arrived", "到达物品数", "到达大门的%s物品数"),
		kpi("*.delivered", "送到家门口的物品数", "送到居民家门口的%s物品数"),
		kpi("*.throughput", "每小时送达件数", "运行期间每小时送到家门口的%s物品数"),
		kpi("*.door_time.mean", "送到家门口用时，平均", "%s物品从大门到家门口的平均用时"),
		kpi("*.door_time.p50", "送到家门口用时，中位数", "%s物品从大门到家门口用时的中位数"),
		kpi("*.door_time.p90", "送到家门口用时，第90百分位", "%s物品送到家门口用时的第90百分位数"),
		kpi("*.door_time.p95", "送到家门口用时，第95百分位", "%s物品送到家门口用时的第95百分位数"),
		kpi("*.door_time.max", "送到家门口用时，最长", "%s物品送到家门口的最长用时"),
		kpi("*.within_target", "在时限内送到家门口的比例", "已送达的%s物品中在时限内送到家门口的比例"),
		kpi("*.time.put_down", "在大门等待放下的时间", "已送达%s物品在大门等待放下的平均时间"),
		kpi("*.time.intake", "等待及登记贴标的时间", "已送达%s物品等待并接受检查、登记贴标的平均时间"),
		kpi("*.time.wait_cart", "在暂存区等待推车的时间", "已送达%s物品在暂存区等待推车的平均时间"),
		kpi("*.time.carried", "推车转运的时间", "已送达%s物品在推车上转运进小区的平均时间"),
		kpi("*.time.disinfection", "等待及消杀的时间", "已送达%s物品等待并在消杀区消杀的平均时间"),
		kpi("*.time.sorting", "等待及分拣的时间", "已送达%s物品等待并分拣的平均时间"),
		kpi("*.time.wait_run", "在片区货架上等待配送的时间", "已送达%s物品在片区货架上等待志愿者配送的平均时间"),
		kpi("*.time.run", "送到家门口途中的时间", "已送达%s物品在送往家门口途中的平均时间"),
		kpi("*.within_deadline", "在时限内送到家门口的比例", "%s物品中在时限内送到家门口的比例"),
		kpi("*.deadline_missed", "超过时限的物品数", "超过送达时限仍未送到家门口的%s物品数"),
		kpi("*.longest_wait", "送到家门口的最长用时，含仍在途中的", "%s物品从大门到家门口的最长用时，运行结束时仍在途中的物品按已用时间计"),
		kpi("*.turned_away", "被退回的物品数", "大门放不下而被退回的%s物品数"),
		kpi("*.backlog", "仍在途中的物品数", "运行结束时仍在途中的%s物品数"),
		kpi("items.delivered", "送到家门口的物品数（各类合计）", "送到居民家门口的各类物品总数"),
		kpi("items.backlog", "仍在途中的物品数（各类合计）", "运行结束时仍在途中的各类物品总数"),
		kpi("gate.staging.mean", "暂存区物品数，平均", "放在暂存区的平均物品数"),
		kpi("gate.staging.max", "暂存区物品数，最多", "暂存区同时存放的最多物品数（受容量限制，并非越少越好）"),
		kpi("gate.staging.time_full", "暂存区满的时长", "暂存区放满的时长"),
		kpi("gate.couriers_waiting.max", "等待放下的物品数，最多", "在大门等待空位放下的最多物品数"),
		kpi("gate.pile.items", "放到门外堆放处的物品数", "暂存区放满、放到门外堆放处的物品数"),
		kpi("gate.pile.max", "门外堆放处物品数，最多", "门外堆放处同时堆放的最多物品数"),
		kpi("gate.pile.time_nonempty", "门外堆放处有物品的时长", "门外堆放处堆有物品的时长"),
		kpi("gate.courier_wait.mean", "快递员等待放下的时间，平均", "从到达大门到放下物品的平均等待时间"),
		kpi("gate.turned_away", "被退回的物品数", "在大门被退回的物品数"),
		kpi("households.same_day", "当天送齐的户数比例", "某天有物品待送的户中，当天结束前该天物品全部送到家门口的比例（每户每个等待日各计一次）"),
		kpi("households.left_waiting", "当天结束时仍未送齐的户数", "某天有物品待送、当天结束时仍有该天物品未送到家门口（被退回或仍在途中）的户数（每户每个这样的日子各计一次）"),
		kpi("sampling.makespan", "本轮核酸采样用时", "从本轮采样开始到最后一位居民采样完成的时间（若有居民未采样，则到运行结束）"),
		kpi("sampling.sampled", "已采样居民数", "已完成采样的居民数"),
		kpi("sampling.not_sampled", "未采样居民数", "运行结束时仍未采样的居民数"),
		kpi("sampling.per_hour", "每小时采样人数", "本轮每小时采样的居民数"),
		kpi("sampling.wait.mean", "采样点等候时间，平均", "在核酸采样点的平均等候时间（排队，不含采样本身）"),
		kpi("sampling.wait.p95", "采样点等候时间，第95百分位", "在核酸采样点等候时间的第95百分位数"),
		kpi("sampling.queue.peak", "采样点排队人数，最多", "任一核酸采样点同时排队的最多居民数"),
		kpi("sampling.in_transit.mean", "送检途中的样本数，平均", "本轮中已采集、尚未送达实验室的平均样本数"),
		kpi("sampling.in_transit.max", "送检途中的样本数，最多", "已采集、尚未送达实验室的最多样本数"),
		kpi("sampling.lab_done", "最后一份样本送达实验室", "从本轮开始到最后一份样本送达实验室的时间"),
		kpi("sampling.sampled_by", "到设定时刻已采样的居民比例", "到设定时刻（sampling.lab.sampled_by，本轮当天）已采样的居民占本轮居民的比例"),
		kpi("sampling.results_known", "全部结果出来", "从本轮开始到最后一位居民的结果出来的时间（若有结果未出，则到运行结束）：实验室检测、阳性混管复检和出报告"),
		kpi("sampling.pools_retested", "复检的阳性混管数", "实验室检出阳性、逐一单管复检的混管数"),
		kpi("sampling.lab_wait.mean", "实验室等待检测时间，平均", "试管在实验室等待仪器的平均时间，复检也计在内"),
		kpi("sampling.lab_queue.max", "实验室等待检测的试管数，最多", "在实验室同时等待仪器的最多试管数"),
		kpi("sampling.no_shows", "错过叫号的居民数", "被叫下楼却错过叫号、留给扫楼队的居民数（sampling.no_shows）"),
		kpi("sampling.left_at_close", "采样点撤点时未采样的居民数", "最后一个采样点撤点（本轮在采样点结束）时仍未采样的居民数：扫楼队还要找的人（若运行结束时仍有采样点开放，则到运行结束）"),
		kpi("sampling.swept", "扫楼采样的居民数", "错过叫号、由扫楼队上门采样的居民数"),
		kpi("sampling.sweep_done", "扫楼完成用时", "从本轮开始到扫楼队给最后一位错过叫号的居民采样完成的时间（若有人未采样，则到运行结束；无人错过则为0）"),
		kpi("sampling.kits.handed_out", "发放的抗原试剂盒数", "上门发放的抗原试剂盒数，每位居民一盒"),
		kpi("sampling.kits.returned", "收回的抗原试剂盒数", "用过后放在门口并已收走的抗原试剂盒数"),
		kpi("sampling.kits.not_returned", "未交回的抗原试剂盒数", "已发放但从未用过放到门口的抗原试剂盒数（kits.returned + kits.not_returned + kits.out = kits.handed_out）"),
		kpi("sampling.kits.out", "待收走的抗原试剂盒数", "运行结束时用过放在门口、尚未收走的抗原试剂盒数"),
		kpi("sampling.kits.not_handed_out", "未发放的抗原试剂盒数", "运行结束时仍未发放的抗原试剂盒数"),
		kpi("sampling.kits.handed_out_by", "发完试剂盒用时", "从本轮开始到最后一户拿到试剂盒的时间（若有未发到的，则到运行结束；没有要发的则为0）"),
		kpi("sampling.kits.collected_by", "收完试剂盒用时", "从本轮开始到最后一批用过的试剂盒收走的时间（若有未收走的，则到运行结束；无人交回则为0）"),
		kpi("sampling.staff_hours", "采样点医护人员人时", "各采样点登记和采样医护人员的人时：从本轮开始到该采样点撤点（最后一位居民采样完成）或运行结束"),
		kpi("sampling.site.*.queue.peak", "排队人数，最多", "在%s核酸采样点排队的最多居民数"),
		kpi("sampling.site.*.queue.mean", "开放时排队人数，平均", "%s核酸采样点开放期间的平均排队居民数"),
		kpi("sampling.site.*.makespan", "最后一位居民采样完成", "从本轮开始到%s核酸采样点最后一位居民采样完成的时间"),
		kpi("sampling.site.*.staff_hours", "医护人员人时", "%s登记和采样医护人员的人时：从本轮开始到该采样点撤点或运行结束"),
		kpi("garbage.collected", "已清运户数", "垃圾已清运的户数"),
		kpi("garbage.late", "清运延误户数", "清运时段结束后才清运的户数"),
		kpi("garbage.backlog", "未清运户数", "运行结束时垃圾仍未清运的户数"),
		kpi("garbage.done_after", "垃圾清运完成用时", "从第一个清运时段开始到最后一栋楼清运完毕的时间"),
		kpi("special_needs.cards", "提交的需求卡数", "居民提交的特殊需求卡数"),
		kpi("special_needs.response.mean", "响应时间，平均", "从提交需求卡到需求办结的平均时间"),
		kpi("special_needs.response.p95", "响应时间，第95百分位", "从提交需求卡到需求办结用时的第95百分位数"),
		kpi("special_needs.backlog", "未办结的需求卡数", "运行结束时仍未办结的需求卡数"),
		kpi("special_needs.within_target", "在时限内办结的比例", "在时限内办结的需求卡比例"),
		kpi("staff.*.utilisation", "利用率", "%s在岗时间中忙碌的比例（班次结束后的工作计为加班，不计入此处）"),
		kpi("staff.*.overtime", "加班时长", "%s超出班次结束时间和防护服穿着时限的工作时间"),
		kpi("staff.*.hours", "在岗人时", "%s在岗的人时数"),
		kpi("staff.*.hours_over_max", "超出每人最长工时的人时", "%s超出每人最长工时的人时：班次结束时留下做完手头任务，或记录的排班长于上限（未设上限为0）"),
		kpi("staff.*.suits", "穿上的防护服套数", "%s穿上的防护服套数：每次上岗、每个班次开始及每次更换时各一套"),
		kpi("staff.hours", "在岗人时，全体人员", "各人员组在岗的人时（staff.POOL.hours）加上采样点医护人员的人时（sampling.staff_hours）"),
		kpi("consumables.suits", "用掉的防护服套数", "穿上的防护服套数：穿防护服的人员组每次上岗和更换时各一套（staff.POOL.suits），采样点每名医护人员本轮一套，人员每次进入封控楼栋一套"),
		kpi("consumables.disinfectant", "用掉的消毒液", "对放入消杀区的物品喷洒的消毒液升数（每件 costs.disinfectant_per_item）"),
		kpi("cost.staff", "人员成本", "运行期间的人员成本：各人员组排班上的人时（不含休息，含更换防护服）乘以每小时成本（hour_cost），加上采样点每名医护人员本轮的成本（costs.medical）"),
		kpi("cost.equipment", "设备成本", "运行期间的货架、集装箱、推车和消杀位成本"),
		kpi("cost.consumables", "耗材成本", "用掉的防护服（costs.suit）和消毒液（costs.disinfectant，按升计）的成本"),
		kpi("cost.total", "本次模拟的总成本", "本次运行的总成本：人员、设备和耗材（`cordon plan` 按 cost.staff + cost.equipment 衡量方案）"),
		kpi("posts.*.arrived", "来人数", "从外部、沿路线及因等候区已满转来到达%s岗位的人数"),
		kpi("posts.*.per_hour", "每小时来人数", "运行期间每小时到达%s岗位的人数"),
		kpi("posts.*.served", "已服务人数", "在%s岗位得到服务的人数"),
		kpi("posts.*.throughput", "每小时服务人数", "运行期间%s岗位每小时服务的人数"),
		kpi("posts.*.wait.mean", "排队时间，平均", "已服务的人在%s岗位接受服务前的平均排队时间"),
		kpi("posts.*.wait.p95", "排队时间，第95百分位", "在%s岗位接受服务前排队时间的第95百分位数"),
		kpi("posts.*.time.mean", "在岗位停留的时间，平均", "已服务的人从到达%s岗位到服务结束的平均时间"),
		kpi("posts.*.queue.mean", "排队人数，平均", "运行期间在%s岗位排队的平均人数"),
		kpi("posts.*.queue.peak", "排队人数，最多", "在%s岗位同时排队的最多人数"),
		kpi("posts.*.utilisation", "利用率", "%s岗位服务人员在岗时间中用于该岗位服务的比例"),
		kpi("posts.*.turned_away", "等候区满了而离开的人数", "到达%s岗位时等候区已满而离开的人数"),
		kpi("posts.*.blocking", "遇到等候区已满的比例", "到达%s岗位时服务人员都在忙且等候区已满（离开或被转走）的比例"),
		kpi("posts.*.balked", "见队长而离开的人数", "到达%s岗位时见队长而立即离开的人数"),
		kpi("posts.*.reneged", "放弃排队的人数", "在%s岗位排队、未得到服务就放弃排队的人数"),
		kpi("posts.*.abandoning", "放弃排队的比例", "到达%s岗位的人中未得到服务就放弃排队的比例"),
		kpi("posts.network_time.mean", "经过各岗位的总时间，平均", "从进入各岗位（从外部、大门或采样点）到离开的平均时间"),
		kpi("posts.network_time.p95", "经过各岗位的总时间，第95百分位", "从进入各岗位到离开的时间的第95百分位数"),
		kpi("posts.left", "外来人员已离开的人数", "从外部到达并已离开各岗位的人数"),
	} {
		out = append(out, e...)
	}
	// a day's KPI: its whole run's label and description with the day
	return append(out, entry{key: "kpi-day", en: ", day %d", zh: "，第%d天"}, entry{key: "kpi-round", en: ", round %d", zh: "，第%d轮"})
}

// nameEntries are the names of the built-in scenarios' kinds of delivery,
// sites, staff pools and posts ("name:").
func nameEntries() []entry {
	name := func(n, zh string) entry {
		en := ""
		if strings.Contains(n, "-") || strings.Contains(n, "_") {
			en = strings.NewReplacer("-", " ", "_", " ").Replace(n) // "suited crew"
		}
		return entry{key: "name:" + n, en: en, zh: zh}
	}
	return []entry{
		name("express", "快递"), name("takeout", "外卖"), name("relatives", "亲友送物"), name("reserve", "保供物资"),
		name("groupbuy", "团购"), name("group-buy", "团购"),
		name("gate-crew", "大门组"), name("suited-crew", "穿防护服人员"), name("sorting-group", "分拣组"),
		name("zone-volunteers", "片区志愿者"), name("community-workers", "社区工作者"), name("mobile-team", "机动队"),
		name("runners", "跑腿志愿者"), name("medical", "医护人员"),
		// The three-rounds scenario's own pool: its English stays its name.
		{key: "name:sweep-team", en: "sweep-team", zh: "扫楼队"},
		name("site-a", "A采样点"), name("site-b", "B采样点"), name("site-c", "C采样点"), name("site-d", "D采样点"),
		name("intake", "登记贴标"), name("staging", "暂存区"), name("transfer", "转运"), name("disinfection", "消杀"),
		name("sorting", "分拣"), name("delivery", "送货上门"), name("gate", "大门"), name("garbage", "垃圾清运"),
		name("special_needs", "特殊需求"), name("sampling", "核酸采样"), name("carts", "推车"),
		name("shelves", "货架"), name("containers", "集装箱"), name("ground", "地面"),
	}
}

// stageEntries are the stages of a delivery's way to the door ("stage:").
func stageEntries() []entry {
	stage := func(n, en, zh string) entry { return entry{key: "stage:" + n, en: en, zh: zh} }
	return []entry{
		stage("put_down", "waiting to be put down", "等待放下"),
		stage("intake", "checked and labelled", "登记贴标"),
		stage("wait_cart", "waiting for a cart", "等待推车"),
		stage("carried", "carried in", "推车转运"),
		stage("disinfection", "disinfection", "消杀"),
		stage("sorting", "sorting", "分拣"),
		stage("wait_run", "on the zone's shelf", "片区货架等待"),
		stage("run", "run to the door", "送到家门口"),
	}
}
