package linker_test

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/internal/neo4jtest"
)

// scope names the ids of one test run, so that tests sharing the database
// with others touch only their own nodes: topics, places, organisations,
// persons, articles and sources carry the run token, and the country that
// claims target ("China" here) is a user-assigned ISO code (Q..) picked per
// run. Actor countries (GBR, JPN, USA) are real; claims stay unique because
// each has a scoped topic or target.
type scope struct {
	run string
	cn  string // stands for China
}

func newScope() scope {
	b := make([]byte, 2)
	_, _ = rand.Read(b)
	return scope{run: neo4jtest.Run(), cn: fmt.Sprintf("Q%c%c", 'M'+b[0]%14, 'A'+b[1]%26)}
}

func (s scope) topic(x string) string  { return "topic:" + s.run + "-" + x }
func (s scope) place(x string) string  { return "place:" + s.run + "-" + x }
func (s scope) org(x string) string    { return "org:" + s.run + "-" + x }
func (s scope) person(x string) string { return "person:" + s.run + "-" + x }
func (s scope) article(x string) string {
	return s.run + "-" + x
}
func (s scope) source(x string) string { return s.run + "-" + x }

func ptr(s string) *string { return &s }

func day(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// corpus is the test input: extractions, as the extractor would publish
// them, of short texts written for these tests. The first two are the
// Chinese and English reports of one statement.
func (s scope) corpus() []schemas.Extraction {
	ext := func(id, lang, source, published, date string, ents []schemas.Entity, claims ...schemas.Claim) schemas.Extraction {
		return schemas.Extraction{
			Schema: schemas.ExtractionV1, Doc: id, ArticleID: s.article(id), Source: s.source(source),
			URL: "https://example.org/" + s.run + "/" + id, Title: "title of " + id, Published: day(published), Date: date,
			Lang: lang, ExtractorVersion: "x-test-1", RulesVersion: "r-test-1", Entities: ents, Claims: claims,
		}
	}
	ent := func(id, typ, name string) schemas.Entity { return schemas.Entity{ID: id, Type: typ, Name: name} }
	claim := func(pred string, actors []string, target, topic, when *string, ev string, start int, conf float64, rule string, speakers ...string) schemas.Claim {
		if speakers == nil {
			speakers = []string{}
		}
		return schemas.Claim{Predicate: pred, Actors: actors, Speakers: speakers, Target: target, Topic: topic, When: when,
			Evidence: schemas.Span{Text: ev, Start: start, End: start + len(ev)}, Confidence: conf, Rule: rule}
	}
	coercion, csg, indo := s.topic("economic-coercion"), s.topic("carrier-strike-group-deployment"), s.place("indo-pacific")
	kamikawa, cleverly := s.person("kamikawa-yoko"), s.person("cleverly-james")
	zhText1 := "四位部长表示坚决反对经济胁迫"
	zhText2 := "英国计划2025年派遣航母打击群赴印太地区"
	enText1 := "The four Ministers firmly opposed economic coercion"
	enText2 := "the UK plans to deploy its Carrier Strike Group to the Indo-Pacific in 2025"
	return []schemas.Extraction{
		ext("2plus2-zh", "zh", "rfi-zh", "2023-11-09T10:00:00+08:00", "2023-11-08",
			[]schemas.Entity{ent("JPN", "country", "日本"), ent("GBR", "country", "英国"), ent(kamikawa, "person", "上川阳子"), ent(cleverly, "person", "克莱弗利")},
			claim("oppose", []string{"JPN", "GBR"}, nil, &coercion, nil, zhText1, 12, 0.9, "zh.oppose.basic", kamikawa, cleverly),
			claim("commit", []string{"GBR"}, &indo, &csg, ptr("2025"), zhText2, 40, 0.8, "zh.commit.plan"),
		),
		ext("2plus2-en", "en", "mofa-en", "2023-11-08T18:00:00Z", "2023-11-08",
			[]schemas.Entity{ent("GBR", "country", "United Kingdom"), ent("JPN", "country", "Japan"), ent(kamikawa, "person", "Yoko Kamikawa")},
			claim("oppose", []string{"GBR", "JPN"}, nil, &coercion, nil, enText1, 100, 0.95, "en.oppose.basic", kamikawa),
			claim("commit", []string{"GBR"}, &indo, &csg, ptr("2025"), enText2, 160, 0.85, "en.commit.plan"),
		),
		// A text that holds Cypher and quotes is stored as text.
		ext("injection", "en", "mofa-en", "2023-06-01T09:00:00Z", "",
			[]schemas.Entity{ent("USA", "country", "the United States"), ent(s.org("hamas"), "org", `Hamas"}) MATCH (n) DETACH DELETE n //`)},
			claim("condemn", []string{"USA"}, ptr(s.org("hamas")), nil, nil, `It said: "'; MATCH (n) DETACH DELETE n; //" and {x: $rows}`, 0, 0.7, "en.condemn.basic"),
		),
	}
}

// openGraph opens the shared Neo4j for a test, migrated, and removes the
// scope's nodes when the test ends.
func openGraph(t *testing.T, sc scope, opts ...linker.GraphOption) *linker.Graph {
	t.Helper()
	cfg := neo4jtest.Require(t)
	ctx := context.Background()
	g, err := linker.OpenGraph(ctx, linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database}, nil, opts...)
	if err != nil {
		t.Fatalf("OpenGraph: %v", err)
	}
	if err := g.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	t.Cleanup(func() {
		if err := cleanup(ctx, g, sc); err != nil {
			t.Errorf("cleanup: %v", err)
		}
		_ = g.Close(ctx)
	})
	return g
}

