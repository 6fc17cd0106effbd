package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/natsx"
	"github.com/diplograph/diplograph/platform/telemetry"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/linker"
)

// settings are the flags shared by the commands that talk to NATS or Neo4j.
type settings struct {
	nats     natsx.Config
	neo4j    linker.Neo4jConfig
	dataDir  string
	embedded bool
	logLevel string
	health   string
	replicas int
}

func (s *settings) natsFlags(fs *flag.FlagSet) {
	s.nats.BindFlags(fs, "")
	config.String(fs, &s.dataDir, "data", "DIPLOGRAPH_DATA", ".diplograph", "folder of the embedded NATS server's JetStream store, used when --nats-url is empty")
	config.String(fs, &s.logLevel, "log-level", "LOG_LEVEL", "info", "log level: debug, info, warn, error")
	_ = config.Int(fs, &s.replicas, "replicas", "NATS_REPLICAS", 1, "stream replicas (3 on a NATS cluster)")
}

func (s *settings) neo4jFlags(fs *flag.FlagSet) {
	// The local Neo4j of deploy/neo4j starts with this password by default.
	s.neo4j.BindFlags(fs, "diplograph-dev")
}

// bus is a NATS connection, and the embedded server behind it if any.
type bus struct {
	srv *server.Server
	nc  *nats.Conn
	js  jetstream.JetStream
}

func (b *bus) Close() {
	if b.nc != nil {
		_ = b.nc.Drain()
		deadline := time.Now().Add(5 * time.Second)
		for !b.nc.IsClosed() && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if b.srv != nil {
		b.srv.Shutdown()
		b.srv.WaitForShutdown()
	}
}

// openBus connects to NATS_URL, or starts the embedded server on --data
// when none is given, and declares the pipeline's streams.
func (s *settings) openBus(ctx context.Context, log *slog.Logger, name string) (*bus, error) {
	b := &bus{}
	cfg := s.nats
	cfg.Name = name
	if cfg.URL == "" {
		store := filepath.Join(s.dataDir, "nats")
		if err := os.MkdirAll(store, 0o755); err != nil {
			return nil, fmt.Errorf("data folder: %w", err)
		}
		srv, err := natsx.StartEmbedded(natsx.EmbeddedConfig{Port: -1, StoreDir: store, User: cfg.User, Password: cfg.Password})
		if err != nil {
			return nil, err
		}
		b.srv = srv
		cfg.URL = srv.ClientURL()
		log.Info("embedded NATS started", "url", cfg.URL, "store", store)
	}
	nc, js, err := natsx.Open(ctx, cfg, natsx.Topology{Replicas: s.replicas}, log)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.nc, b.js = nc, js
	return b, nil
}

func (s *settings) logger(w io.Writer) *slog.Logger { return telemetry.NewLogger(w, s.logLevel) }

// newEngine loads the extraction engine and says how long it took.
func newEngine(log *slog.Logger) (*extract.Engine, error) {
	start := time.Now()
	e, err := extract.New(extract.Options{LexiconDir: os.Getenv("DIPLOGRAPH_LEXICON"), RulesDir: os.Getenv("DIPLOGRAPH_RULES")})
	if err != nil {
		return nil, fmt.Errorf("loading the extractor: %w", err)
	}
	log.Debug("extractor loaded", "took", time.Since(start))
	return e, nil
}

// newFlagSet returns the flag set of a command whose --help prints about
// and then the flags.
func newFlagSet(name, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, about, "\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns a bad flag into errUsage after printing.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func version() string { return "0.1.0 (extractor " + extract.Version + ")" }
