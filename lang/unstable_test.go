package lang_test

import (
	"testing"

	"golang.org/x/text/language"

	"cordon/compound"
	"cordon/lang"
)

// An unstable post is said in Chinese with its post's name in words, and
// in English as compound says it, byte for byte.
func TestUnstable(t *testing.T) {
	en, zh := lang.English(), lang.New(language.SimplifiedChinese)
	for _, c := range []struct {
		u             compound.Instability
		want, explain string
	}{
		{compound.Instability{Post: "gate-crew", Load: 70.4, Capacity: 56, Worst: compound.Overload{Post: "gate-crew", From: 8, To: 20, Utilisation: 1.31}},
			"不稳定：大门组在08:00–20:00的负荷达到容量的131%",
			"不稳定：大门组在08:00–20:00的负荷达到容量的131%（全天工作量70单位·小时，容量56单位·小时）：预计会积压"},
		{compound.Instability{Post: "carts", Load: 3, Capacity: 0.5, Worst: compound.Overload{Post: "carts", From: 22, To: 24, Unstaffed: 2}},
			"不稳定：推车在22:00–24:00无人在岗", ""},
		{compound.Instability{Post: "runners", Load: 30, Capacity: 20, Worst: compound.Overload{Post: "runners", From: 6, To: 10, Utilisation: 2, Unstaffed: 1}},
			"不稳定：跑腿志愿者在06:00–10:00的负荷达到容量的200%，这4小时中有1小时无人在岗", ""},
	} {
		if got := zh.Unstable(c.u); got != c.want {
			t.Errorf("Chinese Unstable = %q, want %q", got, c.want)
		}
		if got := zh.ExplainUnstable(c.u); c.explain != "" && got != c.explain {
			t.Errorf("Chinese ExplainUnstable = %q, want %q", got, c.explain)
		}
		if got := en.Unstable(c.u); got != c.u.String() {
			t.Errorf("English Unstable = %q, want %q", got, c.u.String())
		}
		if got := en.ExplainUnstable(c.u); got != c.u.Explain() {
			t.Errorf("English ExplainUnstable = %q, want %q", got, c.u.Explain())
		}
	}
}
