#!/usr/bin/env bash
# Integration test of the Spark job: installs a pinned pyspark into a throwaway virtual
# environment, runs Spark locally (loopback only) and checks that Spark tags exactly what
# `gazetag tag --input jsonl` tags alone (see check_spark_pipe.py).
#
# Environment:
#   GAZETAG_BINARY      the gazetag binary to test (default: build .build/release/gazetag)
#   GAZETAG_SPARK_VENV  a virtual environment to keep between runs: used if it has the pinned
#                       pyspark, created there otherwise (default: a temporary one)
# Extra arguments go to check_spark_pipe.py (e.g. --records 200000 --master 'local[1]' --only-jsonl).
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly PYSPARK_VERSION=3.5.8

fail() {
  echo "test_spark_pipe: $*" >&2
  exit 1
}

command -v java >/dev/null 2>&1 \
  || fail "java not found; Spark $PYSPARK_VERSION needs Java 8, 11 or 17 (Debian: apt-get install openjdk-17-jre-headless)"
command -v python3 >/dev/null 2>&1 || fail "python3 not found"

if [ -n "${GAZETAG_BINARY:-}" ]; then
  binary=$GAZETAG_BINARY
else
  swift build -c release
  binary=.build/release/gazetag
fi
[ -x "$binary" ] || fail "$binary is not an executable"
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/gazetag-spark-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
venv=${GAZETAG_SPARK_VENV:-$scratch/venv}
if ! "$venv/bin/python" -c \
  "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  echo "test_spark_pipe: installing pyspark $PYSPARK_VERSION into $venv"
  python3 -m venv "$venv" || fail "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet \
    "pyspark==$PYSPARK_VERSION"
fi

# Spark talks to itself over loopback only, and uses the pinned pyspark, not a SPARK_HOME.
unset SPARK_HOME
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$venv/bin/python
export PYSPARK_DRIVER_PYTHON=$venv/bin/python
mkdir "$scratch/work"
"$venv/bin/python" integrations/spark/check_spark_pipe.py \
  --gazetag "$binary" --work "$scratch/work" "$@"
