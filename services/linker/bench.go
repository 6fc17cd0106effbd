package linker

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// BenchResult compares the linker's write path with a floor measured in
// the same run: the same rows, one per claim report, written by one bare
// UNWIND … MERGE statement per batch — the claim, the article and the
// EVIDENCED_BY relationship with the properties the linker stores on them,
// and HOLDS, TARGETS and ABOUT to the actors, target and topic — with no
// other logic: no person resolution, mentions, sources, roles, stance
// summaries, derived figures, re-extraction clean-up or event read-back.
type BenchResult struct {
	Extractions int           // extractions written
	Claims      int           // claim reports (claim × article) written
	Batches     int           // transactions per run
	Batch       int           // extractions per batch
	Linker      time.Duration // time of Graph.Write over all batches
	Floor       time.Duration // time of the floor over all batches
	LinkerRate  float64       // claim reports per second, linker
	FloorRate   float64       // claim reports per second, floor
	Ratio       float64       // LinkerRate / FloorRate
}

// String reports both rates and their ratio on one line.
func (r BenchResult) String() string {
	return fmt.Sprintf("%d extractions, %d claim reports, %d batches of %d: linker %.0f claims/s (%v), floor %.0f claims/s (%v), %.0f %% of the floor",
		r.Extractions, r.Claims, r.Batches, r.Batch, r.LinkerRate, r.Linker.Round(time.Millisecond), r.FloorRate, r.Floor.Round(time.Millisecond), 100*r.Ratio)
}

const cypherFloor = `
UNWIND $rows AS r
MERGE (c:Claim {id: r.claim}) SET c += r.claimProps
MERGE (a:Article {id: r.article}) SET a += r.articleProps
MERGE (c)-[e:EVIDENCED_BY]->(a) SET e += r.evidenceProps
FOREACH (x IN r.actors | MERGE (n:Entity {id: x}) MERGE (n)-[:HOLDS]->(c))
FOREACH (x IN r.targets | MERGE (n:Entity {id: x}) MERGE (c)-[:TARGETS]->(n))
FOREACH (x IN r.topics | MERGE (n:Entity {id: x}) MERGE (c)-[:ABOUT]->(n))`

// BenchLink writes xs to the graph in batches of batch extractions, once
// through the linker's write path and once through the floor, and reports
// both rates. Its data are kept apart from the real graph (every id it
// writes, but country codes, carries a bench token) and deleted afterwards,
// and the stance summaries of the real graph it touched are recomputed.
func BenchLink(ctx context.Context, g *Graph, xs []schemas.Extraction, batch int) (res BenchResult, err error) {
	if batch <= 0 {
		batch = DefaultBatch
	}
	token := benchToken()
	ours := Rebrand(xs, token)
	floorRows := floorBatches(ours, batch, "floor-"+token)
	res = BenchResult{Extractions: len(xs), Batch: batch}
	for _, rows := range floorRows {
		res.Claims += len(rows)
	}
	// A bench that cannot remove its data says so: the real graph must not
	// keep them.
	defer func() {
		if cerr := benchCleanup(context.WithoutCancel(ctx), g, token); cerr != nil {
			err = errors.Join(err, fmt.Errorf("bench cleanup %s: %w", token, cerr))
		}
	}()

	// Warm both paths up (query plans, caches) on data of their own.
	warm := token + "w"
	defer func() {
		if cerr := benchCleanup(context.WithoutCancel(ctx), g, warm); cerr != nil {
			err = errors.Join(err, fmt.Errorf("bench cleanup %s: %w", warm, cerr))
		}
	}()
	wxs := Rebrand(SyntheticCorpus(2*batch), warm)
	for _, rows := range floorBatches(wxs, batch, "floor-"+warm) {
		if _, err := neo4j.ExecuteQuery(ctx, g.driver, cypherFloor, map[string]any{"rows": rows}, neo4j.EagerResultTransformer, g.queryOpts()...); err != nil {
			return res, g.classify(fmt.Errorf("floor warm-up: %w", err))
		}
	}
	wg := g.rebranded(warm)
	for i := 0; i < len(wxs); i += batch {
		if _, err := wg.Write(ctx, wxs[i:min(i+batch, len(wxs))]); err != nil {
			return res, err
		}
	}

	bg := g.rebranded(token)
	// Floor and linker batches alternate, so that a load spike on a shared
	// machine slows both alike.
	for i, rows := range floorRows {
		start := time.Now()
		if _, err := neo4j.ExecuteQuery(ctx, g.driver, cypherFloor, map[string]any{"rows": rows}, neo4j.EagerResultTransformer, g.queryOpts()...); err != nil {
			return res, g.classify(fmt.Errorf("floor batch: %w", err))
		}
		res.Floor += time.Since(start)
		start = time.Now()
		if _, err := bg.Write(ctx, ours[i*batch:min((i+1)*batch, len(ours))]); err != nil {
			return res, err
		}
		res.Linker += time.Since(start)
		res.Batches++
	}
	res.LinkerRate = float64(res.Claims) / res.Linker.Seconds()
	res.FloorRate = float64(res.Claims) / res.Floor.Seconds()
	res.Ratio = res.LinkerRate / res.FloorRate
	return res, nil
}

