#!/usr/bin/env bash
# Re-creates the README's screenshot, Documentation/images/hindi-news.png: a real run of
# `gazetag html` on Examples/hindi-news.txt, rendered by headless Chromium (Debian packages
# chromium and fonts-noto-core).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$(swift build --show-bin-path)/gazetag" html Examples/hindi-news.txt -o "$scratch/page.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
  --user-data-dir="$scratch/profile" --window-size=960,620 \
  --screenshot="$PWD/Documentation/images/hindi-news.png" "file://$scratch/page.html" \
  2>/dev/null
ls -l Documentation/images/hindi-news.png
