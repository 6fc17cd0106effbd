package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const benchUsage = "Usage: diplograph bench extract|link|pipeline|reprocess|serve [flags] DIR\n\n  extract   documents/s and MB/s of extraction, against gse Segment() alone on the same text (the floor)\n  link      claims/s written to Neo4j with the linker's batching, against bare UNWIND … MERGE (the floor)\n  pipeline  fetch → extract → link through NATS into Neo4j: sustained documents/s, p50/p99 publish-to-graph latency\n  reprocess reprocessing every archived article, with the same and with changed rules, against the first-time pipeline rate\n  serve     the dashboard API's latency (p50, p95) on a corpus's graph and on a synthetic one, against a bare round trip (the floor)\n\nRun 'diplograph bench NAME --help' for the flags.\n"
	if len(args) > 0 && isHelp(args[0]) {
		fmt.Fprint(stdout, benchUsage)
		return nil
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, benchUsage)
		return errUsage
	}
	switch args[0] {
	case "extract":
		return benchExtract(ctx, args[1:], stdout, stderr)
	case "link":
		return benchLink(ctx, args[1:], stdout, stderr)
	case "reprocess":
		return benchReprocess(ctx, args[1:], stdout, stderr)
	case "pipeline":
		return benchPipeline(ctx, args[1:], stdout, stderr)
	case "serve":
		return benchServe(ctx, args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "diplograph bench: unknown benchmark %q (extract, link, pipeline, reprocess, serve)\n", args[0])
		return errUsage
	}
}

// loadArticles reads every input file below the given paths; unreadable
// ones are counted and skipped.
func loadArticles(paths []string, stderr io.Writer) ([]schemas.Article, error) {
	files, err := expandPaths(paths)
	if err != nil {
		return nil, err
	}
	docs := make([]schemas.Article, 0, len(files))
	skipped := 0
	for _, f := range files {
		a, err := source.ReadFile(f)
		if err != nil {
			skipped++
			continue
		}
		docs = append(docs, a)
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "skipped %d unreadable inputs\n", skipped)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no input documents under %s", strings.Join(paths, ", "))
	}
	return docs, nil
}

func benchExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench extract", "Usage: diplograph bench extract [flags] DIR...\n\nExtracts every document under DIR on all cores and, in the same run, round after\nround, the floor: gse Segment() over the same clean text, sentence by sentence,\nwith the engine's dictionary. Reports the median round's documents/s and MB/s,\nextraction's share of the floor's throughput with its range over the rounds,\nstart-up time and peak RSS.\n", stderr)
	workers := fs.Int("workers", runtime.NumCPU(), "goroutines for extraction and for the floor")
	rounds := fs.Int("rounds", 5, "rounds, each extraction then the floor; the median round is reported with the range")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the rounds to this file (go tool pprof reads it)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("bench extract: give a folder of documents")
	}
	docs, err := loadArticles(fs.Args(), stderr)
	if err != nil {
		return err
	}
	limits.SetHeap()
	start := time.Now()
	engine, err := extract.New(extract.Options{LexiconDir: os.Getenv("DIPLOGRAPH_LEXICON"), RulesDir: os.Getenv("DIPLOGRAPH_RULES")})
	if err != nil {
		return err
	}
	startup := time.Since(start)
	fmt.Fprintf(stderr, "bench extract: %d documents, %d rounds on %d workers…\n", len(docs), max(1, *rounds), *workers)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench extract: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench extract: cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	r, err := extract.BenchExtract(ctx, engine, docs, *workers, max(1, *rounds))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bench extract: %s\n%s\nstart-up (dictionaries loaded): %s; peak RSS %s\n",
		strings.Join(fs.Args(), " "), r, startup.Round(time.Millisecond), peakRSS())
	return nil
}

// peakRSS reads the process's high-water resident set size (Linux).
func peakRSS() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err == nil {
				return fmt.Sprintf("%.0f MB", float64(kb)/1024)
			}
		}
	}
	return "unknown"
}
