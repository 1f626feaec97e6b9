#!/bin/sh
# Installs the Node tools the tests need (package.json, pinned by
# package-lock.json) into tests/tools/node_modules. Idempotent: does nothing
# when the installed tree already matches the lock file. Exits non-zero when
# node/npm are missing or the install fails, so that tests depending on it
# fail instead of skipping.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
command -v node >/dev/null 2>&1 || { echo "install-node-tools: node not found (install Node.js >= 18)" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "install-node-tools: npm not found" >&2; exit 1; }
# npm writes node_modules/.package-lock.json after a successful install;
# when it equals the committed lock's package set, the tree is current.
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && node -e 'require("ajv-draft-04"); require("ajv-formats")' >/dev/null 2>&1 \
   && [ -x node_modules/.bin/action-validator ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
node -e 'require("ajv-draft-04"); require("ajv-formats")'
[ -x node_modules/.bin/action-validator ] || { echo "install-node-tools: action-validator missing after install" >&2; exit 1; }
