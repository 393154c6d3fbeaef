package lang

import (
	"testing"

	"golang.org/x/text/language"
)

func TestDuration(t *testing.T) {
	en, zh := English(), New(language.SimplifiedChinese)
	for _, c := range []struct {
		s      float64
		en, zh string
	}{
		{0, "0 s", "0秒"},
		{0.1, "0.1 s", "0.1秒"},
		{3.44, "3.4 s", "3.4秒"},
		{9.96, "10 s", "10秒"},
		{45, "45 s", "45秒"},
		{59.6, "1 min", "1分钟"},
		{269, "4 min 29 s", "4分29秒"},
		{3553, "59 min 13 s", "59分13秒"},
		{3575, "1 h", "1小时"},
		{5626, "1 h 34 min", "1小时34分钟"},
		{13353, "3 h 43 min", "3小时43分钟"},
		{-3720, "−1 h 2 min", "−1小时2分钟"},
		{-0.1, "−0.1 s", "−0.1秒"},
		{-0.01, "0 s", "0秒"},
	} {
		if got := en.Duration(c.s); got != c.en {
			t.Errorf("English Duration(%v) = %q, want %q", c.s, got, c.en)
		}
		if got := zh.Duration(c.s); got != c.zh {
			t.Errorf("Chinese Duration(%v) = %q, want %q", c.s, got, c.zh)
		}
	}
}

func TestDifference(t *testing.T) {
	en := English()
	for s, want := range map[float64]string{720: "+12 min", -3720: "−1 h 2 min", 0: "0 s", 0.01: "0 s", -0.1: "−0.1 s"} {
		if got := en.Difference(s); got != want {
			t.Errorf("Difference(%v) = %q, want %q", s, got, want)
		}
	}
}
