#!/usr/bin/env bash
# Runs `gazetag gazetteer suggest` as Documentation/Rules.md ("Suggesting names") measures it:
# on the tokens of the IL-NER Hindi training corpus, one sentence a line, with a copy of
# gazetteer/ whose manifest lists no *-harvested.tsv file and whose rules.tsv has no name rule
# (its given names and surnames were taken from the same corpus; suggest applies every rule,
# enabled or not); then compares the top 50 (name,
# label, count, rule) with the hand-checked list in
# Tests/GazetagTests/Fixtures/suggest-train-top50.tsv. Exit status 1 when they differ.
#
#   Scripts/suggest-train.sh TRAIN_CONLL [GAZETAG]
set -euo pipefail
cd "$(dirname "$0")/.."
train="$1"
gazetag="${2:-}"
if [ -z "$gazetag" ]; then
  swift build --product gazetag >&2
  gazetag=.build/debug/gazetag
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R gazetteer "$work/gazetteer"
python3 - "$train" "$work" <<'PY'
import json, sys
train, work = sys.argv[1], sys.argv[2]
path = work + "/gazetteer/manifest.json"
manifest = json.load(open(path, encoding="utf-8"))
manifest["files"] = [f for f in manifest["files"] if not f["path"].endswith("-harvested.tsv")]
json.dump(manifest, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
rules_path = work + "/gazetteer/rules.tsv"
rows, header = [], None
for line in open(rules_path, encoding="utf-8").read().splitlines():
    fields = line.split("\t")
    if line.startswith("#") or not line.strip():
        rows.append(line)
        continue
    if header is None:
        header = fields
    elif fields[header.index("kind")] == "name":
        continue
    rows.append(line)
open(rules_path, "w", encoding="utf-8").write("\n".join(rows) + "\n")
sentences, tokens = [], []
for line in open(train, encoding="utf-8"):
    fields = line.split()
    if not fields:
        if tokens:
            sentences.append(" ".join(tokens))
        tokens = []
    elif not line.startswith("#"):
        tokens.append(fields[0])
if tokens:
    sentences.append(" ".join(tokens))
open(work + "/train.txt", "w", encoding="utf-8").write("\n".join(sentences) + "\n")
PY
"$gazetag" gazetteer suggest "$work/train.txt" --gazetteer "$work/gazetteer" \
  -o "$work/review" --top 50
tail -n +2 "$work/review/suggestions.tsv" | cut -f2-5 >"$work/found.tsv"
grep -v '^#' Tests/GazetagTests/Fixtures/suggest-train-top50.tsv | tail -n +2 | cut -f2-5 \
  >"$work/recorded.tsv"
if diff -u "$work/recorded.tsv" "$work/found.tsv"; then
  echo "suggest-train: the top 50 matches the hand-checked list"
else
  echo "suggest-train: the top 50 differs from the hand-checked list; check the new names by hand" >&2
  exit 1
fi
