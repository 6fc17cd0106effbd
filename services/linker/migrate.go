package linker

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SchemaVersion is the version of the graph schema Migrate applies. It is
// recorded on the (:SchemaVersion {id: "linker"}) node.
//
//  1. uniqueness constraints, indexes, stance summaries as Stance nodes
//  2. stance summaries as STANCE relationships keyed by "actor|predicate|object"
//  3. articles keep their extraction's content hash, MENTIONS the surface
//     forms (and an inferred person's country, role and offices) the
//     article gives, EVIDENCED_BY its speakers; filed retractions wait as
//     (:Retraction) nodes. Graphs of version 2 need no upgrade: what they
//     lack is filled in as articles are reprocessed, and left alone until.
const SchemaVersion = 3

// upgrades bring a graph from the version before theirs; each is
// idempotent. Version 2 rebuilds the stance summaries from the claims and
// drops the Stance nodes of version 1.
var upgrades = map[int][]string{
	2: {
		`MATCH (a:Entity)-[:HOLDS]->(c:Claim)
		 WITH a, c.predicate AS p, coalesce(c.target, c.topic) AS object, count(c) AS n, min(c.date) AS first, max(c.date) AS last
		 MATCH (o:Entity {id: object})
		 MERGE (a)-[st:STANCE {key: a.id + '|' + p + '|' + object}]->(o)
		 SET st.predicate = p, st.count = n, st.first_seen = first, st.last_seen = last`,
		`MATCH (s:Stance) DETACH DELETE s`,
		`DROP CONSTRAINT stance_id IF EXISTS`,
	},
}

// uniqueLabels carry a uniqueness constraint on id. Entity is the label
// every country, organisation, person, place and topic also carries, so
// that a relationship to "any entity" is an index lookup.
var uniqueLabels = []string{"Entity", "Country", "Organization", "Person", "Place", "Topic", "Claim", "Article", "Source", "Retraction"}

// indexes serve the questions analysts and dashboards ask most.
var indexes = []struct{ name, label, props string }{
	{"claim_predicate", "Claim", "n.predicate"},
	{"claim_date", "Claim", "n.date"},
	{"claim_due_year", "Claim", "n.due_year"},
	{"article_published", "Article", "n.published"},
	{"entity_name", "Entity", "n.name"},
}

// Migrate creates the uniqueness constraints and indexes the linker relies
// on, records the schema version and has Neo4j plan the write statements.
// It is idempotent and safe to run from several processes at once.
func (g *Graph) Migrate(ctx context.Context) error {
	var stmts []string
	for _, l := range uniqueLabels {
		stmts = append(stmts, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(l), l))
	}
	// Stance summaries are relationships keyed "actor|predicate|object".
	stmts = append(stmts, "CREATE CONSTRAINT stance_key IF NOT EXISTS FOR ()-[r:STANCE]-() REQUIRE r.key IS UNIQUE")
	for _, ix := range indexes {
		stmts = append(stmts, fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (%s)", ix.name, ix.label, ix.props))
	}
	// The dashboard's stance matrix of one predicate reads its summaries
	// only, not all of them.
	stmts = append(stmts, "CREATE INDEX stance_predicate IF NOT EXISTS FOR ()-[r:STANCE]-() ON (r.predicate)")
	for _, st := range stmts {
		_, err := neo4j.ExecuteQuery(ctx, g.driver, st, nil, neo4j.EagerResultTransformer, g.queryOpts()...)
		if err != nil && !alreadyExists(err) {
			return g.classify(fmt.Errorf("migration %q: %w", st, err))
		}
	}
	res, err := neo4j.ExecuteQuery(ctx, g.driver, `OPTIONAL MATCH (v:SchemaVersion {id: 'linker'}) RETURN coalesce(v.version, 0) AS version`,
		nil, neo4j.EagerResultTransformer, g.queryOpts()...)
	if err != nil {
		return g.classify(fmt.Errorf("reading schema version: %w", err))
	}
	current := int64(0)
	if len(res.Records) > 0 {
		current, _ = res.Records[0].Values[0].(int64)
	}
	for v := int(current) + 1; current > 0 && v <= SchemaVersion; v++ {
		for _, st := range upgrades[v] {
			if _, err := neo4j.ExecuteQuery(ctx, g.driver, st, nil, neo4j.EagerResultTransformer, g.queryOpts()...); err != nil {
				return g.classify(fmt.Errorf("upgrading the graph to version %d: %w", v, err))
			}
		}
		g.log.Info("graph schema upgraded", "version", v)
	}
	_, err = neo4j.ExecuteQuery(ctx, g.driver, `
MERGE (v:SchemaVersion {id: 'linker'})
SET v.version = CASE WHEN v.version IS NULL OR v.version < $version THEN $version ELSE v.version END`,
		map[string]any{"version": SchemaVersion}, neo4j.EagerResultTransformer, g.queryOpts()...)
	if err != nil {
		return g.classify(fmt.Errorf("recording schema version: %w", err))
	}
	_, err = neo4j.ExecuteQuery(ctx, g.driver, "CALL db.awaitIndexes(60)", nil, neo4j.EagerResultTransformer, g.queryOpts()...)
	if err != nil {
		return g.classify(fmt.Errorf("waiting for indexes: %w", err))
	}
	return g.plan(ctx)
}

// plan has Neo4j plan the batch statements now, with parameters of the
// shapes the writes use, so that the first batch after a start does not wait
// for it (some 3 s on a cold server).
func (g *Graph) plan(ctx context.Context) error {
	for _, q := range []struct {
		what, cypher string
		params       map[string]any
	}{
		{"write", cypherWrite, map[string]any{"batch": map[string]any{}}},
		{"stored", cypherStored, map[string]any{"batch": map[string]any{"ids": []any{}}}},
		{"derive", cypherDerive, deriveParams(nil, nil)},
	} {
		if _, err := neo4j.ExecuteQuery(ctx, g.driver, "EXPLAIN "+q.cypher, q.params, neo4j.EagerResultTransformer, g.queryOpts()...); err != nil {
			return g.classify(fmt.Errorf("planning the %s statement: %w", q.what, err))
		}
	}
	return nil
}

// alreadyExists reports a constraint or index created meanwhile by another
// process, or an equivalent one under another name (say, the lead's).
func alreadyExists(err error) bool {
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) {
		return false
	}
	return strings.Contains(ne.Code, "EquivalentSchemaRuleAlreadyExists") ||
		strings.Contains(ne.Code, "ConstraintAlreadyExists") || strings.Contains(ne.Code, "IndexAlreadyExists") ||
		strings.Contains(ne.Code, "ConstraintWithNameAlreadyExists") || strings.Contains(ne.Code, "IndexWithNameAlreadyExists")
}
