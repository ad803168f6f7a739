#!/usr/bin/env bash
# Regenerates gazetteer/people-harvested.tsv, organisations-harvested.tsv and
# places-harvested.tsv: the person, organisation and location names that the gold annotation of
# the IL-NER Hindi training corpus marks consistently and that no other file of the gazetteer has.
#
# usage: Scripts/generate-harvest.sh TRAIN_CONLL
#   TRAIN_CONLL  the IL-NER Hindi training split (train.conll); or set IL_NER_TRAIN
#
# Runs `gazetag gazetteer harvest` (the binary in $GAZETAG, or .build/release/gazetag: build it
# first with `swift build -c release`), which counts the names and applies the harvest rule, then
# Scripts/generate-data/generate_harvest.py, which keeps those the bundled gazetteer takes.
# Needs Debian's python3-icu. Run it last, after Scripts/generate-cldr.sh,
# Scripts/generate-places.sh and every edit of a curated file (their names win); then run
# Scripts/embed-gazetteer.sh. Re-running it with the same inputs reproduces the files byte for
# byte. See Documentation/Gazetteer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
train=${1:-${IL_NER_TRAIN:-}}
if [ -z "$train" ] || [ ! -f "$train" ]; then
  echo "usage: Scripts/generate-harvest.sh TRAIN_CONLL (the IL-NER Hindi train.conll)" >&2
  exit 64
fi
if ! /usr/bin/python3 -c 'import icu' 2>/dev/null; then
  echo "generate-harvest.sh: PyICU not found; install python3-icu" >&2
  exit 1
fi
gazetag=${GAZETAG:-.build/release/gazetag}
if [ ! -x "$gazetag" ]; then
  echo "generate-harvest.sh: $gazetag not found; run swift build -c release or set GAZETAG" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gazetag" gazetteer harvest --gold "$train" --partial-annotation --min-ratio 0.5 --stoplist gazetteer/stoplist.txt -o "$work/harvest" 2>"$work/log" || {
  cat "$work/log" >&2
  exit 1
}
tail -n 1 "$work/log"
/usr/bin/python3 Scripts/generate-data/generate_harvest.py gazetteer "$work/harvest"
