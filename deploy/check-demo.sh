#!/usr/bin/env bash
# Checks what the README promises of `make demo`: it ends with Neo4j Browser
# answering at /browser/, and a Python consumer started beforehand receives
# the demo's claim events from `diplograph run --nats-listen`. NATS listens
# on a free port here (NATS_LISTEN), never the default, since other runs
# may share the machine. Run from the repository root; CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

was_running=0
deploy/neo4j/neo4j.sh status >/dev/null 2>&1 && was_running=1
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export NATS_LISTEN=127.0.0.1:$port
tmp=$(mktemp -d)
durable=demo-check-$$
python3 consumers/python/consumer.py --url "nats://$NATS_LISTEN" --durable "$durable" >"$tmp/events" 2>"$tmp/consumer.log" &
consumer=$!
cleanup() {
  kill "$consumer" 2>/dev/null || true
  wait "$consumer" 2>/dev/null || true
  if [ "$was_running" = 0 ]; then deploy/neo4j/neo4j.sh stop || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# A fresh store, so that the consumer sees this demo's events only.
rm -rf .diplograph/demo
make --no-print-directory demo

code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${NEO4J_HTTP_PORT:-7474}/browser/")
[ "$code" = 200 ] || { echo "check-demo: /browser/ answers $code" >&2; exit 1; }

# What the consumer received, as "claim actor" pairs, against what the graph
# holds for the demo's articles.
got=$(awk '$1 ~ /^claim:/ {print $1, $2}' "$tmp/events" | sort -u)
docs=$(cd examples && ls | sed 's/\.[^.]*$//' | python3 -c 'import json,sys; print(json.dumps([l.strip() for l in sys.stdin]))')
want=$(bin/diplograph query --json --param "docs=$docs" \
  'MATCH (x:Entity)-[:HOLDS]->(c:Claim)-[:EVIDENCED_BY]->(a:Article) WHERE a.doc IN $docs RETURN DISTINCT c.id + " " + x.id AS pair' |
  python3 -c 'import json,sys; [print(json.loads(l)["pair"]) for l in sys.stdin]' | sort -u)
if [ -z "$want" ] || [ "$got" != "$want" ]; then
  echo "check-demo: the consumer received $(printf '%s' "$got" | grep -c . || true) claim events, the graph holds $(printf '%s' "$want" | grep -c . || true) for the demo:" >&2
  diff <(echo "$want") <(echo "$got") >&2 || true
  cat "$tmp/consumer.log" >&2
  exit 1
fi
echo "check-demo: /browser/ answers 200; the Python consumer received all $(echo "$want" | wc -l) claim events of the demo"
