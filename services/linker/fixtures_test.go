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

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
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

// linkedCookbook opens the graph for a new scope and writes the scope's
// cookbook corpus to it, as one clean run would.
func linkedCookbook(t *testing.T) (scope, *linker.Graph, []schemas.Extraction) {
	t.Helper()
	sc := newScope()
	g := openGraph(t, sc, linker.WithGazetteer(roster{sc}))
	xs := sc.cookbook()
	if _, err := g.Write(context.Background(), xs); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return sc, g, xs
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
		 DETACH DELETE c, a`,
		`MATCH (n:Source) WHERE n.id STARTS WITH $run DETACH DELETE n`,
		`MATCH (n:Entity) WHERE n.id CONTAINS $run OR n.id = $cn DETACH DELETE n`,
		`MATCH (r:Retraction) WHERE r.article STARTS WITH $run DELETE r`,
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
WITH collect(a) + collect(c) AS xs
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

// roster is the scope's gazetteer: three foreign ministers with their terms.
type roster struct{ sc scope }

func (r roster) roles() map[string]linker.Role {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	return map[string]linker.Role{
		r.sc.person("hayashi-yoshimasa"): {Key: "foreign-minister", Of: "JPN", From: d("2021-11-10"), To: d("2023-09-13")},
		r.sc.person("kamikawa-yoko"):     {Key: "foreign-minister", Of: "JPN", From: d("2023-09-13"), To: d("2024-10-01")},
		r.sc.person("cleverly-james"):    {Key: "foreign-minister", Of: "GBR", From: d("2022-09-06"), To: d("2023-11-13")},
	}
}

func (r roster) Label(id string) (string, bool) {
	names := map[string]string{
		r.sc.person("hayashi-yoshimasa"): "Yoshimasa Hayashi",
		r.sc.person("kamikawa-yoko"):     "Yoko Kamikawa",
		r.sc.person("cleverly-james"):    "James Cleverly",
	}
	if n, ok := names[id]; ok {
		return n, true
	}
	if strings.Contains(id, r.sc.run) || id == r.sc.cn {
		return "", false
	}
	// The real countries the corpus names keep their real names: other
	// tests (the dashboard's) share these nodes and read them.
	return realGazetteer.Label(id)
}

var realGazetteer = func() linker.Gazetteer {
	lx, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	return linker.Lexicon(lx)
}()

func (r roster) Names(id string) []string {
	if n, ok := r.Label(id); ok {
		return []string{n}
	}
	return nil
}

func (r roster) HoldersOf(key, of string, day time.Time) []string {
	var out []string
	for id, role := range r.roles() {
		if role.Key == key && role.Of == of && !day.Before(role.From) && !day.After(role.To) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

func (r roster) RolesOn(person string, day time.Time) []linker.Role {
	if role, ok := r.roles()[person]; ok && !day.Before(role.From) && !day.After(role.To) {
		return []linker.Role{role}
	}
	return nil
}

// cookbook is the corpus the cookbook queries run against: the statements of
// corpus and a dozen more, over 2023–2025.
func (s scope) cookbook() []schemas.Extraction {
	ext := func(id, lang, source, date string, ents []schemas.Entity, claims ...schemas.Claim) schemas.Extraction {
		return schemas.Extraction{
			Schema: schemas.ExtractionV1, Doc: id, ArticleID: s.article(id), Source: s.source(source),
			URL: "https://example.org/" + s.run + "/" + id, Published: day(date + "T08:00:00Z"), Date: date,
			Lang: lang, ExtractorVersion: "x-test-1", RulesVersion: "r-test-1", Entities: ents, Claims: claims,
		}
	}
	claim := func(pred string, actors []string, target, topic, when *string, ev string, speakers ...string) schemas.Claim {
		if speakers == nil {
			speakers = []string{}
		}
		return schemas.Claim{Predicate: pred, Actors: actors, Speakers: speakers, Target: target, Topic: topic, When: when,
			Evidence: schemas.Span{Text: ev, Start: 0, End: len(ev)}, Confidence: 0.8, Rule: lang(ev) + "." + pred}
	}
	cn := s.cn
	minister := schemas.Entity{ID: "m1", Type: "person", Name: "外相", Role: "foreign-minister", Country: "JPN"}
	grant := schemas.Entity{ID: "m2", Type: "person", Name: "Grant " + s.run, Role: "defence-minister", Country: "GBR"}
	country := func(id, name string) schemas.Entity { return schemas.Entity{ID: id, Type: "country", Name: name} }
	xs := s.corpus()
	xs = append(xs,
		ext("jp-cn-2023-05", "ja", "kyodo-ja", "2023-05-20",
			[]schemas.Entity{country("JPN", "日本"), country(cn, "中国"), minister},
			claim("call_on", []string{"JPN"}, &cn, ptr(s.topic("detainee-release")), nil, "外相は中国に対し邦人の早期解放を求めた", "m1")),
		ext("jp-cn-2024-03", "en", "kyodo-en", "2024-03-15",
			[]schemas.Entity{country("JPN", "Japan"), country(cn, "China"), {ID: s.person("kamikawa-yoko"), Type: "person", Name: "Kamikawa"}},
			claim("concern", []string{"JPN"}, &cn, ptr(s.topic("military-activity")), nil, "Foreign Minister Kamikawa expressed serious concern over China's military activities", s.person("kamikawa-yoko"))),
		ext("jp-cn-2024-09", "zh", "rfi-zh", "2024-09-20",
			[]schemas.Entity{country("JPN", "日本"), country(cn, "中国")},
			claim("oppose", []string{"JPN"}, &cn, ptr(s.topic("status-quo-change")), nil, "日方坚决反对中方以武力单方面改变现状")),
		ext("jp-cn-2024-10", "en", "kyodo-en", "2024-10-05",
			[]schemas.Entity{country("JPN", "Japan"), country(cn, "China")},
			claim("oppose", []string{"JPN"}, &cn, ptr(s.topic("status-quo-change")), nil, "Japan strongly opposes any unilateral attempt by China to change the status quo by force")),
		ext("uk-2023-03", "en", "mofa-en", "2023-03-02",
			[]schemas.Entity{country("GBR", "the UK"), {ID: s.person("cleverly-james"), Type: "person", Name: "James Cleverly"}},
			claim("concern", []string{"GBR"}, ptr(s.place("south-china-sea")), nil, nil, "Foreign Secretary James Cleverly voiced concern about the situation in the South China Sea", s.person("cleverly-james"))),
		ext("uk-2024-02", "en", "mofa-en", "2024-02-10",
			[]schemas.Entity{country("GBR", "Britain"), grant},
			claim("support", []string{"GBR"}, nil, ptr(s.topic("ukraine-sovereignty")), nil, "Defence Secretary Grant said Britain stands with Ukraine's sovereignty", "m2")),
		ext("uk-2024-05", "en", "rfi-en", "2024-05-02",
			[]schemas.Entity{country("GBR", "UK"), grant},
			claim("commit", []string{"GBR"}, nil, ptr(s.topic("ukraine-sovereignty")), ptr("2024"), "Grant pledged further support for Ukraine this year", "m2")),
		ext("g7-2025-04", "en", "mofa-en", "2025-04-03",
			[]schemas.Entity{{ID: s.org("g7"), Type: "org", Name: "G7"}, country(cn, "China")},
			claim("call_on", []string{s.org("g7")}, &cn, ptr(s.topic("market-access")), nil, "The G7 called on China to end unfair trade practices"),
			claim("commit", []string{s.org("g7")}, nil, ptr(s.topic("supply-chain-resilience")), ptr("2025-12"), "The G7 committed to agree a supply chain resilience plan by December 2025")),
		ext("us-2024-06", "en", "rfi-en", "2024-06-01",
			[]schemas.Entity{country("USA", "the United States")},
			claim("commit", []string{"USA"}, nil, ptr(s.topic("chip-export-controls")), ptr("2026"), "Washington will tighten chip export controls by 2026")),
		schemas.Extraction{Schema: schemas.ExtractionV1, Doc: "broken-ko", ArticleID: s.article("broken-ko"), Source: s.source("yonhap-ko"),
			Published: day("2024-07-01T08:00:00Z"), Lang: "ko", ExtractorVersion: "x-test-1", RulesVersion: "r-test-1",
			Entities: []schemas.Entity{}, Claims: []schemas.Claim{}, Error: &schemas.DocError{Code: "unsupported_language", Message: "no rules for ko"}},
	)
	return xs
}

func lang(s string) string {
	for _, r := range s {
		if r > 0x2E80 {
			return "cjk"
		}
	}
	return "en"
}
