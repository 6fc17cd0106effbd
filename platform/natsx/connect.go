package natsx

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/diplograph/diplograph/platform/config"
)

// Config says how to reach NATS. It is filled from flags and the
// environment (NATS_URL, NATS_USER, NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_SEED,
// NATS_CREDS, NATS_CA, NATS_CERT, NATS_KEY).
type Config struct {
	URL      string
	User     string
	Password string
	Token    string
	NKeySeed string // path to an NKey seed file
	Creds    string // path to a credentials file
	CAFile   string
	CertFile string
	KeyFile  string
	Name     string // client name shown in server monitoring
}

// Validate reports the first bad field. An entry of NATS_URL that does not
// parse is named by its position, never echoed: it may hold a password.
func (c Config) Validate() error {
	if strings.TrimSpace(c.URL) == "" {
		return errors.New("NATS_URL: empty")
	}
	entries := strings.Split(c.URL, ",")
	for i, u := range entries {
		which := "NATS_URL"
		if len(entries) > 1 {
			which = fmt.Sprintf("NATS_URL entry %d of %d", i+1, len(entries))
		}
		pu, err := url.Parse(strings.TrimSpace(u))
		if err != nil || pu.Host == "" {
			return fmt.Errorf("%s: not a URL like nats://host:4222", which)
		}
		switch pu.Scheme {
		case "nats", "tls", "ws", "wss":
		default:
			return fmt.Errorf("%s: scheme %q in %s: want nats, tls, ws or wss", which, pu.Scheme, Redact(u))
		}
	}
	if (c.CertFile == "") != (c.KeyFile == "") {
		return errors.New("NATS_CERT and NATS_KEY: give both or neither")
	}
	return nil
}

// Redact hides every password and token of a URL, or of a comma-separated
// list of URLs, for logs and errors; see config.RedactURL.
func Redact(raw string) string { return config.RedactURL(raw) }

// ErrUnreachable reports that no NATS server answered.
var ErrUnreachable = errors.New("nats unreachable")

// Connect dials NATS and returns the connection and its JetStream context.
// It fails fast at start-up (so that a bad URL or password is reported at
// once) and reconnects forever afterwards.
func Connect(ctx context.Context, cfg Config, log *slog.Logger, extra ...nats.Option) (*nats.Conn, jetstream.JetStream, error) {
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	opts := []nats.Option{
		nats.Name(cfg.Name),
		nats.Timeout(5 * time.Second),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(500 * time.Millisecond),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) { log.Info("nats reconnected", "server", Redact(nc.ConnectedUrl())) }),
	}
	if cfg.User != "" {
		opts = append(opts, nats.UserInfo(cfg.User, cfg.Password))
	}
	if cfg.Token != "" {
		opts = append(opts, nats.Token(cfg.Token))
	}
	if cfg.NKeySeed != "" {
		o, err := nats.NkeyOptionFromSeed(cfg.NKeySeed)
		if err != nil {
			return nil, nil, fmt.Errorf("NATS_NKEY_SEED %s: %w", cfg.NKeySeed, err)
		}
		opts = append(opts, o)
	}
	if cfg.Creds != "" {
		opts = append(opts, nats.UserCredentials(cfg.Creds))
	}
	if cfg.CAFile != "" {
		opts = append(opts, nats.RootCAs(cfg.CAFile))
	}
	if cfg.CertFile != "" {
		opts = append(opts, nats.ClientCert(cfg.CertFile, cfg.KeyFile))
	}
	opts = append(opts, extra...)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		switch {
		case errors.Is(err, nats.ErrAuthorization), strings.Contains(strings.ToLower(err.Error()), "authorization"):
			return nil, nil, fmt.Errorf("nats %s: authorization refused: check NATS_USER/NATS_PASSWORD/NATS_TOKEN: %w", Redact(cfg.URL), err)
		case errors.Is(err, nats.ErrNoServers):
			return nil, nil, fmt.Errorf("nats %s: %w: no server answered (is it running? is NATS_URL right?)", Redact(cfg.URL), ErrUnreachable)
		}
		return nil, nil, fmt.Errorf("nats %s: %w", Redact(cfg.URL), err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("jetstream: %w", err)
	}
	// A new cluster answers JetStream requests only once it has elected a
	// meta leader, which takes a few seconds: retry for up to 30 s.
	deadline := time.Now().Add(30 * time.Second)
	for {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := js.AccountInfo(actx)
		cancel()
		if err == nil {
			break
		}
		if errors.Is(err, jetstream.ErrJetStreamNotEnabled) || errors.Is(err, jetstream.ErrJetStreamNotEnabledForAccount) {
			nc.Close()
			return nil, nil, fmt.Errorf("nats %s: JetStream is not enabled on the server (start it with -js)", Redact(cfg.URL))
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			nc.Close()
			return nil, nil, fmt.Errorf("nats %s: jetstream account: %w", Redact(cfg.URL), err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(500 * time.Millisecond):
		}
	}
	return nc, js, nil
}

// Open connects to NATS and declares the topology: what every service does
// at start-up.
func Open(ctx context.Context, cfg Config, topo Topology, log *slog.Logger) (*nats.Conn, jetstream.JetStream, error) {
	nc, js, err := Connect(ctx, cfg, log)
	if err != nil {
		return nil, nil, err
	}
	if topo.Log == nil {
		topo.Log = log
	}
	if err := topo.Ensure(ctx, js); err != nil {
		nc.Close()
		return nil, nil, err
	}
	return nc, js, nil
}

// ConnectedCheck is a readiness check that fails while nc is disconnected.
func ConnectedCheck(nc *nats.Conn) func(context.Context) error {
	return func(context.Context) error {
		if !nc.IsConnected() {
			return errors.New("disconnected")
		}
		return nil
	}
}
