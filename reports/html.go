package reports

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/binary"
	"html/template"
	"strings"
	"unicode/utf8"

	"cordon/text"
)

//go:embed templates/report.html.tmpl templates/tables.js
var templates embed.FS

// page is what the report template shows. Every string in it is user text
// or a number and is escaped by html/template; images are data URLs. Lead
// are a review's sections, shown before the targets: a stage under its
// kind is indented, an observed figure outside its prediction interval and
// an alert stand out in red.
type page struct {
	Title    string
	Warnings []string
	Lines    []string
	Lead     []reviewTable
	// Answer are the tables that answer the page's question, shown first
	// (a plan's changes); Headline the tables shown after the targets (a
	// run's headline KPIs).
	Answer          []table
	Targets         []targetRow
	Headline        []table
	Differences     []differenceRow
	DifferencesNote string
	Bottlenecks     *bottlenecks
	Plots           []figure
	Tables          []table
	Files           string
}

type targetRow struct {
	Text, Name, Mean, Verdict, Margin string
	Met                               bool
}

// differenceRow is a difference of a comparison: Verdict its class
// (better, worse, differs), VerdictText in the page's language, and
// Label the KPI's label where the page names KPIs by label (Chinese).
type differenceRow struct {
	Scenario, KPI, Label, Mean, Interval, Verdict, VerdictText string
}

// bottlenecks is the bottleneck ranking of a run's page: Note says how
// the posts are ranked, Head and Rows are the ranking, Days (nil in a run
// of one day) each day's posts with the most hours spent waiting there.
type bottlenecks struct {
	Note     string
	Head     []string
	Rows     [][]string
	Days     *table
	DaysNote string
}

type figure struct {
	Name, Title, Caption string
	Src                  template.HTMLAttr // pngSrc
	Width, Height        int
}

type table struct {
	Title string
	Head  []string
	Rows  [][]string
	// Answer marks a table that answers the page's question.
	Answer bool
}

// pngSrc is the src attribute of an inline image: a data URL, so the page
// fetches nothing. It is written as html/template writes a URL in an
// attribute, the only base64 character it escapes being '+' (as "&#43;"):
// the template passing a figure's hundred kilobytes of base64 through its
// escapers cost as much CPU as encoding the PNG.
func pngSrc(png []byte) template.HTMLAttr {
	const head, tail, plus = `src="data:image/png;base64,`, `"`, "&#43;"
	b64 := base64.StdEncoding.AppendEncode(nil, png)
	var b strings.Builder
	b.Grow(len(head) + len(b64) + bytes.Count(b64, []byte{'+'})*(len(plus)-1) + len(tail))
	b.WriteString(head)
	for len(b64) > 0 {
		i := bytes.IndexByte(b64, '+')
		if i < 0 {
			b.Write(b64)
			break
		}
		b.Write(b64[:i])
		b.WriteString(plus)
		b64 = b64[i+1:]
	}
	b.WriteString(tail)
	return template.HTMLAttr(b.String())
}

// tableScript is the page's one script, which sorts and filters its
// tables (templates/tables.js).
func tableScript() (template.JS, error) {
	js, err := templates.ReadFile("templates/tables.js")
	return template.JS(js), err
}

// contentPolicy is the page's Content Security Policy: nothing fetched
// (images are data URLs), its own style, and no script but tableScript,
// allowed by its SHA-256: a script in user text could not run even if it
// came through.
func contentPolicy() (string, error) {
	js, err := tableScript()
	sum := sha256.Sum256([]byte(js))
	return "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'", err
}

// renderPage fills the report template.
func renderPage(p page, w *Words) ([]byte, error) {
	t, err := template.New("report.html.tmpl").Funcs(template.FuncMap{
		"capitalised":   capitalised,
		"tableScript":   tableScript,
		"contentPolicy": contentPolicy,
		"T":             w.T,
		"stop":          w.fullStop,
		"gap":           w.gap,
		"files":         w.fileList,
		"lang":          w.HTML,
	}).
		ParseFS(templates, "templates/report.html.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	size := 1 << 18 // the page but its figures, and room to spare
	for _, f := range p.Plots {
		size += len(f.Src)
	}
	buf.Grow(size)
	if err := t.Execute(&buf, p); err != nil {
		return nil, err
	}
	return markControls(buf.Bytes()), nil
}

// markControls writes every control character of a rendered page or SVG
// figure but the line breaks and tabs, and every bidirectional control, as
// a Go escape (\x1b, \u202e): html/template and the SVG writer escape what
// has a meaning in HTML and XML, not what would reorder the text shown
// ("gpj.exe" after U+202E reads "exe.jpg") or reach a terminal showing the
// file (nor is ESC allowed in XML). The template and the figures' own text
// hold none of them, so these come from user text.
func markControls(page []byte) []byte {
	if !hasHidden(page) {
		return page
	}
	var b bytes.Buffer
	b.Grow(len(page) + 64)
	for _, r := range string(page) {
		if hidden(r) {
			b.WriteString(text.EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

// hidden reports whether markControls writes r as an escape.
func hidden(r rune) bool { return r != '\n' && r != '\t' && r != '\r' && text.Escapes(r) }

// hasHidden reports whether page holds a character markControls writes as
// an escape. A page is mostly ASCII (its figures are data URLs), so ASCII
// is checked eight bytes at a time, and only the other characters decoded.
func hasHidden(page []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(page); {
		// Eight bytes at a time while none is below a space, DEL or beyond
		// ASCII (bit tricks: a byte below 0x20, a byte of zero after DEL's
		// bits are flipped, a high bit).
		for ; i+8 <= len(page); i += 8 {
			w := binary.LittleEndian.Uint64(page[i:])
			del := w ^ 0x7f*ones
			if (w-0x20*ones)&^w&highs|(del-ones)&^del&highs|w&highs != 0 {
				break
			}
		}
		if i == len(page) {
			break
		}
		if c := page[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(page[i:])
		if hidden(r) {
			return true
		}
		i += n
	}
	return false
}

// lines splits a description into the lines the header shows.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
