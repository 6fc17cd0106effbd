// Package dashbench measures the dashboard's API: a synthetic graph of any
// size shaped like the linker's (written under a token of its own, so that
// it meets no real node, and removed again), and the latency of the API's
// calls against a floor measured in the same run.
package dashbench

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Writer runs a Cypher statement that writes; linker.Graph is one.
type Writer interface {
	Query(ctx context.Context, cypher string, params map[string]any) (keys []string, rows [][]any, err error)
}

// Synthetic is a synthetic graph: Claims claims held by Countries countries
// and Orgs organisations, about one another and Topics topics, reported by
// articles of Sources sources (ClaimsPerArticle claims an article, about
// one in four claims reported twice), in Chinese and English, over Years
// years up to the last full year. Who holds and what is talked about
// follow a Zipf law, as in the news; so do predicates. Every id starts
// with the token.
type Synthetic struct {
	Token            string
	Claims           int
	Countries, Orgs  int
	Topics, Persons  int
	Sources          int
	ClaimsPerArticle int
	Years            int
	Seed             uint64
}

// NewSynthetic returns a synthetic graph of n claims under token, shaped
// like the linker's graph of the news corpus (ten claims a document).
func NewSynthetic(token string, n int) Synthetic {
	return Synthetic{Token: token, Claims: n, Countries: 200, Orgs: 50, Topics: 400, Persons: 600, Sources: 12,
		ClaimsPerArticle: 10, Years: 10, Seed: 1}
}

// predicateShare is how often each predicate occurs (roughly the corpus's).
var predicateShare = []struct {
	p     string
	share float64
}{{"support", .22}, {"oppose", .18}, {"concern", .14}, {"call_on", .12}, {"welcome", .1}, {"agree", .09}, {"condemn", .08}, {"commit", .07}}

func (s Synthetic) country(i int) string { return fmt.Sprintf("%s:C%03d", s.Token, i) }
func (s Synthetic) org(i int) string     { return fmt.Sprintf("%s:org%02d", s.Token, i) }
func (s Synthetic) topic(i int) string   { return fmt.Sprintf("topic:%s-%03d", s.Token, i) }
func (s Synthetic) person(i int) string  { return fmt.Sprintf("person:%s-%03d", s.Token, i) }
func (s Synthetic) source(i int) string  { return fmt.Sprintf("%s-src%02d", s.Token, i) }
func (s Synthetic) article(i int) string { return fmt.Sprintf("%s-a%07d", s.Token, i) }
func (s Synthetic) claim(i int) string   { return fmt.Sprintf("claim:%s-%07d", s.Token, i) }

// actor returns the id of actor k of the Zipf order: every fifth is an
// organisation, the others countries (so Orgs may be at most a quarter of
// Countries).
func (s Synthetic) actor(k int) string {
	if k%5 == 4 {
		return s.org(k / 5)
	}
	return s.country(k - k/5)
}

func (s Synthetic) actors() int { return s.Countries + min(s.Orgs, s.Countries/4) }

// TopActor and RareActor are actors with many and with few claims; Topic
// is a common topic; Source one of the sources; Year a year with claims.
func (s Synthetic) TopActor() string  { return s.actor(0) }
func (s Synthetic) RareActor() string { return s.actor(s.actors() - 3) }
func (s Synthetic) TopTopic() string  { return s.topic(0) }
func (s Synthetic) Source() string    { return s.source(3) }

// LastYear is the last year of the graph's dates.
func (s Synthetic) LastYear() int { return time.Now().UTC().Year() - 1 }

// FirstYear is the first year of the graph's dates.
func (s Synthetic) FirstYear() int { return s.LastYear() - s.Years + 1 }

const batchSize = 5000

// Write creates the graph, reporting progress (claims written) after each
// batch. It creates rather than merges: the ids are its own.
func (s Synthetic) Write(ctx context.Context, w Writer, progress func(done int)) error {
	if err := s.writeEntities(ctx, w); err != nil {
		return err
	}
	articles := (s.Claims + s.ClaimsPerArticle - 1) / s.ClaimsPerArticle
	for lo := 0; lo < articles; lo += batchSize {
		if err := s.writeArticles(ctx, w, lo, min(lo+batchSize, articles)); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(s.Seed, uint64(s.Claims)))
	zActors := rand.NewZipf(rng, 1.1, 4, uint64(s.actors()-1))
	zTopics := rand.NewZipf(rng, 1.05, 8, uint64(s.Topics-1))
	for lo := 0; lo < s.Claims; lo += batchSize {
		hi := min(lo+batchSize, s.Claims)
		rows := make([]any, 0, hi-lo)
		for i := lo; i < hi; i++ {
			rows = append(rows, s.claimRow(i, rng, zActors, zTopics))
		}
		if _, _, err := w.Query(ctx, cypherClaims, map[string]any{"rows": rows, "token": s.Token}); err != nil {
			return fmt.Errorf("synthetic claims %d–%d: %w", lo, hi, err)
		}
		if progress != nil {
			progress(hi)
		}
	}
	return s.writeStances(ctx, w)
}

