#!/usr/bin/env bash
# Builds crates/bench-wasm for wasm32 exactly as the web app is built (the
# `wasm-bench` profile inherits the app's `wasm-release`: opt-level "z", LTO;
# then binaryen wasm-opt -Oz with the app's flags), generates Node bindings with
# wasm-bindgen, and runs the side-by-side benchmark tests/bench/network.mjs
# (our WebAssembly against graphology and d3-force). Results: docs/benchmarks.md.
#
#   scripts/bench-network.sh [all|layout|analysis|parts]   # as the app ships
#   (parts: only where the time of "all node metrics" goes, part by part, with
#   the betweenness sweeps as of ff57f5d timed alongside)
#   OPT_LEVEL=3 scripts/bench-network.sh  # core at opt-level 3 (and wasm-opt -O3), to compare
#   (OPT_LEVEL=s uses wasm-opt -Os)
# Before/after of two builds in one process (the machine's speed swings by
# 1.3× from minute to minute): tests/bench/network-ab.mjs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
opt_level="${OPT_LEVEL:-z}"
target_dir="$CARGO_TARGET_DIR"
if [ "$opt_level" != z ]; then
  # Another opt-level in a directory of its own, so the default build is kept.
  export CARGO_PROFILE_WASM_BENCH_OPT_LEVEL="$opt_level"
  target_dir="$CARGO_TARGET_DIR/bench-opt-$opt_level"
fi
say "building crates/bench-wasm for wasm32 (opt-level $opt_level)"
CARGO_TARGET_DIR="$target_dir" cargo build --target wasm32-unknown-unknown \
  -p constellation-bench-wasm --profile wasm-bench
wasm="$target_dir/wasm32-unknown-unknown/wasm-bench/constellation_bench_wasm.wasm"
pkg="$target_dir/bench-network-pkg"
rm -rf "$pkg"
wasm-bindgen --target nodejs --out-dir "$pkg" "$wasm"
case "$opt_level" in z) flag=-Oz ;; s) flag=-Os ;; *) flag=-O3 ;; esac
node "$ROOT/node_modules/binaryen/bin/wasm-opt" "$flag" --enable-bulk-memory \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types \
  --enable-mutable-globals "$pkg/constellation_bench_wasm_bg.wasm" -o "$pkg/opt.wasm"
mv "$pkg/opt.wasm" "$pkg/constellation_bench_wasm_bg.wasm"
echo "wasm: $(stat -c %s "$pkg/constellation_bench_wasm_bg.wasm") bytes (opt-level $opt_level, wasm-opt $flag)"
say "running tests/bench/network.mjs"
node "$ROOT/tests/bench/network.mjs" "$pkg" "$@"
