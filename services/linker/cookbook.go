package linker

import (
	"fmt"
	"sort"
	"strings"
)

// Recipe is one analyst question with the Cypher that answers it and
// example parameters (as used with `diplograph query --param name=value`).
type Recipe struct {
	Name     string
	Question string
	Cypher   string
	Params   map[string]any
}

// Cookbook lists the analyst questions the graph answers in a few lines of
// Cypher. Each runs in the tests against a graph built from test texts;
// docs/queries.md is generated from it.
var Cookbook = []Recipe{
	{
		Name:     "who-opposes",
		Question: "Who opposes economic coercion, since when, and how often has it been reported?",
		Params:   map[string]any{"topic": "topic:economic-coercion"},
		Cypher: `MATCH (a:Entity)-[:HOLDS]->(c:Claim {predicate: 'oppose'})-[:ABOUT]->(:Topic {id: $topic})
RETURN a.id AS actor, a.name AS name, min(c.date) AS since, max(c.date) AS latest,
       count(c) AS statements, sum(c.corroboration) AS reports
ORDER BY since, actor`,
	},
	{
		Name:     "commitments-due",
		Question: "Every commitment due in 2025, with its evidence",
		Params:   map[string]any{"year": 2025},
		Cypher: `MATCH (c:Claim {predicate: 'commit', due_year: $year})
MATCH (c)-[e:EVIDENCED_BY]->(a:Article)
WITH c, collect({sentence: e.sentence, article: a.id, url: a.url, lang: a.lang}) AS evidence
RETURN c.id AS claim, c.actors AS actors, c.target AS target, c.topic AS topic, c.when AS due,
       c.date AS stated, evidence
ORDER BY due, claim`,
	},
	{
		Name:     "stance-history",
		Question: "Japan's stance history towards China (from the stance summaries, without scanning claims)",
		Params:   map[string]any{"actor": "JPN", "object": "CHN"},
		Cypher: `MATCH (:Entity {id: $actor})-[s:STANCE]->(:Entity {id: $object})
RETURN s.predicate AS predicate, s.count AS statements, s.first_seen AS first_seen,
       s.last_seen AS last_seen
ORDER BY first_seen, predicate`,
	},
	{
		Name:     "corroborated",
		Question: "Claims corroborated by two or more sources",
		Params:   map[string]any{"min": 2},
		Cypher: `MATCH (c:Claim) WHERE c.sources >= $min
MATCH (c)-[:EVIDENCED_BY]->(a:Article)-[:PUBLISHED_BY]->(s:Source)
RETURN c.id AS claim, c.predicate AS predicate, c.actors AS actors, c.date AS date,
       c.sources AS sources, collect(DISTINCT s.id) AS by
ORDER BY sources DESC, date, claim`,
	},
	{
		Name:     "officials-for",
		Question: "Which officials spoke for the UK in 2023?",
		Params:   map[string]any{"country": "GBR", "year": 2023},
		Cypher: `MATCH (p:Person)-[:STATED]->(c:Claim)<-[:HOLDS]-(:Country {id: $country})
WHERE c.date.year = $year
  AND (p.country = $country OR EXISTS { (p)-[:SERVES_AS]->(:Country {id: $country}) })
RETURN p.id AS person, p.name AS name, count(DISTINCT c) AS statements,
       min(c.date) AS first, max(c.date) AS last
ORDER BY statements DESC, person`,
	},
	{
		Name:     "role-holder",
		Question: "Who was Japan's foreign minister on 8 November 2023?",
		Params:   map[string]any{"role": "foreign-minister", "of": "JPN", "day": "2023-11-08"},
		Cypher: `MATCH (p:Person)-[r:SERVES_AS {role: $role}]->(:Entity {id: $of})
WHERE (r.from IS NULL OR r.from <= date($day)) AND (r.to IS NULL OR r.to >= date($day))
RETURN p.id AS person, p.name AS name, r.from AS from, r.to AS to
ORDER BY person`,
	},
	{
		Name:     "evidence-trail",
		Question: "What is the evidence for a claim: which sentence, in which article, from which source, by which rule?",
		Params:   map[string]any{"claim": "claim:…"},
		Cypher: `MATCH (c:Claim {id: $claim})-[e:EVIDENCED_BY]->(a:Article)
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(s:Source)
RETURN a.id AS article, s.id AS source, a.lang AS lang, a.published AS published,
       e.sentence AS sentence, e.start AS start, e.end AS end, e.rule AS rule,
       e.rules_version AS rules_version, e.extractor_version AS extractor_version
ORDER BY published, article`,
	},
	{
		Name:     "joint-positions",
		Question: "Which positions do the UK and Japan hold jointly (in one statement)?",
		Params:   map[string]any{"a": "GBR", "b": "JPN"},
		Cypher: `MATCH (:Entity {id: $a})-[:HOLDS]->(c:Claim)<-[:HOLDS]-(:Entity {id: $b})
RETURN c.id AS claim, c.predicate AS predicate, c.target AS target, c.topic AS topic,
       c.date AS date, c.text AS text
ORDER BY date, claim`,
	},
	{
		Name:     "condemned-by",
		Question: "Whom or what did the United States condemn, and when?",
		Params:   map[string]any{"actor": "USA"},
		Cypher: `MATCH (:Entity {id: $actor})-[:HOLDS]->(c:Claim {predicate: 'condemn'})
OPTIONAL MATCH (c)-[:TARGETS]->(t)
OPTIONAL MATCH (c)-[:ABOUT]->(tp:Topic)
RETURN c.date AS date, t.id AS target, t.name AS target_name, tp.id AS topic, c.text AS text
ORDER BY date`,
	},
	{
		Name:     "calls-on",
		Question: "Who called on China, to do what?",
		Params:   map[string]any{"target": "CHN"},
		Cypher: `MATCH (a:Entity)-[:HOLDS]->(c:Claim {predicate: 'call_on'})-[:TARGETS]->(:Entity {id: $target})
OPTIONAL MATCH (c)-[:ABOUT]->(tp:Topic)
RETURN a.id AS actor, tp.id AS topic, c.date AS date, c.text AS text
ORDER BY date, actor`,
	},
	{
		Name:     "topics-of-year",
		Question: "Which topics drew the most claims in 2024?",
		Params:   map[string]any{"year": 2024},
		Cypher: `MATCH (c:Claim)-[:ABOUT]->(t:Topic)
WHERE c.date.year = $year
RETURN t.id AS topic, t.name AS name, count(c) AS claims, collect(DISTINCT c.predicate) AS predicates
ORDER BY claims DESC, topic`,
	},
	{
		Name:     "sources",
		Question: "What has each source contributed: articles, claims, and claims no other source reported?",
		Params:   map[string]any{},
		Cypher: `MATCH (s:Source)<-[:PUBLISHED_BY]-(a:Article)
OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(a)
RETURN s.id AS source, count(DISTINCT a) AS articles, count(DISTINCT c) AS claims,
       count(DISTINCT CASE WHEN c.sources = 1 THEN c END) AS exclusive
ORDER BY claims DESC, source`,
	},
	{
		Name:     "extraction-errors",
		Question: "Which articles yielded no claims because the extractor could not read them, and why?",
		Params:   map[string]any{},
		Cypher: `MATCH (a:Article) WHERE a.error_code IS NOT NULL
RETURN a.id AS article, a.lang AS lang, a.error_code AS code, a.error_message AS message, a.published AS published
ORDER BY published, article`,
	},
	{
		Name:     "unknown-officials",
		Question: "Which officials are missing from the gazetteer (persons inferred from texts), as what, and when were they seen?",
		Params:   map[string]any{},
		Cypher: `MATCH (p:Person {inferred: true})
OPTIONAL MATCH (p)-[r:SERVES_AS]->(o:Entity)
RETURN p.id AS person, p.names AS names, p.country AS country, r.role AS role,
       r.seen_from AS seen_from, r.seen_to AS seen_to
ORDER BY person, role`,
	},
	{
		Name:     "actor-dashboard",
		Question: "An actor's positions at a glance: every stance of the UK with its latest date (for a dashboard)",
		Params:   map[string]any{"actor": "GBR"},
		Cypher: `MATCH (:Entity {id: $actor})-[s:STANCE]->(o:Entity)
RETURN s.predicate AS predicate, o.id AS object, coalesce(o.name, o.id) AS object_name,
       s.count AS statements, s.first_seen AS first_seen, s.last_seen AS last_seen
ORDER BY last_seen DESC, predicate, object`,
	},
}

