package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_model/go"

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher"
	"github.com/diplograph/diplograph/services/linker"
)

const benchReprocessUsage = `Usage: diplograph bench reprocess --changed-rules RULES [flags] DIR...

Each round, on a fresh embedded NATS into Neo4j: feeds DIR through fetch →
extract → link (the first-time rate, the floor), then reprocesses every
archived article with the same rules (nothing changes: the no-op case), then
with the rules of the folder RULES (a DIPLOGRAPH_RULES override: the changed
case). Reports articles/s of each, from the request to the last commit and the
summary, and their share of the first-time rate; the median of the rounds.
Also the archive's size per article. The round's articles are removed from
the graph afterwards, with what only they said.
`

// reprocessRound is what one round measured.
type reprocessRound struct {
	noopPhases, changedPhases   [4]time.Duration
	articles                    int
	first, noop, changed        time.Duration
	noopWritten, noopSeen       int
	changedWritten, changedSeen int
	retracted                   int
	archiveBytes, archiveDisk   int64
}

func (r reprocessRound) rate(d time.Duration) float64 { return float64(r.articles) / d.Seconds() }

func benchReprocess(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench reprocess", benchReprocessUsage, stderr)
	var s settings
	s.neo4jFlags(fs)
	s.logLevel = "warn"
	rules := fs.String("changed-rules", "", "folder of rule files that override the current ones (as DIPLOGRAPH_RULES): the changed rules")
	rounds := fs.Int("rounds", 3, "rounds; the median of each rate is reported, with the range")
	workers := fs.Int("workers", runtime.NumCPU(), "extraction goroutines")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *rules == "" {
		return errors.New("bench reprocess: give --changed-rules RULES and a folder of documents")
	}
	log := s.logger(stderr)
	engine, err := newEngine(log)
	if err != nil {
		return err
	}
	opts, err := engineOptions()
	if err != nil {
		return err
	}
	opts.RulesDir = *rules
	changed, err := extract.New(opts)
	if err != nil {
		return fmt.Errorf("--changed-rules %s: %w", *rules, err)
	}
	if changed.RulesVersion() == engine.RulesVersion() {
		return fmt.Errorf("--changed-rules %s: the same rules as the current ones (version %s)", *rules, engine.RulesVersion())
	}
	graph, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer graph.Close(context.WithoutCancel(ctx))
	if err := graph.Migrate(ctx); err != nil {
		return err
	}
	var rs []reprocessRound
	for i := range max(1, *rounds) {
		r, err := reprocessOnce(ctx, s, graph, engine, changed, *workers, fs.Args(), stderr)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "round %d: %d articles; first time %.0f/s, no-op reprocess %.0f/s (%d of %d written; %s), changed rules %.0f/s (%d of %d written, %d claims retracted; %s)\n",
			i+1, r.articles, r.rate(r.first), r.rate(r.noop), r.noopWritten, r.noopSeen, phases(r.noopPhases),
			r.rate(r.changed), r.changedWritten, r.changedSeen, r.retracted, phases(r.changedPhases))
		rs = append(rs, r)
	}
	median := func(f func(reprocessRound) float64) (med, lo, hi float64) {
		xs := make([]float64, len(rs))
		for i, r := range rs {
			xs[i] = f(r)
		}
		slices.Sort(xs)
		return xs[len(xs)/2], xs[0], xs[len(xs)-1]
	}
	line := func(what string, f func(reprocessRound) float64, share bool) {
		m, lo, hi := median(f)
		if share {
			fmt.Fprintf(stdout, "  %-26s %6.0f %% of the first-time rate (rounds %.0f–%.0f %%)\n", what, m, lo, hi)
			return
		}
		fmt.Fprintf(stdout, "  %-26s %6.0f articles/s (rounds %.0f–%.0f)\n", what, m, lo, hi)
	}
	r0 := rs[0]
	fmt.Fprintf(stdout, "bench reprocess: %d articles, %d rounds, medians:\n", r0.articles, len(rs))
	line("first time (the floor)", func(r reprocessRound) float64 { return r.rate(r.first) }, false)
	line("reprocess, same rules", func(r reprocessRound) float64 { return r.rate(r.noop) }, false)
	line("reprocess, changed rules", func(r reprocessRound) float64 { return r.rate(r.changed) }, false)
	line("same rules", func(r reprocessRound) float64 { return 100 * r.first.Seconds() / r.noop.Seconds() }, true)
	line("changed rules", func(r reprocessRound) float64 { return 100 * r.first.Seconds() / r.changed.Seconds() }, true)
	fmt.Fprintf(stdout, "  written by the linker: same rules %d of %d articles, changed rules %d of %d (%d claims retracted)\n",
		r0.noopWritten, r0.noopSeen, r0.changedWritten, r0.changedSeen, r0.retracted)
	fmt.Fprintf(stdout, "  archive: %d articles, %.1f KB each as stored (S2) on disk, %.1f KB before compression: %.1f GB per million articles\n",
		r0.articles, float64(r0.archiveDisk)/float64(r0.articles)/1024, float64(r0.archiveBytes)/float64(r0.articles)/1024,
		float64(r0.archiveDisk)/float64(r0.articles)*1e6/1e9)
	return nil
}

