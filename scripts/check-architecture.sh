#!/usr/bin/env bash
# Fails when an architecture invariant of docs/ARCHITECTURE.md is broken:
# `core` and `protocol` stay pure (no browser, runtime or I/O crates, for the
# host and for wasm32), and `core` touches neither the file system nor the network.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
# Transitively forbidden: browser bindings, async runtimes, I/O reactors.
forbidden='^(web-sys|gloo[a-z-]*|tokio[a-z-]*|mio|async-std) '
# wasm-bindgen and js-sys are allowed only as getrandom's wasm backend (yrs asks
# fastrand for a random client id in `Doc::new`, which core never calls: core
# takes its client id from the caller); any other way in fails (checked below).
bad=0
for crate in constellation-core constellation-protocol; do
  # core and protocol must not name a browser or runtime crate themselves.
  direct=$(cargo tree -q -p "$crate" -e normal,build --depth 1 --prefix none | tail -n +2 \
    | grep -E '^(web-sys|js-sys|wasm-bindgen|gloo[a-z-]*|tokio[a-z-]*) ' || true)
  if [ -n "$direct" ]; then
    echo "FAIL: $crate depends directly on:"; echo "$direct" | sed 's/^/  /'; bad=1
  fi
  for target in x86_64-unknown-linux-gnu wasm32-unknown-unknown; do
    found=$(cargo tree -q -p "$crate" --target "$target" -e normal,build --prefix none --no-dedupe \
      | sort -u | grep -E "$forbidden" || true)
    for b in wasm-bindgen js-sys; do
      users=$(cargo tree -q -p "$crate" --target "$target" -e normal -i "$b" --depth 1 --prefix none 2>/dev/null \
        | tail -n +2 | grep -Ev '^(getrandom|wasm-bindgen[a-z-]*|js-sys) ' || true)
      [ -n "$users" ] && found+=$'\n'"$b (through: $(echo "$users" | tr '\n' ' '))"
    done
    found=$(echo "$found" | sed '/^$/d')
    if [ -n "$found" ]; then
      echo "FAIL: $crate depends on forbidden crates for $target:"; echo "$found" | sed 's/^/  /'
      bad=1
    else
      echo "ok: $crate ($target) has no browser, runtime or I/O dependency"
    fi
  done
done
io=$(grep -rnE 'std::(fs|net|process|thread|time::(SystemTime|Instant))|\bFile::|TcpStream' crates/core/src crates/protocol/src || true)
if [ -n "$io" ]; then
  echo "FAIL: core/protocol must do no I/O and read no clock:"; echo "$io" | sed 's/^/  /'
  bad=1
else
  echo "ok: core and protocol do no I/O and read no clock"
fi

# The wasm bundle must not carry two versions of one crate. Two pairs come from
# upstream and cannot be unified from here: hashbrown (yrs → dashmap uses 0.14,
# leptos → indexmap uses a newer one) and thiserror (leptos → gloo-net uses 1.x,
# a derive with almost no run-time code). Anything else fails.
allowed='^(hashbrown|thiserror) '
dups=$(cargo tree -q -d -p constellation-web --target wasm32-unknown-unknown -e normal,no-proc-macro --depth 0 \
  | grep -E '^[a-z0-9_-]+ v' | sort -u | grep -Ev "$allowed" || true)
if [ -n "$dups" ]; then
  echo "FAIL: the wasm bundle carries two versions of:"; echo "$dups" | sed 's/^/  /'
  bad=1
else
  echo "ok: no duplicate crate versions in the wasm bundle (beyond the documented hashbrown/thiserror pairs)"
fi
exit $bad
