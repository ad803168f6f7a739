#!/usr/bin/env bash
# Runs `swift test` in a fresh clone of the committed HEAD with nothing beside it, as a user who
# clones the repository alone would: no file outside the clone may be needed.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git clone --quiet --no-hardlinks . "$scratch/gazetag"
cd "$scratch/gazetag"
env -u GAZETAG_SEED_ARTICLE -u GAZETAG_REQUIRE_BROWSER swift test
