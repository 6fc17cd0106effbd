package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/dashboard"
	"github.com/diplograph/diplograph/services/dashboard/dashbench"
	"github.com/diplograph/diplograph/services/linker"
)

// latencyBound is the p95 the stance matrix and the claim explorer's first
// page must stay under (issue 12).
const latencyBound = 300 * time.Millisecond

// benchServe times the dashboard's API on the graph of a corpus and on a
// synthetic graph, against a floor: the same HTTP and Bolt round trip with
// a query that reads nothing (RETURN 1).
func benchServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench serve", `Usage: diplograph bench serve [flags] [DIR...]

Links the documents under DIR (say, the whole feedx corpus) and times the dashboard's
API on that graph, then writes a synthetic graph of --synthetic claims (under a token
of its own; removed afterwards unless --keep) and times the API on it. Each call runs
--rounds rounds of --requests requests one after another; the median round is
reported with p50 and p95, against a floor measured in the same run: the same HTTP
and Bolt round trip with a query that reads nothing.
`, stderr)
	var s settings
	s.neo4jFlags(fs)
	s.logLevel = "warn"
	synthetic := fs.Int("synthetic", 1_000_000, "claims of the synthetic graph (0: none)")
	requests := fs.Int("requests", 20, "requests per call and round")
	rounds := fs.Int("rounds", 5, "rounds per call; the median round is reported")
	keep := fs.Bool("keep", false, "leave the corpus's articles and the synthetic graph in Neo4j")
	remove := fs.String("remove", "", "remove the synthetic graph of this token (left by --keep or an interrupted run) and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log := s.logger(stderr)
	graph, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer graph.Close(context.WithoutCancel(ctx))
	if *remove != "" {
		return dashbench.Synthetic{Token: *remove}.Remove(ctx, graph)
	}
	if err := graph.Migrate(ctx); err != nil {
		return err
	}
	base, stop, err := serveForBench(ctx, graph)
	if err != nil {
		return err
	}
	defer stop()
	client := &http.Client{Timeout: time.Minute}
	measure := func(what string, calls []dashbench.Call) error {
		// Statistics and plans as they are once the graph has settled:
		// indexes resampled, query plans made anew for its size.
		if _, _, err := graph.Query(ctx, "CALL db.prepareForReplanning(600)", nil); err != nil {
			return fmt.Errorf("preparing Neo4j's statistics: %w", err)
		}
		fmt.Fprintf(stdout, "\n== %s (%d rounds of %d requests per call)\n", what, *rounds, *requests)
		floor, err := dashbench.Measure(ctx, client, base, []dashbench.Call{{Name: "floor: RETURN 1", Path: "/bench/floor"}}, *requests, *rounds, nil)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, floor[0])
		rs, err := dashbench.Measure(ctx, client, base, calls, *requests, *rounds, stdout)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if r.Call.Required {
				verdict := "under"
				if r.P95 >= latencyBound {
					verdict = "NOT under"
				}
				fmt.Fprintf(stdout, "%s: p95 %s, %s the bound of %s\n", r.Call.Name, r.P95.Round(time.Millisecond), verdict, latencyBound)
			}
		}
		return nil
	}

	if fs.NArg() > 0 {
		ids, err := linkCorpus(ctx, graph, fs.Args(), stderr)
		if err != nil {
			return err
		}
		if !*keep {
			defer func() {
				if _, err := graph.RemoveArticles(context.WithoutCancel(ctx), ids); err != nil {
					fmt.Fprintf(stderr, "removing the corpus's articles: %v\n", err)
				}
			}()
		}
		picks, err := pickFilters(ctx, graph, ids)
		if err != nil {
			return err
		}
		counts, err := graphSize(ctx, graph)
		if err != nil {
			return err
		}
		if err := measure(fmt.Sprintf("the graph with %s linked (%s)", fs.Args(), counts), picks); err != nil {
			return err
		}
	}
	if *synthetic > 0 {
		b := make([]byte, 3)
		_, _ = rand.Read(b)
		syn := dashbench.NewSynthetic("zsyn"+hex.EncodeToString(b), *synthetic)
		start := time.Now()
		fmt.Fprintf(stderr, "writing a synthetic graph of %d claims under %s\n", *synthetic, syn.Token)
		last := time.Now()
		err := syn.Write(ctx, graph, func(done int) {
			if time.Since(last) > 10*time.Second {
				fmt.Fprintf(stderr, "  %d claims (%s)\n", done, time.Since(start).Round(time.Second))
				last = time.Now()
			}
		})
		if !*keep {
			defer func() {
				rstart := time.Now()
				if err := syn.Remove(context.WithoutCancel(ctx), graph); err != nil {
					fmt.Fprintf(stderr, "%v (remove it with diplograph bench serve --remove %s)\n", err, syn.Token)
					return
				}
				fmt.Fprintf(stderr, "synthetic graph removed (%s)\n", time.Since(rstart).Round(time.Second))
			}()
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "synthetic graph written in %s\n", time.Since(start).Round(time.Second))
		counts, err := graphSize(ctx, graph)
		if err != nil {
			return err
		}
		calls := dashbench.Calls(syn.TopActor(), syn.RareActor(), syn.TopTopic(), syn.Source(), "en", syn.LastYear())
		if err := measure(fmt.Sprintf("a synthetic graph of %d claims, token %s (%s)", *synthetic, syn.Token, counts), calls); err != nil {
			return err
		}
	}
	return nil
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// serveForBench serves the dashboard's handler on a free loopback port,
// with /bench/floor beside it, and returns its base URL.
func serveForBench(ctx context.Context, graph *linker.Graph) (string, func(), error) {
	srv := &dashboard.Server{Store: dashboard.NewStore(graph), Hub: dashboard.NewHub(quietLogger()), Log: quietLogger()}
	mux := http.NewServeMux()
	mux.Handle("/", srv.Handler())
	mux.HandleFunc("GET /bench/floor", func(w http.ResponseWriter, r *http.Request) {
		if _, _, err := graph.Read(r.Context(), "RETURN 1 AS one", nil); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"one":1}`+"\n")
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(l) }()
	return "http://" + l.Addr().String(), func() { _ = hs.Shutdown(context.WithoutCancel(ctx)) }, nil
}

