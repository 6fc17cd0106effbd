// Command devscore runs the extraction engine over a folder of input files
// (the dev corpus's *.txt) and writes one Extraction per line (JSONL) for
// ../shared/eval/score.py.
//
//	go run ./internal/devscore -in /work/shared/corpus/dev -out /tmp/pred.jsonl
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
	"github.com/diplograph/diplograph/services/fetcher/source"
)

func main() {
	in := flag.String("in", "/work/shared/corpus/dev", "folder of input .txt files")
	out := flag.String("out", "/tmp/pred.jsonl", "JSONL output")
	explain := flag.Bool("explain", false, "print explanations to stderr")
	bench := flag.String("bench", "", "instead: benchmark extraction on the .md/.txt/.html files under this folder")
	workers := flag.Int("workers", runtime.NumCPU(), "benchmark workers")
	text := flag.String("text", "", "instead: explain the claims of this text")
	title := flag.String("title", "", "title for -text")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the benchmark here")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			_ = pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	var err error
	if *text != "" {
		err = explainText(*title, *text)
	} else if *bench != "" {
		err = runBench(*bench, *workers)
	} else {
		err = run(*in, *out, *explain)
	}
	if err != nil {
		pprof.StopCPUProfile()
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

func runBench(dir string, workers int) error {
	start := time.Now()
	e, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	startup := time.Since(start)
	var docs []schemas.Article
	err = filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".md", ".txt", ".html", ".htm":
		default:
			return nil
		}
		a, err := source.ReadFile(p)
		if err != nil {
			return nil // empty or unreadable inputs are not part of the benchmark
		}
		docs = append(docs, a)
		return nil
	})
	if err != nil {
		return err
	}
	r, err := extract.BenchExtract(context.Background(), e, docs, workers)
	if err != nil {
		return err
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("start-up %v\n%s\npeak RSS %.0f MB\n", startup.Round(time.Millisecond), r, float64(ru.Maxrss)/1024)
	return nil
}

func explainText(title, text string) error {
	e, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	x, ex := e.Explain(schemas.Article{Name: "text", Title: title, Format: schemas.FormatText, Body: text})
	if x.Error != nil {
		fmt.Println("error:", x.Error.Code, x.Error.Message)
	}
	for _, xx := range ex {
		c := x.Claims[xx.Claim]
		t, tp, w := "", "", ""
		if c.Target != nil {
			t = *c.Target
		}
		if c.Topic != nil {
			tp = *c.Topic
		}
		if c.When != nil {
			w = *c.When
		}
		fmt.Printf("%s %v → %s %s %s | %s\n    %s\n", c.Predicate, c.Actors, t, tp, w, c.Evidence.Text, xx)
	}
	return nil
}
