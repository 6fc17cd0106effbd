package systest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/platform/tlstest"
	"github.com/diplograph/diplograph/services/linker"
)

// TestNeo4jOverTLSWithACAOfTheTestsOwn starts a Neo4j that speaks Bolt
// over TLS only, with a certificate signed by a CA made in this test:
// neo4j+s:// with NEO4J_CA connects; without it (the system's CAs) or
// without TLS, it does not.
func TestNeo4jOverTLSWithACAOfTheTestsOwn(t *testing.T) {
	if testing.Short() {
		t.Skip("system test; runs without -short")
	}
	ca := tlstest.NewCA(t)
	cert := ca.Server(t, "neo4j")
	dir := t.TempDir()
	for from, to := range map[string]string{cert.KeyFile: "private.key", cert.CertFile: "public.crt"} {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	neo := startNeo4j(t, "NEO4J_TLS_DIR="+dir)
	port := neo.cfg.URI[strings.LastIndexByte(neo.cfg.URI, ':')+1:]
	secure := neo.cfg
	secure.URI, secure.CAFile = "neo4j+s://localhost:"+port, ca.CertFile
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	g, err := linker.OpenGraph(ctx, secure, quiet())
	if err != nil {
		t.Fatalf("neo4j+s:// with NEO4J_CA: %v", err)
	}
	defer g.Close(ctx)
	if err := g.Migrate(ctx); err != nil {
		t.Fatalf("migrations over TLS: %v", err)
	}
	if _, rows, err := g.Query(ctx, `RETURN 1 AS one`, nil); err != nil || len(rows) != 1 {
		t.Fatalf("a query over TLS: %v %v", rows, err)
	}
	bolts := secure
	bolts.URI = "bolt+s://127.0.0.1:" + port
	if g2, err := linker.OpenGraph(ctx, bolts, quiet()); err != nil {
		t.Errorf("bolt+s:// to the address with NEO4J_CA: %v", err)
	} else {
		g2.Close(ctx)
	}
	system := secure
	system.CAFile = ""
	if _, err := linker.OpenGraph(ctx, system, quiet()); err == nil {
		t.Error("neo4j+s:// trusted a certificate of the test's own CA without NEO4J_CA")
	}
	plain := neo.cfg
	if _, err := linker.OpenGraph(ctx, plain, quiet()); err == nil {
		t.Error("bolt:// without TLS connected to a server that requires TLS")
	}
}
