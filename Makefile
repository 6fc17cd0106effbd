# diplograph — one command per chore. Prerequisites: Go 1.26+, Java 17+, Maven.
SHELL := /bin/bash
BIN := bin
MODULES := schemas platform lexicon services/fetcher services/extractor services/linker services/dashboard cmd/diplograph consumers/go
PKGS := $(addsuffix /...,$(addprefix ./,$(MODULES)))
NEO4J := deploy/neo4j/neo4j.sh
export NEO4J_PASSWORD ?= diplograph-dev
export NEO4J_URI ?= bolt://127.0.0.1:7687
export NEO4J_USER ?= neo4j

.PHONY: all build test test-unit lint bench demo neo4j-start neo4j-stop tidy clean help web

all: build

help:
	@echo "make demo   set up everything and run the pipeline on examples/ (starts a local Neo4j)"
	@echo "make test   run every test, integration tests included (starts a local Neo4j, stops it after)"
	@echo "make build  build bin/diplograph and the three service binaries"
	@echo "make lint   gofmt, go vet, go mod tidy check"
	@echo "make bench  benchmarks (extraction, graph writes) against their floors"
	@echo "make web    rebuild the dashboard's embedded assets from services/dashboard/web/src (npm ci + esbuild)"

build:
	@mkdir -p $(BIN)
	go build -o $(BIN)/diplograph ./cmd/diplograph
	go build -o $(BIN)/fetcher ./services/fetcher/cmd/fetcher
	go build -o $(BIN)/extractor ./services/extractor/cmd/extractor
	go build -o $(BIN)/linker ./services/linker/cmd/linker

# The tests need the real Neo4j: it is started here when it is not running,
# and stopped again afterwards when this target started it.
test:
	@deploy/with-neo4j.sh $(MAKE) --no-print-directory test-unit

test-unit:
	go vet $(PKGS)
	go test -count=1 -timeout 25m $(PKGS)

lint:
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet $(PKGS)
	@for m in $(MODULES); do (cd $$m && cp go.mod /tmp/go.mod.bak && cp go.sum /tmp/go.sum.bak && go mod tidy && \
	  if ! diff -q go.mod /tmp/go.mod.bak >/dev/null || ! diff -q go.sum /tmp/go.sum.bak >/dev/null; then \
	    echo "$$m: go mod tidy changes go.mod or go.sum"; exit 1; fi) || exit 1; done

bench:
	@deploy/with-neo4j.sh go test -run '^$$' -bench . -benchtime 3x ./services/extractor/... ./services/linker/...

demo: build neo4j-start
	@echo; echo "== diplograph run --once examples/ (claim events for subscribers on NATS at $${NATS_LISTEN:-127.0.0.1:4222}, see docs/events.md)"
	$(BIN)/diplograph run --once --log-level warn --data .diplograph/demo examples/
	@echo; echo "== Try a query (who opposes what, with the evidence):"
	@echo "   $(BIN)/diplograph query 'MATCH (a)-[:HOLDS]->(c:Claim {predicate:\"oppose\"}) OPTIONAL MATCH (c)-[:ABOUT]->(t:Topic) RETURN a.id AS actor, t.id AS topic, c.text AS evidence'"
	@$(BIN)/diplograph query 'MATCH (a)-[:HOLDS]->(c:Claim {predicate:"oppose"}) OPTIONAL MATCH (c)-[:ABOUT]->(t:Topic) RETURN a.id AS actor, t.id AS topic, c.text AS evidence ORDER BY actor, topic'
	@code=$$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$${NEO4J_HTTP_PORT:-7474}/browser/); \
	  if [ "$$code" != 200 ]; then echo "Neo4j Browser at http://127.0.0.1:$${NEO4J_HTTP_PORT:-7474}/browser/ answers $$code"; exit 1; fi
	@echo; echo "Neo4j keeps running at $(NEO4J_URI) (user neo4j, password \$$NEO4J_PASSWORD); query it with bin/diplograph query,"
	@echo "or in Neo4j Browser: http://127.0.0.1:$${NEO4J_HTTP_PORT:-7474}/browser/ (log in with that URI, user and password). Stop it with: make neo4j-stop"
	@echo "The dashboard: $(BIN)/diplograph serve, then open http://127.0.0.1:8080/"

# The dashboard's pages: build.sh installs the pinned packages (npm ci) and
# bundles them; the result is committed, so go build needs no npm.
web:
	services/dashboard/web/build.sh

neo4j-start:
	@$(NEO4J) start

neo4j-stop:
	@$(NEO4J) stop

tidy:
	@for m in $(MODULES); do (cd $$m && go mod tidy); done

clean:
	rm -rf $(BIN) .diplograph