// linkCorpus extracts the documents and writes them through the linker, as
// the pipeline would, and returns the articles' ids.
func linkCorpus(ctx context.Context, graph *linker.Graph, paths []string, stderr io.Writer) ([]string, error) {
	docs, err := loadArticles(paths, stderr)
	if err != nil {
		return nil, err
	}
	engine, err := newEngine(quietLogger())
	if err != nil {
		return nil, err
	}
	start := time.Now()
	xs := make([]schemas.Extraction, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				xs[i] = engine.Extract(docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	ids := make([]string, 0, len(xs))
	for lo := 0; lo < len(xs); lo += linker.DefaultBatch {
		batch := xs[lo:min(lo+linker.DefaultBatch, len(xs))]
		if _, err := graph.Write(ctx, batch); err != nil {
			return nil, fmt.Errorf("linking the corpus: %w", err)
		}
	}
	for _, x := range xs {
		ids = append(ids, x.ArticleID)
	}
	fmt.Fprintf(stderr, "linked %d documents in %s\n", len(docs), time.Since(start).Round(time.Millisecond))
	return ids, nil
}

// pickFilters chooses the filter values of the calls from what the
// corpus's articles say: the actor with most claims and one with few, the
// commonest topic, source and language, and the year with most claims.
func pickFilters(ctx context.Context, graph *linker.Graph, ids []string) ([]dashbench.Call, error) {
	_, rows, err := graph.Read(ctx, `
MATCH (art:Article)<-[:EVIDENCED_BY]-(c:Claim) WHERE art.id IN $ids
WITH DISTINCT c
CALL (c) { MATCH (a)-[:HOLDS]->(c) RETURN collect(a.id) AS actors }
RETURN actors, c.topic AS topic, c.date.year AS year`, map[string]any{"ids": toAny(ids)})
	if err != nil {
		return nil, err
	}
	actors, topics, years := map[string]int{}, map[string]int{}, map[int64]int{}
	for _, r := range rows {
		as, _ := r[0].([]any)
		for _, a := range as {
			actors[fmt.Sprint(a)]++
		}
		if t, ok := r[1].(string); ok {
			topics[t]++
		}
		if y, ok := r[2].(int64); ok {
			years[y]++
		}
	}
	if len(actors) == 0 {
		return nil, errors.New("bench serve: the corpus gave no claims")
	}
	top, rare := mostCommon(actors), ""
	for a, n := range actors {
		if n >= 2 && n <= 5 && (rare == "" || a < rare) {
			rare = a
		}
	}
	if rare == "" {
		rare = top
	}
	_, rows, err = graph.Read(ctx, `
MATCH (a:Article) WHERE a.id IN $ids
RETURN a.source AS source, a.lang AS lang, count(*) AS n ORDER BY n DESC LIMIT 1`, map[string]any{"ids": toAny(ids)})
	if err != nil || len(rows) == 0 {
		return nil, fmt.Errorf("bench serve: the corpus's sources: %v", err)
	}
	source, _ := rows[0][0].(string)
	lang, _ := rows[0][1].(string)
	var year int64
	for y, n := range years {
		if n > years[year] {
			year = y
		}
	}
	return dashbench.Calls(top, rare, mostCommon(topics), source, lang, int(year)), nil
}

func mostCommon(counts map[string]int) string {
	best := ""
	for k, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && k < best {
			best = k
		}
	}
	return best
}

// graphSize says how big the graph is: claims, articles, relationships.
func graphSize(ctx context.Context, graph *linker.Graph) (string, error) {
	_, rows, err := graph.Read(ctx, `
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN claims, articles, rels`, nil)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("graph: %v claims, %v articles, %v relationships", rows[0][0], rows[0][1], rows[0][2]), nil
}
