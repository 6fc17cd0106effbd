package linker_test

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/services/linker"
)

func rep(claim, pred, rule string, n int) linker.Report {
	return linker.Report{Claim: claim, Predicate: pred, Rule: rule, Actors: []string{"JPN"}, Object: "topic:x", Sentence: "Japan " + pred + "s x.", Corroboration: n}
}

func TestChangesTallyReportsByPredicateAndRuleAndClaimsThatComeAndGo(t *testing.T) {
	ch := &linker.Changes{Examples: 1}
	// a1 keeps c1, loses c2 (its only report) and gains c3 under a new rule;
	// a2 loses c4, which a third article outside the reprocess still reports.
	ch.Article("a1", []linker.Report{rep("c1", "oppose", "r.oppose", 1), rep("c2", "oppose", "r.oppose", 1)},
		[]linker.Report{rep("c1", "oppose", "r.oppose", 0), rep("c3", "concern", "r.concern.new", 0)})
	ch.Article("a2", []linker.Report{rep("c4", "support", "r.support", 2)}, nil)
	rows := ch.Rows()
	got := []string{}
	for _, r := range rows {
		got = append(got, r.Predicate+" "+r.Rule+" "+strings.Repeat("+", r.Add)+strings.Repeat("=", r.Keep)+strings.Repeat("-", r.Retract))
	}
	if strings.Join(got, "; ") != "concern r.concern.new +; oppose r.oppose =-; support r.support -" {
		t.Errorf("rows: %v", got)
	}
	// Before writing: c3 is new unless the graph has it; c2 goes, c4 stays.
	if added, retracted := ch.Predict(map[string]bool{}); added != 1 || retracted != 1 {
		t.Errorf("predicted %d new, %d retracted; want 1, 1", added, retracted)
	}
	if added, _ := ch.Predict(map[string]bool{"c3": true}); added != 0 {
		t.Errorf("a claim the graph holds already counted new")
	}
	var b strings.Builder
	ch.Write(&b, 1, 1)
	for _, want := range []string{"over 2 articles", "claims: 1 new to the graph, 1 retracted", "+ concern r.concern.new: JPN → topic:x", "- oppose r.oppose"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
}

func TestChangesObservedAfterTheWriteCountWhatTheGraphNoLongerHolds(t *testing.T) {
	ch := &linker.Changes{}
	ch.Article("a1", []linker.Report{rep("c2", "oppose", "r", 1)}, []linker.Report{rep("c3", "concern", "r", 1)})
	ch.Article("a2", []linker.Report{rep("c5", "oppose", "r", 2)}, []linker.Report{rep("c6", "concern", "r", 3)})
	// c3's one report is new: a new claim; c6 had reports before: not new.
	// c2 left the graph; c5 is still held (another article reports it).
	added, retracted := ch.Observe(map[string]bool{"c5": true})
	if added != 1 || retracted != 1 {
		t.Errorf("observed %d new, %d retracted; want 1, 1", added, retracted)
	}
}

func TestReportsAreWhatAnExtractionWouldWrite(t *testing.T) {
	sc := newScope()
	x := sc.corpus()[0]
	twice := x.Claims[0]
	twice.Evidence.Start, twice.Rule = 200, "zh.oppose.later"
	negated := x.Claims[1]
	negated.Negated, negated.Predicate = true, "support"
	x.Claims = append(x.Claims, twice, negated)
	reps := linker.Reports(x)
	if len(reps) != 2 {
		t.Fatalf("reports %+v: want the oppose claim once (stated twice) and the commitment, not the negated claim", reps)
	}
	for _, r := range reps {
		if r.Predicate == "oppose" && r.Rule != "zh.oppose.basic" {
			t.Errorf("a claim stated twice is reported by the rule of its first statement, got %s", r.Rule)
		}
		if r.Claim == "" || len(r.Actors) == 0 || r.Object == "" || r.Sentence == "" {
			t.Errorf("report %+v lacks a field", r)
		}
	}
}
