#!/usr/bin/env bash
# Scores the extractor on the project's own gold (corpus/gold/<batch>) and on
# ../shared/corpus/dev: writes the batches' texts from the bulk corpus, runs
# `diplograph extract` and ../shared/eval/score.py.
#
#   corpus/tools/quality.sh [--bin bin/diplograph] [--details] [BATCH ...]
#
# BATCH is b1, b2, … or dev; the default is every batch and dev. Needs
# ../shared/corpus/bulk and ../shared/eval; a missing input is an error.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=bin/diplograph
details=""
batches=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --details) details=--details; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) batches+=("$1"); shift ;;
  esac
done
shared=../shared
[ -d "$shared/corpus/bulk" ] || { echo "quality.sh: $shared/corpus/bulk is missing" >&2; exit 1; }
[ -f "$shared/eval/score.py" ] || { echo "quality.sh: $shared/eval/score.py is missing" >&2; exit 1; }
[ -x "$bin" ] || { echo "quality.sh: $bin is not built (make build)" >&2; exit 1; }
if [ ${#batches[@]} -eq 0 ]; then
  for d in corpus/gold/b*/; do batches+=("$(basename "$d")"); done
  batches+=(dev)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for b in "${batches[@]}"; do
  echo "== $b"
  if [ "$b" = dev ]; then
    "$bin" extract --format jsonl "$shared"/corpus/dev/*.txt >"$tmp/dev.jsonl" 2>"$tmp/dev.err" || true
    python3 "$shared/eval/score.py" --gold "$shared/corpus/dev" --pred "$tmp/dev.jsonl" $details
    continue
  fi
  [ -d "corpus/gold/$b" ] || { echo "quality.sh: no corpus/gold/$b" >&2; exit 1; }
  mkdir -p "$tmp/$b"
  python3 corpus/tools/materialize.py --out "$tmp/$b" --batch "$b"
  cp corpus/gold/"$b"/*.gold.json "$tmp/$b/"
  "$bin" extract --format jsonl "$tmp/$b"/*.txt >"$tmp/$b.jsonl" 2>"$tmp/$b.err" || true
  python3 "$shared/eval/score.py" --gold "$tmp/$b" --pred "$tmp/$b.jsonl" $details
done
