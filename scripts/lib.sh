# Shared by the project's scripts: paths, PATH, and small helpers. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# Never let npm packages download browsers: tests drive Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Registry crates are compiled once per machine and shared by every clone, so a
# fresh checkout (as CI makes) does not rebuild the whole dependency tree.
# Caveat: cargo keys this workspace's own crates by package, not by path, so two
# checkouts building into one target directory *at the same time* can take each
# other's builds for up to date. Give each a CARGO_TARGET_DIR of its own for that.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/constellation/target}"
# What a whole test run writes there from an empty cache, with a margin
# (measured in docs/ARCHITECTURE.md, "Build cache").
BUILD_GIB=8

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version trunk and the test runner must use: the one locked.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

# Free space, in whole GiB, on the filesystem that holds path $1 (or would).
free_gib() {
  local d="$1"
  while [ ! -e "$d" ]; do d="$(dirname "$d")"; done
  df -Pk "$d" | awk 'NR == 2 { print int($4 / 1048576) }'
}

# Cargo never deletes what it built before, so the shared build cache only
# grows (old dependency versions, benchmark profiles, incremental state). Before
# building, make sure about $1 GiB are free where builds go: first drop what no
# build reuses much (incremental state, benchmark output), then, if that is not
# enough, the whole cache (everything is rebuilt, slower but correct). Stops
# with a clear message if the disk is still too full.
make_room_for_builds() {
  local need="$1" free
  free=$(free_gib "$CARGO_TARGET_DIR")
  [ "$free" -ge "$need" ] && return 0
  say "only $free GiB free for builds in $CARGO_TARGET_DIR (about $need GiB wanted): dropping incremental state and benchmark output"
  rm -rf "$CARGO_TARGET_DIR"/*/incremental "$CARGO_TARGET_DIR"/*/*/incremental \
    "$CARGO_TARGET_DIR"/criterion "$CARGO_TARGET_DIR"/*/wasm-bench
  free=$(free_gib "$CARGO_TARGET_DIR")
  [ "$free" -ge "$need" ] && return 0
  # Only a folder cargo made (it tags its target folders) is ever removed whole.
  [ -f "$CARGO_TARGET_DIR/CACHEDIR.TAG" ] \
    || die "only $free GiB free for builds (about $need GiB wanted), and $CARGO_TARGET_DIR is not a cargo build folder (no CACHEDIR.TAG), so it is left alone: free some space and run again."
  say "still only $free GiB free: dropping the whole build cache (everything is rebuilt)"
  rm -rf "$CARGO_TARGET_DIR"
  free=$(free_gib "$CARGO_TARGET_DIR")
  [ "$free" -ge "$need" ] && return 0
  die "only $free GiB free on the disk that holds $CARGO_TARGET_DIR; building and testing Constellation needs about $need GiB. Free some space (or point CARGO_TARGET_DIR at a disk with room) and run again."
}
