#!/usr/bin/env bash
# Installs what building, running and testing Constellation needs, and nothing
# that is already there, so a second run takes seconds. Every tool comes from a
# package registry (crates.io, npm, Debian): nothing is downloaded from anywhere
# else, at setup or at build time.
#
#   scripts/setup.sh            tools to build and run the app
#   scripts/setup.sh --tests    also the browser and driver for the tests
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

command -v cargo >/dev/null || die "cargo is missing: install Rust (rustup) first"
command -v node >/dev/null || die "node is missing: install Node.js 20 and npm first"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.22 needs a newer rustc than this machine's, so 0.21 is pinned.
TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (compiles from crates.io; about 15 minutes on 2 cores)"
  # Tools build in a temporary folder of cargo's own, removed once installed,
  # not in the project's build cache (CARGO_TARGET_DIR).
  env -u CARGO_TARGET_DIR cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# trunk uses the wasm-bindgen CLI on PATH only if it matches Cargo.lock exactly.
WB_VERSION="$(locked_wasm_bindgen)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (brings wasm-bindgen-test-runner)"
  # Not --locked: its lock file names a crate version the registry no longer has.
  env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# Node tools (binaryen's wasm-opt, Playwright) exactly as package-lock.json says.
stamp="$ROOT/node_modules/.constellation-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
  say "installing node tools (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  cp "$ROOT/package-lock.json" "$stamp"
fi

if [ "$want_tests" = 1 ]; then
  # NetworkX, the reference the network metrics are checked against.
  if ! python3 -c 'import networkx' 2>/dev/null; then
    say "installing networkx (PyPI)"
    python3 -m pip install --quiet 'networkx==3.6.1'
  fi
  # The emoji font lets screenshots show what people's phones show; xmllint
  # (libxml2-utils) validates the IATI export against the IATI schema.
  if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ] || ! command -v xmllint >/dev/null \
    || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
    say "installing Debian's chromium, chromium-driver, an emoji font and xmllint"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver fonts-noto-color-emoji libxml2-utils
  fi
fi
