#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== unit, contract and component tests"; npx vitest run
echo "== production build"; npx vite build --logLevel warn && node scripts/check-production-build.mjs
echo "== end-to-end tests (built demo, system Chromium)"; bash scripts/e2e.sh
