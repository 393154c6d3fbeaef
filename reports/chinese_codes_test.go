package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var (
	// codeName is a dotted name a planner types: a KPI's
	// (express.door_time.p95, gate.turned_away@day1) or a path's
	// (staff.suited-crew.shifts[0].count).
	codeName = regexp.MustCompile(`^[a-z_]+(\.[A-Za-z0-9_*\-\[\]@]+)+$`)
	// asWritten are the places a Chinese text keeps a code: in
	// parentheses, (gate.turned_away), or backquotes; an assignment
	// --set takes, gate.shelves=10; a file's name, summary.md.
	asWritten = regexp.MustCompile("（[^）]*）|\\([^)]*\\)|`[^`]*`|\\S+=\\S+|\\S+\\.(md|html|csv|json|png|svg|yaml)\\b")
	// lastCode is a code at the end of a line (the code column of a table,
	// the target as written, takeout.door_time.p95 <= 45m).
	lastCode = regexp.MustCompile(`\s[a-z_]+(\.[A-Za-z0-9_*\-\[\]@]+)+(\s*(<=|>=|<|>)\s*\S+)?$`)
)

// bareCodes returns the codes of out, a Chinese output, that stand where
// a label belongs: not in parentheses, not an assignment for --set, not
// the last column of a line that names its subject in Chinese. allowed
// matches what else may hold one (a change as --set writes it, with
// words after it).
func bareCodes(out string, allowed ...*regexp.Regexp) []string {
	var bare []string
	for _, line := range strings.Split(out, "\n") {
		for _, re := range allowed {
			line = re.ReplaceAllString(line, " ")
		}
		line = asWritten.ReplaceAllString(line, " ")
		if strings.ContainsFunc(line, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			line = lastCode.ReplaceAllString(strings.TrimRight(line, " "), "")
		}
		for _, f := range strings.FieldsFunc(line, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.Is(unicode.Han, r) || strings.ContainsRune("：，；、。", r)
		}) {
			if codeName.MatchString(f) {
				bare = append(bare, f)
			}
		}
	}
	return bare
}

// Every Chinese terminal table names its KPIs and paths by their labels,
// the code only beside them: a code where a label belongs fails.
func TestChineseTablesLabelCodes(t *testing.T) {
	roster := regexp.MustCompile(`\S+ 在排班上[+−-]\d+`)
	tables := chineseTables(t, chinese())
	for name, write := range tables {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			if bare := bareCodes(b.String(), roster); len(bare) > 0 {
				t.Errorf("%s's table shows codes where a label belongs: %q\n%s", name, bare, b.String())
			}
		})
	}
}

// bareCodes finds a code where a label belongs and lets one stand beside
// its label.
func TestBareCodes(t *testing.T) {
	for _, c := range []struct {
		out  string
		want int
	}{
		{"gate.ground  takeout.door_time.p95\n10  1小时", 2},
		{"  gate.turned_away  所试的都不能改善它", 1},
		{"  被退回的物品数（gate.turned_away）  所试的都不能改善它", 0},
		{"  送到家门口的物品数  1302  件  express.delivered", 0},
		{"  外卖：送到家门口用时 ≤ 45分钟  未达成  takeout.door_time.p95 <= 45m", 0},
		{"  takeout.door_time.p95 <= 45m  达成  平均43分43秒", 1},
		{"  gate.containers=1  集装箱  1500", 0},
		{"  变差：sampling.makespan +1小时6分钟", 1},
	} {
		if got := bareCodes(c.out); len(got) != c.want {
			t.Errorf("%q: %q, want %d", c.out, got, c.want)
		}
	}
}

// Every table of a Chinese page names its KPIs and paths by their labels:
// a cell that is only a code fails, but in a column of codes (headed by
// the flag that takes them: --set, --target).
func TestChinesePageTablesLabelCodes(t *testing.T) {
	w := chinese()
	pages, _ := chinesePages(t)
	for name, r := range pages {
		t.Run(name, func(t *testing.T) {
			c, err := r.build(w)
			if err != nil {
				t.Fatal(err)
			}
			p := c.page
			for _, tb := range append(append(append([]table(nil), p.Answer...), p.Headline...), p.Tables...) {
				for _, row := range tb.Rows {
					for i, cell := range row {
						if i < len(tb.Head) && strings.Contains(tb.Head[i], "--") {
							continue
						}
						if codeName.MatchString(strings.TrimSpace(cell)) {
							t.Errorf("%s, table %q: the cell %q is a code where a label belongs", name, tb.Title, cell)
						}
					}
				}
			}
			for _, tr := range p.Targets {
				if codeName.MatchString(strings.Fields(tr.Text + " x")[0]) {
					t.Errorf("%s: the target %q is named by its code", name, tr.Text)
				}
			}
		})
	}
}
