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

name=test_python
# shellcheck source=../test-support.sh
. integrations/test-support.sh
venv=${GAZETAG_PYTHON_VENV:-$scratch/venv}
ensure_venv "$venv" \
  "import sys, spacy, pytest; sys.exit(not spacy.__version__.startswith('3.8.'))" \
  "spacy==$SPACY_VERSION" "pytest==$PYTEST_VERSION"
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
