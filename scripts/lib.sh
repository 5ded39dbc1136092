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

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version trunk and the test runner must use: the one locked.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}
