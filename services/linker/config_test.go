package linker_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/services/linker"
	"github.com/diplograph/diplograph/services/linker/neo4jtest"
)

func TestNeo4jConfigNamesTheBadField(t *testing.T) {
	good := linker.Neo4jConfig{URI: "bolt://127.0.0.1:7687", User: "neo4j", Password: "secret-pw"}
	if err := good.Validate(); err != nil {
		t.Fatalf("good config: %v", err)
	}
	for name, tc := range map[string]struct {
		spoil func(*linker.Neo4jConfig)
		field string
	}{
		"an empty URI":        {func(c *linker.Neo4jConfig) { c.URI = "" }, "NEO4J_URI"},
		"an http URI":         {func(c *linker.Neo4jConfig) { c.URI = "http://127.0.0.1:7474" }, "NEO4J_URI"},
		"a URI without host":  {func(c *linker.Neo4jConfig) { c.URI = "bolt://" }, "NEO4J_URI"},
		"no user":             {func(c *linker.Neo4jConfig) { c.User = "" }, "NEO4J_USER"},
		"no password":         {func(c *linker.Neo4jConfig) { c.Password = "" }, "NEO4J_PASSWORD"},
		"a password in a URI": {func(c *linker.Neo4jConfig) { c.URI = "ftp://u:hunter22@h" }, "NEO4J_URI"},
		"a CA without TLS":    {func(c *linker.Neo4jConfig) { c.CAFile = "config_test.go" }, "NEO4J_CA"},
		"a CA that is not there": {func(c *linker.Neo4jConfig) {
			c.URI, c.CAFile = "neo4j+s://graph.example:7687", "no-such-ca.pem"
		}, "NEO4J_CA"},
	} {
		c := good
		tc.spoil(&c)
		err := c.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), tc.field) {
			t.Errorf("%s: %v, want an error naming %s", name, err, tc.field)
		}
		if err != nil && strings.Contains(err.Error(), "hunter22") {
			t.Errorf("%s: the error shows the password: %v", name, err)
		}
	}
}

func TestOpenGraphSaysWhatIsWrong(t *testing.T) {
	cfg := neo4jtest.Require(t)
	ctx := context.Background()
	// A port where nothing listens.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	_, err = linker.OpenGraph(ctx, linker.Neo4jConfig{URI: "bolt://" + addr, User: "neo4j", Password: "whatever-pw"}, quiet())
	if !errors.Is(err, linker.ErrUnavailable) || !strings.Contains(err.Error(), "unreachable (is it running? deploy/neo4j/neo4j.sh start)") {
		t.Errorf("unreachable Neo4j: %v", err)
	}
	// One wrong password (Neo4j locks a user out after several in a row).
	_, err = linker.OpenGraph(ctx, linker.Neo4jConfig{URI: cfg.URI, User: cfg.User, Password: "not-the-password"}, quiet())
	if !errors.Is(err, linker.ErrAuth) || !strings.Contains(err.Error(), "authentication failed for user "+cfg.User+" (check NEO4J_PASSWORD)") {
		t.Errorf("wrong password: %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "not-the-password") {
		t.Errorf("the error shows the password: %v", err)
	}
}

func TestHelpMasksTheCredentialsOfNeo4jURI(t *testing.T) {
	t.Setenv("NEO4J_URI", "bolt://neo4j:uri-pw-secret@graph.example:7687")
	t.Setenv("NEO4J_PASSWORD", "env-pw-secret")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var c linker.Neo4jConfig
	c.BindFlags(fs, "")
	var help bytes.Buffer
	fs.SetOutput(&help)
	fs.PrintDefaults()
	for _, s := range []string{"uri-pw-secret", "env-pw-secret"} {
		if strings.Contains(help.String(), s) {
			t.Errorf("--help shows %q:\n%s", s, help.String())
		}
	}
	if !strings.Contains(help.String(), "graph.example:7687") {
		t.Errorf("--help lost the host:\n%s", help.String())
	}
}
