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
	"github.com/diplograph/diplograph/services/fetcher"
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
	// serveStore is set by run: it records its server's URL beside the
	// store, so that other commands on the store use it instead of refusing.
	serveStore bool
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
	srv  *server.Server
	lock *natsx.StoreLock
	nc   *nats.Conn
	js   jetstream.JetStream
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
	b.lock.Unlock()
}

// openBus connects to NATS_URL, or else to the embedded server on --data:
// its own, started on the store it locks, or the one of the diplograph run
// that holds the store. It declares the pipeline's streams.
func (s *settings) openBus(ctx context.Context, log *slog.Logger, name string) (*bus, error) {
	b := &bus{}
	cfg := s.nats
	cfg.Name = name
	if cfg.URL == "" {
		lock, owner, err := lockStore(ctx, s.dataDir, name)
		if err != nil {
			return nil, err
		}
		if lock == nil {
			cfg.URL = owner.URL
			log.Info("store in use: using the NATS server of its owner", "store", s.dataDir, "owner", owner.Describe(), "url", cfg.URL)
		} else if err := s.startEmbedded(b, lock, &cfg, log); err != nil {
			return nil, err
		}
	}
	nc, js, err := natsx.Open(ctx, cfg, natsx.Topology{Replicas: s.replicas}, log)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.nc, b.js = nc, js
	if b.lock != nil {
		checkSeen(ctx, js, log)
	}
	return b, nil
}

// checkSeen reports at start-up a store whose seen items and stream
// disagree: articles marked seen that the stream lost (a store truncated
// by a crash) would never be published again without ingest --recheck.
func checkSeen(ctx context.Context, js jetstream.JetStream, log *slog.Logger) {
	c, err := fetcher.CheckSeen(ctx, js, 256)
	if err != nil {
		log.Warn("store: could not compare the seen items with the stream", "err", err)
		return
	}
	if c.Missing > 0 {
		log.Warn("store: articles marked seen are missing from the ARTICLES stream (a store truncated by a crash?); run diplograph ingest --recheck with the same inputs to publish them again",
			"missing", c.Missing, "of_last_seen", c.Checked)
	}
}

// lockStore takes the store folder dir, or, when a diplograph run holds it
// and serves its NATS, returns no lock and the owner to use instead. Any
// other owner makes it refuse: two servers on one store lose messages.
func lockStore(ctx context.Context, dir, name string) (*natsx.StoreLock, natsx.StoreOwner, error) {
	lock, err := natsx.LockStore(dir, name)
	if err == nil || !errors.Is(err, natsx.ErrStoreBusy) {
		return lock, natsx.StoreOwner{}, err
	}
	// The owner records its URL once its server is up: a run that is
	// starting gets a few seconds to do so.
	deadline := time.Now().Add(15 * time.Second)
	for {
		owner, rerr := natsx.ReadStoreOwner(dir)
		if rerr == nil && owner.URL != "" {
			return nil, owner, nil
		}
		if rerr == nil && owner.Command != "diplograph-run" || time.Now().After(deadline) || ctx.Err() != nil {
			return nil, owner, fmt.Errorf("store %s is in use by %s: wait until it ends, or keep a diplograph run on it, which other commands then share (or give each its own --data)", dir, owner.Describe())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// startEmbedded starts the embedded server on the locked store and points
// cfg at it.
func (s *settings) startEmbedded(b *bus, lock *natsx.StoreLock, cfg *natsx.Config, log *slog.Logger) error {
	b.lock = lock
	store := filepath.Join(s.dataDir, "nats")
	if err := os.MkdirAll(store, 0o755); err != nil {
		b.Close()
		return fmt.Errorf("data folder: %w", err)
	}
	ecfg := natsx.EmbeddedConfig{Port: -1, StoreDir: store, Sync: true}
	if err := natsx.ServeAuth(&ecfg, *cfg); err != nil {
		b.Close()
		return err
	}
	if s.natsListen != "" {
		host, port, err := natsx.Listen(s.natsListen)
		if err != nil {
			b.Close()
			return err
		}
		ecfg.Host, ecfg.Port = host, port
	}
	srv, err := natsx.StartEmbedded(ecfg)
	if err != nil {
		b.Close()
		return err
	}
	b.srv = srv
	cfg.URL = srv.ClientURL()
	if s.natsListen != "" && !ecfg.Authenticated() && !loopback(ecfg.Host) {
		log.Warn("embedded NATS listens beyond this machine without authentication; set NATS_USER and NATS_PASSWORD, or NATS_TOKEN", "listen", s.natsListen)
	}
	if s.serveStore {
		if err := lock.Serve(cfg.URL); err != nil {
			b.Close()
			return err
		}
	}
	log.Info("embedded NATS started", "url", cfg.URL, "store", store)
	return nil
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
	timeout := time.Duration(0)
	if v := os.Getenv("EXTRACT_DOC_TIMEOUT"); v != "" {
		if timeout, err = time.ParseDuration(v); err != nil {
			return extract.Options{}, fmt.Errorf("EXTRACT_DOC_TIMEOUT=%q: want a duration such as 30s (negative: no limit): %v", v, err)
		}
	}
	return extract.Options{LexiconDir: lex, RulesDir: rules, DocTimeout: timeout}, nil
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
