// Command devscore runs the extraction engine over a folder of input files
// (the dev corpus's *.txt) and writes one Extraction per line (JSONL) for
// ../shared/eval/score.py.
//
//	go run ./internal/devscore -in /work/shared/corpus/dev -out /tmp/pred.jsonl
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

func main() {
	in := flag.String("in", "/work/shared/corpus/dev", "folder of input .txt files")
	out := flag.String("out", "/tmp/pred.jsonl", "JSONL output")
	explain := flag.Bool("explain", false, "print explanations to stderr")
	flag.Parse()
	if err := run(*in, *out, *explain); err != nil {
		fmt.Fprintln(os.Stderr, "devscore:", err)
		os.Exit(1)
	}
}

func run(in, out string, explain bool) error {
	e, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(in, "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, p := range files {
		a, err := source.ReadFile(p)
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		x, ex := e.Explain(a)
		if explain {
			fmt.Fprintf(os.Stderr, "== %s\n", x.Doc)
			for _, xx := range ex {
				c := x.Claims[xx.Claim]
				t, tp := "", ""
				if c.Target != nil {
					t = *c.Target
				}
				if c.Topic != nil {
					tp = *c.Topic
				}
				fmt.Fprintf(os.Stderr, "  %s %v → %s %s | %s\n      %s\n", c.Predicate, c.Actors, t, tp, c.Evidence.Text, xx)
			}
		}
		if err := enc.Encode(x); err != nil {
			return err
		}
	}
	return f.Close()
}
