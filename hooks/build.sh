#!/usr/bin/env bash
# ask-cli v2 build hook. `ask deploy` (run from the project root) finds hooks/build.sh and runs it instead of
# zipping code.default.src as it is: `hooks/build.sh <zip to write> <debug>`, in a copy of lambda/dist.
# This builds the bundle from lambda/src and writes a zip that holds exactly index.js, so a bare `ask deploy`
# on a fresh clone uploads the handler, never sources, source maps or a stray node_modules.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$ROOT/node_modules/tsx/dist/cli.mjs" ]; then
  echo "hooks/build.sh: run npm install in $ROOT first (the bundle is built with esbuild from node_modules)" >&2
  exit 1
fi
exec node "$ROOT/node_modules/tsx/dist/cli.mjs" "$ROOT/tools/deploy/package.ts" "$1"
