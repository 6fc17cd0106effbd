package linker_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker"
)

// reread returns the cookbook as a later extractor (rules r-test-2) reads
// five of its articles, changing what a clean run derives from them:
//   - 2plus2-zh no longer states the commitment (the English report still
//     does) nor names Cleverly among those who opposed coercion;
//   - jp-cn-2023-05 no longer names the minister (Hayashi, whose office
//     nothing else attests) and calls China 中华人民共和国;
//   - jp-cn-2024-09 reads concern, not opposition (the opposition claim of
//     that day loses its only evidence), and calls China 中华人民共和国;
//   - uk-2024-05 no longer names Grant (whose inferred office then spans
//     one article).
func reread(sc scope, xs []schemas.Extraction) []schemas.Extraction {
	out := slices.Clone(xs)
	redo := func(i int, suffix string, f func(x *schemas.Extraction)) {
		x := out[i]
		if !strings.HasSuffix(x.ArticleID, suffix) {
			panic("cookbook order changed: " + x.ArticleID)
		}
		x.RulesVersion = "r-test-2"
		x.Entities = slices.Clone(x.Entities)
		x.Claims = slices.Clone(x.Claims)
		f(&x)
		out[i] = x
	}
	without := func(ents []schemas.Entity, id string) []schemas.Entity {
		return slices.DeleteFunc(ents, func(e schemas.Entity) bool { return e.ID == id })
	}
	renameCN := func(x *schemas.Extraction) {
		for i, e := range x.Entities {
			if e.ID == sc.cn {
				x.Entities[i].Name = "中华人民共和国"
			}
		}
	}
	redo(0, "2plus2-zh", func(x *schemas.Extraction) {
		x.Claims = x.Claims[:1]
		x.Claims[0].Speakers = []string{sc.person("kamikawa-yoko")}
		x.Entities = without(x.Entities, sc.person("cleverly-james"))
	})
	redo(3, "jp-cn-2023-05", func(x *schemas.Extraction) {
		x.Entities = without(x.Entities, "m1")
		x.Claims[0].Speakers = []string{}
		renameCN(x)
	})
	redo(5, "jp-cn-2024-09", func(x *schemas.Extraction) {
		x.Claims[0].Predicate = "concern"
		renameCN(x)
	})
	redo(9, "uk-2024-05", func(x *schemas.Extraction) {
		x.Entities = without(x.Entities, "m2")
		x.Claims[0].Speakers = []string{}
	})
	return out
}

