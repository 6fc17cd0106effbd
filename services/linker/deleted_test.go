package linker_test

import (
	"context"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// An entity that nothing refers to may be deleted (RemoveArticles drops
// such nodes) while a batch that names it waits for its lock: the batch is
// tried again and links a new node, instead of failing as bad input.
func TestAWriteSurvivesAnEntityDeletedUnderIt(t *testing.T) {
	sc := newScope()
	g := openGraph(t, sc)
	ctx := context.Background()
	cfg := neo4jtest.Require(t)
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	if _, _, err := g.Query(ctx, `MERGE (n:Country {id: $id}) SET n:Entity`, map[string]any{"id": sc.cn}); err != nil {
		t.Fatal(err)
	}
	// Another transaction deletes the lone node and holds on.
	s := d.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	tx, err := s.BeginTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close(ctx)
	if _, err := tx.Run(ctx, `MATCH (n:Country {id: $id}) WHERE NOT EXISTS { (n)--() } DELETE n`, map[string]any{"id": sc.cn}); err != nil {
		t.Fatal(err)
	}
	topic := sc.topic("deleted-under-it")
	x := schemas.Extraction{
		Schema: schemas.ExtractionV1, Doc: "deleted", ArticleID: sc.article("deleted"), Source: sc.source("s"), Date: "2024-01-02",
		Lang: "en", ExtractorVersion: "x-test-1", RulesVersion: "r-test-1",
		Entities: []schemas.Entity{{ID: sc.cn, Type: "country", Name: "Q"}, {ID: topic, Type: "topic", Name: "t"}},
		Claims: []schemas.Claim{{Predicate: "oppose", Actors: []string{sc.cn}, Speakers: []string{}, Topic: &topic,
			Evidence: schemas.Span{Text: "Q opposes t", Start: 0, End: 11}, Confidence: 0.9, Rule: "en.oppose.basic"}},
	}
	written := make(chan error, 1)
	go func() { _, err := g.Write(ctx, []schemas.Extraction{x}); written <- err }()
	// Once the batch waits for the node's lock, the deletion commits.
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, rows, err := g.Query(ctx, `SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*)`, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0].(int64) > 0 {
			break
		}
		select {
		case err := <-written:
			t.Fatalf("the write ended before the deletion committed: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the write never waited for the deleted node's lock")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-written; err != nil {
		t.Fatalf("the write failed: %v", err)
	}
	row := queryOne(t, g, `MATCH (n:Country {id: $id})-[:HOLDS]->(c:Claim)-[:ABOUT]->(:Topic {id: $topic}) RETURN count(c)`,
		map[string]any{"id": sc.cn, "topic": topic})
	if row[0] != int64(1) {
		t.Fatalf("claims linked to the re-created node: %v", row[0])
	}
}