// reprocessOnce runs one round on a fresh store and removes its articles
// from the graph afterwards.
func reprocessOnce(ctx context.Context, s settings, graph *linker.Graph, engine, changed *extract.Engine, workers int, dirs []string, stderr io.Writer) (reprocessRound, error) {
	var r reprocessRound
	tmp, err := os.MkdirTemp("", "diplograph-bench")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(tmp)
	s.dataDir = tmp
	log := s.logger(stderr)
	b, err := s.openBus(ctx, log, "diplograph-bench")
	if err != nil {
		return r, err
	}
	closed := false
	defer func() {
		if !closed {
			b.Close()
		}
	}()
	m := telemetry.NewMetrics()
	var mu sync.Mutex
	var last time.Time
	lnk := &linker.Service{Graph: graph, JS: b.js, Log: log, Metrics: m, OnLinked: func(_, committed time.Time) {
		mu.Lock()
		last = committed
		mu.Unlock()
	}}
	sctx, stopAll := context.WithCancel(ctx)
	var wg sync.WaitGroup
	start := func(run func(context.Context) error) (stop func()) {
		c, cancel := context.WithCancel(sctx)
		wg.Add(1)
		done := make(chan struct{})
		go func() { defer wg.Done(); defer close(done); _ = run(c) }()
		return func() { cancel(); <-done }
	}
	start(lnk.Run)
	stopExtractor := start((&extractor.Service{Engine: engine, JS: b.js, Log: log, Metrics: m, Workers: workers}).Run)
	defer func() { stopAll(); wg.Wait() }()

	pub, err := fetcher.NewJetStreamPublisher(b.js)
	if err != nil {
		return r, err
	}
	tp := &tokenPublisher{next: pub, token: fmt.Sprintf("bench%x", time.Now().UnixNano())}
	defer func() {
		stopAll()
		wg.Wait()
		if _, err := graph.RemoveArticles(context.WithoutCancel(ctx), tp.published()); err != nil {
			fmt.Fprintf(stderr, "bench reprocess: removing the round's articles: %v\n", err)
		}
	}()

	// First time: fetch → extract → link.
	t0 := time.Now()
	if _, err := fetcher.Ingest(ctx, tp, dirs, fetcher.IngestOptions{DeadLetter: fetcher.JetStreamDeadLetter(b.js, log)}); err != nil {
		return r, err
	}
	wctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	if err := waitDrained(wctx, b.js); err != nil {
		return r, err
	}
	mu.Lock()
	r.first = last.Sub(t0)
	mu.Unlock()
	r.articles = len(tp.published())

	ar, err := archive.Open(ctx, b.js)
	if err != nil {
		return r, err
	}
	rp := &reprocessor{js: b.js, graph: graph, archive: ar, log: log, stdout: io.Discard, stderr: io.Discard, examples: 0, workers: workers, quiet: true}
	run := func() (time.Duration, int, int, error) {
		w0, s0 := counter(m, "articles_written"), counter(m, "articles")
		t := time.Now()
		_, err := rp.run(ctx, selectionSpec{All: true}, archive.Selection{})
		return time.Since(t), counter(m, "articles_written") - w0, counter(m, "articles") - s0, err
	}
	if r.noop, r.noopWritten, r.noopSeen, err = run(); err != nil {
		return r, err
	}
	r.noopPhases = rp.phases
	stopExtractor()
	start((&extractor.Service{Engine: changed, JS: b.js, Log: log, Metrics: m, Workers: workers}).Run)
	rt0 := counter(m, "claims_retracted")
	if r.changed, r.changedWritten, r.changedSeen, err = run(); err != nil {
		return r, err
	}
	r.changedPhases = rp.phases
	r.retracted = counter(m, "claims_retracted") - rt0

	if st, err := ar.Stats(ctx); err == nil {
		r.archiveBytes = int64(st.Bytes)
	}
	// The archive's size on disk, once its server has stopped and sealed
	// (compressed) its last block.
	stopAll()
	wg.Wait()
	b.Close()
	closed = true
	r.archiveDisk = dirSize(filepath.Join(tmp, "nats"), schemas.StreamArchive)
	return r, nil
}

// phases names a reprocess's phase durations.
func phases(p [4]time.Duration) string {
	return fmt.Sprintf("snapshot %s, items %s, extract+link %s, summary %s",
		p[0].Round(time.Millisecond), p[1].Round(time.Millisecond), p[2].Round(time.Millisecond), p[3].Round(time.Millisecond))
}

// counter reads diplograph_items_total{stage="linker", kind}.
func counter(m *telemetry.Metrics, kind string) int {
	mfs, err := m.Registry.Gather()
	if err != nil {
		return 0
	}
	for _, f := range mfs {
		if f.GetName() != "diplograph_items_total" {
			continue
		}
		for _, mt := range f.GetMetric() {
			if label(mt, "stage") == linker.Stage && label(mt, "kind") == kind {
				return int(mt.GetCounter().GetValue())
			}
		}
	}
	return 0
}

func label(m *io_prometheus_client.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}

// dirSize is the size of the files in the folders named stream below root
// (a JetStream store keeps a stream in a folder of its name).
func dirSize(root, stream string) int64 {
	var n int64
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() != stream {
			return nil
		}
		_ = filepath.WalkDir(p, func(_ string, f fs.DirEntry, err error) error {
			if err == nil && !f.IsDir() {
				if fi, err := f.Info(); err == nil {
					n += fi.Size()
				}
			}
			return nil
		})
		return filepath.SkipDir
	})
	return n
}
