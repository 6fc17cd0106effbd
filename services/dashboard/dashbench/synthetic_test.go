package dashbench_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/diplograph/diplograph/services/dashboard"
	"github.com/diplograph/diplograph/services/dashboard/dashbench"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

func count(t *testing.T, g *linker.Graph, cypher string, params map[string]any) int64 {
	t.Helper()
	_, rows, err := g.Read(context.Background(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := rows[0][0].(int64)
	return n
}

// The synthetic graph has the shape the linker gives a graph (stance
// summaries that add up to the claims), the API answers every call on it,
// and removing it leaves nothing of it behind.
func TestASyntheticGraphIsShapedLikeTheLinkersAndLeavesNoTrace(t *testing.T) {
	cfg := neo4jtest.Require(t)
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	g, err := linker.OpenGraph(ctx, linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database}, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close(ctx) }) // after the removal below
	if err := g.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	syn := dashbench.NewSynthetic("zsyn"+neo4jtest.Run(), 3000)
	t.Cleanup(func() {
		if err := syn.Remove(ctx, g); err != nil {
			t.Errorf("removing the synthetic graph: %v", err)
		}
	})
	if err := syn.Write(ctx, g, nil); err != nil {
		t.Fatal(err)
	}
	p := map[string]any{"prefix": "claim:" + syn.Token + "-", "token": syn.Token}
	if n := count(t, g, `MATCH (c:Claim) WHERE c.id STARTS WITH $prefix RETURN count(c)`, p); n != 3000 {
		t.Fatalf("%d claims, want 3000", n)
	}
	held := count(t, g, `MATCH (a:Entity)-[:HOLDS]->(c:Claim) WHERE c.id STARTS WITH $prefix RETURN count(*)`, p)
	summed := count(t, g, `MATCH (a:Entity)-[s:STANCE]->() WHERE a.id STARTS WITH $token + ':' RETURN sum(s.count)`, p)
	if held == 0 || held != summed {
		t.Fatalf("stance summaries count %d claims, the actors hold %d", summed, held)
	}
	if n := count(t, g, `MATCH (c:Claim) WHERE c.id STARTS WITH $prefix AND NOT EXISTS { (c)-[:EVIDENCED_BY]->(:Article) } RETURN count(c)`, p); n != 0 {
		t.Fatalf("%d claims without evidence", n)
	}

	srv := &dashboard.Server{Store: dashboard.NewStore(g), Hub: dashboard.NewHub(quiet), Log: quiet}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	calls := dashbench.Calls(syn.TopActor(), syn.RareActor(), syn.TopTopic(), syn.Source(), "en", syn.LastYear())
	rs, err := dashbench.Measure(ctx, http.DefaultClient, ts.URL, calls, 2, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(calls) || rs[0].P95 <= 0 {
		t.Fatalf("results %+v", rs)
	}

	if err := syn.Remove(ctx, g); err != nil {
		t.Fatal(err)
	}
	left := count(t, g, `MATCH (n) WHERE n.id STARTS WITH $token OR n.id STARTS WITH 'claim:' + $token
  OR n.id STARTS WITH 'topic:' + $token OR n.id STARTS WITH 'person:' + $token RETURN count(n)`, p)
	if left != 0 {
		t.Fatalf("%d nodes of the synthetic graph left", left)
	}
}
