#!/usr/bin/env bash
# Drives the built demo in the system Chromium and writes bench/results.json (see scripts/bench/run.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx vite build --mode demo --outDir dist-demo --logLevel warn
npx vite build --logLevel warn
node scripts/bench/run.mjs "$@"
