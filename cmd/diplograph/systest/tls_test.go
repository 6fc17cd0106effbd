package systest

import (
	"context"
	"errors"
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
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A Neo4j just started on a loaded machine may take longer than one
	// ping to answer its first query: wait while it is only unavailable.
	var g *linker.Graph
	var err error
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(2 * time.Second) {
		g, err = linker.OpenGraph(ctx, secure, quiet())
		if err == nil || !errors.Is(err, linker.ErrUnavailable) || time.Now().After(deadline) {
			break
		}
	}
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
	if _, err := linker.OpenGraph(ctx, system, quiet()); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("neo4j+s:// without NEO4J_CA: %v, want the certificate refused", err)
	}
	plain := neo.cfg
	if _, err := linker.OpenGraph(ctx, plain, quiet()); err == nil {
		t.Error("bolt:// without TLS connected to a server that requires TLS")
	}
}
