package lang

import (
	"strings"

	"cordon/compound"
)

// Event says what a scenario's event does, in a few words, in the
// printer's language: in English compound's own words ("building 12
// sealed, served by suited-crew"), in Chinese from the event's fields with
// the catalogue's names of pools, zones, kinds and equipment
// (12号楼封控，由穿防护服人员上门服务). A note the catalogue has (a
// built-in scenario's) is translated; a scenario's own note and names are
// written as they are.
func (p *Printer) Event(ev compound.Event) string {
	if !p.Chinese() {
		return ev.Describe()
	}
	var what string
	switch {
	case ev.Add != nil:
		what = p.Sprintf("%s added", p.equipment(*ev.Add))
	case ev.Remove != nil:
		what = p.Sprintf("%s taken away", p.equipment(*ev.Remove))
	case ev.Staff != nil:
		s := ev.Staff
		who := s.Pool
		if s.Zone != "" {
			who += "/" + s.Zone
		}
		if s.AllOff {
			what = p.Sprintf("%s all off", p.Post(who))
		} else {
			what = p.Sprintf("%s %+d on duty", p.Post(who), s.Change)
		}
		what += p.lasting(s.For, p.T("event:to-the-end"))
	case ev.CloseGate != nil:
		g := ev.CloseGate
		what = p.T("event:gate-closed") + p.lasting(g.For, "") + p.Sprintf(", couriers %s", p.courierAction(g.Couriers))
		if len(g.Except) > 0 {
			kinds := make([]string, len(g.Except))
			for i, k := range g.Except {
				kinds[i] = p.Name(k)
			}
			what += p.Sprintf(" (%s: %s)", p.List(kinds), p.courierAction(compound.OtherAction(g.Couriers)))
		}
	case ev.Seal != nil:
		what = p.Sprintf("building %s sealed", ev.Seal.Building) + p.lasting(ev.Seal.For, "")
		if ev.Seal.Crew != "" {
			what += p.Sprintf(", served by %s", p.Name(ev.Seal.Crew))
		}
	case ev.Surge != nil:
		s := ev.Surge
		var parts []string
		if s.Times != 1 {
			parts = append(parts, p.Sprintf("%s arrivals ×%g", p.Name(s.Kind), s.Times))
		}
		if s.Extra > 0 {
			parts = append(parts, p.Sprintf("%d extra %s items", s.Extra, p.Name(s.Kind)))
		}
		what = strings.Join(parts, p.T("event:and")) + p.lasting(s.For, p.T("event:at-once"))
	}
	if ev.Note != "" {
		note := ev.Note
		if k := "note:" + note; p.knows(k) {
			note = p.T(k)
		}
		what += p.Sprintf(" (%s)", note)
	}
	return what
}

// lasting is how long an event lasts, after what it does: "，持续2小时";
// rest for one that lasts to the end of the run (0s).
func (p *Printer) lasting(d compound.Duration, rest string) string {
	if d > 0 {
		return p.Sprintf(" for %s", p.Duration(float64(d)))
	}
	return rest
}

// equipment lists the equipment an event adds or takes away, each with
// its count: 地面暂存位40个、快递货架8个.
func (p *Printer) equipment(q compound.Equipment) string {
	var parts []string
	for _, f := range q.Fields() {
		if f.N > 0 {
			parts = append(parts, p.Sprintf(equipmentWords[f.Name], f.N))
		}
	}
	return p.List(parts)
}

// equipmentWords are the formats of the counts of equipment, by the
// field's YAML name.
var equipmentWords = map[string]string{
	"ground": "%d places on the ground", "shelves": "%d shelves", "containers": "%d containers",
	"carts": "%d carts", "disinfection_space": "%d disinfection places",
}

// courierAction is what a courier does at a closed gate, wait or
// turn-away, in words.
func (p *Printer) courierAction(a string) string {
	if k := "event:courier:" + a; p.knows(k) {
		return p.T(k)
	}
	return a
}

// eventEntries are the words of the reports' lines on a scenario's events
// ("event:"), and the built-in scenarios' notes on them ("note:", keyed by
// the note's English).
func eventEntries() []entry {
	e := func(key, en, zh string) entry { return entry{key: "event:" + key, en: en, zh: zh} }
	f := func(en, zh string) entry { return entry{key: en, zh: zh} } // English formats, their own keys
	note := func(en, zh string) entry { return entry{key: "note:" + en, en: en, zh: zh} }
	return []entry{
		f("%s added", "增加%s"), f("%s taken away", "撤走%s"), f("%s (%s)", "%s（%s）"),
		f("%d places on the ground", "地面暂存位%d个"),
		f("%d shelves", "快递货架%d个"),
		f("%d containers", "集装箱%d个"),
		f("%d carts", "推车%d辆"),
		f("%d disinfection places", "消杀位%d个"),
		f("%s all off", "%s全组停岗"), f("%s %+d on duty", "%s在岗人数%+d"),
		e("to-the-end", " to the end", "，直到运行结束"), f(" for %s", "，持续%s"),
		e("gate-closed", "gate closed", "大门关闭"), f(", couriers %s", "，快递员%s"),
		f(" (%s: %s)", "（%s：%s）"),
		e("courier:wait", "wait", "等待"), e("courier:turn-away", "turn away", "离开"),
		f("building %s sealed", "%s号楼封控"), f(", served by %s", "，由%s上门服务"),
		f("%s arrivals ×%g", "%s到达量×%g"), f("%d extra %s items", "额外%d件%s"),
		e("and", " and ", "，并"), e("at-once", " at once", "，一次到达"),
		note("the entrance reorganised with containers and shelves", "入口改造，增设集装箱和货架"),
		note("building 12 sealed after a positive case", "12号楼出现阳性病例后封控"),
		note("zone 3's volunteers quarantined", "3号片区的志愿者被隔离"),
		note("no round on day 2, the door-to-door team stands down", "第2天没有采样，机动队停岗"),
		note("no round on day 2, the runners to the lab stand down", "第2天没有采样，跑腿志愿者停岗"),
		note("no round at the sites on days 2 and 3, the door-to-door team stands down", "第2、3天采样点没有采样，机动队停岗"),
		note("no round at the sites on days 2 and 3, the sweep team stands down", "第2、3天采样点没有采样，扫楼队停岗"),
		note("no round at the sites on days 2 and 3, the runners to the lab stand down", "第2、3天采样点没有采样，跑腿志愿者停岗"),
	}
}
