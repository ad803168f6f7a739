#!/usr/bin/env bash
# Tests of the Python package and its spaCy component against the real gazetag binary:
# installs the package, pytest and a pinned spaCy into a throwaway virtual environment and
# runs integrations/python/tests (Documentation/Python.md).
#
# Environment:
#   GAZETAG_BINARY       the gazetag binary to test (default: build .build/release/gazetag)
#   GAZETAG_PYTHON_VENV  a virtual environment to keep between runs: used if it has the pinned
#                        spaCy and pytest, created there otherwise (default: a temporary one)
# Extra arguments go to pytest (e.g. -k spacy -x).
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly SPACY_VERSION='3.8.*'
readonly PYTEST_VERSION='9.*'

fail() {
  echo "test_python: $*" >&2
  exit 1
}

command -v python3 >/dev/null 2>&1 || fail "python3 not found"

if [ -n "${GAZETAG_BINARY:-}" ]; then
  binary=$GAZETAG_BINARY
else
  swift build -c release
  binary=.build/release/gazetag
fi
[ -x "$binary" ] || fail "$binary is not an executable"
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gazetag-python-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
venv=${GAZETAG_PYTHON_VENV:-$scratch/venv}
if ! "$venv/bin/python" -c \
  "import sys, spacy, pytest; sys.exit(not spacy.__version__.startswith('3.8.'))" 2>/dev/null; then
  echo "test_python: installing spacy==$SPACY_VERSION and pytest into $venv"
  python3 -m venv "$venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet \
    "spacy==$SPACY_VERSION" "pytest==$PYTEST_VERSION"
fi
# The package is built from a copy, so that no build files land in the repository.
cp -R integrations/python "$scratch/package"
rm -rf "$scratch/package/tests"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet --force-reinstall \
  --no-deps "$scratch/package"

status=0
PYTHONDONTWRITEBYTECODE=1 GAZETAG_BINARY=$binary "$venv/bin/python" -m pytest -p no:cacheprovider -q \
  integrations/python/tests "$@" || status=$?
# pytest's 5 (no tests collected) is a failure too.
[ "$status" -eq 0 ] || fail "pytest exited with status $status"
