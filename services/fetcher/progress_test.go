package fetcher

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressReporterWritesPlainLinesWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgressReporter(&buf, false)
	p(Stats{Seen: 10, Published: 8, Duplicates: 1, Failed: 1}, 100)
	p(Stats{Seen: 20, Published: 18, Duplicates: 1, Failed: 1}, 100) // within 5 s: no line
	p(Stats{Seen: 100, Published: 97, Duplicates: 2, Failed: 1}, 100)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("lines %q", lines)
	}
	for _, want := range []string{"100/100 items", "new 97", "seen before 2", "errors 1", "items/s", "eta"} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("%q lacks %q", lines[1], want)
		}
	}
	if strings.Contains(buf.String(), "\r") || strings.Contains(buf.String(), "\x1b") {
		t.Error("control characters in plain output")
	}
}

func TestProgressReporterDrawsABarOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgressReporter(&buf, true)
	for i := 0; i <= 50; i += 10 {
		p(Stats{Seen: i, Published: i, Failed: 0}, 50)
		time.Sleep(time.Millisecond)
	}
	out := buf.String()
	if !strings.Contains(out, "50/50") || !strings.Contains(out, "errors 0") || !strings.Contains(out, "\r") {
		t.Errorf("bar output %q", out)
	}
}
