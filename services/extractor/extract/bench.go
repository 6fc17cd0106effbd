package extract

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// BenchResult holds the throughput of Extract and of its floor, gse
// Segment() alone over the same clean text with the same dictionary, both
// measured in one run on the same number of workers.
type BenchResult struct {
	Docs      int   // documents run
	Errors    int   // documents that came back with Extraction.Error
	Claims    int   // claims extracted
	TextBytes int64 // bytes of clean text
	Workers   int

	Extract         time.Duration
	ExtractDocsPerS float64
	ExtractMBPerS   float64
	Floor           time.Duration
	FloorDocsPerS   float64
	FloorMBPerS     float64
	RatioToFloor    float64 // Extract time / floor time (≤ 2 is the target)
	ThroughputVsGse float64 // Extract throughput / floor throughput (≥ 0.5 is the target)
}

// String renders the result on a few lines.
func (r BenchResult) String() string {
	return fmt.Sprintf("docs %d (errors %d, claims %d), clean text %.2f MB, %d workers\n"+
		"extract: %v, %.1f docs/s, %.2f MB/s\n"+
		"floor (gse Segment only): %v, %.1f docs/s, %.2f MB/s\n"+
		"extract/floor time ratio %.2f (extract runs at %.0f%% of the floor's throughput)",
		r.Docs, r.Errors, r.Claims, float64(r.TextBytes)/1e6, r.Workers,
		r.Extract.Round(time.Millisecond), r.ExtractDocsPerS, r.ExtractMBPerS,
		r.Floor.Round(time.Millisecond), r.FloorDocsPerS, r.FloorMBPerS,
		r.RatioToFloor, 100*r.ThroughputVsGse)
}

// benchRounds is how many alternating rounds BenchExtract runs.
const benchRounds = 2

// BenchExtract runs Extract over docs on workers goroutines, then, on the
// same clean texts, the floor: gse Segment() alone with the engine's
// dictionary; it alternates the two twice and keeps each one's best time.
// workers <= 0 means one.
func BenchExtract(ctx context.Context, e *Engine, docs []schemas.Article, workers int) (BenchResult, error) {
	if workers <= 0 {
		workers = 1
	}
	r := BenchResult{Docs: len(docs), Workers: workers}
	texts := make([][]byte, len(docs))
	for i, a := range docs {
		t, err := clean(a)
		if err != nil {
			continue
		}
		texts[i] = []byte(t)
		r.TextBytes += int64(len(t))
	}
	// Two alternating rounds, keeping each side's best time, so that a
	// burst of load from other processes does not decide the ratio.
	for round := 0; round < benchRounds; round++ {
		var errs, claims atomic.Int64
		elapsed, err := parallel(ctx, len(docs), workers, func(i int) {
			x := e.Extract(docs[i])
			if x.Error != nil {
				errs.Add(1)
			}
			claims.Add(int64(len(x.Claims)))
		})
		if err != nil {
			return r, fmt.Errorf("running extract benchmark: %w", err)
		}
		if r.Extract == 0 || elapsed < r.Extract {
			r.Extract = elapsed
		}
		r.Errors, r.Claims = int(errs.Load()), int(claims.Load())
		floor, err := parallel(ctx, len(docs), workers, func(i int) {
			if len(texts[i]) > 0 {
				e.segment(texts[i])
			}
		})
		if err != nil {
			return r, fmt.Errorf("running segmentation floor: %w", err)
		}
		if r.Floor == 0 || floor < r.Floor {
			r.Floor = floor
		}
	}
	mb := float64(r.TextBytes) / 1e6
	if s := r.Extract.Seconds(); s > 0 {
		r.ExtractDocsPerS, r.ExtractMBPerS = float64(r.Docs)/s, mb/s
	}
	if s := r.Floor.Seconds(); s > 0 {
		r.FloorDocsPerS, r.FloorMBPerS = float64(r.Docs)/s, mb/s
		r.RatioToFloor = r.Extract.Seconds() / s
	}
	if r.Extract > 0 {
		r.ThroughputVsGse = r.Floor.Seconds() / r.Extract.Seconds()
	}
	return r, nil
}

// parallel runs fn(0..n-1) on workers goroutines and returns the wall time.
func parallel(ctx context.Context, n, workers int, fn func(int)) (time.Duration, error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
	return time.Since(start), ctx.Err()
}
