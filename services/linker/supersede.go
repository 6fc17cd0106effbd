package linker

import (
	"context"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// An article's new extraction supersedes its old one. The write statement
// replaces the article's own relationships (evidence, mentions) and its
// properties, among them forms and stated (see formsProp): what the
// article says of each entity it mentions and who it names as stating each
// claim. What the graph derives from many articles is then recomputed, for
// what the change touched only, from those per-article facts:
//
//   - a claim's speakers (STATED) are the union of its evidence articles'
//     stated entries for it;
//   - an entity's names are the union of the surface forms its mentioning
//     articles give, its name the gazetteer's or else the least of them,
//     and an inferred person's country and role the least they give;
//   - an office from the gazetteer (SERVES_AS) stands while some article
//     dated within its term names the person, an inferred office spans the
//     dates of the articles that show the person in it;
//   - an entity nothing refers to any more is deleted.
//
// So the graph after a re-extraction is the graph a clean run of the new
// extractions gives. Entities and claims that an article written before
// these facts were kept refers to (no forms, no stated) are left as they
// are: that article's part in them is unknown until it is reprocessed.

// storedArticle is what the graph holds of an article's last extraction.
type storedArticle struct {
	hash, rules, extractor string
}

const cypherStored = planOnce + `
UNWIND $batch.ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.extraction_hash AS hash, a.rules_version AS rules, a.extractor_version AS extractor`

// storedArticles reads the extraction hashes and versions of the articles
// among ids that the graph holds.
func storedArticles(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]storedArticle, error) {
	out := make(map[string]storedArticle, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, "extraction hashes", cypherStored, map[string]any{"batch": map[string]any{"ids": stringsAny(ids)}})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		m := r.AsMap()
		id, _ := m["id"].(string)
		var st storedArticle
		st.hash, _ = m["hash"].(string)
		st.rules, _ = m["rules"].(string)
		st.extractor, _ = m["extractor"].(string)
		out[id] = st
	}
	return out, nil
}

// cypherRestamp records that an article's extraction, unchanged, came from
// other rules or another extractor: the version stamps of the article and
// of its evidence, and nothing else.
const cypherRestamp = `
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.rules_version = row.rules_version, a.extractor_version = row.extractor_version
WITH a, row
MATCH (a)<-[e:EVIDENCED_BY]-(:Claim)
SET e.rules_version = row.rules_version, e.extractor_version = row.extractor_version`

// contribution is what the graph holds of one article before its
// re-extraction is written: its mentions and the claims it evidenced.
type contribution struct {
	forms  map[string]plan.Form
	claims []string
}

const cypherContributions = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.forms AS forms, [(a)-[:MENTIONS]->(x) | x.id] AS mentions, [(a)<-[:EVIDENCED_BY]-(c:Claim) | c.id] AS claims`

func readContributions(ctx context.Context, tx neo4j.ManagedTransaction, ids []any) (map[string]contribution, error) {
	recs, err := run(ctx, tx, "contributions", cypherContributions, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]contribution, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		id, _ := m["id"].(string)
		c := contribution{forms: map[string]plan.Form{}, claims: stringsOf(m["claims"])}
		// An article written before forms were kept has none: each entity
		// it mentions then counts as changed, and cypherEntityForms leaves
		// it alone.
		for _, e := range stringsOf(m["forms"]) {
			f := parseForm(e)
			c.forms[f.ID] = f
		}
		if m["forms"] == nil {
			for _, e := range stringsOf(m["mentions"]) {
				c.forms[e] = plan.Form{ID: e, Names: []string{"\x00legacy"}}
			}
		}
		out[id] = c
	}
	return out, nil
}

// formChanges returns the entities whose contribution from one article
// changed: mentioned before and no longer, or said of differently.
func formChanges(before map[string]plan.Form, after []plan.Form) []string {
	now := make(map[string]plan.Form, len(after))
	for _, f := range after {
		now[f.ID] = f
	}
	var out []string
	for id, old := range before {
		f, ok := now[id]
		if !ok || !slices.Equal(old.Names, f.Names) || old.Country != f.Country || old.Role != f.Role || !slices.Equal(old.Serves, f.Serves) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// cypherStated removes the STATED relationships of claims that none of
// their evidence articles names the speaker of any more, and returns those
// speakers.
const cypherStated = `
UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL (c) {
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(a:Article)
  WITH collect(a) AS arts
  RETURN reduce(acc = [], a IN arts | acc + [s IN coalesce(a.stated, []) WHERE s STARTS WITH c.id + $sep | substring(s, size(c.id) + 1)]) AS want,
         size([a IN arts WHERE a.stated IS NULL]) AS legacy
}
WITH c, want WHERE legacy = 0
MATCH (p:Person)-[s:STATED]->(c)
WHERE NOT p.id IN want
DELETE s
RETURN collect(DISTINCT p.id) AS dropped`

func recomputeStated(ctx context.Context, tx neo4j.ManagedTransaction, claims []any) ([]string, error) {
	if len(claims) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, tx, "speakers", cypherStated, map[string]any{"ids": claims, "sep": unitSep})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range recs {
		v, _ := r.Get("dropped")
		out = append(out, stringsOf(v)...)
	}
	return out, nil
}

// cypherEntityForms recomputes the names of entities (and the country and
// role of inferred persons) from what the articles that mention them say
// (their forms entries: id␟names␟country␟role␟offices), as a clean run
// derives them: names sorted, the gazetteer's label or else the least name.
const cypherEntityForms = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CALL (n) {
  OPTIONAL MATCH (a:Article)-[:MENTIONS]->(n)
  WITH collect(a) AS arts
  RETURN [a IN arts | split([f IN coalesce(a.forms, []) WHERE f STARTS WITH n.id + $sep][0], $sep)] AS fs,
         size([a IN arts WHERE a.forms IS NULL]) AS legacy
}
WITH n, row, [f IN fs WHERE f IS NOT NULL] AS fs WHERE legacy = 0
WITH n, row,
     reduce(acc = [], x IN reduce(all = [], f IN fs | all + [y IN split(f[1], $rs) WHERE y <> '']) |
       CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END) AS names,
     reduce(b = null, f IN fs | CASE WHEN f[2] = '' OR (b IS NOT NULL AND b <= f[2]) THEN b ELSE f[2] END) AS country,
     reduce(b = null, f IN fs | CASE WHEN f[3] = '' OR (b IS NOT NULL AND b <= f[3]) THEN b ELSE f[3] END) AS role
SET n.names = CASE WHEN size(names) = 0 THEN null ELSE names END,
    n.name = coalesce(row.label, names[0]),
    n.country = country, n.role = role`