// CookbookMarkdown renders the cookbook as docs/queries.md.
func CookbookMarkdown() string {
	var b strings.Builder
	b.WriteString(`# Cypher cookbook: questions analysts ask the graph

<!-- Generated from services/linker/cookbook.go by
     go test ./services/linker -run CookbookDoc -update — edit the Go table, not this file. -->

Each question below runs in CI (` + "`TestEveryCookbookQueryAnswersItsQuestion`" + ` in
services/linker) against a graph built from test texts, and its answer is asserted.
Run one with ` + "`diplograph query`" + `, giving the parameters with ` + "`--param name=value`" + `
(a value that parses as JSON is used as such), or in Neo4j Browser.

**In Neo4j Browser.** The local Neo4j serves it at http://127.0.0.1:7474/browser/
(` + "`deploy/neo4j/neo4j.sh start`" + `, or after ` + "`make demo`" + `). Connect to ` + "`bolt://127.0.0.1:7687`" + ` as user
` + "`neo4j`" + ` with the password in ` + "`$NEO4J_PASSWORD`" + ` (` + "`diplograph-dev`" + ` unless you set another). Set a
recipe's parameters by running its ` + "`:params`" + ` line in the editor, then paste its Cypher and
run it (Ctrl-Enter): for the first recipe,

` + "```" + `
:params {topic: 'topic:economic-coercion'}
` + "```" + `

then the query. ` + "`:params`" + ` alone shows what is set.

The graph model in brief:

- ` + "`(:Country|Organization)-[:HOLDS]->(:Claim)`" + `, ` + "`(:Person)-[:STATED]->(:Claim)`" + `,
  ` + "`(:Claim)-[:TARGETS]->(entity)`" + `, ` + "`(:Claim)-[:ABOUT]->(:Topic)`" + `.
- ` + "`(:Claim)-[:EVIDENCED_BY {sentence, start, end, rule, rules_version, extractor_version, confidence, when, spans, context, context_start}]->(:Article)`" + `,
  one per reporting article (` + "`sentence`" + ` is the evidence span, ` + "`start`/`end`" + ` its byte offsets in the cleaned text;
  ` + "`context`" + `, when the extractor gives it, the whole sentence around it, from byte ` + "`context_start`" + `); ` + "`(:Article)-[:PUBLISHED_BY]->(:Source)`" + `, ` + "`(:Article)-[:MENTIONS]->(entity)`" + `.
- Claim properties: ` + "`predicate, actors, target, topic, date`" + ` (the statement's, a DATE),
  ` + "`when, due_year`" + ` (deadlines), ` + "`text, confidence, corroboration`" + ` (reporting articles),
  ` + "`sources`" + ` (distinct sources), ` + "`first_seen, last_seen`" + ` (publication times of the reports).
- Stance summaries: ` + "`(actor)-[:STANCE {key, predicate, count, first_seen, last_seen}]->(object)`" + `, one per
  actor, predicate and object (the claims' target, or their topic when they have none): ` + "`count`" + ` is the
  number of distinct claims, ` + "`first_seen`/`last_seen`" + ` their least and greatest statement date.
- ` + "`(:Person)-[:SERVES_AS {role, from, to}]->(:Country|Organization)`" + ` for roles the gazetteer knows;
  persons it lacks carry ` + "`inferred: true`" + ` and ` + "`SERVES_AS {role, inferred, seen_from, seen_to}`" + `.
- Every entity node also has the label ` + "`Entity`" + `; every node has a unique ` + "`id`" + `.

`)
	for i, r := range Cookbook {
		fmt.Fprintf(&b, "## %d. %s\n\n", i+1, r.Question)
		fmt.Fprintf(&b, "```cypher\n%s\n```\n\n", r.Cypher)
		if len(r.Params) > 0 {
			keys := make([]string, 0, len(r.Params))
			for k := range r.Params {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var args []string
			for _, k := range keys {
				args = append(args, fmt.Sprintf("--param %s=%v", k, r.Params[k]))
			}
			fmt.Fprintf(&b, "```sh\ndiplograph query %s \"$(cat <<'CYPHER'\n%s\nCYPHER\n)\"\n```\n\n", strings.Join(args, " "), r.Cypher)
			fmt.Fprintf(&b, "In Neo4j Browser: `%s`, then the query.\n\n", BrowserParams(r.Params))
		}
	}
	return b.String()
}

// BrowserParams is the Neo4j Browser command that sets params, such as
// ":params {topic: 'topic:economic-coercion', year: 2025}".
func BrowserParams(params map[string]any) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		v := fmt.Sprint(params[k])
		if s, ok := params[k].(string); ok {
			v = "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
		}
		parts[i] = k + ": " + v
	}
	return ":params {" + strings.Join(parts, ", ") + "}"
}
