#!/usr/bin/env bash
# Benchmarks gazetag: builds the release binary, generates the corpora and pattern files with
# the benchmark kit, times whole-process `gazetag tag` runs (median of several, with peak
# RSS), runs a bare ICU word-break pass on the same bytes and, when their Python environment
# is given, the peer taggers. See Documentation/Performance.md.
#
#   Scripts/benchmark.sh [--runs N] [--scenarios sparse,bundled,dense,million,jobs,line,...]
#
# Opt-in scenarios: line (one 1 GB line); pathological (50 MB through standard input without
# white space, with a base64 blob, with one 40 MB word, and with a gazetteer alias longer than
# the planner's window, each against 50 MB of prose); pathological-jsonl (`--input jsonl` on
# one 64 MB record line against the same text as one record per paragraph). Each pathological
# case must take at most twice as long as the prose, with peak RSS as for prose.
# jsonl-jobs (`--input jsonl` on 100,000 short records with `--jobs 1` and `--jobs 2`; the
# target is at least 1.6x at `--jobs 2`).
#
# Environment:
#   BENCH_KIT      the benchmark kit: icu_wb.c, make_corpus.py, make_patterns.py, peers.py and
#                  data/ (default: ../shared/bench, relative to the repository)
#   PEERS_PYTHON   a Python with spacy, flashtext and pyahocorasick installed (optional)
#   BENCH_WORK     where corpora and outputs go (default: .build/benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."

kit="${BENCH_KIT:-../shared/bench}"
if [ ! -f "$kit/make_corpus.py" ] || [ ! -f "$kit/icu_wb.c" ]; then
  echo "benchmark.sh: no benchmark kit at '$kit'; set BENCH_KIT to its directory" >&2
  exit 2
fi

swift build -c release --product gazetag >&2
exec python3 Scripts/benchmark/run.py --kit "$kit" --binary .build/release/gazetag \
  --work "${BENCH_WORK:-.build/benchmark}" --peers-python "${PEERS_PYTHON:-}" "$@"
