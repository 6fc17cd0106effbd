package plan

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schemas"
)

func TestContentHashIgnoresTheVersionStampsAndNothingElse(t *testing.T) {
	base := valid()
	h := ContentHash(&base)
	stamped := valid()
	stamped.RulesVersion, stamped.ExtractorVersion = "r2", "0.2.0"
	if ContentHash(&stamped) != h {
		t.Error("another rules or extractor version changes the hash")
	}
	for name, change := range map[string]func(*schemas.Extraction){
		"another rule":      func(x *schemas.Extraction) { x.Claims[0].Rule = "r2" },
		"another predicate": func(x *schemas.Extraction) { x.Claims[0].Predicate = "concern" },
		"another span":      func(x *schemas.Extraction) { x.Claims[0].Evidence.Start = 3 },
		"one claim fewer":   func(x *schemas.Extraction) { x.Claims = x.Claims[:0] },
		"another entity": func(x *schemas.Extraction) {
			x.Entities = []schemas.Entity{{ID: "JPN", Type: "country", Name: "Japan"}}
		},
		"another date": func(x *schemas.Extraction) { x.Date = "2023-11-09" },
	} {
		x := valid()
		change(&x)
		if ContentHash(&x) == h {
			t.Errorf("%s: same hash", name)
		}
	}
}

func TestAnArticleRecordsWhatItSaysOfEachEntityAndWhoStatedEachClaim(t *testing.T) {
	x := valid()
	x.Entities = []schemas.Entity{
		{ID: "JPN", Type: "country", Name: "Japan"},
		{ID: "p1", Type: "person", Name: "外相", Role: "foreign-minister", Country: "JPN"},
		{ID: "p2", Type: "person", Name: "外务大臣", Role: "foreign-minister", Country: "JPN"},
	}
	x.Claims = append(x.Claims, x.Claims[0])
	x.Claims[0].Speakers = []string{"p1"}
	x.Claims[1].Speakers = []string{"p2"}
	x.Claims[1].Evidence.Start = 40
	p := Build([]schemas.Extraction{x}, nil)
	a := p.Articles[0]
	if a.Hash != ContentHash(&x) || len(a.Forms) != len(a.Mentions) {
		t.Fatalf("article %+v", a)
	}
	forms := map[string]Form{}
	for _, f := range a.Forms {
		forms[f.ID] = f
	}
	if jpn := forms["JPN"]; !slices.Equal(jpn.Names, []string{"Japan"}) || jpn.Country != "" || len(jpn.Serves) != 0 {
		t.Errorf("JPN: %+v", jpn)
	}
	// Persons the gazetteer lacks carry their country, role and office.
	var persons []string
	for id, f := range forms {
		if id == "JPN" {
			continue
		}
		persons = append(persons, id)
		if len(f.Names) != 1 || f.Country != "JPN" || f.Role != "foreign-minister" ||
			!slices.Equal(f.Serves, []string{ServesKey("foreign-minister", "JPN")}) {
			t.Errorf("inferred person: %+v", f)
		}
	}
	slices.Sort(persons)
	// One claim stated twice, by each person: one piece of evidence, both speakers.
	if len(persons) != 2 || len(p.Evidence) != 1 || !slices.Equal(p.Evidence[0].Speakers, persons) {
		t.Errorf("evidence %+v: want one, stated by %v", p.Evidence, persons)
	}
}
