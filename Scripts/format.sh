#!/usr/bin/env bash
# Lints the Swift sources with the toolchain's swift-format; `--fix` rewrites them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --recursive Sources Tests Package.swift
else
  swift format lint --strict --recursive Sources Tests Package.swift
fi
