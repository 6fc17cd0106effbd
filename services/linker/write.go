package linker

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// maxEventEvidence bounds the evidence a claim event carries.
const maxEventEvidence = 20

// Write writes a batch of extractions in one managed write transaction
// (retried by the driver on transient errors) and returns the claim events
// to publish: one per claim of the batch and actor, with resolved ids, the
// claim's evidence and its corroboration count as committed.
//
// Extractions that carry an error are recorded as articles without claims.
// A later extraction of an article replaces what an earlier one said.
func (g *Graph) Write(ctx context.Context, xs []schemas.Extraction) ([]schemas.ClaimEvent, error) {
	for i := range xs {
		if err := plan.Validate(&xs[i]); err != nil {
			return nil, fmt.Errorf("extraction %d (%s): %w", i, plan.ArticleID(&xs[i]), err)
		}
	}
	p := plan.Build(xs, g.gaz)
	if len(p.Articles) == 0 {
		return nil, nil
	}
	s := g.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(context.WithoutCancel(ctx))
	events, err := neo4j.ExecuteWrite(ctx, s, func(tx neo4j.ManagedTransaction) ([]schemas.ClaimEvent, error) {
		events, err := writePlan(ctx, tx, &p)
		if err == nil && g.hook != nil {
			g.hook("written")
		}
		return events, err
	})
	if err != nil {
		return nil, g.classify(fmt.Errorf("writing %d articles, %d claims: %w", len(p.Articles), len(p.Claims), err))
	}
	return events, nil
}

func run(ctx context.Context, tx neo4j.ManagedTransaction, what, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return recs, nil
}

// writePlan runs the statements of one batch. It may be re-run by the
// driver and so has no effect outside tx.
func writePlan(ctx context.Context, tx neo4j.ManagedTransaction, p *plan.Plan) ([]schemas.ClaimEvent, error) {
	stances := map[string]bool{}
	derive := map[string]bool{}
	for _, c := range p.Claims {
		derive[c.ID] = true
	}

	// Evidence an earlier extraction of these articles gave and this one does not.
	recs, err := run(ctx, tx, "stale evidence", cypherStaleEvidence, map[string]any{"rows": staleRows(p)})
	if err != nil {
		return nil, err
	}
	var stale []any
	for _, r := range recs {
		v, _ := r.Get("stale")
		ids, _ := v.([]any)
		stale = append(stale, ids...)
	}
	if len(stale) > 0 {
		recs, err := run(ctx, tx, "orphan claims", cypherDropOrphans, map[string]any{"ids": stale})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			v, _ := r.Get("stances")
			ids, _ := v.([]any)
			for _, id := range ids {
				if s, ok := id.(string); ok {
					stances[s] = true
				}
			}
			if id, ok := r.Get("survivor"); ok {
				if s, ok := id.(string); ok && !derive[s] {
					derive[s] = false
				}
			}
		}
	}

	steps := []struct {
		what, cypher string
		rows         []any
	}{{"sources", cypherSources, stringsAny(p.Sources)}}
	for _, label := range plan.EntityLabels {
		steps = append(steps, struct {
			what, cypher string
			rows         []any
		}{label + " nodes", fmt.Sprintf(cypherNodes, label), nodeRows(p, label)})
	}
	steps = append(steps, []struct {
		what, cypher string
		rows         []any
	}{
		{"articles", cypherArticles, articleRows(p)},
		{"claims", cypherClaims, claimRows(p)},
		{"stances", cypherStances, stanceRows(p)},
	}...)
	for _, k := range edgeKinds {
		steps = append(steps, struct {
			what, cypher string
			rows         []any
		}{k.rel, k.cypher(), edgeRows(k.rows(p))})
	}
	steps = append(steps, []struct {
		what, cypher string
		rows         []any
	}{
		{"evidence", cypherEvidence, evidenceRows(p)},
		{"roles", cypherServesAs, servesRows(p)},
	}...)
	for _, st := range steps {
		if len(st.rows) == 0 {
			continue
		}
		if _, err := run(ctx, tx, st.what, st.cypher, map[string]any{"rows": st.rows}); err != nil {
			return nil, err
		}
	}

	ids := make([]string, 0, len(derive))
	for id := range derive {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rows := make([]any, len(ids))
	for i, id := range ids {
		rows[i] = map[string]any{"id": id, "emit": derive[id]}
	}
	var events []schemas.ClaimEvent
	if len(rows) > 0 {
		recs, err = run(ctx, tx, "claim figures", cypherDeriveClaims, map[string]any{"rows": rows, "maxEvidence": maxEventEvidence})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			events = append(events, claimEvents(r)...)
		}
	}
	for _, s := range p.Stances {
		stances[s.ID] = true
	}
	if len(stances) > 0 {
		sids := make([]string, 0, len(stances))
		for id := range stances {
			sids = append(sids, id)
		}
		sort.Strings(sids)
		if _, err := run(ctx, tx, "stance figures", cypherDeriveStances, map[string]any{"ids": stringsAny(sids)}); err != nil {
			return nil, err
		}
	}
	return events, nil
}

