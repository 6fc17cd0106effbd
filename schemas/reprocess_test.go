package schemas_test

import (
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schemas"
)

func goodRetraction() schemas.ClaimRetraction {
	return schemas.ClaimRetraction{
		Schema: schemas.ClaimRetractedV1, ID: "claim:" + strings.Repeat("0f", 16), Predicate: "oppose", Actor: "JPN",
		Actors: []string{"GBR", "JPN"}, Topic: ptr("topic:economic-coercion"), Date: "2023-11-07",
		Reason: schemas.RetractedNoEvidence, RulesVersion: "3f2a19c0b7d1", ExtractorVersion: "0.1.0",
		ArticleID: "a0123456789abcdef01234567", Time: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC),
	}
}

func goodReprocessItem() schemas.ReprocessItem {
	return schemas.ReprocessItem{
		Schema: schemas.ReprocessV1, Request: "rp-20260105-100000-1a2b", ArticleID: "a0123456789abcdef01234567",
		Subject: schemas.ArchiveSubject("美国之音", "a0123456789abcdef01234567"), Requested: time.Now().UTC(),
	}
}

func TestRetractionsAndReprocessItemsMatchTheirSchemas(t *testing.T) {
	noTopic := goodRetraction()
	noTopic.Topic, noTopic.Target = nil, ptr("CHN")
	for name, c := range map[string]struct {
		typ string
		v   any
	}{
		"a retraction about a topic":  {schemas.ClaimRetractedV1, goodRetraction()},
		"a retraction about a target": {schemas.ClaimRetractedV1, noTopic},
		"a reprocess item":            {schemas.ReprocessV1, goodReprocessItem()},
	} {
		t.Run(name, func(t *testing.T) {
			if err := compile(t, c.typ).Validate(c.v); err != nil {
				t.Fatalf("valid %s rejected: %v", c.typ, err)
			}
		})
	}
}

func TestRetractionAndReprocessSchemasRejectWhatTheyForbid(t *testing.T) {
	noReason := goodRetraction()
	noReason.Reason = ""
	badID := goodRetraction()
	badID.ID = "JPN-oppose"
	noArticle := goodRetraction()
	noArticle.ArticleID = ""
	badSubject := goodReprocessItem()
	badSubject.Subject = "diplo.articles.file"
	badRequest := goodReprocessItem()
	badRequest.Request = "a.b"
	for name, c := range map[string]struct {
		typ string
		v   any
	}{
		"a retraction without a reason":                {schemas.ClaimRetractedV1, noReason},
		"a retraction of something not a claim":        {schemas.ClaimRetractedV1, badID},
		"a retraction naming no article":               {schemas.ClaimRetractedV1, noArticle},
		"a reprocess item outside the archive":         {schemas.ReprocessV1, badSubject},
		"a reprocess request id that splits a subject": {schemas.ReprocessV1, badRequest},
	} {
		t.Run(name, func(t *testing.T) {
			if err := compile(t, c.typ).Validate(c.v); err == nil {
				t.Fatalf("invalid %s accepted", c.typ)
			}
		})
	}
}

func TestArchiveSubjectsHoldOneArticleEach(t *testing.T) {
	cases := map[string]string{
		schemas.ArchiveSubject("美国之音", "a0123"):  "diplo.archive.美国之音.a0123",
		schemas.ArchiveSubject("file", "doc.v2"): "diplo.archive.file.doc_v2",
		schemas.ReprocessSubject("rp-1"):         "diplo.reprocess.rp-1",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
