#!/usr/bin/env bash
# Sets up, builds and starts Constellation: the app and its relay on one port.
#   ./scripts/run.sh [--port N] [--data DIR]     (defaults: 8080, ./data)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
make_room_for_builds "$BUILD_GIB"
say "building the web app (release, optimized)"
trunk build --release
say "building the server"
cargo build --release -p constellation-server
exec "$CARGO_TARGET_DIR/release/constellation" serve --dist "$ROOT/dist" "$@"
