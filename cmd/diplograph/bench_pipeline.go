package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/fetcher"
	"github.com/diplograph/diplograph/services/linker"
)

// benchPipeline feeds a folder through fetch → extract → link on a fresh
// embedded NATS into Neo4j and reports sustained documents/s and the
// publish-to-graph latency of each document.
func benchPipeline(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench pipeline", "Usage: diplograph bench pipeline [flags] DIR...\n\nFeeds DIR through fetch → extract → link on a fresh embedded NATS into Neo4j and\nreports sustained documents/s and the publish-to-graph latency (p50, p90, p99).\n", stderr)
	var s settings
	s.neo4jFlags(fs)
	s.logLevel = "warn"
	copies := fs.Int("extractors", 1, "extractor copies sharing the durable consumer")
	workers := fs.Int("workers", runtime.NumCPU(), "extraction goroutines per copy")
	rate := fs.Float64("rate", 0, "documents/s to publish (0: as fast as possible)")
	batch := fs.Int("link-batch", linker.DefaultBatch, "extractions per graph transaction")
	keep := fs.Bool("keep", false, "leave the run's articles in the graph (by default they are removed afterwards, with what only they said)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("bench pipeline: give a folder of documents")
	}
	tmp, err := os.MkdirTemp("", "diplograph-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	s.dataDir = tmp
	log := s.logger(stderr)
	graph, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer graph.Close(context.WithoutCancel(ctx))
	if err := graph.Migrate(ctx); err != nil {
		return err
	}
	b, err := s.openBus(ctx, log, "diplograph-bench")
	if err != nil {
		return err
	}
	defer b.Close()
	engine, err := newEngine(log)
	if err != nil {
		return err
	}
	files, err := expandPaths(fs.Args())
	if err != nil {
		return err
	}

	var mu sync.Mutex
	var lat []time.Duration
	var last time.Time
	m := telemetry.NewMetrics()
	lnk := &linker.Service{Graph: graph, JS: b.js, Log: log, Metrics: m, Batch: *batch,
		OnLinked: func(origin, committed time.Time) {
			mu.Lock()
			lat = append(lat, committed.Sub(origin))
			last = committed
			mu.Unlock()
		}}
	sctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	run := func(f func(context.Context) error) {
		wg.Add(1)
		go func() { defer wg.Done(); _ = f(sctx) }()
	}
	run(lnk.Run)
	for range max(1, *copies) {
		run((&extractor.Service{Engine: engine, JS: b.js, Log: log, Metrics: m, Workers: *workers}).Run)
	}
	defer func() { stop(); wg.Wait() }()

	pub, err := fetcher.NewJetStreamPublisher(b.js)
	if err != nil {
		return err
	}
	// Each run writes articles of its own (the claims they report meet the
	// ones already in the graph, as in production), removed at the end.
	tp := &tokenPublisher{next: pub, token: fmt.Sprintf("bench%x", time.Now().UnixNano())}
	if !*keep {
		defer func() {
			stop()
			wg.Wait()
			n, err := graph.RemoveArticles(context.WithoutCancel(ctx), tp.published())
			if err != nil {
				fmt.Fprintf(stderr, "bench pipeline: removing the run's articles: %v\n", err)
				return
			}
			fmt.Fprintf(stdout, "  removed the run's %d articles from the graph (--keep leaves them)\n", n)
		}()
	}
	var p fetcher.Publisher = tp
	if *rate > 0 {
		p = &pacedPublisher{next: p, every: time.Duration(float64(time.Second) / *rate)}
	}
	start := time.Now()
	stats, err := fetcher.Ingest(ctx, p, fs.Args(), fetcher.IngestOptions{DeadLetter: fetcher.JetStreamDeadLetter(b.js, log)})
	if err != nil {
		return err
	}
	published := time.Since(start)
	wctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	if err := waitDrained(wctx, b.js); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lat) == 0 {
		return errors.New("bench pipeline: nothing reached the graph")
	}
	elapsed := last.Sub(start)
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	dlq := 0
	if st, err := b.js.Stream(ctx, schemas.StreamDLQ); err == nil {
		if info, err := st.Info(ctx); err == nil {
			dlq = int(info.State.Msgs)
		}
	}
	mode := "as fast as possible"
	if *rate > 0 {
		mode = fmt.Sprintf("paced at %.0f docs/s", *rate)
	}
	fmt.Fprintf(stdout, "bench pipeline: %d files, %d published (%s) in %s; %d documents in the graph, %d dead-lettered\n",
		len(files), stats.Published, mode, published.Round(time.Millisecond), len(lat), dlq)
	fmt.Fprintf(stdout, "  %d extractor copies × %d workers, link batch %d\n", max(1, *copies), *workers, *batch)
	fmt.Fprintf(stdout, "  sustained: %.1f documents/s (first publish to last commit: %s)\n", float64(len(lat))/elapsed.Seconds(), elapsed.Round(time.Millisecond))
	fmt.Fprintf(stdout, "  publish-to-graph latency: p50 %s, p90 %s, p99 %s, max %s\n",
		pct(0.50).Round(time.Millisecond), pct(0.90).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	if mf, err := m.Registry.Gather(); err == nil {
		for _, f := range mf {
			if f.GetName() != "diplograph_processing_seconds" {
				continue
			}
			for _, mt := range f.GetMetric() {
				h := mt.GetHistogram()
				if h.GetSampleCount() == 0 {
					continue
				}
				stage := ""
				for _, l := range mt.GetLabel() {
					if l.GetName() == "stage" {
						stage = l.GetValue()
					}
				}
				fmt.Fprintf(stdout, "  %s: %d batches, mean %.0f ms per batch\n", stage, h.GetSampleCount(), 1000*h.GetSampleSum()/float64(h.GetSampleCount()))
			}
		}
	}
	return nil
}

// tokenPublisher gives every article an id of this run and remembers them.
type tokenPublisher struct {
	next  fetcher.Publisher
	token string
	mu    sync.Mutex
	ids   []string
}

func (p *tokenPublisher) Publish(ctx context.Context, a schemas.Article) (bool, error) {
	a.ID += "-" + p.token
	a.URL += "#" + p.token
	dup, err := p.next.Publish(ctx, a)
	if err == nil && !dup {
		p.mu.Lock()
		p.ids = append(p.ids, a.ID)
		p.mu.Unlock()
	}
	return dup, err
}

func (p *tokenPublisher) published() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.ids)
}

// pacedPublisher publishes at most one article per interval.
type pacedPublisher struct {
	next  fetcher.Publisher
	every time.Duration
	mu    sync.Mutex
	at    time.Time
}

func (p *pacedPublisher) Publish(ctx context.Context, a schemas.Article) (bool, error) {
	p.mu.Lock()
	now := time.Now()
	if p.at.IsZero() {
		p.at = now
	}
	wait := p.at.Sub(now)
	p.at = p.at.Add(p.every)
	p.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return false, ctx.Err()
		case <-t.C:
		}
	}
	return p.next.Publish(ctx, a)
}