func TestAReExtractionLeavesTheGraphACleanRunOfTheNewExtractionsGives(t *testing.T) {
	sc, g, xs := linkedCookbook(t)
	ctx := context.Background()
	outbox := "test-" + sc.run
	b := reread(sc, xs)
	l, err := g.Link(ctx, b, linker.LinkOptions{Outbox: outbox})
	if err != nil {
		t.Fatal(err)
	}
	if l.Written != 4 || l.Unchanged != len(xs)-4 || l.Restamped != 0 || l.Retracted != 1 {
		t.Errorf("linked %+v; want 4 written, %d unchanged, 1 claim retracted", l, len(xs)-4)
	}
	// What a clean run derives, spelled out (the dump below checks the rest).
	checks := []struct {
		what, cypher, want string
	}{
		{"China's names lose 中国", `MATCH (n:Entity {id: $cn}) RETURN [n.names, n.name]`, `[["China","中华人民共和国"],"China"]`},
		{"Hayashi, named by no article any more, is gone with his office", `MATCH (p:Person {id: $hayashi}) RETURN count(p)`, `0`},
		{"Grant's inferred office spans the one article left", `MATCH (:Person)-[r:SERVES_AS {role: 'defence-minister'}]->(:Entity {id: 'GBR'}) WHERE r.inferred RETURN [toString(r.seen_from), toString(r.seen_to)]`, `["2024-02-10","2024-02-10"]`},
		{"Grant no longer stated the commitment", `MATCH (:Person)-[:STATED]->(c:Claim {predicate: 'commit'})-[:ABOUT]->(:Topic {id: $ukraine}) RETURN count(c)`, `0`},
		{"Cleverly no longer opposed coercion, Kamikawa did", `MATCH (p:Person)-[:STATED]->(:Claim {predicate: 'oppose'})-[:ABOUT]->(:Topic {id: $coercion}) RETURN collect(p.id)`, `["` + sc.person("kamikawa-yoko") + `"]`},
		{"Cleverly keeps his office (uk-2023-03 names him)", `MATCH (:Person {id: $cleverly})-[r:SERVES_AS]->() RETURN count(r)`, `1`},
		{"the commitment survives on the English report", `MATCH (c:Claim {predicate: 'commit'})-[:ABOUT]->(:Topic {id: $csg}) RETURN [c.corroboration, c.sources]`, `[1,1]`},
	}
	params := map[string]any{"cn": sc.cn, "hayashi": sc.person("hayashi-yoshimasa"), "cleverly": sc.person("cleverly-james"),
		"ukraine": sc.topic("ukraine-sovereignty"), "coercion": sc.topic("economic-coercion"), "csg": sc.topic("carrier-strike-group-deployment")}
	for _, c := range checks {
		if got := canon(queryOne(t, g, c.cypher, params)[0]); got != c.want {
			t.Errorf("%s: %s, want %s", c.what, got, c.want)
		}
	}

	// The retraction is filed in the outbox, naming the article and rules.
	gone := linker.ClaimID([]string{"JPN"}, "oppose", ptr(sc.cn), ptr(sc.topic("status-quo-change")), "2024-09-20")
	pending, err := g.PendingRetractions(ctx, outbox, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || len(pending[0].Events) != 1 {
		t.Fatalf("pending retractions %+v, want one claim with one actor", pending)
	}
	v, err := schemas.NewValidator(schemas.ClaimRetractedV1)
	if err != nil {
		t.Fatal(err)
	}
	e := pending[0].Events[0]
	if err := v.Validate(e); err != nil {
		t.Error(err)
	}
	if e.ID != gone || e.Actor != "JPN" || e.ArticleID != sc.article("jp-cn-2024-09") || e.RulesVersion != "r-test-2" || e.Date != "2024-09-20" || e.Time.IsZero() {
		t.Errorf("retraction %+v; want claim %s of JPN, by article jp-cn-2024-09 under r-test-2", e, gone)
	}
	if others, _ := g.PendingRetractions(ctx, outbox+"-other", 100); len(others) != 0 {
		t.Errorf("another pipeline's outbox holds %d of these retractions", len(others))
	}
	if err := g.ClearRetractions(ctx, []string{pending[0].Key}); err != nil {
		t.Fatal(err)
	}

	// Reading the new extractions again changes nothing.
	after := dump(t, g, sc)
	if l, err := g.Link(ctx, b, linker.LinkOptions{Outbox: outbox}); err != nil || l.Unchanged != len(b) {
		t.Fatalf("linking the same extractions again: %+v, %v; want all unchanged", l, err)
	}

	// And the graph is the one a clean run of the new extractions gives.
	if err := cleanup(ctx, g, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	if clean := dump(t, g, sc); clean != after {
		t.Errorf("graph after re-extraction differs from a clean run of the new extractions:\n%s", lineDiff(clean, after))
	}
}

func TestAnExtractionTheGraphHoldsAlreadyIsNotWrittenAgain(t *testing.T) {
	sc, g, xs := linkedCookbook(t)
	ctx := context.Background()
	writes := 0
	linker.SetTestHook(g, func(p string) {
		if p == "written" {
			writes++
		}
	})
	before := dump(t, g, sc)
	l, err := g.Link(ctx, xs, linker.LinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Unchanged != len(xs) || l.Written+l.Restamped != 0 || len(l.Events) != 0 || writes != 0 {
		t.Fatalf("the same extractions again: %+v, %d write transactions; want all unchanged, none", l, writes)
	}
	if dump(t, g, sc) != before {
		t.Fatal("the graph changed")
	}

	// The same extractions from other rules: only the version stamps change.
	stamped := slices.Clone(xs)
	for i := range stamped {
		stamped[i].RulesVersion = "r-test-9"
	}
	if l, err = g.Link(ctx, stamped, linker.LinkOptions{}); err != nil {
		t.Fatal(err)
	}
	if l.Restamped != len(xs) || l.Written != 0 || len(l.Events) != 0 || writes != 1 {
		t.Fatalf("the same extractions from other rules: %+v, %d write transactions; want all restamped in one", l, writes)
	}
	restamped := dump(t, g, sc)
	if strings.Contains(restamped, "r-test-1") {
		t.Error("an old rules version stamp is left")
	}

	// Forced, they are written in full, and their events come back.
	if l, err = g.Link(ctx, stamped, linker.LinkOptions{Force: slices.Repeat([]bool{true}, len(xs))}); err != nil {
		t.Fatal(err)
	}
	if l.Written != len(xs) || len(l.Events) == 0 {
		t.Fatalf("forced: %+v, want every article written and its events", l)
	}
	if got := dump(t, g, sc); got != restamped {
		t.Errorf("forced rewrite changed the graph:\n%s", lineDiff(restamped, got))
	}

	if err := cleanup(ctx, g, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Write(ctx, stamped); err != nil {
		t.Fatal(err)
	}
	if clean := dump(t, g, sc); clean != restamped {
		t.Errorf("restamped graph differs from a clean run of the restamped extractions:\n%s", lineDiff(clean, restamped))
	}
}

// lineDiff lists the lines of two dumps that are in one only.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
