package linker_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

func queryOne(t *testing.T, g *linker.Graph, cypher string, params map[string]any) []any {
	t.Helper()
	_, rows, err := g.Query(context.Background(), cypher, params)
	if err != nil {
		t.Fatalf("query %s: %v", cypher, err)
	}
	if len(rows) != 1 {
		t.Fatalf("query %s: %d rows, want 1: %v", cypher, len(rows), rows)
	}
	return rows[0]
}

func TestWriteMergesTheChineseAndEnglishReportsOfOneStatement(t *testing.T) {
	sc := newScope()
	g := openGraph(t, sc)
	ctx := context.Background()
	xs := sc.corpus()
	events, err := g.Write(ctx, xs)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	coercion := sc.topic("economic-coercion")
	id := linker.ClaimID([]string{"JPN", "GBR"}, "oppose", nil, &coercion, "2023-11-08")
	row := queryOne(t, g, `
MATCH (c:Claim {id: $id})-[e:EVIDENCED_BY]->(a:Article)
WITH c, count(e) AS evidence, collect(a.lang) AS langs
MATCH (x)-[:HOLDS]->(c)
WITH c, evidence, langs, collect(x.id) AS holders
RETURN evidence, c.corroboration, c.sources, size(holders), c.predicate, c.date, c.text`, map[string]any{"id": id})
	if row[0] != int64(2) || row[1] != int64(2) || row[2] != int64(2) || row[3] != int64(2) || row[4] != "oppose" || row[5] != "2023-11-08" {
		t.Errorf("claim %s: evidence, corroboration, sources, holders, predicate, date = %v", id, row)
	}
	// One Claim node for the pair, not two.
	row = queryOne(t, g, `MATCH (c:Claim)-[:ABOUT]->(:Topic {id: $topic}) RETURN count(DISTINCT c)`, map[string]any{"topic": coercion})
	if row[0] != int64(1) {
		t.Errorf("claims about %s: %v, want 1", coercion, row[0])
	}

	var gbr []schemas.ClaimEvent
	for _, e := range events {
		if !strings.HasPrefix(e.ID, "claim:") || len(e.ID) != 38 {
			t.Errorf("event id %q", e.ID)
		}
		if e.Actor == "GBR" {
			gbr = append(gbr, e)
		}
		if e.ID == id && e.Corroboration != 2 {
			t.Errorf("event for %s/%s: corroboration %d, want 2", e.ID, e.Actor, e.Corroboration)
		}
		if len(e.Evidence) == 0 || e.Speakers == nil || e.Actors == nil {
			t.Errorf("event %s/%s lacks evidence, speakers or actors: %+v", e.ID, e.Actor, e)
		}
	}
	if len(events) != 4 || len(gbr) != 2 {
		t.Errorf("got %d events (%d for GBR), want 4 (oppose for JPN and GBR, commit for GBR, condemn for USA), 2 for GBR", len(events), len(gbr))
	}

	// A text holding Cypher and quotes is stored as it stands.
	inj := xs[2].Claims[0].Evidence.Text
	row = queryOne(t, g, `MATCH (c:Claim)-[e:EVIDENCED_BY]->(:Article {id: $a}) RETURN e.sentence, c.text`, map[string]any{"a": sc.article("injection")})
	if row[0] != inj || row[1] != inj {
		t.Errorf("injection text stored as %q / %q, want %q", row[0], row[1], inj)
	}
	row = queryOne(t, g, `MATCH (n:Organization {id: $id}) RETURN n.name`, map[string]any{"id": sc.org("hamas")})
	if row[0] != xs[2].Entities[1].Name {
		t.Errorf("organisation name %v: want the surface form with Cypher in it, stored as text", row[0])
	}

	// Writing the same batch again changes nothing.
	before := dump(t, g, sc)
	if _, err := g.Write(ctx, xs); err != nil {
		t.Fatalf("second Write: %v", err)
	}
	for i := range xs { // and again, one by one, in reverse order
		if _, err := g.Write(ctx, xs[len(xs)-1-i:len(xs)-i]); err != nil {
			t.Fatalf("Write one: %v", err)
		}
	}
	if after := dump(t, g, sc); after != before {
		t.Errorf("graph changed on replay:\n--- before\n%s\n--- after\n%s", before, after)
	}
}

// TestRemovedArticlesLeaveTheGraphAsBefore links two more articles, one
// corroborating a claim the graph holds and one stating a claim of its own,
// then removes them: the graph is the one before, figures and stance
// summaries included.
func TestRemovedArticlesLeaveTheGraphAsBefore(t *testing.T) {
	sc, g, xs := linkedCookbook(t)
	ctx := context.Background()
	before := dump(t, g, sc)
	again := xs[1] // the English report of the 2+2 statement, from another outlet
	again.Doc, again.ArticleID, again.Source = "again", sc.article("again"), sc.source("other-en")
	again.Published = day("2023-11-10T08:00:00Z")
	own := xs[len(xs)-2] // a US commitment, restated with a new topic
	own.Doc, own.ArticleID = "own", sc.article("own")
	own.Claims = slices.Clone(own.Claims)
	own.Claims[0].Topic = ptr(sc.topic("new-topic"))
	if _, err := g.Write(ctx, []schemas.Extraction{again, own}); err != nil {
		t.Fatal(err)
	}
	if mid := dump(t, g, sc); mid == before {
		t.Fatal("the two articles changed nothing")
	}
	n, err := g.RemoveArticles(ctx, []string{sc.article("again"), sc.article("own"), sc.article("never-linked")})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("removed %d articles, want 2", n)
	}
	if after := dump(t, g, sc); after != before {
		t.Errorf("graph after removal differs:\n--- before\n%s\n--- after\n%s", before, after)
	}
}
