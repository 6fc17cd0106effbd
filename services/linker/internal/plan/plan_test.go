package plan

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

func ptr(s string) *string { return &s }

func TestClaimIDIgnoresActorOrderAndDuplicatesButNotTheRest(t *testing.T) {
	topic := ptr("topic:economic-coercion")
	base := ClaimID([]string{"JPN", "GBR"}, "oppose", nil, topic, "2023-11-08")
	if len(base) != len("claim:")+32 || !strings.HasPrefix(base, "claim:") {
		t.Fatalf("ClaimID = %q, want claim: and 32 hex digits", base)
	}
	if got := ClaimID([]string{"GBR", "JPN", "GBR"}, "oppose", nil, topic, "2023-11-08"); got != base {
		t.Errorf("reordered actors give %s, want %s", got, base)
	}
	for name, other := range map[string]string{
		"another predicate": ClaimID([]string{"JPN", "GBR"}, "support", nil, topic, "2023-11-08"),
		"another date":      ClaimID([]string{"JPN", "GBR"}, "oppose", nil, topic, "2023-11-09"),
		"a target":          ClaimID([]string{"JPN", "GBR"}, "oppose", ptr("CHN"), topic, "2023-11-08"),
		"topic as target":   ClaimID([]string{"JPN", "GBR"}, "oppose", topic, nil, "2023-11-08"),
		"empty vs no topic": ClaimID([]string{"JPN", "GBR"}, "oppose", ptr(""), topic, "2023-11-08"),
		"one actor fewer":   ClaimID([]string{"JPN"}, "oppose", nil, topic, "2023-11-08"),
	} {
		if other == base {
			t.Errorf("%s: same id %s", name, base)
		}
	}
}

func TestLabelOfKnowsTheIdForms(t *testing.T) {
	for id, want := range map[string]string{
		"JPN": Country, "org:un": Organization, "person:wang-yi": Person, "place:indo-pacific": Place,
		"topic:economic-coercion": Topic, "jpn": "", "org:": "", "Japan": "", "": "", "X) DETACH DELETE": "",
	} {
		got, _ := LabelOf(id)
		if got != want {
			t.Errorf("LabelOf(%q) = %q, want %q", id, got, want)
		}
	}
}

func valid() schemas.Extraction {
	return schemas.Extraction{Schema: schemas.ExtractionV1, Doc: "d", Lang: "en", Date: "2023-11-08",
		Claims: []schemas.Claim{{Predicate: "oppose", Actors: []string{"JPN"}, Topic: ptr("topic:x"), Confidence: 0.5, Rule: "r"}}}
}

