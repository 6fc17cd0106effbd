// Command fetcher is the diplograph fetcher service: it polls the sources
// of a YAML file and publishes their new items on diplo.articles.<source>.
// Given paths or URLs as arguments it ingests them once and exits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/services/fetcher"
)

// Config is the fetcher service's configuration.
type Config struct {
	NATS         natsx.Config
	Replicas     int
	Sources      string // sources file; required unless Inputs are given
	Inputs       []string
	HealthAddr   string
	LogLevel     string
	Workers      int
	HTTP         fetcher.HTTPConfig
	EnsureTopo   bool
	ShowProgress bool
	Recheck      bool
}

// Validate reports the first bad field.
func (c Config) Validate() error {
	if err := c.NATS.Validate(); err != nil {
		return err
	}
	if c.Sources == "" && len(c.Inputs) == 0 {
		return errors.New("FETCHER_SOURCES: give a sources file (or paths/URLs to ingest once)")
	}
	return config.First(
		config.AtLeast("FETCHER_WORKERS", c.Workers, 1),
		natsx.CheckReplicas(c.Replicas),
		config.CheckAddr("HEALTH_ADDR", c.HealthAddr),
		c.HTTP.Validate(),
	)
}

func parse(args []string, stderr io.Writer) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("fetcher", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: fetcher [flags] [PATH|URL|-...]\n\nPolls the sources file, or ingests the arguments once.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	c.NATS.BindFlags(fs, "nats://127.0.0.1:4222")
	c.HTTP.BindFlags(fs)
	config.String(fs, &c.Sources, "sources", "FETCHER_SOURCES", "", "YAML file of feeds, pages and folders to poll")
	config.String(fs, &c.HealthAddr, "health", "HEALTH_ADDR", ":9091", "address of /livez, /readyz, /metrics (empty: off)")
	_ = config.LogLevel(fs, &c.LogLevel, "info")
	_ = config.Int(fs, &c.Replicas, "replicas", "NATS_REPLICAS", 1, "replicas of streams, buckets and consumers (3 on a NATS cluster); existing ones are never lowered")
	_ = config.Int(fs, &c.Workers, "workers", "FETCHER_WORKERS", 8, "items fetched and published in parallel")
	_ = config.Duration(fs, &c.HTTP.Timeout, "timeout", "FETCHER_TIMEOUT", 30*time.Second, "per-request timeout")
	_ = config.Duration(fs, &c.HTTP.PerHostInterval, "per-host-interval", "FETCHER_PER_HOST_INTERVAL", time.Second, "minimum gap between requests to one host")
	_ = config.Int(fs, &c.HTTP.Retries, "retries", "FETCHER_RETRIES", 3, "retries on 429, 5xx and network errors")
	_ = config.Bool(fs, &c.EnsureTopo, "ensure-streams", "FETCHER_ENSURE_STREAMS", true, "declare the pipeline's streams at start-up")
	_ = config.Bool(fs, &c.ShowProgress, "progress", "FETCHER_PROGRESS", true, "show progress when ingesting arguments")
	_ = config.Bool(fs, &c.Recheck, "recheck", "FETCHER_RECHECK", false, "publish again the items seen before whose article the stream no longer holds")
	if err := config.Parse(fs, args); err != nil {
		return c, err
	}
	c.NATS.Name = "diplograph-fetcher"
	c.Inputs = fs.Args()
	if err := c.HTTP.Parse(); err != nil {
		return c, err
	}
	return c, c.Validate()
}

func main() {
	cfg, err := parse(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fetcher:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := telemetry.NewLogger(os.Stderr, cfg.LogLevel)
	if err := run(ctx, cfg, log); err != nil {
		log.Error("fetcher stopped", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg Config, log *slog.Logger) error {
	var sources []fetcher.SourceConfig
	if cfg.Sources != "" {
		s, err := fetcher.LoadSources(cfg.Sources)
		if err != nil {
			return err
		}
		sources = s
	}
	nc, js, err := natsx.Connect(ctx, cfg.NATS, log)
	if err != nil {
		return err
	}
	defer func() { _ = nc.Drain() }()
	if cfg.EnsureTopo {
		if err := (natsx.Topology{Replicas: cfg.Replicas, Log: log}).Ensure(ctx, js); err != nil {
			return err
		}
	}
	pub, err := fetcher.NewJetStreamPublisher(js)
	if err != nil {
		return err
	}
	pub.Recheck = cfg.Recheck
	if c, err := fetcher.CheckSeen(ctx, js, 256); err == nil && c.Missing > 0 {
		log.Warn("articles marked seen are missing from the ARTICLES stream (a store truncated by a crash?); start with --recheck to publish them again", "missing", c.Missing, "of_last_seen", c.Checked)
	}
	metrics := telemetry.NewMetrics()
	dl := fetcher.JetStreamDeadLetter(js, log)
	if len(cfg.Inputs) > 0 {
		opts := fetcher.IngestOptions{Workers: cfg.Workers, HTTP: &cfg.HTTP, Metrics: metrics, DeadLetter: dl}
		if cfg.ShowProgress {
			fi, _ := os.Stderr.Stat()
			opts.Progress = fetcher.NewProgressReporter(os.Stderr, fi != nil && fi.Mode()&os.ModeCharDevice != 0)
		}
		s, err := fetcher.Ingest(ctx, pub, cfg.Inputs, opts)
		for _, f := range s.Failures {
			fmt.Fprintf(os.Stderr, "failed %s: %s: %v\n", f.Input, f.Reason, f.Err)
		}
		log.Info("ingest done", "published", s.Published, "duplicates", s.Duplicates, "failed", s.Failed)
		if err != nil {
			return err
		}
		if len(sources) == 0 {
			return nil
		}
	}
	health := telemetry.NewHealth(metrics)
	health.AddCheck("nats", func(context.Context) error {
		if !nc.IsConnected() {
			return errors.New("not connected")
		}
		return nil
	})
	hctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		if err := health.Serve(hctx, cfg.HealthAddr, log); err != nil {
			log.Error("health endpoints", "err", err)
		}
	}()
	return fetcher.Poll(ctx, pub, sources, fetcher.PollOptions{Workers: cfg.Workers, HTTP: &cfg.HTTP, Metrics: metrics, DeadLetter: dl, Log: log})
}
