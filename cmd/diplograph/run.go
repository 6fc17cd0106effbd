package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/dashboard"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/fetcher"
	"github.com/diplograph/diplograph/services/linker"
)

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "Usage: diplograph run [--once] [flags] [PATH|URL...]\n\nRuns embedded NATS (unless --nats-url is given) and the fetcher, extractor and\nlinker in one process. With --once it processes the inputs, waits until the\ngraph holds them, prints a summary and exits.\n", stderr)
	var s settings
	var httpCfg fetcher.HTTPConfig
	s.natsFlags(fs)
	s.natsListenFlag(fs)
	s.serveStore = true
	s.neo4jFlags(fs)
	httpCfg.BindFlags(fs)
	var once bool
	var workers int
	var sources, health, listen string
	var timeout, linger time.Duration
	_ = config.Bool(fs, &once, "once", "DIPLOGRAPH_ONCE", false, "process the inputs, wait until the graph holds them, print a summary and exit")
	_ = config.Int(fs, &workers, "extract-workers", "EXTRACT_WORKERS", runtime.NumCPU(), "extraction goroutines")
	config.String(fs, &sources, "sources", "FETCHER_SOURCES", "", "YAML file of feeds, pages and folders to poll (without --once)")
	config.String(fs, &health, "health", "HEALTH_ADDR", "127.0.0.1:9464", "address of /livez, /readyz and /metrics (empty disables)")
	_ = config.Duration(fs, &timeout, "timeout", "DIPLOGRAPH_TIMEOUT", 15*time.Minute, "with --once: give up waiting for the graph after this long")
	dashboardFlag(fs, &listen, " (without --once; empty disables)")
	_ = config.Duration(fs, &linger, "linger", "DIPLOGRAPH_LINGER", 5*time.Second, "with --once and the embedded server: wait up to this long for subscribers to read the run's claim events before stopping")
	if err := parseFlags(fs, args, s.checkNATS, httpCfg.Parse,
		func() error { return config.AtLeast("EXTRACT_WORKERS", workers, 1) },
		func() error { return config.CheckAddr("HEALTH_ADDR", health) },
		func() error { return config.CheckAddr("NATS_LISTEN", s.natsListen) },
		func() error { return config.CheckAddr("DASHBOARD_LISTEN", listen) },
		func() error { _, err := engineOptions(); return err },
	); err != nil {
		return err
	}
	if once && fs.NArg() == 0 {
		fmt.Fprintln(stderr, "diplograph run --once: give at least one PATH or URL")
		return errUsage
	}
	log := s.logger(stderr)

	graph, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer graph.Close(context.WithoutCancel(ctx))
	if err := graph.Migrate(ctx); err != nil {
		return fmt.Errorf("neo4j migrations: %w", err)
	}
	b, err := s.openBus(ctx, log, "diplograph-run")
	if err != nil {
		return err
	}
	defer b.Close()
	engine, err := newEngine(log)
	if err != nil {
		return err
	}
	metrics := telemetry.NewMetrics()

	stageCtx, stopStages := context.WithCancel(ctx)
	defer stopStages()
	ext := &extractor.Service{Engine: engine, JS: b.js, Log: log, Metrics: metrics, Workers: workers}
	lnk := &linker.Service{Graph: graph, JS: b.js, Log: log, Metrics: metrics}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for _, st := range []struct {
		name string
		run  func(context.Context) error
	}{{"extractor", ext.Run}, {"linker", lnk.Run}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := st.run(stageCtx); err != nil && !errors.Is(err, context.Canceled) {
				errs <- fmt.Errorf("%s: %w", st.name, err)
			}
		}()
	}
	h := telemetry.NewHealth(metrics)
	h.AddCheck("nats", natsx.ConnectedCheck(b.nc))
	h.AddCheck("extractor", ext.Ready)
	h.AddCheck("linker", lnk.Ready)
	if !once {
		go func() {
			if err := h.Serve(stageCtx, health, log); err != nil {
				errs <- fmt.Errorf("health endpoints: %w", err)
			}
		}()
		if listen != "" {
			go func() {
				if err := serveDashboard(stageCtx, listen, graph, dashboard.Using(b.js), log); err != nil {
					errs <- err
				}
			}()
		}
	}
	stopAll := func() {
		stopStages()
		wg.Wait()
	}

	pub, err := fetcher.NewJetStreamPublisher(b.js)
	if err != nil {
		stopAll()
		return err
	}
	rec := &recordingPublisher{next: pub}
	if fs.NArg() > 0 {
		opts := fetcher.IngestOptions{DeadLetter: fetcher.JetStreamDeadLetter(b.js, log), HTTP: &httpCfg, Metrics: metrics}
		if once {
			opts.Progress = fetcher.NewProgressReporter(stderr, isTerminal(stderr))
		}
		stats, err := fetcher.Ingest(ctx, rec, fs.Args(), opts)
		if err != nil {
			stopAll()
			return fmt.Errorf("ingest: %w", err)
		}
		for _, f := range stats.Failures {
			fmt.Fprintf(stderr, "skipped %s: %s\n", f.Input, f.Reason)
		}
		log.Info("inputs published", "published", stats.Published, "duplicates", stats.Duplicates, "failed", stats.Failed)
	}
	if once {
		wctx, cancel := context.WithTimeout(ctx, timeout)
		err := waitDrained(wctx, b.js)
		cancel()
		if err != nil {
			stopAll()
			return fmt.Errorf("waiting for the graph: %w", err)
		}
		stopAll()
		if err := printSummary(ctx, stdout, graph, rec.IDs()); err != nil {
			return err
		}
		if b.srv != nil {
			return waitSubscribers(ctx, b.js, linger, stderr)
		}
		return nil
	}
	if sources != "" {
		srcs, err := fetcher.LoadSources(sources)
		if err != nil {
			stopAll()
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fetcher.Poll(stageCtx, pub, srcs, fetcher.PollOptions{DeadLetter: fetcher.JetStreamDeadLetter(b.js, log), HTTP: &httpCfg, Metrics: metrics, Log: log}); err != nil && !errors.Is(err, context.Canceled) {
				errs <- fmt.Errorf("fetcher: %w", err)
			}
		}()
	}
	log.Info("diplograph running; Ctrl-C stops it", "health", health)
	select {
	case <-ctx.Done():
		log.Info("shutting down")
		stopAll()
		return nil
	case err := <-errs:
		stopAll()
		return err
	}
}

