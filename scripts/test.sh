#!/usr/bin/env bash
# Sets up and runs every test of Constellation, then prints one closing line
# "N passed, N failed" summed over all suites. `.ci/run` calls exactly this.
#
# Suites, in order: the architecture check; native tests of every crate (core,
# protocol, server — including the real `constellation serve` binary on
# loopback); a wasm-bindgen-test of one component in headless chromium; the
# optimized release build of the app; end-to-end tests in headless chromium
# against the real server serving that build.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh" --tests || die "setup failed"
cd "$ROOT"
# Make sure the builds below have room (scripts/lib.sh). Incremental state
# would take more, and a fresh clone gains little from it.
make_room_for_builds "$BUILD_GIB"
export CARGO_INCREMENTAL=0
echo "disk: $(free_gib "$CARGO_TARGET_DIR") GiB free for builds in $CARGO_TARGET_DIR"

logs="$(mktemp -d)"
passed=0
failed=0
broken=()

# Adds the counts in cargo's "test result: ok. 5 passed; 0 failed; …" lines.
count_cargo() {
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
}

# Runs one suite; a suite that fails without reporting a failed test (a build
# error, a crash) still counts as one failure, so nothing fails silently.
suite() {
  local name="$1"; shift
  local log="$logs/$name.log" before_failed=$failed start=$SECONDS status
  say "$name"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  case "$name" in
    native|wasm) count_cargo "$log" ;;
    e2e) if [ -f "$logs/e2e.json" ]; then
           read -r p f < <(node -e 'const s=require(process.argv[1]).stats; console.log(s.expected+s.flaky, s.unexpected)' "$logs/e2e.json")
           passed=$((passed + p)); failed=$((failed + f))
         fi ;;
    *) [ "$status" = 0 ] && passed=$((passed + 1)) ;;
  esac
  if [ "$status" != 0 ]; then
    broken+=("$name")
    [ "$failed" = "$before_failed" ] && failed=$((failed + 1))
  fi
  echo "($name took $((SECONDS - start)) s)"
}

suite architecture "$ROOT/scripts/check-architecture.sh"
suite native cargo test --workspace --exclude constellation-web
suite networkx-reference python3 "$ROOT/tests/reference/networkx_reference.py" --check
suite wasm env WASM_BINDGEN_TEST_TIMEOUT=120 cargo test -p constellation-web --target wasm32-unknown-unknown
suite release-build trunk build --release
suite bundle-size "$ROOT/scripts/bundle-size.sh"
suite server-build cargo build -p constellation-server
export CONSTELLATION_BIN="$CARGO_TARGET_DIR/debug/constellation"
export CONSTELLATION_DIST="$ROOT/dist"
suite e2e env PLAYWRIGHT_JSON_OUTPUT_NAME="$logs/e2e.json" \
  npx playwright test --config tests/playwright.config.mjs --reporter=list,json

echo
if [ ${#broken[@]} -gt 0 ]; then echo "failing suites: ${broken[*]} (logs in $logs)"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
