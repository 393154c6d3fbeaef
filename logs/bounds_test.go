package logs_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"cordon/logs"
)

// endless is a reader that never ends, like /dev/zero: it repeats text
// (which may hold no line break at all), counts the bytes read, calls at
// once it has read that many, and fails past a bound far beyond what a
// reader needs, so that a reader that reads on forever fails the test
// instead of hanging it.
type endless struct {
	text  string
	read  int
	at    int    // bytes after which once is called; 0: never
	once  func() // called once, when read reaches at
	bound int
	pos   int
}

var errTooFar = errors.New("the reader read on far past the point where it should have stopped")

func (e *endless) Read(p []byte) (int, error) {
	if e.read > e.bound {
		return 0, errTooFar
	}
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.text[e.pos:])
		n += c
		e.pos = (e.pos + c) % len(e.text)
	}
	e.read += n
	if e.once != nil && e.read >= e.at {
		e.once()
		e.once = nil
	}
	return n, nil
}

// TestEndlessLine: a line longer than the limit (1 MiB) ends the reading
// with an error naming the file and line, after reading little more than
// the limit: a file of NUL bytes with no line break ever (replay --arrivals
// /dev/zero) ends at once, whether the long line is the header or a row,
// leniently or not.
func TestEndlessLine(t *testing.T) {
	sc := dayOne(t)
	for _, tc := range []struct {
		name, head, want string
	}{
		{"the header", "", "zero.csv:1: bad header: the line is longer than 1 MiB, the most a line of a log may hold (is this a log?)"},
		{"a row", "step,duration\ngate.intake,1s\n", "zero.csv:3: the line is longer than 1 MiB, the most a line of a log may hold (is this a log?)"},
	} {
		for _, lenient := range []bool{false, true} {
			r := &endless{text: "\x00", bound: 64 << 20}
			_, err := logs.ReadDurations(context.Background(), "zero.csv", strings.NewReader(tc.head), logs.Options{Lenient: lenient})
			if tc.head == "" && err == nil {
				t.Fatal("an empty file read")
			}
			_, err = logs.ReadDurations(context.Background(), "zero.csv", readerAfter(tc.head, r), logs.Options{Lenient: lenient})
			if err == nil || err.Error() != tc.want {
				t.Errorf("%s (lenient %v): %.200v, want %s", tc.name, lenient, err, tc.want)
			}
			if r.read > 2<<20 {
				t.Errorf("%s (lenient %v): read %d bytes of an endless line, want at most 2 MiB", tc.name, lenient, r.read)
			}
			r = &endless{text: "\x00", bound: 64 << 20}
			_, err = logs.ReadArrivals(context.Background(), "zero.csv", r, sc, logs.Options{Lenient: lenient})
			if err == nil || r.read > 2<<20 {
				t.Errorf("arrivals, %s (lenient %v): %.200v after %d bytes", tc.name, lenient, err, r.read)
			}
		}
	}
}

// readerAfter reads head, then r.
func readerAfter(head string, r *endless) *prefixed {
	return &prefixed{head: head, r: r}
}

type prefixed struct {
	head string
	r    *endless
}

func (p *prefixed) Read(b []byte) (int, error) {
	if p.head != "" {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// TestReadStopsWhenCancelled: every reader stops soon after its context is
// cancelled (Ctrl-C while reading a huge log) and says so with the
// context's error, not as a problem of the file.
func TestReadStopsWhenCancelled(t *testing.T) {
	sc := dayOne(t)
	rows := map[string]string{
		"arrivals":  "time,kind\n2021-11-25T08:13:05+08:00,express\n",
		"roster":    "pool,start,end,count\ngate-crew,2021-11-25T07:00+08:00,2021-11-25T15:00+08:00,3\n",
		"observed":  "event,time\nsampled,2021-11-25T12:02:10+08:00\n",
		"durations": "step,duration\ngate.intake,23s\n",
	}
	read := map[string]func(context.Context, *endless) error{
		"arrivals": func(ctx context.Context, r *endless) error {
			_, err := logs.ReadArrivals(ctx, "big.csv", r, sc, logs.Options{})
			return err
		},
		"roster": func(ctx context.Context, r *endless) error {
			_, err := logs.ReadRoster(ctx, "big.csv", r, sc, logs.Options{})
			return err
		},
		"observed": func(ctx context.Context, r *endless) error {
			_, err := logs.ReadObserved(ctx, "big.csv", r, sc, logs.Options{})
			return err
		},
		"durations": func(ctx context.Context, r *endless) error {
			_, err := logs.ReadDurations(ctx, "big.csv", r, logs.Options{})
			return err
		},
	}
	for name, text := range rows {
		head, row, _ := strings.Cut(text, "\n")
		ctx, cancel := context.WithCancel(context.Background())
		// The header, then the row again and again, the header read as a
		// row with a bad value each time it comes round: a file as long
		// as one likes. The context is cancelled after 1 MiB.
		r := &endless{text: head + "\n" + strings.Repeat(row, 50), at: 1 << 20, once: cancel, bound: 64 << 20}
		err := read[name](ctx, r)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %.200v, want the context's error", name, err)
		}
		if r.read > 3<<20 {
			t.Errorf("%s: read %d bytes, 2 MiB and more after the context was cancelled", name, r.read)
		}
	}
}
