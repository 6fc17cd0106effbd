package linker_test

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

// BenchmarkWrite writes b.N synthetic extractions (about ten claims each) in
// batches of 64, through the linker and through the floor (one bare
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
	n := max(b.N, 256)
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

// benchBatch is the number of extractions per transaction in BenchmarkWrite.
var benchBatch = 64
