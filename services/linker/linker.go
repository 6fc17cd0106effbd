// Package linker is the last stage of the pipeline: it reads extractions
// from JetStream, writes them into the Neo4j knowledge graph (countries,
// organisations, officials, places, topics, claims, stances and the articles
// that evidence them) and publishes a claim event per actor once the write
// has committed.
//
// Every write is an idempotent MERGE keyed on deterministic ids and every
// derived figure (corroboration, first and last seen, stance counts) is
// recomputed from the graph rather than incremented, so replaying any part
// of the stream leaves the graph unchanged.
package linker

import (
	"errors"
	"fmt"
	"net/url"
	"os"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// Neo4jConfig says how to reach Neo4j. It is filled from flags and the
// environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).
type Neo4jConfig struct {
	URI      string
	User     string
	Password string
	Database string // empty: the server's default database
	// CAFile is a PEM file of the certificate authorities to trust for
	// bolt+s:// and neo4j+s:// (NEO4J_CA); empty: the system's.
	CAFile string
}

// Validate reports the first bad field.
func (c Neo4jConfig) Validate() error {
	if c.URI == "" {
		return errors.New("NEO4J_URI: empty")
	}
	u, err := url.Parse(c.URI)
	if err != nil || u.Host == "" {
		return errors.New("NEO4J_URI: not a URI like bolt://127.0.0.1:7687")
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	default:
		return fmt.Errorf("NEO4J_URI: scheme %q in %q: want bolt, neo4j or their +s/+ssc forms", u.Scheme, redact(c.URI))
	}
	if c.User == "" {
		return errors.New("NEO4J_USER: empty")
	}
	if c.Password == "" {
		return errors.New("NEO4J_PASSWORD: empty")
	}
	if c.CAFile != "" {
		if u.Scheme != "bolt+s" && u.Scheme != "neo4j+s" {
			return fmt.Errorf("NEO4J_CA is used only with bolt+s:// or neo4j+s://, not %s://", u.Scheme)
		}
		if _, err := os.Stat(c.CAFile); err != nil {
			return fmt.Errorf("NEO4J_CA=%q: %w", c.CAFile, err)
		}
	}
	return nil
}

// redact hides a password or token given inside the URI.
func redact(raw string) string { return config.RedactURL(raw) }

// ClaimID is a claim's id: "claim:" and 32 hex digits of the SHA-256 of its
// sorted actors, predicate, target, topic and statement date (YYYY-MM-DD),
// so that two reports of one statement meet in one Claim node.
func ClaimID(actors []string, predicate string, target, topic *string, date string) string {
	return plan.ClaimID(actors, predicate, target, topic, date)
}
