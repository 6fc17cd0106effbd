package dashboard

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schemas"
)

// Reader runs a read-only Cypher statement (in a READ transaction) and
// returns its columns and rows, values as plain Go values: dates as
// YYYY-MM-DD strings, date-times as time.Time, maps and lists as such.
// linker.Graph is one.
type Reader interface {
	Read(ctx context.Context, cypher string, params map[string]any) (keys []string, rows [][]any, err error)
}

// Store answers the dashboard's questions from the graph. It only reads.
type Store struct {
	r   Reader
	now func() time.Time

	mu      sync.Mutex
	filters *Filters
	filtAt  time.Time
}

// NewStore returns a Store reading through r.
func NewStore(r Reader) *Store { return &Store{r: r, now: time.Now} }

// records runs a statement and returns its rows as maps.
func (s *Store) records(ctx context.Context, what, cypher string, params map[string]any) ([]map[string]any, error) {
	keys, rows, err := s.r.Read(ctx, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out := make([]map[string]any, len(rows))
	for i, row := range rows {
		m := make(map[string]any, len(keys))
		for j, k := range keys {
			m[k] = row[j]
		}
		out[i] = m
	}
	return out, nil
}

// Ref names a node of the graph for a page: its id, its display name and
// its kind (country, organization, person, place, topic).
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Kind string `json:"kind,omitempty"`
}

// kindCypher is the kind of an entity node n, from its labels.
const kindCypher = `CASE WHEN n:Country THEN 'country' WHEN n:Organization THEN 'organization' WHEN n:Person THEN 'person'
 WHEN n:Place THEN 'place' WHEN n:Topic THEN 'topic' ELSE 'entity' END`

func refOf(v any) Ref {
	m, _ := v.(map[string]any)
	r := Ref{}
	r.ID, _ = m["id"].(string)
	r.Name, _ = m["name"].(string)
	r.Kind, _ = m["kind"].(string)
	return r
}

