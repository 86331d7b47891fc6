#!/usr/bin/env bash
# Drives the built demo in the system Chromium and writes bench/results.json (see scripts/bench/run.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx vite build --mode demo --outDir dist-demo --logLevel warn
# The varied sheet set, read through the app by the ocr part: in the demo build only, never in dist/.
mkdir -p dist-demo/demo/imglib/BENCH && cp tests/sheets/varied/*.jpg dist-demo/demo/imglib/BENCH/
npx vite build --logLevel warn
node scripts/bench/run.mjs "$@"
