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
// Neo4j plans them once. Within a statement each node is found in its index
// once: relationships refer to the nodes merged earlier by position. Every
// value is a parameter; labels and relationship types come from the fixed
// sets below, never from input.

// cypherWrite is the main statement of a batch. It returns the ids of
// claims that re-extracted articles no longer evidence.
//
// A claim's actors, target and topic follow from its id, so its HOLDS,
// TARGETS and ABOUT relationships are created once, by the transaction that
// creates the claim (those it merely matches are marked linker_old until
// the statement ends), together with its derived figures, computed from the
// batch; MERGE, which must look
// at the relationships a node already has, is kept for what a later report
// can add (speakers, evidence, mentions of a re-extracted article). Claims
// that already existed are returned, for their figures to be recomputed
// from the graph.
//
// Stance summaries are relationships (actor)-[:STANCE {key, predicate,
// count, first_seen, last_seen}]->(object), found through the uniqueness
// constraint on key ("actor|predicate|object"). A claim enters its actors'
// stances exactly once, when it is created, under the lock of its uniqueness
// constraint, and leaves them when it is deleted; so a stance's count is
// the number of distinct claims in it, and replays change nothing.
var cypherWrite = buildWrite()

// planOnce prefixes the batch statements. Planning the main one takes
// Neo4j some 600 ms; by default it plans again whenever the graph's
// statistics drift, which a growing graph makes them do every few seconds,
// stalling a batch each time. The statements find every node through a
// uniqueness constraint and every relationship from a bound node, so the
// first plan stays right however the graph grows.
//
// For the same reason their row lists come in one map parameter, $batch:
// Neo4j keys its plan cache on the size of each list parameter, rounded to
// 0, 1, 10, 100 or 1000, so that a dozen lists of varying sizes would make
// hundreds of keys, each planned anew; a map has no size in that key.
const planOnce = "CYPHER replan=skip"

