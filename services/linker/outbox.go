package linker

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/schemas"
)

// A claim that loses its last evidence is deleted in the transaction that
// removes the evidence, and the same transaction files its retraction as a
// (:Retraction) node in the outbox of the pipeline whose linker wrote it.
// The linker publishes its outbox after the commit and then empties it, so
// a crash between the two loses no retraction (the next linker of the
// pipeline publishes it) and publishes none twice (each message's id is
// derived from the node, and JetStream drops the duplicate of a retry).
// Outboxes are per pipeline because one graph may be written by more than
// one: a benchmark on an embedded NATS against the production graph files
// its retractions for its own subscribers, not for production's.

// PendingRetraction is one filed retraction: its key in the outbox and its
// events, one per actor of the claim.
type PendingRetraction struct {
	Key    string
	Events []schemas.ClaimRetraction
}

// EventID is the Nats-Msg-Id of one retraction event.
func (p PendingRetraction) EventID(e schemas.ClaimRetraction) string {
	return "retract-" + p.Key + "-" + schemas.Token(e.Actor)
}

const cypherPendingRetractions = `
MATCH (r:Retraction {outbox: $outbox})
WITH r ORDER BY r.time, r.id LIMIT $limit
RETURN r.id AS key, r.claim AS id, r.predicate AS predicate, r.actors AS actors, r.target AS target, r.topic AS topic,
       r.date AS date, r.reason AS reason, r.rules_version AS rules, r.extractor_version AS extractor, r.article AS article, r.time AS time`

// PendingRetractions returns up to limit retractions filed in outbox,
// oldest first.
func (g *Graph) PendingRetractions(ctx context.Context, outbox string, limit int) ([]PendingRetraction, error) {
	res, err := neo4j.ExecuteQuery(ctx, g.driver, cypherPendingRetractions, map[string]any{"outbox": outbox, "limit": int64(limit)},
		neo4j.EagerResultTransformer, g.queryOpts()...)
	if err != nil {
		return nil, g.classify(fmt.Errorf("reading filed retractions: %w", err))
	}
	out := make([]PendingRetraction, 0, len(res.Records))
	for _, r := range res.Records {
		m := r.AsMap()
		p := PendingRetraction{Key: str(m["key"])}
		base := schemas.ClaimRetraction{
			Schema: schemas.ClaimRetractedV1, ID: str(m["id"]), Predicate: str(m["predicate"]), Actors: stringsOf(m["actors"]),
			Target: optStr(m["target"]), Topic: optStr(m["topic"]), Reason: str(m["reason"]),
			RulesVersion: str(m["rules"]), ExtractorVersion: str(m["extractor"]), ArticleID: str(m["article"]),
		}
		if d, ok := m["date"].(dbtype.Date); ok {
			base.Date = d.String()
		}
		if t, ok := m["time"].(time.Time); ok {
			base.Time = t.UTC()
		}
		for _, a := range base.Actors {
			e := base
			e.Actor = a
			e.Actors = append([]string(nil), base.Actors...)
			p.Events = append(p.Events, e)
		}
		out = append(out, p)
	}
	return out, nil
}

// ClearRetractions empties the outbox of the retractions with these keys,
// once their events are published.
func (g *Graph) ClearRetractions(ctx context.Context, keys []string) error {
	_, err := neo4j.ExecuteQuery(ctx, g.driver, `UNWIND $keys AS key MATCH (r:Retraction {id: key}) DELETE r`,
		map[string]any{"keys": stringsAny(keys)}, neo4j.EagerResultTransformer, g.queryOpts()...)
	if err != nil {
		return g.classify(fmt.Errorf("clearing published retractions: %w", err))
	}
	return nil
}

// OutboxOf names the outbox of the pipeline whose streams js reaches: the
// creation time of its CLAIMS stream, which every linker of the pipeline
// sees alike and which no other pipeline shares.
func OutboxOf(ctx context.Context, js jetstream.JetStream) (string, error) {
	st, err := js.Stream(ctx, schemas.StreamClaims)
	if err != nil {
		return "", fmt.Errorf("stream %s: %w", schemas.StreamClaims, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return "", fmt.Errorf("stream %s: %w", schemas.StreamClaims, err)
	}
	return "claims-" + strconv.FormatInt(info.Created.UnixNano(), 36), nil
}

func optStr(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}
