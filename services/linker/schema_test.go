package linker_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// TestClaimEventsMatchTheClaimSchema checks every event the linker emits
// for the test corpus against schemas/json/claim.v1.json.
func TestClaimEventsMatchTheClaimSchema(t *testing.T) {
	schema, err := schemas.NewValidator(schemas.ClaimV1)
	if err != nil {
		t.Fatal(err)
	}
	sc := newScope()
	g := openGraph(t, sc, linker.WithGazetteer(roster{sc}))
	events, err := g.Write(context.Background(), sc.cookbook())
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 14 {
		t.Fatalf("%d events, want 14: one per claim and actor of the corpus", len(events))
	}
	for _, e := range events {
		if err := schema.Validate(e); err != nil {
			b, _ := json.Marshal(e)
			t.Errorf("event %s/%s does not match claim.v1: %v\n%s", e.ID, e.Actor, err, b)
		}
	}
}
