package linker

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// maxEventEvidence bounds the evidence a claim event carries.
const maxEventEvidence = 20

// Write writes a batch of extractions (see Link; it files no retraction)
// and returns the claim events to publish.
func (g *Graph) Write(ctx context.Context, xs []schemas.Extraction) ([]schemas.ClaimEvent, error) {
	l, err := g.Link(ctx, xs, LinkOptions{})
	return l.Events, err
}

// LinkOptions adjust Link.
type LinkOptions struct {
	// Force[i] has xs[i] written even when the graph holds its extraction
	// already (a redelivered message, whose earlier write may have
	// committed without its events being published).
	Force []bool
	// Outbox names the outbox that retractions are filed in, for the
	// linker of one pipeline to publish (see PendingRetractions); empty,
	// none is filed.
	Outbox string
}

// Linked is what Link did.
type Linked struct {
	// Events are the claim events to publish: one per claim of the
	// written articles and actor, with resolved ids, the claim's evidence
	// and its corroboration count as committed.
	Events []schemas.ClaimEvent
	// Written, Restamped and Unchanged count the batch's articles: written
	// (new, or their extraction changed), restamped (the same extraction
	// from other rules or extractor versions: only those stamps were
	// updated) and left untouched.
	Written, Restamped, Unchanged int
	// Retracted counts the claims that lost their last evidence. Their
	// retractions wait in the graph's outbox (PendingRetractions).
	Retracted int
}

