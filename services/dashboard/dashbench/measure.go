package dashbench

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Call is one API request the benchmark times.
type Call struct {
	Name  string // what it asks, for the report
	Path  string // such as /api/stances
	Query url.Values
	// Required marks the calls the acceptance bound applies to: the stance
	// matrix and the claim explorer's first page as they open.
	Required bool
}

// URL is the call's path and query.
func (c Call) URL() string {
	if len(c.Query) == 0 {
		return c.Path
	}
	return c.Path + "?" + c.Query.Encode()
}

// Calls returns the calls to time on a graph: the stance matrix and the
// claim explorer's first page, as they open and with each kind of filter.
// topActor and rareActor hold many and few claims; topic, source and lang
// exist; year has claims.
func Calls(topActor, rareActor, topic, source, lang string, year int) []Call {
	y := fmt.Sprint(year)
	q := func(kv ...string) url.Values {
		v := url.Values{}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	return []Call{
		{"stance matrix", "/api/stances", nil, true},
		{"stance matrix, one predicate", "/api/stances", q("predicate", "oppose"), false},
		{"stance matrix, one year", "/api/stances", q("from", y, "to", y), false},
		{"stance matrix, one source", "/api/stances", q("source", source), false},
		{"stance matrix, one language, one year", "/api/stances", q("lang", lang, "from", y, "to", y), false},
		{"claims, first page", "/api/claims", nil, true},
		{"claims by predicate", "/api/claims", q("predicate", "condemn"), false},
		{"claims by an actor with many", "/api/claims", q("actor", topActor), false},
		{"claims by an actor with few", "/api/claims", q("actor", rareActor), false},
		{"claims by topic", "/api/claims", q("topic", topic), false},
		{"claims in one year", "/api/claims", q("from", y, "to", y), false},
		{"claims by language", "/api/claims", q("lang", lang), false},
		{"claims by source", "/api/claims", q("source", source), false},
		{"claims by actor, predicate and year", "/api/claims", q("actor", topActor, "predicate", "oppose", "from", y, "to", y), false},
		{"actor page", "/api/actors/" + url.PathEscape(topActor), nil, false},
		{"graph view", "/api/graph/" + url.PathEscape(topActor), nil, false},
	}
}

// Result is the latency of one call over the rounds: the median round (by
// p95) and the range of the rounds' p95.
type Result struct {
	Call Call
	// First is the call's first request, which may wait for Neo4j to plan
	// its query.
	First            time.Duration
	P50, P95, Max    time.Duration
	P95Low, P95High  time.Duration
	Requests, Rounds int
}

func (r Result) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("%-40s p50 %5s ms  p95 %5s ms  (p95 of the rounds %s–%s ms)  max %s ms  first %s ms",
		r.Call.Name, ms(r.P50), ms(r.P95), ms(r.P95Low), ms(r.P95High), ms(r.Max), ms(r.First))
}

// Measure times each call: per round, a warm-up request and then requests
// one after another; it reports the median round.
func Measure(ctx context.Context, client *http.Client, base string, calls []Call, requests, rounds int, progress io.Writer) ([]Result, error) {
	out := make([]Result, 0, len(calls))
	for _, c := range calls {
		type round struct{ p50, p95, max time.Duration }
		var rs []round
		var first time.Duration
		for i := range max(1, rounds) {
			d, err := get(ctx, client, base+c.URL()) // warm-up
			if err != nil {
				return nil, fmt.Errorf("%s: %w", c.Name, err)
			}
			if i == 0 {
				first = d
			}
			ds := make([]time.Duration, 0, requests)
			for range max(1, requests) {
				d, err := get(ctx, client, base+c.URL())
				if err != nil {
					return nil, fmt.Errorf("%s: %w", c.Name, err)
				}
				ds = append(ds, d)
			}
			slices.Sort(ds)
			rs = append(rs, round{percentile(ds, 50), percentile(ds, 95), ds[len(ds)-1]})
		}
		slices.SortFunc(rs, func(a, b round) int { return cmp.Compare(a.p95, b.p95) })
		med := rs[len(rs)/2]
		r := Result{Call: c, First: first, P50: med.p50, P95: med.p95, Max: med.max, P95Low: rs[0].p95, P95High: rs[len(rs)-1].p95,
			Requests: requests, Rounds: len(rs)}
		if progress != nil {
			fmt.Fprintln(progress, r)
		}
		out = append(out, r)
	}
	return out, nil
}

// get fetches a URL and reads the whole answer, as a page does.
func get(ctx context.Context, client *http.Client, u string) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	d := time.Since(start)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %d %s", u, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	return d, nil
}

// percentile is the p-th percentile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := (p*len(sorted) + 99) / 100
	return sorted[max(0, min(len(sorted)-1, k-1))]
}
