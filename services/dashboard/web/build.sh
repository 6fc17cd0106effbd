#!/usr/bin/env bash
# Builds the dashboard's assets from src/ into ../assets, which the Go
# binary embeds: npm ci installs the versions pinned in package-lock.json,
# esbuild bundles and minifies the scripts. The output depends on nothing
# but src/ and the lock file, so the committed assets can be checked:
#
#   web/build.sh           rebuild ../assets
#   web/build.sh --check   rebuild into a temporary folder and fail if the
#                          committed assets differ (CI runs this)
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "build.sh: npm (Node.js 20+) is needed" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error >&2

out=../assets
if [ "${1:-}" = --check ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
rm -f "$out"/*
cp src/index.html src/app.css "$out"/
node_modules/.bin/esbuild src/app.js src/graph.js --bundle --minify --format=esm --target=es2020 \
  --charset=utf8 --legal-comments=eof --external:/assets/* --log-level=warning --outdir="$out"
cp node_modules/cytoscape/LICENSE "$out"/cytoscape.LICENSE.txt

if [ "${1:-}" = --check ]; then
  if ! diff -r ../assets "$out" >/dev/null; then
    diff -r ../assets "$out" | head -20 >&2
    echo "build.sh: the committed assets differ from a build of web/src: run services/dashboard/web/build.sh and commit ../assets" >&2
    exit 1
  fi
  echo "build.sh: the committed assets match a build of web/src"
fi
