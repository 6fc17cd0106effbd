package linker

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
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
	var events []schemas.ClaimEvent
	var err error
	for attempt := 1; ; attempt++ {
		events, err = neo4j.ExecuteWrite(ctx, s, func(tx neo4j.ManagedTransaction) ([]schemas.ClaimEvent, error) {
			events, err := writePlan(ctx, tx, &p)
			if err == nil && g.hook != nil {
				g.hook("written")
			}
			return events, err
		})
		// A node the batch matched was deleted by another transaction
		// before this one could link it (RemoveArticles dropping an entity
		// nothing referred to): Neo4j calls that a client error, but the
		// batch is fine, and merges the node anew when tried again.
		if err == nil || !deletedMeanwhile(err) || attempt == 3 {
			break
		}
	}
	if err != nil {
		return nil, g.classify(fmt.Errorf("writing %d articles, %d claims: %w", len(p.Articles), len(p.Claims), err))
	}
	return events, nil
}

// deletedMeanwhile reports a statement that met a node or relationship
// another transaction deleted while this one waited for its lock.
func deletedMeanwhile(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Statement.EntityNotFound"
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
	derived := deriveClaims(p)
	recs, err := run(ctx, tx, "write", cypherWrite, map[string]any{"batch": writeParams(p, derived)})
	if err != nil {
		return nil, err
	}
	var stale, existing []any
	for _, r := range recs {
		v, _ := r.Get("stale")
		ids, _ := v.([]any)
		stale = append(stale, ids...)
		v, _ = r.Get("existing")
		ids, _ = v.([]any)
		existing = append(existing, ids...)
	}
	// Claims that existed get their figures recomputed from the graph and
	// their events read back; new ones have theirs from the batch.
	recompute := map[string]bool{}
	old := map[string]bool{}
	for _, id := range existing {
		if s, ok := id.(string); ok {
			recompute[s] = true
			old[s] = true
		}
	}
	if len(stale) > 0 {
		// A re-extraction dropped claims: delete those left without evidence.
		survivors, err := dropOrphans(ctx, tx, stale)
		if err != nil {
			return nil, err
		}
		for _, id := range survivors {
			recompute[id] = true
		}
	}
	var events []schemas.ClaimEvent
	if len(recompute) > 0 {
		recs, err = run(ctx, tx, "derive", cypherDerive, deriveParams(sortedAny(recompute), sortedAny(old)))
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			events = append(events, claimEvents(r)...)
		}
	}
	for _, c := range p.Claims {
		if !old[c.ID] {
			events = append(events, derived[c.ID].events(c)...)
		}
	}
	sort.Slice(events, func(i, j int) bool {
		return events[i].ID < events[j].ID || events[i].ID == events[j].ID && events[i].Actor < events[j].Actor
	})
	return events, nil
}