func buildWrite() string {
	var b strings.Builder
	b.WriteString(planOnce)
	// Each node is looked up once: the subquery that merges a kind of node
	// returns the nodes in the order of its rows, and later rows refer to
	// them by position ($batch.claims[i].holds[j].e is a position in ents).
	b.WriteString(`
CALL () {
  UNWIND range(0, size($batch.sources) - 1) AS i
  MERGE (s:Source {id: $batch.sources[i]})
  WITH i, s ORDER BY i
  RETURN collect(s) AS srcs
}`)
	// A name from the gazetteer wins; otherwise the least surface form, so
	// that the result does not depend on which report came first. Surface
	// forms are kept as a sorted set (merged by insertion: a subquery per
	// row would cost more than the whole write). Nodes are written only
	// when a value changes.
	for _, label := range plan.EntityLabels {
		fmt.Fprintf(&b, `
CALL () {
  UNWIND range(0, size($batch.nodes%[1]s) - 1) AS i
  WITH i, $batch.nodes%[1]s[i] AS row
  MERGE (n:%[1]s {id: row.id})
  WITH i, n, row,
       coalesce(row.name, CASE WHEN n.name IS NULL OR (row.first IS NOT NULL AND row.first < n.name) THEN row.first ELSE n.name END) AS name,
       CASE WHEN row.country IS NULL THEN n.country WHEN n.country IS NULL OR row.country < n.country THEN row.country ELSE n.country END AS country,
       CASE WHEN row.role IS NULL THEN n.role WHEN n.role IS NULL OR row.role < n.role THEN row.role ELSE n.role END AS role,
       CASE WHEN row.name IS NOT NULL THEN null WHEN row.inferred THEN true ELSE n.inferred END AS inferred,
       reduce(acc = coalesce(n.names, []), x IN row.names |
         CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END) AS names
  FOREACH (_ IN CASE WHEN NOT n:Entity OR [coalesce(n.name, ''), coalesce(n.country, ''), coalesce(n.role, ''), coalesce(n.inferred, false)]
                                        <> [coalesce(name, ''), coalesce(country, ''), coalesce(role, ''), coalesce(inferred, false)]
                     THEN [1] ELSE [] END |
    SET n:Entity, n.name = name, n.country = country, n.role = role, n.inferred = inferred)
  FOREACH (_ IN CASE WHEN size(names) > size(coalesce(n.names, [])) THEN [1] ELSE [] END | SET n.names = names)
  WITH i, n ORDER BY i
  RETURN collect(n) AS nodes%[1]s
}`, label)
	}
	b.WriteString(`
WITH srcs, ` + "nodes" + strings.Join(plan.EntityLabels, " + nodes") + ` AS ents
CALL (srcs, ents) {
  UNWIND range(0, size($batch.articles) - 1) AS i
  WITH i, $batch.articles[i] AS row
  MERGE (a:Article {id: row.id})
  ON MATCH SET a.linker_old = true
  SET a += row.props
  WITH i, a, row, a.linker_old IS NULL AS new, [src IN [srcs[row.src]] WHERE src IS NOT NULL] AS src,
       [k IN row.mentioned | ents[k]] AS mentioned
  FOREACH (s IN CASE WHEN new THEN src ELSE [] END | CREATE (a)-[:PUBLISHED_BY]->(s))
  FOREACH (e IN CASE WHEN new THEN mentioned ELSE [] END | CREATE (a)-[:MENTIONS]->(e))
  WITH i, a, row, new, src, mentioned
  CALL (a, row, new, src, mentioned) {
    WITH a, row, src, mentioned WHERE NOT new
    FOREACH (s IN src | MERGE (a)-[:PUBLISHED_BY]->(s))
    WITH a, row, mentioned
    CALL (a, row) {
      MATCH (a)-[m:MENTIONS]->(x) WHERE NOT x.id IN row.mentions
      DELETE m
    }
    FOREACH (e IN mentioned | MERGE (a)-[:MENTIONS]->(e))
    WITH a, row
    OPTIONAL MATCH (a)<-[e:EVIDENCED_BY]-(c:Claim) WHERE NOT c.id IN row.claims
    DELETE e
    RETURN collect(CASE WHEN c IS NULL THEN null ELSE {claim: c.id, article: a.id} END) AS gone
  }
  WITH i, a, gone ORDER BY i
  RETURN collect(a) AS arts, reduce(all = [], ids IN collect(gone) | all + ids) AS stale
}
CALL (ents) {
  UNWIND range(0, size($batch.claims) - 1) AS i
  WITH i, $batch.claims[i] AS row
  MERGE (c:Claim {id: row.id})
  ON CREATE SET c += row.props
  ON MATCH SET c.linker_old = true
  WITH i, c, row, c.linker_old IS NULL AS new, ents[row.object] AS o
  FOREACH (e IN CASE WHEN new THEN [k IN row.targets | ents[k]] ELSE [] END | CREATE (c)-[:TARGETS]->(e))
  FOREACH (e IN CASE WHEN new THEN [k IN row.topics | ents[k]] ELSE [] END | CREATE (c)-[:ABOUT]->(e))
  FOREACH (h IN CASE WHEN new THEN row.holds ELSE [] END |
    FOREACH (e IN [ents[h.e]] |
      CREATE (e)-[:HOLDS]->(c)
      MERGE (e)-[st:STANCE {key: h.key}]->(o)
      ON CREATE SET st.predicate = row.predicate
      SET st.count = coalesce(st.count, 0) + 1,
          st.first_seen = CASE WHEN st.first_seen IS NULL OR c.date < st.first_seen THEN c.date ELSE st.first_seen END,
          st.last_seen = CASE WHEN st.last_seen IS NULL OR c.date > st.last_seen THEN c.date ELSE st.last_seen END))
  WITH i, c ORDER BY i
  RETURN collect(c) AS claims
}
CALL (ents, claims) {
  UNWIND $batch.stated AS row
  WITH ents[row.p] AS p, claims[row.c] AS c
  MERGE (p)-[:STATED]->(c)
}
CALL (arts, claims) {
  UNWIND $batch.evidence AS row
  WITH row, claims[row.c] AS c, arts[row.a] AS a
  FOREACH (_ IN CASE WHEN c.linker_old IS NULL OR a.linker_old IS NULL THEN [1] ELSE [] END | CREATE (c)-[e:EVIDENCED_BY]->(a) SET e = row.props)
  FOREACH (_ IN CASE WHEN c.linker_old IS NULL OR a.linker_old IS NULL THEN [] ELSE [1] END | MERGE (c)-[e:EVIDENCED_BY]->(a) SET e = row.props)
}`)
	// A gazetteer role is written with its term; a role inferred from texts
	// widens its observed span.
	b.WriteString(`
CALL () {
  UNWIND $batch.roles AS row
  MATCH (p:Person {id: row.person})
  MATCH (o:Entity {id: row.of})
  MERGE (p)-[r:SERVES_AS {role: row.role}]->(o)
  SET r.from = CASE WHEN row.seen IS NULL THEN row.from ELSE r.from END,
      r.to = CASE WHEN row.seen IS NULL THEN row.to ELSE r.to END,
      r.inferred = CASE WHEN row.seen IS NULL THEN null ELSE true END,
      r.seen_from = CASE WHEN row.seen IS NULL THEN r.seen_from WHEN r.seen_from IS NULL OR row.seen < r.seen_from THEN row.seen ELSE r.seen_from END,
      r.seen_to = CASE WHEN row.seen IS NULL THEN r.seen_to WHEN r.seen_to IS NULL OR row.seen > r.seen_to THEN row.seen ELSE r.seen_to END
}
WITH stale, [c IN claims WHERE c.linker_old | c] AS existing, [a IN arts WHERE a.linker_old | a] AS oldArticles
FOREACH (c IN existing | REMOVE c.linker_old)
FOREACH (a IN oldArticles | REMOVE a.linker_old)
RETURN stale, [c IN existing | c.id] AS existing`)
	return b.String()
}

