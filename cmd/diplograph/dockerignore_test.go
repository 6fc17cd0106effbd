package main

import (
	"bufio"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// dockerIgnored reports whether a path of the build context is left out by
// the patterns of a .dockerignore: a pattern matches the path or one of its
// parent folders; "**/" matches any number of folders.
func dockerIgnored(patterns []string, p string) bool {
	parts := strings.Split(p, "/")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		for _, pat := range patterns {
			if ok, _ := path.Match(pat, prefix); ok {
				return true
			}
			if rest, ok := strings.CutPrefix(pat, "**/"); ok {
				for j := 0; j <= i; j++ {
					if ok, _ := path.Match(rest, strings.Join(parts[j:i+1], "/")); ok {
						return true
					}
				}
			}
		}
	}
	return false
}

// TestTheDockerBuildContextLeavesOutTheLocalNeo4jAndBuildOutputs reads the
// repository's .dockerignore: the local Neo4j, stores, binaries and the
// git folder stay out of the context; the sources the build needs stay in.
func TestTheDockerBuildContextLeavesOutTheLocalNeo4jAndBuildOutputs(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", ".dockerignore"))
	if err != nil {
		t.Fatalf("no .dockerignore at the repository root, the build context of deploy/Dockerfile: %v", err)
	}
	defer f.Close()
	var patterns []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			patterns = append(patterns, strings.TrimPrefix(strings.TrimSuffix(l, "/"), "/"))
		}
	}
	for _, out := range []string{"deploy/neo4j/.home/lib/neo4j-kernel.jar", "deploy/neo4j/.home/data/databases/neo4j/neostore", ".git/objects/pack/x.pack",
		"bin/diplograph", ".diplograph/nats/jetstream/x", "cmd/diplograph/.diplograph/demo/x", "services/linker/linker.test", "consumers/python/__pycache__/consumer.pyc"} {
		if !dockerIgnored(patterns, out) {
			t.Errorf("%s is sent to the Docker build", out)
		}
	}
	for _, in := range []string{"go.work", "go.work.sum", "cmd/diplograph/main.go", "services/linker/cypher.go", "platform/natsx/worker.go", "schemas/json/article.v1.json", "lexicon/go.mod", "deploy/Dockerfile"} {
		if dockerIgnored(patterns, in) {
			t.Errorf("%s, which the build needs, is left out", in)
		}
	}
}
