// Package natsx is diplograph's one home for NATS: the embedded server,
// connecting with authentication and TLS, declaring streams and consumers,
// publishing with de-duplication ids and CloudEvents headers, and the
// consume loop that acks, retries and dead-letters.
package natsx

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/diplograph/diplograph/platform/limits"
)

// EmbeddedConfig configures an in-process NATS server with JetStream.
type EmbeddedConfig struct {
	Name     string // server name; default "diplograph"
	Host     string // default 127.0.0.1
	Port     int    // 0 = 4222; -1 = a random free port
	StoreDir string // JetStream file store; required
	// Cluster settings, for tests and small deployments: a cluster name,
	// this node's route port, and the routes of every node.
	ClusterName string
	ClusterPort int
	Routes      []string
	// User and Password, when set, are required of clients; so are Token
	// and the NKey whose public key NKey is (see ServeAuth).
	User, Password string
	Token          string
	NKey           string
	// Sync makes JetStream write every message to disk before it
	// acknowledges it, so that an acknowledged publish survives a crash of
	// the machine: what diplograph's own store needs, where a seen item must
	// never outlive its article. (A cluster gets this from replication.)
	Sync bool
}

// StartEmbedded starts a NATS server with JetStream on a file store and
// waits until it accepts connections.
func StartEmbedded(cfg EmbeddedConfig) (*server.Server, error) {
	if cfg.StoreDir == "" {
		return nil, errors.New("embedded nats: StoreDir is required")
	}
	if cfg.Name == "" {
		cfg.Name = "diplograph"
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	opts := &server.Options{
		ServerName:    cfg.Name,
		Host:          cfg.Host,
		Port:          cfg.Port,
		JetStream:     true,
		StoreDir:      cfg.StoreDir,
		NoSigs:        true,
		NoLog:         true,
		Username:      cfg.User,
		Password:      cfg.Password,
		Authorization: cfg.Token,
		SyncAlways:    cfg.Sync,
		// Messages can hold whole articles.
		MaxPayload: limits.Message,
	}
	if cfg.NKey != "" {
		opts.Nkeys = []*server.NkeyUser{{Nkey: cfg.NKey}}
	}
	if cfg.ClusterName != "" {
		opts.Cluster = server.ClusterOpts{Name: cfg.ClusterName, Host: cfg.Host, Port: cfg.ClusterPort}
		for _, r := range cfg.Routes {
			u, err := url.Parse(r)
			if err != nil {
				return nil, fmt.Errorf("embedded nats: route %q: %w", r, err)
			}
			opts.Routes = append(opts.Routes, u)
		}
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	go s.Start()
	// A clustered node with JetStream can take several seconds on a loaded
	// machine (the cluster system test failed once at 10s while other work
	// had both cores); a port in use fails long before.
	if !s.ReadyForConnections(readyWait) {
		s.Shutdown()
		return nil, fmt.Errorf("embedded nats: not ready after %s (port %d in use?)", readyWait, cfg.Port)
	}
	return s, nil
}

// readyWait bounds the wait for an embedded server to accept connections.
const readyWait = 30 * time.Second