func (s Synthetic) writeEntities(ctx context.Context, w Writer) error {
	var countries, orgs, topics, persons, sources []any
	for i := range s.Countries {
		countries = append(countries, map[string]any{"id": s.country(i), "name": fmt.Sprintf("Synthland %d", i)})
	}
	for i := range s.Orgs {
		orgs = append(orgs, map[string]any{"id": s.org(i), "name": fmt.Sprintf("Synthetic Organisation %d", i)})
	}
	for i := range s.Topics {
		topics = append(topics, map[string]any{"id": s.topic(i), "name": fmt.Sprintf("synthetic topic %d", i)})
	}
	for i := range s.Persons {
		persons = append(persons, map[string]any{"id": s.person(i), "name": fmt.Sprintf("Synthetic Minister %d", i),
			"country": s.country(i % s.Countries), "from": fmt.Sprintf("%d-01-01", s.FirstYear()+i%s.Years)})
	}
	for i := range s.Sources {
		sources = append(sources, s.source(i))
	}
	_, _, err := w.Query(ctx, `
CALL () { UNWIND $countries AS r CREATE (:Country:Entity {id: r.id, name: r.name}) }
CALL () { UNWIND $orgs AS r CREATE (:Organization:Entity {id: r.id, name: r.name}) }
CALL () { UNWIND $topics AS r CREATE (:Topic:Entity {id: r.id, name: r.name}) }
CALL () { UNWIND $sources AS id CREATE (:Source {id: id}) }
CALL () {
  UNWIND $persons AS r
  CREATE (p:Person:Entity {id: r.id, name: r.name, country: r.country})
  WITH p, r MATCH (c:Country {id: r.country})
  CREATE (p)-[:SERVES_AS {role: 'foreign-minister', from: date(r.from)}]->(c)
}`, map[string]any{"countries": countries, "orgs": orgs, "topics": topics, "persons": persons, "sources": sources})
	if err != nil {
		return fmt.Errorf("synthetic entities: %w", err)
	}
	return nil
}

func (s Synthetic) writeArticles(ctx context.Context, w Writer, lo, hi int) error {
	rows := make([]any, 0, hi-lo)
	for i := lo; i < hi; i++ {
		lang := "zh"
		if i%10 >= 7 {
			lang = "en"
		}
		day := s.day(i * s.ClaimsPerArticle)
		rows = append(rows, map[string]any{"id": s.article(i), "lang": lang, "source": s.source(i % s.Sources),
			"published": day + "T08:00:00Z", "url": "https://synthetic.example/" + s.article(i)})
	}
	_, _, err := w.Query(ctx, `
UNWIND $rows AS r
MATCH (s:Source {id: r.source})
CREATE (a:Article {id: r.id, lang: r.lang, source: r.source, url: r.url, title: 'Synthetic ' + r.id,
                   published: datetime(r.published), rules_version: 'synthetic', claims: 10})
CREATE (a)-[:PUBLISHED_BY]->(s)`, map[string]any{"rows": rows})
	if err != nil {
		return fmt.Errorf("synthetic articles %d–%d: %w", lo, hi, err)
	}
	return nil
}

