package reports

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"testing"
	"unicode/utf8"
)

// hasHidden, which reads ASCII eight bytes at a time, finds exactly what
// reading every character finds: every ASCII byte, the C1 controls, the
// separators and bidirectional controls, other text, invalid UTF-8, each
// alone, at every offset inside ASCII, and inside Chinese text.
func TestHasHiddenReadsEveryCharacter(t *testing.T) {
	var cases []string
	for c := range utf8.RuneSelf {
		cases = append(cases, string(rune(c)))
	}
	for _, r := range []rune{0x80, 0x9b, 0x9f, 0xa0, 0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202e,
		0x2066, 0x2069, 0x206a, '中', utf8.RuneError, 0x1f600} {
		cases = append(cases, string(r))
	}
	cases = append(cases, "\xff", "\xe2\x80", "\xc2")
	for _, c := range cases {
		var in []string
		for n := range 17 { // at every place in a word of eight bytes, and beyond
			in = append(in, "data:image/png;base64,iVBOR"[:n]+c+"w0KGgo=iVBORw0KGgo=")
		}
		for _, s := range append(in, c, "排队"+c+"人", "\xe2\x80"+c) {
			want := bytes.ContainsFunc([]byte(s), hidden)
			if got := hasHidden([]byte(s)); got != want {
				t.Errorf("hasHidden(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func TestMarkControls(t *testing.T) {
	got := string(markControls([]byte("a\x1bb\u202ec\n\td\r中\x7f")))
	if want := `a\x1bb\u202ec` + "\n\td\r中" + `\x7f`; got != want {
		t.Errorf("markControls = %q, want %q", got, want)
	}
	page := []byte("<p>排队 ok</p>\n")
	if got := markControls(page); &got[0] != &page[0] {
		t.Error("a page with nothing to mark was copied")
	}
}

// pngSrc writes the src attribute exactly as html/template writes the data
// URL, for every base64 character and the padding.
func TestPNGSrcAsTheTemplateWritesIt(t *testing.T) {
	tmpl := template.Must(template.New("img").Parse(`<img src="{{.}}">`))
	for n := 254; n <= 256; n++ { // two, one and no padding characters
		data := make([]byte, 3*n)
		for i := range data {
			data[i] = byte(i * 7 / 3) // every 6-bit group, + and / among them
		}
		var want bytes.Buffer
		if err := tmpl.Execute(&want, template.URL("data:image/png;base64,"+base64.StdEncoding.EncodeToString(data[:n]))); err != nil {
			t.Fatal(err)
		}
		if got := "<img " + string(pngSrc(data[:n])) + ">"; got != want.String() {
			t.Errorf("%d bytes: pngSrc gives\n%s\nhtml/template\n%s", n, got, want.String())
		}
	}
}