// dropOrphans deletes the claims among ids that no evidence is left for,
// recomputes the stance summaries they leave, and returns the ids of the
// claims that survive.
func dropOrphans(ctx context.Context, tx neo4j.ManagedTransaction, ids []any) ([]string, error) {
	recs, err := run(ctx, tx, "orphan claims", cypherDropOrphans, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	var stances []any
	var survivors []string
	for _, r := range recs {
		v, _ := r.Get("stances")
		sts, _ := v.([]any)
		stances = append(stances, sts...)
		if id, ok := r.Get("survivor"); ok {
			if s, ok := id.(string); ok {
				survivors = append(survivors, s)
			}
		}
	}
	if len(stances) > 0 {
		if _, err := run(ctx, tx, "stances", cypherRecomputeStances, map[string]any{"stances": stances}); err != nil {
			return nil, err
		}
	}
	return survivors, nil
}

// deriveParams are the parameters of cypherDerive: the claims whose figures
// to recompute, and those of them whose events to read back.
func deriveParams(claims, emit []any) map[string]any {
	if claims == nil {
		claims = []any{}
	}
	if emit == nil {
		emit = []any{}
	}
	return map[string]any{"batch": map[string]any{"claims": claims, "emit": emit}, "maxEvidence": maxEventEvidence}
}

// removeBatch is how many articles RemoveArticles deletes per transaction.
const removeBatch = 256

// RemoveArticles deletes articles with their evidence and mentions, as if
// they had never been linked: a claim left without evidence goes, so do
// entities and sources nothing refers to any more, and the figures of the
// claims and stance summaries they touched are recomputed from what
// remains. (Surface forms the articles added to an entity's names stay.)
// Ids the graph lacks are skipped. It returns how many articles it deleted.
func (g *Graph) RemoveArticles(ctx context.Context, ids []string) (int, error) {
	deleted := 0
	for i := 0; i < len(ids); i += removeBatch {
		chunk := stringsAny(ids[i:min(i+removeBatch, len(ids))])
		s := g.session(ctx, neo4j.AccessModeWrite)
		n, err := neo4j.ExecuteWrite(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
			recs, err := run(ctx, tx, "remove articles", cypherRemoveArticles, map[string]any{"ids": chunk})
			if err != nil {
				return 0, err
			}
			touched, named, sources := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, r := range recs {
				for key, set := range map[string]map[string]bool{"claims": touched, "entities": named, "sources": sources} {
					v, _ := r.Get(key)
					xs, _ := v.([]any)
					for _, x := range xs {
						if id, ok := x.(string); ok {
							set[id] = true
						}
					}
				}
			}
			if len(touched) > 0 {
				survivors, err := dropOrphans(ctx, tx, sortedAny(touched))
				if err != nil {
					return 0, err
				}
				if len(survivors) > 0 {
					if _, err := run(ctx, tx, "derive", cypherDerive, deriveParams(stringsAny(survivors), nil)); err != nil {
						return 0, err
					}
				}
			}
			if len(named)+len(sources) > 0 {
				params := map[string]any{"entities": sortedAny(named), "sources": sortedAny(sources)}
				if _, err := run(ctx, tx, "lone nodes", cypherDropLoneNodes, params); err != nil {
					return 0, err
				}
			}
			return len(recs), nil
		})
		s.Close(context.WithoutCancel(ctx))
		if err != nil {
			return deleted, g.classify(fmt.Errorf("removing articles: %w", err))
		}
		deleted += n
	}
	return deleted, nil
}

// figures are a claim's derived properties, computed from its evidence the
// way cypherDerive computes them from the graph.
type figures struct {
	corroboration, sources int
	confidence             float64
	text                   string
	first, last            *time.Time
	when                   *string
	evidence               []schemas.Evidence
	speakers               []string
}

func (f figures) props(c plan.Claim) map[string]any {
	var first, last, due any
	if f.first != nil {
		first, last = *f.first, *f.last
	}
	if f.when != nil {
		if y, err := strconv.Atoi((*f.when)[:4]); err == nil {
			due = int64(y)
		}
	}
	return map[string]any{
		"predicate": c.Predicate, "actors": stringsAny(c.Actors), "target": ptrString(c.Target), "topic": ptrString(c.Topic),
		"date": dateParam(c.Date), "corroboration": int64(f.corroboration), "sources": int64(f.sources),
		"confidence": f.confidence, "text": f.text, "first_seen": first, "last_seen": last,
		"when": ptrString(f.when), "due_year": due,
	}
}

func (f figures) events(c plan.Claim) []schemas.ClaimEvent {
	out := make([]schemas.ClaimEvent, 0, len(c.Actors))
	for _, a := range c.Actors {
		out = append(out, schemas.ClaimEvent{
			Schema: schemas.ClaimV1, ID: c.ID, Predicate: c.Predicate, Actor: a, Actors: slices.Clone(c.Actors),
			Speakers: slices.Clone(f.speakers), Target: c.Target, Topic: c.Topic, When: f.when, Date: c.Date,
			Confidence: f.confidence, Evidence: slices.Clone(f.evidence), Corroboration: f.corroboration,
		})
	}
	return out
}

