package logs

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
)

// maxRecord is the longest line (and row) read, in bytes. A longer one
// ends the reading: it is no log (/dev/zero has no line break at all), and
// memory stays bounded whatever the input.
const maxRecord = 1 << 20

// Messages of a line or row over maxRecord.
const (
	longLine = "the line is longer than 1 MiB, the most a line of a log may hold (is this a log?)"
	longRow  = "the row is longer than 1 MiB, the most a row of a log may hold (is a quoted field not closed?)"
)

// How often the scanner checks its context: every checkEveryLines lines,
// or checkEveryBytes bytes, whichever comes first.
const (
	checkEveryLines = 1024
	checkEveryBytes = 1 << 20
)

// scanner splits CSV into records: RFC 4180 fields (quoted fields may hold
// commas, doubled quotes and line breaks), every field trimmed, blank lines
// skipped, and lines whose first non-blank character is # returned as
// comments. It counts physical lines, so that every record knows the line
// it starts on. It stops when its context is cancelled (stopped says so)
// and at a line longer than maxRecord.
type scanner struct {
	ctx     context.Context
	br      *bufio.Reader
	line    int    // physical lines read so far
	buf     []byte // the last line read
	err     error  // a read error other than io.EOF
	stopped error  // the context's error, when it stopped the scanner
	done    bool
	tooLong bool // a line or row over maxRecord stopped the scanner
	unread  int  // bytes read since the context was last checked
}

// record is one record of a CSV file.
type record struct {
	line      int
	fields    []string
	isComment bool
	comment   string // a comment's text after the #, its first 256 bytes
	bad       string // why the record could not be read; "" when it could
	last      bool   // bad, and nothing after it can be read: the file fails
}

func newScanner(ctx context.Context, r io.Reader) *scanner {
	return &scanner{ctx: ctx, br: bufio.NewReaderSize(r, 64<<10)}
}

// readLine returns the next physical line without its line break; long
// reports a line over maxRecord bytes (of which b holds only the start),
// after which the scanner reads no more.
func (s *scanner) readLine() (b []byte, long, ok bool) {
	if s.done {
		return nil, false, false
	}
	if s.line%checkEveryLines == 0 || s.unread >= checkEveryBytes {
		s.unread = 0
		if err := s.ctx.Err(); err != nil {
			s.stopped, s.done = err, true
			return nil, false, false
		}
	}
	s.buf = s.buf[:0]
	for {
		chunk, err := s.br.ReadSlice('\n')
		s.unread += len(chunk)
		if len(s.buf)+len(chunk) > maxRecord {
			// Read no further: the rest of the line may never end.
			long, s.done, s.tooLong = true, true, true
			break
		}
		s.buf = append(s.buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			s.done = true
			if err != io.EOF {
				s.err = err
			}
			if len(s.buf) == 0 {
				return nil, false, false
			}
		}
		break
	}
	s.line++
	b = bytes.TrimSuffix(s.buf, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if s.line == 1 {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a byte-order mark
	}
	return b, long, true
}

// next returns the next record, comment or bad record; false at the end.
func (s *scanner) next() (record, bool) {
	for {
		b, long, ok := s.readLine()
		if !ok {
			return record{}, false
		}
		start := s.line
		if long {
			return record{line: start, bad: longLine, last: true}, true
		}
		text := bytes.TrimLeft(b, " \t")
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if text[0] == '#' {
			c := text[1:]
			if len(c) > 256 {
				c = c[:256]
			}
			return record{line: start, isComment: true, comment: string(c)}, true
		}
		fields, bad := s.split(b, start)
		return record{line: start, fields: fields, bad: bad, last: s.tooLong}, true
	}
}

// split splits a line into trimmed fields, reading on while a quoted field
// runs past the end of the line.
func (s *scanner) split(b []byte, start int) ([]string, string) {
	var fields []string
	size := len(b)
	i := 0
	for {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i < len(b) && b[i] == '"' {
			i++
			var f []byte
			for {
				j := bytes.IndexByte(b[i:], '"')
				if j < 0 {
					f = append(f, b[i:]...)
					f = append(f, '\n')
					nb, long, ok := s.readLine()
					if !ok {
						return nil, "the quoted field opening on this line is never closed: end it with \""
					}
					size += len(nb) + 1
					if long || size > maxRecord {
						s.done, s.tooLong = true, true
						return nil, longRow
					}
					b, i = nb, 0
					continue
				}
				f = append(f, b[i:i+j]...)
				i += j + 1
				if i < len(b) && b[i] == '"' {
					f = append(f, '"')
					i++
					continue
				}
				break
			}
			// Text after the closing quote, up to the comma, is kept.
			end := len(b)
			if k := bytes.IndexByte(b[i:], ','); k >= 0 {
				end = i + k
			}
			f = append(f, b[i:end]...)
			i = end
			fields = append(fields, strings.TrimSpace(string(f)))
		} else {
			end := len(b)
			if k := bytes.IndexByte(b[i:], ','); k >= 0 {
				end = i + k
			}
			fields = append(fields, strings.TrimSpace(string(b[i:end])))
			i = end
		}
		if i >= len(b) {
			return fields, ""
		}
		i++ // the comma
	}
}
