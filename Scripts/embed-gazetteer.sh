#!/usr/bin/env bash
# Compiles gazetteer/ (its manifest.json, data files and stoplist) into
# Sources/CGazetagBundled/bundled-gazetteer.gzc, which the C target embeds in the binary with
# #embed, so that the bundled gazetteer loads without parsing. Run after editing any file in
# gazetteer/ (or after a change to matching keys); the test suite fails while the compiled
# file is stale. The file is compiled --reproducible: the same sources give the same bytes.
#
#   Scripts/embed-gazetteer.sh [GAZETAG]   GAZETAG: a built gazetag (default: a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
out=Sources/CGazetagBundled/bundled-gazetteer.gzc
gazetag="${1:-}"
if [ -z "$gazetag" ]; then
  # The committed file is embedded while gazetag builds; compiling does not read it.
  swift build --product gazetag >&2
  gazetag=.build/debug/gazetag
fi
"$gazetag" gazetteer compile gazetteer --reproducible -o "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