func benchToken() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "bench" + hex.EncodeToString(b)
}

// benchShift is how far back Rebrand moves statement dates: far enough
// that no real claim has them.
const benchShift = 1000

// brand puts a bench token into ids, and takes it out again.
type brand string

// id rebrands an entity, article or source id; country codes stay, since
// they cannot carry a token.
func (b brand) id(id string) string {
	if l, ok := plan.LabelOf(id); ok && l == plan.Country || id == "" {
		return id
	}
	if p, rest, ok := strings.Cut(id, ":"); ok {
		return p + ":" + string(b) + "-" + rest
	}
	return string(b) + "-" + id
}

// real is the id b.id was given.
func (b brand) real(id string) string {
	if p, rest, ok := strings.Cut(id, ":"); ok {
		if r, ok := strings.CutPrefix(rest, string(b)+"-"); ok {
			return p + ":" + r
		}
	}
	return strings.TrimPrefix(id, string(b)+"-")
}

// Rebrand returns copies of xs that share nothing with the real graph: their
// ids (articles, sources, organisations, persons, places, topics; not
// country codes) and the names of the persons they mention carry token, and
// their statement dates lie a thousand years back, so that their claims,
// whose ids follow from actors, target, topic and date, meet no real claim,
// not even one between two states.
func Rebrand(xs []schemas.Extraction, token string) []schemas.Extraction {
	b := brand(token)
	reAll := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = b.id(id)
		}
		return out
	}
	reP := func(p *string) *string {
		if p == nil {
			return nil
		}
		s := b.id(*p)
		return &s
	}
	out := make([]schemas.Extraction, len(xs))
	for i, x := range xs {
		if d := plan.StatementDate(&x); d != "" {
			y, _ := strconv.Atoi(d[:4])
			x.Date = fmt.Sprintf("%04d%s", y-benchShift, d[4:])
		}
		x.Doc = token + "-" + x.Doc
		if x.ArticleID != "" {
			x.ArticleID = token + "-" + x.ArticleID
		}
		if x.Source != "" {
			x.Source = token + "-" + x.Source
		}
		ents := make([]schemas.Entity, len(x.Entities))
		for j, e := range x.Entities {
			e.ID = b.id(e.ID)
			if e.Type == "person" && e.Name != "" {
				e.Name = token + " " + e.Name
			}
			ents[j] = e
		}
		x.Entities = ents
		claims := make([]schemas.Claim, len(x.Claims))
		for j, c := range x.Claims {
			c.Actors, c.Speakers = reAll(c.Actors), reAll(c.Speakers)
			c.Target, c.Topic = reP(c.Target), reP(c.Topic)
			claims[j] = c
		}
		x.Claims = claims
		out[i] = x
	}
	return out
}

// benchGazetteer answers for rebranded extractions as gaz answers for the
// real ones, with the token in every id and dates moved back, so that the
// persons a bench run resolves are its own, not the real graph's.
type benchGazetteer struct {
	gaz plan.Gazetteer
	b   brand
}

func (g benchGazetteer) Label(id string) (string, bool) { return g.gaz.Label(g.b.real(id)) }

func (g benchGazetteer) Names(id string) []string { return g.gaz.Names(g.b.real(id)) }

func (g benchGazetteer) HoldersOf(key, of string, day time.Time) []string {
	ids := g.gaz.HoldersOf(key, g.b.real(of), day.AddDate(benchShift, 0, 0))
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = g.b.id(id)
	}
	return out
}

