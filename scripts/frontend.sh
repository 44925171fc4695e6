#!/usr/bin/env bash
# Install the front-end packages (editor, math) from the npm registry and bundle them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f package.json ] || exit 0
if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
  npm install --no-audit --no-fund --silent
  touch node_modules
fi
[ -f scripts/build-frontend.mjs ] && node scripts/build-frontend.mjs
exit 0
