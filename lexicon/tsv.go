package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ParseError reports a malformed data file or row. Callers can test for it
// with errors.As to show the file and line to whoever edits the data.
type ParseError struct {
	File string
	Line int // 1-based; 0 when the error concerns the whole file
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("lexicon: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("lexicon: %s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// row is one data line of a TSV file, addressed by header name.
type row struct {
	file   string
	line   int
	cols   map[string]int
	fields []string
}

// get returns the trimmed value of column name, or "" when the file has no
// such column or the row is short.
func (r row) get(name string) string {
	i, ok := r.cols[name]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// list returns the '|'-separated values of column name, trimmed, empty ones dropped.
func (r row) list(name string) []string {
	return splitList(r.get(name))
}

func (r row) errorf(format string, args ...any) error {
	return &ParseError{File: r.file, Line: r.line, Err: fmt.Errorf(format, args...)}
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readTSV parses data as a TSV file with a header line. Blank lines and lines
// starting with '#' are skipped. required names the columns the header must
// have; every row must have a non-empty value in required[0].
func readTSV(file string, data []byte, required []string, fn func(row) error) error {
	if !utf8.Valid(data) {
		return &ParseError{File: file, Err: errors.New("not valid UTF-8")}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var cols map[string]int
	var ncols int
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if cols == nil {
			cols = make(map[string]int, len(fields))
			for i, f := range fields {
				f = strings.TrimSpace(f)
				if _, dup := cols[f]; dup {
					return &ParseError{File: file, Line: line, Err: fmt.Errorf("duplicate column %q in header", f)}
				}
				cols[f] = i
			}
			for _, req := range required {
				if _, ok := cols[req]; !ok {
					return &ParseError{File: file, Line: line, Err: fmt.Errorf("header lacks column %q", req)}
				}
			}
			ncols = len(fields)
			continue
		}
		if len(fields) > ncols {
			return &ParseError{File: file, Line: line, Err: fmt.Errorf("%d fields, header has %d columns", len(fields), ncols)}
		}
		r := row{file: file, line: line, cols: cols, fields: fields}
		if len(required) > 0 && r.get(required[0]) == "" {
			return r.errorf("empty %s", required[0])
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &ParseError{File: file, Err: err}
	}
	if cols == nil {
		return &ParseError{File: file, Err: errors.New("no header line")}
	}
	return nil
}
