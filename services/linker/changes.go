package linker

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/linker/internal/plan"
)

// Report is one article's report of one claim: what an EVIDENCED_BY
// relationship holds, or would hold once an extraction is written.
type Report struct {
	Claim     string   `json:"c"`
	Predicate string   `json:"p"`
	Rule      string   `json:"r"`
	Actors    []string `json:"a"`
	Object    string   `json:"o"`
	Sentence  string   `json:"s,omitempty"`
	// Corroboration is the number of reports of the claim in the graph
	// (reports read from the graph only).
	Corroboration int `json:"n,omitempty"`
}

// Reports returns the reports an extraction would write: one per claim it
// states (negated claims state none), with the rule and span the linker
// keeps when a text states a claim twice.
func Reports(x schemas.Extraction) []Report {
	if plan.Validate(&x) != nil || x.Error != nil {
		return nil
	}
	p := plan.Build([]schemas.Extraction{x}, nil)
	claims := make(map[string]plan.Claim, len(p.Claims))
	for _, c := range p.Claims {
		claims[c.ID] = c
	}
	out := make([]Report, 0, len(p.Evidence))
	for _, e := range p.Evidence {
		c := claims[e.Claim]
		out = append(out, Report{Claim: c.ID, Predicate: c.Predicate, Rule: e.Rule, Actors: c.Actors, Object: c.Object, Sentence: e.Sentence})
	}
	return out
}

const cypherReports = `
UNWIND $ids AS id
MATCH (a:Article {id: id})<-[e:EVIDENCED_BY]-(c:Claim)
RETURN a.id AS article, c.id AS claim, c.predicate AS predicate, e.rule AS rule, c.actors AS actors,
       coalesce(c.target, c.topic) AS object, e.sentence AS sentence, c.corroboration AS corroboration`

// ArticleReports returns the reports the graph holds for each article
// among ids, read in one transaction.
func (g *Graph) ArticleReports(ctx context.Context, ids []string) (map[string][]Report, error) {
	out := make(map[string][]Report, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	res, err := neo4j.ExecuteQuery(ctx, g.driver, cypherReports, map[string]any{"ids": stringsAny(ids)},
		neo4j.EagerResultTransformer, append(g.queryOpts(), neo4j.ExecuteQueryWithReadersRouting())...)
	if err != nil {
		return nil, g.classify(fmt.Errorf("reading claim reports: %w", err))
	}
	for _, r := range res.Records {
		m := r.AsMap()
		rep := Report{Claim: str(m["claim"]), Predicate: str(m["predicate"]), Rule: str(m["rule"]), Actors: stringsOf(m["actors"]),
			Object: str(m["object"]), Sentence: str(m["sentence"])}
		if n, ok := m["corroboration"].(int64); ok {
			rep.Corroboration = int(n)
		}
		a := str(m["article"])
		out[a] = append(out[a], rep)
	}
	for a := range out {
		slices.SortFunc(out[a], func(x, y Report) int { return strings.Compare(x.Claim, y.Claim) })
	}
	return out, nil
}

// ExistingClaims returns which of the claim ids the graph holds.
func (g *Graph) ExistingClaims(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	for i := 0; i < len(ids); i += 1000 {
		res, err := neo4j.ExecuteQuery(ctx, g.driver, `UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id`,
			map[string]any{"ids": stringsAny(ids[i:min(i+1000, len(ids))])},
			neo4j.EagerResultTransformer, append(g.queryOpts(), neo4j.ExecuteQueryWithReadersRouting())...)
		if err != nil {
			return nil, g.classify(fmt.Errorf("reading claims: %w", err))
		}
		for _, r := range res.Records {
			out[str(r.Values[0])] = true
		}
	}
	return out, nil
}

// Changes tallies what new extractions of articles change against the
// reports the graph held for them: per predicate and rule, how many claim
// reports are added, kept and retracted, with examples; and per claim,
// whether it is new to the graph or leaves it.
type Changes struct {
	// Examples is how many additions and retractions to keep per predicate
	// and rule.
	Examples int

	articles int
	rows     map[[2]string]*ChangeRow
	claims   map[string]*claimTally
}

// ChangeRow is the tally of one predicate and rule.
type ChangeRow struct {
	Predicate, Rule    string
	Add, Keep, Retract int
	Added, Retracted   []Example
}

// Example is one report added or retracted.
type Example struct {
	Article string
	Report  Report
}

type claimTally struct {
	added, kept, removed int
	// before and after are the claim's reports in the graph, as the
	// reports read from it say (0 when they come from extractions).
	before, after int
}

// Article records one article's reports before and after.
func (c *Changes) Article(id string, before, after []Report) {
	if c.rows == nil {
		c.rows, c.claims = map[[2]string]*ChangeRow{}, map[string]*claimTally{}
	}
	c.articles++
	old := make(map[string]Report, len(before))
	for _, r := range before {
		old[r.Claim] = r
		c.claim(r.Claim).before = max(c.claim(r.Claim).before, r.Corroboration)
	}
	now := make(map[string]bool, len(after))
	for _, r := range after {
		now[r.Claim] = true
		c.claim(r.Claim).after = max(c.claim(r.Claim).after, r.Corroboration)
		row := c.row(r)
		if _, ok := old[r.Claim]; ok {
			row.Keep++
			c.claim(r.Claim).kept++
			continue
		}
		row.Add++
		c.claim(r.Claim).added++
		if len(row.Added) < c.Examples {
			row.Added = append(row.Added, Example{id, r})
		}
	}
	for _, r := range before {
		if now[r.Claim] {
			continue
		}
		row := c.row(r)
		row.Retract++
		c.claim(r.Claim).removed++
		if len(row.Retracted) < c.Examples {
			row.Retracted = append(row.Retracted, Example{id, r})
		}
	}
}

func (c *Changes) row(r Report) *ChangeRow {
	k := [2]string{r.Predicate, r.Rule}
	row := c.rows[k]
	if row == nil {
		row = &ChangeRow{Predicate: r.Predicate, Rule: r.Rule}
		c.rows[k] = row
	}
	return row
}

func (c *Changes) claim(id string) *claimTally {
	t := c.claims[id]
	if t == nil {
		t = &claimTally{}
		c.claims[id] = t
	}
	return t
}

// Rows returns the tallies by predicate and rule.
func (c *Changes) Rows() []ChangeRow {
	out := make([]ChangeRow, 0, len(c.rows))
	for _, r := range c.rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Predicate < out[j].Predicate || out[i].Predicate == out[j].Predicate && out[i].Rule < out[j].Rule
	})
	return out
}

