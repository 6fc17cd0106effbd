package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
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
	logLevel string
	replicas int
	// natsListen is where the embedded server listens ("" for a random
	// loopback port: the commands other than run).
	natsListen string
}

func (s *settings) natsFlags(fs *flag.FlagSet) {
	s.nats.BindFlags(fs, "")
	config.String(fs, &s.dataDir, "data", "DIPLOGRAPH_DATA", ".diplograph", "folder of the embedded NATS server's JetStream store, used when --nats-url is empty")
	_ = config.LogLevel(fs, &s.logLevel, "info")
	_ = config.Int(fs, &s.replicas, "replicas", "NATS_REPLICAS", 1, "replicas of streams, buckets and consumers (3 on a NATS cluster); existing ones are never lowered")
}

// natsListenFlag lets other processes subscribe to the embedded server.
func (s *settings) natsListenFlag(fs *flag.FlagSet) {
	config.String(fs, &s.natsListen, "nats-listen", "NATS_LISTEN", "127.0.0.1:4222",
		"address the embedded NATS server listens on, for subscribers (host:0 or empty for any free port), with the authentication of --nats-user/--nats-password, --nats-token or --nats-nkey; used when --nats-url is empty")
}

func (s *settings) neo4jFlags(fs *flag.FlagSet) {
	// The local Neo4j of deploy/neo4j starts with this password by default.
	s.neo4j.BindFlags(fs, "diplograph-dev")
}

// checkNATS reports the first bad NATS setting. The URL is checked only
// when given: an empty one means the embedded server.
func (s *settings) checkNATS() error {
	var url error
	if s.nats.URL != "" {
		url = s.nats.Validate()
	}
	return config.First(url, natsx.CheckReplicas(s.replicas))
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
		ecfg := natsx.EmbeddedConfig{Port: -1, StoreDir: store}
		if err := natsx.ServeAuth(&ecfg, cfg); err != nil {
			return nil, err
		}
		if s.natsListen != "" {
			host, port, err := natsx.Listen(s.natsListen)
			if err != nil {
				return nil, err
			}
			ecfg.Host, ecfg.Port = host, port
		}
		srv, err := natsx.StartEmbedded(ecfg)
		if err != nil {
			return nil, err
		}
		b.srv = srv
		cfg.URL = srv.ClientURL()
		if s.natsListen != "" && !ecfg.Authenticated() && !loopback(ecfg.Host) {
			log.Warn("embedded NATS listens beyond this machine without authentication; set NATS_USER and NATS_PASSWORD, or NATS_TOKEN", "listen", s.natsListen)
		}
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

// loopback reports whether host is reachable from this machine only.
func loopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

func (s *settings) logger(w io.Writer) *slog.Logger { return telemetry.NewLogger(w, s.logLevel) }

// newEngine loads the extraction engine and says how long it took. A
// DIPLOGRAPH_LEXICON or DIPLOGRAPH_RULES folder that is not there stops it:
// falling back to the built-in data would hide the mistake.
func newEngine(log *slog.Logger) (*extract.Engine, error) {
	opts, err := engineOptions()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	e, err := extract.New(opts)
	if err != nil {
		return nil, fmt.Errorf("loading the extractor: %w", err)
	}
	log.Debug("extractor loaded", "took", time.Since(start))
	return e, nil
}

// engineOptions reads and checks DIPLOGRAPH_LEXICON and DIPLOGRAPH_RULES.
func engineOptions() (extract.Options, error) {
	lex, err := config.EnvDir("DIPLOGRAPH_LEXICON")
	if err != nil {
		return extract.Options{}, err
	}
	rules, err := config.EnvDir("DIPLOGRAPH_RULES")
	if err != nil {
		return extract.Options{}, err
	}
	return extract.Options{LexiconDir: lex, RulesDir: rules}, nil
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

// parseFlags parses args and turns a bad flag into errUsage after printing;
// a bad environment variable, or a failed check, is returned as it is: one
// line naming the setting.
func parseFlags(fs *flag.FlagSet, args []string, checks ...func() error) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if err := config.Check(fs); err != nil {
		return err
	}
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}

func version() string { return "0.1.0 (extractor " + extract.Version + ")" }