// cypherRemoveArticles deletes articles and returns, for each, the claims
// it evidenced and the entities it or they named.
const cypherRemoveArticles = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
WITH a, [(a)<-[:EVIDENCED_BY]-(c:Claim) | c.id] AS claims,
     [(a)-[:MENTIONS]->(e) | e.id] + [(a)<-[:EVIDENCED_BY]-(:Claim)-[:ABOUT|TARGETS]->(e) | e.id] AS entities,
     [(a)-[:PUBLISHED_BY]->(s) | s.id] AS sources
DETACH DELETE a
RETURN claims, entities, sources`

// cypherDropLoneNodes deletes the entities and sources among $entities
// and $sources that nothing refers to any more.
const cypherDropLoneNodes = `
CALL () {
  UNWIND $entities AS id
  MATCH (e:Entity {id: id})
  WHERE NOT EXISTS { (e)--() }
  DELETE e
}
CALL () {
  UNWIND $sources AS id
  MATCH (s:Source {id: id})
  WHERE NOT EXISTS { (s)--() }
  DELETE s
}`

// cypherDropOrphans deletes claims left without evidence and returns, for
// each, what a retraction names and the entities it referred to; and the
// claims that survive. Unless $outbox is empty, it files a retraction of
// each deleted claim there (a Retraction node) in the same transaction,
// for the linker to publish once it has committed.
const cypherDropOrphans = `
UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
WITH c, row, EXISTS { (c)-[:EVIDENCED_BY]->() } AS live
WITH c, row, live, {id: c.id, predicate: c.predicate, actors: c.actors, target: c.target, topic: c.topic, date: c.date,
                    speakers: [(p:Person)-[:STATED]->(c) | p.id]} AS claim
FOREACH (_ IN CASE WHEN live OR $outbox = '' THEN [] ELSE [1] END |
  CREATE (r:Retraction {id: c.id + '@' + $time})
  SET r.outbox = $outbox, r.claim = c.id, r.predicate = c.predicate, r.actors = c.actors, r.target = c.target, r.topic = c.topic,
      r.date = c.date, r.reason = $reason, r.rules_version = row.rules_version,
      r.extractor_version = row.extractor_version, r.article = row.article, r.time = datetime($time))
FOREACH (_ IN CASE WHEN live THEN [] ELSE [1] END | DETACH DELETE c)
RETURN CASE WHEN live THEN null ELSE claim END AS deleted, CASE WHEN live THEN claim.id END AS survivor`

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
// in $batch.emit.
const cypherDerive = planOnce + `
CALL () {
  UNWIND $batch.claims AS id
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
UNWIND $batch.emit AS id
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
