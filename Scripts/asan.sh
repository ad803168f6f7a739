#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (and LeakSanitizer, with the runtime's own
# leaks suppressed) in its own build folder, so that the normal build is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt:print_suppressions=0"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
swift test --sanitize=address --scratch-path .build-asan "$@"
