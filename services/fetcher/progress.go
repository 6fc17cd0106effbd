package fetcher

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// NewProgressReporter returns a Progress that draws a bar (items, rate,
// errors, ETA) on w when it is a terminal, and otherwise writes a plain line
// at most every 5 seconds and once at the end. Use one per Ingest.
func NewProgressReporter(w io.Writer, isTTY bool) Progress {
	p := &reporter{w: w, tty: isTTY, start: time.Now(), every: 5 * time.Second}
	return p.report
}

type reporter struct {
	w     io.Writer
	tty   bool
	start time.Time
	every time.Duration

	mu       sync.Mutex
	bar      *progressbar.ProgressBar
	lastLine time.Time
	done     bool
}

func (p *reporter) report(s Stats, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done {
		return
	}
	final := total > 0 && s.Seen >= total
	if p.tty {
		p.drawBar(s, total, final)
	} else if final || time.Since(p.lastLine) >= p.every {
		p.lastLine = time.Now()
		fmt.Fprintln(p.w, p.line(s, total))
	}
	if final {
		p.done = true
	}
}

func (p *reporter) drawBar(s Stats, total int, final bool) {
	if p.bar == nil {
		p.bar = progressbar.NewOptions(max(total, 1),
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowDescriptionAtLineEnd(),
		)
	}
	if total > 0 {
		p.bar.ChangeMax(total)
	}
	// Rate and ETA come from the reporter's clock: the bar only sees the
	// samples, not the start of the run.
	rate, eta := p.rate(s, total)
	p.bar.Describe(fmt.Sprintf("%.0f items/s, new %d, seen before %d, errors %d, eta %s", rate, s.Published, s.Duplicates, s.Failed, eta))
	_ = p.bar.Set(s.Seen)
	if final {
		_ = p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}

// rate returns items per second since the start and the time left.
func (p *reporter) rate(s Stats, total int) (float64, string) {
	el := time.Since(p.start)
	rate := 0.0
	if el > 0 {
		rate = float64(s.Seen) / el.Seconds()
	}
	eta := "?"
	if rate > 0 && total >= s.Seen {
		eta = time.Duration(float64(total-s.Seen) / rate * float64(time.Second)).Round(time.Second).String()
	}
	return rate, eta
}

// line is the plain progress line: counts, rate, ETA.
func (p *reporter) line(s Stats, total int) string {
	rate, eta := p.rate(s, total)
	return fmt.Sprintf("ingest: %d/%d items (new %d, seen before %d, errors %d) %.1f items/s, elapsed %s, eta %s",
		s.Seen, total, s.Published, s.Duplicates, s.Failed, rate, time.Since(p.start).Round(time.Second), eta)
}
