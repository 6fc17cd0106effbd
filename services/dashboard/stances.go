package dashboard

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schemas"
)

// Matrix is the stance matrix: the actors holding the most claims (rows)
// against what their claims are most about (columns: targets, or topics
// for claims without a target), each cell counting claims by predicate.
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

// stancesFromSummaries reads the matrix from the STANCE summaries. The rows
// are the actors with the most HOLDS relationships, a count Neo4j keeps per
// node, so that no claim is read.
var stancesFromSummaries = `
MATCH (n:Entity) WHERE n:Country OR n:Organization
WITH n, COUNT { (n)-[:HOLDS]->() } AS t WHERE t > 0
ORDER BY t DESC, n.id LIMIT $actors
WITH collect({ref: ` + refMap + `, total: t}) AS actors, collect(n) AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[s:STANCE]->(n:Entity)
  WITH n, sum(s.count) AS t ORDER BY t DESC, n.id LIMIT $objects
  RETURN collect({ref: ` + refMap + `, total: t}) AS objects, collect(n) AS os
}
CALL (ns, os) {
  UNWIND ns AS a
  MATCH (a)-[s:STANCE]->(o:Entity) WHERE o IN os
  RETURN collect({a: a.id, o: o.id, p: s.predicate, k: s.count}) AS cells
}
RETURN actors, objects, cells`

// stancesOfPredicate is stancesFromSummaries for one predicate.
var stancesOfPredicate = `
MATCH (n:Entity)-[s:STANCE {predicate: $predicate}]->()
WITH n, sum(s.count) AS t ORDER BY t DESC, n.id LIMIT $actors
WITH collect({ref: ` + refMap + `, total: t}) AS actors, collect(n) AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[s:STANCE {predicate: $predicate}]->(n:Entity)
  WITH n, sum(s.count) AS t ORDER BY t DESC, n.id LIMIT $objects
  RETURN collect({ref: ` + refMap + `, total: t}) AS objects, collect(n) AS os
}
CALL (ns, os) {
  UNWIND ns AS a
  MATCH (a)-[s:STANCE {predicate: $predicate}]->(o:Entity) WHERE o IN os
  RETURN collect({a: a.id, o: o.id, p: s.predicate, k: s.count}) AS cells
}
RETURN actors, objects, cells`

// stancesFromClaims counts the claims a filter matches, grouped in Neo4j
// so that only the matrix leaves it.
func stancesFromClaims(f Filter) (string, map[string]any) {
	conds, params := f.where()
	where := ""
	if len(conds) > 0 {
		where = "\nWHERE " + strings.Join(conds, "\n  AND ")
	}
	return `
MATCH (c:Claim)` + where + `
WITH c, coalesce(c.target, c.topic) AS object WHERE object IS NOT NULL
UNWIND c.actors AS actor
WITH actor, object, c.predicate AS p, count(*) AS k
WITH collect({a: actor, o: object, p: p, k: k}) AS rows
CALL (rows) {
  UNWIND rows AS r
  WITH r.a AS a, sum(r.k) AS t ORDER BY t DESC, a LIMIT $actors
  RETURN collect(a) AS actorIDs, collect(t) AS actorTotals
}
CALL (rows, actorIDs) {
  UNWIND rows AS r
  WITH r WHERE r.a IN actorIDs
  WITH r.o AS o, sum(r.k) AS t ORDER BY t DESC, o LIMIT $objects
  RETURN collect(o) AS objectIDs, collect(t) AS objectTotals
}
CALL (actorIDs, actorTotals) {
  UNWIND range(0, size(actorIDs) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: actorIDs[i]})
  RETURN collect({ref: CASE WHEN n IS NULL THEN {id: actorIDs[i]} ELSE ` + refMap + ` END, total: actorTotals[i]}) AS actors
}
CALL (objectIDs, objectTotals) {
  UNWIND range(0, size(objectIDs) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: objectIDs[i]})
  RETURN collect({ref: CASE WHEN n IS NULL THEN {id: objectIDs[i]} ELSE ` + refMap + ` END, total: objectTotals[i]}) AS objects
}
RETURN actors, objects, [r IN rows WHERE r.a IN actorIDs AND r.o IN objectIDs] AS cells`, params
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
		cypher, params = stancesFromSummaries, map[string]any{}
	case f.From == "" && f.To == "" && f.Lang == "" && f.Source == "":
		cypher, params = stancesOfPredicate, map[string]any{"predicate": f.Predicate}
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
