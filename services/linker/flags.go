package linker

import (
	"flag"

	"github.com/diplograph/diplograph/platform/config"
)

// BindFlags registers the Neo4j settings as flags whose defaults come from
// NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE; defaultPassword
// is used when neither gives one.
func (c *Neo4jConfig) BindFlags(fs *flag.FlagSet, defaultPassword string) {
	config.URL(fs, &c.URI, "neo4j-uri", "NEO4J_URI", "bolt://127.0.0.1:7687", "Neo4j URI (bolt://, neo4j://, neo4j+s://)")
	config.String(fs, &c.User, "neo4j-user", "NEO4J_USER", "neo4j", "Neo4j user")
	config.Secret(fs, &c.Password, "neo4j-password", "NEO4J_PASSWORD", defaultPassword, "Neo4j password")
	config.String(fs, &c.Database, "neo4j-database", "NEO4J_DATABASE", "neo4j", "Neo4j database")
	config.String(fs, &c.CAFile, "neo4j-ca", "NEO4J_CA", "", "PEM file of the certificate authorities to trust for bolt+s:// and neo4j+s:// (default: the system's)")
}