// Link writes a batch of extractions in one managed write transaction
// (retried by the driver on transient errors).
//
// An article's extraction replaces the one the graph holds for it: the
// evidence, mentions and speakers it no longer states are removed, a claim
// left without evidence is deleted and its retraction filed, and what the
// graph derives from them (corroboration, first and last seen, stance
// summaries, entity names, offices) is recomputed for what changed. The
// graph keeps a content hash of each article's extraction: an extraction
// with the hash the graph holds is not written at all (a version change
// alone updates the version stamps), unless opts.Force says it must be.
//
// Extractions that carry an error are recorded as articles without claims.
// When the batch holds several extractions of one article, the last wins.
func (g *Graph) Link(ctx context.Context, xs []schemas.Extraction, opts LinkOptions) (Linked, error) {
	for i := range xs {
		if err := plan.Validate(&xs[i]); err != nil {
			return Linked{}, fmt.Errorf("extraction %d (%s): %w", i, plan.ArticleID(&xs[i]), err)
		}
	}
	last := map[string]int{}
	forced := map[string]bool{}
	for i := range xs {
		id := plan.ArticleID(&xs[i])
		last[id] = i
		if i < len(opts.Force) && opts.Force[i] {
			forced[id] = true
		}
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	now := time.Now().UTC().Format(time.RFC3339Nano)
	s := g.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(context.WithoutCancel(ctx))
	// The hashes are read in the write transaction: one round trip more,
	// not a transaction more. A batch with nothing to write commits
	// without having written.
	var planned *plan.Plan
	var res Linked
	var err error
	for attempt := 1; ; attempt++ {
		res, err = neo4j.ExecuteWrite(ctx, s, func(tx neo4j.ManagedTransaction) (Linked, error) {
			var out Linked
			stored, err := storedArticles(ctx, tx, ids)
			if err != nil {
				return out, err
			}
			var write []schemas.Extraction
			var restamp []any
			changed := map[string]bool{}
			for _, id := range ids {
				x := &xs[last[id]]
				st, ok := stored[id]
				switch {
				case !ok:
					write = append(write, *x)
				case forced[id] || st.hash == "" || st.hash != plan.ContentHash(x):
					write = append(write, *x)
					changed[id] = true
				case st.rules != x.RulesVersion || st.extractor != x.ExtractorVersion:
					restamp = append(restamp, map[string]any{"id": id, "rules_version": optString(x.RulesVersion), "extractor_version": optString(x.ExtractorVersion)})
				default:
					out.Unchanged++
				}
			}
			out.Written, out.Restamped = len(write), len(restamp)
			if len(restamp) > 0 {
				if _, err := run(ctx, tx, "restamp", cypherRestamp, map[string]any{"rows": restamp}); err != nil {
					return out, err
				}
			}
			if len(write) > 0 {
				p := plan.Build(write, g.gaz)
				planned = &p
				w := &writer{tx: tx, p: &p, changed: changed, gaz: g.gaz, now: now, outbox: opts.Outbox}
				if err := w.write(ctx); err != nil {
					return out, err
				}
				out.Events, out.Retracted = w.events, w.retracted
			}
			if g.hook != nil && len(write)+len(restamp) > 0 {
				g.hook("written")
			}
			return out, nil
		})
		// A node the batch matched was deleted by another transaction
		// before this one could link it (a re-extraction or RemoveArticles
		// dropping an entity nothing referred to): Neo4j calls that a
		// client error, but the batch is fine, and merges the node anew
		// when tried again.
		if err == nil || !deletedMeanwhile(err) || attempt == 3 {
			break
		}
	}
	if err != nil {
		what := fmt.Sprintf("%d articles", len(ids))
		if planned != nil {
			what = fmt.Sprintf("%d articles, %d claims", len(planned.Articles), len(planned.Claims))
		}
		return Linked{}, g.classify(fmt.Errorf("writing %s: %w", what, err))
	}
	return res, nil
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

// writer runs the statements of one batch. It may be re-run by the driver
// and so has no effect outside tx.
type writer struct {
	tx      neo4j.ManagedTransaction
	p       *plan.Plan
	changed map[string]bool // articles the graph held with another extraction
	gaz     plan.Gazetteer
	now     string
	outbox  string

	events    []schemas.ClaimEvent
	retracted int
}

func (w *writer) write(ctx context.Context) error {
	p := w.p
	var before map[string]contribution
	if len(w.changed) > 0 {
		var err error
		if before, err = readContributions(ctx, w.tx, sortedAny(w.changed)); err != nil {
			return err
		}
	}
	derived := deriveClaims(p)
	recs, err := run(ctx, w.tx, "write", cypherWrite, map[string]any{"batch": writeParams(p, derived)})
	if err != nil {
		return err
	}
	var stale, existing []any
	for _, r := range recs {
		v, _ := r.Get("stale")
		pairs, _ := v.([]any)
		stale = append(stale, pairs...)
		v, _ = r.Get("existing")
		ids, _ := v.([]any)
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
	touched := map[string]bool{} // entities whose derived state may have changed
	deleted := map[string]bool{}
	if len(stale) > 0 {
		// A re-extraction dropped claims: delete those left without
		// evidence, filing their retractions.
		gone, survivors, err := dropOrphans(ctx, w.tx, w.orphanRows(stale), w.outbox, w.now)
		if err != nil {
			return err
		}
		for _, id := range survivors {
			recompute[id] = true
		}
		for _, c := range gone {
			deleted[c.id] = true
			for _, e := range c.refs {
				touched[e] = true
			}
		}
		w.retracted = len(gone)
	}
	if len(w.changed) > 0 {
		claims := map[string]bool{}
		for _, a := range p.Articles {
			if !w.changed[a.ID] {
				continue
			}
			for _, id := range a.Claims {
				claims[id] = true
			}
			for _, id := range formChanges(before[a.ID].forms, a.Forms) {
				touched[id] = true
			}
		}
		for _, c := range before {
			for _, id := range c.claims {
				claims[id] = true
			}
		}
		for id := range deleted {
			delete(claims, id)
		}
		dropped, err := recomputeStated(ctx, w.tx, sortedAny(claims))
		if err != nil {
			return err
		}
		for _, id := range dropped {
			touched[id] = true
		}
	}
	if len(touched) > 0 {
		if err := recomputeEntities(ctx, w.tx, touched, w.gaz); err != nil {
			return err
		}
	}
	if len(recompute) > 0 {
		recs, err = run(ctx, w.tx, "derive", cypherDerive, deriveParams(sortedAny(recompute), sortedAny(old)))
		if err != nil {
			return err
		}
		for _, r := range recs {
			w.events = append(w.events, claimEvents(r)...)
		}
	}
	for _, c := range p.Claims {
		if !old[c.ID] {
			w.events = append(w.events, derived[c.ID].events(c)...)
		}
	}
	sort.Slice(w.events, func(i, j int) bool {
		return w.events[i].ID < w.events[j].ID || w.events[i].ID == w.events[j].ID && w.events[i].Actor < w.events[j].Actor
	})
	return nil
}

// orphanRows turns the (claim, article) pairs of evidence a re-extraction
// removed into one row per claim, naming the article (the least id) and
// the rules whose extraction removed it: the reason of a retraction.
func (w *writer) orphanRows(stale []any) []any {
	arts := make(map[string]*plan.Article, len(w.p.Articles))
	for i := range w.p.Articles {
		arts[w.p.Articles[i].ID] = &w.p.Articles[i]
	}
	by := map[string]string{}
	for _, v := range stale {
		m, _ := v.(map[string]any)
		c, _ := m["claim"].(string)
		a, _ := m["article"].(string)
		if c == "" {
			continue
		}
		if prev, ok := by[c]; !ok || a < prev {
			by[c] = a
		}
	}
	ids := make([]string, 0, len(by))
	for c := range by {
		ids = append(ids, c)
	}
	sort.Strings(ids)
	rows := make([]any, len(ids))
	for i, c := range ids {
		row := map[string]any{"id": c, "article": by[c], "rules_version": nil, "extractor_version": nil}
		if a := arts[by[c]]; a != nil {
			row["rules_version"], row["extractor_version"] = optString(a.RulesVersion), optString(a.ExtractorVersion)
		}
		rows[i] = row
	}
	return rows
}

// deletedClaim is a claim dropOrphans deleted: its id and the entities it
// referred to (actors, target, topic, speakers).
type deletedClaim struct {
	id   string
	refs []string
}

// dropOrphans deletes the claims among rows ({id, article, rules_version,
// extractor_version}) that no evidence is left for, filing their
// retractions in outbox unless it is empty, recomputes the stance
// summaries they leave, and returns them and the claims that survive.
func dropOrphans(ctx context.Context, tx neo4j.ManagedTransaction, rows []any, outbox, now string) ([]deletedClaim, []string, error) {
	recs, err := run(ctx, tx, "orphan claims", cypherDropOrphans, map[string]any{
		"rows": rows, "outbox": outbox, "time": now, "reason": schemas.RetractedNoEvidence,
	})
	if err != nil {
		return nil, nil, err
	}
	var stances []any
	var gone []deletedClaim
	var survivors []string
	for _, r := range recs {
		if id, ok := r.Get("survivor"); ok {
			if s, ok := id.(string); ok {
				survivors = append(survivors, s)
			}
		}
		v, _ := r.Get("deleted")
		c, ok := v.(map[string]any)
		if !ok {
			continue
		}
		d := deletedClaim{}
		d.id, _ = c["id"].(string)
		pred, _ := c["predicate"].(string)
		object := ""
		for _, k := range []string{"topic", "target"} { // the target wins, as in plan.Claim.Object
			if s, ok := c[k].(string); ok {
				d.refs = append(d.refs, s)
				object = s
			}
		}
		for _, k := range []string{"actors", "speakers"} {
			xs, _ := c[k].([]any)
			for _, x := range xs {
				if s, ok := x.(string); ok {
					d.refs = append(d.refs, s)
					if k == "actors" {
						stances = append(stances, map[string]any{"actor": s, "predicate": pred, "object": object})
					}
				}
			}
		}
		gone = append(gone, d)
	}
	if len(stances) > 0 {
		if _, err := run(ctx, tx, "stances", cypherRecomputeStances, map[string]any{"stances": stances}); err != nil {
			return nil, nil, err
		}
	}
	return gone, survivors, nil
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
				rows := make([]any, 0, len(touched))
				for _, id := range sortedAny(touched) {
					rows = append(rows, map[string]any{"id": id})
				}
				// Articles removed, not re-read: no retraction is filed.
				_, survivors, err := dropOrphans(ctx, tx, rows, "", time.Now().UTC().Format(time.RFC3339Nano))
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
	stated := statedProps(p)
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
			"claims": int64(len(a.Claims)), "extraction_hash": optString(a.Hash),
			"forms": formsProp(a.Forms), "stated": stated[a.ID],
		}}
	}
	return out
}

