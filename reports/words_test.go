package reports_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/lang"
	"cordon/reports"
)

// chineseWords is the words of a Chinese report with the system's CJK
// font; the test skips without one (Debian: fonts-noto-cjk).
func chineseWords(t *testing.T) *reports.Words {
	t.Helper()
	cjk, err := reports.CJKFont(reports.CJKFonts(os.Getenv))
	if err != nil {
		t.Skipf("no CJK font: %v", err)
	}
	return reports.NewWords(lang.New(language.SimplifiedChinese), cjk)
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// TestChineseRunFigures: with a CJK font a Chinese run's figures have
// Chinese titles, axes and captions and draw; with -png DIR they are
// drawn into DIR/zh to be looked at.
func TestChineseRunFigures(t *testing.T) {
	w := chineseWords(t)
	if w.FiguresInEnglish() {
		t.Fatal("a CJK font was found, yet the figures are in English")
	}
	plots, err := w.RunPlots(plotOutcome(t, "baseline"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plots {
		if !hasHan(p.Title) || !hasHan(p.Caption) {
			t.Errorf("%s: title %q, caption %q", p.Name, p.Title, p.Caption)
		}
		if x, y := p.P.X.Label.Text, p.P.Y.Label.Text; (x != "" && !hasHan(x)) || (y != "" && !hasHan(y) && !strings.Contains(y, "%")) {
			t.Errorf("%s: axes %q, %q", p.Name, x, y)
		}
		wd, h := p.Size()
		png, err := reports.Render(p.P, "png", wd, h)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if *pngDir != "" {
			dir := filepath.Join(*pngDir, "zh")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p.Name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestChineseWithoutFontDrawsEnglish: a Chinese report with no CJK font
// draws its figures in English, and says so.
func TestChineseWithoutFontDrawsEnglish(t *testing.T) {
	w := reports.NewWords(lang.New(language.SimplifiedChinese), nil)
	if !w.FiguresInEnglish() {
		t.Error("no font, yet the figures are not in English")
	}
	plots, err := w.RunPlots(plotOutcome(t, "baseline"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plots {
		if hasHan(p.Title) || hasHan(p.Caption) {
			t.Errorf("%s drawn in Chinese without a font: %q", p.Name, p.Title)
		}
	}
	if _, err := reports.CJKFont([]string{filepath.Join(t.TempDir(), "none.ttc")}); err == nil {
		t.Error("no error for a missing font")
	}
}
