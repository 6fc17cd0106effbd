package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// benchLink extracts a folder of documents, then writes the extractions
// with the linker's batching and, in the same run, with the floor: one bare
// UNWIND … MERGE statement per batch.
func benchLink(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench link", "Usage: diplograph bench link [flags] DIR...\n\nExtracts the documents under DIR, then writes them to Neo4j through the linker\nand, in the same run, with one bare UNWIND … MERGE per batch: the floor.\nReports claim reports/s for both.\n", stderr)
	var s settings
	s.neo4jFlags(fs)
	s.logLevel = "warn"
	batch := fs.Int("batch", linker.DefaultBatch, "extractions per transaction")
	rounds := fs.Int("rounds", 5, "runs; the median (by share of the floor) is reported, with the range")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("bench link: give a folder of documents")
	}
	docs, err := loadArticles(fs.Args(), stderr)
	if err != nil {
		return err
	}
	log := s.logger(stderr)
	engine, err := newEngine(log)
	if err != nil {
		return err
	}
	xs := make([]schemas.Extraction, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				xs[i] = engine.Extract(docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	ok := xs[:0]
	for _, x := range xs {
		if x.Error == nil {
			ok = append(ok, x)
		}
	}
	g, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer g.Close(context.WithoutCancel(ctx))
	if err := g.Migrate(ctx); err != nil {
		return err
	}
	var rs []linker.BenchResult
	for i := range max(1, *rounds) {
		start := time.Now()
		r, err := linker.BenchLink(ctx, g, ok, *batch)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "round %d: %.0f vs %.0f claim reports/s, %.0f %% (%s)\n", i+1, r.LinkerRate, r.FloorRate, 100*r.Ratio, time.Since(start).Round(time.Millisecond))
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b linker.BenchResult) int { return cmp.Compare(a.Ratio, b.Ratio) })
	fmt.Fprintf(stdout, "bench link: %d documents, %d extractions, %d rounds\nmedian: %s\nrange: %.0f–%.0f %% of the floor\n",
		len(docs), len(ok), len(rs), rs[len(rs)/2], 100*rs[0].Ratio, 100*rs[len(rs)-1].Ratio)
	return nil
}
