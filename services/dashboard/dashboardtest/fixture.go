// Package dashboardtest builds the dashboard's test graph: a dozen claims
// of known actors, in two languages from two sources, with sentences and
// commitments, written through the linker into the real Neo4j under a
// token of its own, and removed again when the test ends.
package dashboardtest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// Graph is a test graph in Neo4j.
type Graph struct {
	// Token scopes the graph's topics, persons, sources and articles.
	Token string
	// SourceEN and SourceZH are the graph's two sources, in English and
	// Chinese: a filter on either shows the test's claims only.
	SourceEN, SourceZH string
	Extractions        []schemas.Extraction
}

// Topic is the id of one of the graph's topics.
func (g Graph) Topic(name string) string { return "topic:" + g.Token + "-" + name }

// Person is the id of one of the graph's persons.
func (g Graph) Person(name string) string { return "person:" + g.Token + "-" + name }

// ArticleIDs are the ids of the graph's articles.
func (g Graph) ArticleIDs() []string {
	ids := make([]string, len(g.Extractions))
	for i, x := range g.Extractions {
		ids[i] = x.ArticleID
	}
	return ids
}

// New returns the extractions of a test graph scoped by token (lower-case
// letters and digits).
func New(token string) Graph {
	g := Graph{Token: token, SourceEN: token + "-wire-en", SourceZH: token + "-wire-zh"}
	topic := func(name string) *string { t := g.Topic(name); return &t }
	ptr := func(s string) *string { return &s }
	type claim struct {
		pred           string
		actors         []string
		target, topic  *string
		when           *string
		before, ev, af string
		speakers       []string
	}
	ent := func(id, typ, name string) schemas.Entity { return schemas.Entity{ID: id, Type: typ, Name: name} }
	names := map[string]schemas.Entity{
		"JPN": ent("JPN", "country", "Japan"), "CHN": ent("CHN", "country", "China"), "USA": ent("USA", "country", "United States"),
		"GBR": ent("GBR", "country", "United Kingdom"), "FRA": ent("FRA", "country", "France"), "AUS": ent("AUS", "country", "Australia"),
		"RUS": ent("RUS", "country", "Russia"), "UKR": ent("UKR", "country", "Ukraine"),
	}
	kamikawa := g.Person("kamikawa")
	topicNames := map[string]string{
		"economic-coercion": "economic coercion", "maritime-security": "maritime security", "aggression": "war of aggression",
		"carrier-strike-group": "carrier strike group deployment", "arms-sales": "arms sales", "access-agreement": "reciprocal access agreement",
		"climate-finance": "climate finance", "sanctions": "sanctions",
	}
	doc := func(id, lang, source, day string, claims ...claim) schemas.Extraction {
		published := mustTime(day + "T09:00:00Z")
		x := schemas.Extraction{
			Schema: schemas.ExtractionV1, Doc: id, ArticleID: token + "-" + id, Source: source,
			URL: "https://example.org/" + token + "/" + id, Title: "Test statement " + id, Published: &published, Date: day,
			Lang: lang, ExtractorVersion: "test-1", RulesVersion: "rules-test-1", Entities: []schemas.Entity{}, Claims: []schemas.Claim{},
		}
		seen := map[string]bool{}
		addEnt := func(id string) {
			if seen[id] {
				return
			}
			seen[id] = true
			switch {
			case strings.HasPrefix(id, "topic:"):
				x.Entities = append(x.Entities, ent(id, "topic", topicNames[strings.TrimPrefix(id, "topic:"+token+"-")]))
			case id == kamikawa:
				e := ent(id, "person", "Yoko Kamikawa")
				e.Country, e.Role = "JPN", "foreign-minister"
				x.Entities = append(x.Entities, e)
			default:
				x.Entities = append(x.Entities, names[id])
			}
		}
		offset := 0
		for _, c := range claims {
			sentence := c.before + c.ev + c.af
			start := offset + len(c.before)
			for _, a := range c.actors {
				addEnt(a)
			}
			for _, p := range []*string{c.target, c.topic} {
				if p != nil {
					addEnt(*p)
				}
			}
			speakers := []string{}
			for _, s := range c.speakers {
				addEnt(s)
				speakers = append(speakers, s)
			}
			x.Claims = append(x.Claims, schemas.Claim{
				Predicate: c.pred, Actors: c.actors, Speakers: speakers, Target: c.target, Topic: c.topic, When: c.when,
				Evidence:   schemas.Span{Text: c.ev, Start: start, End: start + len(c.ev)},
				Sentence:   &schemas.Span{Text: sentence, Start: offset, End: offset + len(sentence)},
				Confidence: 0.9, Rule: lang + "." + c.pred + ".test",
			})
			offset += len(sentence) + 1
		}
		return x
	}
	cn, us, ru := "CHN", "USA", "RUS"
	g.Extractions = []schemas.Extraction{
		doc("en-2024-03", "en", g.SourceEN, "2024-03-12",
			claim{pred: "oppose", actors: []string{"JPN"}, topic: topic("economic-coercion"),
				before: "At the meeting in Tokyo, ", ev: "Japan strongly opposed economic coercion", af: " in all its forms.", speakers: []string{kamikawa}},
			claim{pred: "concern", actors: []string{"JPN"}, target: &cn, topic: topic("maritime-security"),
				before: "", ev: "Japan expressed serious concern about China's activities at sea", af: ", the minister said.", speakers: []string{kamikawa}},
		),
		doc("zh-2024-03", "zh", g.SourceZH, "2024-03-12",
			claim{pred: "oppose", actors: []string{"JPN"}, topic: topic("economic-coercion"),
				before: "会谈中，", ev: "日方强烈反对经济胁迫", af: "。"},
		),
		doc("en-2024-09", "en", g.SourceEN, "2024-09-20",
			claim{pred: "condemn", actors: []string{"USA", "GBR", "FRA"}, target: &ru, topic: topic("aggression"),
				before: "In a joint statement, ", ev: "the United States, the United Kingdom and France condemned Russia's war of aggression", af: " against Ukraine."},
			claim{pred: "support", actors: []string{"USA"}, target: ptr("UKR"), topic: topic("sanctions"),
				before: "", ev: "The United States will keep supporting Ukraine", af: " with new sanctions on Russia."},
		),
		doc("en-2025-02", "en", g.SourceEN, "2025-02-03",
			claim{pred: "commit", actors: []string{"GBR"}, topic: topic("carrier-strike-group"), when: ptr("2025"),
				before: "The ministers noted that ", ev: "the United Kingdom will deploy its Carrier Strike Group to the Indo-Pacific in 2025", af: "."},
			claim{pred: "concern", actors: []string{"JPN"}, target: &cn, topic: topic("maritime-security"),
				before: "", ev: "Japan remains concerned about China's coast guard activity", af: " near the islands.", speakers: []string{kamikawa}},
			claim{pred: "oppose", actors: []string{"CHN"}, target: &us, topic: topic("arms-sales"),
				before: "A spokesperson said ", ev: "China firmly opposes US arms sales", af: " to the region."},
		),
		doc("zh-2025-02", "zh", g.SourceZH, "2025-02-03",
			claim{pred: "oppose", actors: []string{"CHN"}, target: &us, topic: topic("arms-sales"),
				before: "发言人表示，", ev: "中方坚决反对美方对外军售", af: "。"},
		),
		doc("en-2026-01", "en", g.SourceEN, "2026-01-15",
			claim{pred: "commit", actors: []string{"USA"}, topic: topic("climate-finance"), when: ptr(time.Now().UTC().Format("2006")),
				before: "", ev: "The United States committed to double its climate finance this year", af: ", officials said."},
			claim{pred: "commit", actors: []string{"FRA"}, topic: topic("climate-finance"), when: ptr("2030"),
				before: "", ev: "France pledged new climate finance by 2030", af: "."},
			claim{pred: "welcome", actors: []string{"AUS", "JPN"}, topic: topic("access-agreement"),
				before: "The ministers said ", ev: "Australia and Japan welcomed the entry into force of the access agreement", af: "."},
			claim{pred: "commit", actors: []string{"JPN"}, topic: topic("maritime-security"),
				before: "", ev: "Japan will expand maritime security cooperation", af: " with its partners.", speakers: []string{kamikawa}},
		),
	}
	return g
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Write writes the test graph through the linker, and removes it when the
// test ends.
func Write(tb testing.TB, graph *linker.Graph, g Graph) []schemas.ClaimEvent {
	tb.Helper()
	ctx := context.Background()
	tb.Cleanup(func() { Remove(tb, graph, g) })
	events, err := graph.Write(ctx, g.Extractions)
	if err != nil {
		tb.Fatalf("writing the test graph: %v", err)
	}
	return events
}

// Remove deletes the test graph's articles, and with them its claims and
// what nothing else refers to.
func Remove(tb testing.TB, graph *linker.Graph, g Graph) {
	tb.Helper()
	if _, err := graph.RemoveArticles(context.Background(), g.ArticleIDs()); err != nil {
		tb.Errorf("removing the test graph: %v", err)
	}
	// Persons and topics of the token that no claim refers to any more.
	_, _, err := graph.Query(context.Background(), `MATCH (n:Entity) WHERE n.id STARTS WITH 'person:' + $token OR n.id STARTS WITH 'topic:' + $token
DETACH DELETE n`, map[string]any{"token": g.Token})
	if err != nil {
		tb.Errorf("removing the test graph's entities: %v", err)
	}
	_, _, err = graph.Query(context.Background(), `MATCH (s:Source) WHERE s.id STARTS WITH $token AND NOT EXISTS { (s)--() } DELETE s`, map[string]any{"token": g.Token})
	if err != nil {
		tb.Errorf("removing the test graph's sources: %v", err)
	}
}

// Extraction returns one more extraction of the test graph, for a claim
// linked while a page is open: France condemns something, on day.
func (g Graph) Extraction(id, day, what string) schemas.Extraction {
	topic := g.Topic("aggression")
	target := "RUS"
	published := mustTime(day + "T12:00:00Z")
	ev := "France condemned " + what
	sentence := "On " + day + ", " + ev + "."
	start := len("On " + day + ", ")
	return schemas.Extraction{
		Schema: schemas.ExtractionV1, Doc: id, ArticleID: g.Token + "-" + id, Source: g.SourceEN,
		URL: "https://example.org/" + g.Token + "/" + id, Title: "Live " + id, Published: &published, Date: day,
		Lang: "en", ExtractorVersion: "test-1", RulesVersion: "rules-test-1",
		Entities: []schemas.Entity{{ID: "FRA", Type: "country", Name: "France"}, {ID: "RUS", Type: "country", Name: "Russia"},
			{ID: topic, Type: "topic", Name: "war of aggression"}},
		Claims: []schemas.Claim{{Predicate: "condemn", Actors: []string{"FRA"}, Speakers: []string{}, Target: &target, Topic: &topic,
			Evidence:   schemas.Span{Text: ev, Start: start, End: start + len(ev)},
			Sentence:   &schemas.Span{Text: sentence, Start: 0, End: len(sentence)},
			Confidence: 0.9, Rule: "en.condemn.test"}},
	}
}

// Describe names the graph for a failure message.
func (g Graph) Describe() string {
	return fmt.Sprintf("test graph %s (sources %s, %s)", g.Token, g.SourceEN, g.SourceZH)
}