func (g benchGazetteer) RolesOn(person string, day time.Time) []plan.Role {
	roles := g.gaz.RolesOn(g.b.real(person), day.AddDate(benchShift, 0, 0))
	for i := range roles {
		roles[i].Of = g.b.id(roles[i].Of)
	}
	return roles
}

// rebranded returns a copy of g that resolves persons for extractions
// rebranded with token.
func (g *Graph) rebranded(token string) *Graph {
	c := *g
	if g.gaz != nil {
		c.gaz = benchGazetteer{gaz: g.gaz, b: brand(token)}
	}
	return &c
}

// floorBatches turns extractions into the floor's rows: one per claim
// report, every id under prefix.
func floorBatches(xs []schemas.Extraction, batch int, prefix string) [][]any {
	var out [][]any
	for i := 0; i < len(xs); i += batch {
		p := plan.Build(xs[i:min(i+batch, len(xs))], nil)
		derived := deriveClaims(&p)
		claims := map[string]map[string]any{}
		for _, c := range p.Claims {
			claims[c.ID] = derived[c.ID].props(c)
		}
		arts := map[string]map[string]any{}
		ix := newPositions(&p)
		for _, r := range articleRows(&p, ix) {
			m := r.(map[string]any)
			arts[m["id"].(string)] = m["props"].(map[string]any)
		}
		byID := map[string]plan.Claim{}
		for _, c := range p.Claims {
			byID[c.ID] = c
		}
		rows := []any{}
		for j, r := range evidenceRows(&p, ix) {
			e := p.Evidence[j]
			c := byID[e.Claim]
			ids := func(ss ...*string) []any {
				out := []any{}
				for _, s := range ss {
					if s != nil {
						out = append(out, prefix+"-"+*s)
					}
				}
				return out
			}
			actors := make([]any, len(c.Actors))
			for k, a := range c.Actors {
				actors[k] = prefix + "-" + a
			}
			rows = append(rows, map[string]any{
				"claim": prefix + "-" + e.Claim, "article": prefix + "-" + e.Article,
				"claimProps": claims[e.Claim], "articleProps": arts[e.Article], "evidenceProps": r.(map[string]any)["props"],
				"actors": actors, "targets": ids(c.Target), "topics": ids(c.Topic),
			})
		}
		out = append(out, rows)
	}
	return out
}

// benchCleanup deletes what a bench run wrote and recomputes the stance
// summaries of the real graph that its claims entered.
func benchCleanup(ctx context.Context, g *Graph, token string) error {
	params := map[string]any{"token": token, "floor": "floor-" + token}
	// Stances of the real graph that bench claims entered (their object has
	// no bench token) are recomputed once the bench claims are gone.
	_, rows, err := g.Query(ctx, `MATCH (c:Claim)-[:EVIDENCED_BY]->(a:Article) WHERE a.id STARTS WITH $token
WITH DISTINCT c WHERE NOT coalesce(c.target, c.topic) CONTAINS $token
UNWIND c.actors AS actor
RETURN collect(DISTINCT {actor: actor, predicate: c.predicate, object: coalesce(c.target, c.topic)})`, params)
	if err != nil {
		return err
	}
	var touched []any
	if len(rows) > 0 {
		touched, _ = rows[0][0].([]any)
	}
	steps := []string{
		`MATCH (a:Article) WHERE a.id STARTS WITH $token OR a.id STARTS WITH $floor
		 CALL (a) { MATCH (c:Claim)-[:EVIDENCED_BY]->(a) DETACH DELETE c } IN TRANSACTIONS OF 500 ROWS`,
		`MATCH (a:Article) WHERE a.id STARTS WITH $token OR a.id STARTS WITH $floor
		 CALL (a) { DETACH DELETE a } IN TRANSACTIONS OF 1000 ROWS`,
		`MATCH (n) WHERE (n:Entity OR n:Source) AND (n.id CONTAINS $token)
		 CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`,
	}
	for _, st := range steps {
		if err := retryTransient(ctx, func() error { return g.autoCommit(ctx, st, params) }); err != nil {
			return err
		}
	}
	if len(touched) == 0 {
		return nil
	}
	_, err = neo4j.ExecuteQuery(ctx, g.driver, cypherRecomputeStances, map[string]any{"stances": touched}, neo4j.EagerResultTransformer, g.queryOpts()...)
	return g.classify(err)
}

