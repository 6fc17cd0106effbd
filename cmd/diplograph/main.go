// Command diplograph is the one binary users start with: it runs the whole
// pipeline in one process (embedded NATS, fetcher, extractor, linker), and
// offers extract, ingest, query, bench and dlq for everyday work.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

const usage = `diplograph turns diplomatic text (Chinese and English) into a queryable
record of who stands where: claims with evidence, in Neo4j and on NATS.

Usage:
  diplograph run [--once] [flags] [PATH|URL...]   run the pipeline (embedded NATS + fetcher,
                                                  extractor, linker); --once processes the
                                                  inputs, waits for the graph, prints a summary
  diplograph extract [--format jsonl|json] [--explain|--trace] PATH...
                                                  print extractions; no server needed
  diplograph lexicon gaps PATH...                 the stance objects no topic or party maps,
                                                  most frequent first
  diplograph ingest [flags] PATH|URL...           publish articles (files, folders, feeds)
  diplograph reprocess --all|--source S|--since D|--until D [--dry-run]
                                                  send archived articles through the current
                                                  rules again; print what changed
  diplograph query [flags] 'CYPHER'               run a Cypher query, print a table
  diplograph serve [--listen ADDR]                the dashboard and its JSON API (read-only)
  diplograph claims [--follow] [--predicate P] [--actor A]
                                                  print claim events from NATS as they come
  diplograph bench extract|link|pipeline|reprocess|serve [flags] DIR
                                                  measure throughput against a floor
  diplograph dlq list|show|replay [flags]         inspect and replay dead letters
  diplograph version

Run 'diplograph COMMAND --help' for a command's flags. Every flag can also be
set by the environment variable named in its help (NATS_URL, NEO4J_URI, …).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := profile(os.Getenv("DIPLOGRAPH_CPUPROFILE"))
	err := dispatch(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	interrupted := ctx.Err() != nil
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case interrupted && (errors.Is(err, errInterrupted) || errors.Is(err, context.Canceled)):
		// Ctrl-C is no failure to report: say so, in the shell's way.
		fmt.Fprintln(os.Stderr, "diplograph: interrupted")
		os.Exit(130)
	default:
		fmt.Fprintln(os.Stderr, "diplograph:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// profile writes a CPU profile of the command to path, when set
// (DIPLOGRAPH_CPUPROFILE): for finding where a slow run spends its time.
func profile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "diplograph: DIPLOGRAPH_CPUPROFILE:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "diplograph: DIPLOGRAPH_CPUPROFILE:", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "run":
		return cmdRun(ctx, rest, stdout, stderr)
	case "extract":
		return cmdExtract(ctx, rest, stdout, stderr)
	case "ingest":
		return cmdIngest(ctx, rest, stdout, stderr)
	case "reprocess":
		return cmdReprocess(ctx, rest, stdout, stderr)
	case "query":
		return cmdQuery(ctx, rest, stdout, stderr)
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "claims":
		return cmdClaims(ctx, rest, stdout, stderr)
	case "bench":
		return cmdBench(ctx, rest, stdout, stderr)
	case "lexicon":
		return cmdLexicon(ctx, rest, stdout, stderr)
	case "dlq":
		return cmdDLQ(ctx, rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "diplograph", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "diplograph: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
}

// errInterrupted reports that the user stopped a command (Ctrl-C, SIGTERM).
var errInterrupted = errors.New("interrupted")

// isHelp reports an argument that asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}
