#!/usr/bin/env bash
# Regenerates the geographic files of the bundled gazetteer (gazetteer/countries.tsv,
# gazetteer/places.tsv, gazetteer/nationalities.tsv) from Unicode CLDR data: names from the
# system ICU, ISO 3166-2 subdivision names from CLDR's XML files, merged with the curated
# overlays in Scripts/generate-cldr/ and filtered through gazetteer/stoplist.txt.
# Needs g++, pkg-config and Debian's libicu-dev and unicode-cldr-core. Re-running it with the
# same ICU and CLDR data reproduces the files byte for byte. See Documentation/Gazetteer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cldr_xml=${CLDR_XML_DIR:-/usr/share/unicode/cldr}
if ! pkg-config --exists icu-uc icu-i18n; then
  echo "generate-cldr.sh: ICU development files not found; install libicu-dev" >&2
  exit 1
fi
if [ ! -f "$cldr_xml/common/subdivisions/hi.xml" ]; then
  echo "generate-cldr.sh: no CLDR XML at $cldr_xml; install unicode-cldr-core or set CLDR_XML_DIR" >&2
  exit 1
fi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
# shellcheck disable=SC2046  # pkg-config prints several words on purpose
g++ -std=c++17 -O1 -Wall -Wextra -o "$build/generate-cldr" Scripts/generate-cldr/*.cpp \
  $(pkg-config --cflags --libs icu-uc icu-i18n)
"$build/generate-cldr" Scripts/generate-cldr "$cldr_xml" gazetteer
