// Command linker runs the linking stage alone against an external NATS and
// Neo4j: it consumes extractions, writes them to the graph and publishes
// claim events.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/services/linker"
)

type cfg struct {
	nats     natsx.Config
	neo4j    linker.Neo4jConfig
	replicas int
	batch    int
	health   string
	logLevel string
	wait     time.Duration
}

func main() {
	c, err := parse(os.Args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "linker:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		fmt.Fprintln(os.Stderr, "linker:", err)
		stop()
		os.Exit(1)
	}
}

func parse(args []string) (cfg, error) {
	var c cfg
	fs := flag.NewFlagSet("linker", flag.ContinueOnError)
	c.nats.BindFlags(fs, "nats://127.0.0.1:4222")
	c.neo4j.BindFlags(fs, "")
	_ = config.Int(fs, &c.replicas, "replicas", "NATS_REPLICAS", 1, "replicas of streams, buckets and consumers (3 on a NATS cluster); existing ones are never lowered")
	_ = config.Int(fs, &c.batch, "batch", "LINK_BATCH", linker.DefaultBatch, "extractions per graph transaction")
	_ = config.Duration(fs, &c.wait, "startup-wait", "NEO4J_STARTUP_WAIT", 0, "how long to wait at start-up for an unreachable Neo4j (0: fail at once); a refused password always fails at once")
	config.String(fs, &c.health, "health", "HEALTH_ADDR", ":9464", "address of /livez, /readyz, /metrics")
	_ = config.LogLevel(fs, &c.logLevel, "info")
	if err := config.Parse(fs, args); err != nil {
		return c, err
	}
	return c, config.First(
		c.nats.Validate(),
		c.neo4j.Validate(),
		natsx.CheckReplicas(c.replicas),
		config.AtLeast("LINK_BATCH", c.batch, 1),
		config.CheckAddr("HEALTH_ADDR", c.health),
	)
}

func run(ctx context.Context, c cfg) error {
	log := telemetry.NewLogger(os.Stderr, c.logLevel)
	g, err := openGraph(ctx, c, log)
	if err != nil {
		return err
	}
	defer g.Close(context.WithoutCancel(ctx))
	if err := g.Migrate(ctx); err != nil {
		return fmt.Errorf("neo4j migrations: %w", err)
	}
	c.nats.Name = "diplograph-linker"
	nc, js, err := natsx.Open(ctx, c.nats, natsx.Topology{Replicas: c.replicas}, log)
	if err != nil {
		return err
	}
	defer nc.Drain()
	m := telemetry.NewMetrics()
	svc := &linker.Service{Graph: g, JS: js, Log: log, Metrics: m, Batch: c.batch}
	h := telemetry.NewHealth(m)
	h.AddCheck("nats", natsx.ConnectedCheck(nc))
	h.AddCheck("linker", svc.Ready)
	go func() {
		if err := h.Serve(ctx, c.health, log); err != nil {
			log.Error("health endpoints", "err", err)
		}
	}()
	return svc.Run(ctx)
}

// openGraph opens the graph, waiting up to c.wait while Neo4j is
// unreachable (a supervisor may start the linker before Neo4j).
func openGraph(ctx context.Context, c cfg, log *slog.Logger) (*linker.Graph, error) {
	deadline := time.Now().Add(c.wait)
	for attempt := 1; ; attempt++ {
		g, err := linker.OpenGraph(ctx, c.neo4j, log)
		if err == nil || !errors.Is(err, linker.ErrUnavailable) || time.Now().After(deadline) || ctx.Err() != nil {
			return g, err
		}
		if attempt == 1 {
			log.Warn("neo4j unreachable; waiting", "for", c.wait, "err", err)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
