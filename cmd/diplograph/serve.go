package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/diplograph/diplograph/platform/config"
	"github.com/diplograph/diplograph/services/dashboard"
	"github.com/diplograph/diplograph/services/linker"
)

// dashboardFlag is the dashboard's listen address, for serve and run.
func dashboardFlag(fs *flag.FlagSet, p *string, what string) {
	config.String(fs, p, "listen", "DASHBOARD_LISTEN", "127.0.0.1:8080", "address of the dashboard and its JSON API"+what)
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", `Usage: diplograph serve [flags]

Serves the dashboard (stance matrix, actor pages, claim explorer, graph view,
live feed) and its JSON API (docs/api.md) on --listen. It only reads the graph,
in READ transactions. The live feed follows the claim events of the NATS server
at --nats-url (where 'diplograph run' serves them by default); the rest works
without it.
`, stderr)
	var s settings
	s.nats.BindFlags(fs, "nats://127.0.0.1:4222")
	s.neo4jFlags(fs)
	_ = config.LogLevel(fs, &s.logLevel, "info")
	var listen string
	dashboardFlag(fs, &listen, "")
	if err := parseFlags(fs, args, s.nats.Validate, func() error { return config.CheckAddr("DASHBOARD_LISTEN", listen) }); err != nil {
		return err
	}
	if listen == "" {
		return fmt.Errorf("DASHBOARD_LISTEN: empty; give an address such as 127.0.0.1:8080")
	}
	log := s.logger(stderr)
	graph, err := linker.OpenGraph(ctx, s.neo4j, log)
	if err != nil {
		return err
	}
	defer graph.Close(context.WithoutCancel(ctx))
	warnUnmigrated(ctx, graph, log)
	hub := dashboard.NewHub(log)
	cfg := s.nats
	cfg.Name = "diplograph-dashboard"
	go hub.Follow(ctx, dashboard.Dial(cfg, log))
	srv := &dashboard.Server{Store: dashboard.NewStore(graph), Hub: hub, Log: log}
	return dashboard.Serve(ctx, listen, srv.Handler(), log, nil)
}

// serveDashboard serves the dashboard for diplograph run, its live feed
// reading the run's own connection, until ctx ends.
func serveDashboard(ctx context.Context, listen string, graph *linker.Graph, c dashboard.Connector, log *slog.Logger) error {
	hub := dashboard.NewHub(log)
	go hub.Follow(ctx, c)
	srv := &dashboard.Server{Store: dashboard.NewStore(graph), Hub: hub, Log: log}
	return dashboard.Serve(ctx, listen, srv.Handler(), log, nil)
}

// warnUnmigrated says when the graph lacks the indexes the linker creates
// (it has not run against this database yet): the dashboard only reads,
// so it cannot create them, and its queries would scan.
func warnUnmigrated(ctx context.Context, graph *linker.Graph, log *slog.Logger) {
	_, rows, err := graph.Read(ctx, `OPTIONAL MATCH (v:SchemaVersion {id: 'linker'}) RETURN v.version`, nil)
	if err != nil || len(rows) == 0 {
		return
	}
	if v, _ := rows[0][0].(int64); v < linker.SchemaVersion {
		log.Warn("the graph's schema is older than this linker's: its indexes may be missing, and the dashboard slow, until diplograph run or the linker starts once against it",
			"graph_version", v, "linker_version", linker.SchemaVersion)
	}
}
