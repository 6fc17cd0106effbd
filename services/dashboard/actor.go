package dashboard

import (
	"cmp"
	"context"
	"sort"
	"strconv"
	"time"
)

// ActorPage is what an actor's page shows.
type ActorPage struct {
	Entity Entity `json:"entity"`
	// Claims is how many claims the actor holds.
	Claims int64 `json:"claims"`
	// Periods are the years of History, oldest first.
	Periods []string  `json:"periods"`
	History []History `json:"history"`
	// Commitments are the actor's commit claims by when they fall due.
	Commitments Commitments `json:"commitments"`
	Officials   []Official  `json:"officials"`
}

// Entity is a node of the graph with what the pages show of it.
type Entity struct {
	Ref
	Names   []string `json:"names,omitempty"`
	Country string   `json:"country,omitempty"`
	Role    string   `json:"role,omitempty"`
}

// History is an actor's stance towards one counterpart or topic over time.
type History struct {
	Object Total `json:"object"`
	// Periods holds, for each year with claims, their count by predicate.
	Periods map[string]map[string]int64 `json:"periods"`
	// Undated counts the claims without a statement date, by predicate.
	Undated map[string]int64 `json:"undated,omitempty"`
}

// Commitments sorts an actor's commitments by their deadline ("when")
// against today: past, in the current year, later, or without one.
type Commitments struct {
	Overdue  []Commitment `json:"overdue"`
	ThisYear []Commitment `json:"this_year"`
	Later    []Commitment `json:"later"`
	Undated  []Commitment `json:"undated"`
}

// Commitment is one commit claim of an actor.
type Commitment struct {
	ID      string `json:"id"`
	When    string `json:"when,omitempty"`
	Date    string `json:"date,omitempty"`
	Target  *Ref   `json:"target,omitempty"`
	Topic   *Ref   `json:"topic,omitempty"`
	Text    string `json:"text"`
	Reports int64  `json:"reports"`
}

// Official is a person who spoke for the actor or served it, with dates.
type Official struct {
	Ref
	Roles []Role `json:"roles"`
	// Statements counts the actor's claims the person stated, between
	// First and Last (statement dates).
	Statements int64  `json:"statements"`
	First      string `json:"first,omitempty"`
	Last       string `json:"last,omitempty"`
}