// Gained returns the claims that gained reports and lost none: candidates
// for claims new to the graph.
func (c *Changes) Gained() []string {
	var out []string
	for id, t := range c.claims {
		if t.added > 0 && t.kept+t.removed == 0 {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Emptied returns the claims whose every report among these articles was
// retracted: candidates for claims that leave the graph.
func (c *Changes) Emptied() []string {
	var out []string
	for id, t := range c.claims {
		if t.removed > 0 && t.added+t.kept == 0 {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Predict counts, for new extractions not yet written, the claims they
// would bring into the graph (given which gained claims it holds) and
// those they would retract: emptied claims that no article outside these
// has a report of.
func (c *Changes) Predict(held map[string]bool) (added, retracted int) {
	for _, id := range c.Gained() {
		if !held[id] {
			added++
		}
	}
	for _, id := range c.Emptied() {
		if t := c.claims[id]; t.before <= t.removed {
			retracted++
		}
	}
	return added, retracted
}

// Observe counts, after new extractions were written (the after reports
// read from the graph), the claims they brought into the graph (gained
// claims whose every report is new) and those they retracted (emptied
// claims the graph no longer holds, given which of them it holds).
func (c *Changes) Observe(held map[string]bool) (added, retracted int) {
	for _, id := range c.Gained() {
		if c.claims[id].after == c.claims[id].added {
			added++
		}
	}
	for _, id := range c.Emptied() {
		if !held[id] {
			retracted++
		}
	}
	return added, retracted
}

// Write prints the tallies as a table with examples; newClaims and
// retracted are the claim counts from Predict or Observe.
func (c *Changes) Write(w io.Writer, newClaims, retracted int) {
	rows := c.Rows()
	fmt.Fprintf(w, "claim reports by predicate and rule (one report: one article stating one claim), over %d articles:\n", c.articles)
	pw, rw := len("predicate"), len("rule")
	for _, r := range rows {
		pw, rw = max(pw, len(r.Predicate)), max(rw, len(r.Rule))
	}
	line := func(p, r string, a, k, x any) {
		fmt.Fprintf(w, "  %-*s  %-*s  %7v %7v %8v\n", pw, p, rw, r, a, k, x)
	}
	line("predicate", "rule", "add", "keep", "retract")
	var ta, tk, tr int
	for _, r := range rows {
		line(r.Predicate, r.Rule, r.Add, r.Keep, r.Retract)
		ta, tk, tr = ta+r.Add, tk+r.Keep, tr+r.Retract
	}
	line("total", "", ta, tk, tr)
	fmt.Fprintf(w, "claims: %d new to the graph, %d retracted (no evidence left)\n", newClaims, retracted)
	var ex []string
	for _, r := range rows {
		for _, e := range r.Added {
			ex = append(ex, "  + "+e.String())
		}
		for _, e := range r.Retracted {
			ex = append(ex, "  - "+e.String())
		}
	}
	if len(ex) > 0 {
		fmt.Fprintln(w, "examples (+ added, - retracted):")
		fmt.Fprintln(w, strings.Join(ex, "\n"))
	}
}

// String is one line: predicate, rule, actors → object, the sentence
// (shortened) and the article.
func (e Example) String() string {
	s := strings.Join(strings.Fields(e.Report.Sentence), " ")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return fmt.Sprintf("%s %s: %s → %s %q (article %s)", e.Report.Predicate, e.Report.Rule, strings.Join(e.Report.Actors, ","), e.Report.Object, s, e.Article)
}
