package extract

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

// FloorName says what the floor of BenchExtract measures.
const FloorName = "gse Segment() over the same clean text, sentence by sentence, with the engine's dictionary"

// BenchResult holds the throughput of Extract and of its floor (FloorName),
// both measured in the same run, round after round, on the same number of
// workers. Figures are the median round's; the range is over all rounds.
type BenchResult struct {
	Docs      int   // documents run
	Errors    int   // documents that came back with Extraction.Error
	Claims    int   // claims extracted
	TextBytes int64 // bytes of clean text
	Workers   int
	Rounds    []BenchRound

	Extract         time.Duration // median round
	ExtractDocsPerS float64
	ExtractMBPerS   float64
	Floor           time.Duration // median round
	FloorDocsPerS   float64
	FloorMBPerS     float64
	// ThroughputVsFloor is the median over rounds of extract throughput /
	// floor throughput in that round (≥ 0.5 is the target); Min and Max
	// are its range.
	ThroughputVsFloor, Min, Max float64
}

// BenchRound is one round: extraction, then the floor, on the same texts.
type BenchRound struct {
	Extract, Floor time.Duration
}

// String renders the result on a few lines.
func (r BenchResult) String() string {
	return fmt.Sprintf("docs %d (errors %d, claims %d), clean text %.2f MB, %d workers, %d rounds (median round reported)\n"+
		"extract: %v, %.1f docs/s, %.2f MB/s\n"+
		"floor, %s: %v, %.1f docs/s, %.2f MB/s\n"+
		"extract runs at %.0f%% of the floor's throughput (median of rounds; range %.0f–%.0f%%)",
		r.Docs, r.Errors, r.Claims, float64(r.TextBytes)/1e6, r.Workers, len(r.Rounds),
		r.Extract.Round(time.Millisecond), r.ExtractDocsPerS, r.ExtractMBPerS,
		FloorName, r.Floor.Round(time.Millisecond), r.FloorDocsPerS, r.FloorMBPerS,
		100*r.ThroughputVsFloor, 100*r.Min, 100*r.Max)
}

// BenchExtract runs rounds of Extract over docs on workers goroutines,
// each followed by the floor on the same clean texts, and reports the
// median round. workers <= 0 means one; rounds <= 0 means three.
func BenchExtract(ctx context.Context, e *Engine, docs []schemas.Article, workers, rounds int) (BenchResult, error) {
	if workers <= 0 {
		workers = 1
	}
	if rounds <= 0 {
		rounds = 3
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
	var ratios []float64
	for round := 0; round < rounds; round++ {
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
		r.Errors, r.Claims = int(errs.Load()), int(claims.Load())
		floor, err := parallel(ctx, len(docs), workers, func(i int) {
			if len(texts[i]) > 0 {
				e.segment(texts[i])
			}
		})
		if err != nil {
			return r, fmt.Errorf("running segmentation floor: %w", err)
		}
		r.Rounds = append(r.Rounds, BenchRound{Extract: elapsed, Floor: floor})
		ratios = append(ratios, floor.Seconds()/elapsed.Seconds())
	}
	var ex, fl []time.Duration
	for _, rd := range r.Rounds {
		ex, fl = append(ex, rd.Extract), append(fl, rd.Floor)
	}
	slices.Sort(ex)
	slices.Sort(fl)
	slices.Sort(ratios)
	r.Extract, r.Floor = ex[len(ex)/2], fl[len(fl)/2]
	r.ThroughputVsFloor, r.Min, r.Max = ratios[len(ratios)/2], ratios[0], ratios[len(ratios)-1]
	mb := float64(r.TextBytes) / 1e6
	if s := r.Extract.Seconds(); s > 0 {
		r.ExtractDocsPerS, r.ExtractMBPerS = float64(r.Docs)/s, mb/s
	}
	if s := r.Floor.Seconds(); s > 0 {
		r.FloorDocsPerS, r.FloorMBPerS = float64(r.Docs)/s, mb/s
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
