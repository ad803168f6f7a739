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

name=test_spark_pipe
command -v java >/dev/null 2>&1 \
  || { echo "$name: java not found; Spark $PYSPARK_VERSION needs Java 8, 11 or 17 (Debian: apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
# shellcheck source=../test-support.sh
. integrations/test-support.sh
venv=${GAZETAG_SPARK_VENV:-$scratch/venv}
ensure_venv "$venv" "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" \
  "pyspark==$PYSPARK_VERSION"

# Spark talks to itself over loopback only, and uses the pinned pyspark, not a SPARK_HOME.
unset SPARK_HOME
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$venv/bin/python
export PYSPARK_DRIVER_PYTHON=$venv/bin/python
mkdir "$scratch/work"
"$venv/bin/python" integrations/spark/check_spark_pipe.py \
  --gazetag "$binary" --work "$scratch/work" "$@"
