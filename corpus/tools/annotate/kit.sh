#!/usr/bin/env bash
# Builds a blind annotation kit: the folder annotators work in, with nothing of
# the extractor in it.
#
#   corpus/tools/annotate/kit.sh OUT BATCH [BATCH ...]
#
# OUT gets BRIEF.md (what annotators read first), GUIDELINES.md and vocab.tsv
# from ../shared/corpus, corpus/vocab-extra.tsv, five dev documents with their
# gold as examples, check.py (format, ids, evidence found in the text), docs/
# with each document of the batches as raw input and as the text a reader sees
# (<id>.txt, <id>.view.txt), and an empty out/ for the annotations. Annotators
# are told to open nothing outside OUT. Their files are then imported into
# corpus/gold/<batch>/ with the bulk path of each text (see docs/quality.md).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,14p' "$0"; exit 2; }
out=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
shared=$root/../shared/corpus
[ -f "$shared/GUIDELINES.md" ] || { echo "kit.sh: $shared/GUIDELINES.md is missing" >&2; exit 1; }
mkdir -p "$out/docs" "$out/out" "$out/examples"
cp "$here/BRIEF.md" "$here/check.py" "$shared/GUIDELINES.md" "$shared/vocab.tsv" "$root/corpus/vocab-extra.tsv" "$out/"
for ex in wild-feedx-03-zh wild-state-02-en wild-state-07-en jp-uk-2plus2-mofa-2023-en mfa-mccarthy-tsai-meeting-2023-zh; do
  cp "$shared/dev/$ex.txt" "$shared/dev/$ex.gold.json" "$out/examples/"
done
python3 "$root/corpus/tools/materialize.py" --out "$out/docs" --batch "$@" --view
echo "kit.sh: $(ls "$out/docs" | grep -c '\.view\.txt$') documents in $out/docs"
