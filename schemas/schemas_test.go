package schemas_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

func compile(t *testing.T, typeName string) *schemas.Validator {
	t.Helper()
	v, err := schemas.NewValidator(typeName)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// validate checks v (a Go value of the schema's type) against the schema.
func validate(t *testing.T, s *schemas.Validator, v any) error {
	t.Helper()
	return s.Validate(v)
}

func ptr(s string) *string { return &s }

func goodArticle() schemas.Article {
	pub := time.Date(2023, 11, 7, 15, 52, 0, 0, time.UTC)
	return schemas.Article{
		Schema: schemas.ArticleV1, ID: "a0123456789abcdef01234567", Name: "example", Source: "file",
		URL: "https://example.org/a", Title: "Ministers meet", Published: &pub, Fetched: pub.Add(time.Hour),
		Format: schemas.FormatHTML, Body: "<p>The two sides agreed to cooperate.</p>",
		ContentHash: strings.Repeat("ab", 32),
	}
}

func goodExtraction() schemas.Extraction {
	return schemas.Extraction{
		Schema: schemas.ExtractionV1, Doc: "example", ArticleID: "a0123456789abcdef01234567", Lang: "en", Date: "2023-11-07",
		ExtractorVersion: "0.1.0", RulesVersion: "r1",
		Entities: []schemas.Entity{{ID: "JPN", Type: "country", Name: "Japan"}, {ID: "person:kamikawa-yoko", Type: "person", Name: "Kamikawa", Country: "JPN"}},
		Claims: []schemas.Claim{{
			Predicate: "oppose", Actors: []string{"JPN", "GBR"}, Speakers: []string{}, Topic: ptr("topic:economic-coercion"),
			Evidence: schemas.Span{Text: "opposed economic coercion", Start: 10, End: 35}, Confidence: 0.9, Rule: "en.oppose.basic",
		}},
	}
}

func goodClaim() schemas.ClaimEvent {
	return schemas.ClaimEvent{
		Schema: schemas.ClaimV1, ID: "claim:" + strings.Repeat("0f", 16), Predicate: "commit", Actor: "GBR", Actors: []string{"GBR"},
		Speakers: []string{}, Target: ptr("place:indo-pacific"), Topic: ptr("topic:carrier-strike-group-deployment"), When: ptr("2025"),
		Date: "2023-11-07", Confidence: 0.8, Corroboration: 2,
		Evidence: []schemas.Evidence{{ArticleID: "a1", Text: "deploy a carrier strike group in 2025", Start: 0, End: 37, Rule: "en.commit.plan"}},
	}
}

func TestExamplePayloadsMatchTheirSchemas(t *testing.T) {
	cases := []struct {
		name string
		typ  string
		v    any
	}{
		{"a feed item article", schemas.ArticleV1, goodArticle()},
		{"an extraction with one claim", schemas.ExtractionV1, goodExtraction()},
		{"an extraction that failed with a reason", schemas.ExtractionV1, schemas.Extraction{Schema: schemas.ExtractionV1, Doc: "x", Lang: "fr", ExtractorVersion: "0.1.0", RulesVersion: "r1",
			Entities: []schemas.Entity{}, Claims: []schemas.Claim{}, Error: &schemas.DocError{Code: "unsupported_language", Message: "fr is not supported"}}},
		{"a claim event", schemas.ClaimV1, goodClaim()},
		{"a dead letter", schemas.DeadLetterV1, schemas.DeadLetter{Schema: schemas.DeadLetterV1, Service: "extractor", Subject: "diplo.articles.file", Reason: "malformed", Error: "bad json", Deliveries: 1, Time: time.Now().UTC(), Payload: []byte("{")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := validate(t, compile(t, tc.typ), tc.v); err != nil {
				t.Fatalf("valid %s rejected: %v", tc.typ, err)
			}
		})
	}
}

func TestSchemasRejectWhatTheContractForbids(t *testing.T) {
	extra := map[string]any{}
	b, _ := json.Marshal(goodArticle())
	_ = json.Unmarshal(b, &extra)
	extra["unexpected"] = true

	noRule := goodExtraction()
	noRule.Claims[0].Rule = ""
	noEvidence := goodExtraction()
	noEvidence.Claims[0].Evidence = schemas.Span{}
	badPredicate := goodExtraction()
	badPredicate.Claims[0].Predicate = "praise"
	personActor := goodExtraction()
	personActor.Claims[0].Actors = []string{"Japan"}
	badWhen := goodClaim()
	badWhen.When = ptr("next year")
	badArticleFormat := goodArticle()
	badArticleFormat.Format = "pdf"

	cases := []struct {
		name string
		typ  string
		v    any
	}{
		{"an article with a field the schema does not know", schemas.ArticleV1, extra},
		{"an article in an unknown format", schemas.ArticleV1, badArticleFormat},
		{"a claim without the rule that fired", schemas.ExtractionV1, noRule},
		{"a claim without evidence text", schemas.ExtractionV1, noEvidence},
		{"a claim with a predicate outside the eight", schemas.ExtractionV1, badPredicate},
		{"a claim whose actor is a name, not an id", schemas.ExtractionV1, personActor},
		{"a claim event whose when is not a year or date", schemas.ClaimV1, badWhen},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := validate(t, compile(t, tc.typ), tc.v); err == nil {
				t.Fatalf("invalid %s accepted", tc.typ)
			}
		})
	}
}

func TestEveryTypeHasASchemaFileNamedForIt(t *testing.T) {
	for _, typ := range schemas.Types() {
		raw, err := schemas.File(typ)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Title                string `json:"title"`
			AdditionalProperties *bool  `json:"additionalProperties"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		if doc.Title != typ {
			t.Errorf("%s: title %q", typ, doc.Title)
		}
		if doc.AdditionalProperties == nil || *doc.AdditionalProperties {
			t.Errorf("%s: not strict (additionalProperties must be false)", typ)
		}
	}
}

func TestSubjectsAreSafeTokens(t *testing.T) {
	cases := map[string]string{
		schemas.ClaimSubject("oppose", "JPN"):     "diplo.claims.oppose.JPN",
		schemas.ClaimSubject("call_on", "org:un"): "diplo.claims.call_on.org:un",
		schemas.ArticleSubject("美国之音"):            "diplo.articles.美国之音",
		schemas.ArticleSubject("a.b c>*"):         "diplo.articles.a_b_c__",
		schemas.ArticleSubject(""):                "diplo.articles._",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
