package dashboard

import (
	"context"
	"slices"
	"sort"

	"github.com/diplograph/diplograph/schemas"
)

// Matrix is the stance matrix: the actors holding the most claims (rows)
// against the entities most claimed about (columns), each cell counting
// the row's claims whose stance is about the column (their target, or
// their topic when they have none) by predicate.
type Matrix struct {
	Actors  []Total `json:"actors"`
	Objects []Total `json:"objects"`
	Cells   []Cell  `json:"cells"`
	// Basis says where the counts come from: "stances", the summaries the
	// linker keeps (no filter but the predicate), or "claims", counted
	// from the claims the filter matches.
	Basis string `json:"basis"`
}

// Total is a row or a column of the matrix with its number of claims.
type Total struct {
	Ref
	Total int64 `json:"total"`
}

// Cell is one actor's claims about one object.
type Cell struct {
	Actor      string           `json:"actor"`
	Object     string           `json:"object"`
	Total      int64            `json:"total"`
	Predicates map[string]int64 `json:"predicates"`
	// Top is the predicate with the most claims (the first in the order
	// of schemas.Predicates on a tie): the cell's colour.
	Top string `json:"top"`
}

const refMap = `{id: n.id, name: n.name, kind: ` + kindCypher + `}`

// stancesFromSummaries reads the matrix from the STANCE summaries without
// reading a claim, or more than its cells of them: the rows are the actors
// with the most HOLDS relationships and the columns the entities with the
// most TARGETS and ABOUT relationships (counts Neo4j keeps per node), and
// each cell's summaries are found by their key in the uniqueness
// constraint's index, one predicate at a time.
var stancesFromSummaries = `
CALL () {
  MATCH (n:Entity) WHERE n:Country OR n:Organization
  WITH n, COUNT { (n)-[:HOLDS]->() } AS t WHERE t > 0
  ORDER BY t DESC, n.id LIMIT $actors
  RETURN collect({ref: ` + refMap + `, total: t}) AS actors, collect(n.id) AS actorIDs
}
CALL () {
  MATCH (n:Entity)
  WITH n, COUNT { (n)<-[:TARGETS]-() } + COUNT { (n)<-[:ABOUT]-() } AS t WHERE t > 0
  ORDER BY t DESC, n.id LIMIT $objects
  RETURN collect({ref: ` + refMap + `, total: t}) AS objects, collect(n.id) AS objectIDs
}
` + stanceCells

// stancesOfPredicate is stancesFromSummaries for one predicate: rows and
// columns are ranked by that predicate's summaries, found through their
// index on predicate.
var stancesOfPredicate = `
CALL () {
  MATCH (n:Entity)-[s:STANCE {predicate: $predicate}]->()
  WITH n, sum(s.count) AS t ORDER BY t DESC, n.id LIMIT $actors
  RETURN collect({ref: ` + refMap + `, total: t}) AS actors, collect(n.id) AS actorIDs
}
CALL () {
  MATCH ()-[s:STANCE {predicate: $predicate}]->(n:Entity)
  WITH n, sum(s.count) AS t ORDER BY t DESC, n.id LIMIT $objects
  RETURN collect({ref: ` + refMap + `, total: t}) AS objects, collect(n.id) AS objectIDs
}
` + stanceCells

// stanceCells looks up the summaries of every cell by key
// ("actor|predicate|object").
const stanceCells = `CALL (actorIDs, objectIDs) {
  UNWIND actorIDs AS a
  UNWIND objectIDs AS o
  UNWIND $predicates AS p
  MATCH ()-[s:STANCE {key: a + '|' + p + '|' + o}]->()
  RETURN collect({a: a, o: o, p: p, k: s.count}) AS cells
}
RETURN actors, objects, cells`

