#!/usr/bin/env bash
# Builds the demo and runs the Playwright tests against it in the system Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx vite build --mode demo --outDir dist-demo --logLevel warn
npx playwright test "$@"
