package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/diplograph/diplograph/services/linker"
)

func cmdQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("query", "Usage: diplograph query [flags] 'CYPHER'\n\nRuns one Cypher statement against the graph and prints the result as a table.\nParameters: --param name=value (repeatable; a value that parses as JSON is used as such, else as a string).\n\nExample:\n  diplograph query 'MATCH (c:Country)-[:HOLDS]->(k:Claim {predicate:\"oppose\"})-[:ABOUT]->(t:Topic) RETURN c.id, t.id, count(*) ORDER BY count(*) DESC'\n", stderr)
	var s settings
	s.neo4jFlags(fs)
	s.logLevel = "warn"
	var params paramFlags
	fs.Var(&params, "param", "query parameter name=value (repeatable)")
	asJSON := fs.Bool("json", false, "print rows as JSON lines instead of a table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	log := s.logger(stderr)
	g, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer g.Close(context.WithoutCancel(ctx))
	keys, rows, err := g.Query(ctx, fs.Arg(0), params.m)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		for _, r := range rows {
			obj := map[string]any{}
			for i, k := range keys {
				obj[k] = r[i]
			}
			if err := enc.Encode(obj); err != nil {
				return err
			}
		}
		return nil
	}
	return printTable(stdout, keys, rows)
}

func printTable(w io.Writer, keys []string, rows [][]any) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(keys, "\t"))
	seps := make([]string, len(keys))
	for i, k := range keys {
		seps[i] = strings.Repeat("-", max(3, len([]rune(k))))
	}
	fmt.Fprintln(tw, strings.Join(seps, "\t"))
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = cell(v)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(rows))
	return err
}

func cell(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		s = "null"
	case string:
		s = x
	case time.Time:
		s = x.Format(time.RFC3339)
	case []any, map[string]any:
		b, _ := json.Marshal(x)
		s = string(b)
	default:
		s = fmt.Sprint(x)
	}
	s = strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return s
}

// paramFlags collects --param name=value pairs.
type paramFlags struct{ m map[string]any }

func (p *paramFlags) String() string { return "" }

func (p *paramFlags) Set(v string) error {
	name, val, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("want name=value, got %q", v)
	}
	if p.m == nil {
		p.m = map[string]any{}
	}
	var parsed any
	if err := json.Unmarshal([]byte(val), &parsed); err == nil {
		if f, isNum := parsed.(float64); isNum && f == float64(int64(f)) {
			parsed = int64(f)
		}
		p.m[name] = parsed
	} else {
		p.m[name] = val
	}
	return nil
}