// recordingPublisher remembers the ids of the articles of this run.
type recordingPublisher struct {
	next fetcher.Publisher
	mu   sync.Mutex
	ids  []string
}

func (r *recordingPublisher) Publish(ctx context.Context, a schemas.Article) (bool, error) {
	dup, err := r.next.Publish(ctx, a)
	if err == nil {
		r.mu.Lock()
		r.ids = append(r.ids, a.ID)
		r.mu.Unlock()
	}
	return dup, err
}

func (r *recordingPublisher) IDs() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.ids...)
}

// waitDrained returns when the extractor and the linker have settled every
// message: first the extractor (which publishes before it acks), then the linker.
func waitDrained(ctx context.Context, js jetstream.JetStream) error {
	for _, c := range []struct{ stream, name string }{
		{schemas.StreamArticles, natsx.ConsumerExtractor},
		{schemas.StreamExtractions, natsx.ConsumerLinker},
	} {
		for {
			cons, err := js.Consumer(ctx, c.stream, c.name)
			if err != nil {
				return err
			}
			info, err := cons.Info(ctx)
			if err != nil {
				return err
			}
			if info.NumPending == 0 && info.NumAckPending == 0 {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("%s still has %d pending and %d in flight: %w", c.name, info.NumPending, info.NumAckPending, ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}

func printSummary(ctx context.Context, w io.Writer, g *linker.Graph, ids []string) error {
	params := map[string]any{"ids": toAny(uniq(ids))}
	_, rows, err := g.Query(ctx, `MATCH (a:Article) WHERE a.id IN $ids RETURN count(a)`, params)
	if err != nil {
		return err
	}
	articles := rows[0][0]
	_, byPred, err := g.Query(ctx, `MATCH (c:Claim)-[:EVIDENCED_BY]->(a:Article) WHERE a.id IN $ids
RETURN c.predicate AS predicate, count(DISTINCT c) AS claims ORDER BY claims DESC, predicate`, params)
	if err != nil {
		return err
	}
	_, actors, err := g.Query(ctx, `MATCH (x)-[:HOLDS]->(c:Claim)-[:EVIDENCED_BY]->(a:Article) WHERE a.id IN $ids
RETURN x.id AS actor, coalesce(x.name, x.id) AS name, count(DISTINCT c) AS claims ORDER BY claims DESC, actor LIMIT 8`, params)
	if err != nil {
		return err
	}
	total := int64(0)
	var parts []string
	for _, r := range byPred {
		n, _ := r[1].(int64)
		total += n
		parts = append(parts, fmt.Sprintf("%s %d", r[0], n))
	}
	fmt.Fprintf(w, "\ndiplograph: %v articles, %d claims in the graph\n", articles, total)
	if len(parts) > 0 {
		fmt.Fprintf(w, "  claims by predicate: %s\n", strings.Join(parts, ", "))
	}
	if len(actors) > 0 {
		var top []string
		for _, r := range actors {
			top = append(top, fmt.Sprintf("%v (%v) %v", r[0], r[1], r[2]))
		}
		fmt.Fprintf(w, "  top actors: %s\n", strings.Join(top, ", "))
	}
	return nil
}

func uniq(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
