package lang

import "strings"

// Post is the name of a post ("site-a swab", "zone-volunteers/zone-3",
// "carts") in words, in the printer's language: "site a swab", "zone
// volunteers / zone 3"; in Chinese A采样点·采样. Words the catalogue does
// not know (a scenario's own names) are written as they are.
func (p *Printer) Post(name string) string {
	sep := " "
	if p.Chinese() {
		sep = "·"
	}
	var b strings.Builder
	for i, group := range strings.Split(name, "/") {
		if i > 0 {
			b.WriteString(" / ")
		}
		for j, word := range strings.Fields(group) {
			if j > 0 {
				b.WriteString(sep)
			}
			number, isZone := strings.CutPrefix(word, "zone-")
			switch {
			case p.knows("post:" + word):
				b.WriteString(p.msg.Sprintf("post:" + word))
			case p.knows("name:" + word):
				b.WriteString(p.Name(word))
			case isZone && number != "" && strings.Trim(number, "0123456789") == "":
				b.WriteString(p.Sprintf("zone %s", number))
			default:
				b.WriteString(word)
			}
		}
	}
	return b.String()
}

// postEntries are the words of posts' names that are not names of their
// own ("post:").
func postEntries() []entry {
	return []entry{
		{key: "post:swab", en: "swab", zh: "采样"}, {key: "post:registration", en: "registration", zh: "登记"},
		{key: "post:lab", en: "lab", zh: "实验室"}, {key: "post:couriers", en: "couriers", zh: "快递员"},
		{key: "post:pile", en: "pile outside the gate", zh: "门外堆放处"},
	}
}
