package linker_test

import (
	"context"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
)

func TestAReExtractedArticleReplacesWhatItSaidBefore(t *testing.T) {
	sc, g, xs := linkedCookbook(t)
	ctx := context.Background()
	// A newer extractor reads jp-cn-2024-09 as concern, not opposition.
	var redo = xs[5]
	if !strings.HasSuffix(redo.ArticleID, "jp-cn-2024-09") {
		t.Fatalf("fixture order changed: %s", redo.ArticleID)
	}
	redo.ExtractorVersion = "x-test-2"
	redo.Claims = append(redo.Claims[:0:0], redo.Claims...)
	redo.Claims[0].Predicate = "concern"
	if _, err := g.Write(ctx, xs[5:6]); err != nil { // the old extraction again: nothing changes
		t.Fatal(err)
	}
	before := dump(t, g, sc)
	if _, err := g.Write(ctx, xs[5:6]); err != nil {
		t.Fatal(err)
	}
	if dump(t, g, sc) != before {
		t.Fatal("rewriting an unchanged extraction changed the graph")
	}
	if _, err := g.Write(ctx, []schemas.Extraction{redo}); err != nil {
		t.Fatal(err)
	}
	stance := func(pred string) []any {
		_, rows, err := g.Query(ctx, `MATCH (:Entity {id: 'JPN'})-[s:STANCE {predicate: $p}]->(:Entity {id: $o})
RETURN s.count, s.first_seen, s.last_seen`, map[string]any{"p": pred, "o": sc.cn})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			return nil
		}
		return rows[0]
	}
	if got := canon(stance("oppose")); got != `[1,"2024-10-05","2024-10-05"]` {
		t.Errorf("JPN oppose CN after re-extraction: %s, want one claim (2024-10-05)", got)
	}
	if got := canon(stance("concern")); got != `[2,"2024-03-15","2024-09-20"]` {
		t.Errorf("JPN concern CN after re-extraction: %s, want two claims", got)
	}
	row := queryOne(t, g, `MATCH (a:Article {id: $a})<-[e:EVIDENCED_BY]-(c:Claim) RETURN collect(c.predicate), a.extractor_version`,
		map[string]any{"a": redo.ArticleID})
	if canon(row) != `[["concern"],"x-test-2"]` {
		t.Errorf("re-extracted article evidences %v", row)
	}
	// The claim the old reading made, evidenced by nothing else, is gone.
	row = queryOne(t, g, `MATCH (c:Claim {predicate: 'oppose', date: date('2024-09-20')})-[:TARGETS]->(:Entity {id: $o}) RETURN count(c)`,
		map[string]any{"o": sc.cn})
	if row[0] != int64(0) {
		t.Errorf("%v claims of the old reading remain", row[0])
	}
	// And the graph is the one a clean run of the new extraction gives.
	after := dump(t, g, sc)
	if err := cleanup(ctx, g, sc); err != nil {
		t.Fatal(err)
	}
	fresh := append(append(xs[:5:5], redo), xs[6:]...)
	if _, err := g.Write(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, g, sc); got != after {
		t.Errorf("graph after re-extraction differs from a clean run of the new extraction:\n--- re-extracted\n%s\n--- clean\n%s", after, got)
	}
}
