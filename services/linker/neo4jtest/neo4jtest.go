// Package neo4jtest connects integration tests to the local Neo4j. The
// database is shared with other tests, so tests scope their data with Run
// and clean up only their own nodes.
package neo4jtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config is how tests reach Neo4j: NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD,
// defaulting to the local stack of deploy/neo4j.
type Config struct{ URI, User, Password, Database string }

// FromEnv reads the test configuration from the environment.
func FromEnv() Config {
	get := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	return Config{
		URI:      get("NEO4J_URI", "bolt://127.0.0.1:7687"),
		User:     get("NEO4J_USER", "neo4j"),
		Password: get("NEO4J_PASSWORD", "diplograph-dev"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

const howTo = "start it with deploy/neo4j/neo4j.sh start (from the repository root), or set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD"

// Require returns the configuration when Neo4j answers. Otherwise the test
// fails in CI (CI=true), where a skipped integration test would hide a
// broken build, and is skipped elsewhere.
func Require(tb testing.TB) Config {
	tb.Helper()
	cfg := FromEnv()
	if err := Reachable(context.Background(), cfg); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("neo4j at %s is not reachable: %v; %s", cfg.URI, err, howTo)
		}
		tb.Skipf("neo4j at %s is not reachable (%v); %s", cfg.URI, err, howTo)
	}
	return cfg
}

// Reachable reports whether Neo4j answers a query with these credentials.
func Reachable(ctx context.Context, cfg Config) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer d.Close(context.WithoutCancel(ctx))
	return d.VerifyConnectivity(ctx)
}

// Run returns a short token unique to one test run ("r" and 8 hex digits),
// for scoping the ids of the nodes it creates.
func Run() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "r" + hex.EncodeToString(b)
}
