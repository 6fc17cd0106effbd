package linker_test

import (
	"context"
	"testing"
)

func TestReadAnswersQueriesAndRefusesToWrite(t *testing.T) {
	sc := newScope()
	g := openGraph(t, sc)
	ctx := context.Background()
	if _, err := g.Write(ctx, sc.corpus()); err != nil {
		t.Fatal(err)
	}
	keys, rows, err := g.Read(ctx, `MATCH (t:Topic {id: $id})<-[:ABOUT]-(c:Claim) RETURN count(c) AS claims, min(c.date) AS first`,
		map[string]any{"id": sc.topic("economic-coercion")})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || keys[0] != "claims" || len(rows) != 1 || rows[0][0] != int64(1) || rows[0][1] != "2023-11-08" {
		t.Fatalf("keys %v, rows %v", keys, rows)
	}
	// A READ transaction cannot write, whatever the statement says.
	if _, _, err := g.Read(ctx, `CREATE (:Topic {id: $id})`, map[string]any{"id": sc.topic("written-by-a-reader")}); err == nil {
		t.Fatal("a write in a READ transaction succeeded")
	}
	_, rows, err = g.Query(ctx, `MATCH (t:Topic {id: $id}) RETURN count(t)`, map[string]any{"id": sc.topic("written-by-a-reader")})
	if err != nil || rows[0][0] != int64(0) {
		t.Fatalf("the refused write left %v nodes (%v)", rows, err)
	}
}
