package linker_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// TestClaimEventsMatchTheClaimSchema checks every event the linker emits
// for the test corpus against schemas/json/claim.v1.json.
func TestClaimEventsMatchTheClaimSchema(t *testing.T) {
	raw, err := schemas.File(schemas.ClaimV1)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("claim.v1.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("claim.v1.json")
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
		b, _ := json.Marshal(e)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("event %s/%s does not match claim.v1: %v\n%s", e.ID, e.Actor, err, b)
		}
	}
}