func TestValidateRejectsWhatCannotBeWritten(t *testing.T) {
	cases := map[string]func(*schemas.Extraction){
		"another schema":           func(x *schemas.Extraction) { x.Schema = "diplograph.article.v1" },
		"no doc":                   func(x *schemas.Extraction) { x.Doc = "" },
		"a date not YYYY-MM-DD":    func(x *schemas.Extraction) { x.Date = "8 Nov 2023" },
		"an unknown predicate":     func(x *schemas.Extraction) { x.Claims[0].Predicate = "like" },
		"no actors":                func(x *schemas.Extraction) { x.Claims[0].Actors = nil },
		"a person as actor":        func(x *schemas.Extraction) { x.Claims[0].Actors = []string{"person:wang-yi"} },
		"neither target nor topic": func(x *schemas.Extraction) { x.Claims[0].Topic = nil },
		"a topic without prefix":   func(x *schemas.Extraction) { x.Claims[0].Topic = ptr("economic coercion") },
		"a vague when":             func(x *schemas.Extraction) { x.Claims[0].When = ptr("soon") },
		"confidence above one":     func(x *schemas.Extraction) { x.Claims[0].Confidence = 1.5 },
		"no rule":                  func(x *schemas.Extraction) { x.Claims[0].Rule = "" },
	}
	x := valid()
	if err := Validate(&x); err != nil {
		t.Fatalf("valid extraction: %v", err)
	}
	for name, spoil := range cases {
		x := valid()
		spoil(&x)
		if err := Validate(&x); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	x = valid()
	x.Claims = []schemas.Claim{{Predicate: "bogus"}}
	x.Error = &schemas.DocError{Code: "unsupported_language", Message: "ko"}
	if err := Validate(&x); err != nil {
		t.Errorf("an error document is recorded, whatever its claims: %v", err)
	}
}

// roster is a gazetteer of two Japanese foreign ministers.
type roster struct{}

var (
	hayashi  = Role{Key: "foreign-minister", Of: "JPN", From: date("2021-11-10"), To: date("2023-09-13")}
	kamikawa = Role{Key: "foreign-minister", Of: "JPN", From: date("2023-09-13"), To: date("2024-10-01")}
)

func date(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func (roster) Label(id string) (string, bool) {
	switch id {
	case "person:hayashi-yoshimasa":
		return "Yoshimasa Hayashi", true
	case "person:kamikawa-yoko":
		return "Yoko Kamikawa", true
	case "JPN":
		return "Japan", true
	}
	return "", false
}
func (roster) Names(id string) []string { return nil }
func (roster) HoldersOf(key, of string, day time.Time) []string {
	var out []string
	for id, r := range map[string]Role{"person:hayashi-yoshimasa": hayashi, "person:kamikawa-yoko": kamikawa} {
		if r.Key == key && r.Of == of && !day.Before(r.From) && !day.After(r.To) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
func (roster) RolesOn(person string, day time.Time) []Role {
	switch person {
	case "person:hayashi-yoshimasa":
		return []Role{hayashi}
	case "person:kamikawa-yoko":
		return []Role{kamikawa}
	}
	return nil
}

func TestATitleIsResolvedToWhoHeldTheRoleThatDay(t *testing.T) {
	x := func(doc, date string, ents ...schemas.Entity) schemas.Extraction {
		e := valid()
		e.Doc, e.Date, e.Entities = doc, date, ents
		e.Claims[0].Speakers = []string{"p1"}
		return e
	}
	minister := schemas.Entity{ID: "p1", Type: "person", Name: "外相", Role: "foreign-minister", Country: "JPN"}
	p := Build([]schemas.Extraction{x("nov23", "2023-11-08", minister), x("may23", "2023-05-20", minister)}, roster{})
	var stated []string
	for _, e := range p.Stated {
		stated = append(stated, e.From)
	}
	slices.Sort(stated)
	if want := []string{"person:hayashi-yoshimasa", "person:kamikawa-yoko"}; !slices.Equal(stated, want) {
		t.Errorf("speakers %v, want %v", stated, want)
	}
	var roles []string
	for _, s := range p.ServesAs {
		roles = append(roles, s.Person+" "+s.Role+" "+s.Of)
		if s.From == nil || s.To == nil || s.Seen != "" {
			t.Errorf("known role %+v: want the gazetteer's term", s)
		}
	}
	if len(roles) != 2 {
		t.Errorf("SERVES_AS %v, want one for each minister", roles)
	}
}

func TestAPersonTheGazetteerLacksIsCreatedOnceAndMerged(t *testing.T) {
	mk := func(doc, name, date string) schemas.Extraction {
		e := valid()
		e.Doc, e.Date = doc, date
		e.Entities = []schemas.Entity{{Type: "person", Name: name, Role: "spokesperson", Country: "KOR"}}
		return e
	}
	p := Build([]schemas.Extraction{mk("a", "Lim Soo-suk", "2024-01-02"), mk("b", "Lim Soo-suk", "2024-03-04")}, roster{})
	var persons []Node
	for _, n := range p.Nodes {
		if n.Label == Person {
			persons = append(persons, n)
		}
	}
	if len(persons) != 1 || persons[0].ID != "person:lim-soo-suk" || !persons[0].Inferred ||
		persons[0].Country != "KOR" || persons[0].Role != "spokesperson" || !slices.Equal(persons[0].Names, []string{"Lim Soo-suk"}) {
		t.Fatalf("persons %+v, want one inferred person:lim-soo-suk, KOR spokesperson", persons)
	}
	if len(p.ServesAs) != 2 || p.ServesAs[0].Seen != "2024-01-02" || p.ServesAs[1].Seen != "2024-03-04" {
		t.Errorf("inferred roles %+v, want one observation per statement date", p.ServesAs)
	}
	// A name in another script gets a stable hashed id of its own.
	q := Build([]schemas.Extraction{mk("c", "林洙晳", "2024-01-02")}, nil)
	for _, n := range q.Nodes {
		if n.Label == Person && !strings.HasPrefix(n.ID, "person:x-") {
			t.Errorf("id %s for a name without Latin letters", n.ID)
		}
	}
}

func TestTheLastExtractionOfAnArticleInABatchWins(t *testing.T) {
	a, b := valid(), valid()
	b.Claims[0].Predicate = "support"
	p := Build([]schemas.Extraction{a, b}, nil)
	if len(p.Articles) != 1 || len(p.Claims) != 1 || p.Claims[0].Predicate != "support" {
		t.Errorf("articles %d, claims %+v: want one article with the later claim", len(p.Articles), p.Claims)
	}
}

func TestOneTextStatingAClaimTwiceGivesOnePieceOfEvidence(t *testing.T) {
	x := valid()
	c := x.Claims[0]
	c.Evidence = schemas.Span{Text: "later", Start: 50, End: 55}
	first := c
	first.Evidence = schemas.Span{Text: "first", Start: 3, End: 8}
	first.Confidence = 0.4
	x.Claims = []schemas.Claim{c, first}
	p := Build([]schemas.Extraction{x}, nil)
	if len(p.Evidence) != 1 || p.Evidence[0].Sentence != "first" || p.Evidence[0].Spans != 2 || p.Evidence[0].Confidence != 0.5 {
		t.Errorf("evidence %+v: want one, the first span, 2 spans, the higher confidence", p.Evidence)
	}
}

func TestRowsAreSortedByKey(t *testing.T) {
	var xs []schemas.Extraction
	for _, doc := range []string{"z", "a", "m"} {
		x := valid()
		x.Doc = doc
		x.Claims[0].Actors = []string{strings.ToUpper(doc + doc + doc)}
		xs = append(xs, x)
	}
	p := Build(xs, nil)
	if !slices.IsSortedFunc(p.Articles, func(a, b Article) int { return strings.Compare(a.ID, b.ID) }) ||
		!slices.IsSortedFunc(p.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) }) ||
		!slices.IsSortedFunc(p.Claims, func(a, b Claim) int { return strings.Compare(a.ID, b.ID) }) {
		t.Errorf("rows not sorted: %+v", p)
	}
}

func TestASpeakerThatNamesNoEntityIsLeftOut(t *testing.T) {
	x := valid()
	x.Claims[0].Speakers = []string{"m9", "person:wang-yi"}
	p := Build([]schemas.Extraction{x}, nil)
	if len(p.Stated) != 1 || p.Stated[0].From != "person:wang-yi" {
		t.Errorf("stated %+v, want only person:wang-yi", p.Stated)
	}
}
