package lang

import (
	"strings"

	"cordon/compound"
)

// KPIKey is the name of a KPI with its subject (a kind of delivery, a
// site or a staff pool) written as "*": "*.door_time.p95",
// "sampling.site.*.queue.peak", "staff.*.utilisation"; the name itself for
// a KPI of the compound as a whole. The catalogue's KPI entries are keyed
// by it.
func KPIKey(name, of string) string {
	if of == "" {
		return name
	}
	if strings.HasPrefix(name, of+".") {
		return "*" + name[len(of):]
	}
	if i := strings.Index(name, "."+of+"."); i >= 0 {
		return name[:i] + ".*" + name[i+1+len(of):]
	}
	return name
}

// kpiKeys are the keys the KPI called name, measured for of, may have in
// the catalogue: KPIKey first, then "*" for each later place the subject
// stands in the name ("sampling.site.site.queue.peak" for a site called
// site is "sampling.site.*.queue.peak").
func kpiKeys(name, of string) []string {
	keys := []string{KPIKey(name, of)}
	if of == "" {
		return keys
	}
	part := "." + of + "."
	for from := 0; ; {
		i := strings.Index(name[from:], part)
		if i < 0 {
			return keys
		}
		i += from
		keys = append(keys, name[:i]+".*"+name[i+1+len(of):])
		from = i + 1
	}
}

// KPISubject is the subject of the KPI called name as the catalogue
// keys it: "express" for express.door_time.p95, "A" for
// sampling.site.A.queue.peak, "suited-crew" for
// staff.suited-crew.utilisation; "" for a KPI of the compound as a whole
// or one the catalogue does not know. A KPI read back from a results
// document, which keeps its title but not its subject, gets it here.
func KPISubject(name string) string {
	keys := map[string]bool{}
	for _, e := range catalogue() {
		if strings.HasPrefix(e.key, "kpi:") {
			keys[e.key] = true
		}
	}
	whole, _, _ := kpiBase(name)
	if keys["kpi:"+whole] {
		return ""
	}
	for _, of := range strings.Split(whole, ".") {
		for _, k := range kpiKeys(whole, of) {
			if k != whole && keys["kpi:"+k] {
				return of
			}
		}
	}
	return ""
}

// knownKPI returns the first of the KPI's keys (kpiKeys) that the catalogue
// has under prefix ("kpi:", "kpi-desc:").
func (p *Printer) knownKPI(prefix, name, of string) (string, bool) {
	for _, k := range kpiKeys(name, of) {
		if p.knows(prefix + k) {
			return prefix + k, true
		}
	}
	return "", false
}

// KPILabel is the label of the KPI called name, measured for of, in the
// printer's language; label is the catalogue's English label. A day's KPI
// (express.door_time.p95@day2) is labelled as its whole run's with the
// day, as compound labels it in English: 送到家门口用时，第95百分位，第2天.
func (p *Printer) KPILabel(name, of, label string) string {
	whole, day, round := kpiBase(name)
	if k, ok := p.knownKPI("kpi:", whole, of); p.Chinese() && ok {
		return p.msg.Sprintf(k) + p.ofDay(day) + p.ofRound(round)
	}
	return label
}

// kpiBase returns the name of the whole run's (and round 1's) KPI of which
// the KPI called name is a day's or a later round's, and the day and the
// round (0 for none).
func kpiBase(name string) (base string, day, round int) {
	base, round = compound.FirstRound(name)
	base, day = compound.WholeRun(base)
	return base, day, round
}

// ofRound is what a later round's KPI adds to round 1's label and
// description in Chinese: "，第2轮"; nothing for round 1 (0).
func (p *Printer) ofRound(round int) string {
	if round == 0 {
		return ""
	}
	return p.msg.Sprintf("kpi-round", round)
}

// ofDay is what a day's KPI adds to its whole run's label and
// description in Chinese: "，第2天"; nothing for the whole run (day 0).
func (p *Printer) ofDay(day int) string {
	if day == 0 {
		return ""
	}
	return p.msg.Sprintf("kpi-day", day)
}

// KPITitle is the label with its subject, "express: time to the door,
// 95th percentile" (快递：送到家门口用时，第95百分位).
func (p *Printer) KPITitle(name, of, label string) string {
	l := p.KPILabel(name, of, label)
	if of == "" {
		return l
	}
	if p.Chinese() {
		return p.Name(of) + "：" + l
	}
	return p.Name(of) + ": " + l
}

// KPIDesc is the description of the KPI called name, measured for of, in
// the printer's language; desc is the catalogue's English description.
func (p *Printer) KPIDesc(name, of, desc string) string {
	whole, day, round := kpiBase(name)
	if k, ok := p.knownKPI("kpi-desc:", whole, of); p.Chinese() && ok {
		if of == "" {
			return p.msg.Sprintf(k) + p.ofDay(day) + p.ofRound(round)
		}
		return p.msg.Sprintf(k, p.Name(of)) + p.ofDay(day) + p.ofRound(round)
	}
	return desc
}

// Name is the name of a kind of delivery, a site, a staff pool or a post of
// the built-in scenarios in words, in the printer's language: "suited
// crew" ("suited-crew"), in Chinese 穿防护服人员; a name the catalogue does
// not know (a scenario's own) is written as it is.
func (p *Printer) Name(name string) string {
	if k := "name:" + name; p.knows(k) {
		return p.msg.Sprintf(k)
	}
	return name
}

// Stage is the label of a stage of a delivery, "put_down" or "wait_cart":
// "put down at the gate", in the printer's language.
func (p *Printer) Stage(name string) string {
	if k := "stage:" + name; p.knows(k) {
		return p.msg.Sprintf(k)
	}
	return strings.ReplaceAll(name, "_", " ")
}
