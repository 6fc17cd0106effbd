package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/platform/limits"
	"github.com/diplograph/diplograph/schemas"
	"github.com/diplograph/diplograph/services/extractor/extract"
)

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("extract", "Usage: diplograph extract [--format jsonl|json] [--explain] PATH...\n\nExtracts claims from files or folders (plain text, HTML, feed-item dumps, and\nRSS, Atom or JSON feeds, each item a document named FEED#N) and prints one\nextraction per document; no server is needed. jsonl is what\nshared/eval/score.py reads. A document that cannot be extracted is printed with\nits error and the rest go on; the exit status is 1 when any failed, or when a\npath holds nothing to extract.\n", stderr)
	format := fset.String("format", "jsonl", "output format: jsonl (one object per line) or json (indented)")
	explain := fset.Bool("explain", false, "print for people instead of JSON: every claim with its evidence, the cue, the actor resolution and the rule")
	trace := fset.Bool("trace", false, "print what each stage found, sentence by sentence (tokens, mentions, clauses, frames): for writing rules")
	var workersN int
	workers := &workersN
	_ = config.Int(fset, workers, "workers", "EXTRACT_WORKERS", runtime.NumCPU(), "documents extracted at once; the output keeps the input order")
	var logLevel string
	_ = config.LogLevel(fset, &logLevel, "warn")
	if err := parseFlags(fset, args, func() error { _, err := engineOptions(); return err }); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return errUsage
	}
	if *format != "jsonl" && *format != "json" {
		return fmt.Errorf("--format %q: want jsonl or json", *format)
	}
	log := (&settings{logLevel: logLevel}).logger(stderr)
	limits.SetHeap()
	engine, err := newEngine(log)
	if err != nil {
		return err
	}
	if *workers < 1 {
		return fmt.Errorf("--workers %d: want 1 or more", *workers)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	failed, docs := 0, 0
	inputs := &extractInputs{stderr: stderr}
	// Documents are extracted on several goroutines and written in the
	// order they were read; at most 4×workers wait in memory.
	type result struct {
		text   []byte
		failed string // "path: code: message", when the extraction failed
	}
	type job struct {
		doc  extractDoc
		done chan result
	}
	jobs := make(chan job, 4**workers)
	order := make(chan chan result, 4**workers)
	go func() {
		defer close(order)
		defer close(jobs)
		for d := range inputs.documents(fset.Args()) {
			if ctx.Err() != nil {
				return
			}
			j := job{doc: d, done: make(chan result, 1)}
			order <- j.done
			jobs <- j
		}
	}()
	for w := 0; w < *workers; w++ {
		go func() {
			for j := range jobs {
				j.done <- extractOne(engine, j.doc, *format, *explain, *trace)
			}
		}()
	}
	for done := range order {
		r := <-done
		docs++
		if r.failed != "" {
			failed++
			fmt.Fprintln(stderr, r.failed)
		}
		if _, err := out.Write(r.text); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 || inputs.problems > 0 {
		out.Flush()
		return extractFailure(failed, docs, inputs.problems)
	}
	return nil
}

// extractOne extracts one document and renders it: a JSON line (or an
// indented object), an explanation, or a trace.
func extractOne(engine *extract.Engine, d extractDoc, format string, explain, trace bool) (r struct {
	text   []byte
	failed string
}) {
	p, a := d.path, d.article
	var x schemas.Extraction
	var b bytes.Buffer
	switch {
	case d.err != nil:
		x = schemas.Extraction{Schema: schemas.ExtractionV1, Doc: d.name, Lang: "und", Entities: []schemas.Entity{}, Claims: []schemas.Claim{},
			Error: &schemas.DocError{Code: "malformed", Message: d.err.Error()}}
	case trace:
		fmt.Fprintf(&b, "# %s\n%s", p, engine.Trace(a))
		r.text = b.Bytes()
		return r
	case explain:
		var why fmt.Stringer
		x, why = explainOne(engine, a)
		b.WriteString(why.String())
		r.text = b.Bytes()
		if x.Error != nil {
			r.failed = fmt.Sprintf("%s: %s: %s", p, x.Error.Code, x.Error.Message)
		}
		return r
	default:
		x = engine.Extract(a)
	}
	if x.Error != nil {
		r.failed = fmt.Sprintf("%s: %s: %s", p, x.Error.Code, x.Error.Message)
	}
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if format == "json" {
		enc.SetIndent("", "  ")
	}
	_ = enc.Encode(x)
	r.text = b.Bytes()
	return r
}

// expandPaths turns folders into the input files below them, sorted.
func expandPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), ".") && p != a {
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".txt", ".md", ".html", ".htm":
				if !strings.HasSuffix(p, ".gold.json") {
					found = append(found, p)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
