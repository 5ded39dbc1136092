#!/usr/bin/env bash
# Trunk post_build hook: shrink the release wasm with binaryen 132 from the npm
# registry (node_modules/binaryen). Debian's binaryen 108 produces wasm that
# loads but fails at run time, so it is never used. Debug builds are left as is.
#
# Two wasm files: the app (-Oz, it is the first load) and the network analysis
# worker (constellation-analysis-worker*, -O3: it is fetched only when the
# Network section opens and is built for speed, cargo profile wasm-worker).
# Trunk names worker files without a content hash, so on release builds this
# hook hashes them (after optimizing; before scripts/precompress.mjs, which runs
# next in the same hook) and names the hashed files in index.html:
#   <meta name="constellation-analysis-worker" content="/W-H_loader.js /W-H.js /W-H_bg.wasm">
# The app starts the worker from the first name (src/network_view/worker.rs);
# the service worker keeps all three (public/sw.js reads the names from the
# shell's HTML), and the server sends them as immutable like every hashed file.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
opt="$root/node_modules/binaryen/bin/wasm-opt"
if [ ! -f "$opt" ]; then
  echo "wasm-opt.sh: $opt is missing; run scripts/setup.sh (it runs npm ci)" >&2
  exit 1
fi
shopt -s nullglob
worker=constellation-analysis-worker
for wasm in "$TRUNK_STAGING_DIR"/*.wasm; do
  before=$(stat -c %s "$wasm")
  level=-Oz
  case "$(basename "$wasm")" in "$worker"*) level=-O3 ;; esac
  # CONSTELLATION_WASM_NAMES=1 keeps function names, for profiling a release
  # build (tests/bench/network-page.mjs with PROFILE=…); never for shipping.
  names=()
  [ "${CONSTELLATION_WASM_NAMES:-}" = "1" ] && names=(-g)
  node "$opt" "$level" "${names[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-mutable-globals \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  echo "wasm-opt $level: $(basename "$wasm") $before -> $(stat -c %s "$wasm") bytes"
done

# Hash the worker's files (its wasm and its wasm-bindgen script) into their names.
dir="$TRUNK_STAGING_DIR"
if [ -f "$dir/${worker}_bg.wasm" ] && [ -f "$dir/$worker.js" ] && [ -f "$dir/${worker}_loader.js" ]; then
  hash=$(cat "$dir/${worker}_bg.wasm" "$dir/$worker.js" | sha256sum | cut -c1-16)
  name="$worker-$hash"
  mv "$dir/${worker}_bg.wasm" "$dir/${name}_bg.wasm"
  mv "$dir/$worker.js" "$dir/$name.js"
  rm "$dir/${worker}_loader.js"
  printf 'importScripts("./%s.js");wasm_bindgen("./%s_bg.wasm");' "$name" "$name" > "$dir/${name}_loader.js"
  node -e '
    const fs = require("fs");
    const [file, name] = process.argv.slice(1);
    const html = fs.readFileSync(file, "utf8");
    const meta = `<meta name="constellation-analysis-worker" content="/${name}_loader.js /${name}.js /${name}_bg.wasm">`;
    const at = html.indexOf("<title");
    if (at < 0) { console.error("wasm-opt.sh: no <title> in " + file); process.exit(1); }
    fs.writeFileSync(file, html.slice(0, at) + meta + html.slice(at));
  ' "$dir/index.html" "$name"
  echo "analysis worker: $name (_loader.js, .js, _bg.wasm)"
fi
