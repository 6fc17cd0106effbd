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
	config.String(fs, &c.nats.URL, "nats-url", "NATS_URL", "nats://127.0.0.1:4222", "NATS server URL(s)")
	config.String(fs, &c.nats.User, "nats-user", "NATS_USER", "", "NATS user")
	config.Secret(fs, &c.nats.Password, "nats-password", "NATS_PASSWORD", "", "NATS password")
	config.Secret(fs, &c.nats.Token, "nats-token", "NATS_TOKEN", "", "NATS token")
	config.String(fs, &c.nats.NKeySeed, "nats-nkey", "NATS_NKEY_SEED", "", "NKey seed file")
	config.String(fs, &c.nats.Creds, "nats-creds", "NATS_CREDS", "", "NATS credentials file")
	config.String(fs, &c.nats.CAFile, "nats-ca", "NATS_CA", "", "CA certificate for TLS")
	config.String(fs, &c.nats.CertFile, "nats-cert", "NATS_CERT", "", "client certificate for TLS")
	config.String(fs, &c.nats.KeyFile, "nats-key", "NATS_KEY", "", "client key for TLS")
	config.String(fs, &c.neo4j.URI, "neo4j-uri", "NEO4J_URI", "bolt://127.0.0.1:7687", "Neo4j URI")
	config.String(fs, &c.neo4j.User, "neo4j-user", "NEO4J_USER", "neo4j", "Neo4j user")
	config.Secret(fs, &c.neo4j.Password, "neo4j-password", "NEO4J_PASSWORD", "", "Neo4j password")
	config.String(fs, &c.neo4j.Database, "neo4j-database", "NEO4J_DATABASE", "neo4j", "Neo4j database")
	if err := config.Int(fs, &c.replicas, "replicas", "NATS_REPLICAS", 1, "stream replicas"); err != nil {
		return c, err
	}
	if err := config.Int(fs, &c.batch, "batch", "LINK_BATCH", 64, "extractions per graph transaction"); err != nil {
		return c, err
	}
	if err := config.Duration(fs, &c.wait, "startup-wait", "NEO4J_STARTUP_WAIT", 0, "how long to wait at start-up for an unreachable Neo4j (0: fail at once); a refused password always fails at once"); err != nil {
		return c, err
	}
	config.String(fs, &c.health, "health", "HEALTH_ADDR", ":9464", "address of /livez, /readyz, /metrics")
	config.String(fs, &c.logLevel, "log-level", "LOG_LEVEL", "info", "log level")
	return c, fs.Parse(args)
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
	nc, js, err := natsx.Connect(ctx, c.nats, log)
	if err != nil {
		return err
	}
	defer nc.Drain()
	if err := (natsx.Topology{Replicas: c.replicas}).Ensure(ctx, js); err != nil {
		return err
	}
	m := telemetry.NewMetrics()
	svc := &linker.Service{Graph: g, JS: js, Log: log, Metrics: m, Batch: c.batch}
	h := telemetry.NewHealth(m)
	h.AddCheck("nats", func(context.Context) error {
		if !nc.IsConnected() {
			return errors.New("disconnected")
		}
		return nil
	})
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