// day spreads claim i over the graph's years, in the order of i.
func (s Synthetic) day(i int) string {
	first := time.Date(s.FirstYear(), 1, 1, 0, 0, 0, 0, time.UTC)
	span := time.Date(s.LastYear()+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(first)
	return first.Add(time.Duration(float64(span) * float64(i) / float64(max(1, s.Claims)))).Format(time.DateOnly)
}

func (s Synthetic) claimRow(i int, rng *rand.Rand, zActors, zTopics *rand.Zipf) map[string]any {
	a := int(zActors.Uint64())
	actors := []any{s.actor(a)}
	if rng.IntN(5) == 0 { // a joint statement
		if b := int(zActors.Uint64()); b != a {
			actors = append(actors, s.actor(b))
		}
	}
	x := rng.Float64()
	p := predicateShare[len(predicateShare)-1].p
	for _, ps := range predicateShare {
		if x < ps.share {
			p = ps.p
			break
		}
		x -= ps.share
	}
	var target, when, due any
	topic := any(s.topic(int(zTopics.Uint64())))
	if rng.IntN(10) < 6 { // most stances are towards another actor
		if t := s.actor(int(zActors.Uint64())); t != actors[0] {
			target = t
		}
	}
	if target != nil && rng.IntN(3) == 0 {
		topic = nil
	}
	if p == "commit" && rng.IntN(3) > 0 {
		y := s.FirstYear() + rng.IntN(s.Years+4)
		when, due = fmt.Sprint(y), int64(y)
	}
	art := i / s.ClaimsPerArticle
	arts := []any{s.article(art)}
	if rng.IntN(4) == 0 { // reported again, by another article
		arts = append(arts, s.article((art+1+rng.IntN(50))%((s.Claims+s.ClaimsPerArticle-1)/s.ClaimsPerArticle)))
	}
	var speaker any
	if rng.IntN(3) == 0 {
		speaker = s.person(rng.IntN(s.Persons))
	}
	text := fmt.Sprintf("%s %s %v %v (synthetic claim %d)", actors[0], p, target, topic, i)
	return map[string]any{"id": s.claim(i), "p": p, "actors": actors, "target": target, "topic": topic,
		"date": s.day(i), "when": when, "due": due, "conf": 0.6 + 0.4*math.Round(rng.Float64()*100)/100,
		"arts": arts, "speaker": speaker, "text": text}
}

// cypherClaims creates a batch of claims with their relationships.
const cypherClaims = `
UNWIND $rows AS r
CREATE (c:Claim {id: r.id, predicate: r.p, actors: r.actors, target: r.target, topic: r.topic, date: date(r.date),
                 when: r.when, due_year: r.due, confidence: r.conf, corroboration: size(r.arts), sources: size(r.arts),
                 text: r.text})
WITH c, r
CALL (c, r) { UNWIND r.actors AS id MATCH (a:Entity {id: id}) CREATE (a)-[:HOLDS]->(c) }
CALL (c, r) { WITH r WHERE r.target IS NOT NULL MATCH (t:Entity {id: r.target}) CREATE (c)-[:TARGETS]->(t) }
CALL (c, r) { WITH r WHERE r.topic IS NOT NULL MATCH (t:Entity {id: r.topic}) CREATE (c)-[:ABOUT]->(t) }
CALL (c, r) { WITH r WHERE r.speaker IS NOT NULL MATCH (p:Person {id: r.speaker}) CREATE (p)-[:STATED]->(c) }
CALL (c, r) {
  UNWIND r.arts AS id MATCH (a:Article {id: id})
  CREATE (c)-[:EVIDENCED_BY {sentence: r.text, start: 0, end: size(r.text), rule: 'synthetic.' + r.p,
                             rules_version: 'synthetic', confidence: r.conf}]->(a)
}`

// writeStances builds the stance summaries of the graph's actors from its
// claims, as the linker keeps them, one actor per transaction.
func (s Synthetic) writeStances(ctx context.Context, w Writer) error {
	for k := range s.actors() {
		_, _, err := w.Query(ctx, `
MATCH (a:Entity {id: $id})-[:HOLDS]->(c:Claim)
WITH a, c.predicate AS p, coalesce(c.target, c.topic) AS object, count(c) AS n, min(c.date) AS first, max(c.date) AS last
MATCH (o:Entity {id: object})
CREATE (a)-[:STANCE {key: a.id + '|' + p + '|' + object, predicate: p, count: n, first_seen: first, last_seen: last}]->(o)`,
			map[string]any{"id": s.actor(k)})
		if err != nil {
			return fmt.Errorf("synthetic stances of %s: %w", s.actor(k), err)
		}
	}
	return nil
}

// Remove deletes everything the graph's token names, a batch per
// transaction. It is safe to run on a graph that is half written.
func (s Synthetic) Remove(ctx context.Context, w Writer) error {
	for _, q := range []struct{ what, cypher string }{
		{"claims", `MATCH (n:Claim) WHERE n.id STARTS WITH 'claim:' + $token + '-' WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)`},
		{"articles", `MATCH (n:Article) WHERE n.id STARTS WITH $token + '-a' WITH n LIMIT 20000 DETACH DELETE n RETURN count(*)`},
		// An actor has thousands of stance summaries: a few at a time.
		{"entities", `MATCH (n:Entity) WHERE n.id STARTS WITH $token + ':' OR n.id STARTS WITH 'topic:' + $token + '-' OR n.id STARTS WITH 'person:' + $token + '-'
WITH n LIMIT 20 DETACH DELETE n RETURN count(*)`},
		{"sources", `MATCH (n:Source) WHERE n.id STARTS WITH $token + '-src' WITH n LIMIT 2000 DETACH DELETE n RETURN count(*)`},
	} {
		for {
			_, rows, err := w.Query(ctx, q.cypher, map[string]any{"token": s.Token})
			if err != nil {
				return fmt.Errorf("removing the synthetic %s: %w", q.what, err)
			}
			if len(rows) == 0 || rows[0][0] == int64(0) {
				break
			}
		}
	}
	return nil
}
