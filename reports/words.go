package reports

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"

	"cordon/lang"
)

// Words is the language a report is written in: the printer of its pages,
// summary.md and terminal tables, and the look of its figures (their
// language and font). Chinese figures need a CJK font of the system
// (CJKFont); without one they are drawn in English.
type Words struct {
	*lang.Printer
	figures look
}

// English is the words of an English report: figures in Liberation Sans,
// built into gonum/plot.
func English() *Words {
	p := lang.English()
	return &Words{Printer: p, figures: look{Printer: p, fonts: text.Plain{Fonts: font.NewCache(liberation.Collection())}}}
}

// NewWords returns the words of a report written by p. cjk, the face of a
// CJK font, draws the figures of a Chinese report; when it is nil they
// are drawn in English (and FiguresInEnglish says so).
func NewWords(p *lang.Printer, cjk *opentype.Font) *Words {
	w := English()
	if !p.Chinese() {
		return w
	}
	w.Printer = p
	if cjk == nil {
		return w // the figures in English
	}
	// The figures ask for Liberation Sans (sans): in a Chinese report the
	// cache gives them the CJK face under that name, whose Latin letters
	// and digits draw the rest.
	cache := font.NewCache(font.Collection{{Font: sans(0), Face: cjk}})
	w.figures = look{Printer: p, fonts: text.Plain{Fonts: cache}}
	return w
}

// FiguresInEnglish says whether a Chinese report draws its figures in
// English, for want of a CJK font.
func (w *Words) FiguresInEnglish() bool { return w.Chinese() && !w.figures.Chinese() }

// CJKFonts are where CJK fonts are found on Debian and Ubuntu
// (fonts-noto-cjk), Fedora and Arch; $CORDON_CJK_FONT, when set, is tried
// first.
func CJKFonts(getenv func(string) string) []string {
	paths := []string{
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	}
	if p := getenv("CORDON_CJK_FONT"); p != "" {
		paths = append([]string{p}, paths...)
	}
	return paths
}

// CJKFont reads the first of paths that is a font (or a collection) with
// Chinese glyphs, and returns its Simplified Chinese face when it has
// several ("Noto Sans CJK SC").
func CJKFont(paths []string) (*opentype.Font, error) {
	var errs []error
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := simplifiedFace(data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, err))
			continue
		}
		return f, nil
	}
	return nil, fmt.Errorf("no CJK font (Debian: apt-get install fonts-noto-cjk): %w", errors.Join(errs...))
}

// simplifiedFace picks the Simplified Chinese face of a font collection,
// or its first face with a glyph for 中.
func simplifiedFace(data []byte) (*opentype.Font, error) {
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, err
	}
	var first *opentype.Font
	for i := range coll.NumFonts() {
		f, err := coll.Font(i)
		if err != nil {
			continue
		}
		if g, err := f.GlyphIndex(nil, '中'); err != nil || g == 0 {
			continue
		}
		if name, err := f.Name(nil, sfnt.NameIDFamily); err == nil && (name == "Noto Sans CJK SC" || name == "Noto Serif CJK SC") {
			return f, nil
		}
		if first == nil {
			first = f
		}
	}
	if first == nil {
		return nil, errors.New("no face with Chinese glyphs")
	}
	return first, nil
}
