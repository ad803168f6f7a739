#!/usr/bin/env bash
# Prints, for each candidate word of the bundled context rules (gazetteer/rules.tsv), how often
# the rule made the gold span on the IL-NER Hindi training corpus, and which words pass the
# thresholds (Documentation/Rules.md). Copy the kept words and their figures into rules.tsv.
# Then the guards learnt from the same corpus (learn_guards.py), as rows of rules.tsv that
# replace its block of learnt guards. By default the rules are learnt with 2-fold cross-validation (each half tagged with the
# gazetteer whose *-harvested.tsv files were made from the other half); needs python3-icu.
#
#   Scripts/learn-rules.sh TRAIN_CONLL [--all] [--method cv|no-harvest|bundled] [--keep DIR]
#                          [GAZETAG]
set -euo pipefail
cd "$(dirname "$0")/.."
train="$1"
shift
options=()
gazetag=""
while [ $# -gt 0 ]; do
  case "$1" in
    --all) options+=("$1"); shift ;;
    --method | --keep) options+=("$1" "$2"); shift 2 ;;
    *) gazetag="$1"; shift ;;
  esac
done
if [ -z "$gazetag" ]; then
  swift build --product gazetag >&2
  gazetag=.build/debug/gazetag
fi
python3 Scripts/learn-rules/learn_rules.py "$gazetag" "$train" "${options[@]}"
echo "# guards (rows of rules.tsv)"
all=""
for option in "${options[@]}"; do [ "$option" = "--all" ] && all="--all"; done
python3 Scripts/learn-rules/learn_guards.py "$gazetag" "$train" $all
