package linker

import (
	"fmt"

	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// The statements of one batch write, in the order they run: stale evidence
// of re-extracted articles out, then nodes, then relationships, then the
// figures derived from them. Every value is a parameter; labels and
// relationship types come from the fixed sets below, never from input.

const cypherStaleEvidence = `
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
CALL (a, row) {
  MATCH (a)<-[e:EVIDENCED_BY]-(c:Claim) WHERE NOT c.id IN row.claims
  DELETE e
  RETURN collect(c.id) AS stale
}
CALL (a, row) {
  MATCH (a)-[m:MENTIONS]->(x) WHERE NOT x.id IN row.mentions
  DELETE m
  RETURN count(*) AS dropped
}
RETURN stale`

// cypherDropOrphans deletes claims left without evidence and returns the
// stances to recompute.
const cypherDropOrphans = `
UNWIND $ids AS id
MATCH (c:Claim {id: id})
OPTIONAL MATCH (s:Stance)-[:INCLUDES]->(c)
WITH c, c.id AS cid, collect(s.id) AS stances, EXISTS { (c)-[:EVIDENCED_BY]->() } AS live
FOREACH (_ IN CASE WHEN live THEN [] ELSE [1] END | DETACH DELETE c)
RETURN stances, CASE WHEN live THEN cid END AS survivor`

const cypherSources = `
UNWIND $rows AS id
MERGE (:Source {id: id})`

// cypherNodes is formatted with one label of plan.EntityLabels. A name from
// the gazetteer wins; otherwise the least surface form, so that the result
// does not depend on which report came first. Surface forms are kept as a
// sorted set.
const cypherNodes = `
UNWIND $rows AS row
MERGE (n:%s {id: row.id})
SET n:Entity,
    n.name = coalesce(row.name, CASE WHEN n.name IS NULL OR (row.first IS NOT NULL AND row.first < n.name) THEN row.first ELSE n.name END),
    n.country = CASE WHEN row.country IS NULL THEN n.country WHEN n.country IS NULL OR row.country < n.country THEN row.country ELSE n.country END,
    n.role = CASE WHEN row.role IS NULL THEN n.role WHEN n.role IS NULL OR row.role < n.role THEN row.role ELSE n.role END,
    n.inferred = CASE WHEN row.name IS NOT NULL THEN null WHEN row.inferred THEN true ELSE n.inferred END
WITH n, row WHERE any(x IN row.names WHERE NOT x IN coalesce(n.names, []))
CALL (n, row) {
  UNWIND coalesce(n.names, []) + row.names AS x
  WITH DISTINCT x ORDER BY x
  RETURN collect(x) AS names
}
SET n.names = names`

const cypherArticles = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props`

const cypherClaims = `
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c.predicate = row.predicate, c.actors = row.actors, c.target = row.target, c.topic = row.topic, c.date = row.date`

const cypherStances = `
UNWIND $rows AS row
MERGE (s:Stance {id: row.id})
SET s.actor = row.actor, s.predicate = row.predicate, s.object = row.object`

const cypherEvidence = `
UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
MATCH (a:Article {id: row.article})
MERGE (c)-[e:EVIDENCED_BY]->(a)
SET e += row.props`

// cypherServesAs writes a gazetteer role with its term, or widens the
// observed span of a role inferred from texts.
const cypherServesAs = `
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (o:Entity {id: row.of})
MERGE (p)-[r:SERVES_AS {role: row.role}]->(o)
SET r.from = CASE WHEN row.seen IS NULL THEN row.from ELSE r.from END,
    r.to = CASE WHEN row.seen IS NULL THEN row.to ELSE r.to END,
    r.inferred = CASE WHEN row.seen IS NULL THEN null ELSE true END,
    r.seen_from = CASE WHEN row.seen IS NULL THEN r.seen_from WHEN r.seen_from IS NULL OR row.seen < r.seen_from THEN row.seen ELSE r.seen_from END,
    r.seen_to = CASE WHEN row.seen IS NULL THEN r.seen_to WHEN r.seen_to IS NULL OR row.seen > r.seen_to THEN row.seen ELSE r.seen_to END`

// cypherDeriveClaims recomputes each claim's figures from its evidence, so
// that replays and reordering give the same values, and returns what the
// claim events carry for the claims of this batch.
const cypherDeriveClaims = `
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
CALL (c) {
  MATCH (c)-[e:EVIDENCED_BY]->(a:Article)
  WITH e, a ORDER BY a.id
  RETURN count(e) AS n, count(DISTINCT coalesce(a.source, a.id)) AS sources, max(e.confidence) AS conf,
         collect(e.sentence)[0] AS text, min(a.published) AS first, max(a.published) AS last,
         [w IN collect(e.when) WHERE w IS NOT NULL] AS whens,
         collect({article_id: a.id, url: a.url, text: e.sentence, start: e.start, end: e.end, rule: e.rule})[..$maxEvidence] AS evidence
}
WITH c, row, n, sources, conf, text, first, last, evidence,
     reduce(b = null, w IN whens | CASE WHEN b IS NULL OR size(w) > size(b) OR (size(w) = size(b) AND w < b) THEN w ELSE b END) AS when
SET c.corroboration = n, c.sources = sources, c.confidence = conf, c.text = text,
    c.first_seen = first, c.last_seen = last, c.when = when,
    c.due_year = CASE WHEN when IS NULL THEN null ELSE toInteger(left(when, 4)) END
WITH c, row, evidence WHERE row.emit
CALL (c) {
  MATCH (p:Person)-[:STATED]->(c)
  WITH p.id AS pid ORDER BY pid
  RETURN collect(pid) AS speakers
}
RETURN c.id AS id, c.predicate AS predicate, c.actors AS actors, c.target AS target, c.topic AS topic,
       c.when AS when, c.date AS date, c.confidence AS confidence, c.corroboration AS corroboration,
       speakers, evidence`

// cypherDeriveStances recomputes stance summaries from their claims and
// drops those left with none.
const cypherDeriveStances = `
UNWIND $ids AS id
MATCH (s:Stance {id: id})
CALL (s) {
  OPTIONAL MATCH (s)-[:INCLUDES]->(c:Claim)
  RETURN count(c) AS n, min(c.date) AS first, max(c.date) AS last, sum(c.corroboration) AS reports
}
SET s.count = n, s.first_seen = first, s.last_seen = last, s.reports = reports
WITH s, n WHERE n = 0
DETACH DELETE s`

// edgeKind is one relationship type with the labels of its ends.
type edgeKind struct {
	from, rel, to string
	rows          func(*plan.Plan) []plan.Edge
}

var edgeKinds = []edgeKind{
	{"Article", "PUBLISHED_BY", "Source", func(p *plan.Plan) []plan.Edge { return p.Publish }},
	{"Article", "MENTIONS", "Entity", func(p *plan.Plan) []plan.Edge { return p.Mentions }},
	{"Entity", "HOLDS", "Claim", func(p *plan.Plan) []plan.Edge { return p.Holds }},
	{"Person", "STATED", "Claim", func(p *plan.Plan) []plan.Edge { return p.Stated }},
	{"Claim", "TARGETS", "Entity", func(p *plan.Plan) []plan.Edge { return p.Targets }},
	{"Claim", "ABOUT", "Topic", func(p *plan.Plan) []plan.Edge { return p.About }},
	{"Entity", "HAS_STANCE", "Stance", func(p *plan.Plan) []plan.Edge { return p.HasStance }},
	{"Stance", "TOWARDS", "Entity", func(p *plan.Plan) []plan.Edge { return p.Towards }},
	{"Stance", "INCLUDES", "Claim", func(p *plan.Plan) []plan.Edge { return p.Includes }},
}

func (k edgeKind) cypher() string {
	return fmt.Sprintf(`
UNWIND $rows AS row
MATCH (f:%s {id: row.from})
MATCH (t:%s {id: row.to})
MERGE (f)-[:%s]->(t)`, k.from, k.to, k.rel)
}