// deriveClaims computes the figures of the batch's claims from the batch
// alone: right for the claims it creates, which have no other evidence.
func deriveClaims(p *plan.Plan) map[string]figures {
	arts := make(map[string]*plan.Article, len(p.Articles))
	for i := range p.Articles {
		arts[p.Articles[i].ID] = &p.Articles[i]
	}
	speakers := map[string][]string{}
	for _, e := range p.Stated {
		speakers[e.To] = append(speakers[e.To], e.From)
	}
	out := make(map[string]figures, len(p.Claims))
	sources := map[string]map[string]bool{}
	// p.Evidence is sorted by claim, then article: the first is the text.
	for _, e := range p.Evidence {
		f, seen := out[e.Claim]
		a := arts[e.Article]
		if !seen {
			f = figures{text: e.Sentence, confidence: e.Confidence, speakers: speakers[e.Claim], evidence: []schemas.Evidence{}}
			if f.speakers == nil {
				f.speakers = []string{}
			}
			sources[e.Claim] = map[string]bool{}
		}
		f.corroboration++
		f.confidence = max(f.confidence, e.Confidence)
		src := a.Source
		if src == "" {
			src = a.ID
		}
		sources[e.Claim][src] = true
		f.sources = len(sources[e.Claim])
		if a.Published != nil && !a.Published.IsZero() {
			t := a.Published.UTC()
			if f.first == nil || t.Before(*f.first) {
				f.first = &t
			}
			if f.last == nil || t.After(*f.last) {
				l := t
				f.last = &l
			}
		}
		if w := e.When; w != nil && (f.when == nil || len(*w) > len(*f.when) || len(*w) == len(*f.when) && *w < *f.when) {
			f.when = w
		}
		if len(f.evidence) < maxEventEvidence {
			f.evidence = append(f.evidence, schemas.Evidence{ArticleID: a.ID, URL: a.URL, Text: e.Sentence, Start: e.Start, End: e.End, Rule: e.Rule})
		}
		out[e.Claim] = f
	}
	return out
}

// writeParams are the row lists of the main statement. Rows refer to the
// batch's nodes by their position in the lists the statement builds as it
// merges them (entities in the order of plan.EntityLabels, then by id;
// sources, articles and claims in plan order), so that each node is looked
// up in its index once per batch, not once per relationship.
func writeParams(p *plan.Plan, derived map[string]figures) map[string]any {
	ix := newPositions(p)
	params := map[string]any{
		"articles": articleRows(p, ix), "sources": stringsAny(p.Sources), "claims": claimRows(p, derived, ix),
		"evidence": evidenceRows(p, ix), "roles": servesRows(p), "stated": statedRows(p, ix),
	}
	for _, label := range plan.EntityLabels {
		params["nodes"+label] = nodeRows(p, label)
	}
	return params
}

// positions maps ids to their place in the statement's node lists.
type positions struct {
	ents, srcs, arts, claims map[string]int
}

func newPositions(p *plan.Plan) positions {
	ix := positions{
		ents: make(map[string]int, len(p.Nodes)), srcs: make(map[string]int, len(p.Sources)),
		arts: make(map[string]int, len(p.Articles)), claims: make(map[string]int, len(p.Claims)),
	}
	for _, label := range plan.EntityLabels {
		for _, n := range p.Nodes {
			if n.Label == label {
				ix.ents[n.ID] = len(ix.ents)
			}
		}
	}
	for i, s := range p.Sources {
		ix.srcs[s] = i
	}
	for i, a := range p.Articles {
		ix.arts[a.ID] = i
	}
	for i, c := range p.Claims {
		ix.claims[c.ID] = i
	}
	return ix
}

