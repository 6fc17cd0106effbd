package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/schollz/progressbar/v3"

	"github.com/diplograph/diplograph/platform/archive"
	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/linker"
)

const reprocessUsage = `Usage: diplograph reprocess [--source S] [--since DATE] [--until DATE] [--all] [--dry-run] [flags]

Sends archived articles through the current extractor and linker again, so that
the graph says what the current rules say about them: evidence a new extraction
no longer states is removed, claims left without evidence are retracted (a
diplograph.claim.retracted.v1 event each), and articles whose extraction did not
change are not written at all. At the end it prints, per predicate and rule, how
many claim reports were added, kept and retracted, with examples.

Select with --all, or with any of --source, --since and --until (dates are the
articles' publication dates, else their fetch dates, both ends included).

It works on the same store as diplograph run (--data): on its own it starts the
embedded NATS server and runs an extractor and a linker in this process (rules
from DIPLOGRAPH_RULES); while a diplograph run holds the store, or with
--nats-url, it files the request there and the extractors and linkers already
running do the work, live articles going on meanwhile. A request survives a
crash: the same command again resumes it.

--dry-run extracts the selected articles here, with this process's rules, and
prints what they would change, writing nothing.
`

func cmdReprocess(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("reprocess", reprocessUsage, stderr)
	var s settings
	s.natsFlags(fs)
	s.neo4jFlags(fs)
	var spec selectionSpec
	var dry bool
	var examples, workers int
	fs.BoolVar(&spec.All, "all", false, "every archived article")
	fs.StringVar(&spec.Source, "source", "", "only the articles of this source")
	fs.StringVar(&spec.Since, "since", "", "only articles of this date (YYYY-MM-DD) or later")
	fs.StringVar(&spec.Until, "until", "", "only articles of this date (YYYY-MM-DD) or earlier")
	fs.BoolVar(&dry, "dry-run", false, "print what the current rules would change; write nothing")
	fs.IntVar(&examples, "examples", 2, "examples of added and of retracted claim reports per predicate and rule")
	_ = config.Int(fs, &workers, "extract-workers", "EXTRACT_WORKERS", runtime.NumCPU(), "extraction goroutines (dry run, and the in-process extractor)")
	var sel archive.Selection
	if err := parseFlags(fs, args, s.checkNATS,
		func() error { return config.AtLeast("EXTRACT_WORKERS", workers, 1) },
		func() error { _, err := engineOptions(); return err },
		func() error {
			switch {
			case fs.NArg() > 0:
				return fmt.Errorf("unexpected argument %q: select with --all, --source, --since, --until", fs.Arg(0))
			case spec.All && (spec.Source != "" || spec.Since != "" || spec.Until != ""):
				return errors.New("--all selects every article: leave out --source, --since and --until, or --all")
			case !spec.All && spec.Source == "" && spec.Since == "" && spec.Until == "":
				return errors.New("choose the articles: --all, or --source, --since, --until")
			}
			var err error
			sel, err = spec.selection()
			return err
		},
	); err != nil {
		return err
	}
	log := s.logger(stderr)
	graph, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer graph.Close(context.WithoutCancel(ctx))
	if !dry {
		if err := graph.Migrate(ctx); err != nil {
			return fmt.Errorf("neo4j migrations: %w", err)
		}
	}
	b, err := s.openBus(ctx, log, "diplograph-reprocess")
	if err != nil {
		return err
	}
	defer b.Close()
	ar, err := archive.Open(ctx, b.js)
	if err != nil {
		return err
	}
	r := &reprocessor{js: b.js, graph: graph, archive: ar, log: log, stdout: stdout, stderr: stderr, examples: examples, workers: workers, replicas: s.replicas}
	if dry {
		engine, err := newEngine(log)
		if err != nil {
			return err
		}
		return r.dryRun(ctx, engine, spec, sel)
	}
	if b.srv != nil {
		// The store is ours: no other process works on it, so this one does.
		engine, err := newEngine(log)
		if err != nil {
			return err
		}
		stop := startStages(ctx, b.js, graph, engine, workers, log)
		defer stop()
	} else {
		fmt.Fprintf(stderr, "reprocess: the request is filed on %s; its extractors and linkers do the work\n", b.nc.ConnectedUrlRedacted())
	}
	_, err = r.run(ctx, spec, sel)
	return err
}