// Role is a SERVES_AS relationship: from the gazetteer with its term, or
// inferred from texts with the span it was seen in.
type Role struct {
	Role     string `json:"role"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
	Inferred bool   `json:"inferred,omitempty"`
}

// historyObjects bounds the counterparts and topics on an actor's page.
const historyObjects = 12

// Actor returns what an actor's page shows.
func (s *Store) Actor(ctx context.Context, id string) (ActorPage, error) {
	p := ActorPage{Periods: []string{}, History: []History{}, Officials: []Official{},
		Commitments: Commitments{Overdue: []Commitment{}, ThisYear: []Commitment{}, Later: []Commitment{}, Undated: []Commitment{}}}
	rows, err := s.records(ctx, "actor", `
MATCH (n:Entity {id: $id})
RETURN `+refMap+` AS ref, n.names AS names, n.country AS country, n.role AS role,
       COUNT { (n)-[:HOLDS]->() } AS claims`, map[string]any{"id": id})
	if err != nil {
		return p, err
	}
	if len(rows) == 0 {
		return p, ErrNotFound
	}
	r := rows[0]
	p.Entity = Entity{Ref: refOf(r["ref"]), Country: str(r["country"]), Role: str(r["role"])}
	names, _ := r["names"].([]any)
	for _, n := range names {
		p.Entity.Names = append(p.Entity.Names, str(n))
	}
	p.Claims = num(r["claims"])

	// The stance history: the counterparts and topics with the most claims
	// (from the summaries), then those claims by year and predicate.
	rows, err = s.records(ctx, "stance history", `
MATCH (a:Entity {id: $id})-[s:STANCE]->(n:Entity)
WITH n, sum(s.count) AS t ORDER BY t DESC, n.id LIMIT $objects
WITH collect({ref: `+refMap+`, total: t}) AS objects, collect(n.id) AS ids
CALL (ids) {
  MATCH (:Entity {id: $id})-[:HOLDS]->(c:Claim)
  WITH c, coalesce(c.target, c.topic) AS object WHERE object IN ids
  RETURN collect({o: object, y: c.date.year, p: c.predicate}) AS claims
}
RETURN objects, claims`, map[string]any{"id": id, "objects": int64(historyObjects)})
	if err != nil {
		return p, err
	}
	if len(rows) == 1 {
		byObject := map[string]*History{}
		for _, o := range totals(rows[0]["objects"]) {
			h := History{Object: o, Periods: map[string]map[string]int64{}}
			p.History = append(p.History, h)
		}
		for i := range p.History {
			byObject[p.History[i].Object.ID] = &p.History[i]
		}
		years := map[int64]bool{}
		claims, _ := rows[0]["claims"].([]any)
		for _, v := range claims {
			c, _ := v.(map[string]any)
			h := byObject[str(c["o"])]
			if h == nil {
				continue
			}
			pred := str(c["p"])
			y, dated := c["y"].(int64)
			if !dated {
				if h.Undated == nil {
					h.Undated = map[string]int64{}
				}
				h.Undated[pred]++
				continue
			}
			years[y] = true
			key := strconv.FormatInt(y, 10)
			if h.Periods[key] == nil {
				h.Periods[key] = map[string]int64{}
			}
			h.Periods[key][pred]++
		}
		p.Periods = yearRange(years)
	}

	if err := s.commitments(ctx, id, &p.Commitments); err != nil {
		return p, err
	}
	p.Officials, err = s.officials(ctx, id)
	return p, err
}

// yearRange lists every year from the first to the last seen, so that a
// gap shows as a gap.
func yearRange(years map[int64]bool) []string {
	out := []string{}
	if len(years) == 0 {
		return out
	}
	lo, hi := int64(1<<62), int64(-1<<62)
	for y := range years {
		lo, hi = min(lo, y), max(hi, y)
	}
	// A stray date far off would make thousands of columns: keep the
	// years seen when the span is long.
	if hi-lo > 60 {
		for y := range years {
			out = append(out, strconv.FormatInt(y, 10))
		}
		sort.Strings(out)
		return out
	}
	for y := lo; y <= hi; y++ {
		out = append(out, strconv.FormatInt(y, 10))
	}
	return out
}

func (s *Store) commitments(ctx context.Context, id string, out *Commitments) error {
	rows, err := s.records(ctx, "commitments", `
MATCH (:Entity {id: $id})-[:HOLDS]->(c:Claim {predicate: 'commit'})
WITH c ORDER BY c.when, c.date DESC, c.id LIMIT 500
RETURN c.id AS id, c.when AS when, c.date AS date, c.text AS text, c.corroboration AS reports,
       [(c)-[:TARGETS]->(n) | `+refMap+`][0] AS target,
       [(c)-[:ABOUT]->(n) | {id: n.id, name: n.name, kind: 'topic'}][0] AS topic`, map[string]any{"id": id})
	if err != nil {
		return err
	}
	today := s.now().UTC().Format(time.DateOnly)
	year := today[:4]
	for _, r := range rows {
		c := Commitment{ID: str(r["id"]), When: str(r["when"]), Date: str(r["date"]), Text: str(r["text"]), Reports: num(r["reports"])}
		if r["target"] != nil {
			t := refOf(r["target"])
			c.Target = &t
		}
		if r["topic"] != nil {
			t := refOf(r["topic"])
			c.Topic = &t
		}
		switch {
		case c.When == "":
			out.Undated = append(out.Undated, c)
		case deadlineEnd(c.When) < today:
			out.Overdue = append(out.Overdue, c)
		case c.When[:4] == year:
			out.ThisYear = append(out.ThisYear, c)
		default:
			out.Later = append(out.Later, c)
		}
	}
	return nil
}

// deadlineEnd is the last day a deadline of YYYY, YYYY-MM or YYYY-MM-DD
// allows, as YYYY-MM-DD.
func deadlineEnd(when string) string {
	d, err := parseDay("when", when, true)
	if err != nil {
		return when
	}
	return d
}

func (s *Store) officials(ctx context.Context, id string) ([]Official, error) {
	rows, err := s.records(ctx, "officials", `
MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH (n:Person)-[r:SERVES_AS]->(a)
  RETURN n, collect({role: r.role, from: coalesce(r.from, r.seen_from), to: coalesce(r.to, r.seen_to), inferred: r.inferred}) AS roles,
         0 AS statements, null AS first, null AS last
  UNION
  MATCH (n:Person)-[:STATED]->(c:Claim)<-[:HOLDS]-(a)
  WHERE n.country = a.id OR EXISTS { (n)-[:SERVES_AS]->(a) }
  RETURN n, [] AS roles, count(DISTINCT c) AS statements, min(c.date) AS first, max(c.date) AS last
}
WITH n, roles, statements, first, last
RETURN `+refMap+` AS ref, roles, statements, first, last`, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	byID := map[string]*Official{}
	var order []string
	for _, r := range rows {
		ref := refOf(r["ref"])
		o := byID[ref.ID]
		if o == nil {
			o = &Official{Ref: ref, Roles: []Role{}}
			byID[ref.ID] = o
			order = append(order, ref.ID)
		}
		roles, _ := r["roles"].([]any)
		for _, v := range roles {
			m, _ := v.(map[string]any)
			inferred, _ := m["inferred"].(bool)
			o.Roles = append(o.Roles, Role{Role: str(m["role"]), From: str(m["from"]), To: str(m["to"]), Inferred: inferred})
		}
		o.Statements += num(r["statements"])
		if f := str(r["first"]); f != "" && (o.First == "" || f < o.First) {
			o.First = f
		}
		if l := str(r["last"]); l > o.Last {
			o.Last = l
		}
	}
	out := make([]Official, 0, len(order))
	for _, id := range order {
		o := byID[id]
		sort.Slice(o.Roles, func(i, j int) bool { return o.Roles[i].From < o.Roles[j].From })
		out = append(out, *o)
	}
	// The most recent voice first: by last statement, then by the start
	// of the latest role.
	latest := func(o Official) string {
		l := o.Last
		for _, r := range o.Roles {
			l = max(l, r.To, r.From)
		}
		return l
	}
	sort.SliceStable(out, func(i, j int) bool {
		return cmp.Or(cmp.Compare(latest(out[j]), latest(out[i])), cmp.Compare(out[i].ID, out[j].ID)) < 0
	})
	return out, nil
}

// Neighbourhood is an entity with what it is linked to, for the graph view.
type Neighbourhood struct {
	Center Ref    `json:"center"`
	Nodes  []Ref  `json:"nodes"`
	Edges  []Edge `json:"edges"`
}

// Edge is a stance summary (Kind "stance", with its predicate and count of
// claims) or a role (Kind "serves", with the role).
type Edge struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Kind      string `json:"kind"`
	Predicate string `json:"predicate,omitempty"`
	Role      string `json:"role,omitempty"`
	Count     int64  `json:"count,omitempty"`
}

// Neighbourhood returns an entity's stances towards others and theirs
// towards it (the strongest limit of each), and the persons serving it.
func (s *Store) Neighbourhood(ctx context.Context, id string, limit int) (Neighbourhood, error) {
	rows, err := s.records(ctx, "neighbourhood", `
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[s:STANCE]->(n:Entity)
  WITH s, n ORDER BY s.count DESC, n.id, s.predicate LIMIT $limit
  RETURN collect({from: c.id, to: n.id, kind: 'stance', predicate: s.predicate, count: s.count, ref: `+refMap+`}) AS out
}
CALL (c) {
  MATCH (n:Entity)-[s:STANCE]->(c)
  WITH s, n ORDER BY s.count DESC, n.id, s.predicate LIMIT $limit
  RETURN collect({from: n.id, to: c.id, kind: 'stance', predicate: s.predicate, count: s.count, ref: `+refMap+`}) AS in
}
CALL (c) {
  MATCH (n:Person)-[r:SERVES_AS]->(c)
  WITH r, n ORDER BY coalesce(r.to, r.seen_to) DESC, n.id LIMIT 12
  RETURN collect({from: n.id, to: c.id, kind: 'serves', role: r.role, ref: `+refMap+`}) AS serves
}
WITH c AS n, out + in + serves AS edges
RETURN `+refMap+` AS center, edges`, map[string]any{"id": id, "limit": int64(limit)})
	if err != nil {
		return Neighbourhood{}, err
	}
	if len(rows) == 0 {
		return Neighbourhood{}, ErrNotFound
	}
	nb := Neighbourhood{Center: refOf(rows[0]["center"]), Nodes: []Ref{}, Edges: []Edge{}}
	seen := map[string]bool{nb.Center.ID: true}
	nb.Nodes = append(nb.Nodes, nb.Center)
	edges, _ := rows[0]["edges"].([]any)
	for _, v := range edges {
		m, _ := v.(map[string]any)
		ref := refOf(m["ref"])
		if !seen[ref.ID] {
			seen[ref.ID] = true
			nb.Nodes = append(nb.Nodes, ref)
		}
		nb.Edges = append(nb.Edges, Edge{Source: str(m["from"]), Target: str(m["to"]), Kind: str(m["kind"]),
			Predicate: str(m["predicate"]), Role: str(m["role"]), Count: num(m["count"])})
	}
	return nb, nil
}
