package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/schemas"
)

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("extract", "Usage: diplograph extract [--format jsonl|json] [--explain] PATH...\n\nExtracts claims from files or folders (plain text, HTML, feed-item dumps, and\nRSS, Atom or JSON feeds, each item a document named FEED#N) and prints one\nextraction per document; no server is needed. jsonl is what\nshared/eval/score.py reads. A document that cannot be extracted is printed with\nits error and the rest go on; the exit status is 1 when any failed, or when a\npath holds nothing to extract.\n", stderr)
	format := fset.String("format", "jsonl", "output format: jsonl (one object per line) or json (indented)")
	explain := fset.Bool("explain", false, "print for people instead of JSON: every claim with its evidence, the cue, the actor resolution and the rule")
	trace := fset.Bool("trace", false, "print what each stage found, sentence by sentence (tokens, mentions, clauses, frames): for writing rules")
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
	engine, err := newEngine(log)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if *format == "json" {
		enc.SetIndent("", "  ")
	}
	failed, docs := 0, 0
	inputs := &extractInputs{stderr: stderr}
	for d := range inputs.documents(fset.Args()) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		docs++
		p, a, err := d.path, d.article, d.err
		var x schemas.Extraction
		switch {
		case err != nil:
			x = schemas.Extraction{Schema: schemas.ExtractionV1, Doc: d.name, Lang: "und", Entities: []schemas.Entity{}, Claims: []schemas.Claim{},
				Error: &schemas.DocError{Code: "malformed", Message: err.Error()}}
		case *trace:
			fmt.Fprintf(out, "# %s\n%s", p, engine.Trace(a))
			continue
		case *explain:
			var why fmt.Stringer
			x, why = explainOne(engine, a)
			fmt.Fprint(out, why.String())
			if x.Error != nil {
				failed++
				fmt.Fprintf(stderr, "%s: %s: %s\n", p, x.Error.Code, x.Error.Message)
			}
			continue
		default:
			x = engine.Extract(a)
		}
		if x.Error != nil {
			failed++
			fmt.Fprintf(stderr, "%s: %s: %s\n", p, x.Error.Code, x.Error.Message)
		}
		if err := enc.Encode(x); err != nil {
			return err
		}
	}
	if failed > 0 || inputs.problems > 0 {
		out.Flush()
		return extractFailure(failed, docs, inputs.problems)
	}
	return nil
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