// reprocessor files reprocess requests and reports on them.
type reprocessor struct {
	js             jetstream.JetStream
	graph          *linker.Graph
	archive        *archive.Archive
	log            *slog.Logger
	stdout, stderr io.Writer
	examples       int
	workers        int
	replicas       int  // of the snapshot store
	quiet          bool // no progress (benchmarks)

	// phases are the durations of the last run's phases: snapshot,
	// publish, work (extract and link), summary.
	phases [4]time.Duration
}

// run files a request for the selection, or resumes the unfinished one,
// waits until the graph holds its result and prints what changed.
func (r *reprocessor) run(ctx context.Context, spec selectionSpec, sel archive.Selection) (*reprocessRequest, error) {
	reqs, err := openRequests(ctx, r.js)
	if err != nil {
		return nil, err
	}
	store, err := openSnapshots(ctx, r.js, r.replicas)
	if err != nil {
		return nil, err
	}
	req, err := reqs.unfinished(ctx, spec)
	if err != nil {
		return nil, err
	}
	if req == nil {
		now := time.Now().UTC()
		req = &reprocessRequest{ID: newRequestID(now), Selection: spec, Created: now, State: stateSnapshot}
		if err := reqs.save(ctx, req); err != nil {
			return nil, err
		}
		r.say("reprocess %s: %s\n", req.ID, spec)
	} else {
		r.say("reprocess %s: resuming (%s, filed %s, %s)\n", req.ID, spec, req.Created.Format(time.RFC3339), req.State)
	}
	r.phases = [4]time.Duration{}
	t := time.Now()
	lap := func(i int) {
		r.phases[i] = time.Since(t)
		t = time.Now()
	}
	if req.State == stateSnapshot {
		// Nothing is published before the snapshot is whole, so it is
		// taken again from the start.
		n, err := takeSnapshot(ctx, r.archive, r.graph, store, req, sel)
		if err != nil {
			return req, err
		}
		req.Total, req.State = n, statePublishing
		if err := reqs.save(ctx, req); err != nil {
			return req, err
		}
		lap(0)
	}
	if req.State == statePublishing {
		if _, err := publishItems(ctx, r.js, store, req); err != nil {
			return req, err
		}
		req.State = stateRunning
		if err := reqs.save(ctx, req); err != nil {
			return req, err
		}
		lap(1)
	}
	if req.State == stateRunning {
		p := r.progress(req.Total)
		err := awaitRequest(ctx, r.js, req, p.report, r.log)
		p.done()
		if err != nil {
			return req, fmt.Errorf("reprocess %s (the same command resumes it): %w", req.ID, err)
		}
		lap(2)
		ch, added, retracted, err := observeChanges(ctx, r.graph, store, req, r.examples)
		if err != nil {
			return req, err
		}
		var sum strings.Builder
		ch.Write(&sum, added, retracted)
		req.Summary, req.State = sum.String(), stateDone
		if err := reqs.save(ctx, req); err != nil {
			return req, err
		}
		_ = store.Delete(ctx, req.ID+".before")
		lap(3)
		r.say("reprocess %s: snapshot %s, items %s, extraction and linking %s, summary %s\n", req.ID,
			r.phases[0].Round(time.Millisecond), r.phases[1].Round(time.Millisecond), r.phases[2].Round(time.Millisecond), r.phases[3].Round(time.Millisecond))
	}
	if !r.quiet {
		fmt.Fprintf(r.stdout, "reprocess %s: %d articles, %s\n%s", req.ID, req.Total, spec, req.Summary)
	}
	return req, nil
}

func (r *reprocessor) say(format string, args ...any) {
	if !r.quiet {
		fmt.Fprintf(r.stderr, format, args...)
	}
}

