#!/usr/bin/env bash
# Generated-client check for TypeScript: installs the pinned tools (npm ci, from package-lock.json), generates types from
# the committed openapi/openapi.json (openapi-typescript) and type-checks typescript/src/usage.ts (create a channel,
# place an order, read it back with typed fields) with tsc. Fails when the contract stops serving such a client.
# Needs node and npm (the npm registry); .ci/run calls it when node is on PATH.
set -euo pipefail
cd "$(dirname "$0")/typescript"
npm ci --no-audit --no-fund --loglevel=error
rm -rf src/generated
npx --no-install openapi-typescript ../../openapi/openapi.json -o src/generated/api.d.ts
npx --no-install tsc --noEmit -p tsconfig.json
echo "clients/check.sh: TypeScript client generated from openapi/openapi.json and type-checked"