// entities returns the positions of ids; plan.Build makes a node of every
// entity a batch refers to, so each has one.
func (ix positions) entities(ids ...string) []any {
	out := make([]any, 0, len(ids))
	for _, id := range ids {
		if k, ok := ix.ents[id]; ok {
			out = append(out, int64(k))
		}
	}
	return out
}

func sortedAny(set map[string]bool) []any {
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return stringsAny(ids)
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

func nodeRows(p *plan.Plan, label string) []any {
	out := []any{}
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

func articleRows(p *plan.Plan, ix positions) []any {
	out := make([]any, len(p.Articles))
	for i, a := range p.Articles {
		var published, src any
		if a.Published != nil && !a.Published.IsZero() {
			published = a.Published.UTC()
		}
		if k, ok := ix.srcs[a.Source]; ok {
			src = int64(k)
		}
		out[i] = map[string]any{"id": a.ID, "src": src, "claims": stringsAny(a.Claims), "mentions": stringsAny(a.Mentions), "mentioned": ix.entities(a.Mentions...), "props": map[string]any{
			"doc": optString(a.Doc), "source": optString(a.Source), "url": optString(a.URL), "title": optString(a.Title),
			"lang": optString(a.Lang), "published": published, "date": dateParam(a.Date),
			"extractor_version": optString(a.ExtractorVersion), "rules_version": optString(a.RulesVersion),
			"error_code": optString(a.ErrorCode), "error_message": optString(a.ErrorMessage),
			"claims": int64(len(a.Claims)),
		}}
	}
	return out
}

func claimRows(p *plan.Plan, derived map[string]figures, ix positions) []any {
	out := make([]any, len(p.Claims))
	for i, c := range p.Claims {
		holds := make([]any, 0, len(c.Actors))
		for _, a := range c.Actors {
			if k, ok := ix.ents[a]; ok {
				holds = append(holds, map[string]any{"e": int64(k), "key": a + "|" + c.Predicate + "|" + c.Object})
			}
		}
		var targets, topics []any
		if c.Target != nil {
			targets = ix.entities(*c.Target)
		}
		if c.Topic != nil {
			topics = ix.entities(*c.Topic)
		}
		var object any
		if k, ok := ix.ents[c.Object]; ok {
			object = int64(k)
		}
		out[i] = map[string]any{
			"id": c.ID, "predicate": c.Predicate, "holds": holds, "object": object,
			"targets": targets, "topics": topics, "props": derived[c.ID].props(c),
		}
	}
	return out
}

func statedRows(p *plan.Plan, ix positions) []any {
	out := make([]any, 0, len(p.Stated))
	for _, e := range p.Stated {
		if k, ok := ix.ents[e.From]; ok {
			out = append(out, map[string]any{"p": int64(k), "c": int64(ix.claims[e.To])})
		}
	}
	return out
}

func evidenceRows(p *plan.Plan, ix positions) []any {
	out := make([]any, len(p.Evidence))
	for i, e := range p.Evidence {
		out[i] = map[string]any{"c": int64(ix.claims[e.Claim]), "a": int64(ix.arts[e.Article]), "props": map[string]any{
			"sentence": e.Sentence, "start": int64(e.Start), "end": int64(e.End), "spans": spans(e.Spans),
			"context": optString(e.Context), "context_start": contextStart(e),
			"rule": e.Rule, "rules_version": optString(e.RulesVersion), "extractor_version": optString(e.ExtractorVersion),
			"confidence": e.Confidence, "when": ptrString(e.When),
		}}
	}
	return out
}

// contextStart is recorded with a context only.
func contextStart(e plan.Evidence) any {
	if e.Context == "" {
		return nil
	}
	return int64(e.ContextStart)
}

// spans is recorded only when a text states the claim more than once.
func spans(n int) any {
	if n <= 1 {
		return nil
	}
	return int64(n)
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
