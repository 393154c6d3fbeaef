package serve

import (
	"fmt"
	"net/http"
	"sync"

	"golang.org/x/image/font/opentype"

	"cordon/reports"
)

// reportWords are the words of the report of the work a request asks for:
// the language of its pages, as the command line's --lang writes it (nil:
// English). A Chinese report's figures need a CJK font (Options.CJKFonts);
// without one they are drawn in English, as cordon run --lang zh does.
func (s *Server) reportWords(r *http.Request) *reports.Words {
	_, lang := s.langOf(r)
	p := s.engine[lang].printer
	if p == nil || !p.Chinese() {
		return nil
	}
	return reports.NewWords(p, s.cjkFont())
}

// newCJKFont returns the loader of the CJK font of Chinese reports'
// figures: read once, when a Chinese report first needs it; when there is
// none, one line to the log says the figures are drawn in English.
func newCJKFont(opts Options) func() *opentype.Font {
	return sync.OnceValue(func() *opentype.Font {
		f, err := reports.CJKFont(opts.CJKFonts)
		if err != nil && opts.Log != nil {
			fmt.Fprintf(opts.Log, "cordon serve: warning: Chinese reports' figures drawn in English: %v\n", err)
		}
		return f
	})
}
