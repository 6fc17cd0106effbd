package linker

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Read runs one Cypher statement with parameters in a READ transaction,
// which the server refuses to let write, and returns its column names and
// rows as Query does. Readers of the graph, such as the dashboard, use it.
func (g *Graph) Read(ctx context.Context, cypher string, params map[string]any) (keys []string, rows [][]any, err error) {
	s := g.session(ctx, neo4j.AccessModeRead)
	defer s.Close(context.WithoutCancel(ctx))
	type result struct {
		keys []string
		rows [][]any
	}
	res, err := neo4j.ExecuteRead(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		r, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return result{}, err
		}
		recs, err := r.Collect(ctx)
		if err != nil {
			return result{}, err
		}
		keys, err := r.Keys()
		if err != nil {
			return result{}, err
		}
		out := result{keys: keys, rows: make([][]any, 0, len(recs))}
		for _, rec := range recs {
			row := make([]any, len(rec.Values))
			for i, v := range rec.Values {
				row[i] = plain(v)
			}
			out.rows = append(out.rows, row)
		}
		return out, nil
	})
	if err != nil {
		return nil, nil, g.classify(err)
	}
	return res.keys, res.rows, nil
}
