#!/usr/bin/env bash
# Runs a command with the local Neo4j up: starts it when it is not running,
# and stops it afterwards only when this script started it.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
started=0
if ! "$here/neo4j/neo4j.sh" status >/dev/null 2>&1; then
  "$here/neo4j/neo4j.sh" start || exit 1
  started=1
fi
"$@"
rc=$?
if [ "$started" = 1 ]; then "$here/neo4j/neo4j.sh" stop; fi
exit $rc
