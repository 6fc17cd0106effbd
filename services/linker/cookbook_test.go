package linker_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/services/linker"
)

var update = flag.Bool("update", false, "rewrite docs/queries.md from linker.Cookbook")

// render prints a value the way the expectations below are written.
func render(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, render(e))
		}
		sort.Strings(parts)
		return "[" + strings.Join(parts, " ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, k+":"+render(x[k]))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	return fmt.Sprint(v)
}

func TestEveryCookbookQueryAnswersItsQuestion(t *testing.T) {
	sc, g, _ := linkedCookbook(t)
	ctx := context.Background()
	_, rows, err := g.Query(ctx, `MATCH (c:Claim)-[:EVIDENCED_BY]->(a:Article) WHERE a.id STARTS WITH $run RETURN DISTINCT c.id`, map[string]any{"run": sc.run})
	if err != nil {
		t.Fatal(err)
	}
	mine := map[string]bool{}
	for _, r := range rows {
		mine[r[0].(string)] = true
	}
	// The scope's part of a value: its ids carry the run token, or are the
	// scope's country, or are claims of its articles.
	scoped := func(v any) bool {
		s := fmt.Sprint(v)
		return strings.Contains(s, sc.run) || s == sc.cn || mine[s]
	}
	short := func(s string) string { // scope-free names for the expectations
		s = strings.ReplaceAll(s, sc.run+"-", "")
		s = strings.ReplaceAll(s, sc.run, "RUN")
		return strings.ReplaceAll(s, sc.cn, "CN")
	}
	coercion, csg, indo := sc.topic("economic-coercion"), sc.topic("carrier-strike-group-deployment"), sc.place("indo-pacific")
	oppose := linker.ClaimID([]string{"GBR", "JPN"}, "oppose", nil, &coercion, "2023-11-08")
	commitCSG := linker.ClaimID([]string{"GBR"}, "commit", &indo, &csg, "2023-11-08")
	g7 := sc.org("g7")
	supply := sc.topic("supply-chain-resilience")
	commitG7 := linker.ClaimID([]string{g7}, "commit", nil, &supply, "2025-04-03")
	claimName := map[string]string{oppose: "OPPOSE-COERCION", commitCSG: "COMMIT-CSG", commitG7: "COMMIT-G7"}

	cases := map[string]struct {
		params map[string]any
		key    string   // the column that tells the scope's rows from others'
		cols   []string // the columns compared
		want   []string
	}{
		"who-opposes": {map[string]any{"topic": coercion}, "", []string{"actor", "since", "latest", "statements", "reports"},
			[]string{"GBR|2023-11-08|2023-11-08|1|2", "JPN|2023-11-08|2023-11-08|1|2"}},
		"commitments-due": {map[string]any{"year": 2025}, "claim", []string{"claim", "actors", "due", "stated", "evidence"},
			[]string{
				"COMMIT-CSG|[GBR]|2025|2023-11-08|[{article:2plus2-en lang:en sentence:the UK plans to deploy its Carrier Strike Group to the Indo-Pacific in 2025 url:https://example.org/RUN/2plus2-en} {article:2plus2-zh lang:zh sentence:英国计划2025年派遣航母打击群赴印太地区 url:https://example.org/RUN/2plus2-zh}]",
				"COMMIT-G7|[org:g7]|2025-12|2025-04-03|[{article:g7-2025-04 lang:en sentence:The G7 committed to agree a supply chain resilience plan by December 2025 url:https://example.org/RUN/g7-2025-04}]",
			}},
		"stance-history": {map[string]any{"actor": "JPN", "object": sc.cn}, "", []string{"predicate", "statements", "first_seen", "last_seen"},
			[]string{"call_on|1|2023-05-20|2023-05-20", "concern|1|2024-03-15|2024-03-15", "oppose|2|2024-09-20|2024-10-05"}},
		"corroborated": {map[string]any{"min": 2}, "claim", []string{"claim", "predicate", "sources", "by"},
			[]string{"COMMIT-CSG|commit|2|[mofa-en rfi-zh]", "OPPOSE-COERCION|oppose|2|[mofa-en rfi-zh]"}},
		"officials-for": {map[string]any{"country": "GBR", "year": 2023}, "person", []string{"person", "name", "statements", "first", "last"},
			[]string{"person:cleverly-james|James Cleverly|2|2023-03-02|2023-11-08"}},
		"role-holder": {map[string]any{"role": "foreign-minister", "of": "JPN", "day": "2023-11-08"}, "person", []string{"person", "name", "from", "to"},
			[]string{"person:kamikawa-yoko|Yoko Kamikawa|2023-09-13|2024-10-01"}},
		"evidence-trail": {map[string]any{"claim": oppose}, "", []string{"article", "source", "lang", "sentence", "rule"},
			[]string{"2plus2-en|mofa-en|en|The four Ministers firmly opposed economic coercion|en.oppose.basic", "2plus2-zh|rfi-zh|zh|四位部长表示坚决反对经济胁迫|zh.oppose.basic"}},
		"joint-positions": {map[string]any{"a": "GBR", "b": "JPN"}, "claim", []string{"claim", "predicate", "topic", "date"},
			[]string{"OPPOSE-COERCION|oppose|topic:economic-coercion|2023-11-08"}},
		"condemned-by": {map[string]any{"actor": "USA"}, "target", []string{"date", "target", "target_name"},
			[]string{`2023-06-01|org:hamas|Hamas"}) MATCH (n) DETACH DELETE n //`}},
		"calls-on": {map[string]any{"target": sc.cn}, "", []string{"actor", "topic", "date"},
			[]string{"JPN|topic:detainee-release|2023-05-20", "org:g7|topic:market-access|2025-04-03"}},
		"topics-of-year": {map[string]any{"year": 2024}, "topic", []string{"topic", "claims", "predicates"},
			[]string{"topic:status-quo-change|2|[oppose]", "topic:ukraine-sovereignty|2|[commit support]", "topic:chip-export-controls|1|[commit]", "topic:military-activity|1|[concern]"}},
		"sources": {map[string]any{}, "source", []string{"source", "articles", "claims", "exclusive"},
			[]string{"mofa-en|5|7|5", "rfi-zh|2|3|1", "kyodo-en|2|2|2", "rfi-en|2|2|2", "kyodo-ja|1|1|1", "yonhap-ko|1|0|0"}},
		"extraction-errors": {map[string]any{}, "article", []string{"article", "lang", "code"},
			[]string{"broken-ko|ko|unsupported_language"}},
		"unknown-officials": {map[string]any{}, "person", []string{"person", "names", "country", "role", "seen_from", "seen_to"},
			[]string{"person:grant-RUN|[Grant RUN]|GBR|defence-minister|2024-02-10|2024-05-02"}},
		"actor-dashboard": {map[string]any{"actor": "GBR"}, "object", []string{"predicate", "object", "statements", "first_seen", "last_seen"},
			[]string{"commit|topic:ukraine-sovereignty|1|2024-05-02|2024-05-02", "support|topic:ukraine-sovereignty|1|2024-02-10|2024-02-10",
				"commit|place:indo-pacific|1|2023-11-08|2023-11-08", "oppose|topic:economic-coercion|1|2023-11-08|2023-11-08", "concern|place:south-china-sea|1|2023-03-02|2023-03-02"}},
	}
	if len(linker.Cookbook) < 12 {
		t.Errorf("the cookbook has %d questions, want at least 12", len(linker.Cookbook))
	}
	for _, r := range linker.Cookbook {
		t.Run(r.Name, func(t *testing.T) {
			tc, ok := cases[r.Name]
			if !ok {
				t.Fatalf("no expectation for cookbook question %q", r.Name)
			}
			for k := range r.Params {
				if _, ok := tc.params[k]; !ok {
					t.Errorf("example parameter %q is not exercised", k)
				}
			}
			keys, rows, err := g.Query(ctx, r.Cypher, tc.params)
			if err != nil {
				t.Fatalf("%s: %v", r.Question, err)
			}
			col := map[string]int{}
			for i, k := range keys {
				col[k] = i
			}
			var got []string
			for _, row := range rows {
				if tc.key != "" && !scoped(row[col[tc.key]]) {
					continue
				}
				var cells []string
				for _, c := range tc.cols {
					i, ok := col[c]
					if !ok {
						t.Fatalf("no column %q in %v", c, keys)
					}
					v := render(row[i])
					if n, ok := claimName[v]; ok {
						v = n
					}
					cells = append(cells, short(v))
				}
				got = append(got, strings.Join(cells, "|"))
			}
			if r.Name == "corroborated" { // ordered by claim id, a hash
				sort.Strings(got)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("%s\n got:\n  %s\nwant:\n  %s", r.Question, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestCookbookDocIsUpToDate(t *testing.T) {
	const path = "../../docs/queries.md"
	want := linker.CookbookMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (regenerate with: go test ./services/linker -run CookbookDoc -update)", err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date: regenerate with go test ./services/linker -run CookbookDoc -update", path)
	}
}
