package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress returns a function that shows a bar on stderr while replications
// run, and one that clears it. It shows nothing when stderr is not a
// terminal or when quiet is set. Work run in stages may change its total
// as later stages are planned; the bar follows.
func progress(std *streams, quiet bool, what string) (func(done, total int), func()) {
	f, ok := std.err.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	update := func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(io.Writer(f)),
				progressbar.OptionSetDescription(what),
				progressbar.OptionShowCount(),
				progressbar.OptionSetWidth(30),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionThrottle(100_000_000),
			)
		} else if int64(total) != bar.GetMax64() {
			bar.ChangeMax(total)
		}
		if int64(total) != bar.GetMax64() { // the work found more, or less, to do
			bar.ChangeMax(total)
		}
		_ = bar.Set(done)
	}
	return update, func() {
		if bar != nil {
			_ = bar.Finish()
		}
	}
}