// dryRun extracts the selected articles with engine and prints what their
// new extractions would change in the graph.
func (r *reprocessor) dryRun(ctx context.Context, engine *extract.Engine, spec selectionSpec, sel archive.Selection) error {
	total := 0
	if err := r.archive.List(ctx, sel, func(archive.Entry) error { total++; return nil }); err != nil {
		return err
	}
	p := r.progress(total)
	ch := &linker.Changes{Examples: r.examples}
	var arts []schemas.Article
	done := 0
	compare := func() error {
		if len(arts) == 0 {
			return nil
		}
		ids := make([]string, len(arts))
		after := make([][]linker.Report, len(arts))
		var wg sync.WaitGroup
		next := make(chan int)
		for range min(r.workers, len(arts)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					after[i] = linker.Reports(engine.Extract(arts[i]))
				}
			}()
		}
		for i, a := range arts {
			ids[i] = a.ID
			next <- i
		}
		close(next)
		wg.Wait()
		before, err := r.graph.ArticleReports(ctx, ids)
		if err != nil {
			return err
		}
		for i, id := range ids {
			ch.Article(id, before[id], after[i])
		}
		done += len(arts)
		p.report(done, total, -1)
		arts = arts[:0]
		return nil
	}
	err := r.archive.Read(ctx, sel, func(_ archive.Entry, a schemas.Article) error {
		if arts = append(arts, a); len(arts) == chunk {
			return compare()
		}
		return nil
	})
	if err == nil {
		err = compare()
	}
	p.done()
	if err != nil {
		return err
	}
	held, err := r.graph.ExistingClaims(ctx, ch.Gained())
	if err != nil {
		return err
	}
	added, retracted := ch.Predict(held)
	fmt.Fprintf(r.stdout, "reprocess --dry-run: %d articles, %s; rules %s, extractor %s; nothing written\n", total, spec, engine.RulesVersion(), extract.Version)
	ch.Write(r.stdout, added, retracted)
	return nil
}

// startStages runs an extractor and a linker in this process until the
// returned function is called.
func startStages(ctx context.Context, js jetstream.JetStream, graph *linker.Graph, engine *extract.Engine, workers int, log *slog.Logger) (stop func()) {
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m := telemetry.NewMetrics()
	var wg sync.WaitGroup
	for _, run := range []func(context.Context) error{
		(&extractor.Service{Engine: engine, JS: js, Log: log, Metrics: m, Workers: workers}).Run,
		(&linker.Service{Graph: graph, JS: js, Log: log, Metrics: m}).Run,
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := run(sctx); err != nil && !errors.Is(err, context.Canceled) {
				log.Error("reprocess stage stopped", "err", err)
			}
		}()
	}
	return func() { cancel(); wg.Wait() }
}

// reprocessProgress draws a bar on a terminal and writes a line every few
// seconds elsewhere.
type reprocessProgress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	start time.Time
	last  time.Time
	off   bool
}

func (r *reprocessor) progress(total int) *reprocessProgress {
	p := &reprocessProgress{w: r.stderr, start: time.Now(), off: r.quiet}
	if !p.off && isTerminal(r.stderr) {
		p.bar = progressbar.NewOptions(max(total, 1), progressbar.OptionSetWriter(r.stderr), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetWidth(30), progressbar.OptionShowDescriptionAtLineEnd(),
			progressbar.OptionSetDescription("articles extracted"))
	}
	return p
}

func (p *reprocessProgress) report(done, total, linking int) {
	if p.off {
		return
	}
	rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-3)
	what := fmt.Sprintf("%.0f articles/s", rate)
	if linking >= 0 {
		what = fmt.Sprintf("linker: %d extractions to settle", linking)
	}
	if p.bar != nil {
		p.bar.Describe(what)
		_ = p.bar.Set(done)
		return
	}
	if time.Since(p.last) >= 5*time.Second || linking == 0 {
		p.last = time.Now()
		fmt.Fprintf(p.w, "reprocess: %d/%d articles extracted, %s, elapsed %s\n", done, total, what, time.Since(p.start).Round(time.Second))
	}
}

func (p *reprocessProgress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}
