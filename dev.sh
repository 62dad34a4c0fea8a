#!/usr/bin/env bash
# Set-up, build and run for kamergraaf on Debian 12. Idempotent: installs only missing packages,
# configures once, rebuilds only what changed.
#   ./dev.sh shell [ARGS...]   set up, build, open the shell on the shipped GBVS graph
#   ./dev.sh test              set up, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

# clang and libclang-rt-14-dev (libFuzzer, the sanitizer runtimes) build the fuzz harnesses in CI;
# graphviz's dot program draws --format svg (run as a process, see docs/architecture.md); jq reads
# --format json in the user guide.
packages=(g++ cmake make pkg-config libboost-graph-dev libsqlite3-dev libreadline-dev doctest-dev
          libutf8proc-dev libxxhash-dev nlohmann-json3-dev libfmt-dev libcli11-dev expect tmux
          sqlite3 python3-networkx libxml2-utils clang libclang-rt-14-dev clang-format graphviz jq)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "dev.sh: missing packages: ${missing[*]}" >&2
    echo "dev.sh: install them as root (sudo apt-get install ${missing[*]}) and run this again" >&2
    exit 1
  fi
  echo "dev.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
    { apt-get update >&2 && apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
}

build() {
  local dir=$1; shift
  [ -f "$dir/CMakeCache.txt" ] || cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2
  cmake --build "$dir" -j "$(nproc)" >&2
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  shell)
    install_missing
    build build
    exec build/kamergraaf "$@"
    ;;
  test)
    install_missing
    build build
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: ./dev.sh shell [kamergraaf arguments] | ./dev.sh test" >&2
    exit 2
    ;;
esac
