#!/usr/bin/env bash
# Prints the size of the first load of the built app (dist/) as `constellation
# serve` sends it: every file a first visit downloads (HTML, wasm, JS, CSS, the
# favicon and the manifest), raw, gzip and brotli, where gzip and brotli are the
# .gz and .br files the release build writes (scripts/precompress.mjs) and the
# server picks by Accept-Encoding. A file without a sibling is sent as it is.
# Checks the brotli total, what a current browser receives, against the budget
# in docs/benchmarks.md; the gzip total is printed for reference. The PNG icons
# are listed apart: they are fetched when the app is installed, not to open it;
# so are the network analysis worker's files (constellation-analysis-worker*),
# fetched when the Network section opens (src/network_view/worker.rs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BUDGET_BR=$((900 * 1024))
dist="${1:-$ROOT/dist}"
[ -f "$dist/index.html" ] || die "$dist/index.html is missing: build the app first (trunk build --release)"
compgen -G "$dist/*.wasm.br" >/dev/null \
  || die "$dist has no precompressed wasm (.wasm.br): build it with trunk build --release, whose hook runs scripts/precompress.mjs"

# Size of what is sent for file $1 in encoding $2 (br or gz): the sibling, else the file.
served() { if [ -f "$1.$2" ]; then stat -c %s "$1.$2"; else stat -c %s "$1"; fi; }

total_raw=0; total_gz=0; total_br=0
row() { printf '%-46s %10s %10s %10s\n' "$@"; }
row file raw gzip brotli
worker=constellation-analysis-worker
for f in "$dist"/index.html "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/*.svg "$dist"/*.webmanifest; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in "$worker"*) continue ;; esac
  raw=$(stat -c %s "$f"); gz=$(served "$f" gz); br=$(served "$f" br)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  row "$(basename "$f")" "$raw" "$gz" "$br"
done
row TOTAL "$total_raw" "$total_gz" "$total_br"
w_raw=0; w_br=0
for f in "$dist"/"$worker"*.wasm "$dist"/"$worker"*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(served "$f" gz); br=$(served "$f" br)
  w_raw=$((w_raw + raw)); w_br=$((w_br + br))
  row "$(basename "$f" | sed 's/-[0-9a-f]\{16\}/-…/') (Network)" "$raw" "$gz" "$br"
done
for f in "$dist"/*.png; do
  [ -f "$f" ] || continue
  row "$(basename "$f") (on install)" "$(stat -c %s "$f")" - -
done
awk -v r="$total_raw" -v g="$total_gz" -v b="$total_br" -v budget=$((BUDGET_BR / 1024)) \
  'BEGIN { printf "first load: %.1f KB raw, %.1f KB gzip, %.1f KB brotli as served (budget %d KB brotli)\n", r/1024, g/1024, b/1024, budget }'
[ "$w_raw" -eq 0 ] || awk -v r="$w_raw" -v b="$w_br" \
  'BEGIN { printf "network analysis worker (fetched when the Network section opens): %.1f KB raw, %.1f KB brotli\n", r/1024, b/1024 }'
[ "$total_br" -le "$BUDGET_BR" ] || die "first load is over the budget: $total_br bytes brotli > $BUDGET_BR"
