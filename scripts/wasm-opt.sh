#!/usr/bin/env bash
# Trunk post_build hook: shrink the release wasm with binaryen 132 from the npm
# registry (node_modules/binaryen). Debian's binaryen 108 produces wasm that
# loads but fails at run time, so it is never used. Debug builds are left as is.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
opt="$root/node_modules/binaryen/bin/wasm-opt"
if [ ! -f "$opt" ]; then
  echo "wasm-opt.sh: $opt is missing; run scripts/setup.sh (it runs npm ci)" >&2
  exit 1
fi
shopt -s nullglob
for wasm in "$TRUNK_STAGING_DIR"/*.wasm; do
  before=$(stat -c %s "$wasm")
  node "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-mutable-globals \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  echo "wasm-opt: $(basename "$wasm") $before -> $(stat -c %s "$wasm") bytes"
done
