#!/usr/bin/env bash
# End-to-end test of `kamergraaf check FILE` and `--verify`: a sound file passes, the issue's
# damaged file (one in-range adjacency entry changed) and a changed metadata value are refused
# with one line, and no query is answered from them.
set -euo pipefail
kg=$1
fixture=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kg" import "$fixture" --into "$work/x.db" >/dev/null

expect() {  # expect WHAT WANT_RC WANT_STDOUT WANT_STDERR_PREFIX COMMAND...
  local what=$1 want_rc=$2 want_out=$3 want_err=$4 rc=0
  shift 4
  "$@" >"$work/stdout" 2>"$work/stderr" || rc=$?
  [ "$rc" = "$want_rc" ] || { echo "$what: exit $rc, expected $want_rc"; cat "$work/stderr"; exit 1; }
  [ "$(cat "$work/stdout")" = "$want_out" ] || { echo "$what: stdout: $(cat "$work/stdout")"; exit 1; }
  [ "$(wc -l <"$work/stderr")" -le 1 ] || { echo "$what: more than one line on stderr"; exit 1; }
  case "$(cat "$work/stderr")" in
    "$want_err"*) ;;
    *) echo "$what: stderr: $(cat "$work/stderr")"; exit 1 ;;
  esac
}

expect "sound file" 0 "$work/x.db: ok (22 nodes, 22 edges, checksum verified)" "" "$kg" check "$work/x.db"
expect "--verify on a sound file" 0 \
  "Chemischwapenverdrag ←is partij bij— Nederland —neemt deel aan→ MINUSMA —is actief in→ Mali —is actief in→ Sahel  (4 hops)" \
  "" "$kg" --verify --db "$work/x.db" -c 'path cwv sahel'

# The issue's reproduction: out.target entry 8 changed from 17 to 20 (both valid node ids).
cp "$work/x.db" "$work/bad.db"
hex=$(sqlite3 "$work/bad.db" "SELECT hex(bytes) FROM image WHERE part = 'out.target'")
[ "${hex:64:8}" = "11000000" ] || { echo "out.target[8] is not 17: ${hex:64:8}"; exit 1; }
sqlite3 "$work/bad.db" "UPDATE image SET bytes = X'${hex:0:64}14000000${hex:72}' WHERE part = 'out.target'"
expect "check on the issue's file" 1 "" "$work/bad.db: error: damaged graph file: checksum does not match" \
  "$kg" check "$work/bad.db"
expect "path on the issue's file" 2 "" "kamergraaf: error: $work/bad.db: damaged graph file: checksum does not match" \
  "$kg" --db "$work/bad.db" -c 'path cwv sahel'

cp "$work/x.db" "$work/meta.db"
sqlite3 "$work/meta.db" "UPDATE meta SET value = 'elders' WHERE name = 'dataset'"
expect "--verify on changed metadata" 2 "" "kamergraaf: error: $work/meta.db: damaged graph file: checksum" \
  "$kg" --verify --db "$work/meta.db" -c stats
expect "check on changed metadata" 1 "" "$work/meta.db: error: damaged graph file: checksum does not match" \
  "$kg" check "$work/meta.db"

expect "check on a missing file" 2 "" "$work/none.db: error: cannot open graph file" "$kg" check "$work/none.db"
echo "check_cli: ok"
