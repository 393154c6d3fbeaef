package lang

import "strings"

// entry is one message of the catalogue: its key, its English text when
// the key is not English text itself ("kpi:*.door_time.p95"), and its
// Simplified Chinese.
type entry struct {
	key, en, zh string
}

// catalogue is every message cordon translates.
func catalogue() []entry {
	var all []entry
	for _, part := range [][]entry{kpiEntries(), nameEntries(), stageEntries(), pathEntries(), reportEntries(), plotEntries(), summaryEntries(), errorEntries(), postEntries()} {
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
		kpi("*.turned_away", "被退回的物品数", "大门放不下而被退回的%s物品数"),
		kpi("*.backlog", "仍在途中的物品数", "运行结束时仍在途中的%s物品数"),
		kpi("items.delivered", "送到家门口的物品数（各类合计）", "送到居民家门口的各类物品总数"),
		kpi("items.backlog", "仍在途中的物品数（各类合计）", "运行结束时仍在途中的各类物品总数"),
		kpi("gate.staging.mean", "暂存区物品数，平均", "放在暂存区的平均物品数"),
		kpi("gate.staging.max", "暂存区物品数，最多", "暂存区同时存放的最多物品数（受容量限制，并非越少越好）"),
		kpi("gate.staging.time_full", "暂存区满的时长", "暂存区放满的时长"),
		kpi("gate.couriers_waiting.max", "等待放下的物品数，最多", "在大门等待空位放下的最多物品数"),
		kpi("gate.courier_wait.mean", "快递员等待放下的时间，平均", "从到达大门到放下物品的平均等待时间"),
		kpi("gate.turned_away", "被退回的物品数", "在大门被退回的物品数"),
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
		kpi("sampling.site.*.queue.peak", "排队人数，最多", "在%s核酸采样点排队的最多居民数"),
		kpi("sampling.site.*.queue.mean", "开放时排队人数，平均", "%s核酸采样点开放期间的平均排队居民数"),
		kpi("sampling.site.*.makespan", "最后一位居民采样完成", "从本轮开始到%s核酸采样点最后一位居民采样完成的时间"),
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
		kpi("staff.*.hours", "在岗人·小时", "%s在岗的人·小时数"),
	} {
		out = append(out, e...)
	}
	return out
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
