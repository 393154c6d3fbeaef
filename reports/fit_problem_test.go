package reports

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"cordon/logs"
	"cordon/sim/fit"
	"cordon/sim/random"
)

// A step whose samples no fit can take is skipped, and why is said in the
// report's language: in English as fit says it, byte for byte; in
// Chinese with the same figures and no English left. Each of fit's
// problems, from the samples (too few, not finite, negative, a sum that
// overflows) and from a family (zeros; one family's fit failing), and
// every family failing at once.
func TestFitProblemsInChinese(t *testing.T) {
	steps := []fit.Step{
		fit.Choose("one", nil),
		fit.Choose("nan", []float64{1, math.NaN(), 2}),
		fit.Choose("negative", []float64{1, -2, 3, -0.5}),
		fit.Choose("huge", []float64{1.7e308, 1e308, 1.7e308}),
	}
	if _, err := fit.Gamma([]float64{0, 1, 2}); err != nil {
		steps = append(steps, fit.Step{Name: "zeros", Skipped: err.Error(), Why: err})
	}
	none := fit.NoFitError{
		{Family: random.FamilyGamma, Problem: fit.SmallSpread, N: 5, Detail: "log(mean) − mean(log x) is 0, want > 0: the samples' spread is too small to fit a shape"},
		{Family: random.FamilyWeibull, Problem: fit.NoConvergence, N: 5, Detail: "the shape did not converge (last 3, bracket [1, 4])"},
		{Family: random.FamilyNormal, Problem: fit.OutOfRange, N: 5, Detail: "the samples' standard deviation +Inf is out of range"},
	}
	steps = append(steps, fit.Step{Name: "none", Skipped: none.Error(), Why: none})
	for _, s := range steps {
		if s.Why == nil {
			t.Fatalf("%s: fitted, want skipped", s.Name)
		}
	}
	read := logs.Read[logs.Duration]{Rows: []logs.Duration{{Step: "one", Seconds: 3}}}
	write := func(w *Words) string {
		var b bytes.Buffer
		if err := w.WriteFits(&b, "durations.csv", read, steps, false); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	en := write(English())
	for _, s := range steps {
		if !strings.Contains(en, "  "+s.Name+": "+s.Skipped+"\n") {
			t.Errorf("English: no %q in\n%s", s.Skipped, en)
		}
	}
	zh := write(chinese())
	checkChinese(t, "cordon fit's skipped steps", zh, "KS", "Kolmogorov", "Smirnov", "NaN", "Inf", "float64",
		"one", "nan", "negative", "huge", "zeros", "none")
	for _, want := range []string{"one：拟合：至少需要2个样本，实际只有0个", "nan：拟合：第1个样本为NaN；样本必须是有限值",
		"negative：拟合：4个样本中有2个为负数（第一个是第1个样本，-2）", "huge：拟合：样本之和超出 float64 的范围",
		"zeros：拟合伽马分布：3个样本中有1个为0；伽马分布要求每个样本 > 0", "拟合威布尔分布：形状参数的求解没有收敛"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese: no %q in\n%s", want, zh)
		}
	}
}
