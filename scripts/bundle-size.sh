#!/usr/bin/env bash
# Prints the size of the first load of the built app (dist/): every wasm, JS and
# CSS file, raw, gzip -9 and brotli, and checks the total against the budget in
# docs/benchmarks.md (350 KB gzip for the whole first load).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BUDGET_GZIP=$((350 * 1024))
dist="${1:-$ROOT/dist}"
[ -f "$dist/index.html" ] || die "$dist/index.html is missing: build the app first (trunk build --release)"
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dist"/index.html "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
awk -v r="$total_raw" -v g="$total_gz" -v b=$((BUDGET_GZIP / 1024)) \
  'BEGIN { printf "first load: %.1f KB raw, %.1f KB gzip (budget %d KB gzip)\n", r/1024, g/1024, b }'
[ "$total_gz" -le "$BUDGET_GZIP" ] || die "first load is over the gzip budget"