// An article keeps, as two lists of strings, what the graph derives from
// it together with other articles (see supersede.go): forms, one entry per
// mentioned entity, "id␟names␟country␟role␟offices" (lists joined by ␞),
// and stated, one entry per claim and speaker, "claim␟person". Properties
// of the article rather than of its MENTIONS and EVIDENCED_BY relationships,
// because a relationship with properties costs a property record of its own
// (the linker wrote a tenth fewer claims a second with them).
const (
	unitSep   = "\x1f"
	recordSep = "\x1e"
)

func formEntry(f plan.Form) string {
	return strings.Join([]string{f.ID, strings.Join(f.Names, recordSep), f.Country, f.Role, strings.Join(f.Serves, recordSep)}, unitSep)
}

func formsProp(fs []plan.Form) []any {
	out := make([]any, len(fs))
	for i, f := range fs {
		out[i] = formEntry(f)
	}
	return out
}

// parseForm reads an entry of an article's forms.
func parseForm(s string) plan.Form {
	parts := strings.Split(s, unitSep)
	for len(parts) < 5 {
		parts = append(parts, "")
	}
	list := func(s string) []string {
		if s == "" {
			return []string{}
		}
		return strings.Split(s, recordSep)
	}
	return plan.Form{ID: parts[0], Names: list(parts[1]), Country: parts[2], Role: parts[3], Serves: list(parts[4])}
}

// statedProps lists, per article, who it names as stating each of its claims.
func statedProps(p *plan.Plan) map[string][]any {
	out := make(map[string][]any, len(p.Articles))
	for _, a := range p.Articles {
		out[a.ID] = []any{}
	}
	for _, e := range p.Evidence {
		for _, s := range e.Speakers {
			out[e.Article] = append(out[e.Article], e.Claim+unitSep+s)
		}
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
