package linker_test

import (
	"testing"

	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

func TestTheForeignMinisterOfJapanDependsOnTheDate(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	gaz := linker.Lexicon(lx)
	topic := "topic:economic-coercion"
	for date, want := range map[string]string{
		"2023-11-08": "person:kamikawa-yoko",
		"2025-12-01": "person:motegi-toshimitsu",
		"2023-05-20": "person:hayashi-yoshimasa",
	} {
		x := schemas.Extraction{Schema: schemas.ExtractionV1, Doc: "d", Lang: "ja", Date: date,
			Entities: []schemas.Entity{{ID: "p1", Type: "person", Name: "外相", Role: "foreign-minister", Country: "JPN"}},
			Claims: []schemas.Claim{{Predicate: "oppose", Actors: []string{"JPN"}, Speakers: []string{"p1"}, Topic: &topic,
				Confidence: 0.9, Rule: "ja.oppose"}}}
		p := plan.Build([]schemas.Extraction{x}, gaz)
		if len(p.Stated) != 1 || p.Stated[0].From != want {
			t.Errorf("外相 on %s: stated by %v, want %s", date, p.Stated, want)
		}
		for _, n := range p.Nodes {
			if n.ID == want && (n.Name == "" || n.Inferred) {
				t.Errorf("%s: name %q, inferred %v; want the gazetteer's name", want, n.Name, n.Inferred)
			}
		}
		if len(p.ServesAs) != 1 || p.ServesAs[0].Role != "foreign-minister" || p.ServesAs[0].Of != "JPN" || p.ServesAs[0].From == nil {
			t.Errorf("%s: SERVES_AS %+v, want foreign-minister of JPN with its term", date, p.ServesAs)
		}
	}
}