// stancesFromClaims counts the claims a filter matches, grouped in Neo4j so
// that only the matrix leaves it. The groups of the rows' actors are kept
// as short lists: a year of a large graph makes tens of thousands.
func stancesFromClaims(f Filter) (string, map[string]any) {
	dates, others, params := f.where()
	return f.match(append(dates, others...)) + `
WITH c.actors AS actors, coalesce(c.target, c.topic) AS object, c.predicate AS p
WHERE object IS NOT NULL
UNWIND actors AS actor
WITH actor, object, p, count(*) AS k
WITH actor, sum(k) AS t, collect([object, p, k]) AS groups
ORDER BY t DESC, actor LIMIT $actors
WITH collect({a: actor, t: t, groups: groups}) AS top
CALL (top) {
  UNWIND top AS row
  UNWIND row.groups AS g
  WITH g[0] AS o, sum(g[2]) AS t ORDER BY t DESC, o LIMIT $objects
  RETURN collect(o) AS objectIDs, collect(t) AS objectTotals
}
CALL (top) {
  UNWIND top AS row
  OPTIONAL MATCH (n:Entity {id: row.a})
  RETURN collect({ref: CASE WHEN n IS NULL THEN {id: row.a} ELSE ` + refMap + ` END, total: row.t}) AS actors
}
CALL (objectIDs, objectTotals) {
  UNWIND range(0, size(objectIDs) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: objectIDs[i]})
  RETURN collect({ref: CASE WHEN n IS NULL THEN {id: objectIDs[i]} ELSE ` + refMap + ` END, total: objectTotals[i]}) AS objects
}
RETURN actors, objects,
       [row IN top | [g IN row.groups WHERE g[0] IN objectIDs | {a: row.a, o: g[0], p: g[1], k: g[2]}]] AS cells`, params
}

// Stances returns the stance matrix of at most actors rows and objects
// columns for the claims the filter matches (its actor, target, topic and
// object are not used: the matrix is about all of them).
func (s *Store) Stances(ctx context.Context, f Filter, actors, objects int) (Matrix, error) {
	f.Actor, f.Target, f.Topic, f.Object = "", "", "", ""
	var cypher string
	var params map[string]any
	basis := "stances"
	switch {
	case f.From == "" && f.To == "" && f.Lang == "" && f.Source == "" && f.Predicate == "":
		cypher, params = stancesFromSummaries, map[string]any{"predicates": anys(schemas.Predicates)}
	case f.From == "" && f.To == "" && f.Lang == "" && f.Source == "":
		cypher, params = stancesOfPredicate, map[string]any{"predicate": f.Predicate, "predicates": []any{f.Predicate}}
	default:
		cypher, params = stancesFromClaims(f)
		basis = "claims"
	}
	params["actors"], params["objects"] = int64(actors), int64(objects)
	rows, err := s.records(ctx, "stances", cypher, params)
	if err != nil {
		return Matrix{}, err
	}
	m := Matrix{Actors: []Total{}, Objects: []Total{}, Cells: []Cell{}, Basis: basis}
	if len(rows) == 0 {
		return m, nil
	}
	m.Actors, m.Objects = totals(rows[0]["actors"]), totals(rows[0]["objects"])
	cells := map[[2]string]*Cell{}
	raw, _ := rows[0]["cells"].([]any)
	if basis == "claims" { // a list of lists, one per row
		var flat []any
		for _, v := range raw {
			xs, _ := v.([]any)
			flat = append(flat, xs...)
		}
		raw = flat
	}
	for _, v := range raw {
		r, _ := v.(map[string]any)
		key := [2]string{str(r["a"]), str(r["o"])}
		c := cells[key]
		if c == nil {
			c = &Cell{Actor: key[0], Object: key[1], Predicates: map[string]int64{}}
			cells[key] = c
		}
		k := num(r["k"])
		c.Predicates[str(r["p"])] += k
		c.Total += k
	}
	for _, c := range cells {
		best := int64(-1)
		for _, p := range predicateOrder(c.Predicates) {
			if c.Predicates[p] > best {
				best, c.Top = c.Predicates[p], p
			}
		}
		m.Cells = append(m.Cells, *c)
	}
	sort.Slice(m.Cells, func(i, j int) bool {
		a, b := m.Cells[i], m.Cells[j]
		return a.Actor < b.Actor || a.Actor == b.Actor && a.Object < b.Object
	})
	return m, nil
}

// predicateOrder lists a count's predicates in the order of the guidelines,
// then any others.
func predicateOrder(counts map[string]int64) []string {
	var out, other []string
	for _, p := range schemas.Predicates {
		if _, ok := counts[p]; ok {
			out = append(out, p)
		}
	}
	for p := range counts {
		if !slices.Contains(out, p) {
			other = append(other, p)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

func totals(v any) []Total {
	xs, _ := v.([]any)
	out := make([]Total, 0, len(xs))
	for _, x := range xs {
		m, _ := x.(map[string]any)
		out = append(out, Total{Ref: refOf(m["ref"]), Total: num(m["total"])})
	}
	return out
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