// retryTransient runs f again, up to five times with a growing pause, while
// it fails for a reason that passes (a deadlock with a concurrent writer, a
// lost connection): an auto-commit statement (CALL … IN TRANSACTIONS) has
// none of the retries the driver gives managed transactions, and the
// cleanup's deletions can run twice.
func retryTransient(ctx context.Context, f func() error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = f(); err == nil || !unavailable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(time.Duration(200*(attempt+1)) * time.Millisecond):
		}
	}
	return err
}

// autoCommit runs a statement in an auto-commit transaction, as
// CALL … IN TRANSACTIONS requires.
func (g *Graph) autoCommit(ctx context.Context, cypher string, params map[string]any) error {
	s := g.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(context.WithoutCancel(ctx))
	res, err := s.Run(ctx, cypher, params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return g.classify(err)
	}
	return nil
}

// SyntheticCorpus returns n extractions shaped like the extractor's output
// on the development corpus (about ten claims and seven entities a
// document, a speaker for one claim in four, a target for one in three),
// among twenty states, four organisations, thirty places and sixty topics,
// every third statement reported twice (in Chinese and English) so that
// claims meet and stances accumulate. It is deterministic.
func SyntheticCorpus(n int) []schemas.Extraction {
	r := mrand.New(mrand.NewPCG(42, uint64(n)))
	countries := []string{"CHN", "JPN", "GBR", "USA", "FRA", "DEU", "KOR", "IND", "AUS", "CAN", "ITA", "RUS", "UKR", "BRA", "ZAF", "IDN", "PHL", "VNM", "SGP", "TUR"}
	orgs := []string{"org:un", "org:eu", "org:g7", "org:asean"}
	base := time.Date(2023, 1, 1, 8, 0, 0, 0, time.UTC)
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	out := make([]schemas.Extraction, 0, n)
	for len(out) < n {
		i := len(out)
		published := base.Add(time.Duration(r.IntN(730*24)) * time.Hour)
		date := published.Format(time.DateOnly)
		var ents []schemas.Entity
		var claims []schemas.Claim
		// A document is about a few parties: four states and, at times,
		// an organisation.
		cast := []string{pick(countries), pick(countries), pick(countries), pick(countries)}
		if r.IntN(3) == 0 {
			cast = append(cast, pick(orgs))
		}
		for k, nc := 0, 8+r.IntN(6); k < nc; k++ {
			actor := pick(cast)
			c := schemas.Claim{Predicate: schemas.Predicates[r.IntN(len(schemas.Predicates))], Actors: []string{actor}, Speakers: []string{},
				Confidence: 0.5 + r.Float64()/2, Rule: "bench.rule", Evidence: schemas.Span{Text: fmt.Sprintf("statement %d.%d of %s", i, k, actor), Start: k * 40, End: k*40 + 30}}
			if r.IntN(3) == 0 {
				c.Actors = append(c.Actors, pick(cast))
			}
			if r.IntN(3) == 0 {
				t := pick(cast)
				if r.IntN(3) == 0 {
					t = fmt.Sprintf("place:bench-place-%d", r.IntN(30))
				}
				c.Target = &t
			}
			topic := fmt.Sprintf("topic:bench-topic-%d", r.IntN(60))
			c.Topic = &topic
			if c.Predicate == "commit" {
				w := fmt.Sprint(2024 + r.IntN(4))
				c.When = &w
			}
			if r.IntN(4) == 0 {
				pid := fmt.Sprintf("p%d", k)
				ents = append(ents, schemas.Entity{ID: pid, Type: "person", Name: fmt.Sprintf("Minister %s %d", actor, r.IntN(3)), Role: "foreign-minister", Country: actor})
				c.Speakers = []string{pid}
			}
			for _, a := range c.Actors {
				typ := "country"
				if strings.HasPrefix(a, "org:") {
					typ = "org"
				}
				ents = append(ents, schemas.Entity{ID: a, Type: typ, Name: a})
			}
			claims = append(claims, c)
		}
		for _, lang := range []string{"en", "zh"} {
			if lang == "zh" && (r.IntN(3) != 0 || len(out) == n-1) {
				continue
			}
			p := published
			out = append(out, schemas.Extraction{
				Schema: schemas.ExtractionV1, Doc: fmt.Sprintf("bench-%d-%s", i, lang), Source: "bench-" + lang, Lang: lang,
				Published: &p, Date: date, ExtractorVersion: "bench", RulesVersion: "bench", Entities: ents, Claims: claims,
			})
		}
	}
	return out
}