// claimEvents builds one event per actor from a claim-figures record.
func claimEvents(r *neo4j.Record) []schemas.ClaimEvent {
	m := r.AsMap()
	str := func(k string) string { s, _ := m[k].(string); return s }
	opt := func(k string) *string {
		if s, ok := m[k].(string); ok {
			return &s
		}
		return nil
	}
	list := func(k string) []string {
		out := []string{}
		vs, _ := m[k].([]any)
		for _, v := range vs {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	ev := schemas.ClaimEvent{
		Schema: schemas.ClaimV1, ID: str("id"), Predicate: str("predicate"),
		Actors: list("actors"), Speakers: list("speakers"),
		Target: opt("target"), Topic: opt("topic"), When: opt("when"),
		Evidence: []schemas.Evidence{},
	}
	if d, ok := m["date"].(dbtype.Date); ok {
		ev.Date = d.String()
	}
	ev.Confidence, _ = m["confidence"].(float64)
	if n, ok := m["corroboration"].(int64); ok {
		ev.Corroboration = int(n)
	}
	evs, _ := m["evidence"].([]any)
	for _, v := range evs {
		e, _ := v.(map[string]any)
		x := schemas.Evidence{}
		x.ArticleID, _ = e["article_id"].(string)
		x.URL, _ = e["url"].(string)
		x.Text, _ = e["text"].(string)
		x.Rule, _ = e["rule"].(string)
		if n, ok := e["start"].(int64); ok {
			x.Start = int(n)
		}
		if n, ok := e["end"].(int64); ok {
			x.End = int(n)
		}
		ev.Evidence = append(ev.Evidence, x)
	}
	out := make([]schemas.ClaimEvent, 0, len(ev.Actors))
	for _, a := range ev.Actors {
		e := ev
		e.Actor = a
		out = append(out, e)
	}
	return out
}

func stringsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func ptrString(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// dateParam turns YYYY-MM-DD into a Neo4j DATE, "" into null.
func dateParam(s string) any {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	return dbtype.Date(t)
}

func timeDate(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return dbtype.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

func staleRows(p *plan.Plan) []any {
	out := make([]any, len(p.Articles))
	for i, a := range p.Articles {
		out[i] = map[string]any{"id": a.ID, "claims": stringsAny(a.Claims), "mentions": stringsAny(a.Mentions)}
	}
	return out
}

func nodeRows(p *plan.Plan, label string) []any {
	var out []any
	for _, n := range p.Nodes {
		if n.Label != label {
			continue
		}
		var first any
		if len(n.Names) > 0 {
			first = n.Names[0]
		}
		out = append(out, map[string]any{
			"id": n.ID, "name": optString(n.Name), "first": first, "names": stringsAny(n.Names),
			"country": optString(n.Country), "role": optString(n.Role), "inferred": n.Inferred,
		})
	}
	return out
}

func articleRows(p *plan.Plan) []any {
	out := make([]any, len(p.Articles))
	for i, a := range p.Articles {
		var published any
		if a.Published != nil && !a.Published.IsZero() {
			published = a.Published.UTC()
		}
		out[i] = map[string]any{"id": a.ID, "props": map[string]any{
			"doc": optString(a.Doc), "source": optString(a.Source), "url": optString(a.URL), "title": optString(a.Title),
			"lang": optString(a.Lang), "published": published, "date": dateParam(a.Date),
			"extractor_version": optString(a.ExtractorVersion), "rules_version": optString(a.RulesVersion),
			"error_code": optString(a.ErrorCode), "error_message": optString(a.ErrorMessage),
			"claims": int64(len(a.Claims)),
		}}
	}
	return out
}

func claimRows(p *plan.Plan) []any {
	out := make([]any, len(p.Claims))
	for i, c := range p.Claims {
		out[i] = map[string]any{
			"id": c.ID, "predicate": c.Predicate, "actors": stringsAny(c.Actors),
			"target": ptrString(c.Target), "topic": ptrString(c.Topic), "date": dateParam(c.Date),
		}
	}
	return out
}

func stanceRows(p *plan.Plan) []any {
	out := make([]any, len(p.Stances))
	for i, s := range p.Stances {
		out[i] = map[string]any{"id": s.ID, "actor": s.Actor, "predicate": s.Predicate, "object": s.Object}
	}
	return out
}

func edgeRows(es []plan.Edge) []any {
	out := make([]any, len(es))
	for i, e := range es {
		out[i] = map[string]any{"from": e.From, "to": e.To}
	}
	return out
}

func evidenceRows(p *plan.Plan) []any {
	out := make([]any, len(p.Evidence))
	for i, e := range p.Evidence {
		out[i] = map[string]any{"claim": e.Claim, "article": e.Article, "props": map[string]any{
			"sentence": e.Sentence, "start": int64(e.Start), "end": int64(e.End), "spans": int64(e.Spans),
			"rule": e.Rule, "rules_version": optString(e.RulesVersion), "extractor_version": optString(e.ExtractorVersion),
			"lang": optString(e.Lang), "confidence": e.Confidence, "when": ptrString(e.When),
			"speakers": stringsAny(e.Speakers),
		}}
	}
	return out
}

func servesRows(p *plan.Plan) []any {
	out := make([]any, len(p.ServesAs))
	for i, s := range p.ServesAs {
		out[i] = map[string]any{
			"person": s.Person, "of": s.Of, "role": s.Role,
			"from": timeDate(s.From), "to": timeDate(s.To), "seen": dateParam(s.Seen),
		}
	}
	return out
}