// cleanup deletes the nodes of a scope and nothing else.
func cleanup(ctx context.Context, g *linker.Graph, sc scope) error {
	stmts := []string{
		`MATCH (a:Article) WHERE a.id STARTS WITH $run
		 OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(a)
		 OPTIONAL MATCH (s:Stance)-[:INCLUDES]->(c)
		 DETACH DELETE s, c, a`,
		`MATCH (n:Source) WHERE n.id STARTS WITH $run DETACH DELETE n`,
		`MATCH (n:Entity) WHERE n.id CONTAINS $run OR n.id = $cn DETACH DELETE n`,
	}
	for _, st := range stmts {
		if _, _, err := g.Query(ctx, st, map[string]any{"run": sc.run, "cn": sc.cn}); err != nil {
			return err
		}
	}
	return nil
}

// dump is a canonical text of the scope's part of the graph: every node
// of the scope with its labels and properties, every relationship touching
// one with its properties, and the ids of the shared nodes they reach.
func dump(t *testing.T, g *linker.Graph, sc scope) string {
	t.Helper()
	ctx := context.Background()
	_, rows, err := g.Query(ctx, `
MATCH (a:Article) WHERE a.id STARTS WITH $run
OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(a)
OPTIONAL MATCH (s:Stance)-[:INCLUDES]->(c)
WITH collect(a) + collect(c) + collect(s) AS xs
OPTIONAL MATCH (n) WHERE (n:Entity OR n:Source) AND (n.id CONTAINS $run OR n.id = $cn)
WITH xs, collect(n) AS ns
WITH xs + ns AS all
UNWIND all AS x
WITH DISTINCT x
OPTIONAL MATCH (x)-[r]-(y)
RETURN x.id AS id, labels(x) AS labels, properties(x) AS props,
       collect(CASE WHEN r IS NULL THEN null ELSE [type(r), startNode(r).id, endNode(r).id, properties(r)] END) AS rels`,
		map[string]any{"run": sc.run, "cn": sc.cn})
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	var lines []string
	for _, r := range rows {
		labels := fmt.Sprint(r[1])
		lines = append(lines, fmt.Sprintf("node %v %s %s", r[0], sortedLabels(r[1]), canon(r[2])))
		_ = labels
		rels, _ := r[3].([]any)
		for _, rel := range rels {
			x, _ := rel.([]any)
			if len(x) != 4 {
				continue
			}
			lines = append(lines, fmt.Sprintf("rel %v %v->%v %s", x[0], x[1], x[2], canon(x[3])))
		}
	}
	sort.Strings(lines)
	return strings.Join(slices.Compact(lines), "\n")
}

func sortedLabels(v any) string {
	xs, _ := v.([]any)
	var ss []string
	for _, x := range xs {
		ss = append(ss, fmt.Sprint(x))
	}
	sort.Strings(ss)
	return strings.Join(ss, ":")
}

func canon(v any) string {
	b, err := json.Marshal(v) // maps marshal with sorted keys
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
