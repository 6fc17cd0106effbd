package linker_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// BenchmarkWrite writes b.N synthetic extractions (about ten claims each) in
// batches of linker.DefaultBatch, through the linker and through the floor (one bare
// UNWIND … MERGE per batch), and reports both rates.
func BenchmarkWrite(b *testing.B) {
	cfg := neo4jtest.Require(b)
	ctx := context.Background()
	g, err := linker.OpenGraph(ctx, linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database}, quiet())
	if err != nil {
		b.Fatal(err)
	}
	defer g.Close(ctx)
	if err := g.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	n := max(b.N, minWriteExtractions)
	xs := linker.SyntheticCorpus(n)
	b.ResetTimer()
	res, err := linker.BenchLink(ctx, g, xs, benchBatch)
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(res.LinkerRate, "claims/s")
	b.ReportMetric(res.FloorRate, "floor-claims/s")
	b.ReportMetric(100*res.Ratio, "%floor")
	b.Log(res)
}

// minWriteExtractions is the fewest extractions BenchmarkWrite writes,
// whatever b.N: docs/performance.md states it.
const minWriteExtractions = 256

// benchBatch is the number of extractions per transaction in BenchmarkWrite.
var benchBatch = linker.DefaultBatch

// TestBenchLinkLeavesTheRealGraphAsItWas runs the write benchmark over the
// very extractions already in the graph: its rows must meet none of the
// real claims (not even those between two states), and its clean-up must
// leave the real graph as it found it.
func TestBenchLinkLeavesTheRealGraphAsItWas(t *testing.T) {
	sc, g, xs := linkedCookbook(t)
	ctx := context.Background()
	// A claim between two states, with no topic: nothing in its id can
	// carry a bench token.
	between := schemas.Extraction{
		Schema: schemas.ExtractionV1, Doc: "between", ArticleID: sc.article("between"), Source: sc.source("mofa-en"),
		Date: "2024-04-01", Lang: "en", ExtractorVersion: "x-test-1", RulesVersion: "r-test-1",
		Entities: []schemas.Entity{{ID: "USA", Type: "country", Name: "Washington"}, {ID: sc.cn, Type: "country", Name: "Beijing"}},
		Claims: []schemas.Claim{{Predicate: "condemn", Actors: []string{"USA"}, Speakers: []string{}, Target: &sc.cn, Confidence: 0.9,
			Rule: "en.condemn", Evidence: schemas.Span{Text: "Washington condemned Beijing", Start: 0, End: 28}}},
	}
	xs = append(xs, between)
	if _, err := g.Write(ctx, []schemas.Extraction{between}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, g, sc)
	res, err := linker.BenchLink(ctx, g, xs, 4)
	if err != nil {
		t.Fatal(err)
	}
	if res.Claims == 0 || res.LinkerRate <= 0 || res.FloorRate <= 0 {
		t.Fatalf("bench measured nothing: %+v", res)
	}
	if after := dump(t, g, sc); after != before {
		t.Errorf("bench changed the real graph:\n--- before\n%s\n--- after\n%s", before, after)
	}
}

// TestThePerformanceNotesStateWhatTheWriteBenchmarkWrites: the paragraph of
// docs/performance.md on BenchmarkWrite names the number of extractions the
// benchmark writes, not another.
func TestThePerformanceNotesStateWhatTheWriteBenchmarkWrites(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "performance.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i := strings.Index(doc, "-bench Write")
	if i < 0 {
		t.Fatal("docs/performance.md says nothing of BenchmarkWrite (-bench Write)")
	}
	para := doc[i:]
	if j := strings.Index(para, "\n\n"); j >= 0 {
		para = para[:j]
	}
	want := fmt.Sprintf("max(b.N, %d) extractions", minWriteExtractions)
	if !strings.Contains(para, want) || regexp.MustCompile(`[0-9],?[0-9]{3} extractions`).MatchString(para) {
		t.Errorf("the paragraph on BenchmarkWrite should say %q and no other count:\n%s", want, para)
	}
}
