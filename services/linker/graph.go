package linker

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// ErrUnavailable reports that Neo4j cannot be reached; it is transient.
var ErrUnavailable = errors.New("neo4j unavailable")

// ErrAuth reports that Neo4j refused the credentials.
var ErrAuth = errors.New("neo4j authentication failed")

// Graph is the knowledge graph in Neo4j. It is safe for concurrent use.
type Graph struct {
	driver neo4j.DriverWithContext
	cfg    Neo4jConfig
	log    *slog.Logger
	gaz    plan.Gazetteer
	// hook, set only by tests, is called at named points of a write
	// ("written": inside the transaction, before commit).
	hook func(point string)
}

// GraphOption adjusts a Graph.
type GraphOption func(*Graph)

// WithGazetteer resolves persons and names entities with gaz instead of the
// built-in gazetteer; nil disables resolution.
func WithGazetteer(gaz Gazetteer) GraphOption {
	return func(g *Graph) {
		if gaz == nil {
			g.gaz = nil
			return
		}
		g.gaz = gaz
	}
}

// OpenGraph connects to Neo4j and checks, at once, that the server answers
// and accepts the credentials, so that a bad setting stops start-up with
// one clear message.
func OpenGraph(ctx context.Context, cfg Neo4jConfig, log *slog.Logger, opts ...GraphOption) (*Graph, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	var tlsCfg *tls.Config
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, fmt.Errorf("NEO4J_CA: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("NEO4J_CA %s: no PEM certificate in it", cfg.CAFile)
		}
		tlsCfg = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *config.Config) {
		// Short: the service waits out outages itself, pinging every
		// 500 ms, and so resumes sooner than a doubling backoff would.
		c.MaxTransactionRetryTime = 2 * time.Second
		c.SocketConnectTimeout = 3 * time.Second
		c.ConnectionAcquisitionTimeout = 10 * time.Second
		c.MaxConnectionPoolSize = 16
		// A connection idle for a second is checked before use, so that
		// after an outage the pool's dead connections are dropped instead
		// of each costing a retry.
		c.ConnectionLivenessCheckTimeout = time.Second
		c.UserAgent = "diplograph-linker"
		if tlsCfg != nil {
			c.TlsConfig = tlsCfg
		}
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w", redact(cfg.URI), err)
	}
	g := &Graph{driver: driver, cfg: cfg, log: log, gaz: defaultGazetteer(log)}
	for _, o := range opts {
		o(g)
	}
	vctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := g.Ping(vctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	log.Info("neo4j connected", "uri", redact(cfg.URI), "user", cfg.User, "database", cfg.Database)
	return g, nil
}

// Ping runs a trivial query, for readiness checks. It fails with an error
// wrapping ErrUnavailable or ErrAuth when Neo4j is away or refuses us.
func (g *Graph) Ping(ctx context.Context) error {
	s := g.session(ctx, neo4j.AccessModeRead)
	defer s.Close(context.WithoutCancel(ctx))
	res, err := s.Run(ctx, "RETURN 1", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return g.classify(err)
}

// classify wraps driver errors about the connection in one clear message.
func (g *Graph) classify(err error) error {
	if err == nil {
		return nil
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security.") &&
		(strings.Contains(ne.Code, "Unauthorized") || strings.Contains(ne.Code, "AuthenticationRateLimit") || strings.Contains(ne.Code, "CredentialsExpired")) {
		return fmt.Errorf("neo4j %s: authentication failed for user %s (check NEO4J_PASSWORD): %w", redact(g.cfg.URI), g.cfg.User, ErrAuth)
	}
	var ie *neo4j.InvalidAuthenticationError
	if errors.As(err, &ie) {
		return fmt.Errorf("neo4j %s: authentication failed for user %s (check NEO4J_PASSWORD): %w", redact(g.cfg.URI), g.cfg.User, ErrAuth)
	}
	if unavailable(err) {
		return fmt.Errorf("neo4j %s: unreachable (is it running? deploy/neo4j/neo4j.sh start): %w: %v", redact(g.cfg.URI), ErrUnavailable, err)
	}
	return fmt.Errorf("neo4j %s: %w", redact(g.cfg.URI), err)
}

// unavailable reports whether err says the server could not be reached or
// went away: a reason to wait, not to give up on the input.
func unavailable(err error) bool {
	var ce *neo4j.ConnectivityError
	var tl *neo4j.TransactionExecutionLimit
	switch {
	case errors.Is(err, ErrUnavailable), errors.As(err, &ce), errors.As(err, &tl),
		errors.Is(err, context.DeadlineExceeded):
		return true
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		return strings.HasPrefix(ne.Code, "Neo.TransientError.") || strings.Contains(ne.Code, "DatabaseUnavailable")
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "ConnectivityError") || strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "broken pipe") || strings.Contains(msg, "EOF")
}

// Close releases the driver's connections.
func (g *Graph) Close(ctx context.Context) error {
	return g.driver.Close(ctx)
}

func (g *Graph) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return g.driver.NewSession(ctx, neo4j.SessionConfig{
		AccessMode: mode, DatabaseName: g.cfg.Database,
		BookmarkManager: g.driver.ExecuteQueryBookmarkManager(),
	})
}

func (g *Graph) queryOpts() []neo4j.ExecuteQueryConfigurationOption {
	var opts []neo4j.ExecuteQueryConfigurationOption
	if g.cfg.Database != "" {
		opts = append(opts, neo4j.ExecuteQueryWithDatabase(g.cfg.Database))
	}
	return opts
}

// Query runs one Cypher statement with parameters and returns its column
// names and rows. Nodes and relationships come back as maps, temporal
// values as strings (dates) or time.Time, so that callers need not import
// the driver.
func (g *Graph) Query(ctx context.Context, cypher string, params map[string]any) (keys []string, rows [][]any, err error) {
	res, err := neo4j.ExecuteQuery(ctx, g.driver, cypher, params, neo4j.EagerResultTransformer, g.queryOpts()...)
	if err != nil {
		return nil, nil, g.classify(err)
	}
	rows = make([][]any, 0, len(res.Records))
	for _, r := range res.Records {
		row := make([]any, len(r.Values))
		for i, v := range r.Values {
			row[i] = plain(v)
		}
		rows = append(rows, row)
	}
	return res.Keys, rows, nil
}

// plain converts driver values to plain Go values.
func plain(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return map[string]any{"labels": anyStrings(x.Labels), "props": plainMap(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": x.Type, "props": plainMap(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = plain(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case dbtype.Date:
		return x.String()
	case dbtype.LocalDateTime:
		return x.Time()
	case dbtype.LocalTime, dbtype.Time, dbtype.Duration:
		return fmt.Sprint(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		return plainMap(x)
	}
	return v
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plain(v)
	}
	return out
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
