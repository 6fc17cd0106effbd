package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/services/fetcher"
)

func cmdIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", "Usage: diplograph ingest [flags] PATH|URL|- ...\n\nPublishes every article found in files, folders (walked recursively), feeds and\npages to NATS, once: an item already seen is not published again. Shows\nprogress (a bar on a terminal, periodic lines otherwise). Items that fail are\ncounted, listed and recorded on the dead-letter stream; the rest go on.\n", stderr)
	var s settings
	var httpCfg fetcher.HTTPConfig
	s.natsFlags(fs)
	httpCfg.BindFlags(fs)
	var workers int
	var recheck bool
	_ = config.Int(fs, &workers, "workers", "FETCHER_WORKERS", 4, "parallel readers and fetchers")
	_ = config.Bool(fs, &recheck, "recheck", "FETCHER_RECHECK", false, "publish again the items seen before whose article the stream no longer holds (after a store was truncated by a crash)")
	if err := parseFlags(fs, args, s.checkNATS, httpCfg.Parse,
		func() error { return config.AtLeast("FETCHER_WORKERS", workers, 1) }); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	log := s.logger(stderr)
	b, err := s.openBus(ctx, log, "diplograph-ingest")
	if err != nil {
		return err
	}
	defer b.Close()
	pub, err := fetcher.NewJetStreamPublisher(b.js)
	if err != nil {
		return err
	}
	pub.Recheck = recheck
	start := time.Now()
	stats, err := fetcher.Ingest(ctx, pub, fs.Args(), fetcher.IngestOptions{
		Workers:       workers,
		Progress:      fetcher.NewProgressReporter(stderr, isTerminal(stderr)),
		ProgressEvery: 2 * time.Second,
		DeadLetter:    fetcher.JetStreamDeadLetter(b.js, log),
		HTTP:          &httpCfg,
	})
	if err != nil && ctx.Err() == nil {
		return err
	}
	for _, f := range stats.Failures {
		fmt.Fprintf(stderr, "failed %s: %s: %v\n", f.Input, f.Reason, f.Err)
	}
	el := time.Since(start)
	fmt.Fprintf(stdout, "ingested: %d seen, %d published, %d already seen, %d failed in %s (%.0f items/s)\n",
		stats.Seen, stats.Published, stats.Duplicates, stats.Failed, el.Round(time.Millisecond), float64(stats.Seen)/el.Seconds())
	if ctx.Err() != nil {
		fmt.Fprintf(stdout, "interrupted: %d items left for the next run\n", stats.Interrupted)
		return errInterrupted
	}
	if stats.Failed > 0 {
		return fmt.Errorf("%d items failed (recorded on the dead-letter stream)", stats.Failed)
	}
	return nil
}
