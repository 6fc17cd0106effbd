package linker_test

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/schemas"
)

// The sentence an extraction gives around its evidence is kept with the
// evidence, for readers who want the span in context; a sentence that does
// not hold the span where its offsets say is left out.
func TestEvidenceKeepsTheSentenceItStandsIn(t *testing.T) {
	sc := newScope()
	g := openGraph(t, sc)
	ctx := context.Background()
	xs := sc.corpus()
	sentence := "On Wednesday, the four Ministers firmly opposed economic coercion and called for calm."
	start := 100 - len("On Wednesday, t") + 1
	xs[1].Claims[0].Evidence = schemas.Span{Text: "the four Ministers firmly opposed economic coercion", Start: start + len("On Wednesday, "), End: start + len("On Wednesday, ") + len("the four Ministers firmly opposed economic coercion")}
	xs[1].Claims[0].Sentence = &schemas.Span{Text: sentence, Start: start, End: start + len(sentence)}
	// The commitment's sentence is off by one byte: not kept.
	c := &xs[1].Claims[1]
	c.Sentence = &schemas.Span{Text: "x" + c.Evidence.Text, Start: c.Evidence.Start, End: c.Evidence.End + 1}
	if _, err := g.Write(ctx, xs); err != nil {
		t.Fatal(err)
	}
	_, rows, err := g.Read(ctx, `MATCH (c:Claim)-[e:EVIDENCED_BY]->(:Article {id: $article})
RETURN c.predicate, e.context, e.context_start, e.start, e.end ORDER BY c.predicate`, map[string]any{"article": sc.article("2plus2-en")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("rows %v", rows)
	}
	if rows[0][0] != "commit" || rows[0][1] != nil || rows[0][2] != nil {
		t.Errorf("a sentence that does not hold the evidence was kept: %v", rows[0])
	}
	got := rows[1]
	if got[0] != "oppose" || got[1] != sentence || got[2] != int64(start) {
		t.Fatalf("oppose evidence: %v", got)
	}
	s, e := got[3].(int64)-got[2].(int64), got[4].(int64)-got[2].(int64)
	if sentence[s:e] != "the four Ministers firmly opposed economic coercion" {
		t.Fatalf("the offsets do not find the evidence in its sentence: %q", sentence[s:e])
	}
}
