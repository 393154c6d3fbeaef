package reports

import (
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"cordon/experiment"
	"cordon/lang"
	"cordon/scenarios"
)

// A Chinese run of a built-in scenario with events says what each event
// does in Chinese in its figures' captions: the equipment added, the team
// quarantined, the building sealed and the crew serving it, and the
// scenario's note, not the English of the results document.
func TestChineseEventCaptions(t *testing.T) {
	cjk, err := CJKFont(CJKFonts(os.Getenv))
	if err != nil {
		t.Skipf("no CJK font: %v", err)
	}
	w := NewWords(lang.New(language.SimplifiedChinese), cjk)
	for _, c := range []struct {
		name string
		want []string // what the captions say of the scenario's events
	}{
		{"two-days", []string{"增加地面暂存位40个、快递货架8个、集装箱2个（入口改造，增设集装箱和货架）"}},
		{"sealed-building", []string{"12号楼封控，由穿防护服人员上门服务（12号楼出现阳性病例后封控）"}},
		{"quarantined-team", []string{"片区志愿者 / 3号片区全组停岗，持续6小时（3号片区的志愿者被隔离）"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc, err := scenarios.Resolve(c.name)
			if err != nil {
				t.Fatal(err)
			}
			o, err := experiment.Run(context.Background(), sc, experiment.Options{Replications: 1})
			if err != nil {
				t.Fatal(err)
			}
			plots, err := w.RunPlots(o)
			if err != nil {
				t.Fatal(err)
			}
			var captions []string
			for _, p := range plots {
				if strings.Contains(p.Caption, "虚线标出") {
					captions = append(captions, p.Caption)
				}
			}
			if len(captions) == 0 {
				t.Fatal("no figure marks the scenario's events")
			}
			for _, cap := range captions {
				checkChinese(t, c.name+" caption", cap, append(keptWords, ownNames(sc)...)...)
				for _, s := range c.want {
					if !strings.Contains(cap, s) {
						t.Errorf("caption does not say %q:\n%s", s, cap)
					}
				}
			}
		})
	}
}