// cypherOffices checks the offices (SERVES_AS) of persons against the
// articles that still name them, deletes those none supports any more,
// resets the span of inferred ones, and returns the entities of the
// offices it deleted.
const cypherOffices = `
UNWIND $ids AS id
MATCH (p:Person {id: id})-[r:SERVES_AS]->(o:Entity)
CALL (p) {
  OPTIONAL MATCH (a:Article)-[:MENTIONS]->(p)
  WITH collect(a) AS arts
  RETURN [a IN arts WHERE a.date IS NOT NULL |
           {date: a.date, serves: split(coalesce(split([f IN coalesce(a.forms, []) WHERE f STARTS WITH p.id + $sep][0], $sep)[4], ''), $rs)}] AS refs,
         size([a IN arts WHERE a.forms IS NULL]) AS legacyM
}
CALL (p) {
  OPTIONAL MATCH (p)-[:STATED]->(c:Claim)-[:EVIDENCED_BY]->(a:Article)
  WITH collect(CASE WHEN a IS NULL THEN null ELSE {a: a, entry: c.id + $sep + p.id} END) AS ev
  RETURN [x IN ev WHERE x.a.date IS NOT NULL AND x.entry IN coalesce(x.a.stated, []) | x.a.date] AS stated,
         size([x IN ev WHERE x.a.stated IS NULL]) AS legacyE
}
WITH r, o, refs, stated WHERE legacyM + legacyE = 0
WITH r, o, [x IN refs | x.date] + stated AS days,
     [x IN refs WHERE (r.role + '|' + o.id) IN x.serves | x.date] AS seen
WITH r, o, seen,
     CASE WHEN r.inferred IS NULL
          THEN any(d IN days WHERE (r.from IS NULL OR d >= r.from) AND (r.to IS NULL OR d <= r.to))
          ELSE size(seen) > 0 END AS keep
FOREACH (_ IN CASE WHEN keep AND r.inferred IS NOT NULL THEN [1] ELSE [] END |
  SET r.seen_from = reduce(b = null, d IN seen | CASE WHEN b IS NULL OR d < b THEN d ELSE b END),
      r.seen_to = reduce(b = null, d IN seen | CASE WHEN b IS NULL OR d > b THEN d ELSE b END))
FOREACH (_ IN CASE WHEN keep THEN [] ELSE [1] END | DELETE r)
RETURN collect(DISTINCT CASE WHEN keep THEN null ELSE o.id END) AS dropped`

// recomputeEntities brings the touched entities to what the articles that
// still refer to them say: their names, their offices, and their existence.
func recomputeEntities(ctx context.Context, tx neo4j.ManagedTransaction, touched map[string]bool, gaz plan.Gazetteer) error {
	ids := sortedAny(touched)
	rows := make([]any, 0, len(ids))
	var persons []any
	for _, v := range ids {
		id := v.(string)
		var label any
		if gaz != nil {
			if l, ok := gaz.Label(id); ok {
				label = l
			}
		}
		rows = append(rows, map[string]any{"id": id, "label": label})
		if l, _ := plan.LabelOf(id); l == plan.Person {
			persons = append(persons, id)
		}
	}
	if _, err := run(ctx, tx, "entity names", cypherEntityForms, map[string]any{"rows": rows, "sep": unitSep, "rs": recordSep}); err != nil {
		return err
	}
	lone := touched
	if len(persons) > 0 {
		recs, err := run(ctx, tx, "offices", cypherOffices, map[string]any{"ids": persons, "sep": unitSep, "rs": recordSep})
		if err != nil {
			return err
		}
		for _, r := range recs {
			v, _ := r.Get("dropped")
			for _, id := range stringsOf(v) {
				lone[id] = true
			}
		}
	}
	_, err := run(ctx, tx, "lone nodes", cypherDropLoneNodes, map[string]any{"entities": sortedAny(lone), "sources": []any{}})
	return err
}

func str(v any) string { s, _ := v.(string); return s }

// stringsOf reads a list of strings from a driver value (nil: none).
func stringsOf(v any) []string {
	xs, _ := v.([]any)
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
