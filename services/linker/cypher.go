package linker

import (
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// A batch is written by two statements (three when a re-extraction left
// claims without evidence), each a sequence of unit subqueries over row
// parameters: first stale evidence out, nodes, then relationships; then the
// figures derived from them. Few statements keep round trips and query
// planning out of the per-batch cost; the statement texts never change, so
// Neo4j plans them once. Every value is a parameter; labels and
// relationship types come from the fixed sets below, never from input.

// cypherWrite is the main statement of a batch. It returns the ids of
// claims that re-extracted articles no longer evidence.
//
// A claim's actors, target and topic follow from its id, so its HOLDS,
// TARGETS and ABOUT relationships are created once, by the transaction that
// creates the claim (those it merely matches are marked linker_old until
// the statement ends), together
// with its derived figures, computed from the batch; MERGE, which must look
// at the relationships a node already has, is kept for what a later report
// can add (speakers, evidence, mentions of a re-extracted article). Claims
// that already existed are returned, for their figures to be recomputed
// from the graph.
//
// Stance summaries are relationships (actor)-[:STANCE {key, predicate,
// count, first_seen, last_seen}]->(object), found through the uniqueness
// constraint on key ("actor|predicate|object"). A claim enters its actors' stances
// exactly once, when it is created, under the lock of its uniqueness
// constraint, and leaves them when it is deleted; so a stance's count is
// the number of distinct claims in it, and replays change nothing.
var cypherWrite = buildWrite()

func buildWrite() string {
	var b strings.Builder
	b.WriteString(`
CALL () {
  UNWIND $sources AS id
  MERGE (:Source {id: id})
}`)
	// A name from the gazetteer wins; otherwise the least surface form, so
	// that the result does not depend on which report came first. Surface
	// forms are kept as a sorted set. Nodes are written only when a value
	// changes.
	for _, label := range plan.EntityLabels {
		fmt.Fprintf(&b, `
CALL () {
  UNWIND $nodes%[1]s AS row
  MERGE (n:%[1]s {id: row.id})
  WITH n, row,
       coalesce(row.name, CASE WHEN n.name IS NULL OR (row.first IS NOT NULL AND row.first < n.name) THEN row.first ELSE n.name END) AS name,
       CASE WHEN row.country IS NULL THEN n.country WHEN n.country IS NULL OR row.country < n.country THEN row.country ELSE n.country END AS country,
       CASE WHEN row.role IS NULL THEN n.role WHEN n.role IS NULL OR row.role < n.role THEN row.role ELSE n.role END AS role,
       CASE WHEN row.name IS NOT NULL THEN null WHEN row.inferred THEN true ELSE n.inferred END AS inferred
  CALL (n, name, country, role, inferred) {
    WITH n, name, country, role, inferred
    WHERE NOT n:Entity OR [coalesce(n.name, ''), coalesce(n.country, ''), coalesce(n.role, ''), coalesce(n.inferred, false)]
                        <> [coalesce(name, ''), coalesce(country, ''), coalesce(role, ''), coalesce(inferred, false)]
    SET n:Entity, n.name = name, n.country = country, n.role = role, n.inferred = inferred
  }
  WITH n, row WHERE any(x IN row.names WHERE NOT x IN coalesce(n.names, []))
  CALL (n, row) {
    UNWIND coalesce(n.names, []) + row.names AS x
    WITH DISTINCT x ORDER BY x
    RETURN collect(x) AS names
  }
  SET n.names = names
}`, label)
	}
	b.WriteString(`
CALL () {
  UNWIND $articles AS row
  MERGE (a:Article {id: row.id})
  ON MATCH SET a.linker_old = true
  SET a += row.props
  WITH a, row
  CALL (a, row) {
    MATCH (src:Source {id: row.source})
    MERGE (a)-[:PUBLISHED_BY]->(src)
  }
  CALL (a, row) {
    WITH a, row WHERE a.linker_old
    MATCH (a)-[m:MENTIONS]->(x) WHERE NOT x.id IN row.mentions
    DELETE m
  }
  CALL (a, row) {
    UNWIND row.mentions AS x
    MATCH (e:Entity {id: x})
    FOREACH (_ IN CASE WHEN a.linker_old IS NULL THEN [1] ELSE [] END | CREATE (a)-[:MENTIONS]->(e))
    FOREACH (_ IN CASE WHEN a.linker_old IS NULL THEN [] ELSE [1] END | MERGE (a)-[:MENTIONS]->(e))
  }
  CALL (a, row) {
    WITH a, row WHERE a.linker_old
    MATCH (a)<-[e:EVIDENCED_BY]-(c:Claim) WHERE NOT c.id IN row.claims
    DELETE e
    RETURN collect(c.id) AS gone
  }
  RETURN reduce(all = [], ids IN collect(gone) | all + ids) AS stale,
         collect(CASE WHEN a.linker_old THEN a.id END) AS oldArticles
}
CALL () {
  UNWIND $claims AS row
  MERGE (c:Claim {id: row.id})
  ON CREATE SET c += row.props
  ON MATCH SET c.linker_old = true
  WITH c, row
  CALL (c, row) {
    WITH c, row WHERE c.linker_old IS NULL
    CALL (c, row) {
      MATCH (o:Entity {id: row.object})
      UNWIND row.actors AS x
      MATCH (e:Entity {id: x})
      CREATE (e)-[:HOLDS]->(c)
      MERGE (e)-[st:STANCE {key: x + '|' + row.predicate + '|' + row.object}]->(o)
      ON CREATE SET st.predicate = row.predicate
      SET st.count = coalesce(st.count, 0) + 1,
          st.first_seen = CASE WHEN st.first_seen IS NULL OR c.date < st.first_seen THEN c.date ELSE st.first_seen END,
          st.last_seen = CASE WHEN st.last_seen IS NULL OR c.date > st.last_seen THEN c.date ELSE st.last_seen END
    }
    CALL (c, row) {
      UNWIND row.targets AS x
      MATCH (e:Entity {id: x})
      CREATE (c)-[:TARGETS]->(e)
    }
    CALL (c, row) {
      UNWIND row.topics AS x
      MATCH (e:Topic {id: x})
      CREATE (c)-[:ABOUT]->(e)
    }
  }
  RETURN collect(CASE WHEN c.linker_old THEN c.id END) AS existing
}
CALL () {
  UNWIND $stated AS row
  MATCH (p:Person {id: row.from})
  MATCH (c:Claim {id: row.to})
  MERGE (p)-[:STATED]->(c)
}
CALL () {
  UNWIND $evidence AS row
  MATCH (c:Claim {id: row.claim})
  MATCH (a:Article {id: row.article})
  FOREACH (_ IN CASE WHEN c.linker_old IS NULL OR a.linker_old IS NULL THEN [1] ELSE [] END | CREATE (c)-[e:EVIDENCED_BY]->(a) SET e = row.props)
  FOREACH (_ IN CASE WHEN c.linker_old IS NULL OR a.linker_old IS NULL THEN [] ELSE [1] END | MERGE (c)-[e:EVIDENCED_BY]->(a) SET e = row.props)
}`)
	// A gazetteer role is written with its term; a role inferred from texts
	// widens its observed span.
	b.WriteString(`
CALL () {
  UNWIND $roles AS row
  MATCH (p:Person {id: row.person})
  MATCH (o:Entity {id: row.of})
  MERGE (p)-[r:SERVES_AS {role: row.role}]->(o)
  SET r.from = CASE WHEN row.seen IS NULL THEN row.from ELSE r.from END,
      r.to = CASE WHEN row.seen IS NULL THEN row.to ELSE r.to END,
      r.inferred = CASE WHEN row.seen IS NULL THEN null ELSE true END,
      r.seen_from = CASE WHEN row.seen IS NULL THEN r.seen_from WHEN r.seen_from IS NULL OR row.seen < r.seen_from THEN row.seen ELSE r.seen_from END,
      r.seen_to = CASE WHEN row.seen IS NULL THEN r.seen_to WHEN r.seen_to IS NULL OR row.seen > r.seen_to THEN row.seen ELSE r.seen_to END
}
CALL (existing) {
  UNWIND existing AS id
  MATCH (c:Claim {id: id})
  REMOVE c.linker_old
}
CALL (oldArticles) {
  UNWIND oldArticles AS id
  MATCH (a:Article {id: id})
  REMOVE a.linker_old
}
RETURN stale, existing`)
	return b.String()
}

// cypherDropOrphans deletes claims left without evidence and returns the
// stances they leave and the claims that survive.
const cypherDropOrphans = `
UNWIND $ids AS id
MATCH (c:Claim {id: id})
WITH c, c.id AS cid, EXISTS { (c)-[:EVIDENCED_BY]->() } AS live,
     [a IN c.actors | {actor: a, predicate: c.predicate, object: coalesce(c.target, c.topic)}] AS stances
FOREACH (_ IN CASE WHEN live THEN [] ELSE [1] END | DETACH DELETE c)
RETURN CASE WHEN live THEN [] ELSE stances END AS stances, CASE WHEN live THEN cid END AS survivor`

// cypherRecomputeStances recomputes stance summaries from the claims, for
// the rare cases where claims are deleted; a stance left with none goes.
const cypherRecomputeStances = `
UNWIND $stances AS row
MATCH (a:Entity {id: row.actor})-[st:STANCE {key: row.actor + '|' + row.predicate + '|' + row.object}]->()
CALL (a, row) {
  OPTIONAL MATCH (a)-[:HOLDS]->(c:Claim {predicate: row.predicate})
  WHERE coalesce(c.target, c.topic) = row.object
  RETURN count(c) AS n, min(c.date) AS first, max(c.date) AS last
}
SET st.count = n, st.first_seen = first, st.last_seen = last
WITH st, n WHERE n = 0
DELETE st`

// cypherDerive recomputes the figures of claims that existed before this
// batch from all their evidence, so that replays and reordering give the
// same values, and returns what the claim events carry for those of them
// in $emit.
const cypherDerive = `
CALL () {
  UNWIND $claims AS id
  MATCH (c:Claim {id: id})
  CALL (c) {
    MATCH (c)-[e:EVIDENCED_BY]->(a:Article)
    WITH e, a ORDER BY a.id
    RETURN count(e) AS n, count(DISTINCT coalesce(a.source, a.id)) AS sources, max(e.confidence) AS conf,
           collect(e.sentence)[0] AS text, min(a.published) AS first, max(a.published) AS last,
           [w IN collect(e.when) WHERE w IS NOT NULL] AS whens
  }
  WITH c, n, sources, conf, text, first, last,
       reduce(b = null, w IN whens | CASE WHEN b IS NULL OR size(w) > size(b) OR (size(w) = size(b) AND w < b) THEN w ELSE b END) AS when
  SET c.corroboration = n, c.sources = sources, c.confidence = conf, c.text = text,
      c.first_seen = first, c.last_seen = last, c.when = when,
      c.due_year = CASE WHEN when IS NULL THEN null ELSE toInteger(left(when, 4)) END
}
UNWIND $emit AS id
MATCH (c:Claim {id: id})
CALL (c) {
  MATCH (p:Person)-[:STATED]->(c)
  WITH p.id AS pid ORDER BY pid
  RETURN collect(pid) AS speakers
}
CALL (c) {
  MATCH (c)-[e:EVIDENCED_BY]->(a:Article)
  WITH e, a ORDER BY a.id LIMIT $maxEvidence
  RETURN collect({article_id: a.id, url: a.url, text: e.sentence, start: e.start, end: e.end, rule: e.rule}) AS evidence
}
RETURN c.id AS id, c.predicate AS predicate, c.actors AS actors, c.target AS target, c.topic AS topic,
       c.when AS when, c.date AS date, c.confidence AS confidence, c.corroboration AS corroboration,
       speakers, evidence`