func refsOf(v any) []Ref {
	xs, _ := v.([]any)
	out := make([]Ref, 0, len(xs))
	for _, x := range xs {
		out = append(out, refOf(x))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func str(v any) string { s, _ := v.(string); return s }

func num(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

func float(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func timeString(v any) string {
	if t, ok := v.(time.Time); ok {
		return t.UTC().Format(time.RFC3339)
	}
	return str(v)
}

// Evidence is one article's report of a claim, with the evidence span and,
// when the graph holds it, the sentence around it (Before + Text + After).
type Evidence struct {
	Text         string  `json:"text"`
	Before       string  `json:"before,omitempty"`
	After        string  `json:"after,omitempty"`
	Start        int64   `json:"start"`
	End          int64   `json:"end"`
	Rule         string  `json:"rule"`
	RulesVersion string  `json:"rules_version,omitempty"`
	Confidence   float64 `json:"confidence"`
	Article      Article `json:"article"`
}

// Article is where a piece of evidence was read.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
}

// Claim is a claim as the pages show it.
type Claim struct {
	ID            string     `json:"id"`
	Predicate     string     `json:"predicate"`
	Date          string     `json:"date,omitempty"`
	When          string     `json:"when,omitempty"`
	Confidence    float64    `json:"confidence"`
	Corroboration int64      `json:"corroboration"`
	Sources       int64      `json:"sources"`
	Langs         []string   `json:"langs"`
	Actors        []Ref      `json:"actors"`
	Targets       []Ref      `json:"targets"`
	Topics        []Ref      `json:"topics"`
	Speakers      []Ref      `json:"speakers"`
	Evidence      []Evidence `json:"evidence"`
}

// claimProjection returns, for each claim c, what Claim holds; at most
// $evidence pieces of evidence, and every language that reported it.
const claimProjection = `
RETURN c.id AS id, c.predicate AS predicate, c.date AS date, c.when AS when, c.confidence AS confidence,
       c.corroboration AS corroboration, c.sources AS sources,
       [(n)-[:HOLDS]->(c) | {id: n.id, name: n.name, kind: ` + kindCypher + `}] AS actors,
       [(c)-[:TARGETS]->(n) | {id: n.id, name: n.name, kind: ` + kindCypher + `}] AS targets,
       [(c)-[:ABOUT]->(n) | {id: n.id, name: n.name, kind: 'topic'}] AS topics,
       [(n:Person)-[:STATED]->(c) | {id: n.id, name: n.name, kind: 'person'}] AS speakers,
       [(c)-[:EVIDENCED_BY]->(a:Article) | a.lang] AS langs,
       [(c)-[e:EVIDENCED_BY]->(a:Article) | {text: e.sentence, start: e.start, end: e.end, context: e.context,
         context_start: e.context_start, rule: e.rule, rules_version: e.rules_version, confidence: e.confidence,
         id: a.id, url: a.url, title: a.title, lang: a.lang, source: a.source, published: a.published}][..$evidence] AS evidence`

func claimOf(m map[string]any) Claim {
	c := Claim{
		ID: str(m["id"]), Predicate: str(m["predicate"]), Date: str(m["date"]), When: str(m["when"]),
		Confidence: float(m["confidence"]), Corroboration: num(m["corroboration"]), Sources: num(m["sources"]),
		Actors: refsOf(m["actors"]), Targets: refsOf(m["targets"]), Topics: refsOf(m["topics"]), Speakers: refsOf(m["speakers"]),
		Langs: []string{}, Evidence: []Evidence{},
	}
	langs, _ := m["langs"].([]any)
	for _, l := range langs {
		if s := str(l); s != "" && !slices.Contains(c.Langs, s) {
			c.Langs = append(c.Langs, s)
		}
	}
	sort.Strings(c.Langs)
	evs, _ := m["evidence"].([]any)
	for _, v := range evs {
		e, _ := v.(map[string]any)
		ev := Evidence{
			Text: str(e["text"]), Start: num(e["start"]), End: num(e["end"]), Rule: str(e["rule"]),
			RulesVersion: str(e["rules_version"]), Confidence: float(e["confidence"]),
			Article: Article{ID: str(e["id"]), URL: str(e["url"]), Title: str(e["title"]), Lang: str(e["lang"]),
				Source: str(e["source"]), Published: timeString(e["published"])},
		}
		ev.Before, ev.After = around(str(e["context"]), e["context_start"], ev)
		c.Evidence = append(c.Evidence, ev)
	}
	// The earliest report first; the same day, by article.
	sort.Slice(c.Evidence, func(i, j int) bool {
		a, b := c.Evidence[i].Article, c.Evidence[j].Article
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.ID, b.ID)) < 0
	})
	return c
}

// around splits a sentence into what stands before and after the evidence
// span, from byte offsets; it gives nothing when they do not fit.
func around(context string, start any, ev Evidence) (string, string) {
	cs, ok := start.(int64)
	if context == "" || !ok {
		return "", ""
	}
	s, e := ev.Start-cs, ev.End-cs
	if s < 0 || e < s || e > int64(len(context)) || context[s:e] != ev.Text {
		return "", ""
	}
	before, after := context[:s], context[e:]
	if !utf8.ValidString(before) || !utf8.ValidString(after) {
		return "", ""
	}
	return before, after
}

// ClaimPage is a page of the claim explorer.
type ClaimPage struct {
	Claims []Claim `json:"claims"`
	// Next, when set, is the cursor of the following page.
	Next string `json:"next,omitempty"`
}

// evidencePerClaim bounds the evidence listed with each claim of a page.
const evidencePerClaim = 10

// claimWindow is how many of the newest claims (within the filter's dates,
// after the cursor) a page looks through first, walking the date index:
// when the filter keeps one claim in a thousand or more, the page is among
// them, and costs the same whatever the size of the graph.
const claimWindow = 20000

// Claims returns a page of the claims the filter matches, newest first
// (claims without a date last), after the cursor.
func (s *Store) Claims(ctx context.Context, f Filter, limit int, after *cursor) (ClaimPage, error) {
	page := ClaimPage{Claims: []Claim{}}
	dates, others, params := f.where()
	params["limit"] = int64(limit + 1)
	params["evidence"] = int64(evidencePerClaim)
	params["window"] = int64(claimWindow)
	var rows []map[string]any
	if after == nil || after.Dated {
		dated := append(slices.Clone(dates), "c.date IS NOT NULL")
		if after != nil {
			// The range lets the date index start at the cursor.
			dated = append(dated, "c.date <= date($afterDate)", "(c.date < date($afterDate) OR c.id > $afterID)")
			params["afterDate"], params["afterID"] = after.Date, after.ID
		}
		filter := ""
		if len(others) > 0 {
			filter = "\nWITH c WHERE " + strings.Join(others, "\n  AND ")
		}
		var err error
		rows, err = s.records(ctx, "claims", `
MATCH (c:Claim) WHERE `+strings.Join(dated, "\n  AND ")+`
WITH c ORDER BY c.date DESC, c.id LIMIT $window`+filter+`
WITH c LIMIT $limit`+claimProjection+`
ORDER BY date DESC, id`, params)
		if err != nil {
			return page, err
		}
		if len(rows) <= limit && len(others) > 0 {
			// Too few in the window: a filter that keeps few claims,
			// found from the node they have in common.
			rows, err = s.records(ctx, "claims", f.match(append(dated, others...))+`
WITH c ORDER BY c.date DESC, c.id LIMIT $limit`+claimProjection+`
ORDER BY date DESC, id`, params)
			if err != nil {
				return page, err
			}
		}
	}
	if len(rows) <= limit && !f.dated() {
		undated := append(slices.Clone(others), "c.date IS NULL")
		if after != nil && !after.Dated {
			undated = append(undated, "c.id > $afterID")
			params["afterID"] = after.ID
		}
		params["limit"] = int64(limit + 1 - len(rows))
		more, err := s.records(ctx, "claims", f.match(undated)+`
WITH c ORDER BY c.id LIMIT $limit`+claimProjection+`
ORDER BY id`, params)
		if err != nil {
			return page, err
		}
		rows = append(rows, more...)
	}
	for i, m := range rows {
		if i == limit {
			last := page.Claims[limit-1]
			page.Next = cursor{Dated: last.Date != "", Date: last.Date, ID: last.ID}.String()
			break
		}
		page.Claims = append(page.Claims, claimOf(m))
	}
	return page, nil
}

// ErrNotFound reports an id the graph does not hold.
var ErrNotFound = errors.New("not found")

// Claim returns one claim with all its evidence (at most 200 pieces).
func (s *Store) Claim(ctx context.Context, id string) (Claim, error) {
	rows, err := s.records(ctx, "claim", `MATCH (c:Claim {id: $id})`+claimProjection, map[string]any{"id": id, "evidence": int64(200)})
	if err != nil {
		return Claim{}, err
	}
	if len(rows) == 0 {
		return Claim{}, ErrNotFound
	}
	return claimOf(rows[0]), nil
}

// Filters are the values the filter controls offer.
type Filters struct {
	Predicates []string `json:"predicates"`
	Languages  []string `json:"languages"`
	Sources    []string `json:"sources"`
	// First and Last are the earliest and latest statement dates.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// filtersTTL is how long the filter values are reused: they change slowly
// and are asked for on every page.
const filtersTTL = time.Minute

// Filters returns the values the filter controls offer.
func (s *Store) Filters(ctx context.Context) (Filters, error) {
	s.mu.Lock()
	if s.filters != nil && s.now().Sub(s.filtAt) < filtersTTL {
		f := *s.filters
		s.mu.Unlock()
		return f, nil
	}
	s.mu.Unlock()
	f := Filters{Predicates: schemas.Predicates, Languages: []string{}, Sources: []string{}}
	rows, err := s.records(ctx, "languages", `MATCH (a:Article) WHERE a.lang IS NOT NULL RETURN DISTINCT a.lang AS v ORDER BY v`, nil)
	if err != nil {
		return f, err
	}
	for _, r := range rows {
		f.Languages = append(f.Languages, str(r["v"]))
	}
	rows, err = s.records(ctx, "sources", `MATCH (s:Source) RETURN s.id AS v ORDER BY v LIMIT 500`, nil)
	if err != nil {
		return f, err
	}
	for _, r := range rows {
		f.Sources = append(f.Sources, str(r["v"]))
	}
	rows, err = s.records(ctx, "dates", `
CALL () { MATCH (c:Claim) WHERE c.date IS NOT NULL RETURN c.date AS first ORDER BY c.date LIMIT 1 }
CALL () { MATCH (c:Claim) WHERE c.date IS NOT NULL RETURN c.date AS last ORDER BY c.date DESC LIMIT 1 }
RETURN first, last`, nil)
	if err != nil {
		return f, err
	}
	if len(rows) == 1 {
		f.First, f.Last = str(rows[0]["first"]), str(rows[0]["last"])
	}
	s.mu.Lock()
	s.filters, s.filtAt = &f, s.now()
	s.mu.Unlock()
	return f, nil
}

// Search finds entities by id or by the start of a name.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]Ref, error) {
	rows, err := s.records(ctx, "search", `
CALL () {
  MATCH (n:Entity {id: $q}) RETURN n, 0 AS rank
  UNION
  MATCH (n:Entity) WHERE n.name STARTS WITH $q RETURN n, 1 AS rank
  UNION
  MATCH (n:Entity) WHERE n.id STARTS WITH $q OR n.id STARTS WITH 'topic:' + $q OR n.id STARTS WITH 'org:' + $q RETURN n, 2 AS rank
}
WITH n, min(rank) AS rank ORDER BY rank, n.id LIMIT $limit
RETURN {id: n.id, name: n.name, kind: `+kindCypher+`} AS ref`, map[string]any{"q": q, "limit": int64(limit)})
	if err != nil {
		return nil, err
	}
	out := make([]Ref, 0, len(rows))
	for _, r := range rows {
		out = append(out, refOf(r["ref"]))
	}
	return out, nil
}
