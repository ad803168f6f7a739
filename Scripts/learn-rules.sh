#!/usr/bin/env bash
# Prints, for each candidate word of the bundled context rules (gazetteer/rules.tsv), how often
# the rule made the gold span on the IL-NER Hindi training corpus, and which words pass the
# thresholds (Documentation/Rules.md); then the guards learnt from the same corpus, as rows of
# rules.tsv (learn_guards.py). Copy the kept words and their figures, and the guard rows (they
# replace the block of learnt guards), into rules.tsv.
#
#   Scripts/learn-rules.sh TRAIN_CONLL [--all] [GAZETAG]
set -euo pipefail
cd "$(dirname "$0")/.."
train="$1"
shift
all=""
if [ "${1:-}" = "--all" ]; then all="--all"; shift; fi
gazetag="${1:-}"
if [ -z "$gazetag" ]; then
  swift build --product gazetag >&2
  gazetag=.build/debug/gazetag
fi
python3 Scripts/learn-rules/learn_rules.py "$gazetag" "$train" $all
echo "# guards (rows of rules.tsv)"
python3 Scripts/learn-rules/learn_guards.py "$gazetag" "$train" $all
