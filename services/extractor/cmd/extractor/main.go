// Command extractor runs the extraction stage alone against an external
// NATS: it consumes articles and publishes extractions. Run several copies
// to share the work; they share one durable consumer.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/services/extractor"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

type cfg struct {
	nats       natsx.Config
	replicas   int
	workers    int
	health     string
	logLevel   string
	lexiconDir string
	rulesDir   string
	docTimeout time.Duration
}

func main() {
	c, err := parse(os.Args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "extractor:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		fmt.Fprintln(os.Stderr, "extractor:", err)
		stop()
		os.Exit(1)
	}
}

func parse(args []string) (cfg, error) {
	var c cfg
	fs := flag.NewFlagSet("extractor", flag.ContinueOnError)
	c.nats.BindFlags(fs, "nats://127.0.0.1:4222")
	_ = config.Int(fs, &c.replicas, "replicas", "NATS_REPLICAS", 1, "replicas of streams, buckets and consumers (3 on a NATS cluster); existing ones are never lowered")
	_ = config.Int(fs, &c.workers, "workers", "EXTRACT_WORKERS", runtime.NumCPU(), "extraction goroutines")
	config.String(fs, &c.health, "health", "HEALTH_ADDR", ":9464", "address of /livez, /readyz, /metrics")
	_ = config.LogLevel(fs, &c.logLevel, "info")
	config.String(fs, &c.lexiconDir, "lexicon", "DIPLOGRAPH_LEXICON", "", "folder overriding the embedded gazetteer")
	config.String(fs, &c.rulesDir, "rules", "DIPLOGRAPH_RULES", "", "folder overriding the embedded rule files")
	if err := config.Duration(fs, &c.docTimeout, "doc-timeout", "EXTRACT_DOC_TIMEOUT", extract.DefaultDocTimeout,
		"time one document may take before it fails as timeout (negative: no limit)"); err != nil {
		return c, err
	}
	if err := config.Parse(fs, args); err != nil {
		return c, err
	}
	return c, config.First(
		c.nats.Validate(),
		natsx.CheckReplicas(c.replicas),
		config.AtLeast("EXTRACT_WORKERS", c.workers, 1),
		config.CheckAddr("HEALTH_ADDR", c.health),
		config.CheckDir("DIPLOGRAPH_LEXICON", c.lexiconDir),
		config.CheckDir("DIPLOGRAPH_RULES", c.rulesDir),
	)
}

func run(ctx context.Context, c cfg) error {
	log := telemetry.NewLogger(os.Stderr, c.logLevel)
	start := time.Now()
	limits.SetHeap()
	engine, err := extract.New(extract.Options{LexiconDir: c.lexiconDir, RulesDir: c.rulesDir, DocTimeout: c.docTimeout})
	if err != nil {
		return fmt.Errorf("loading the extractor: %w", err)
	}
	log.Info("extractor loaded", "took", time.Since(start).Round(time.Millisecond))
	c.nats.Name = "diplograph-extractor"
	nc, js, err := natsx.Open(ctx, c.nats, natsx.Topology{Replicas: c.replicas}, log)
	if err != nil {
		return err
	}
	defer nc.Drain()
	m := telemetry.NewMetrics()
	svc := &extractor.Service{Engine: engine, JS: js, Log: log, Metrics: m, Workers: c.workers}
	h := telemetry.NewHealth(m)
	h.AddCheck("nats", natsx.ConnectedCheck(nc))
	h.AddCheck("consumer", svc.Ready)
	go func() {
		if err := h.Serve(ctx, c.health, log); err != nil {
			log.Error("health endpoints", "err", err)
		}
	}()
	return svc.Run(ctx)
}
